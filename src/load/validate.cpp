#include "load/validate.h"

#include <unordered_map>
#include "core/calendar.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <re2/re2.h>

#include "core/rule_registry.h"
#include "core/text.h"
#include "core/time.h"

namespace esc {

bool scalar_is_bool(const YNode& n, bool* value) {
  if (!n.is_scalar() || n.quoted) return false;
  const std::string_view s = n.scalar;
  if (s == "true" || s == "True" || s == "TRUE") {
    if (value) *value = true;
    return true;
  }
  if (s == "false" || s == "False" || s == "FALSE") {
    if (value) *value = false;
    return true;
  }
  return false;
}

bool scalar_is_integer(const YNode& n, long long* value) {
  if (!n.is_scalar() || n.quoted || n.scalar.empty()) return false;
  const std::string_view s = n.scalar;
  long long v = 0;
  const char* first = s.data() + (s[0] == '+' ? 1 : 0);
  auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return false;
  if (value) *value = v;
  return true;
}

bool scalar_is_number(const YNode& n, double* value) {
  if (!n.is_scalar() || n.quoted || n.scalar.empty()) return false;
  static const re2::RE2 number(R"([-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?)");
  if (!re2::RE2::FullMatch(n.scalar, number)) return false;
  double v = 0;
  const std::string_view s = n.scalar;
  const char* first = s.data() + (s[0] == '+' ? 1 : 0);
  auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) return false;
  if (value) *value = v;
  return true;
}

std::string key_path(const std::string& path, std::string_view key) {
  std::string p;
  p.reserve(path.size() + 1 + key.size());
  if (!path.empty()) {
    p += path;
    p += '.';
  }
  p += key;
  return p;
}

std::string item_path(const std::string& path, std::size_t i) {
  char index[24];
  index[0] = '[';
  char* end = std::to_chars(index + 1, index + sizeof index - 1, i).ptr;
  *end++ = ']';
  std::string p;
  p.reserve(path.size() + static_cast<std::size_t>(end - index));
  p += path;
  p.append(index, end);
  return p;
}

bool is_extension_key(std::string_view key) { return key.starts_with("x-") && key.size() > 2; }

bool is_valid_id(std::string_view id) {
  static const re2::RE2 pattern(R"([A-Za-z0-9][A-Za-z0-9._-]{0,63})");
  return re2::RE2::FullMatch(re2::StringPiece(id.data(), id.size()), pattern);
}

namespace {

std::string join(std::span<const std::string_view> names) {
  std::string s;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i) s += i + 1 == names.size() ? " or " : ", ";
    s += names[i];
  }
  return s;
}

std::string quote(std::string_view s) {
  std::string out = "'";
  // Keep messages one line even when the value is not.
  for (char c : s.substr(0, 60)) out += (c == '\n' || c == '\r') ? ' ' : c;
  if (s.size() > 60) out += "...";
  return out + "'";
}

std::string type_name(FieldType t) {
  switch (t) {
    case FieldType::string: return "a one-line string";
    case FieldType::text: return "a string";
    case FieldType::integer: return "an integer";
    case FieldType::number: return "a number";
    case FieldType::boolean: return "true or false";
    case FieldType::enumeration: return "one of the allowed values";
    case FieldType::calendar: return "a calendar name or an .ics file";
    case FieldType::timestamp: return "an RFC 3339 timestamp such as 2026-11-02T08:00:00Z";
    case FieldType::date: return "a date such as 2026-11-02";
    case FieldType::date_or_timestamp: return "a date (2026-11-02) or a timestamp";
    case FieldType::duration: return "a duration such as 15m, 4h or 1bd, of at most a year (366d, 366bd)";
    case FieldType::id: return "an id";
    case FieldType::mapping: return "a mapping";
    case FieldType::list: return "a list";
    case FieldType::any_mapping: return "a mapping";
  }
  return "a value";
}

// Where a node sits ("communications[2].sent_at"), spelled out only when a message needs it:
// most nodes are valid, and building every path cost an allocation per node. A NodePath refers
// to its parent and to the key's text, so it lives no longer than the walk that made it.
class NodePath {
 public:
  NodePath() = default;  // the record itself
  NodePath(const NodePath& parent, std::string_view key) : parent_(&parent), key_(key) {}
  NodePath(const NodePath& parent, std::size_t index) : parent_(&parent), index_(index), is_index_(true) {}
  // A child refers to its parent: never to a temporary one.
  NodePath(const NodePath&& parent, std::string_view key) = delete;
  NodePath(const NodePath&& parent, std::size_t index) = delete;
  bool empty() const { return parent_ == nullptr; }
  std::string str() const {
    std::string s;
    append_to(s);
    return s;
  }

