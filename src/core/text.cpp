#include "core/text.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <iterator>
#include <numeric>

// All patterns are function-local `static const re2::RE2`: compiled once, initialised
// thread-safely, and safe to match from many threads. Nothing here keeps mutable state.

namespace esc {

namespace {

re2::StringPiece piece(std::string_view s) { return {s.data(), s.size()}; }

std::string_view view(const re2::StringPiece& p) { return {p.data(), p.size()}; }

// Byte offset of a submatch inside the text it was found in.
std::size_t offset_in(std::string_view text, const re2::StringPiece& p) {
  return static_cast<std::size_t>(p.data() - text.data());
}

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Every match of group 1 of `re`, left to right, without overlaps. The search resumes at the end
// of group 1. `re` is searched with the whole text as context, so "^" means the start of the
// text.
template <typename Accept>
void for_each_group1(const re2::RE2& re, std::string_view text, Accept accept) {
  const re2::StringPiece all = piece(text);
  std::array<re2::StringPiece, 2> m;
  std::size_t pos = 0;
  while (pos <= text.size() &&
         re.Match(all, pos, text.size(), re2::RE2::UNANCHORED, m.data(), static_cast<int>(m.size()))) {
    const std::size_t start = offset_in(text, m[1]);
    const std::size_t end = start + m[1].size();
    accept(start, end);
    pos = end > pos ? end : pos + 1;  // never loop on an empty match
  }
}

// Whole-word matching. Word characters are letters, digits and combining marks in any script,
// plus '_' (and, for some patterns, `also_word`: "-" where a hyphen joins words). RE2's \b only
// knows ASCII, so it sees a boundary inside "cafémight" and none in "café might". A word
// instead needs a character that is not one (or the start/end of the text) on both sides.
// Bytes that RE2 does not read as a code point (not UTF-8) are no such character.
//
// The sides are checked here, with one compiled class, rather than in each pattern: a Unicode
// class costs about a millisecond to compile, at every start, for every place it is written.
// For the patterns here (every match begins and ends with a word character, and no two
// alternatives match at one start) this finds exactly what "(?:^|[^W])(words)(?:[^W]|$)" would;
// text_test checks that on 40,000 generated texts.
const re2::RE2& non_word_char() {
  static const re2::RE2 re(R"([^\pL\pN\pM_])");  // one code point
  return re;
}

// Whether the code point ending (`before`) or starting at `at` is a non-word character; the
// start and end of the text count as one.
bool non_word_beside(std::string_view text, std::size_t at, bool before, std::string_view also_word) {
  if (before ? at == 0 : at >= text.size()) return true;
  for (std::size_t k = 1; k <= 4 && (before ? k <= at : at + k <= text.size()); ++k) {
    const std::string_view cp = before ? text.substr(at - k, k) : text.substr(at, k);
    if (re2::RE2::FullMatch(piece(cp), non_word_char()))
      return !(cp.size() == 1 && also_word.find(cp[0]) != std::string_view::npos);
  }
  return false;  // a word character, or bytes that are no code point
}

// Every match of group 1 of `re` that is a whole word, left to right, without overlaps.
template <typename Accept>
void for_each_whole_word(const re2::RE2& re, std::string_view text, std::string_view also_word, Accept accept) {
  const re2::StringPiece all = piece(text);
  std::array<re2::StringPiece, 2> m;
  std::size_t pos = 0;
  while (pos < text.size() &&
         re.Match(all, pos, text.size(), re2::RE2::UNANCHORED, m.data(), static_cast<int>(m.size()))) {
    const std::size_t start = offset_in(text, m[1]);
    const std::size_t end = start + m[1].size();
    if (end > start && non_word_beside(text, start, true, also_word) && non_word_beside(text, end, false, also_word)) {
      accept(start, end);
      pos = end;
      continue;
    }
    // Not a whole word. The next one starts after a non-word character at or after `start`
    // (one may lie inside this match: "we hope" in "we hopefully"); resuming at start + 1
    // would rescan a long run of letters once per byte.
    re2::StringPiece gap;
    if (!non_word_char().Match(all, start, text.size(), re2::RE2::UNANCHORED, &gap, 1)) return;
    pos = offset_in(text, gap) + gap.size();
  }
}

// Keeps matches in text order; where two overlap, the one that starts first (then the longer
// one) wins, so "[TBD]" is reported once, as the bracket token.
std::vector<TextMatch> ordered_without_overlaps(std::vector<TextMatch> found) {
  std::sort(found.begin(), found.end(), [](const TextMatch& a, const TextMatch& b) {
    return a.offset != b.offset ? a.offset < b.offset : a.length > b.length;
  });
  std::vector<TextMatch> out;
  std::size_t covered_to = 0;
  for (auto& m : found) {
    if (!out.empty() && m.offset < covered_to) continue;
    covered_to = m.offset + m.length;
    out.push_back(std::move(m));
  }
  return out;
}

// ---- find_placeholders helpers ----------------------------------------------------------------

// "<...>" that is a real address rather than a placeholder: an e-mail address, a URL, or HTML
// markup (drafts may be HTML; "<p>" and "</div>" are not placeholders).
bool is_address_or_markup(std::string_view inner) {
  static const re2::RE2 email(R"([^\s@<>]+@[^\s@<>]+)");
  static const re2::RE2 url(R"((?i)(?:[a-z][a-z0-9+.\-]*://|mailto:|tel:|www\.)[^\s<>]+)");
  static const re2::RE2 markup(
      // closing tag, comment or doctype, tag with attributes, self-closing tag
      R"(/[A-Za-z][A-Za-z0-9]*\s*|![\s\S]*|[A-Za-z][A-Za-z0-9]*\s+[A-Za-z_:][-A-Za-z0-9_:.]*\s*=[\s\S]*|)"
      R"([A-Za-z][A-Za-z0-9]*\s*/|)"
      // common bare tags, lower case only: "<Name>" is a placeholder, "<b>" is bold
      R"(a|b|i|u|p|br|hr|em|strong|span|div|ul|ol|li|table|thead|tbody|tr|td|th|html|head|body|)"
      R"(blockquote|pre|code|small|sup|sub|h[1-6])");
  const re2::StringPiece s = piece(inner);
  return re2::RE2::FullMatch(s, email) || re2::RE2::FullMatch(s, url) ||
         re2::RE2::FullMatch(s, markup);
}

// ---- count_sentences helpers ------------------------------------------------------------------

// Whether `next` carries a sentence on: it starts in lower case, after any opening brackets and
// quotes ('etc. were', 'asked "why?" and'). One pattern for both callers: a Unicode class costs
// a millisecond to compile.
bool continues_in_lower_case(std::string_view next) {
  static const re2::RE2 starts_lower(R"([(\["'“‘]*\p{Ll})");
  re2::StringPiece rest = piece(next);
  return re2::RE2::Consume(&rest, starts_lower);
}

bool has_word_content(std::string_view segment) {
  static const re2::RE2 content(R"([\pL\pN])");
  return re2::RE2::PartialMatch(piece(segment), content);
}

// The word just before a full stop: back to the previous whitespace, minus opening brackets and
// quotes. For "(e.g." the word is "e.g".
std::string_view word_before(std::string_view text, std::size_t stop) {
  std::size_t start = stop;
  while (start > 0 && !is_ascii_space(text[start - 1])) --start;
  // A CJK sentence ends without a space: "しました。e.g." — the word is "e.g".
  for (std::string_view cjk_stop : {"。", "｡", "！", "？"}) {
    const std::size_t at = text.substr(start, stop - start).rfind(cjk_stop);
    if (at != std::string_view::npos) start += at + cjk_stop.size();
  }
  static const re2::RE2 strip_openers(R"([(\["'“‘]*([\s\S]*))");
  re2::StringPiece word;
  if (re2::RE2::FullMatch(piece(text.substr(start, stop - start)), strip_openers, &word)) {
    return view(word);
  }
  return text.substr(start, stop - start);
}

// Whether a full stop after `word`, followed by `next` (the text after the whitespace), ends a
// sentence. Lower-case continuation means it does not: "etc. were reviewed", "Ltd. was
// notified". Titles, "e.g.", "vs." and the like never end one; neither do initials ("J. R. R.
// Tolkien", "Sam A. Okafor") nor "No." before a number. The price: "option A. Then" is one
// sentence, which under-counts rather than over-counts.
bool full_stop_ends_sentence(std::string_view word, std::string_view next) {
  static const re2::RE2 never_final(
      R"((?i)mr|mrs|ms|mx|dr|prof|rev|st|vs|v|cf|viz|approx|ca|fig|figs|incl|excl|ref|vol|pp|)"
      R"(e\.g|i\.e)");
  static const re2::RE2 initials(R"(\p{Lu}(?:\.\p{Lu})*)");  // "J", "J.R.R", "U.S"
  static const re2::RE2 number_abbrev(R"((?i)no|nos|nr)");
  static const re2::RE2 starts_with_digit(R"([0-9#])");
  // The next word continues a company name: "Northwind Co. Ltd.", "Acme Pty. Ltd".
  static const re2::RE2 company_suffix(R"((?i)(?:ltd|inc|co|corp|plc|llc|gmbh|pty)(?:[.,;:\s]|$))");

  const re2::StringPiece w = piece(word);
  if (re2::RE2::FullMatch(w, never_final) || re2::RE2::FullMatch(w, initials)) return false;
  const auto starts_with = [&](const re2::RE2& re) {
    re2::StringPiece rest = piece(next);
    return re2::RE2::Consume(&rest, re);
  };
  if (re2::RE2::FullMatch(w, number_abbrev) && starts_with(starts_with_digit)) return false;
  if (starts_with(company_suffix)) return false;
  return !continues_in_lower_case(next);
}

// ---- UTF-8 helpers ----------------------------------------------------------------------------

}  // namespace

// Strict: no overlong forms, no surrogates, nothing above U+10FFFF, no truncated sequences.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) -> unsigned {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0x100;  // 0x100: past end
  };
  const auto in = [](unsigned b, unsigned lo, unsigned hi) { return b >= lo && b <= hi; };
  const unsigned b0 = byte(0);
  if (b0 < 0x80) return 1;
  if (in(b0, 0xC2, 0xDF)) return in(byte(1), 0x80, 0xBF) ? 2 : 0;
  // The second byte's range excludes overlongs (E0, F0), surrogates (ED) and > U+10FFFF (F4).
  unsigned lo = 0x80, hi = 0xBF;
  std::size_t len = 0;
  if (in(b0, 0xE0, 0xEF)) {
    len = 3;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (in(b0, 0xF0, 0xF4)) {
    len = 4;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return 0;  // stray continuation byte, C0/C1 (always overlong) or F5..FF
  }
  if (!in(byte(1), lo, hi)) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (!in(byte(k), 0x80, 0xBF)) return 0;
  }
  return len;
}

// ---- placeholders -------------------------------------------------------------------------------

namespace {

// RE2's [\s\p{Z}] (UTF-8): \s is [\t\n\f\r ]; \p{Z} is Zs, Zl and Zp.
bool is_trimmed_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\f' || cp == '\r' || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
         cp == 0x3000;
}

// The code point of the valid UTF-8 sequence text[i, i + len).
char32_t decode_at(std::string_view text, std::size_t i, std::size_t len) {
  const auto b = [&](std::size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[i + k])); };
  switch (len) {
    case 1: return b(0);
    case 2: return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3: return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    default: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  }
}

