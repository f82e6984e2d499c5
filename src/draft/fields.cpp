#include "draft/fields.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace esc {

namespace {

struct LabelName {
  Label label;
  std::string_view text;
};
constexpr std::array<LabelName, 10> kLabels = {{
    {Label::update_as_of, "Update as of"},
    {Label::progress, "Progress since last update:"},
    {Label::current_status, "Current status:"},
    {Label::impact, "Impact:"},
    {Label::next_action, "Next action:"},
    {Label::next_update_by, "Next update by:"},
    {Label::resolution_summary, "Resolution summary:"},
    {Label::actions_taken, "Actions taken:"},
    {Label::preventative_measures, "Preventative measures:"},
    {Label::escalation_lead, "Escalation Lead:"},
}};

constexpr Label kInitial[] = {Label::current_status, Label::impact, Label::next_update_by, Label::escalation_lead};
constexpr Label kProgress[] = {Label::update_as_of, Label::progress,       Label::current_status,
                               Label::next_action,  Label::next_update_by, Label::escalation_lead};
constexpr Label kResolution[] = {Label::resolution_summary, Label::actions_taken, Label::preventative_measures,
                                 Label::escalation_lead};

Label label_from(std::string_view word) {
  std::string low;
  for (char c : word) low += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (low.starts_with("update")) return Label::update_as_of;
  if (low.starts_with("progress")) return Label::progress;
  if (low.starts_with("current")) return Label::current_status;
  if (low.starts_with("impact")) return Label::impact;
  if (low.starts_with("next action")) return Label::next_action;
  if (low.starts_with("next update")) return Label::next_update_by;
  if (low.starts_with("resolution")) return Label::resolution_summary;
  if (low.starts_with("actions")) return Label::actions_taken;
  if (low.starts_with("prevent")) return Label::preventative_measures;
  return Label::escalation_lead;
}

bool is_blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t' && c != '\f') return false;
  return true;
}

// Line spans of the body.
std::vector<Span> lines_of(std::string_view body) {
  std::vector<Span> lines;
  std::size_t start = 0;
  while (true) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) {
      lines.push_back({start, body.size()});
      break;
    }
    lines.push_back({start, end});
    start = end + 1;
  }
  return lines;
}

std::size_t offset_in(std::string_view text, const re2::StringPiece& p) {
  return static_cast<std::size_t>(p.data() - text.data());
}

#define ESC_LABELS                                                                               \
  "current status|impact|next update by|escalation lead|progress since last update|next action|" \
  "resolution summary|actions taken|prevent(?:at)?ive measures"

}  // namespace

std::string_view label_text(Label l) {
  for (const LabelName& n : kLabels)
    if (n.label == l) return n.text;
  return "";
}

std::span<const Label> required_labels(DraftType t) {
  switch (t) {
    case DraftType::initial: return kInitial;
    case DraftType::progress: return kProgress;
    case DraftType::resolution: return kResolution;
  }
  return {};
}