 private:
  const NodePath* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
  // As key_path and item_path spell it.
  void append_to(std::string& s) const {
    if (!parent_) return;
    parent_->append_to(s);
    if (is_index_) {
      s = item_path(s, index_);
    } else {
      s = key_path(s, key_);
    }
  }
};
// "'" + path + "' must be ...": messages spell the path out.
std::string operator+(const char* a, const NodePath& b) { return a + b.str(); }

class Validator {
 public:
  Validator(const std::string& file, std::vector<Diagnostic>& out) : file_(file), out_(out) {}

  void shape(const YNode& node, const Shape& shape, const NodePath& path) {
    if (!node.is_map()) {
      std::string what = path.empty() ? "the record" : "'" + path + "'";
      if (path.empty() && node.is_null())
        report(node.mark, path, "the file is empty; a record is a YAML mapping starting with 'version: 1'");
      else
        report(node.mark, path, what + " must be a mapping (key: value lines), got " +
                                    std::string(describe_kind(node)));
      return;
    }
    // Pick the variant, if the shape has variants.
    const Variant* variant = nullptr;
    if (!shape.variants.empty()) {
      for (const Variant& v : shape.variants) {
        const YNode* k = node.find(v.key);
        if (k && (v.value.empty() || (k->is_scalar() && k->scalar == v.value))) {
          variant = &v;
          break;
        }
      }
      if (!variant && !choose_variant_error(node, shape, path)) return;
    }
    auto lookup = [&](std::string_view key) -> const FieldSpec* {
      for (const FieldSpec& f : shape.fields)
        if (f.key == key) return &f;
      if (variant)
        for (const FieldSpec& f : variant->fields)
          if (f.key == key) return &f;
      return nullptr;
    };
    // Keys in source order: duplicates, unknown keys, values. A misspelt key ("sumary") is one
    // problem: reported as unknown with a suggestion, not again as a missing "summary".
    std::vector<std::string> suggested;
    // The first entry of each key: looked up in a hash map in a large mapping (thousands of keys
    // would otherwise cost a comparison with every earlier one), by a scan in a small one.
    const std::size_t n_entries = node.entries().size();
    std::unordered_map<std::string_view, std::size_t> first_entry;
    if (n_entries > 16) first_entry.reserve(n_entries);
    for (std::size_t i = 0; i < n_entries; ++i) {
      const auto& [key, value] = node.entries()[i];
      if (!key.is_scalar()) {
        report(key.mark, path, "keys must be plain words, got " + std::string(describe_kind(key)));
        continue;
      }
      const NodePath child(path, key.scalar);
      std::size_t first = i;
      if (n_entries > 16) {
        first = first_entry.try_emplace(key.scalar, i).first->second;
      } else {
        for (std::size_t j = 0; j < i && first == i; ++j)
          if (node.entries()[j].first.is_scalar() && node.entries()[j].first.scalar == key.scalar) first = j;
      }
      if (first != i) {
        const YNode& earlier = node.entries()[first].first;
        report(key.mark, child,
               concat({"duplicate key '", key.scalar, "' (first defined at line ", std::to_string(earlier.mark.line),
                       "); YAML keeps only one of them, remove the other"}),
               {{earlier.mark, concat({"'", key.scalar, "' first defined here"})}});
        continue;
      }
      // Extension keys (`x-jira: OPS-123`), as in OpenAPI: any value, never checked.
      if (is_extension_key(key.scalar)) continue;
      const FieldSpec* spec = lookup(key.scalar);
      if (!spec) {
        std::vector<std::string> candidates;
        for (const FieldSpec& f : shape.fields) candidates.emplace_back(f.key);
        if (variant)
          for (const FieldSpec& f : variant->fields) candidates.emplace_back(f.key);
        std::string msg = "unknown key '" + std::string(key.scalar) + "'" + where(path);
        if (auto s = did_you_mean(key.scalar, candidates)) {
          msg += "; did you mean '" + *s + "'?";
          suggested.push_back(*s);
        }
        report(key.mark, child, msg);
        continue;
      }
      field(value, *spec, child);
    }
    // Required keys that are missing point at the mapping.
    auto check_required = [&](std::span<const FieldSpec> fields) {
      for (const FieldSpec& f : fields)
        if (f.required && !node.find(f.key) &&
            std::find(suggested.begin(), suggested.end(), f.key) == suggested.end())
          report(node.mark, NodePath(path, f.key), "missing required key '" + std::string(f.key) + "'" + where(path));
    };
    check_required(shape.fields);
    if (variant) check_required(variant->fields);
  }

