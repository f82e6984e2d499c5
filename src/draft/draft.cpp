#include "draft/draft.h"

#include <algorithm>
#include <cctype>
#include <deque>
#include <map>

#include "core/codecs.h"
#include "core/text.h"
#include "draft/html.h"

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

// A text part of the message, decoded to UTF-8: what a person reads, and where it came from.
struct PartText {
  std::string text;
  SourceOffsets from;  // per byte, its offset in the file; empty when not a copy (base64, HTML)
  int first_line = 1;  // the line where the part's content starts
  Mark part;           // the part's Content-Type line
  std::string name;    // "the text/html part"
  bool ok = true;      // false: the part cannot be read at all (a problem says why)
};

// RFC 3676 format=flowed: a line ending in a space continues on the next line (the space is
// kept, or deleted with DelSp=yes); a leading space is stuffing. The signature line "-- " is not
// flowed. Offsets are kept in step.
void unflow(PartText& p, bool delete_space) {
  std::string text;
  SourceOffsets from;
  const bool mapped = !p.from.empty();
  std::size_t start = 0;
  while (start <= p.text.size()) {
    std::size_t end = p.text.find('\n', start);
    const bool last = end == std::string::npos;
    if (last) end = p.text.size();
    std::size_t begin = start;
    if (begin < end && p.text[begin] == ' ') ++begin;  // space-stuffing
    const std::string_view line = std::string_view(p.text).substr(begin, end - begin);
    const bool flowed = !last && !line.empty() && line.back() == ' ' && line != "-- ";
    std::size_t keep = end;
    if (flowed && delete_space) --keep;
    text.append(p.text, begin, keep - begin);
    if (mapped) from.insert(from.end(), p.from.begin() + static_cast<std::ptrdiff_t>(begin),
                            p.from.begin() + static_cast<std::ptrdiff_t>(keep));
    if (last) break;
    if (!flowed) {
      text += '\n';
      if (mapped) from.push_back(p.from[end]);
    }
    start = end + 1;
  }
  p.text = std::move(text);
  p.from = std::move(from);
}

class EmailReader {
 public:
  EmailReader(std::string_view bytes, Draft& draft)
      : bytes_(bytes), lines_(split_lines(bytes)), draft_(draft) {}

  // False when the text does not start with a header: the caller reads it as text instead.
  bool read() {
    if (lines_.empty() || !header_colon(lines_.front())) return false;
    draft_.file = std::make_shared<const StoredFile>(bytes_);
    Entity top = parse_entity(lines_, 0, lines_.size());
    if (top.stray_line)
      problem(line_mark(*top.stray_line),
              "this line is neither a header (Name: value) nor the blank line that ends the "
              "headers; the body is read from here");
    if (const Header* s = top.find("Subject")) {
      std::string subject = decode_encoded_words(s->value);
      std::string_view t = trim(subject);
      draft_.subject = std::string(t);
      if (make_valid_utf8(*draft_.subject))
        problem({s->line, 1}, "the Subject header is not valid UTF-8; encode it with RFC 2047");
      draft_.subject_line = s->line;
      draft_.subject_col = 10;  // after "Subject: "
      draft_.subject_display = "Subject: " + *draft_.subject;
    }
    if (const Header* date = top.find("Date")) draft_.date_header = date->value;
    std::vector<const Entity*> views = select(top, 0);
    if (views.empty()) {
      // Nothing a person would read: that is the one finding, not also every missing field.
      draft_.readable = false;
      return true;
    }
    std::vector<PartText> texts;
    for (const Entity* e : views) texts.push_back(decode(*e));
    if (!texts.front().ok) {
      draft_.readable = false;
      return true;
    }
    fill(draft_, std::move(texts.front()));
    for (std::size_t i = 1; i < texts.size(); ++i) {
      if (!texts[i].ok) continue;
      Draft alt;
      alt.format = draft_.format;
      alt.subject = draft_.subject;
      alt.subject_line = draft_.subject_line;
      alt.subject_col = draft_.subject_col;
      alt.subject_display = draft_.subject_display;
      alt.date_header = draft_.date_header;
      alt.file = draft_.file;
      fill(alt, std::move(texts[i]));
      draft_.alternatives.push_back(std::move(alt));
    }
    return true;
  }

 private:
  std::string_view bytes_;
  std::vector<std::string_view> lines_;
  Draft& draft_;
  std::deque<Entity> parts_;  // entities found inside multiparts (references stay valid)

  static Mark line_mark(std::size_t index) { return {static_cast<int>(index) + 1, 1}; }
  void problem(Mark m, std::string message) { draft_.problems.push_back({m, std::move(message)}); }
  std::size_t offset_of(std::string_view line) const { return static_cast<std::size_t>(line.data() - bytes_.data()); }

