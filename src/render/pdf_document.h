// A one-page libharu document with the readout's fonts, safe to use from C++: errors are
// recorded (never longjmp), every libharu call's result is checked, and the document is always
// freed. Text is given as Unicode; each character is drawn with the first font of its face that
// has it (bold, then regular, then the fallback fonts), and characters no font has become the
// replacement mark "\uFFFD" and are listed in missing_glyphs().
//
// Two font plans:
//  - base-14 Helvetica with WinAnsiEncoding (nothing embedded) when every character is in
//    Windows-1252;
//  - embedded TrueType subsets (see ttf_subset.h), shown through single-byte encodings only: one
//    byte per character, no CID machinery. Characters in Windows-1252 use WinAnsiEncoding; all
//    the others, whatever their script (Central European, Turkish, Cyrillic, Greek, Vietnamese,
//    CJK from a fallback font...), go into custom encodings built for the document, 223
//    characters each, whose /Differences name every glyph "uniXXXX" and which carry a ToUnicode
//    CMap, so viewers find each glyph and text extraction gives each character back. All the
//    encodings of one font share one embedded font file.
//
// The characters given to start() must include every character later drawn *or measured* in
// that face: a subset holds nothing else, and anything else is reported missing.
#pragma once

#include <hpdf.h>

#include <memory>
#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace esc::pdf {

enum class Face { regular, bold };

// What a character no font has is drawn as (U+FFFD, "�", in DejaVu Sans); '?' when the fonts
// lack that too. A '?' would read as part of the text.
inline constexpr char32_t kReplacementMark = U'\uFFFD';

struct Rgb {
  float r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

class FontCache;

struct FontPlan {
  bool base14 = false;           // Helvetica / Helvetica-Bold, WinAnsiEncoding
  std::string regular, bold;     // TrueType files (when !base14)
  std::vector<std::string> fallbacks;  // TrueType files tried for characters the faces lack
  bool system_fallbacks = true;        // then the installed fonts fontconfig finds for the rest
  FontCache* fonts = nullptr;          // the run's parsed fonts, shared; null: opened for this document
};

struct DocumentInfo {
  std::string title;     // UTF-8; the information dictionary's /Title, shown by viewers
  std::string language;  // BCP 47 tag ("en-GB"), the catalog's /Lang; none when empty
  std::optional<long long> creation_epoch;  // SOURCE_DATE_EPOCH; no date at all when unset
};

class Document {
 public:
  Document();
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Sets up the fonts for the characters each face will show and adds the A4 page. Returns an
  // error sentence for an environment problem (a font file missing, unreadable or not
  // TrueType) or a libharu failure.
  std::optional<std::string> start(const FontPlan& plan, std::u32string_view regular_chars,
                                   std::u32string_view bold_chars);

  double page_width() const { return width_; }
  double page_height() const { return height_; }

  // Width of one character in points at size 1.
  double advance(Face face, char32_t c);

  // Drawing; coordinates in points from the bottom-left corner, y is the baseline for text.
  void text(Face face, double size, double x, double y, std::u32string_view text, Rgb color);
  void fill_rect(double x, double y, double w, double h, Rgb color);
  void stroke_rect(double x, double y, double w, double h, double line_width, Rgb color);
  void line(double x1, double y1, double x2, double y2, double line_width, Rgb color, bool dashed = false);
  void ellipse(double cx, double cy, double rx, double ry, double line_width, Rgb color);
  void fill_circle(double cx, double cy, double r, Rgb color);

  // Serialises the document. Returns an error sentence when libharu reported any error at any
  // point (then `out` is left empty: never a partial PDF).
  std::optional<std::string> save(const DocumentInfo& info, std::string& out);

  // Characters that no font could show, each once: first those measured (advance), in the order
  // first measured, then those only drawn, in the order first drawn. (The same list whether the
  // page was measured before it was drawn or drawn straight away: measuring repeats the draw
  // pass's own measurements.)
  std::vector<char32_t> missing_glyphs() const;
  bool failed() const { return error_code_ != HPDF_OK; }

 private:
  // A font as used on the page: a font file in one single-byte encoding.
  using CodeMap = std::unordered_map<char32_t, unsigned char>;  // character -> byte
  struct Slot {
    HPDF_Font font = nullptr;
    // Read-only once the slot exists, hence shared: every base-14 slot of every document uses
    // the one WinAnsi map.
    std::shared_ptr<const CodeMap> code;
    bool shows(char32_t c) const { return code->contains(c); }
  };
  struct Glyph {
    bool known = false;              // looked up (an empty cache entry is not)
    int slot = -1;
    double advance = 0;              // at size 1
    std::optional<char32_t> shown;   // the stand-in drawn when the character itself has no glyph
    unsigned char byte = '?';        // what draws it in its slot
    bool missing = false;            // no font has the character itself
    bool measured = false, drawn = false;  // advance() and text() have asked for it
  };
  // The glyphs looked up so far for one face: the Basic Multilingual Plane in pages of 256
  // characters (a lookup per character drawn or measured, so a hash is too slow), the rest in
  // a map. Entries never move.
  class GlyphCache {
   public:
    Glyph& operator[](char32_t c) {
      if (c <= 0xFFFF && pages_[c >> 8]) return (*pages_[c >> 8])[c & 0xFF];  // inline: the usual case
      return add(c);
    }

   private:
    Glyph& add(char32_t c);  // an astral character, or the first of its page

    std::array<std::unique_ptr<std::array<Glyph, 256>>, 256> pages_;
    std::unordered_map<char32_t, Glyph> astral_;
  };

  HPDF_Doc doc_ = nullptr;
  HPDF_Page page_ = nullptr;
  double width_ = 0, height_ = 0;
  HPDF_STATUS error_code_ = HPDF_OK;
  HPDF_STATUS error_detail_ = 0;
  std::vector<Slot> slots_;
  std::vector<int> chain_[2];  // slot indices per face, in preference order
  GlyphCache glyphs_[2];
  std::vector<char32_t> missing_measured_, missing_drawn_;  // see missing_glyphs(); repeats allowed

 public:
  struct FontBytes;  // a font subset libharu reads from memory (pdf_document.cpp)

 private:
  std::vector<std::unique_ptr<FontBytes>> font_bytes_;  // kept until the document is freed

  // Graphics state already in the content stream, so repeated settings are not written again.
  bool in_text_ = false;
  HPDF_Font cur_font_ = nullptr;
  double cur_size_ = 0;
  std::optional<Rgb> cur_fill_, cur_stroke_;
  double cur_line_width_ = -1;

  static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* self);
  std::optional<std::string> start_base14();
  std::optional<std::string> start_embedded(const FontPlan& plan, std::u32string_view regular_chars,
                                            std::u32string_view bold_chars);
  std::optional<std::string> register_custom_encoding(const std::string& name, std::span<const char32_t> chars);
  std::optional<std::string> add_to_unicode(HPDF_Font font, std::span<const char32_t> chars);
  // Loads a TrueType font file held in memory, embedded; its name, or null (libharu's error set).
  const char* load_font_subset(std::string font_file);
  Glyph& glyph(Face face, char32_t c);
  // Appends what looking `c` up in `face` found missing: the character, then the stand-ins that
  // were tried for it and are missing too.
  void note_missing(Face face, char32_t c, std::vector<char32_t>& into);
  std::optional<std::string> libharu_error(std::string_view doing) const;
  std::optional<std::string> set_title_and_language(const DocumentInfo& info);
  void begin_text();
  void end_text();
  void set_fill(Rgb c);
  void set_stroke(Rgb c, double line_width);
};

}  // namespace esc::pdf
