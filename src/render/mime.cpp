#include "render/mime.h"

#include "core/codecs.h"
#include "core/text.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace esc::mime {
namespace {

// The UTF-8 sequence at text[pos], kept whole; a byte that starts no well-formed sequence is a
// unit of its own, so malformed input is still handled (byte by byte) rather than dropped.
std::size_t unit_length(std::string_view text, std::size_t pos) {
  return std::max<std::size_t>(1, utf8_sequence_length(text, pos));
}

// RFC 5322 2.1.1: a line SHOULD be at most 78 characters and MUST be at most 998 (without CRLF).
constexpr std::size_t kHeaderLineSoftLimit = 78;
constexpr std::size_t kHeaderLineHardLimit = 998;

// RFC 2045 6.7 rule 5: encoded lines are at most 76 characters, a soft break's "=" included.
constexpr std::size_t kQpLineLimit = 76;

// RFC 2047 2: an encoded word is at most 75 characters, and a header line holding one at most
// 76. We use shorter words so that "Subject: " or "Reply-To: " plus one word still fits in 76:
// 39 bytes -> 52 base64 characters -> 64 characters with the 12-character "=?UTF-8?B?" "?=" frame.
constexpr std::size_t kEncodedWordMaxBytes = 39;
constexpr std::string_view kEncodedWordPrefix = "=?UTF-8?B?";
constexpr std::string_view kEncodedWordSuffix = "?=";

// An ASCII word longer than this cannot be folded into a line of at most 998 characters once a
// header name is in front of it, so encode_unstructured sends such values as encoded words
// (which are short and foldable) instead.
constexpr std::size_t kLongestFoldableWord = 900;

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kHexDigits = "0123456789ABCDEF";

unsigned char byte_of(char c) { return static_cast<unsigned char>(c); }

bool is_wsp(char c) { return c == ' ' || c == '\t'; }

bool all_wsp(std::string_view text) {
  for (char c : text) {
    if (!is_wsp(c)) return false;
  }
  return true;
}

// Printable US-ASCII: SPACE through '~'. TAB and everything else needs encoding.
bool is_printable_ascii(std::string_view text) {
  for (char c : text) {
    if (byte_of(c) < 0x20 || byte_of(c) > 0x7E) return false;
  }
  return true;
}

void append_hex_escape(std::string& out, unsigned char b) {
  out += '=';
  out += kHexDigits[b >> 4];
  out += kHexDigits[b & 0x0F];
}

std::string base64_encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    const unsigned int n = (byte_of(in[i]) << 16) | (byte_of(in[i + 1]) << 8) | byte_of(in[i + 2]);
    out += kBase64Alphabet[(n >> 18) & 0x3F];
    out += kBase64Alphabet[(n >> 12) & 0x3F];
    out += kBase64Alphabet[(n >> 6) & 0x3F];
    out += kBase64Alphabet[n & 0x3F];
  }
  const std::size_t rest = in.size() - i;
  if (rest > 0) {
    unsigned int n = byte_of(in[i]) << 16;
    if (rest == 2) n |= byte_of(in[i + 1]) << 8;
    out += kBase64Alphabet[(n >> 18) & 0x3F];
    out += kBase64Alphabet[(n >> 12) & 0x3F];
    out += rest == 2 ? kBase64Alphabet[(n >> 6) & 0x3F] : '=';
    out += '=';
  }
  return out;
}

// The whole text as "=?UTF-8?B?...?=" words separated by single spaces. Each word holds whole
// UTF-8 sequences only (RFC 2047 5 rule 3: a multi-octet character may not be split across
// adjacent encoded words). Every byte, spaces included, is inside the base64, so decoding gives
// back the exact input; the separating spaces are dropped by decoders (RFC 2047 6.2).
std::string encode_as_words(std::string_view utf8) {
  std::string out;
  std::size_t pos = 0;
  while (pos < utf8.size()) {
    std::size_t end = pos;
    while (end < utf8.size()) {
      const std::size_t len = unit_length(utf8, end);
      if (end + len - pos > kEncodedWordMaxBytes) break;
      end += len;
    }
    if (!out.empty()) out += ' ';
    out += kEncodedWordPrefix;
    out += base64_encode(utf8.substr(pos, end - pos));
    out += kEncodedWordSuffix;
    pos = end;
  }
  return out;
}

