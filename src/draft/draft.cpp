#include "draft/draft.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <deque>
#include <map>

#include "core/text.h"
#include "render/mime.h"

namespace esc {

namespace {

constexpr int kMaxMimeDepth = 8;

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The file's lines without their line ends ("\n", "\r\n"); line i is line number i + 1.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  if (!lines.empty() && lines.back().empty() && !text.empty() && text.back() == '\n') lines.pop_back();
  return lines;
}

// "Name: value" with an RFC 5322 field name (printable ASCII but ':' and space).
std::optional<std::size_t> header_colon(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && line[i] != ':') {
    const auto c = static_cast<unsigned char>(line[i]);
    if (c <= 32 || c >= 127) return std::nullopt;
    ++i;
  }
  if (i == 0 || i == line.size()) return std::nullopt;
  return i;
}

struct Header {
  std::string name;   // as written
  std::string value;  // unfolded, not decoded, leading whitespace removed
  int line = 0;
};

// A MIME entity: its headers and the line range of its content.
struct Entity {
  std::vector<Header> headers;
  std::size_t content_begin = 0;  // index into the lines
  std::size_t content_end = 0;
  std::optional<std::size_t> stray_line;  // a line that was neither header nor blank

  const Header* find(std::string_view name) const {
    for (const Header& h : headers)
      if (iequals(h.name, name)) return &h;
    return nullptr;
  }
};

Entity parse_entity(const std::vector<std::string_view>& lines, std::size_t begin, std::size_t end) {
  Entity e;
  std::size_t i = begin;
  for (; i < end; ++i) {
    std::string_view line = lines[i];
    if (line.empty()) {
      ++i;  // the blank line belongs to neither headers nor content
      break;
    }
    if ((line.front() == ' ' || line.front() == '\t') && !e.headers.empty()) {
      e.headers.back().value += line;
      continue;
    }
    auto colon = header_colon(line);
    if (!colon) {
      e.stray_line = i;
      break;
    }
    Header h;
    h.name = std::string(line.substr(0, *colon));
    h.value = std::string(trim(line.substr(*colon + 1)));
    h.line = static_cast<int>(i) + 1;
    e.headers.push_back(std::move(h));
  }
  e.content_begin = std::min(i, end);
  e.content_end = end;
  return e;
}

struct ContentType {
  std::string type = "text/plain";
  std::map<std::string, std::string> params;
};

ContentType parse_content_type(const Header* h) {
  ContentType ct;
  if (!h) return ct;
  std::string_view v = h->value;
  std::size_t semi = v.find(';');
  std::string_view type = trim(v.substr(0, semi));
  if (!type.empty()) ct.type = lower(type);
  while (semi != std::string_view::npos) {
    v.remove_prefix(semi + 1);
    std::size_t eq = v.find('=');
    if (eq == std::string_view::npos) break;
    std::string name = lower(trim(v.substr(0, eq)));
    v.remove_prefix(eq + 1);
    while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
    std::string value;
    if (!v.empty() && v.front() == '"') {
      std::size_t i = 1;
      for (; i < v.size() && v[i] != '"'; ++i) {
        if (v[i] == '\\' && i + 1 < v.size()) ++i;
        value += v[i];
      }
      v.remove_prefix(std::min(v.size(), i + 1));
      semi = v.find(';');
    } else {
      semi = v.find(';');
      value = std::string(trim(v.substr(0, semi)));
    }
    ct.params[name] = value;
  }
  return ct;
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
    int v = value(c);
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


// Windows-1252's 0x80..0x9F; everything else is Latin-1 (0 marks an unassigned byte, kept as
// its Latin-1 code point).
constexpr std::array<char32_t, 32> kCp1252 = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

std::string from_single_byte(std::string_view bytes, bool cp1252) {
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 8);
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    char32_t cp = b;
    if (cp1252 && b >= 0x80 && b <= 0x9F && kCp1252[b - 0x80] != 0) cp = kCp1252[b - 0x80];
    append_utf8(out, cp);
  }
  return out;
}

// Replaces every invalid UTF-8 byte with U+FFFD; returns the offset of the first one.
std::optional<std::size_t> make_valid_utf8(std::string& text) {
  auto first = first_invalid_utf8(text);
  if (!first) return std::nullopt;
  std::string out(text.substr(0, *first));
  std::string_view rest = std::string_view(text).substr(*first);
  while (!rest.empty()) {
    out += "\xEF\xBF\xBD";
    rest.remove_prefix(1);
    auto next = first_invalid_utf8(rest);
    std::size_t good = next ? *next : rest.size();
    out += rest.substr(0, good);
    rest.remove_prefix(good);
  }
  text = std::move(out);
  return first;
}

