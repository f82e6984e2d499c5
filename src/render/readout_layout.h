// Typesetting the executive readout on one A4 page. The same code runs three times: once to
// collect the characters each face shows (so the fonts can be chosen and subset before the
// document exists), once per candidate body size to measure, and once to draw.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "render/pdf_document.h"
#include "render/readout_content.h"

namespace esc::readout {

using pdf::Face;
using pdf::Rgb;

// The page's colours: ink, quiet text, rules and the promise verdicts.
namespace color {
inline constexpr Rgb ink{0.11f, 0.14f, 0.19f};
inline constexpr Rgb muted{0.40f, 0.44f, 0.50f};
inline constexpr Rgb rule{0.80f, 0.82f, 0.86f};
inline constexpr Rgb panel{0.95f, 0.96f, 0.97f};
inline constexpr Rgb accent{0.10f, 0.23f, 0.40f};
inline constexpr Rgb highlight{1.00f, 0.96f, 0.84f};
inline constexpr Rgb good{0.08f, 0.50f, 0.24f};
inline constexpr Rgb bad{0.73f, 0.11f, 0.11f};
inline constexpr Rgb deadline{0.80f, 0.45f, 0.05f};
inline constexpr Rgb weekend{0.90f, 0.91f, 0.93f};
inline constexpr Rgb white{1.0f, 1.0f, 1.0f};
}  // namespace color

Rgb tone_color(Tone t);

// Text and shapes that go to the document only when drawing; in the collecting pass the text
// only records its characters and widths are estimates.
//
// The collecting pass records every character that is drawn *or measured* in a face: with
// estimated widths the layout can take other branches than with real ones (a label that is
// only measured there, because the lane looks too crowded, may be drawn at real widths), and
// an embedded font subset holds only the characters collected here. Measuring a character the
// subset lacks would report it as missing and draw "?".
class Pen {
 public:
  enum class Mode { collect, measure, draw };
  Pen(pdf::Document* doc, Mode mode) : doc_(doc), mode_(mode) {}

  Mode mode() const { return mode_; }
  bool drawing() const { return mode_ == Mode::draw; }
  double advance(Face face, char32_t c);  // at size 1
  double width(Face face, double size, std::u32string_view text);
  void text(Face face, double size, double x, double baseline, std::u32string_view text, Rgb color);
  // Text ending at x (right-aligned).
  void text_right(Face face, double size, double x_right, double baseline, std::u32string_view text, Rgb color);
  std::vector<std::u32string> wrap(Face face, double size, std::u32string_view text, double max_width);
  std::u32string fit(Face face, double size, std::u32string_view text, double max_width);

  pdf::Document* doc() { return drawing() ? doc_ : nullptr; }  // for shapes: null unless drawing

  // The characters collected for a face, each once, in order of first use.
  const std::u32string& chars(Face face) const { return chars_[static_cast<int>(face)]; }

 private:
  pdf::Document* doc_;
  Mode mode_;
  std::u32string chars_[2];
  std::vector<std::uint64_t> seen_[2];  // BMP bitmap per face: which characters chars_ holds

  void note(Face face, char32_t c);
};

// A label on a pole above an axis, as the timeline strip places it: the pole at x, the label
// `width` wide, its text right of the pole or (right_aligned) left of it.
struct FlagBox {
  double x = 0;
  double width = 0;
  int level = 0;  // 0 = nearest the axis
  bool right_aligned = false;
};

// Gives each flag a level and a side so that no two labels on a level overlap (5 pt apart at
// least), no pole runs through a lower flag's label, and every label stays within
// [x_min, x_max]; returns the number of levels used. Few levels, in bounded time.
int place_flags(std::vector<FlagBox>& flags, double x_min, double x_max);

// Draws the timeline strip (incident axis, update promises, PIR row) in the box that starts at
// (x, top) and is `width` wide; returns the height it used.
double timeline_strip(Pen& pen, const Timeline& t, double x, double top, double width, double body);

// Lays out the whole page at a body size; returns the y of the lowest content (the page fits
// when it is above the bottom margin: see page_fits).
double layout_page(Pen& pen, const Content& c, double body, double page_width, double page_height);

// The body sizes tried, largest first, and the bottom limit content must stay above.
inline constexpr double kBodySizes[] = {10.0, 9.5, 9.0, 8.5, 8.0};
inline constexpr double kMargin = 42.0;
inline constexpr double kFooterHeight = 20.0;

}  // namespace esc::readout
