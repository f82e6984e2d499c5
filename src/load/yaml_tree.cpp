#include "load/yaml_tree.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <istream>
#include <streambuf>
#include <type_traits>
#include <vector>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "core/rule_registry.h"
#include "core/text.h"

namespace esc {

const YNode* YNode::find(std::string_view key) const {
  for (const auto& [k, v] : entries())
    if (k.is_scalar() && k.scalar == key) return &v;
  return nullptr;
}

std::string_view describe_kind(const YNode& n) {
  switch (n.kind) {
    case YNode::Kind::null: return "nothing (null)";
    case YNode::Kind::scalar: return n.quoted ? "a quoted string" : "a scalar";
    case YNode::Kind::sequence: return "a list";
    case YNode::Kind::mapping: return "a mapping";
  }
  return "a value";
}

namespace {

Mark to_mark(const YAML::Mark& m) {
  if (m.line < 0) return {};
  return {m.line + 1, m.column + 1};
}

// yaml-cpp's columns are not consistently characters (they count bytes after some non-ASCII
// text); its byte offset is reliable, so columns are recomputed from it, in code points. Marks
// arrive in increasing order, so the count continues from the previous mark on the same line:
// a megabyte-long line costs one pass, not one pass per node.
class ColumnCounter {
 public:
  explicit ColumnCounter(std::string_view text) : text_(text) {}
  Mark operator()(const YAML::Mark& m) {
    if (m.line < 0) return {};
    if (m.pos < 0 || static_cast<std::size_t>(m.pos) > text_.size()) return to_mark(m);
    std::size_t pos = static_cast<std::size_t>(m.pos);
    if (pos < last_pos_ || m.line != last_line_) {
      std::size_t nl = pos == 0 ? std::string_view::npos : text_.rfind('\n', pos - 1);
      last_pos_ = nl == std::string_view::npos ? 0 : nl + 1;
      last_col_ = 1;
      last_line_ = m.line;
    }
    for (std::size_t i = last_pos_; i < pos; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++last_col_;
    last_pos_ = pos;
    return {m.line + 1, last_col_};
  }

 private:
  std::string_view text_;
  std::size_t last_pos_ = 0;
  int last_col_ = 1;
  int last_line_ = -1;
};

// The text as a read-only stream for yaml-cpp's parser, without copying it. Nothing writes
// through the get area: istream only reads it (a putback of a different character fails).
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view text) {
    char* p = const_cast<char*>(text.data());
    setg(p, p, p + text.size());
  }
};

// Thrown from the handler to stop the parse at the first refused construct.
struct Refused {
  Mark mark;
  std::string message;
};

// yaml-cpp 0.7 decodes the double-quoted escapes \N (U+0085) and \_ (U+00A0) to the single bytes
// 0x85 and 0xA0, not to their UTF-8; every other escape gives UTF-8, and the file itself was
// checked to be UTF-8. So a byte that starts no UTF-8 character in a scalar is one of those two,
// written here as the character it stands for (U+0085 is then reported as a control character
// like any other). The scalar itself when it is all UTF-8, as it nearly always is.
const std::string& latin1_escapes_as_utf8(const std::string& value, std::string& repaired) {
  auto bad = first_invalid_utf8(value);
  if (!bad) return value;
  repaired.clear();
  std::string_view rest = value;
  for (; bad; bad = first_invalid_utf8(rest)) {
    repaired.append(rest.substr(0, *bad));
    const unsigned char c = static_cast<unsigned char>(rest[*bad]);
    repaired += static_cast<char>(c < 0xC0 ? 0xC2 : 0xC3);  // the byte as Latin-1, in UTF-8
    repaired += static_cast<char>(c < 0xC0 ? c : c - 0x40);
    rest.remove_prefix(*bad + 1);
  }
  repaired.append(rest);
  return repaired;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, int max_depth, std::pmr::memory_resource& arena)
      : text_(text), columns_(text), max_depth_(max_depth), arena_(arena) {}

