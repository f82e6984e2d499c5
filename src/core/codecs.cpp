#include "core/codecs.h"

#include "core/text.h"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <utility>

namespace esc {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

bool is_wsp(char c) { return c == ' ' || c == '\t'; }

unsigned char byte_of(char c) { return static_cast<unsigned char>(c); }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(byte_of(x)) == std::tolower(byte_of(y));
         });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// One iconv conversion descriptor, closed on every path.
class Iconv {
 public:
  explicit Iconv(const std::string& from) : cd_(iconv_open("UTF-8", from.c_str())) {}
  ~Iconv() {
    if (ok()) iconv_close(cd_);
  }
  Iconv(const Iconv&) = delete;
  Iconv& operator=(const Iconv&) = delete;
  bool ok() const { return cd_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return cd_; }

 private:
  iconv_t cd_;
};

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

bool all_wsp(std::string_view text) {
  for (char c : text) {
    if (!is_wsp(c)) return false;
  }
  return true;
}

// Strict enough to reject garbage, lenient about missing padding (seen in the wild).
std::optional<std::string> base64_decode(std::string_view in) {
  while (!in.empty() && in.back() == '=') in.remove_suffix(1);
  if (in.size() % 4 == 1) return std::nullopt;
  std::string out;
  unsigned int acc = 0;
  int bits = 0;
  for (char c : in) {
    const std::size_t v = kBase64Alphabet.find(c);
    if (v == std::string_view::npos) return std::nullopt;
    acc = (acc << 6) | static_cast<unsigned int>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((acc >> bits) & 0xFF);
    }
  }
  return out;
}

// RFC 2047 4.2: "_" is a space, "=XX" a byte, anything else itself.
std::optional<std::string> q_decode(std::string_view in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '_') {
      out += ' ';
    } else if (in[i] == '=') {
      if (i + 2 >= in.size()) return std::nullopt;
      const int hi = hex_value(in[i + 1]);
      const int lo = hex_value(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else {
      out += in[i];
    }
  }
  return out;
}

// Parses one encoded word at text[pos] ("=?charset?B|Q?text?="). Returns its UTF-8 text and the
// position after it, or nullopt when it is malformed or in a charset we do not know (RFC 2047
// 6.3: such words are shown as they are).
std::optional<std::pair<std::string, std::size_t>> parse_encoded_word(std::string_view text,
                                                                      std::size_t pos) {
  if (text.substr(pos, 2) != "=?") return std::nullopt;
  const std::size_t q1 = text.find('?', pos + 2);
  if (q1 == std::string_view::npos || q1 + 3 > text.size() || text[q1 + 2] != '?') {
    return std::nullopt;
  }
  std::string_view charset = text.substr(pos + 2, q1 - pos - 2);
  // RFC 2231 5: "charset*language".
  charset = charset.substr(0, charset.find('*'));
  const char encoding = static_cast<char>(std::tolower(static_cast<unsigned char>(text[q1 + 1])));
  const std::size_t start = q1 + 3;
  const std::size_t end = text.find("?=", start);
  if (end == std::string_view::npos) return std::nullopt;
  const std::string_view payload = text.substr(start, end - start);
  for (char c : payload) {
    if (is_wsp(c) || c == '?') return std::nullopt;
  }

  std::optional<std::string> bytes;
  if (encoding == 'b') {
    bytes = base64_decode(payload);
  } else if (encoding == 'q') {
    bytes = q_decode(payload);
  }
  if (!bytes) return std::nullopt;

  std::string utf8;
  if (iequals(charset, "UTF-8") || iequals(charset, "UTF8")) {
    utf8 = std::move(*bytes);
  } else if (iequals(charset, "US-ASCII") || iequals(charset, "ASCII")) {
    for (char c : *bytes) {
      if (byte_of(c) < 0x80) {
        utf8 += c;
      } else {
        append_utf8(utf8, 0xFFFD);  // not ASCII: the replacement character
      }
    }
  } else if (auto converted = to_utf8(*bytes, charset)) {  // any charset iconv knows
    utf8 = std::move(converted->text);
  } else {
    return std::nullopt;
  }
  return std::make_pair(std::move(utf8), end + 2);
}

}  // namespace