  static void fill(Draft& d, PartText p) {
    d.part_mark = p.part;
    d.part_name = std::move(p.name);
    set_body(d, std::move(p.text), p.first_line, std::move(p.from));
  }

  // The Content-Type header's line (else the entity's first header, else its content).
  static int header_line(const Entity& e, std::size_t fallback) {
    if (const Header* h = e.find("Content-Type")) return h->line;
    return e.headers.empty() ? static_cast<int>(fallback) + 1 : e.headers.front().line;
  }

  static bool is_attachment(const Entity& e) {
    const Header* d = e.find("Content-Disposition");
    return d && lower(d->value).starts_with("attachment");
  }

  // The parts of a multipart entity, parsed and kept in parts_.
  // nullopt (and a problem) when the entity has no boundary.
  std::optional<std::vector<const Entity*>> children(const Entity& e, const ContentType& ct) {
    std::vector<const Entity*> out;
    auto boundary = ct.params.find("boundary");
    if (boundary == ct.params.end() || boundary->second.empty()) {
      problem({header_line(e, e.content_begin), 1},
              "the message is " + ct.type + " but its Content-Type has no boundary parameter");
      return std::nullopt;
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
      parts_.push_back(parse_entity(lines_, b, en));
      out.push_back(&parts_.back());
    }
    return out;
  }

  // The text parts a person reads: one for a text/plain or text/html body; for
  // multipart/alternative its first text/plain and first text/html alternatives (the text one
  // first); for any other multipart (mixed, related, signed) the first part that has text,
  // attachments skipped.
  std::vector<const Entity*> select(const Entity& e, int depth) {
    ContentType ct = parse_content_type(e.find("Content-Type"));
    if (ct.type == "text/plain" || ct.type == "text/html") return {&e};
    if (!ct.type.starts_with("multipart/")) {
      if (depth == 0)
        problem({header_line(e, e.content_begin), 1},
                "the message body is " + ct.type + ", not text; lint-comms reads text/plain and text/html "
                "bodies");
      return {};
    }
    if (depth >= kMaxMimeDepth) {
      problem({header_line(e, e.content_begin), 1}, "MIME parts are nested too deeply to read");
      return {};
    }
    const auto parts = children(e, ct);
    if (!parts) return {};
    std::vector<const Entity*> found;
    if (ct.type == "multipart/alternative") {
      const Entity* plain = nullptr;
      const Entity* html = nullptr;
      for (const Entity* part : *parts) {
        if (is_attachment(*part)) continue;
        for (const Entity* v : select(*part, depth + 1)) {
          const bool is_html = parse_content_type(v->find("Content-Type")).type == "text/html";
          const Entity*& slot = is_html ? html : plain;
          if (!slot) slot = v;
        }
      }
      if (plain) found.push_back(plain);
      if (html) found.push_back(html);
    } else {
      for (const Entity* part : *parts) {
        if (is_attachment(*part)) continue;
        found = select(*part, depth + 1);
        if (!found.empty()) break;
      }
    }
    if (found.empty() && depth == 0)
      problem({header_line(e, e.content_begin), 1},
              "the message has no text/plain or text/html part; there is no text to read");
    return found;
  }