  YNode root() const { return root_; }
  int documents() const { return documents_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1)
      throw Refused{columns_(mark), "the file holds more than one YAML document; keep one record per file"};
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    YNode n;
    n.kind = YNode::Kind::null;
    n.mark = columns_(mark);
    // yaml-cpp marks an empty value ("owner:" with nothing after it) at the next token, often
    // the next line; point at the key instead, which is where a person looks.
    if (!stack_.empty() && stack_.back().node.kind == YNode::Kind::mapping && stack_.back().have_key &&
        n.mark.line > stack_.back().key_mark.line)
      n.mark = stack_.back().key_mark;
    add(n);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Refused{columns_(mark), "YAML aliases (*name) are not allowed in records; write the value out"};
  }
  void OnAnchor(const YAML::Mark& mark, const std::string&) override {
    throw Refused{columns_(mark), "YAML anchors (&name) are not allowed in records; write the value out"};
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& decoded) override {
    YNode n;
    n.kind = YNode::Kind::scalar;
    n.mark = columns_(mark);
    // Only a double-quoted scalar has escapes.
    const bool double_quoted = tag == "!" && mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < text_.size() &&
                               text_[static_cast<std::size_t>(mark.pos)] == '"';
    const std::string& value = double_quoted ? latin1_escapes_as_utf8(decoded, repaired_) : decoded;
    if (!value.empty()) {
      char* copy = static_cast<char*>(arena_.allocate(value.size(), 1));
      std::memcpy(copy, value.data(), value.size());
      n.scalar = {copy, value.size()};
    }
    // yaml-cpp tags plain scalars "?" and quoted or block scalars "!".
    n.quoted = (tag == "!");
    if (n.quoted) {
      check_closed(mark);
      if (mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < text_.size()) {
        const char q = text_[static_cast<std::size_t>(mark.pos)];
        if (q == '"' || q == '\'') n.quote = q;
      }
    }
    if (!tag.empty() && tag != "?" && tag != "!")
      throw Refused{n.mark, "YAML tags (" + tag + ") are not allowed in records"};
    add(n);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(YNode::Kind::sequence, mark);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(YNode::Kind::mapping, mark);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Frame {
    YNode node;
    std::size_t first_child = 0;  // index of its first child in children_
    bool have_key = false;        // a mapping's key is waiting for its value
    Mark key_mark;                // where that key is
  };
  std::string_view text_;
  ColumnCounter columns_;
  int max_depth_;
  std::pmr::memory_resource& arena_;
  std::string repaired_;  // latin1_escapes_as_utf8's output, reused
  int documents_ = 0;

  // yaml-cpp 0.7 accepts a quoted scalar that runs to the end of the file when the file ends
  // with a line break; a missing closing quote is a syntax error, so look for it ourselves.
  void check_closed(const YAML::Mark& mark) {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text_.size()) return;
    char q = text_[static_cast<std::size_t>(mark.pos)];
    if (q != '"' && q != '\'') return;
    for (std::size_t i = static_cast<std::size_t>(mark.pos) + 1; i < text_.size(); ++i) {
      if (q == '"' && text_[i] == '\\') {
        ++i;
        continue;
      }
      if (text_[i] != q) continue;
      if (q == '\'' && i + 1 < text_.size() && text_[i + 1] == '\'') {
        ++i;
        continue;
      }
      return;
    }
    throw Refused{columns_(mark), std::string("invalid YAML: the quoted string starting here has no closing ") + q};
  }
  YNode root_;
  std::vector<Frame> stack_;
  // The finished children of every open container, innermost last: a container's children
  // are copied into an arena array of the right size when it closes, so no array of the tree
  // grows one push at a time. Mapping children alternate key, value.
  std::vector<YNode> children_;

  void open(YNode::Kind kind, const YAML::Mark& mark) {
    if (static_cast<int>(stack_.size()) >= max_depth_)
      throw Refused{columns_(mark), "nesting is deeper than " + std::to_string(max_depth_) +
                                       " levels; a record never needs that"};
    Frame& f = stack_.emplace_back();
    f.node.kind = kind;
    f.node.mark = columns_(mark);
    f.first_child = children_.size();
  }
  void close() {
    Frame& top = stack_.back();
    YNode n = top.node;
    const std::size_t first = top.first_child;
    const std::size_t count = children_.size() - first;
    if (n.kind == YNode::Kind::sequence) {
      n.children = copy_out<YNode>(children_.data() + first, count);
      n.child_count = static_cast<std::uint32_t>(count);
    } else {
      // Keys and values alternate, and a mapping always closes after a value.
      n.children = copy_out<YEntry>(children_.data() + first, count / 2);
      n.child_count = static_cast<std::uint32_t>(count / 2);
    }
    children_.resize(first);
    stack_.pop_back();
    add(n);
  }
  // Copies `count` children into the arena as an array of T (YNode, or YEntry from key, value
  // pairs).
  template <class T>
  const T* copy_out(const YNode* from, std::size_t count) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    if (count == 0) return nullptr;
    T* to = static_cast<T*>(arena_.allocate(count * sizeof(T), alignof(T)));
    for (std::size_t i = 0; i < count; ++i) {
      if constexpr (std::is_same_v<T, YNode>)
        std::construct_at(to + i, from[i]);
      else
        std::construct_at(to + i, YEntry{from[2 * i], from[2 * i + 1]});  // braces: clang 14 (fuzz build) has no parenthesised aggregate init
    }
    return to;
  }
  void add(const YNode& n) {
    if (stack_.empty()) {
      root_ = n;
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == YNode::Kind::mapping) top.have_key = !top.have_key;
    if (top.have_key) top.key_mark = n.mark;
    children_.push_back(n);
  }
};