// Printable ASCII that still cannot go out verbatim: "=?" could be taken for an encoded word by
// a decoder; leading or trailing whitespace is dropped by receivers (Python strips the leading
// space after the colon); a very long word cannot be folded under the 998 limit.
bool ascii_needs_encoding(std::string_view text) {
  if (text.find("=?") != std::string_view::npos) return true;
  if (!text.empty() && (is_wsp(text.front()) || is_wsp(text.back()))) return true;
  std::size_t run = 0;
  for (char c : text) {
    run = is_wsp(c) ? 0 : run + 1;
    if (run > kLongestFoldableWord) return true;
  }
  return false;
}

// RFC 5322 3.2.3 atext.
bool is_atext(char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-/=?^_`{|}~").find(c) != std::string_view::npos;
}

// A phrase (RFC 5322 3.2.5) that needs no quoting: atoms separated by single spaces.
bool is_plain_phrase(std::string_view text) {
  if (text.empty() || text.front() == ' ' || text.back() == ' ') return false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ') {
      if (text[i + 1] == ' ') return false;  // safe: the last character is not a space
    } else if (!is_atext(text[i])) {
      return false;
    }
  }
  return true;
}

// RFC 5322 3.2.4 quoted-string: '"' and '\' are the only characters that need a backslash.
std::string quote(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

std::string format_display_name(std::string_view raw) {
  const std::string clean = without_control_chars(raw);
  const std::string_view name = clean;
  if (!is_printable_ascii(name) || name.find("=?") != std::string_view::npos) {
    // RFC 2047 5 rule 3: encoded words may stand for words of a phrase. The B alphabet only
    // uses atext characters, so the words are valid there.
    return encode_as_words(name);
  }
  return is_plain_phrase(name) ? std::string(name) : quote(name);
}

// RFC 5322 3.6.8 field-name: printable ASCII except ":".
bool is_field_name(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (byte_of(c) < 33 || byte_of(c) > 126 || c == ':') return false;
  }
  return true;
}

// A dot-atom-text (RFC 5322 3.2.3) shape: no leading, trailing or doubled dots.
bool dots_ok(std::string_view text) {
  return !text.empty() && text.front() != '.' && text.back() != '.' &&
         text.find("..") == std::string_view::npos;
}

bool is_domain_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
    return false;
  for (char c : label) {
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && c != '-') return false;
  }
  return true;
}

void encode_qp_line(std::string_view line, std::string& out) {
  const bool from_line = line.substr(0, 5) == "From ";
  // One unit per UTF-8 sequence, so a soft break never falls inside a character (and hence
  // never inside an "=XX" escape either). At most 12 bytes: no allocation.
  std::string unit;
  std::size_t width = 0;
  std::size_t pos = 0;
  while (pos < line.size()) {
    const std::size_t len = unit_length(line, pos);
    const bool at_line_end = pos + len == line.size();
    unit.clear();
    for (std::size_t i = pos; i < pos + len; ++i) {
      const unsigned char b = byte_of(line[i]);
      const bool escape =
          b == '=' || b >= 0x7F || (b < 0x20 && b != '\t') ||
          // RFC 2045 6.7 rule 3: whitespace at the end of an encoded line must be encoded,
          // transports may strip it.
          (is_wsp(line[i]) && at_line_end) ||
          // RFC 2045 6.7 note 8: "From " at a line start gets mangled by mbox tools.
          (i == 0 && from_line);
      if (escape) {
        append_hex_escape(unit, b);
      } else {
        unit += line[i];
      }
    }
    // A unit that is not the last may be followed by a soft break "=", which needs a column.
    const std::size_t limit = at_line_end ? kQpLineLimit : kQpLineLimit - 1;
    if (width > 0 && width + unit.size() > limit) {
      out += "=\r\n";
      width = 0;
    }
    out += unit;
    width += unit.size();
    pos += len;
  }
}

}  // namespace

bool has_control_chars(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char b = byte_of(text[i]);
    if ((b < 0x20 && b != '\t') || b == 0x7F) return true;
    // C1 controls U+0080..U+009F are C2 80..C2 9F in UTF-8.
    if (b == 0xC2 && i + 1 < text.size() && byte_of(text[i + 1]) >= 0x80 &&
        byte_of(text[i + 1]) <= 0x9F) {
      return true;
    }
  }
  return false;
}

bool is_email_address(std::string_view text) {
  // RFC 5321 4.5.3.1: at most 64 octets of local part and 254 in all.
  if (text.size() > 254) return false;
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos || text.rfind('@') != at) return false;
  const std::string_view local = text.substr(0, at);
  const std::string_view domain = text.substr(at + 1);
  if (local.size() > 64 || !dots_ok(local) || !dots_ok(domain)) return false;
  for (char c : local) {
    // Printable ASCII without space and without specials that would need a quoted local part.
    if (byte_of(c) < 0x21 || byte_of(c) > 0x7E) return false;
    if (std::string_view("<>()[],;:\"\\").find(c) != std::string_view::npos) return false;
  }
  // local@domain.tld: at least two labels of letters, digits and inner hyphens, and a top-level
  // label that is not all digits (so "1.2.3.4" is not a domain).
  std::size_t labels = 0;
  std::string_view last;
  std::size_t start = 0;
  while (start <= domain.size()) {
    std::size_t dot = domain.find('.', start);
    if (dot == std::string_view::npos) dot = domain.size();
    last = domain.substr(start, dot - start);
    if (!is_domain_label(last)) return false;
    ++labels;
    start = dot + 1;
  }
  if (labels < 2 || last.size() < 2) return false;
  for (char c : last) {
    if (c < '0' || c > '9') return true;
  }
  return false;
}

std::string without_control_chars(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char b = byte_of(text[i]);
    bool control = b < 0x20 || b == 0x7F;
    if (b == 0xC2 && i + 1 < text.size() && byte_of(text[i + 1]) >= 0x80 && byte_of(text[i + 1]) <= 0x9F) {
      control = true;
      ++i;
    }
    if (!control) {
      out += text[i];
    } else if (!out.empty() && out.back() != ' ') {
      out += ' ';  // "Dana\r\nBcc: x" -> "Dana Bcc: x": one harmless line
    }
  }
  while (!out.empty() && out.back() == ' ' && (text.empty() || text.back() != ' ')) out.pop_back();
  return out;
}

std::string encode_unstructured(std::string_view raw) {
  const std::string clean = without_control_chars(raw);
  const std::string_view utf8 = clean;
  if (is_printable_ascii(utf8) && !ascii_needs_encoding(utf8)) return std::string(utf8);
  return encode_as_words(utf8);
}

std::string format_address(const Address& a) {
  // No display name: the bare addr-spec (RFC 5322 3.4 allows it, and it reads best).
  if (a.display_name.empty()) return a.email;
  return format_display_name(a.display_name) + " <" + a.email + ">";
}

std::string format_address_list(const std::vector<Address>& list) {
  std::string out;
  for (const Address& a : list) {
    if (!out.empty()) out += ", ";
    out += format_address(a);
  }
  return out;
}

std::optional<std::string> header_field(std::string_view name, std::string_view value) {
  // A CR or LF in the value would end the field and start a new one (header injection).
  if (!is_field_name(name) || has_control_chars(value)) return std::nullopt;

  // Split the value into chunks of "leading whitespace + word"; folding (RFC 5322 2.2.3) means
  // putting a CRLF in front of a chunk, so unfolding (removing the CRLF) restores the value.
  std::vector<std::string_view> chunks;
  std::size_t start = 0;
  while (start < value.size()) {
    std::size_t end = start;
    while (end < value.size() && is_wsp(value[end])) ++end;
    while (end < value.size() && !is_wsp(value[end])) ++end;
    chunks.push_back(value.substr(start, end - start));
    start = end;
  }

  std::string out;
  std::string line = std::string(name) + ": ";
  for (std::size_t i = 0; i < chunks.size(); ++i) {
    // Never fold before a whitespace-only chunk: that would leave a blank continuation line,
    // which is obsolete syntax (RFC 5322 4.2) and must not be generated.
    if (i > 0 && line.size() + chunks[i].size() > kHeaderLineSoftLimit && !all_wsp(chunks[i])) {
      out += line;
      out += "\r\n";
      line.clear();
    }
    line += chunks[i];
    if (line.size() > kHeaderLineHardLimit) return std::nullopt;  // a word we cannot fold
  }
  out += line;
  out += "\r\n";
  return out;
}

std::string quoted_printable(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);  // room for some escapes and soft breaks
  std::size_t start = 0;
  while (true) {
    const std::size_t newline = text.find('\n', start);
    std::string_view line = text.substr(
        start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
    if (newline != std::string_view::npos && !line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    encode_qp_line(line, out);
    if (newline == std::string_view::npos) break;
    out += "\r\n";  // RFC 2045 6.7 rule 4: line breaks are CRLF in the canonical form
    start = newline + 1;
  }
  return out;
}

std::string decode_quoted_printable(std::string_view text) { return esc::decode_quoted_printable(text); }

std::string decode_encoded_words(std::string_view value) { return esc::decode_encoded_words(value); }

}  // namespace esc::mime