 private:
  const std::string& file_;
  std::vector<Diagnostic>& out_;

  static std::string where(const NodePath& path) {
    return path.empty() ? "" : " in '" + path + "'";
  }

  void report(Mark mark, const NodePath& path, std::string message, std::vector<Note> notes = {},
              RuleId rule = RuleId::schema) {
    Diagnostic d = make_finding(rule);
    d.file = file_;
    d.mark = mark;
    d.message = std::move(message) + playbook_citation(rule);
    d.notes = std::move(notes);
    d.node_path = path.str();
    out_.push_back(std::move(d));
  }

  // No variant matched; report why. Returns true when the common fields are still worth checking.
  bool choose_variant_error(const YNode& node, const Shape& shape, const NodePath& path) {
    const Variant& first = shape.variants.front();
    if (!first.value.empty()) {
      std::vector<std::string_view> values;
      for (const Variant& v : shape.variants) values.push_back(v.value);
      const YNode* k = node.find(first.key);
      if (!k) {
        report(node.mark, path, "missing required key '" + std::string(first.key) + "'" + where(path) +
                                    " (one of " + join(values) + ")");
      } else {
        std::vector<std::string> c(values.begin(), values.end());
        const NodePath key_path(path, first.key);
        std::string msg = "'" + key_path + "' must be " + join(values) + ", got " +
                          (k->is_scalar() ? quote(k->scalar) : std::string(describe_kind(*k)));
        if (auto s = did_you_mean(k->scalar, c)) msg += "; did you mean '" + *s + "'?";
        report(k->mark, key_path, msg);
      }
      return false;
    }
    std::vector<std::string_view> keys;
    for (const Variant& v : shape.variants) keys.push_back(v.key);
    report(node.mark, path, "a row" + where(path) + " needs a '" + std::string(keys[0]) + "' or an '" +
                                std::string(keys[1]) + "' key");
    return false;
  }

  void type_error(const YNode& n, const FieldSpec& spec, const NodePath& path) {
    std::string got = n.is_scalar() ? quote(n.scalar) : std::string(describe_kind(n));
    report(n.mark, path, "'" + path + "' must be " + type_name(spec.type) + ", got " + got);
  }

  void string_value(const YNode& n, bool one_line, const NodePath& path) {
    if (!n.is_scalar()) {
      report(n.mark, path, "'" + path + "' must be " + (one_line ? "a one-line string" : "a string") +
                               ", got " + std::string(describe_kind(n)));
      return;
    }
    for (std::size_t i = 0; i < n.scalar.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(n.scalar[i]);
      bool control = c < 0x20 || c == 0x7f ||
                     (c == 0xc2 && i + 1 < n.scalar.size() &&
                      static_cast<unsigned char>(n.scalar[i + 1]) < 0xa0);
      if (!control) continue;
      if ((c == '\n') && !one_line) continue;
      if (c == '\t') continue;
      if (c == '\n' || c == '\r') {
        report(n.mark, path, "'" + path + "' must be one line; it contains a line break");
      } else {
        char buf[8];
        unsigned cp = c == 0xc2 ? static_cast<unsigned char>(n.scalar[i + 1]) : c;
        std::snprintf(buf, sizeof buf, "U+%04X", cp);
        report(n.mark, path, "'" + path + "' contains a control character (" + buf + "); remove it");
      }
      return;
    }
  }