std::string decode_quoted_printable(std::string_view text, SourceOffsets* from) {
  std::string out;
  auto put = [&](char c, std::size_t at) {
    out += c;
    if (from) from->push_back(at);
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t newline = text.find('\n', start);
    std::string_view line =
        text.substr(start, newline == std::string_view::npos ? std::string_view::npos : newline - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // RFC 2045 6.7 rule 3: trailing whitespace was added in transport and is deleted.
    while (!line.empty() && is_wsp(line.back())) line.remove_suffix(1);
    const bool soft_break = !line.empty() && line.back() == '=';
    if (soft_break) line.remove_suffix(1);
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] == '=' && i + 2 < line.size()) {
        const int hi = hex_value(line[i + 1]);
        const int lo = hex_value(line[i + 2]);
        if (hi >= 0 && lo >= 0) {
          put(static_cast<char>(hi * 16 + lo), start + i);
          i += 2;
          continue;
        }
      }
      put(line[i], start + i);  // a stray "=" is kept as it is (RFC 2045 6.7 note 1)
    }
    if (newline == std::string_view::npos) break;
    if (!soft_break) put('\n', newline);
    start = newline + 1;
  }
  return out;
}

std::optional<std::string> decode_base64(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
  };
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  bool padding = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    const int v = value(c);
    if (v < 0 || padding) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

bool is_utf8_compatible(std::string_view charset) {
  const std::string c = lower(charset);
  return c == "utf-8" || c == "utf8" || c == "us-ascii" || c == "ascii" || c == "ansi_x3.4-1968";
}

std::optional<Utf8Text> to_utf8(std::string_view bytes, std::string_view charset) {
  Utf8Text out;
  if (is_utf8_compatible(charset)) {
    out.text = std::string(bytes);
    out.from.resize(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) out.from[i] = i;
    return out;
  }
  Iconv cd{std::string(charset)};
  if (!cd.ok()) return std::nullopt;
  out.text.reserve(bytes.size() + bytes.size() / 4);
  out.from.reserve(bytes.size() + bytes.size() / 4);
  // One character (or shift sequence) at a time, so each output byte knows its input offset:
  // a prefix of 1, 2, ... bytes is offered until iconv consumes something.
  constexpr std::size_t kLongest = 8;
  std::array<char, 64> buffer{};
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    bool consumed = false;
    for (std::size_t len = 1; len <= kLongest && pos + len <= bytes.size(); ++len) {
      char* in = const_cast<char*>(bytes.data() + pos);
      std::size_t in_left = len;
      char* outp = buffer.data();
      std::size_t out_left = buffer.size();
      const std::size_t r = iconv(cd.get(), &in, &in_left, &outp, &out_left);
      const std::size_t produced = buffer.size() - out_left;
      const std::size_t used = len - in_left;
      out.text.append(buffer.data(), produced);
      out.from.insert(out.from.end(), produced, pos);
      if (used > 0) {
        pos += used;
        consumed = true;
        break;
      }
      if (r == static_cast<std::size_t>(-1) && errno == EILSEQ) break;
      // EINVAL: an incomplete sequence; offer one more byte.
    }
    if (consumed) continue;
    // Not valid in the charset (or cut short at the end): one replacement character.
    if (!out.invalid_at) out.invalid_at = pos;
    out.text += "\xEF\xBF\xBD";
    out.from.insert(out.from.end(), 3, pos);
    ++pos;
    iconv(cd.get(), nullptr, nullptr, nullptr, nullptr);  // back to the initial shift state
  }
  return out;
}

std::string decode_encoded_words(std::string_view value) {
  // Unfold first (RFC 5322 2.2.3): a line break followed by whitespace is just that whitespace.
  std::string text;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\r' && i + 2 < value.size() && value[i + 1] == '\n' && is_wsp(value[i + 2])) {
      ++i;
      continue;
    }
    if (value[i] == '\n' && i + 1 < value.size() && is_wsp(value[i + 1])) continue;
    text += value[i];
  }

  std::string out;
  std::size_t copied = 0;  // text[0, copied) has been handled
  bool after_word = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto word = parse_encoded_word(text, pos);
    if (!word) {
      ++pos;
      continue;
    }
    const std::string_view gap = std::string_view(text).substr(copied, pos - copied);
    // RFC 2047 6.2: whitespace between adjacent encoded words is not displayed.
    if (!(after_word && all_wsp(gap))) out += gap;
    out += word->first;
    copied = pos = word->second;
    after_word = true;
  }
  out += std::string_view(text).substr(copied);
  return out;
}

}  // namespace esc
