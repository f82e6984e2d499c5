#include "load/config.h"

#include <fstream>
#include <iterator>

#include "core/ics.h"
#include "core/rule_registry.h"
#include "core/text.h"
#include "core/zone.h"
#include "load/fields.h"
#include "load/validate.h"
#include "load/yaml_tree.h"

namespace esc {

namespace {

// `calendar: holidays/poland.ics`: the file's days are the holidays, instead of a built-in
// calendar's. Relative to the configuration file, like `templates:`. A file that cannot be read
// or is not a calendar is an error at the value (the caller exits 2).
void load_ics_calendar(const YNode& value, Config& c, std::vector<Diagnostic>& problems) {
  namespace fs = std::filesystem;
  fs::path path(value.scalar);
  if (path.is_relative() && !c.file.empty()) path = fs::path(c.file).parent_path() / path;
  auto problem = [&](const std::string& why) {
    Diagnostic d = make_finding(RuleId::schema);
    d.file = c.file;
    d.mark = value.mark;
    d.node_path = "calendar";
    d.message = "calendar file " + path.string() + " " + why;
    problems.push_back(std::move(d));
  };
  std::error_code ec;
  constexpr std::uintmax_t kMaxCalendarSize = 4 * 1024 * 1024;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) return problem("cannot be read: " + ec.message());
  if (size > kMaxCalendarSize) return problem("is larger than 4 MB; is it a holiday calendar?");
  std::ifstream in(path, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) return problem("cannot be read");
  IcsHolidays ics = parse_ics_holidays(text);
  if (!ics.error.empty()) return problem("cannot be used: " + ics.error);
  c.calendar = CalendarKind::none;
  c.calendar_file = path.string();
  c.holidays.insert(c.holidays.end(), ics.days.begin(), ics.days.end());
}

}  // namespace

Config load_config(std::string_view text, const std::string& file, std::vector<Diagnostic>& problems) {
  Config c;
  c.file = file;
  ParseResult parsed = parse_yaml(text, ParseLimits{});
  if (!parsed.ok) {
    problems.push_back(syntax_diagnostic(parsed, file));
    return c;
  }
  // An empty configuration file means "all defaults".
  if (parsed.root.is_null()) return c;
  validate_shape(parsed.root, config_shape(), file, problems);
  if (!parsed.root.is_map()) return c;
  const YNode& root = parsed.root;
  auto scalar = [&](const YNode* n) -> const std::string_view* {
    return n && n->is_scalar() ? &n->scalar : nullptr;
  };
  if (auto s = scalar(root.find("triage_window")))
    if (auto d = parse_duration(*s)) c.triage_window = *d;
  if (auto s = scalar(root.find("currency"))) c.currency = *s;
  if (const YNode* n = root.find("p1_revenue_threshold")) {
    double v;
    if (scalar_is_number(*n, &v)) c.p1_revenue_threshold = v;
  }
  if (const YNode* cad = root.find("cadence"); cad && cad->is_map())
    for (int p = 0; p < 3; ++p)
      if (auto s = scalar(cad->find(name_of(static_cast<Priority>(p)))))
        if (auto d = parse_duration(*s)) c.cadence[p] = *d;
  if (const YNode* cal = root.find("calendar"); cal && cal->is_scalar()) {
    if (auto k = parse_calendar_kind(cal->scalar)) c.calendar = *k;
    else if (is_ics_path(cal->scalar)) load_ics_calendar(*cal, c, problems);
  }
  if (const YNode* h = root.find("holidays"); h && h->is_seq())
    for (const YNode& item : h->items())
      if (auto s = scalar(&item))
        if (auto d = parse_date(*s)) c.holidays.push_back(*d);
  if (auto s = scalar(root.find("sender_domain"))) {
    if (is_domain_name(*s)) {
      c.sender_domain = *s;
    } else {
      Diagnostic d = make_finding(RuleId::schema);
      d.file = file;
      d.mark = root.find("sender_domain")->mark;
      d.node_path = "sender_domain";
      d.message = "'sender_domain' must be a domain name such as example.co.jp (letters, digits and '-' in "
                  "dot-separated labels), got '" + excerpt(*s) + "'; it is the right-hand side of every "
                  "Message-ID, and email threading breaks without a valid one";
      problems.push_back(std::move(d));
    }
  }
  if (auto s = scalar(root.find("font"))) {
    c.font = *s;
    c.font_mark = root.find("font")->mark;
  }
  if (auto s = scalar(root.find("templates"))) c.templates = *s;
  if (const YNode* tz = root.find("display_timezone"); tz && tz->is_scalar()) {
    std::string why;
    if (TimeZone::load(tz->scalar, &why)) {
      c.display_timezone = tz->scalar;
    } else {
      Diagnostic d = make_finding(RuleId::schema);
      d.file = file;
      d.mark = tz->mark;
      d.node_path = "display_timezone";
      d.message = "display_timezone: " + why;
      problems.push_back(std::move(d));
    }
  }
  if (const YNode* ex = root.find("exclude"); ex && ex->is_seq())
    for (const YNode& item : ex->items())
      if (auto s = scalar(&item)) c.exclude.emplace_back(*s);
  if (const YNode* n = root.find("max_file_size")) {
    long long v;
    if (scalar_is_integer(*n, &v) && v > 0) c.max_file_size = static_cast<std::size_t>(v);
  }
  if (const YNode* rules = root.find("rules"); rules && rules->is_map())
    for (const auto& [k, v] : rules->entries())
      if (k.is_scalar() && v.is_scalar())
        if (auto sev = parse_severity(v.scalar)) {
          c.rule_severity[std::string(k.scalar)] = *sev;
          c.rule_marks[std::string(k.scalar)] = k.mark;
        }
  if (const YNode* lint = root.find("lint"); lint && lint->is_map())
    if (auto s = scalar(lint->find("date_order")))
      c.date_order = *s == "month-first" ? DateOrder::month_first : DateOrder::day_first;
  if (const YNode* lint = root.find("lint"); lint && lint->is_map())
    if (const YNode* pats = lint->find("patterns"); pats && pats->is_seq())
      for (const YNode& p : pats->items()) {
        if (!p.is_map()) continue;
        LintPattern lp;
        if (auto s = scalar(p.find("id"))) lp.id = *s;
        if (const YNode* pn = p.find("pattern"); pn && pn->is_scalar()) {
          lp.pattern = pn->scalar;
          lp.mark = pn->mark;
        }
        if (auto s = scalar(p.find("message"))) lp.message = *s;
        if (auto s = scalar(p.find("severity")))
          if (auto sev = parse_severity(*s)) lp.severity = *sev;
        c.lint_patterns.push_back(std::move(lp));
      }
  return c;
}

std::optional<std::filesystem::path> discover_config(const std::filesystem::path& start) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path dir = fs::absolute(start, ec);
  if (ec) return std::nullopt;
  while (true) {
    fs::path candidate = dir / ".escalate.yaml";
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (fs::exists(dir / ".git", ec)) return std::nullopt;
    fs::path parent = dir.parent_path();
    if (parent == dir || parent.empty()) return std::nullopt;
    dir = parent;
  }
}

}  // namespace esc