  void field(const YNode& n, const FieldSpec& spec, const NodePath& path) {
    if (n.is_null() && spec.type != FieldType::string && spec.type != FieldType::text) {
      report(n.mark, path, "'" + path + "' is empty; it must be " + type_name(spec.type));
      return;
    }
    switch (spec.type) {
      case FieldType::string:
      case FieldType::text:
        if (n.is_null()) return;  // empty owners and texts are the rules' business
        string_value(n, spec.type == FieldType::string, path);
        return;
      case FieldType::id:
        if (!n.is_scalar() || !is_valid_id(n.scalar))
          report(n.mark, path,
                 "'" + path + "' must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit, got " +
                     (n.is_scalar() ? quote(n.scalar) : std::string(describe_kind(n))));
        return;
      case FieldType::integer: {
        long long v = 0;
        if (!scalar_is_integer(n, &v)) return type_error(n, spec, path);
        if (spec.min >= 0 && spec.max >= 0 && spec.min == spec.max && v != spec.min)
          report(n.mark, path, "'" + path + "' must be " + std::to_string(spec.min) + ", got " + std::string(n.scalar));
        else if (spec.min >= 0 && v < spec.min)
          report(n.mark, path, "'" + path + "' must be at least " + std::to_string(spec.min) + ", got " + std::string(n.scalar));
        else if (spec.max >= 0 && v > spec.max)
          report(n.mark, path, "'" + path + "' must be at most " + std::to_string(spec.max) + ", got " + std::string(n.scalar));
        return;
      }
      case FieldType::number: {
        double v = 0;
        if (!scalar_is_number(n, &v)) return type_error(n, spec, path);
        if (spec.min >= 0 && v < spec.min)
          report(n.mark, path, "'" + path + "' must not be negative, got " + std::string(n.scalar));
        return;
      }
      case FieldType::boolean:
        if (!scalar_is_bool(n)) type_error(n, spec, path);
        return;
      case FieldType::calendar:
      case FieldType::enumeration: {
        if (!n.is_scalar()) return type_error(n, spec, path);
        if (spec.type == FieldType::calendar && is_ics_path(n.scalar)) return;
        for (std::string_view v : spec.enum_values)
          if (v == n.scalar) return;
        std::vector<std::string> c(spec.enum_values.begin(), spec.enum_values.end());
        std::string msg = "'" + path + "' must be " + join(spec.enum_values) + ", got " + quote(n.scalar);
        if (auto s = did_you_mean(n.scalar, c)) msg += "; did you mean '" + *s + "'?";
        report(n.mark, path, msg);
        return;
      }
      case FieldType::timestamp:
      case FieldType::date_or_timestamp: {
        if (!n.is_scalar()) return type_error(n, spec, path);
        if (spec.type == FieldType::date_or_timestamp && parse_date(n.scalar)) return;
        TimeError err;
        auto ts = parse_timestamp(n.scalar, &err);
        if (!ts) {
          report(n.mark, path, "'" + path + "': " + err.message);
          return;
        }
        if (ts->offset_minutes != 0)
          report(n.mark, path,
                 "'" + path + "' is written with a non-UTC offset (" + std::string(n.scalar) +
                     "); the playbook works in UTC: write " + format_rfc3339(ts->utc),
                 {}, RuleId::timestamp_utc);
        return;
      }
      case FieldType::date: {
        if (!n.is_scalar()) return type_error(n, spec, path);
        TimeError err;
        if (!parse_date(n.scalar, &err)) report(n.mark, path, "'" + path + "': " + err.message);
        return;
      }
      case FieldType::duration:
        if (!n.is_scalar() || !parse_duration(n.scalar)) type_error(n, spec, path);
        return;
      case FieldType::mapping:
        shape(n, *spec.shape, path);
        return;
      case FieldType::any_mapping:
        if (!n.is_map()) return type_error(n, spec, path);
        for (const auto& [k, v] : n.entries()) {
          const NodePath child(path, k.scalar);
          if (!v.is_scalar()) {
            report(v.mark, child, "'" + child + "' must be " + join(spec.enum_values));
            continue;
          }
          bool ok = false;
          for (std::string_view e : spec.enum_values) ok = ok || e == v.scalar;
          if (!ok) report(v.mark, child, "'" + child + "' must be " + join(spec.enum_values) + ", got " + quote(v.scalar));
        }
        return;
      case FieldType::list: {
        if (!n.is_seq()) {
          report(n.mark, path, "'" + path + "' must be a list, got " + std::string(describe_kind(n)));
          return;
        }
        if (spec.min > 0 && static_cast<int>(n.items().size()) < spec.min)
          report(n.mark, path, "'" + path + "' must have at least " + std::to_string(spec.min) + " item" +
                                   (spec.min == 1 ? "" : "s"));
        FieldSpec item{spec.key, spec.item_type, true, spec.description, spec.enum_values, spec.shape};
        for (std::size_t i = 0; i < n.items().size(); ++i) {
          const NodePath child(path, i);
          if (spec.item_type == FieldType::mapping) {
            shape(n.items()[i], *spec.shape, child);
          } else if (n.items()[i].is_null()) {
            report(n.items()[i].mark, child, "'" + child + "' is an empty list item");
          } else {
            field(n.items()[i], item, child);
          }
        }
        return;
      }
    }
  }
};

}  // namespace

void validate_shape(const YNode& root, const Shape& shape, const std::string& file,
                    std::vector<Diagnostic>& out) {
  Validator(file, out).shape(root, shape, NodePath());
}

}  // namespace esc