std::vector<Field> find_fields(std::string_view body) {
  // At the start of a line: any case, after list or quote markers and markdown emphasis.
  static const re2::RE2 at_start(
      R"([ \t>*_-]*(?:\*\*|__)?(?i:()" ESC_LABELS R"())(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*)");
  static const re2::RE2 update_as_of(R"([ \t>*_-]*(?:\*\*|__)?(?i:(update as of))\b[ \t]*)");
  // Inside a line, after a space: capitalised as in the template.
  static const re2::RE2 inside(
      R"([ \t]((?:Current status|Impact|Next update by|Escalation Lead|Progress since last update|)"
      R"(Next action|Resolution summary|Actions taken|Preventative measures)):[ \t]*)");

  const std::vector<Span> lines = lines_of(body);
  // next_blank[i]: the first blank line at or after line i (lines.size() if none).
  std::vector<std::size_t> next_blank(lines.size() + 1, lines.size());
  for (std::size_t i = lines.size(); i-- > 0;)
    next_blank[i] = is_blank(body.substr(lines[i].begin, lines[i].end - lines[i].begin)) ? i : next_blank[i + 1];

  struct Hit {
    Field field;
    std::size_t line;
    std::size_t fixed_end = std::string_view::npos;  // "Update as of X:" ends at its colon
  };
  std::vector<Hit> hits;
  std::array<re2::StringPiece, 2> m;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = body.substr(lines[i].begin, lines[i].end - lines[i].begin);
    const re2::StringPiece lp(line.data(), line.size());
    std::size_t pos = 0;
    if (at_start.Match(lp, 0, line.size(), re2::RE2::ANCHOR_START, m.data(), 2)) {
      Field f{label_from(std::string_view(m[1].data(), m[1].size())), lines[i].begin + offset_in(line, m[1]),
              lines[i].begin + m[0].size(), 0};
      hits.push_back({f, i});
      pos = m[0].size();
    } else if (update_as_of.Match(lp, 0, line.size(), re2::RE2::ANCHOR_START, m.data(), 2)) {
      Field f{Label::update_as_of, lines[i].begin + offset_in(line, m[1]), lines[i].begin + m[0].size(), 0};
      std::size_t colon = line.rfind(':');
      std::size_t end = colon != std::string_view::npos && colon >= m[0].size() && is_blank(line.substr(colon + 1))
                            ? lines[i].begin + colon
                            : lines[i].end;
      hits.push_back({f, i, end});
      pos = m[0].size();
    }
    while (pos < line.size() && inside.Match(lp, pos, line.size(), re2::RE2::UNANCHORED, m.data(), 2)) {
      Field f{label_from(std::string_view(m[1].data(), m[1].size())), lines[i].begin + offset_in(line, m[1]),
              lines[i].begin + offset_in(line, m[0]) + m[0].size(), 0};
      hits.push_back({f, i});
      pos = offset_in(line, m[0]) + m[0].size();
    }
  }

  std::vector<Field> fields;
  fields.reserve(hits.size());
  for (std::size_t k = 0; k < hits.size(); ++k) {
    Field f = hits[k].field;
    // The paragraph ends before the first blank line after the label's line. A label alone on
    // its line ("Actions taken:") may have its list after a blank line.
    std::size_t line = hits[k].line;
    if (is_blank(body.substr(f.value_offset, lines[line].end - f.value_offset)) &&
        hits[k].fixed_end == std::string_view::npos && (k + 1 == hits.size() || hits[k + 1].line > line)) {
      std::size_t next = line + 1;
      while (next < lines.size() && next_blank[next] == next) ++next;
      if (next < lines.size() && (k + 1 == hits.size() || hits[k + 1].line > next)) {
        f.value_offset = lines[next].begin;
        line = next;
      }
    }
    std::size_t blank = next_blank[line + 1];
    std::size_t end = blank < lines.size() ? lines[blank].begin - 1 : body.size();
    if (k + 1 < hits.size()) end = std::min(end, hits[k + 1].field.label_offset);
    end = std::min(end, hits[k].fixed_end);
    // The value of a markdown label may start with the closing emphasis of the line before.
    while (end > f.value_offset && std::isspace(static_cast<unsigned char>(body[end - 1]))) --end;
    f.value_end = std::max(end, f.value_offset);
    fields.push_back(f);
  }
  return fields;
}

std::vector<Span> internal_footer_lines(std::string_view body) {
  static const re2::RE2 owner(R"((?i)[ \t>*_-]*(?:\*\*|__)?owner[ \t]*:)");
  static const re2::RE2 sent_at(R"((?i)sent[ \t]+at[ \t]*\(utc\)[ \t]*:)");
  std::vector<Span> out;
  for (const Span& l : lines_of(body)) {
    const std::string_view line = body.substr(l.begin, l.end - l.begin);
    const re2::StringPiece lp(line.data(), line.size());
    if (owner.Match(lp, 0, line.size(), re2::RE2::ANCHOR_START, nullptr, 0) || re2::RE2::PartialMatch(lp, sent_at)) {
      std::size_t first = line.find_first_not_of(" \t");
      out.push_back({l.begin + (first == std::string_view::npos ? 0 : first), l.end});
    }
  }
  return out;
}

std::vector<Promise> next_update_promises(std::string_view body, const std::vector<Field>& fields) {
  static const re2::RE2 prose(R"((?i)\b(?:further|next)[ \t\n]+update[ \t\n]+by[ \t\n]+)");
  std::vector<Promise> out;
  for (const Field& f : fields)
    if (f.label == Label::next_update_by) out.push_back({{f.value_offset, f.value_end}, true});
  const re2::StringPiece all(body.data(), body.size());
  re2::StringPiece m;
  std::size_t pos = 0;
  while (pos < body.size() && prose.Match(all, pos, body.size(), re2::RE2::UNANCHORED, &m, 1)) {
    std::size_t end = offset_in(body, m) + m.size();
    out.push_back({{end, end}, false});
    pos = end;
  }
  std::sort(out.begin(), out.end(), [](const Promise& a, const Promise& b) { return a.text.begin < b.text.begin; });
  return out;
}

std::vector<std::size_t> pir_share_by_mentions(std::string_view body) {
  static const re2::RE2 sentence(
      R"((?i)(?:post[- ]incident[ \t\n]+review|\bPIR\b)[^.]*?\bshared[ \t\n]+by[ \t\n]+)");
  std::vector<std::size_t> out;
  const re2::StringPiece all(body.data(), body.size());
  re2::StringPiece m;
  std::size_t pos = 0;
  while (pos < body.size() && sentence.Match(all, pos, body.size(), re2::RE2::UNANCHORED, &m, 1)) {
    std::size_t end = offset_in(body, m) + m.size();
    out.push_back(end);
    pos = end;
  }
  return out;
}

}  // namespace esc
