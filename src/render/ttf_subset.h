// Just enough TrueType to embed a small font in the readout: which glyph shows a character, and
// a subset font file that holds only the glyphs a document uses.
//
// Why: libharu embeds a TrueType font with every table but `glyf` copied whole (cmap, hmtx, loca,
// post, name...), so DejaVu Sans costs ~90 KB per face in every PDF, and libharu looks characters
// up with linear scans over the cmap segments. A subset with ~100 glyphs and a few cmap segments
// makes both small. The subset renumbers glyphs in code-point order (so runs of letters become one cmap
// segment), remaps the components of composite glyphs and drops the hinting instructions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esc::pdf {

class TrueTypeFont {
 public:
  // Parses a TrueType-outline font (.ttf, or the first font of a .ttc collection). Returns
  // nullopt and sets `error` to a sentence when the data is not such a font (CFF-based .otf
  // fonts are refused: libharu cannot embed them).
  static std::optional<TrueTypeFont> parse(std::string bytes, std::string* error);
  // The same for a file, mapped into memory rather than read (a font is ~700 KB and a subset
  // touches a few pages of it). `error` says why when the file is missing or unusable.
  static std::optional<TrueTypeFont> open(const std::string& path, std::string* error);

  // The glyph for a character (BMP only), 0 when the font has none.
  std::uint16_t glyph_for(char32_t c) const;
  bool has_glyph(char32_t c) const { return glyph_for(c) != 0; }

  // A complete TrueType file with .notdef plus the glyphs of `chars` (characters without a glyph
  // are skipped) and the parts of composite glyphs; its cmap maps exactly those characters.
  // Hinting (glyph instructions, cvt/fpgm/prep) is dropped unless `keep_hinting`.
  std::string subset(const std::vector<char32_t>& chars, bool keep_hinting = false) const;

 private:
  struct Table {
    std::uint32_t offset = 0, length = 0;
  };
  std::shared_ptr<const void> owner_;  // keeps data_ alive: a string or a file mapping
  std::string_view data_;
  std::uint32_t base_ = 0;  // offset of the font's table directory (non-zero inside a .ttc)
  Table head_, hhea_, maxp_, hmtx_, loca_, glyf_, cmap_, os2_, name_, post_, cvt_, fpgm_, prep_;
  std::uint32_t cmap_sub_ = 0;  // offset of the (3,1) or (0,x) format-4 subtable
  std::uint16_t num_glyphs_ = 0, num_hmetrics_ = 0;
  bool long_loca_ = false;

  static std::optional<TrueTypeFont> parse_view(std::shared_ptr<const void> owner, std::string_view data,
                                                std::string* error);
  std::string_view bytes(const Table& t) const;
  bool glyph_range(std::uint16_t gid, std::uint32_t& begin, std::uint32_t& end) const;
  std::string build_name_table() const;
};

}  // namespace esc::pdf
