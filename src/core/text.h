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

// A placeholder token inside free text: "[Words]" tokens, "___" (3+ underscores), whole-word
// TBD / TBC / TODO, "XX" or more X's as a word, "<...>" that is not an e-mail address or URL,
// "{{...}}". offset/length are byte positions in the text.
struct TextMatch {
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string text;
};
std::vector<TextMatch> find_placeholders(std::string_view text);

// Number of sentences. Not fooled by abbreviations ("e.g.", "i.e.", "etc.", "Ltd.", "Inc.",
// "No. 4", "Mr.", "Dr.", "vs."), decimals and amounts ("99.95%", "£1.2m", "v2.3"), initials
// ("J. R. Smith"), ellipses, or a trailing sentence without a full stop. Empty text -> 0.
int count_sentences(std::string_view text);

// Hedging in a factual statement: "we think", "we believe", "probably", "possibly", "might",
// "may have", "appears to", "seems to", "hopefully", "should be fixed", "likely", "we suspect",
// "not sure", "perhaps", "presumably". Case-insensitive and Unicode-aware: a phrase only matches
// as whole words, where word characters include any non-ASCII letter ("cafémight" is one word).
std::vector<TextMatch> find_speculative(std::string_view text);

// Levenshtein distance (bytes).
std::size_t edit_distance(std::string_view a, std::string_view b);
// The closest candidate within a small distance (<= max(2, len/3)), or nullopt.
std::optional<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates, > U+10FFFF and
// truncated sequences are invalid), or nullopt when the text is valid.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// 1-based line and column (in code points) of a byte offset in a text.
struct LineCol {
  int line = 1;
  int col = 1;
};
LineCol line_col_at(std::string_view text, std::size_t offset);

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

// A value quoted in a message: at most `max_chars` code points, cut with "…", line breaks shown
// as spaces — so a 10,000-character value never floods a report.
std::string excerpt(std::string_view text, std::size_t max_chars = 60);

}  // namespace esc