// Valid UTF-8 without its leading and trailing [\s\p{Z}]: what FullMatch of
// (?s)[\s\p{Z}]*(.*?)[\s\p{Z}]* captures, without a regex scan (with capture) of every value.
std::string_view trim_unicode_spaces(std::string_view text) {
  std::size_t from = 0;
  while (from < text.size()) {
    const std::size_t len = utf8_sequence_length(text, from);
    if (!is_trimmed_space(decode_at(text, from, len))) break;
    from += len;
  }
  std::size_t to = text.size();
  while (to > from) {
    std::size_t start = to - 1;
    while (start > from && is_continuation(static_cast<unsigned char>(text[start]))) --start;
    if (!is_trimmed_space(decode_at(text, start, to - start))) break;
    to = start;
  }
  return text.substr(from, to - from);
}

// Whether a trimmed, non-empty value can be one of is_placeholder_value's forms at all: every
// one of them starts with one of "?-_[<{", with '–' or '—' (0xE2), or with a letter word — n/a,
// n.a, none, null, nobody, tbd, tbc, tba, todo, unknown, xx... — whose first two letters (any
// case; RE2's case folding maps no other character onto these) are below. Most names and
// sentences fail this test, and skip both regex matches.
bool may_be_placeholder(std::string_view core) {
  const char c = core.front();
  if (static_cast<unsigned char>(c) == 0xE2 || std::string_view("?-_[<{").find(c) != std::string_view::npos)
    return true;
  if (core.size() < 2) return false;
  const char second = static_cast<char>(core[1] | 0x20);  // ASCII letters in lower case; '/' and '.' stay
  switch (c | 0x20) {
    case 'n': return second == '/' || second == '.' || second == 'o' || second == 'u';
    case 't': return second == 'b' || second == 'o';
    case 'u': return second == 'n';
    case 'x': return second == 'x';
    default: return false;
  }
}

}  // namespace

