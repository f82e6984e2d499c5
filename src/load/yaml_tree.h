// A small YAML document tree built from yaml-cpp's event parser, keeping what the record
// checks need and yaml-cpp's Node API hides: every key of a mapping in source order
// (duplicates included), whether a scalar was quoted, and 1-based line:col of every node.
// Aliases are refused at the first event (an alias bomb costs nothing), and nesting deeper than
// a limit stops the parse before yaml-cpp's own recursion guard is reached.
#pragma once

#include <cstdint>
#include <memory>
#include <memory_resource>
#include <span>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace esc {

struct YEntry;

// A node of the tree. Nodes, their children and their text live in the arena of the
// ParseResult that holds the tree (one block or a few per document, freed at once): a node is
// a small trivially copyable view, valid while that ParseResult is.
struct YNode {
  enum class Kind : unsigned char { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  bool quoted = false;  // single/double quoted or block scalar: never a number/bool/null
  char quote = 0;       // the opening quote of a quoted scalar ('"' or '\''); 0 for plain and block
  Mark mark;
  std::string_view scalar;  // scalar text (Kind::scalar)

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_map() const { return kind == Kind::mapping; }
  bool is_seq() const { return kind == Kind::sequence; }
  // Kind::sequence: the items; Kind::mapping: the key: value pairs in source order, duplicate
  // keys included. Empty for any other kind.
  std::span<const YNode> items() const;
  std::span<const YEntry> entries() const;
  // First value under a scalar key, or nullptr.
  const YNode* find(std::string_view key) const;

  // Set by the parser: the children of a sequence (YNode) or mapping (YEntry), and how many.
  const void* children = nullptr;
  std::uint32_t child_count = 0;
};

// One key: value pair of a mapping (duplicates kept, in source order).
struct YEntry {
  YNode first;   // the key
  YNode second;  // the value
};

inline std::span<const YNode> YNode::items() const {
  if (kind != Kind::sequence) return {};
  return {static_cast<const YNode*>(children), child_count};
}
inline std::span<const YEntry> YNode::entries() const {
  if (kind != Kind::mapping) return {};
  return {static_cast<const YEntry*>(children), child_count};
}

// "a mapping", "a list", "a string", "null" — for messages.
std::string_view describe_kind(const YNode& n);

struct ParseLimits {
  std::size_t max_bytes = 1024 * 1024;  // files over this are refused
  int max_depth = 64;                   // nesting deeper than this is refused
};

// The outcome of reading one document: a root node, or a yaml-syntax problem with its place.
struct ParseResult {
  bool ok = false;
  YNode root;  // valid while this ParseResult lives (its arena holds the tree)
  Mark error_mark;
  std::string error;  // one sentence, without the location
  std::unique_ptr<std::pmr::monotonic_buffer_resource> arena;
};

// The yaml-syntax finding for a failed parse.
Diagnostic syntax_diagnostic(const ParseResult& failed, const std::string& file);

// Parses YAML text (a single document; a second document is an error). Checks the size limit,
// NUL bytes (binary data) and UTF-8 validity first, then parses.
ParseResult parse_yaml(std::string_view text, const ParseLimits& limits);

}  // namespace esc
