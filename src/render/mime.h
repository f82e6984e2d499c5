// RFC 5322 / MIME building blocks for the customer emails: encoded words for non-ASCII
// headers, header folding, addresses with display names, and a quoted-printable body with CRLF
// line ends. Values handed to these functions never contain CR or LF (the loader rejects control
// characters), but the functions still refuse them: a header can never be injected.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esc::mime {

struct Address {
  std::string display_name;  // UTF-8, may be empty
  std::string email;         // addr-spec, ASCII
};

// True if the text holds a CR, LF or any other control character (C0 except TAB, DEL, C1).
bool has_control_chars(std::string_view text);

// The text with every control character (CR, LF, TAB, ESC, BEL, DEL, C1) turned into a space
// (runs of them into one). Applied to every header text, so that no control character ever
// reaches a header, not even inside an encoded word and not with --force.
std::string without_control_chars(std::string_view text);

// A basic addr-spec check (local@domain, ASCII, no spaces or angle brackets).
bool is_email_address(std::string_view text);

// An unstructured header value: returned as-is when it is printable ASCII, otherwise as
// RFC 2047 encoded words ("=?UTF-8?B?...?=" or Q), each at most 75 characters and never
// splitting a UTF-8 sequence. Encoded words are separated by a folding space.
std::string encode_unstructured(std::string_view utf8);

// "Dana Whitfield <dana@example.com>"; display names quoted when they contain specials
// ("O'Neill, Pat" -> "\"O'Neill, Pat\""), RFC 2047-encoded when non-ASCII.
std::string format_address(const Address& a);
std::string format_address_list(const std::vector<Address>& list);

// One complete header field "Name: value\r\n", folded at whitespace so that no line exceeds
// 78 characters where possible (RFC 5322 2.2.3). Returns nullopt if the value holds CR/LF (or
// any control character), if the name is not a valid field name, or if a word is too long to
// fold under the 998-character limit.
std::optional<std::string> header_field(std::string_view name, std::string_view value);

// Quoted-printable (RFC 2045 6.7) of a UTF-8 text: line ends become CRLF, lines are soft-broken
// at 76 characters, trailing whitespace and '=' are encoded, never splitting an escape.
std::string quoted_printable(std::string_view text);

// Decodes quoted-printable (used by lint-comms and tests). Soft line breaks removed; CRLF kept
// as "\n".
std::string decode_quoted_printable(std::string_view text);

// Decodes RFC 2047 encoded words in a header value (B and Q, UTF-8 / US-ASCII / ISO-8859-1);
// whitespace between adjacent encoded words is dropped as the RFC says.
std::string decode_encoded_words(std::string_view value);

}  // namespace esc::mime