std::string hex_byte(unsigned char b) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("0x") + kHex[b >> 4] + kHex[b & 0xF];
}

// A NUL byte, or many control characters early on, means this is not text.
std::optional<std::size_t> binary_at(std::string_view bytes) {
  if (auto nul = bytes.find('\0'); nul != std::string_view::npos) return nul;
  std::size_t sample = std::min<std::size_t>(bytes.size(), 8192), controls = 0;
  std::optional<std::size_t> first;
  for (std::size_t i = 0; i < sample; ++i) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
      ++controls;
      if (!first) first = i;
    }
  }
  if (sample > 0 && controls * 10 > sample) return first;
  return std::nullopt;
}

class EmailReader {
 public:
  EmailReader(std::string_view bytes, Draft& draft) : lines_(split_lines(bytes)), draft_(draft) {}

  // False when the text does not start with a header: the caller reads it as text instead.
  bool read() {
    if (lines_.empty() || !header_colon(lines_.front())) return false;
    Entity top = parse_entity(lines_, 0, lines_.size());
    if (top.stray_line)
      problem(line_mark(*top.stray_line),
              "this line is neither a header (Name: value) nor the blank line that ends the "
              "headers; the body is read from here");
    if (const Header* s = top.find("Subject")) {
      std::string subject = mime::decode_encoded_words(s->value);
      std::string_view t = trim(subject);
      draft_.subject = std::string(t);
      if (make_valid_utf8(*draft_.subject))
        problem({s->line, 1}, "the Subject header is not valid UTF-8; encode it with RFC 2047");
      draft_.subject_line = s->line;
      draft_.subject_col = 10;  // after "Subject: "
      draft_.subject_display = "Subject: " + *draft_.subject;
    }
    const Entity* text = select(top, 0);
    if (!text) return true;
    read_body(*text);
    return true;
  }

 private:
  std::vector<std::string_view> lines_;
  Draft& draft_;
  std::deque<Entity> parts_;  // entities found inside multiparts (references stay valid)

  static Mark line_mark(std::size_t index) { return {static_cast<int>(index) + 1, 1}; }
  void problem(Mark m, std::string message) { draft_.problems.push_back({m, std::move(message)}); }

  // The Content-Type header's line (else the entity's first header, else its content).
  static int header_line(const Entity& e, std::size_t fallback) {
    if (const Header* h = e.find("Content-Type")) return h->line;
    return e.headers.empty() ? static_cast<int>(fallback) + 1 : e.headers.front().line;
  }

  // The first text/plain entity, depth first (multipart/alternative and multipart/mixed alike;
  // attachments are skipped).
  const Entity* select(const Entity& e, int depth) {
    ContentType ct = parse_content_type(e.find("Content-Type"));
    if (ct.type.starts_with("multipart/")) {
      if (depth >= kMaxMimeDepth) {
        problem({header_line(e, e.content_begin), 1}, "MIME parts are nested too deeply to read");
        return nullptr;
      }
      auto boundary = ct.params.find("boundary");
      if (boundary == ct.params.end() || boundary->second.empty()) {
        problem({header_line(e, e.content_begin), 1},
                "the message is " + ct.type + " but its Content-Type has no boundary parameter");
        return nullptr;
      }
      const std::string delimiter = "--" + boundary->second;
      std::vector<std::pair<std::size_t, std::size_t>> ranges;
      std::optional<std::size_t> part_start;
      for (std::size_t i = e.content_begin; i < e.content_end; ++i) {
        std::string_view l = trim(lines_[i]);
        if (!l.starts_with(delimiter)) continue;
        std::string_view rest = l.substr(delimiter.size());
        if (rest != "" && rest != "--") continue;
        if (part_start) ranges.emplace_back(*part_start, i);
        part_start = i + 1;
        if (rest == "--") {
          part_start.reset();
          break;
        }
      }
      if (part_start) ranges.emplace_back(*part_start, e.content_end);
      for (auto [b, en] : ranges) {
        // A part without headers is text/plain (RFC 2045 5.2), content from its first line.
        Entity part = parse_entity(lines_, b, en);
        if (const Header* d = part.find("Content-Disposition"); d && lower(d->value).starts_with("attachment"))
          continue;
        parts_.push_back(std::move(part));
        const Entity& stored = parts_.back();
        if (const Entity* found = select(stored, depth + 1)) return found;
      }
      if (depth == 0)
        problem({header_line(e, e.content_begin), 1},
                "the message has no text/plain part; lint-comms reads the plain-text body (save "
                "the draft with a plain-text alternative)");
      return nullptr;
    }
    if (ct.type == "text/plain") return &e;
    if (depth == 0)
      problem({header_line(e, e.content_begin), 1},
              "the message body is " + ct.type + ", not text/plain; lint-comms reads the "
              "plain-text body (save the draft as plain text)");
    return nullptr;
  }

