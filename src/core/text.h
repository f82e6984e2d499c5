// Text helpers shared by the rules and lint-comms, written once: placeholder detection,
// sentence counting, speculative-language detection, "did you mean" and UTF-8 checks.
// Every pattern match uses RE2; patterns are compiled once.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esc {

// An owner-like value (owner, confirmed_by, name) that says nobody: empty or blank, "?", "-",
// "n/a", "TBD", "TBC", "unknown", "none" (any case), a run of underscores, "[anything]".
bool is_placeholder_value(std::string_view value);

// A placeholder token inside free text: a bracketed template field of the playbook ("[Customer
// Name]", "[Date and time — do not miss this commitment]") or a bracket asking for text ("[Insert
// ...]", "[Your name]", "[Contact name]") — not any bracketed phrase ("[EXTERNAL]" is a tag);
// "___" (3+ underscores); whole-word TBD / TBC / TODO and "XX" or more X's ("XX-large" is a
// size); "<...>" that is not an e-mail address, URL or markup; "{{...}}". offset/length are
// byte positions in the text.
struct TextMatch {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string text;
};
std::vector<TextMatch> find_placeholders(std::string_view text);

// Number of sentences. Not fooled by abbreviations ("e.g.", "i.e.", "etc.", "Ltd.", "Inc.",
// "No. 4", "Mr.", "Dr.", "vs."), decimals and amounts ("99.95%", "£1.2m", "v2.3"), initials
// ("J. R. Smith"), ellipses, or a trailing sentence without a full stop. Other scripts end
// sentences their own way: CJK 。！？ (no space needed after them), Devanagari । ॥, Arabic ؟,
// Urdu ۔, Armenian ։, Ethiopic ። and the Greek question mark U+037E. Empty text -> 0.
int count_sentences(std::string_view text);

// Hedging in a factual statement: "we think", "we believe", "probably", "possibly", "might",
// "may have", "appears to", "seems to", "hopefully", "should be fixed", "likely", "we suspect",
// "not sure", "perhaps", "presumably". Case-insensitive and Unicode-aware: a phrase only matches
// as whole words, where word characters include any non-ASCII letter ("cafémight" is one word).
// A modal that states a fact conditionally is not a hedge: one that picks out a set ("requests
// that may have been rejected") or an entitlement ("credits may be due under clause 7.2").
std::vector<TextMatch> find_speculative(std::string_view text);

// A DNS domain name usable after the "@" of a Message-ID: dot-separated labels of ASCII
// letters, digits and '-' (not at either end of a label), 1-63 characters each, 253 in all.
bool is_domain_name(std::string_view name);

// Levenshtein distance (bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a small distance (<= max(2, len/3)), or nullopt.
std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates, > U+10FFFF and
// truncated sequences are invalid), or nullopt when the text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The length (1-4) of the well-formed UTF-8 sequence at text[i], or 0 when the bytes there are
// not one (the same strictness as first_invalid_utf8).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i);
// The code point at text[i], advancing i past it; bytes that are not well-formed UTF-8 give
// U+FFFD and advance one byte.
char32_t next_code_point(std::string_view text, std::size_t& i);

// 1-based line and column (in code points) of a byte offset in a text.
struct LineCol {
  int line = 1;
  int col = 1;
};
LineCol line_col_at(std::string_view text, std::size_t offset);

// An amount of money without its currency: "1,234", "1,234.50", "-12.30"; right for every
// finite double (1e20 is "100,000,000,000,000,000,000"; beyond 1e15 there are no cents to show).
std::string format_amount_digits(double amount);

// Whether bytes are UTF-16 text (a UTF-16 byte order mark, or ASCII with every other byte NUL):
// such a file gets "convert it to UTF-8", not "binary data".
bool looks_like_utf16(std::string_view bytes);

// The text with every lone CR (old Mac line ends) turned into LF; CRLF is kept. Byte offsets do
// not move, so line:col marks and echoed lines stay right for CR, LF and CRLF files alike.
std::string unify_line_ends(std::string_view text);

// Number of code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);

// "Ongoing" from "ongoing"; ASCII only.
std::string capitalise(std::string_view word);

}  // namespace esc

namespace esc {

// Appends a code point as UTF-8 (values above U+10FFFF become U+FFFD).
void append_utf8(std::string& out, char32_t cp);

// The parts joined into one string. Used where `"x" + std::string(...)` would read naturally:
// with that pattern GCC 12 prints false -Wrestrict warnings in optimised builds (GCC bug 105329).
std::string concat(std::initializer_list<std::string_view> parts);

// "a", "b", "c" -> "a, b and c" (for messages).
std::string join_and(const std::vector<std::string>& parts);

// Collapses runs of white space (line breaks included) to one space and trims both ends: how a
// folded YAML value reads on one line (messages, email fields).
std::string one_line(std::string_view text);

// A word as a POSIX shell reads it back unchanged: as it is when it holds only characters no
// shell treats specially (letters, digits, "_-./:,+=@%"), else in single quotes ("it's" ->
// 'it'\''s'). For commands printed for people to copy.
std::string shell_quote(std::string_view word);

// Names compared as people write them: surrounding and repeated spaces and ASCII case ignored.
bool same_name(std::string_view a, std::string_view b);

// Why a free-text value is not filled in — "is empty", "is a placeholder (\"TBD\")", "contains
// the placeholder \"[X]\"" — or nullopt when it is. The one answer to "is this value unfilled"
// for rules, emails and the readout.
std::optional<std::string> why_unfilled(std::string_view value);
// why_unfilled(value).has_value().
bool is_unfilled(std::string_view value);
// A value that names nobody, as a message describes it: "empty" or "a placeholder ('TBD')".
std::string describe_unfilled(std::string_view value);

// Money in the account's currency: "£180,000", "€1,250.50", "$0", "¥1,235", "-£12.30",
// "CHF 20,000" (the ISO code and a space where no common symbol is known). Thousands separated
// by commas; minor units only when there are any, and never for a currency without them (JPY).
std::string format_money(double amount, std::string_view currency);

// A value quoted in a message: at most `max_chars` code points, cut with "…", line breaks shown
// as spaces — so a 10,000-character value never floods a report.
std::string excerpt(std::string_view text, std::size_t max_chars = 60);

}  // namespace esc
