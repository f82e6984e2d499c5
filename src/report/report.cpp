// Shared report pieces: the format names, the totals and summary line, the dispatch to the
// writers and repository-relative paths.
#include "report/report.h"
#include "core/text.h"

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <system_error>

namespace esc {

namespace fs = std::filesystem;

std::optional<ReportFormat> parse_report_format(std::string_view s) {
  if (s == "text") return ReportFormat::text;
  if (s == "json") return ReportFormat::json;
  if (s == "junit") return ReportFormat::junit;
  if (s == "sarif") return ReportFormat::sarif;
  if (s == "github") return ReportFormat::github;
  return std::nullopt;
}

void add_to_totals(Totals& t, const FileResult& f) {
  ++t.files;
  bool has_finding = false;
  for (const Diagnostic& d : f.diagnostics) {
    if (d.severity == Severity::off) continue;
    switch (d.suppression) {
      case Suppression::waived:
        ++t.waived;
        ++t.suppressed;
        continue;
      case Suppression::baselined:
        ++t.baselined;
        ++t.suppressed;
        continue;
      case Suppression::none:
        break;
    }
    has_finding = true;
    switch (d.severity) {
      case Severity::error:
        ++t.errors;
        break;
      case Severity::warning:
        ++t.warnings;
        break;
      case Severity::info:
        ++t.infos;
        break;
      case Severity::off:
        break;
    }
  }
  if (has_finding) ++t.files_with_findings;
}

Totals count_totals(const std::vector<FileResult>& files) {
  Totals t;
  for (const FileResult& f : files) add_to_totals(t, f);
  return t;
}

namespace {

std::string counted(int n, std::string_view singular, std::string_view plural) {
  return std::to_string(n) + " " + std::string(n == 1 ? singular : plural);
}

std::string plural_of(const std::string& noun) { return noun + "s"; }

}  // namespace

std::string summary_line(const Totals& t, const ReportOptions& opt) {
  const std::string noun = opt.noun.empty() ? std::string("record") : opt.noun;
  std::string line;
  std::string counts_part;
  auto add = [&](int n, std::string_view singular, std::string_view plural) {
    if (n == 0) return;
    if (!counts_part.empty()) counts_part += ", ";
    counts_part += counted(n, singular, plural);
  };
  add(t.errors, "error", "errors");
  add(t.warnings, "warning", "warnings");
  add(t.infos, "info", "infos");
  const std::string files_word = t.files == 1 ? noun : plural_of(noun);
  if (counts_part.empty()) {
    line = "no problems in " + std::to_string(t.files) + " " + files_word;
  } else {
    line = counts_part + " in " + std::to_string(t.files_with_findings) + " of " +
           std::to_string(t.files) + " " + files_word;
  }
  if (t.waived > 0) line += ", " + std::to_string(t.waived) + " waived";
  const int baselined = std::max(t.baselined, opt.baselined);
  if (baselined > 0) line += ", " + std::to_string(baselined) + " baselined";
  return line;
}

void write_summary_line(std::ostream& out, const Totals& t, const ReportOptions& opt) {
  if (opt.quiet && t.errors + t.warnings + t.infos == 0) return;
  out << summary_line(t, opt) << '\n';
}

std::unique_ptr<ReportWriter> make_report_writer(ReportFormat f, std::ostream& out, const ReportOptions& opt) {
  switch (f) {
    case ReportFormat::text:
      return make_text_writer(out, opt);
    case ReportFormat::json:
      return make_json_writer(out, opt);
    case ReportFormat::junit:
      return make_junit_writer(out, opt);
    case ReportFormat::sarif:
      return make_sarif_writer(out, opt);
    case ReportFormat::github:
      break;
  }
  return make_github_writer(out, opt);
}

void write_report(ReportFormat f, std::ostream& out, const std::vector<FileResult>& files,
                  const ReportOptions& opt) {
  std::unique_ptr<ReportWriter> writer = make_report_writer(f, out, opt);
  for (const FileResult& file : files) writer->add(file);
  // Only a report over the spool's buffer touches a temporary file; one that cannot be written
  // is an environment problem the callers of this convenience do not expect.
  if (auto err = writer->finish()) throw std::runtime_error(*err);
}

namespace {

// `p` (lexically normal, absolute) relative to `base` when it lies inside it.
std::optional<fs::path> inside(const fs::path& p, const fs::path& base) {
  const fs::path rel = p.lexically_relative(base);
  if (rel.empty()) return std::nullopt;
  const auto first = rel.begin();
  if (first != rel.end() && *first == "..") return std::nullopt;
  if (rel == ".") return std::nullopt;  // the directory itself is not a file in it
  return rel;
}

}  // namespace

// The folder report paths are relative to: the repository root (the nearest folder upwards
// holding .git) so that GitHub code scanning finds the file whatever folder escalate ran in,
// else the current folder.
static fs::path report_base(const fs::path& cwd) {
  std::error_code ec;
  for (fs::path dir = cwd; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / ".git", ec)) return dir;
    if (dir == dir.parent_path()) break;
  }
  return cwd;
}

std::string relative_uri(std::string_view path) {
  const fs::path given(path);
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (ec || cwd.empty()) return given.lexically_normal().generic_string();
  const fs::path base = report_base(cwd).lexically_normal();
  const fs::path absolute = (cwd / given).lexically_normal();  // cwd / abs == abs
  if (auto rel = inside(absolute, base)) return rel->generic_string();
  // Through symlinks (a checkout under /home that is really /srv/...): compare real paths.
  const fs::path real_path = fs::weakly_canonical(absolute, ec);
  std::error_code ec2;
  const fs::path real_base = fs::weakly_canonical(base, ec2);
  if (!ec && !ec2) {
    if (auto rel = inside(real_path.lexically_normal(), real_base.lexically_normal())) {
      return rel->generic_string();
    }
  }
  return absolute.generic_string();
}

namespace report_detail {

std::string stable_hash(std::initializer_list<std::string_view> fields) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  for (const std::string_view f : fields) {
    for (const char c : f) mix(static_cast<unsigned char>(c));
    mix(0);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = kHex[h & 0xF];
    h >>= 4;
  }
  return out;
}

std::string location(std::string_view path, const Mark& mark) {
  std::string s(path);
  if (mark.line <= 0) return s;
  s += concat({":", std::to_string(mark.line)});
  if (mark.col > 0) s += concat({":", std::to_string(mark.col)});
  return s;
}

std::string valid_utf8(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
      min = 0x10000;
    }
    bool ok = len != 0 && i + len <= n;
    for (std::size_t k = 1; ok && k < len; ++k) {
      const auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80)
        ok = false;
      else
        cp = (cp << 6) | (cc & 0x3F);
    }
    if (ok && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
    if (ok) {
      out.append(text.substr(i, len));
      i += len;
    } else {
      out += kReplacement;
      ++i;
    }
  }
  return out;
}

std::string without_controls(std::string_view raw, bool keep_line_breaks) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  const std::string text = valid_utf8(raw);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool line_break = c == '\n' || c == '\r';
    if ((c < 0x20 && c != '\t' && !(line_break && keep_line_breaks)) || c == 0x7F) {
      out += kReplacement;
    } else if (c == 0xC2 && i + 1 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += kReplacement;  // U+0080..U+009F (valid UTF-8, so the next byte is >= 0x80)
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace report_detail

}  // namespace esc