  void read_body(const Entity& e) {
    std::string raw;
    for (std::size_t i = e.content_begin; i < e.content_end; ++i) {
      raw += lines_[i];
      if (i + 1 < e.content_end) raw += '\n';
    }
    const int first_line = static_cast<int>(e.content_begin) + 1;
    const Header* cte = e.find("Content-Transfer-Encoding");
    const int cte_line = cte ? cte->line : header_line(e, e.content_begin);
    std::string encoding = cte ? lower(trim(cte->value)) : "7bit";
    std::string decoded;
    if (encoding == "7bit" || encoding == "8bit" || encoding == "binary") {
      decoded = std::move(raw);
    } else if (encoding == "quoted-printable") {
      decoded = mime::decode_quoted_printable(raw);
    } else if (encoding == "base64") {
      auto b = decode_base64(raw);
      if (!b) {
        problem({cte_line, 1}, "the base64 body does not decode (a character outside the base64 "
                               "alphabet); the draft cannot be read");
        draft_.readable = false;
        return;
      }
      decoded = std::move(*b);
    } else {
      problem({cte_line, 1}, "Content-Transfer-Encoding '" + encoding +
                                 "' is not supported; use quoted-printable, base64, 7bit or 8bit");
      draft_.readable = false;
      return;
    }
    if (auto bin = binary_at(decoded)) {
      (void)bin;
      problem({first_line, 1}, "the text part holds binary data, not text; the draft cannot be read");
      draft_.readable = false;
      return;
    }
    ContentType ct = parse_content_type(e.find("Content-Type"));
    std::string charset = lower(ct.params.count("charset") ? ct.params["charset"] : "us-ascii");
    if (charset == "iso-8859-1" || charset == "latin1" || charset == "latin-1" || charset == "iso-8859-15") {
      decoded = from_single_byte(decoded, false);
    } else if (charset == "windows-1252" || charset == "cp1252") {
      decoded = from_single_byte(decoded, true);
    } else if (charset != "utf-8" && charset != "utf8" && charset != "us-ascii" && charset != "ascii") {
      const Header* h = e.find("Content-Type");
      problem({h ? h->line : first_line, 1},
              "charset '" + charset + "' is not supported; save the draft as UTF-8");
    }
    set_body(draft_, std::move(decoded), first_line);
  }
};

}  // namespace

DraftFormat draft_format_for(std::string_view path, std::string_view bytes) {
  auto ends_with = [&](std::string_view ext) {
    return path.size() >= ext.size() && iequals(path.substr(path.size() - ext.size()), ext);
  };
  if (ends_with(".eml")) return DraftFormat::email;
  if (ends_with(".txt") || ends_with(".md") || ends_with(".markdown") || ends_with(".text"))
    return DraftFormat::text;
  // Sniff: a header block (up to the first blank line) naming a message header.
  std::size_t start = 0;
  for (int n = 0; n < 200 && start < bytes.size(); ++n) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string_view::npos) end = bytes.size();
    std::string_view line = trim(bytes.substr(start, end - start));
    if (line.empty()) break;
    if (auto colon = header_colon(line)) {
      std::string name = lower(line.substr(0, *colon));
      if (name == "from" || name == "to" || name == "date" || name == "mime-version" ||
          name == "content-type" || name == "message-id")
        return DraftFormat::email;
    } else if (line.front() != ' ' && line.front() != '\t') {
      break;
    }
    start = end + 1;
  }
  return DraftFormat::text;
}

void set_body(Draft& draft, std::string body, int first_line) {
  std::string text;
  text.reserve(body.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') {
      text += '\n';
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
    } else {
      text += body[i];
    }
  }
  // Bad bytes become U+FFFD (so every later check sees valid UTF-8); the text before the first
  // one is unchanged, so its offset is also its offset in the repaired text.
  std::optional<std::size_t> bad = make_valid_utf8(text);
  draft.body = std::move(text);
  draft.body_first_line = first_line;
  draft.line_starts.assign(1, 0);
  for (std::size_t i = 0; i < draft.body.size(); ++i)
    if (draft.body[i] == '\n') draft.line_starts.push_back(i + 1);
  if (bad) {
    draft.problems.push_back(
        {draft.body_mark(*bad),
         "the text is not valid UTF-8 here (shown as U+FFFD); save the draft as UTF-8 or declare "
         "its charset"});
  }
}

