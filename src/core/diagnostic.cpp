#include "core/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace esc {

std::string format_location(std::string_view path, Mark mark) {
  std::string out(path);
  if (mark.line > 0) {  // appended piece by piece: GCC 12 -Wrestrict misfires on ":" + std::string
    out += ':';
    out += std::to_string(mark.line);
    out += ':';
    out += std::to_string(mark.col);
  }
  return out;
}

std::string_view to_string(Severity s) {
  switch (s) {
    case Severity::off: return "off";
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view s) {
  if (s == "error") return Severity::error;
  if (s == "warning") return Severity::warning;
  if (s == "info") return Severity::info;
  if (s == "off") return Severity::off;
  return std::nullopt;
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
  return std::tie(a.file, a.mark, a.rule, a.message) < std::tie(b.file, b.mark, b.rule, b.message);
}

void sort_diagnostics(std::vector<Diagnostic>& diags) {
  std::stable_sort(diags.begin(), diags.end(), diagnostic_less);
}

bool counts(const Diagnostic& d) {
  return d.suppression == Suppression::none && d.severity != Severity::off;
}

}  // namespace esc
