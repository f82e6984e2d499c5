// The human report, in the style of gcc and clang:
//
//   records/a.yaml:41:5: error: sent after the promised time [update-promise-kept]
//     sent_at: 2026-11-02T10:05:00Z
//       ^
//   records/a.yaml:33:20: note: the promise was made here
//   ...
//   1 error in 1 of 40 records
//
// Waived findings are listed with the word "waived" and the waiver's reason; baselined ones are
// only counted. Control characters and invalid UTF-8 never reach the terminal: they are shown as
// Unicode control pictures (U+2400...) and U+FFFD, one code point each, so carets still line up.
#include "core/text.h"
#include <algorithm>
#include <vector>
#include <string>

#include "report/report.h"

namespace esc {

namespace {

constexpr std::string_view kReset = "\033[0m";
constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kRed = "\033[1;31m";
constexpr std::string_view kMagenta = "\033[1;35m";
constexpr std::string_view kCyan = "\033[1;36m";
constexpr std::string_view kBlue = "\033[1;34m";
constexpr std::string_view kGreen = "\033[1;32m";

// Decodes one code point of valid UTF-8 at `i` and advances `i`.
char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t len = 1;
  char32_t cp = c;
  if (c >= 0xF0) {
    len = 4;
    cp = c & 0x07;
  } else if (c >= 0xE0) {
    len = 3;
    cp = c & 0x0F;
  } else if (c >= 0xC0) {
    len = 2;
    cp = c & 0x1F;
  }
  for (std::size_t k = 1; k < len && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  }
  i += len;
  return cp;
}


// Text safe for a terminal: valid UTF-8, tabs kept, other C0 controls and DEL as control
// pictures, C1 controls as U+FFFD.
std::string displayable(std::string_view raw) {
  const std::string text = report_detail::valid_utf8(raw);
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    const char32_t cp = next_code_point(text, i);
    if (cp == U'\t')
      out += '\t';
    else if (cp < 0x20)
      append_utf8(out, 0x2400 + cp);
    else if (cp == 0x7F)
      append_utf8(out, 0x2421);
    else if (cp >= 0x80 && cp <= 0x9F)
      append_utf8(out, 0xFFFD);
    else
      out.append(text, start, i - start);
  }
  return out;
}

// Columns a code point takes on a terminal: 0 for combining marks, 2 for East Asian wide and
// most emoji, else 1.
int display_width(char32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
      (cp >= 0xFE00 && cp <= 0xFE0F)) {
    return 0;
  }
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
      (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
      (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD)) {
    return 2;
  }
  return 1;
}

// The padding that puts a caret under 1-based code-point column `col` of `line` (already
// displayable): tabs stay tabs so the caret lines up whatever the tab width.
std::string caret_padding(std::string_view line, int col) {
  std::string pad;
  std::size_t i = 0;
  for (int n = 1; n < col; ++n) {
    if (i >= line.size()) {
      pad += ' ';
      continue;
    }
    const char32_t cp = next_code_point(line, i);
    if (cp == U'\t')
      pad += '\t';
    else
      pad.append(static_cast<std::size_t>(display_width(cp)), ' ');
  }
  return pad;
}

class TextWriter {
 public:
  TextWriter(std::ostream& out, bool color) : out_(out), color_(color) {}

  std::string paint(std::string_view code, std::string_view text) const {
    if (!color_) return std::string(text);
    return std::string(code) + std::string(text) + std::string(kReset);
  }

  void header(std::string_view path, const Mark& mark, std::string_view word,
              std::string_view word_color, std::string_view message, std::string_view rule,
              std::string_view tail) {
    out_ << paint(kBold, displayable(report_detail::location(path, mark)) + ":") << ' '
         << paint(word_color, std::string(word) + ":") << ' ' << displayable(message);
    if (!rule.empty()) out_ << " [" << paint(word_color, displayable(rule)) << "]";
    out_ << displayable(tail) << '\n';
  }

  // A new file: the lines of the one before are not looked at again.
  void forget() { shown_line_ = 0; }

  void source(const FileResult& f, const Mark& mark) {
    if (mark.line <= 0) return;
    // Several findings on one line (often thousands on one long line) share its displayable
    // text and code-point offsets, made once.
    if (mark.line != shown_line_) {
      const auto it = f.source_lines.find(mark.line);
      if (it == f.source_lines.end()) return;
      std::string_view raw = it->second;
      if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
      shown_ = displayable(raw);
      starts_.clear();
      for (std::size_t i = 0; i < shown_.size(); ++i)
        if ((static_cast<unsigned char>(shown_[i]) & 0xC0) != 0x80) starts_.push_back(i);
      shown_line_ = mark.line;
    }
    int col = mark.col;
    const std::string line = window(shown_, starts_, col);
    out_ << line << '\n';
    if (col > 0) out_ << caret_padding(line, col) << paint(kGreen, "^") << '\n';
  }

  // A long line is shown as about 110 characters around the column, cut with "…", so a
  // 10,000-character value never floods the terminal; `col` is moved to match. `starts` holds
  // the byte offset of each of the line's code points.
  static std::string window(const std::string& line, const std::vector<std::size_t>& starts, int& col) {
    constexpr int kMax = 120, kBefore = 50, kWidth = 110;
    const int n = static_cast<int>(starts.size());
    if (n <= kMax) return line;
    const int first = std::clamp(col - 1 - kBefore, 0, std::max(0, n - kWidth));
    const int last = std::min(n, first + kWidth);
    std::string out = first > 0 ? "…" : "";
    const std::size_t from = starts[static_cast<std::size_t>(first)];
    const std::size_t to = last < n ? starts[static_cast<std::size_t>(last)] : line.size();
    out += line.substr(from, to - from);
    if (last < n) out += "…";
    if (col > 0) col = col - first + (first > 0 ? 1 : 0);
    return out;
  }

 private:
  std::ostream& out_;
  bool color_;
  int shown_line_ = 0;                // the line shown_ and starts_ are of, 0 for none
  std::string shown_;
  std::vector<std::size_t> starts_;
};

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::error:
      return kRed;
    case Severity::warning:
      return kMagenta;
    case Severity::info:
      return kCyan;
    case Severity::off:
      break;
  }
  return kCyan;
}

}  // namespace

namespace {

class TextReport final : public ReportWriter {
 public:
  TextReport(std::ostream& out, const ReportOptions& opt) : out_(out), opt_(opt), w_(out, opt.color) {}

  std::optional<std::string> finish() override {
    write_summary_line(out_, totals_, opt_);
    return std::nullopt;
  }

 private:
  void write_file(const FileResult& f) override {
    w_.forget();
    for (const Diagnostic& d : f.diagnostics) {
      if (d.severity == Severity::off) continue;
      if (d.suppression == Suppression::baselined) continue;
      if (d.suppression == Suppression::waived) {
        const std::string tail =
            d.suppression_reason.empty() ? "" : " (reason: " + d.suppression_reason + ")";
        w_.header(f.path, d.mark, "waived", kBlue, d.message, d.rule, tail);
        continue;
      }
      w_.header(f.path, d.mark, to_string(d.severity), severity_color(d.severity), d.message, d.rule,
                "");
      w_.source(f, d.mark);
      for (const Note& n : d.notes) {
        w_.header(f.path, n.mark, "note", kCyan, n.message, "", "");
        w_.source(f, n.mark);
      }
    }
  }

  std::ostream& out_;
  ReportOptions opt_;
  TextWriter w_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_text_writer(std::ostream& out, const ReportOptions& opt) {
  return std::make_unique<TextReport>(out, opt);
}

}  // namespace esc
