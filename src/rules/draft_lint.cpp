#include "rules/draft_lint.h"

#include "core/text.h"

#include <re2/re2.h>

#include <algorithm>

#include "rules/engine.h"
#include "rules/rule.h"

namespace esc {

namespace {

// True when the configuration turns the rule off (its other overrides apply to the findings).
bool turned_off(std::string_view id, const Config& config) {
  auto it = config.rule_severity.find(std::string(id));
  return it != config.rule_severity.end() && it->second == Severity::off;
}

// True when a placeholder (in text order) starts inside [begin, end).
bool placeholder_in(const std::vector<TextMatch>& placeholders, std::size_t begin, std::size_t end) {
  auto it = std::lower_bound(placeholders.begin(), placeholders.end(), begin,
                             [](const TextMatch& m, std::size_t b) { return m.offset < b; });
  return it != placeholders.end() && it->offset < end;
}

// Every "next update by" promise, read. The prose may name only a time of day ("a further
// update by 3pm UTC", as the template has it): that time is read on the date of the first
// promise that names one, so "3pm UTC" there and "Thursday 26 November 2026, 15:00 UTC" in the
// field are one promise, and "4pm UTC" is a second, different one.
// When the draft is sent: its Date header, else --now.
Instant sent_at(const Draft& d, Instant now) {
  if (d.date_header)
    if (auto sent = read_written_time(*d.date_header); sent && sent->utc) return *sent->utc;
  return now;
}

// What written dates are read against: the day the draft is sent; the configured order of
// numeric dates.
DateContext date_context(const Draft& d, const Config& config, Instant now) {
  DateContext c;
  c.order = config.date_order;
  c.reference = utc_date(sent_at(d, now));
  return c;
}

std::vector<ReadPromise> read_promises(const Draft& d, const std::vector<Field>& fields,
                                       const std::vector<TextMatch>& placeholders, const DateContext& dates) {
  std::vector<ReadPromise> out;
  std::vector<std::string_view> texts;  // what each promise's time was read from
  for (const Promise& p : next_update_promises(d.body, fields)) {
    ReadPromise r;
    r.promise = p;
    std::size_t line_end = d.body.find('\n', p.text.begin);
    if (line_end == std::string::npos) line_end = d.body.size();
    const std::size_t end = p.labelled ? p.text.end : std::min(line_end, p.text.begin + 200);
    std::string_view text = std::string_view(d.body).substr(p.text.begin, end - p.text.begin);
    std::size_t lead = 0;
    while (lead < text.size() && (text[lead] == ' ' || text[lead] == '\t' || text[lead] == '\n')) ++lead;
    text.remove_prefix(lead);
    r.start = p.text.begin + lead;
    r.placeholder = placeholder_in(placeholders, p.text.begin, p.labelled ? std::max(end, p.text.begin + 1) : line_end);
    r.time = read_written_time(text, std::nullopt, dates);
    if (!p.labelled && !r.time && !r.placeholder) continue;  // "a further update by email"
    r.written = quote_excerpt(r.time ? text.substr(0, r.time->length) : text);
    out.push_back(std::move(r));
    texts.push_back(text);
  }
  auto dated = std::find_if(out.begin(), out.end(), [](const ReadPromise& r) { return r.time && r.time->date; });
  if (dated == out.end()) return out;
  const Date on = *dated->time->date;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (!out[i].promise.labelled && out[i].time && out[i].time->status == WrittenTime::Status::no_date)
      out[i].time = read_written_time(texts[i], on, dates);
  return out;
}

std::vector<ReadPirDate> read_pir_dates(const Draft& d, const std::vector<TextMatch>& placeholders,
                                        const DateContext& dates) {
  std::vector<ReadPirDate> out;
  for (std::size_t at : pir_share_by_mentions(d.body)) {
    ReadPirDate r;
    r.start = at;
    std::size_t line_end = d.body.find('\n', at);
    if (line_end == std::string::npos) line_end = d.body.size();
    std::string_view text = std::string_view(d.body).substr(at, std::min(line_end - at, std::size_t{120}));
    r.placeholder = placeholder_in(placeholders, at, line_end);
    std::size_t length = 0;
    std::string detail;
    r.date = read_written_date(text, &length, &detail, dates);
    r.written = quote_excerpt(length > 0 ? text.substr(0, length) : text);
    out.push_back(std::move(r));
  }
  return out;
}

void run_patterns(const Draft& d, const std::vector<CustomPattern>& patterns, const std::string& file,
                  std::vector<Diagnostic>& out) {
  auto scan = [&](const CustomPattern& p, std::string_view text, auto mark_of) {
    const re2::StringPiece all(text.data(), text.size());
    re2::StringPiece m;
    std::size_t pos = 0;
    while (pos <= text.size() && p.regex->Match(all, pos, text.size(), re2::RE2::UNANCHORED, &m, 1)) {
      const std::size_t at = static_cast<std::size_t>(m.data() - text.data());
      if (!m.empty()) {
        Diagnostic diag;
        diag.rule = p.id;
        diag.severity = p.severity;
        diag.file = file;
        diag.mark = mark_of(at);
        diag.message = p.message + " ('" + quote_excerpt(std::string_view(m.data(), m.size())) + "')";
        out.push_back(std::move(diag));
      }
      pos = at + std::max<std::size_t>(m.size(), 1);
    }
  };
  for (const CustomPattern& p : patterns) {
    if (d.subject) scan(p, *d.subject, [&](std::size_t at) { return d.subject_mark(at); });
    // Line by line, so '^' and '$' mean the start and end of a line.
    for (std::size_t i = 0; i < d.line_starts.size(); ++i) {
      const std::size_t start = d.line_starts[i];
      scan(p, d.body_line(i), [&](std::size_t at) { return d.body_mark(start + at); });
    }
  }
}

}  // namespace

std::string_view DraftContext::value(const Field& f) const {
  return std::string_view(draft.body).substr(f.value_offset, f.value_end - f.value_offset);
}

bool DraftContext::has_placeholder(std::size_t begin, std::size_t end) const {
  return placeholder_in(body_placeholders, begin, end);
}

// Fields and footer lines are in text order and do not overlap: binary searches keep a draft
// with thousands of them linear-logarithmic.
const Field* DraftContext::field_at(std::size_t offset) const {
  auto it = std::upper_bound(fields.begin(), fields.end(), offset,
                             [](std::size_t o, const Field& f) { return o < f.value_offset; });
  if (it == fields.begin()) return nullptr;
  const Field& f = *std::prev(it);
  return offset < std::max(f.value_end, f.value_offset + 1) ? &f : nullptr;
}

bool DraftContext::in_footer(std::size_t offset) const {
  auto it = std::upper_bound(footer.begin(), footer.end(), offset,
                             [](std::size_t o, const Span& s) { return o < s.begin; });
  return it != footer.begin() && std::prev(it)->contains(offset);
}

void DraftFindings::add(Mark mark, std::string message, std::vector<Note> notes) {
  Diagnostic d = make_finding(rule_);
  d.file = file_;
  d.mark = mark;
  d.message = std::move(message) + playbook_citation(rule_);
  d.notes = std::move(notes);
  out_.push_back(std::move(d));
}

std::vector<const RuleInfo*> draft_rules() {
  std::vector<const RuleInfo*> out;
  for (const RuleInfo* r : rule_table())
    if (r->draft_check) out.push_back(r);
  return out;
}

std::vector<CustomPattern> compile_patterns(const Config& config, std::vector<std::string>& errors) {
  std::vector<CustomPattern> out;
  for (std::size_t i = 0; i < config.lint_patterns.size(); ++i) {
    const LintPattern& lp = config.lint_patterns[i];
    const std::string where = format_location(config.file.empty() ? "configuration" : config.file, lp.mark);
    const std::string field = "lint.patterns[" + std::to_string(i) + "]";
    if (lp.id.empty() || lp.pattern.empty()) continue;  // reported by the configuration's schema
    if (find_rule(lp.id)) {
      errors.push_back(where + ": configuration: " + field + ".id '" + lp.id +
                       "' is a built-in rule id; give the custom pattern its own id");
      continue;
    }
    re2::RE2::Options options;
    options.set_log_errors(false);
    auto regex = std::make_shared<const re2::RE2>(lp.pattern, options);
    if (!regex->ok()) {
      errors.push_back(where + ": configuration: " + field + ".pattern is not a valid RE2 regular expression: " +
                       regex->error());
      continue;
    }
    out.push_back({lp.id, std::move(regex), lp.message, lp.severity});
  }
  return out;
}

std::string quote_excerpt(std::string_view text, std::size_t max) {
  std::string out = excerpt(text, max);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

namespace {

// A finding of the decoded text, moved to the file as stored; for base64 and HTML parts a note
// quotes the decoded text the finding is about.
void to_stored(const Draft& d, Diagnostic& diag) {
  const Located at = d.locate(diag.mark);
  diag.mark = at.mark;
  for (Note& n : diag.notes) n.mark = d.locate(n.mark).mark;
  if (at.decoded) diag.notes.push_back({at.mark, d.part_name + " reads: '" + *at.decoded + "'"});
}

// Every check's findings for one view of the draft (its text or its HTML alternative), at
// positions in the file as stored. Severities are applied later.
std::vector<Diagnostic> lint_view(const Draft& draft, const std::string& file, const DraftLintOptions& options) {
  const Config& config = *options.config;
  const Calendar calendar(config.calendar, config.holidays);
  const SubjectParts subject = draft.subject ? parse_subject(*draft.subject) : SubjectParts{};
  const std::vector<Span> footer = draft.readable ? internal_footer_lines(draft.body) : std::vector<Span>{};
  const std::vector<Field> fields = draft.readable ? find_fields(draft.body) : std::vector<Field>{};
  const std::vector<TextMatch> subject_placeholders =
      draft.readable && draft.subject ? find_placeholders(*draft.subject) : std::vector<TextMatch>{};
  std::vector<TextMatch> body_placeholders = draft.readable ? find_placeholders(draft.body) : std::vector<TextMatch>{};
  // The footer is one problem (draft-internal-footer), not also its "_____" placeholders.
  std::erase_if(body_placeholders, [&](const TextMatch& m) {
    auto it = std::upper_bound(footer.begin(), footer.end(), m.offset,
                               [](std::size_t o, const Span& s) { return o < s.begin; });
    return it != footer.begin() && std::prev(it)->contains(m.offset);
  });
  const DateContext dates = date_context(draft, config, options.now);
  const std::vector<ReadPromise> promises = draft.readable ? read_promises(draft, fields, body_placeholders, dates)
                                                           : std::vector<ReadPromise>{};
  const std::vector<ReadPirDate> pir_dates =
      draft.readable ? read_pir_dates(draft, body_placeholders, dates) : std::vector<ReadPirDate>{};
  const DraftContext ctx{draft,    subject,   fields, footer,      subject_placeholders, body_placeholders,
                         promises, pir_dates, config, calendar,    options.now,          options.incident,
                         sent_at(draft, options.now), dates};

  std::vector<Diagnostic> out;
  for (const RuleInfo* rule : rule_table()) {
    if (!rule->draft_check) continue;
    const bool syntax = rule->rule == RuleId::draft_syntax;
    // An unreadable draft (empty, binary) has only its draft-syntax findings.
    if (!draft.readable && !syntax) continue;
    if (turned_off(rule->id, config)) continue;
    const std::size_t before = out.size();
    DraftFindings findings(rule->rule, file, out);
    rule->draft_check(ctx, findings);
    // The reader's problems are already at positions in the file.
    if (!syntax)
      for (std::size_t i = before; i < out.size(); ++i) to_stored(draft, out[i]);
  }
  if (draft.readable && options.patterns) {
    const std::size_t before = out.size();
    run_patterns(draft, *options.patterns, file, out);
    for (std::size_t i = before; i < out.size(); ++i) to_stored(draft, out[i]);
  }
  return out;
}

}  // namespace

std::vector<Diagnostic> lint_draft(const Draft& draft, const std::string& file, const DraftLintOptions& options) {
  std::vector<Diagnostic> out = lint_view(draft, file, options);
  // The HTML alternative is what many customers see: its own findings count too, but a problem
  // both alternatives share (the same rule and message) is one finding, at the first one's place.
  if (draft.readable) {
    for (const Draft& alt : draft.alternatives) {
      const std::size_t own = out.size();
      for (Diagnostic& d : lint_view(alt, file, options)) {
        const bool seen = std::any_of(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(own), [&](const Diagnostic& o) {
          return o.rule == d.rule && o.message == d.message;
        });
        if (!seen) out.push_back(std::move(d));
      }
    }
  }
  apply_rule_severities(out, *options.config);
  sort_diagnostics(out);
  return out;
}

}  // namespace esc