bool is_placeholder_value(std::string_view value) {
  // Trims ASCII and Unicode spaces (a no-break space is still blank).
  static const re2::RE2 trim(R"((?s)[\s\p{Z}]*(.*?)[\s\p{Z}]*)");
  // Case-insensitive. "nil" and "na" are left out on purpose: both are real surnames.
  static const re2::RE2 nobody(
      R"((?i)\?+|[-–—]+|n/a|n\.a\.?|tbd|tbc|tba|todo|unknown|none|null|nobody|_+|x{2,}|\[[^\[\]]*\])");
  re2::StringPiece core;
  if (!first_invalid_utf8(value)) {
    core = piece(trim_unicode_spaces(value));
  } else if (!re2::RE2::FullMatch(piece(value), trim, &core)) {
    return false;  // not UTF-8: not blank
  }
  if (core.empty()) return true;
  // Every form below starts with one of a few characters (RE2's case folding maps no other
  // character onto n, t, u or x).
  if (!may_be_placeholder(view(core))) return false;
  if (re2::RE2::FullMatch(core, nobody)) return true;
  // A whole value that is a placeholder token in free text: "<Name>", "{{owner}}".
  const auto found = find_placeholders(view(core));
  return found.size() == 1 && found.front().length == core.size();
}

namespace {

// The playbook's template fields (PLAYBOOK.md, "Scripted Update Cadences" and the exec
// readout), as written between the brackets; compared in lower case with runs of spaces as one
// and any dash as "-".
constexpr std::string_view kTemplateFields[] = {
    "account name",
    "brief description",
    "customer name",
    "issue description",
    "ongoing / contained / resolved",
    "describe known impact clearly and factually",
    "date and time - do not miss this commitment",
    "date and time",
    "name, title, direct contact",
    "time",
    "timestamp",
    "#n",
    "factual description only",
    "specific action, owner, and eta",
    "original date",
    "resolution timestamp",
    "concise factual summary",
    "list key actions",
    "what has been put in place",
    "date",
    "threshold",
};

// Words a form leaves for someone to fill in: "[Name]", "[Contact name]", "[DATE]".
constexpr std::string_view kFieldWords[] = {
    "name",   "names",   "first",    "last",     "full",      "customer", "client",  "account",
    "company", "contact", "email",   "phone",    "title",     "role",     "team",    "owner",
    "date",   "time",    "timestamp", "day",     "eta",       "deadline", "number",  "n",
    "id",     "ticket",  "reference", "link",    "url",       "amount",   "details", "description",
    "summary", "impact", "status",   "action",   "recipient", "signature", "here",   "x",
    "duration", "count",  "percent",  "percentage", "region",  "service",  "product", "cause",
    "root",   "reason",  "location", "city",     "country",   "value",    "figure",  "total"};

// A bracket starting with one of these asks for text: "[Insert root cause]", "[Your name]".
constexpr std::string_view kFillerStarts[] = {"insert", "enter", "add ",     "fill",  "your",
                                                           "tbd",    "tbc",   "todo",     "placeholder"};

// Lower case (ASCII), spaces collapsed, every dash (-, – , —) as "-".
std::string normalised_field(std::string_view inner) {
  std::string out;
  for (std::size_t i = 0; i < inner.size(); ++i) {
    char c = inner[i];
    if (inner.substr(i, 3) == "\xE2\x80\x93" || inner.substr(i, 3) == "\xE2\x80\x94") {
      c = '-';
      i += 2;
    }
    if (c == ' ' || c == '\t') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "[...]" that is a template field, not any bracketed phrase: "[Customer Name]" and "[Date and
// time — do not miss this commitment]" are; "[EXTERNAL]" and "[Confidential – for Northwind
// Logistics only]" are not.
bool is_template_field(std::string_view inner) {
  const std::string n = normalised_field(inner);
  if (std::find(std::begin(kTemplateFields), std::end(kTemplateFields), n) != std::end(kTemplateFields)) return true;
  for (std::string_view start : kFillerStarts)
    if (n.starts_with(start)) return true;
  // Every word a field word ("[Contact name]", "[DATE]", "[xx]").
  bool any = false;
  std::size_t i = 0;
  while (i < n.size()) {
    while (i < n.size() && !std::isalnum(static_cast<unsigned char>(n[i])) && n[i] != '#' &&
           static_cast<unsigned char>(n[i]) < 0x80)
      ++i;
    std::size_t j = i;
    while (j < n.size() && (std::isalnum(static_cast<unsigned char>(n[j])) || n[j] == '#' ||
                            static_cast<unsigned char>(n[j]) >= 0x80))
      ++j;
    if (j == i) break;
    std::string_view w = std::string_view(n).substr(i, j - i);
    if (w.starts_with('#')) w.remove_prefix(1);
    if (w.find_first_not_of('x') == std::string_view::npos) w = "x";  // "XXX"
    const bool known = w == "and" || w == "or" || w == "of" || w == "the" ||
                       std::find(std::begin(kFieldWords), std::end(kFieldWords), w) != std::end(kFieldWords);
    if (!known) return false;
    any = any || (w != "and" && w != "or" && w != "of" && w != "the");
    i = j;
  }
  return any;
}

// "tb" in any case: what "tbd" and "tbc" (any case; no other character folds onto t or b)
// need, and English text rarely has.
bool contains_tb(std::string_view text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i)
    if ((text[i] | 0x20) == 't' && (text[i + 1] | 0x20) == 'b') return true;
  return false;
}

}  // namespace

std::vector<TextMatch> find_placeholders(std::string_view text) {
  // "[Customer Name]": a template field (see is_template_field). A markdown link "[text](url)"
  // is rejected below.
  static const re2::RE2 bracket(R"((\[[^\[\]\n]*\pL[^\[\]\n]*\]))");
  static const re2::RE2 underscores(R"((_{3,}))");
  // Whole words; a hyphen joins words ("XX-large" is a size, "TODO-list" a noun). TBD/TBC in
  // any case: "tbd" means the same and is no English word. TODO and XX only in upper case:
  // "todo" is Spanish for "all", and "xx" is a sign-off.
  static const re2::RE2 word(R"(((?i:tbd|tbc)|TODO|X{2,}))");
  // "<...>" not starting or ending with a space, so "less < 5 and > 2" is not one.
  static const re2::RE2 angle(R"((<([^<>\s]|[^<>\s][^<>\n]*[^<>\s])>))");
  static const re2::RE2 mustache(R"((\{\{[^{}\n]*\}\}))");
  static const re2::RE2 has_letter(R"([\s\S]*\pL[\s\S]*)");

  std::vector<TextMatch> found;
  const auto add = [&](std::size_t start, std::size_t end) {
    found.push_back({start, end - start, std::string(text.substr(start, end - start))});
  };
  // Each search only where the characters it needs are there: most text has none, and a
  // byte search costs far less than a regex scan with submatches.
  const auto has = [&](std::string_view needle) { return text.find(needle) != std::string_view::npos; };
  if (has("["))
    for_each_group1(bracket, text, [&](std::size_t start, std::size_t end) {
      if (end < text.size() && text[end] == '(') return;  // markdown link text
      if (!is_template_field(text.substr(start + 1, end - start - 2))) return;
      add(start, end);
    });
  if (has("___")) for_each_group1(underscores, text, add);
  if (contains_tb(text) || has("TODO") || has("XX")) for_each_whole_word(word, text, "-", add);
  if (has("<") && has(">"))
    for_each_group1(angle, text, [&](std::size_t start, std::size_t end) {
      const std::string_view inner = text.substr(start + 1, end - start - 2);
      if (!re2::RE2::FullMatch(piece(inner), has_letter) || is_address_or_markup(inner)) return;
      add(start, end);
    });
  if (has("{{")) for_each_group1(mustache, text, add);
  return ordered_without_overlaps(std::move(found));
}

// ---- sentences --------------------------------------------------------------------------------

int count_sentences(std::string_view text) {
  // A run of terminators, then closing quotes/brackets, then whitespace or the end of the text
  // (so "99.95%", "£1.2m" and "v2.3" never qualify); or a blank line, which ends a paragraph
  // and so a sentence, full stop or not; or a CJK terminator (。｡！？), which needs no space
  // after it. Besides Latin . ! ? … the first kind covers the other scripts' terminators:
  // Devanagari । ॥, Arabic ؟ and Urdu ۔, Armenian ։, Ethiopic ። ፧ ፨ and the Greek question
  // mark U+037E (not ";", which is a semicolon everywhere else).
  static const re2::RE2 boundary(
      R"(([.!?…।॥؟۔։።፧፨\x{037E}]+)([)\]"'”’»]*)(\s+|$)|(\n[ \t\r\f\v]*\n)|)"
      R"(([。｡！？]+[!?。｡！？]*)([」』）〕】〉》”’)\]"']*))");
  static const re2::RE2 ellipsis(R"((?:\.{3,}|…)[.…]*)");
  static const re2::RE2 blank_line(R"(\n[ \t\r\f\v]*\n)");

  int count = 0;
  std::size_t sentence_start = 0;
  const re2::StringPiece all = piece(text);
  std::array<re2::StringPiece, 7> m;
  std::size_t pos = 0;
  while (pos < text.size() &&
         boundary.Match(all, pos, text.size(), re2::RE2::UNANCHORED, m.data(), static_cast<int>(m.size()))) {
    const std::size_t match_end = offset_in(text, m[0]) + m[0].size();
    pos = match_end > pos ? match_end : pos + 1;

    bool ends = false;
    if (m[4].data() != nullptr || m[5].data() != nullptr) {
      ends = true;  // a blank line, or a CJK terminator (the scripts have no letter case)
    } else {
      const std::string_view stops = view(m[1]);
      const std::string_view next = text.substr(match_end);
      if (re2::RE2::PartialMatch(piece(m[3]), blank_line)) {
        ends = true;
      } else if (re2::RE2::FullMatch(piece(stops), ellipsis)) {
        ends = false;  // "..." or "…" trails off inside a sentence
      } else if (stops.find_first_not_of('.') != std::string_view::npos) {
        // "?", "!" and the other scripts' terminators end a sentence unless it carries on in
        // lower case: 'asked "why?" and'
        ends = !continues_in_lower_case(next);
      } else {
        ends = full_stop_ends_sentence(word_before(text, offset_in(text, m[1])), next);
      }
    }
    if (!ends) continue;
    // Only a stretch with words in it is a sentence ("!!!" on its own is not).
    if (has_word_content(text.substr(sentence_start, offset_in(text, m[0]) - sentence_start))) ++count;
    sentence_start = match_end;
  }
  if (sentence_start < text.size() && has_word_content(text.substr(sentence_start))) ++count;
  return count;
}

// ---- speculative language -----------------------------------------------------------------------

namespace {

// Whether the modal at text[start, end) ("may be", "may have", "might") states a fact
// conditionally rather than guessing at one: it picks out a set of things ("requests that may
// have been rejected", "customers who might have seen errors") or states an entitlement
// ("service credits may be due under clause 7.2", "may be payable"). "may be due to" gives a
// cause and stays a hedge.
bool conditional_statement_of_fact(std::string_view text, std::size_t start, std::size_t end) {
  static const re2::RE2 modal(R"((?i)(may)[\s\p{Zs}]+(?:(be)|have)|might)");
  // "requests that may", "customers who might", "customers whose orders may".
  static const re2::RE2 relative_before(
      R"((?i)(?:^|[^\pL\pN_])(?:that|which|who|whom|whose[\s\p{Zs}]+[\pL\pN_'’-]+)[\s\p{Zs}]+$)");
  static const re2::RE2 due_to(R"((?i)[\s\p{Zs}]+due[\s\p{Zs}]+to(?:[^\pL\pN_]|$))");
  static const re2::RE2 entitlement(
      R"((?i)[\s\p{Zs}]+(?:due|payable|owed|claimable|refundable|eligible|entitled|credited)(?:[^\pL\pN_]|$))");
  re2::StringPiece may, be;
  if (!re2::RE2::FullMatch(piece(text.substr(start, end - start)), modal, &may, &be)) return false;
  if (re2::RE2::PartialMatch(piece(text.substr(0, start)), relative_before)) return true;
  if (be.data() == nullptr) return false;  // only "may be" states an entitlement
  re2::StringPiece after = piece(text.substr(end));
  if (re2::RE2::Consume(&after, due_to)) return false;
  return re2::RE2::Consume(&after, entitlement);
}

}  // namespace

std::vector<TextMatch> find_speculative(std::string_view text) {
  // Words within a phrase may be separated by any run of spaces, including line breaks and
  // no-break spaces. "maybe" is included alongside "may be": the same hedge, one word.
#define ESC_GAP R"([\s\p{Zs}]+)"
  static const re2::RE2 hedge(
      "(?i)("
      "we" ESC_GAP "think|we" ESC_GAP "believe|we" ESC_GAP "suspect|we" ESC_GAP "hope|"
      "probably|possibly|perhaps|presumably|hopefully|likely|might|maybe|"
      "may" ESC_GAP "have|may" ESC_GAP "be|appears" ESC_GAP "to|appear" ESC_GAP "to|"
      "seems" ESC_GAP "to|seem" ESC_GAP "to|should" ESC_GAP "be" ESC_GAP "fixed|"
      "should" ESC_GAP "be" ESC_GAP "resolved|not" ESC_GAP "sure|not" ESC_GAP "certain"
      ")");
#undef ESC_GAP
  std::vector<TextMatch> out;
  for_each_whole_word(hedge, text, "", [&](std::size_t start, std::size_t end) {
    if (conditional_statement_of_fact(text, start, end)) return;
    out.push_back({start, end - start, std::string(text.substr(start, end - start))});
  });
  return out;
}

// ---- domain names --------------------------------------------------------------------------------

bool is_domain_name(std::string_view name) {
  static const re2::RE2 domain(
      R"([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)");
  return !name.empty() && name.size() <= 253 && re2::RE2::FullMatch(piece(name), domain);
}

// ---- did you mean -------------------------------------------------------------------------------

std::size_t edit_distance(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);  // the row is the shorter string
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];  // row[i-1][j-1]
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::optional<std::string> did_you_mean(std::string_view word,
                                        const std::vector<std::string>& candidates) {
  if (word.empty()) return std::nullopt;  // nothing typed: any short key would be "close"
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  const std::string* best = nullptr;
  std::size_t best_distance = limit + 1;
  for (const auto& c : candidates) {
    const std::size_t d = edit_distance(word, c);
    if (d < best_distance) {  // strict: on a tie the earlier candidate stays
      best = &c;
      best_distance = d;
    }
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

// ---- UTF-8 --------------------------------------------------------------------------------------

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    // Runs of ASCII (most of any record) eight bytes at a time.
    std::uint64_t word;
    while (i + sizeof word <= text.size()) {
      std::memcpy(&word, text.data() + i, sizeof word);
      if (word & 0x8080808080808080ULL) break;
      i += sizeof word;
    }
    if (i == text.size()) break;
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t len = utf8_sequence_length(text, i);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

char32_t next_code_point(std::string_view text, std::size_t& i) {
  const std::size_t len = utf8_sequence_length(text, i);
  if (len == 0) {
    ++i;
    return U'\uFFFD';
  }
  const char32_t c = decode_at(text, i, len);
  i += len;
  return c;
}

LineCol line_col_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  // An offset inside a multi-byte character points at that character.
  while (offset > 0 && offset < text.size() && is_continuation(static_cast<unsigned char>(text[offset]))) {
    --offset;
  }
  LineCol lc;
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++lc.line;
      lc.col = 1;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      // "\r\n" is one line end: the '\n' has the same column as the '\r'.
    } else if (!is_continuation(c)) {
      ++lc.col;
    }
  }
  return lc;
}

