#include "draft/subject.h"

#include "core/text.h"

#include <re2/re2.h>

#include <array>

namespace esc {

namespace {

constexpr std::string_view kTemplate = "ACCOUNT — Escalation Opened|Update #N|Resolved: TITLE";
constexpr std::string_view kSeparator = " \xE2\x80\x94 ";  // " — "

// Bytes of a separator that ends at `end` in `text` (space, tab, '-', ':', '|', en or em dash),
// or 0.
std::size_t separator_before(std::string_view text, std::size_t end) {
  if (end == 0) return 0;
  const char c = text[end - 1];
  if (c == ' ' || c == '\t' || c == '-' || c == ':' || c == '|') return 1;
  if (end >= 3 && (text.substr(end - 3, 3) == "\xE2\x80\x94" || text.substr(end - 3, 3) == "\xE2\x80\x93")) return 3;
  return 0;
}

std::size_t offset_in(std::string_view text, const re2::StringPiece& p) {
  return static_cast<std::size_t>(p.data() - text.data());
}

}  // namespace

std::string_view describe(DraftType t) {
  switch (t) {
    case DraftType::initial: return "initial notification";
    case DraftType::progress: return "progress update";
    case DraftType::resolution: return "resolution notification";
  }
  return "draft";
}

namespace {

// What mail systems and replies put before a subject: a tag such as "[EXTERNAL] " (not a
// template field such as "[ACCOUNT NAME]") and "RE: " / "FW: " / "Fwd: ". Its length in bytes.
std::size_t tag_prefix_length(std::string_view subject) {
  static const re2::RE2 tag(R"(\s*(\[[^\[\]\n]*\]|(?i:re|fwd?|aw|sv|wg)\s*:)\s*)");
  std::size_t pos = 0;
  const re2::StringPiece all(subject.data(), subject.size());
  std::array<re2::StringPiece, 2> m;
  while (tag.Match(all, pos, subject.size(), re2::RE2::ANCHOR_START, m.data(), 2)) {
    const std::string_view token(m[1].data(), m[1].size());
    if (token.starts_with('[') && !find_placeholders(token).empty()) break;
    pos = offset_in(subject, m[0]) + m[0].size();
  }
  return pos;
}

}  // namespace

SubjectParts parse_subject(std::string_view subject) {
  static const re2::RE2 kind(R"((?i)\b(escalation\s+(opened|update|resolved))\b)");
  static const re2::RE2 number(R"(([ \t]*)(#?)([ \t]*)(\d+))");
  SubjectParts p;
  const re2::StringPiece all(subject.data(), subject.size());
  std::array<re2::StringPiece, 3> m;
  if (!kind.Match(all, 0, subject.size(), re2::RE2::UNANCHORED, m.data(), 3)) return p;

  const std::string_view word = std::string_view(m[2].data(), m[2].size());
  const char first = static_cast<char>(word[0] | 0x20);
  p.type = first == 'o' ? DraftType::initial : first == 'u' ? DraftType::progress : DraftType::resolution;
  p.type_offset = offset_in(subject, m[1]);
  std::size_t pos = p.type_offset + m[1].size();
  const std::string_view canonical = *p.type == DraftType::initial    ? "Escalation Opened"
                                     : *p.type == DraftType::progress ? "Escalation Update"
                                                                      : "Escalation Resolved";

  // The account: everything before the separator, after any "[EXTERNAL] " or "RE: ".
  const std::size_t account_begin = std::min(tag_prefix_length(subject), p.type_offset);
  std::size_t account_end = p.type_offset;
  while (account_end > account_begin)
    if (std::size_t n = separator_before(subject, account_end)) account_end -= n;
    else break;
  p.account_offset = account_begin;
  p.account = std::string(subject.substr(account_begin, account_end - account_begin));
  auto problem = [&](std::size_t at, std::string message) {
    if (!p.problem) p.problem = SubjectProblem{at, std::move(message)};
  };
  if (p.account.empty()) {
    problem(account_begin, "the subject does not start with the account name (\"" + std::string(kTemplate) + "\")");
  } else if (subject.substr(account_end, p.type_offset - account_end) != kSeparator) {
    problem(account_end, "write \" — \" (a spaced em dash) between the account and '" + std::string(canonical) +
                             "', as the template does (\"" + std::string(kTemplate) + "\")");
  }
  if (std::string_view(m[1].data(), m[1].size()) != canonical)
    problem(p.type_offset, "write '" + std::string(canonical) + "' exactly as the template does (\"" +
                               std::string(kTemplate) + "\")");

  if (*p.type == DraftType::progress) {
    std::array<re2::StringPiece, 5> n;
    if (number.Match(all, pos, subject.size(), re2::RE2::ANCHOR_START, n.data(), 5)) {
      p.number_offset = offset_in(subject, n[4]);
      const std::string_view digits(n[4].data(), n[4].size());
      p.number = digits.size() > 9 ? 999999999LL : std::stoll(std::string(digits));
      if (n[1].size() != 1 || n[2].size() != 1 || !n[3].empty())
        problem(offset_in(subject, n[0]), "write the update number as 'Update #" + std::string(digits) +
                                              "', as the template does (\"" + std::string(kTemplate) + "\")");
      else if (*p.number < 1)
        problem(p.number_offset, "update numbers start at #1");
      pos = offset_in(subject, n[0]) + n[0].size();
    } else {
      problem(pos, "'Escalation Update' needs the update number: 'Escalation Update #N'");
    }
  }

  // ": TITLE"
  std::size_t title = pos;
  if (title < subject.size() && subject[title] == ':') {
    ++title;
    while (title < subject.size() && (subject[title] == ' ' || subject[title] == '\t')) ++title;
    if (title == subject.size())
      problem(pos, "the subject has no title after '" + std::string(subject.substr(p.type_offset, pos - p.type_offset)) +
                       ":' (\"" + std::string(kTemplate) + "\")");
    else if (title != pos + 2 || subject[pos + 1] != ' ')
      problem(pos, "write ': ' (a colon and one space) before the title, as the template does");
  } else {
    problem(pos, "put ': TITLE' after '" + std::string(subject.substr(p.type_offset, pos - p.type_offset)) +
                     "' (\"" + std::string(kTemplate) + "\")");
    while (title < subject.size() && (subject[title] == ' ' || subject[title] == '-')) ++title;
  }
  p.title_offset = title;
  p.title = std::string(subject.substr(std::min(title, subject.size())));
  return p;
}

}  // namespace esc