// yaml-cpp's messages are lower-case fragments ("illegal map value"); make them sentences.
// ... and add what to do for the mistakes people make most.
std::string yaml_message(const std::string& msg) {
  if (msg.empty()) return "invalid YAML";
  std::string hint;
  if (msg == "illegal map value")
    hint = "; a value holding ': ' must be quoted (title: \"SSO outage: logins fail\"), or the indentation is off";
  else if (msg.find("illegal tab") != std::string::npos)
    hint = "; indent with spaces, not tabs";
  else if (msg == "end of map not found" || msg == "end of sequence not found")
    hint = "; check the indentation of this line against the lines above";
  else if (msg == "end of map flow not found")
    hint = "; a '{' is not closed with '}' (or a value holding ',' needs quotes)";
  else if (msg == "end of sequence flow not found")
    hint = "; a '[' is not closed with ']' (or a value holding ',' needs quotes)";
  return "invalid YAML: " + msg + hint;
}

}  // namespace

Diagnostic syntax_diagnostic(const ParseResult& failed, const std::string& file) {
  Diagnostic d = make_finding(RuleId::yaml_syntax);
  d.file = file;
  d.mark = failed.error_mark;
  d.message = failed.error;
  return d;
}

ParseResult parse_yaml(std::string_view text, const ParseLimits& limits) {
  ParseResult r;
  if (text.size() > limits.max_bytes) {
    r.error = "the file is " + std::to_string(text.size()) + " bytes, over the " +
              std::to_string(limits.max_bytes) + "-byte limit for a record";
    return r;
  }
  if (looks_like_utf16(text)) {
    r.error_mark = {1, 1};
    r.error = "the file is UTF-16 text; escalate reads UTF-8: save it as UTF-8, or convert it with "
              "'iconv -f UTF-16 -t UTF-8 FILE > NEW'";
    return r;
  }
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    auto lc = line_col_at(text, nul);
    r.error_mark = {lc.line, lc.col};
    r.error = "the file holds a NUL byte: it is binary data, not a YAML record";
    return r;
  }
  if (auto bad = first_invalid_utf8(text)) {
    auto lc = line_col_at(text, *bad);
    r.error_mark = {lc.line, lc.col};
    r.error = "invalid UTF-8 (byte 0x" + [&] {
      static const char* hex = "0123456789ABCDEF";
      unsigned char c = static_cast<unsigned char>(text[*bad]);
      return std::string{hex[c >> 4], hex[c & 15]};
    }() + "); save the file as UTF-8";
    return r;
  }
  // The first block is sized from the text (five times its length, a guess); more blocks follow
  // when a tree needs them.
  r.arena = std::make_unique<std::pmr::monotonic_buffer_resource>(std::max<std::size_t>(1024, text.size() * 5));
  try {
    ViewBuf buf(text);
    std::istream in(&buf);
    YAML::Parser parser(in);
    TreeBuilder builder(text, limits.max_depth, *r.arena);
    while (parser.HandleNextDocument(builder)) {
    }
    r.root = builder.root();
    // An empty file (or one holding only comments) is a document with nothing in it.
    if (builder.documents() == 0) r.root.mark = {1, 1};
    r.ok = true;
  } catch (const Refused& e) {
    r.error_mark = e.mark;
    r.error = e.message;
  } catch (const YAML::Exception& e) {
    r.error_mark = ColumnCounter(text)(e.mark);
    if (r.error_mark.line == 0) r.error_mark = {1, 1};
    r.error = yaml_message(e.msg);
  }
  return r;
}

}  // namespace esc