  // Decodes one text part: transfer encoding, charset, format=flowed, HTML.
  PartText decode(const Entity& e) {
    PartText p;
    ContentType ct = parse_content_type(e.find("Content-Type"));
    const bool html = ct.type == "text/html";
    p.first_line = static_cast<int>(e.content_begin) + 1;
    p.part = {header_line(e, e.content_begin), 1};
    // The content as stored: from its first line to the end of its last (no line end).
    std::size_t raw_begin = bytes_.size(), raw_end = bytes_.size();
    if (e.content_begin < e.content_end) {
      raw_begin = offset_of(lines_[e.content_begin]);
      raw_end = offset_of(lines_[e.content_end - 1]) + lines_[e.content_end - 1].size();
    }
    const std::string_view raw = bytes_.substr(raw_begin, raw_end - raw_begin);
    const Header* cte = e.find("Content-Transfer-Encoding");
    const int cte_line = cte ? cte->line : header_line(e, e.content_begin);
    const std::string encoding = cte ? lower(trim(cte->value)) : "7bit";
    std::string decoded;
    SourceOffsets from;  // per decoded byte, its offset in raw (empty for base64)
    if (encoding == "7bit" || encoding == "8bit" || encoding == "binary") {
      decoded = std::string(raw);
      from.resize(raw.size());
      for (std::size_t i = 0; i < raw.size(); ++i) from[i] = i;
    } else if (encoding == "quoted-printable") {
      decoded = decode_quoted_printable(raw, &from);
    } else if (encoding == "base64") {
      auto b = decode_base64(raw);
      if (!b) {
        problem({cte_line, 1}, "the base64 body does not decode (a character outside the base64 "
                               "alphabet); the draft cannot be read");
        p.ok = false;
        return p;
      }
      decoded = std::move(*b);
    } else {
      problem({cte_line, 1}, "Content-Transfer-Encoding '" + encoding +
                                 "' is not supported; use quoted-printable, base64, 7bit or 8bit");
      p.ok = false;
      return p;
    }
    const std::string charset = ct.params.count("charset") ? ct.params["charset"] : "us-ascii";
    auto utf8 = to_utf8(decoded, charset);
    // Judged after conversion: ISO-2022-JP's escapes are control characters, UTF-16 has NULs.
    if (binary_at(utf8 ? utf8->text : decoded)) {
      problem({p.first_line, 1}, "the text part holds binary data, not text; the draft cannot be read");
      p.ok = false;
      return p;
    }
    const Header* type_header = e.find("Content-Type");
    const int type_line = type_header ? type_header->line : p.first_line;
    if (!utf8) {
      problem({type_line, 1}, "charset '" + charset + "' is not known to this system's iconv; the part is "
                              "read as UTF-8 (non-UTF-8 bytes shown as U+FFFD)");
      utf8 = to_utf8(decoded, "utf-8");
      make_valid_utf8(utf8->text);  // said once above, not again as "not valid UTF-8"
      if (utf8->text.size() != utf8->from.size()) utf8->from.clear();
    } else if (utf8->invalid_at) {
      const std::size_t at = *utf8->invalid_at;
      const Mark where = !from.empty() ? draft_.file->mark_of(raw_begin + from[at]) : Mark{type_line, 1};
      problem(where, "byte " + hex_byte(static_cast<unsigned char>(decoded[at])) + " is not valid " + charset +
                         " text (shown as U+FFFD); check the part's declared charset");
    }
    if (html) {
      std::string text = utf8->text;
      make_valid_utf8(text);  // an invalid UTF-8 byte was reported as such above or below
      p.text = html_to_text(text);
      p.name = "the text/html part";
      return p;
    }
    p.text = std::move(utf8->text);
    if (!from.empty() && !utf8->from.empty()) {
      p.from.resize(p.text.size());
      for (std::size_t i = 0; i < p.text.size(); ++i) p.from[i] = raw_begin + from[utf8->from[i]];
      p.from.push_back(raw_end);
    }
    if (lower(ct.params.count("format") ? ct.params["format"] : "") == "flowed") {
      if (!p.from.empty()) p.from.pop_back();
      unflow(p, lower(ct.params.count("delsp") ? ct.params["delsp"] : "") == "yes");
      if (!p.from.empty()) p.from.push_back(raw_end);
    }
    p.name = encoding == "base64" ? "the base64 " + ct.type + " part" : "the " + ct.type + " part";
    return p;
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

void set_body(Draft& draft, std::string body, int first_line, SourceOffsets source) {
  const bool mapped = !source.empty() && source.size() >= body.size();
  std::string text;
  SourceOffsets kept;
  text.reserve(body.size());
  if (mapped) kept.reserve(source.size());
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (mapped) kept.push_back(source[i]);
    if (body[i] == '\r') {
      text += '\n';
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
    } else {
      text += body[i];
    }
  }
  if (mapped) kept.push_back(source.size() > body.size() ? source[body.size()] : (source.empty() ? 0 : source.back()));
  // Bad bytes become U+FFFD (so every later check sees valid UTF-8); the text before the first
  // one is unchanged, so its offset is also its offset in the repaired text.
  std::optional<std::size_t> bad = first_invalid_utf8(text);
  if (bad && mapped) {
    // Each bad byte becomes three: the map grows with it.
    std::string repaired;
    SourceOffsets map;
    std::string_view rest = text;
    std::size_t at = 0;
    while (!rest.empty()) {
      auto next = first_invalid_utf8(rest);
      const std::size_t good = next ? *next : rest.size();
      repaired.append(rest.substr(0, good));
      map.insert(map.end(), kept.begin() + static_cast<std::ptrdiff_t>(at),
                 kept.begin() + static_cast<std::ptrdiff_t>(at + good));
      at += good;
      rest.remove_prefix(good);
      if (rest.empty()) break;
      repaired += "\xEF\xBF\xBD";
      map.insert(map.end(), 3, kept[at]);
      ++at;
      rest.remove_prefix(1);
    }
    map.push_back(kept.back());
    text = std::move(repaired);
    kept = std::move(map);
  } else if (bad) {
    make_valid_utf8(text);
  }
  draft.body = std::move(text);
  draft.body_first_line = first_line;
  draft.body_source = mapped ? std::move(kept) : SourceOffsets{};
  draft.line_starts.assign(1, 0);
  for (std::size_t i = 0; i < draft.body.size(); ++i)
    if (draft.body[i] == '\n') draft.line_starts.push_back(i + 1);
  if (bad) {
    draft.problems.push_back(
        {draft.locate(draft.body_mark(*bad)).mark,
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

StoredFile::StoredFile(std::string_view text) : bytes(text), line_starts{0} {
  for (std::size_t i = 0; i < bytes.size(); ++i)
    if (bytes[i] == '\n') line_starts.push_back(i + 1);
}

namespace {

// A raw line as shown: invalid UTF-8 bytes and control characters (ISO-2022-JP's escapes)
// each one U+FFFD, so columns count what is shown.
std::string shown(std::string_view raw) {
  std::string text(raw);
  if (!text.empty() && text.back() == '\r') text.pop_back();
  make_valid_utf8(text);
  std::string out;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if ((b < 0x20 && c != '\t') || b == 0x7F) out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

// The characters shown() makes of raw bytes, before it drops a final "\r": each invalid UTF-8
// byte and each control character is one, as is each valid code point.
std::size_t shown_length(std::string_view raw) {
  std::size_t chars = 0;
  while (!raw.empty()) {
    const auto bad = first_invalid_utf8(raw);
    const std::size_t good = bad ? *bad : raw.size();
    chars += utf8_length(raw.substr(0, good));
    if (!bad) break;
    ++chars;
    raw.remove_prefix(good + 1);
  }
  return chars;
}

}  // namespace

Mark StoredFile::mark_of(std::size_t offset) const {
  offset = std::min(offset, bytes.size());
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  const std::size_t index = static_cast<std::size_t>(it - line_starts.begin()) - 1;
  const std::size_t start = line_starts[index];
  // Counting on from the last answer is exact when it ended before a byte that starts a
  // character (or is invalid on its own): no sequence then straddles the cut.
  const std::string_view text(bytes);
  Cache& c = cache_;
  if (c.line != index || c.offset > offset || (c.offset < text.size() && (static_cast<unsigned char>(text[c.offset]) & 0xC0) == 0x80))
    c = Cache{index, start, 0};
  c.chars += shown_length(text.substr(c.offset, offset - c.offset));
  c.offset = offset;
  // shown() drops a "\r" that ends the text.
  const std::size_t chars = c.chars - (offset > start && text[offset - 1] == '\r' ? 1 : 0);
  return {static_cast<int>(index) + 1, static_cast<int>(chars) + 1};
}

std::string StoredFile::display_line(int line) const {
  if (line < 1 || static_cast<std::size_t>(line) > line_starts.size()) return {};
  const std::size_t start = line_starts[static_cast<std::size_t>(line) - 1];
  std::size_t end = bytes.find('\n', start);
  if (end == std::string::npos) end = bytes.size();
  return shown(std::string_view(bytes).substr(start, end - start));
}

Located Draft::locate(Mark decoded) const {
  if (!file || decoded.line < body_first_line) return {decoded, std::nullopt};
  const std::size_t index = static_cast<std::size_t>(decoded.line - body_first_line);
  if (index >= line_starts.size()) return {decoded, std::nullopt};
  // The byte offset of the decoded column on its line, counted on from the last answer when
  // that was earlier on the same line.
  const std::string_view line = body_line(index);
  ColumnCache& c = locate_cache_;
  if (c.line != index || c.col > decoded.col) c = ColumnCache{index, 0, 1};
  std::size_t at = c.offset;
  int col = c.col;
  for (; col < decoded.col && at < line.size(); ++col) {
    ++at;
    while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
  }
  c.offset = at;
  c.col = col;
  const std::size_t offset = line_starts[index] + at;
  if (!body_source.empty()) return {file->mark_of(body_source[std::min(offset, body_source.size() - 1)]), std::nullopt};
  // The decoded text from up to 20 characters before the finding: "Current status: Mitigated".
  std::size_t from = at;
  for (int back = 0; back < 20 && from > 0; ++back) {
    --from;
    while (from > 0 && (static_cast<unsigned char>(line[from]) & 0xC0) == 0x80) --from;
  }
  return {part_mark, (from > 0 ? "…" : "") + excerpt(line.substr(from))};
}

std::string Draft::display_line(int line) const {
  if (subject && line == subject_line) return subject_display;
  if (file) return file->display_line(line);
  if (line < body_first_line) return {};
  std::size_t index = static_cast<std::size_t>(line - body_first_line);
  return std::string(body_line(index));
}

}  // namespace esc
