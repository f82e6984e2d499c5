// libFuzzer target: the TrueType parser and subsetter (`--font` and `font:` take any file the
// user names). ci/fuzz seeds it with real fonts copied from the installed Debian font packages.
// Beyond "no crash, no sanitizer report", it checks what the readout relies on: a subset is
// itself a font the parser accepts, and it has a glyph for every requested character the
// original font has.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "render/ttf_subset.h"

namespace {

// What a readout asks of a font: Latin with punctuation, a little of Central Europe, Greek,
// Cyrillic and CJK, and characters no font has (a private-use one, one beyond the BMP).
std::vector<char32_t> wanted() {
  std::vector<char32_t> chars;
  for (char32_t c = 0x20; c < 0x7F; ++c) chars.push_back(c);
  for (char32_t c : {U'£', U'é', U'Ł', U'ő', U'—', U'“', U'…', U'Ω', U'λ', U'Ж', U'я', U'株', U'한', U'\uFFFD',
                     U'\uE000', U'\U0001F600'})
    chars.push_back(c);
  return chars;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::vector<char32_t> chars = wanted();
  std::string error;
  const auto font = esc::pdf::TrueTypeFont::parse(std::string(reinterpret_cast<const char*>(data), size), &error);
  if (!font) {
    if (error.empty()) __builtin_trap();  // a refusal always says why
    return 0;
  }
  std::vector<char32_t> present;
  for (char32_t c : chars)
    if (font->has_glyph(c)) present.push_back(c);
  const std::string subset = font->subset(chars);
  const auto reparsed = esc::pdf::TrueTypeFont::parse(subset, &error);
  if (!reparsed) __builtin_trap();  // the subset must be a font the parser (and libharu) accept
  for (char32_t c : present)
    if (!reparsed->has_glyph(c)) __builtin_trap();  // every requested glyph survives subsetting
  return 0;
}
