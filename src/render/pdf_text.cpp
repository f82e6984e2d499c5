#include "render/pdf_text.h"

#include "core/text.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace esc::pdf {

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out.push_back(next_code_point(s, i));
  return out;
}

std::string encode_utf8(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) append_utf8(out, c);
  return out;
}

std::u32string clean_text(std::string_view utf8) {
  std::u32string out;
  out.reserve(utf8.size());  // at least one byte a character
  bool pending_space = false;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = next_code_point(utf8, i);
    const bool space = c <= 0x20 || (c >= 0x7F && c <= 0xA0) || c == 0x2028 || c == 0x2029 ||
                       c == 0xFEFF || (c >= 0x2000 && c <= 0x200B) || c == 0x3000;
    if (space) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(U' ');
    pending_space = false;
    out.push_back(c);
  }
  return out;
}

namespace {
// 0x80-0x9F of Windows-1252 (0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned).
constexpr std::array<char32_t, 32> k80 = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
}  // namespace

std::optional<unsigned char> to_cp1252(char32_t c) {
  if ((c >= 0x20 && c < 0x7F) || (c >= 0xA0 && c <= 0xFF)) return static_cast<unsigned char>(c);
  for (std::size_t i = 0; i < k80.size(); ++i)
    if (k80[i] != 0 && k80[i] == c) return static_cast<unsigned char>(0x80 + i);
  return std::nullopt;
}

std::optional<char32_t> from_cp1252(unsigned char b) {
  if ((b >= 0x20 && b < 0x7F) || b >= 0xA0) return b;
  if (b >= 0x80 && k80[b - 0x80] != 0) return k80[b - 0x80];
  return std::nullopt;
}

std::vector<std::u32string> wrap_lines(std::u32string_view text, double max_width,
                                       const std::function<double(char32_t)>& advance) {
  std::vector<std::u32string> lines;
  std::u32string line;
  double line_width = 0;
  const double space = advance(U' ');
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == U' ') {
      ++i;
      continue;
    }
    std::size_t end = text.find(U' ', i);
    if (end == std::u32string_view::npos) end = text.size();
    std::u32string_view word = text.substr(i, end - i);
    double word_width = 0;
    for (char32_t c : word) word_width += advance(c);
    const double needed = line.empty() ? word_width : line_width + space + word_width;
    if (needed <= max_width) {
      if (!line.empty()) line.push_back(U' ');
      line += word;
      line_width = needed;
    } else if (word_width <= max_width) {
      lines.push_back(std::move(line));
      line.assign(word);
      line_width = word_width;
    } else {
      // Too wide for any line: fill the current line's remainder, then whole lines, with pieces.
      double room = line.empty() ? max_width : max_width - line_width - space;
      if (!line.empty() && room < advance(word[0])) {
        lines.push_back(std::move(line));
        line.clear();
        line_width = 0;
        room = max_width;
      } else if (!line.empty()) {
        line.push_back(U' ');
        line_width += space;
      }
      std::size_t on_line = 0;  // characters of this word on the current line
      for (char32_t c : word) {
        const double w = advance(c);
        if (w > room && on_line > 0) {
          lines.push_back(std::move(line));
          line.clear();
          line_width = 0;
          room = max_width;
          on_line = 0;
        }
        line.push_back(c);
        line_width += w;
        room -= w;
        ++on_line;
      }
    }
    i = end;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

std::u32string ellipsize(std::u32string_view text, double max_width,
                         const std::function<double(char32_t)>& advance) {
  double total = 0;
  for (char32_t c : text) total += advance(c);
  if (total <= max_width) return std::u32string(text);
  const double dots = advance(U'\u2026');
  std::u32string out;
  double width = 0;
  for (char32_t c : text) {
    if (width + advance(c) + dots > max_width) break;
    out.push_back(c);
    width += advance(c);
  }
  while (!out.empty() && out.back() == U' ') out.pop_back();
  out.push_back(U'\u2026');
  return out;
}

std::optional<std::string_view> script_needing_shaping(char32_t c) {
  struct Block {
    char32_t first, last;
    std::string_view script;
  };
  static constexpr Block blocks[] = {
      {0x0590, 0x05FF, "Hebrew"},     {0x0600, 0x06FF, "Arabic"},    {0x0700, 0x074F, "Syriac"},
      {0x0750, 0x077F, "Arabic"},     {0x0780, 0x07BF, "Thaana"},    {0x07C0, 0x07FF, "N'Ko"},
      {0x08A0, 0x08FF, "Arabic"},     {0x0900, 0x097F, "Devanagari"}, {0x0980, 0x09FF, "Bengali"},
      {0x0A00, 0x0A7F, "Gurmukhi"},   {0x0A80, 0x0AFF, "Gujarati"},  {0x0B00, 0x0B7F, "Oriya"},
      {0x0B80, 0x0BFF, "Tamil"},      {0x0C00, 0x0C7F, "Telugu"},    {0x0C80, 0x0CFF, "Kannada"},
      {0x0D00, 0x0D7F, "Malayalam"},  {0x0D80, 0x0DFF, "Sinhala"},   {0x0E00, 0x0E7F, "Thai"},
      {0x0E80, 0x0EFF, "Lao"},        {0x0F00, 0x0FFF, "Tibetan"},   {0x1000, 0x109F, "Myanmar"},
      {0x1780, 0x17FF, "Khmer"},      {0x1800, 0x18AF, "Mongolian"}, {0xFB1D, 0xFB4F, "Hebrew"},
      {0xFB50, 0xFDFF, "Arabic"},     {0xFE70, 0xFEFF, "Arabic"},
  };
  // Called for every character of every shown field: a binary search over the sorted blocks.
  static_assert(std::is_sorted(std::begin(blocks), std::end(blocks),
                               [](const Block& a, const Block& b) { return a.last < b.first; }));
  const Block* b = std::lower_bound(std::begin(blocks), std::end(blocks), c,
                                    [](const Block& block, char32_t ch) { return block.last < ch; });
  if (b != std::end(blocks) && c >= b->first) return b->script;
  return std::nullopt;
}

}  // namespace esc::pdf