std::size_t utf8_length(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return !is_continuation(static_cast<unsigned char>(c));
  }));
}

std::string capitalise(std::string_view word) {
  std::string out(word);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace esc

namespace esc {

std::string excerpt(std::string_view text, std::size_t max_chars) {
  std::string out;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool starts_char = (c & 0xC0) != 0x80;
    if (starts_char && ++chars > max_chars) {
      out += "…";
      return out;
    }
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : text[i];
  }
  return out;
}

}  // namespace esc

namespace esc {

void append_utf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string concat(std::initializer_list<std::string_view> parts) {
  std::size_t size = 0;
  for (std::string_view p : parts) size += p.size();
  std::string out;
  out.reserve(size);
  for (std::string_view p : parts) out += p;
  return out;
}

std::string join_and(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i) out += i + 1 == parts.size() ? " and " : ", ";
    out += parts[i];
  }
  return out;
}

std::string unify_line_ends(std::string_view text) {
  std::string out(text);
  for (std::size_t i = out.find('\r'); i != std::string::npos; i = out.find('\r', i + 1))
    if (i + 1 == out.size() || out[i + 1] != '\n') out[i] = '\n';
  return out;
}

std::string format_amount_digits(double amount) {
  const bool negative = amount < 0;
  const double value = std::fabs(amount);
  std::string units;
  long long cents = 0;
  if (value < 1e15) {  // whole cents fit a long long exactly
    cents = std::llround(value * 100);
    units = std::to_string(cents / 100);
    cents %= 100;
  } else {
    char buf[512];
    std::snprintf(buf, sizeof buf, "%.0f", std::round(value));
    units = buf;
  }
  // Grouped by appending, not by insert() or "-" + units: GCC 12 prints a false -Wrestrict
  // warning for those in optimised builds (GCC bug 105329).
  std::string out;
  if (negative) out += '-';
  for (std::size_t i = 0; i < units.size(); ++i) {
    if (i > 0 && (units.size() - i) % 3 == 0) out += ',';
    out += units[i];
  }
  if (cents != 0) {
    out += '.';
    out += static_cast<char>('0' + cents / 10);
    out += static_cast<char>('0' + cents % 10);
  }
  return out;
}

