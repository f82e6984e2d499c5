#include "render/font_lookup.h"

#include <fontconfig/fontconfig.h>

#include <algorithm>
#include <memory>

namespace esc::pdf {

namespace {

struct Candidate {
  std::string path;
  std::vector<char32_t> covers;  // the wanted characters this font has
};

}  // namespace

std::vector<std::string> fonts_covering(std::span<const char32_t> chars) {
  if (chars.empty()) return {};
  // The default configuration, loaded once per process by fontconfig and never freed by us:
  // FcFini would tear it down under any other user of fontconfig in the process.
  if (!FcInit()) return {};
  std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> pattern(FcPatternCreate(), FcPatternDestroy);
  std::unique_ptr<FcObjectSet, decltype(&FcObjectSetDestroy)> objects(
      FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FONTFORMAT, FC_CHARSET, static_cast<char*>(nullptr)),
      FcObjectSetDestroy);
  if (!pattern || !objects) return {};
  // CFF-flavoured OpenType (Noto CJK, for one) and bitmap fonts cannot be embedded by libharu.
  FcPatternAddBool(pattern.get(), FC_OUTLINE, FcTrue);
  FcPatternAddString(pattern.get(), FC_FONTFORMAT, reinterpret_cast<const FcChar8*>("TrueType"));
  std::unique_ptr<FcFontSet, decltype(&FcFontSetDestroy)> fonts(FcFontList(nullptr, pattern.get(), objects.get()),
                                                                FcFontSetDestroy);
  if (!fonts) return {};

  std::vector<Candidate> candidates;
  for (int i = 0; i < fonts->nfont; ++i) {
    FcPattern* font = fonts->fonts[i];
    FcChar8* file = nullptr;
    int index = 0;
    FcCharSet* charset = nullptr;
    if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) continue;
    if (FcPatternGetInteger(font, FC_INDEX, 0, &index) == FcResultMatch && index != 0) continue;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch) continue;
    Candidate c{reinterpret_cast<const char*>(file), {}};
    for (char32_t ch : chars)
      if (FcCharSetHasChar(charset, static_cast<FcChar32>(ch))) c.covers.push_back(ch);
    if (!c.covers.empty()) candidates.push_back(std::move(c));
  }
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) { return a.path < b.path; });
  candidates.erase(std::unique(candidates.begin(), candidates.end(),
                               [](const Candidate& a, const Candidate& b) { return a.path == b.path; }),
                   candidates.end());

  std::vector<char32_t> wanted(chars.begin(), chars.end());
  std::vector<std::string> chosen;
  while (!wanted.empty()) {
    const Candidate* best = nullptr;
    std::size_t best_count = 0;
    for (const Candidate& c : candidates) {
      std::size_t n = 0;
      for (char32_t ch : c.covers) n += std::find(wanted.begin(), wanted.end(), ch) != wanted.end();
      if (n > best_count) best = &c, best_count = n;
    }
    if (!best) break;
    chosen.push_back(best->path);
    std::erase_if(wanted, [&](char32_t ch) { return std::find(best->covers.begin(), best->covers.end(), ch) != best->covers.end(); });
  }
  return chosen;
}

}  // namespace esc::pdf
