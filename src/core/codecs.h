// Decoding what mail is stored as: quoted-printable and base64 content transfer encodings, and
// any charset the system's iconv knows (glibc: ISO-2022-JP, ISO-8859-2, windows-1250, ...) to
// UTF-8. Each decoder can also say where every output byte came from in its input, so a finding
// in decoded text can point at the line and column of the file as stored.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esc {

// For each output byte, the offset of the input byte (or sequence) it was decoded from.
using SourceOffsets = std::vector<std::size_t>;

// Quoted-printable (RFC 2045 6.7): soft line breaks removed, transport padding (trailing
// whitespace) deleted, CRLF and LF become "\n", a stray '=' kept as it is.
std::string decode_quoted_printable(std::string_view text, SourceOffsets* from = nullptr);

// Base64 (RFC 2045 6.8), whitespace ignored. nullopt on a character outside the alphabet or
// data after the padding.
std::optional<std::string> decode_base64(std::string_view text);

// Text in a charset converted to UTF-8.
struct Utf8Text {
  std::string text;
  SourceOffsets from;                       // per byte of `text`, its offset in the input
  std::optional<std::size_t> invalid_at;    // the first input byte that is not valid in the charset
};

// Converts text in `charset` (a MIME or IANA name, any case) to UTF-8 with the system's iconv.
// A byte sequence that is not valid in the charset becomes U+FFFD. nullopt when iconv does not
// know the charset. UTF-8 and US-ASCII are copied as they are (invalid bytes left for the caller).
std::optional<Utf8Text> to_utf8(std::string_view bytes, std::string_view charset);

// Decodes RFC 2047 encoded words in a header value (B and Q, any charset iconv knows); whitespace
// between adjacent encoded words is dropped as the RFC says. A malformed word, or one in a
// charset iconv does not know, is kept as written (RFC 2047 6.3).
std::string decode_encoded_words(std::string_view value);

// True for the charsets read as UTF-8 without conversion: UTF-8, US-ASCII (and their aliases).
bool is_utf8_compatible(std::string_view charset);

}  // namespace esc