bool looks_like_utf16(std::string_view bytes) {
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) return true;
  // Without a mark: the first characters are ASCII with a NUL beside each (LE or BE).
  const std::size_t n = std::min<std::size_t>(bytes.size() / 2 * 2, 64);
  if (n < 4) return false;
  for (std::size_t zero : {std::size_t{0}, std::size_t{1}}) {
    bool all = true;
    for (std::size_t i = 0; i < n && all; i += 2) {
      const char z = bytes[i + zero], c = bytes[i + 1 - zero];
      all = z == '\0' && c != '\0' && static_cast<unsigned char>(c) < 0x80;
    }
    if (all) return true;
  }
  return false;
}

}  // namespace esc

namespace esc {

namespace {

bool is_blank(std::string_view value) {
  return value.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

std::string shell_quote(std::string_view word) {
  const bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::string_view("_-./:,+=@%").find(c) != std::string_view::npos;
  });
  if (plain) return std::string(word);
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string one_line(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool same_name(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::string out = one_line(s);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
  };
  return words(a) == words(b);
}

std::optional<std::string> why_unfilled(std::string_view value) {
  if (is_blank(value)) return "is empty";
  if (is_placeholder_value(value)) return "is a placeholder (\"" + excerpt(value) + "\")";
  const std::vector<TextMatch> tokens = find_placeholders(value);
  if (!tokens.empty()) return "contains the placeholder \"" + tokens.front().text + "\"";
  return std::nullopt;
}

bool is_unfilled(std::string_view value) { return why_unfilled(value).has_value(); }

std::string describe_unfilled(std::string_view value) {
  if (is_blank(value)) return "empty";
  return "a placeholder ('" + one_line(value) + "')";
}

std::string format_money(double amount, std::string_view currency) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kSymbols = {{
      {"GBP", "\u00A3"}, {"USD", "$"}, {"EUR", "\u20AC"}, {"JPY", "\u00A5"}, {"INR", "\u20B9"}, {"AUD", "A$"}}};
  // ISO 4217 currencies without a minor unit: an amount is whole units ("¥1,235", never "¥1,234.50").
  static constexpr std::array<std::string_view, 17> kNoMinorUnit = {
      "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG",
      "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF"};
  std::string prefix = std::string(currency) + " ";
  for (auto [code, symbol] : kSymbols)
    if (code == currency) prefix = std::string(symbol);
  if (std::find(kNoMinorUnit.begin(), kNoMinorUnit.end(), currency) != kNoMinorUnit.end() &&
      std::isfinite(amount))
    amount = std::round(amount);
  const std::string digits = format_amount_digits(amount);
  if (digits.starts_with("-")) return concat({"-", prefix, digits.substr(1)});
  return prefix + digits;
}

}  // namespace esc
