#include "render/templates.h"

#include <algorithm>
#include <filesystem>
#include <kainjow/mustache.hpp>
#include <set>

#include "core/file.h"
#include "embedded_templates.h"

namespace esc {

namespace mus = kainjow::mustache;

EmailTemplates builtin_templates() {
  EmailTemplates t;
  t.source = "built-in";
  t.text[0] = std::string(k_initial_template);
  t.text[1] = std::string(k_progress_template);
  t.text[2] = std::string(k_resolution_template);
  return t;
}

namespace {

// A context that remembers every name it could not resolve: kainjow renders a missing variable
// as nothing, which in a customer email is a silent gap.
class StrictContext : public mus::context<std::string> {
 public:
  explicit StrictContext(const mus::data* root) : mus::context<std::string>(root) {}
  const mus::data* get(const std::string& name) const override {
    const mus::data* d = mus::context<std::string>::get(name);
    if (!d) missing.insert(name);
    return d;
  }
  mutable std::set<std::string> missing;
};

// Checks what kainjow::mustache cannot survive or would silently ignore, before it sees the
// template: its parser recurses once per nested section (12,000 levels overflow the stack), and
// it renders an unknown partial as nothing. Follows {{=<% %>=}} delimiter changes.
std::optional<std::string> check_shape(std::string_view tmpl, const std::string& name) {
  if (tmpl.size() > kTemplateMaxBytes)
    return name + ": the template is over the " + std::to_string(kTemplateMaxBytes) +
           "-byte (256 KiB) limit for a template";
  std::string open = "{{", close = "}}";
  int depth = 0;
  auto line_of = [&](std::size_t pos) { return std::to_string(1 + std::count(tmpl.begin(), tmpl.begin() + static_cast<std::ptrdiff_t>(pos), '\n')); };
  for (std::size_t pos = tmpl.find(open); pos != std::string_view::npos; pos = tmpl.find(open, pos)) {
    std::size_t inner = pos + open.size();
    std::string_view rest = tmpl.substr(inner);
    std::string this_close = close;
    if (open == "{{" && rest.starts_with("{")) this_close = "}" + close;  // {{{unescaped}}}
    std::size_t end = tmpl.find(this_close, inner);
    if (end == std::string_view::npos) return std::nullopt;  // the library reports it
    std::string_view tag = tmpl.substr(inner, end - inner);
    pos = end + this_close.size();
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    if (tag.empty()) continue;
    switch (tag.front()) {
      case '#':
      case '^':
        if (++depth > kTemplateMaxDepth)
          return name + ":" + line_of(inner) + ": sections are nested more than " +
                 std::to_string(kTemplateMaxDepth) + " deep, the limit for a template";
        break;
      case '/':
        depth = std::max(0, depth - 1);
        break;
      case '>': {
        std::string_view partial = tag.substr(1);
        while (!partial.empty() && partial.front() == ' ') partial.remove_prefix(1);
        while (!partial.empty() && partial.back() == ' ') partial.remove_suffix(1);
        return name + ":" + line_of(inner) + ": unknown partial '{{> " + std::string(partial) +
               "}}'; escalate provides no partials (see templates/README.md)";
      }
      case '=': {  // {{=<% %>=}}: new delimiters
        std::string_view spec = tag.substr(1);
        if (spec.ends_with("=")) spec.remove_suffix(1);
        while (!spec.empty() && spec.front() == ' ') spec.remove_prefix(1);
        while (!spec.empty() && spec.back() == ' ') spec.remove_suffix(1);
        std::size_t space = spec.find(' ');
        if (space == std::string_view::npos) return std::nullopt;  // the library reports it
        std::string_view next_close = spec.substr(space);
        while (!next_close.empty() && next_close.front() == ' ') next_close.remove_prefix(1);
        open = std::string(spec.substr(0, space));
        close = std::string(next_close);
        if (open.empty() || close.empty()) return std::nullopt;
        break;
      }
      default:
        break;
    }
  }
  return std::nullopt;
}

mus::data to_data(const TemplateValues& values) {
  mus::data d;
  for (const auto& [k, v] : values.strings) d.set(k, v);
  for (const auto& [k, items] : values.lists) {
    mus::data list{mus::data::type::list};
    for (const std::string& s : items) {
      mus::data item;
      item.set("item", s);
      list.push_back(item);
    }
    d.set(k, list);
  }
  return d;
}

}  // namespace

std::variant<RenderedEmail, std::string> render_email_template(const std::string& tmpl,
                                                               const TemplateValues& values,
                                                               const std::string& name) {
  if (auto err = check_shape(tmpl, name)) return *err;
  mus::mustache m{tmpl};
  if (!m.is_valid()) return name + ": " + m.error_message();
  m.set_custom_escape([](const std::string& s) { return s; });  // plain text, never HTML
  mus::data data = to_data(values);
  StrictContext ctx(&data);
  std::string text = m.render(ctx);
  if (!m.is_valid()) return name + ": " + m.error_message();
  if (!ctx.missing.empty())
    return name + ": unknown template variable '{{" + *ctx.missing.begin() +
           "}}'; see templates/README.md for the variables escalate provides";
  if (!text.starts_with("Subject:"))
    return name + ": the first line must be 'Subject: ...'";
  std::size_t eol = text.find('\n');
  RenderedEmail out;
  std::string subject = text.substr(8, eol == std::string::npos ? std::string::npos : eol - 8);
  while (!subject.empty() && subject.front() == ' ') subject.erase(0, 1);
  while (!subject.empty() && (subject.back() == ' ' || subject.back() == '\r')) subject.pop_back();
  out.subject = subject;
  if (eol != std::string::npos) {
    std::size_t start = eol + 1;
    while (start < text.size() && (text[start] == '\n' || text[start] == '\r')) ++start;
    out.body = text.substr(start);
  }
  return out;
}

TemplateValues sample_values(CommType t) {
  TemplateValues v;
  for (const char* k : {"account", "title", "customer_name", "lead_name", "lead_title", "lead_contact", "sent_at"})
    v.strings[k] = "x";
  switch (t) {
    case CommType::initial:
      for (const char* k : {"status", "summary", "impact", "next_update_by"}) v.strings[k] = "x";
      break;
    case CommType::progress:
      for (const char* k : {"status", "number", "progress", "next_action", "next_action_owner",
                            "next_action_eta", "next_update_by"})
        v.strings[k] = "x";
      break;
    case CommType::resolution:
      for (const char* k : {"opened_date", "resolved_at", "resolution_summary", "pir_share_by"}) v.strings[k] = "x";
      v.lists["actions_taken"] = {"x"};
      v.lists["preventative_measures"] = {"x"};
      break;
  }
  return v;
}

std::optional<std::string> load_templates(const std::string& dir, EmailTemplates& out) {
  out.source = dir;
  for (int i = 0; i < 3; ++i) {
    CommType t = static_cast<CommType>(i);
    std::string name = std::string(name_of(t)) + ".mustache";
    std::filesystem::path p = std::filesystem::path(dir) / name;
    if (auto err = read_file(p, out.text[i], kTemplateMaxBytes)) return "templates: " + *err;
    auto r = render_email_template(out.text[i], sample_values(t), p.string());
    if (auto* e = std::get_if<std::string>(&r)) return *e;
  }
  return std::nullopt;
}

}  // namespace esc