Draft read_draft(std::string_view bytes, DraftFormat format) {
  Draft d;
  d.format = format;
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  // CR-only line ends read like LF and CRLF ones (a CR-only draft is otherwise one long line).
  std::string unified;
  if (bytes.find('\r') != std::string_view::npos) {
    unified = unify_line_ends(bytes);
    bytes = unified;
  }
  if (trim(bytes).find_first_not_of("\r\n\t\f ") == std::string_view::npos) {
    d.readable = false;
    d.problems.push_back({{0, 0}, "the draft is empty; there is nothing to send"});
    return d;
  }
  if (looks_like_utf16(bytes)) {
    d.readable = false;
    d.problems.push_back({{0, 0}, "the file is UTF-16 text; escalate reads UTF-8: save it as UTF-8, or convert it "
                                  "with 'iconv -f UTF-16 -t UTF-8 FILE > NEW'"});
    return d;
  }
  if (auto bin = binary_at(bytes)) {
    d.readable = false;
    d.problems.push_back({{0, 0}, "the file is binary data (byte " + std::to_string(*bin) + " is " +
                                      hex_byte(static_cast<unsigned char>(bytes[*bin])) +
                                      "), not a text or .eml draft"});
    return d;
  }
  if (format == DraftFormat::email) {
    EmailReader reader(bytes, d);
    if (reader.read()) return d;
    d.format = DraftFormat::text;
  }
  // Plain text: the first line may be "Subject: ...".
  std::size_t eol = bytes.find('\n');
  std::string_view first = bytes.substr(0, eol);
  if (!first.empty() && first.back() == '\r') first.remove_suffix(1);
  std::string_view probe = first;
  while (!probe.empty() && (probe.front() == ' ' || probe.front() == '\t')) probe.remove_prefix(1);
  if (probe.size() >= 8 && iequals(probe.substr(0, 7), "subject") &&
      trim(probe.substr(7)).starts_with(":")) {
    std::string line(first);
    std::optional<std::size_t> bad = make_valid_utf8(line);
    std::size_t colon = line.find(':');
    std::size_t value = colon + 1;
    while (value < line.size() && (line[value] == ' ' || line[value] == '\t')) ++value;
    std::string_view subject = trim(std::string_view(line).substr(value));
    d.subject = std::string(subject);
    d.subject_line = 1;
    d.subject_col = static_cast<int>(utf8_length(std::string_view(line).substr(0, value))) + 1;
    d.subject_display = line;
    if (bad)
      d.problems.push_back({{1, static_cast<int>(utf8_length(std::string_view(line).substr(0, *bad))) + 1},
                            "the text is not valid UTF-8 here (shown as U+FFFD); save the draft "
                            "as UTF-8"});
    std::string_view rest = eol == std::string_view::npos ? std::string_view() : bytes.substr(eol + 1);
    set_body(d, std::string(rest), 2);
  } else {
    set_body(d, std::string(bytes), 1);
  }
  return d;
}

std::size_t Draft::body_line_index(std::size_t offset) const {
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  return static_cast<std::size_t>(it - line_starts.begin()) - 1;
}

std::string_view Draft::body_line(std::size_t index) const {
  if (index >= line_starts.size()) return {};
  std::size_t start = line_starts[index];
  std::size_t end = index + 1 < line_starts.size() ? line_starts[index + 1] - 1 : body.size();
  return std::string_view(body).substr(start, end - start);
}

Mark Draft::body_mark(std::size_t offset) const {
  if (line_starts.empty()) return {body_first_line, 1};
  offset = std::min(offset, body.size());
  const std::size_t index = body_line_index(offset);
  const std::size_t start = line_starts[index];
  ColumnCache& c = body_cache_;
  if (c.line == index && c.offset <= offset) {
    c.col += static_cast<int>(utf8_length(std::string_view(body).substr(c.offset, offset - c.offset)));
  } else {
    c.col = line_col_at(body_line(index), offset - start).col;
  }
  c.line = index;
  c.offset = offset;
  return {body_first_line + static_cast<int>(index), c.col};
}

Mark Draft::subject_mark(std::size_t offset) const {
  if (!subject) return {subject_line, 1};
  offset = std::min(offset, subject->size());
  ColumnCache& c = subject_cache_;
  if (c.line != 0 || c.offset > offset) c = ColumnCache{0, 0, subject_col};
  c.col += static_cast<int>(utf8_length(std::string_view(*subject).substr(c.offset, offset - c.offset)));
  c.offset = offset;
  return {subject_line, c.col};
}

std::string Draft::display_line(int line) const {
  if (subject && line == subject_line) return subject_display;
  if (line < body_first_line) return {};
  std::size_t index = static_cast<std::size_t>(line - body_first_line);
  return std::string(body_line(index));
}

}  // namespace esc
