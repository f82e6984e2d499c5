#include "render/pdf_document.h"

// libharu's lower-level API, exported by the library and declared in its installed headers, used
// in exactly three places: register_custom_encoding (an encoder's name, its byte -> character
// table and its /Encoding writer: HPDF_BasicEncoder_New and HPDF_Doc_RegisterEncoder take no
// such table), add_to_unicode (a ToUnicode stream on a simple font: HPDF_DictStream_New needs
// the document's memory manager and cross-reference table, which hpdf.h does not hand out) and
// load_font_subset (a TrueType font read from memory: hpdf.h loads one only from a path, through
// stdio, which seeks and re-reads the file for each of its many small reads).
// Why not hpdf.h alone: its only way to show characters outside WinAnsi is HPDF_UseUTFEncodings
// with a "UTF-8" Type0 font. That font's CIDToGIDMap and width table run over every code point
// up to the highest one shown (a CJK fallback name makes them ~128 KiB per font), its text is
// two bytes a character, and its character codes are 16-bit, so the glyph-per-slot scheme below
// (subsets of 223 characters, WinAnsi bytes where they name the character) would be replaced
// as a whole, not patched. Until that switch is made and checked against the text-extraction
// and glyph tests, the private structures are touched only in those two functions.
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <set>
#include <span>

#include "render/font_cache.h"
#include "render/font_lookup.h"
#include "render/pdf_text.h"
#include "render/ttf_subset.h"

namespace esc::pdf {

namespace {

// Custom encodings use bytes 0x21-0xFF: 223 characters each. Byte 0x20 stays unused there (PDF
// word spacing applies to it in any single-byte font).
constexpr unsigned kFirstCustomByte = 0x21;
constexpr std::size_t kCustomCapacity = 0x100 - kFirstCustomByte;

// The glyph name a viewer maps back to exactly `c` (Adobe Glyph List specification: "uniXXXX").
// libharu's own names are ambiguous for some characters: its "Delta", "Omega" and "mu" for Greek
// Δ, Ω and μ mean U+2206, U+2126 and U+00B5 to a viewer, which then finds no such glyph in the
// subset (an empty box) and extracts the wrong character.
void append_glyph_name(std::string& out, char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "/uni%04X", static_cast<unsigned>(c));
  out += buf;
}

// libharu's encoder write callback for a custom encoding: the /Encoding entry of the font
// dictionary, WinAnsi overridden by a /Differences array that names each byte's character.
HPDF_STATUS write_custom_encoding(HPDF_Encoder encoder, HPDF_Stream out) {
  const auto* attr = static_cast<const HPDF_BasicEncoderAttr_Rec*>(encoder->attr);
  std::string s = "/Encoding <<\012/Type /Encoding\012/BaseEncoding /WinAnsiEncoding\012/Differences [";
  s += std::to_string(attr->first_char);
  for (unsigned b = attr->first_char; b <= attr->last_char; ++b) append_glyph_name(s, attr->unicode_map[b]);
  s += "]\012>>\012";
  return HPDF_Stream_WriteStr(out, s.c_str());
}

// A ToUnicode CMap for a custom encoding (byte kFirstCustomByte + k shows chars[k]): what text
// extraction and copy-paste read first.
std::string to_unicode_cmap(std::span<const char32_t> chars) {
  std::string s =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n";
  char buf[32];
  for (std::size_t from = 0; from < chars.size(); from += 100) {  // at most 100 entries a block
    const std::size_t n = std::min<std::size_t>(100, chars.size() - from);
    s += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = from; k < from + n; ++k) {
      std::snprintf(buf, sizeof buf, "<%02X> <%04X>\n", static_cast<unsigned>(kFirstCustomByte + k),
                    static_cast<unsigned>(chars[k]));
      s += buf;
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

std::string hex(unsigned v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%04X", v);
  return buf;
}

// Coordinates to 1/100 pt: shorter numbers in the content stream, and nobody sees 1/100 pt.
HPDF_REAL r2(double v) { return static_cast<HPDF_REAL>(std::round(v * 100.0) / 100.0); }

}  // namespace

// A font subset as libharu reads it: when loading the font and again when saving the PDF.
struct Document::FontBytes {
  std::string data;
  std::size_t pos = 0;
};

namespace {

// A read-only libharu stream over a Document::FontBytes, with the file reader's behaviour: a
// read past the end gives what is left and HPDF_STREAM_EOF, a seek may go anywhere at or after
// the start.
Document::FontBytes& font_bytes(HPDF_Stream s) { return *static_cast<Document::FontBytes*>(s->attr); }

HPDF_STATUS font_read(HPDF_Stream s, HPDF_BYTE* ptr, HPDF_UINT* size) {
  Document::FontBytes& f = font_bytes(s);
  const std::size_t left = f.pos < f.data.size() ? f.data.size() - f.pos : 0;
  const std::size_t n = std::min<std::size_t>(*size, left);
  std::memcpy(ptr, f.data.data() + f.pos, n);
  f.pos += n;
  if (n == *size) return HPDF_OK;
  std::memset(ptr + n, 0, *size - n);
  *size = static_cast<HPDF_UINT>(n);
  return HPDF_STREAM_EOF;
}

HPDF_STATUS font_seek(HPDF_Stream s, HPDF_INT pos, HPDF_WhenceMode mode) {
  Document::FontBytes& f = font_bytes(s);
  const long long base = mode == HPDF_SEEK_CUR ? static_cast<long long>(f.pos)
                         : mode == HPDF_SEEK_END ? static_cast<long long>(f.data.size())
                                                 : 0;
  if (base + pos < 0) return HPDF_SetError(s->error, HPDF_FILE_IO_ERROR, 0);
  f.pos = static_cast<std::size_t>(base + pos);
  return HPDF_OK;
}

HPDF_INT32 font_tell(HPDF_Stream s) { return static_cast<HPDF_INT32>(font_bytes(s).pos); }

HPDF_UINT32 font_size(HPDF_Stream s) { return static_cast<HPDF_UINT32>(font_bytes(s).data.size()); }

void font_free(HPDF_Stream s) { s->attr = nullptr; }  // the Document owns the bytes

}  // namespace

void Document::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* self) {
  auto* doc = static_cast<Document*>(self);
  if (doc->error_code_ == HPDF_OK) {  // keep the first: later ones are usually its echoes
    doc->error_code_ = code;
    doc->error_detail_ = detail;
  }
}

Document::Document() {
  doc_ = HPDF_New(&Document::on_error, this);
  if (!doc_) {
    error_code_ = HPDF_FAILD_TO_ALLOC_MEM;
    return;
  }
  if (HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL) != HPDF_OK && error_code_ == HPDF_OK)
    error_code_ = HPDF_GetError(doc_);
}

Document::~Document() {
  if (doc_) HPDF_Free(doc_);  // first: its fonts read font_bytes_ until they are freed
}

std::optional<std::string> Document::libharu_error(std::string_view doing) const {
  HPDF_STATUS code = error_code_;
  HPDF_STATUS detail = error_detail_;
  if (code == HPDF_OK && doc_) {  // some failures are only visible through the sticky error
    code = HPDF_GetError(doc_);
    detail = HPDF_GetErrorDetail(doc_);
  }
  if (code == HPDF_OK) return std::nullopt;
  return "the PDF library failed while " + std::string(doing) + " (libharu error " + hex(code) +
         ", detail " + std::to_string(detail) + ")";
}

std::optional<std::string> Document::start(const FontPlan& plan, std::u32string_view regular_chars,
                                           std::u32string_view bold_chars) {
  if (auto e = libharu_error("creating the document")) return e;
  if (auto e = plan.base14 ? start_base14() : start_embedded(plan, regular_chars, bold_chars)) return e;
  page_ = HPDF_AddPage(doc_);
  if (!page_) return libharu_error("adding the page").value_or("the PDF library could not add a page");
  if (HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT) != HPDF_OK)
    return libharu_error("sizing the page");
  width_ = HPDF_Page_GetWidth(page_);
  height_ = HPDF_Page_GetHeight(page_);
  return libharu_error("setting up the fonts");
}

std::optional<std::string> Document::start_base14() {
  // Built once for the run (224 entries), not for every document.
  static const std::shared_ptr<const CodeMap> winansi = [] {
    auto map = std::make_shared<CodeMap>();
    for (unsigned b = 0x20; b <= 0xFF; ++b)
      if (auto c = from_cp1252(static_cast<unsigned char>(b))) (*map)[*c] = static_cast<unsigned char>(b);
    return map;
  }();
  for (const char* name : {"Helvetica", "Helvetica-Bold"}) {
    HPDF_Font f = HPDF_GetFont(doc_, name, "WinAnsiEncoding");
    if (!f) return libharu_error("loading the Helvetica font").value_or("the PDF library could not load Helvetica");
    slots_.push_back({f, winansi});
  }
  chain_[0] = {0};
  chain_[1] = {1, 0};
  return std::nullopt;
}

std::optional<std::string> Document::start_embedded(const FontPlan& plan, std::u32string_view regular_chars,
                                                    std::u32string_view bold_chars) {
  struct FontFile {
    std::string path;
    std::shared_ptr<const TrueTypeFont> ttf;
    std::set<char32_t> chars;  // what the subset must hold
  };
  FontCache own_fonts;  // when the plan shares none
  FontCache& fonts = plan.fonts ? *plan.fonts : own_fonts;
  std::vector<FontFile> files;
  auto find_file = [&](const std::string& path) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < files.size(); ++i)
      if (files[i].path == path) return i;
    return std::nullopt;
  };
  auto open = [&](const std::string& path, bool required) -> std::optional<std::string> {
    if (find_file(path)) return std::nullopt;
    FontCache::Font opened = fonts.open(path);
    if (opened.missing)
      return required ? std::optional<std::string>("font file " + path +
                                                   " does not exist (install fonts-dejavu-core, or set `font:` in "
                                                   ".escalate.yaml or --font to a TrueType font)")
                      : std::nullopt;
    const std::shared_ptr<const TrueTypeFont>& ttf = opened.font;
    if (!ttf)
      return required ? std::optional<std::string>("font file " + path + " cannot be used: " + opened.why)
                      : std::nullopt;
    // A symbol font or a broken character map would give a page of '?' (or nothing at all).
    // (Fallback fonts may hold only symbols.)
    bool letters = ttf->has_glyph(U'?');
    for (char32_t c = U'A'; c <= U'Z' && letters; ++c) letters = ttf->has_glyph(c) && ttf->has_glyph(c + 32);
    if (required && !letters)
      return "font file " + path +
             " cannot be used: its character map has no glyph for the letters A-Z, a-z or '?' (a symbol font, or "
             "a broken cmap); use a text TrueType font with a Unicode character map";
    files.push_back({path, ttf, {}});
    return std::nullopt;
  };
  const std::string bold_path = plan.bold.empty() ? plan.regular : plan.bold;
  if (auto e = open(plan.regular, true)) return e;
  if (auto e = open(bold_path, true)) return e;
  const std::size_t regular_file = *find_file(plan.regular), bold_file = *find_file(bold_path);

  // Each face's characters go to the first file of its chain that has a glyph, else to the
  // first fallback font that has one: the plan's own list, then the installed fonts fontconfig
  // finds for what is still missing (read only when something is missing).
  const std::vector<std::size_t> file_chain[2] = {{regular_file}, {bold_file, regular_file}};
  std::set<char32_t> needed[2];
  needed[0].insert(regular_chars.begin(), regular_chars.end());
  needed[1].insert(bold_chars.begin(), bold_chars.end());
  for (std::set<char32_t>& n : needed) n.insert(U'?');  // the last-resort stand-in for a missing glyph
  auto in_chain = [&](int face, char32_t c) -> std::optional<std::size_t> {
    for (std::size_t f : file_chain[face])
      if (files[f].ttf->has_glyph(c)) return f;
    return std::nullopt;
  };
  auto in_fallbacks = [&](char32_t c) -> std::optional<std::size_t> {
    for (std::size_t f = 2; f < files.size(); ++f)
      if (files[f].ttf->has_glyph(c)) return f;
    return std::nullopt;
  };
  std::set<char32_t> unplaced;
  for (int face = 0; face < 2; ++face)
    for (const char32_t c : needed[face])
      if (!in_chain(face, c)) unplaced.insert(c);
  if (!unplaced.empty()) {
    for (const std::string& path : plan.fallbacks) (void)open(path, false);
    if (plan.system_fallbacks) {
      std::vector<char32_t> rest;
      for (char32_t c : unplaced)
        if (!in_fallbacks(c)) rest.push_back(c);
      for (const std::string& path : fonts_covering(rest)) (void)open(path, false);
    }
  }
  bool any_missing = false;
  for (int face = 0; face < 2; ++face)
    for (const char32_t c : needed[face]) {
      std::optional<std::size_t> file = in_chain(face, c);
      if (!file) file = in_fallbacks(c);
      if (file) files[*file].chars.insert(c);
      else any_missing = true;  // missing everywhere: drawn as the replacement mark, reported by glyph()
    }
  // The replacement mark only when it is needed: it would cost a custom encoding in every PDF.
  for (int face = 0; any_missing && face < 2; ++face) {
    std::optional<std::size_t> file = in_chain(face, kReplacementMark);
    if (!file) file = in_fallbacks(kReplacementMark);
    if (file) files[*file].chars.insert(kReplacementMark);
  }

  std::vector<std::vector<int>> slots_of(files.size());  // file -> its slots, WinAnsi first
  for (std::size_t i = 0; i < files.size(); ++i) {
    FontFile& file = files[i];
    if (file.chars.empty()) continue;
    const char* name = load_font_subset(file.ttf->subset(std::vector<char32_t>(file.chars.begin(), file.chars.end())));
    if (!name) return libharu_error("loading font " + file.path).value_or("the PDF library could not load font " + file.path);

    // WinAnsi where it names the character (U+00A0 and U+00AD are named "space" and "hyphen"
    // there, which a viewer would look up as U+0020 and U+002D), custom encodings for the rest.
    std::vector<char32_t> winansi, others;
    for (char32_t c : file.chars) (to_cp1252(c) && c != 0xA0 && c != 0xAD ? winansi : others).push_back(c);
    auto add_slot = [&](const char* encoding, CodeMap code) -> std::optional<std::string> {
      HPDF_Font font = HPDF_GetFont(doc_, name, encoding);
      if (!font) return libharu_error("loading font " + file.path).value_or("the PDF library could not load font " + file.path);
      slots_of[i].push_back(static_cast<int>(slots_.size()));
      slots_.push_back({font, std::make_shared<const CodeMap>(std::move(code))});
      return std::nullopt;
    };
    if (!winansi.empty()) {
      CodeMap code;
      for (char32_t c : winansi) code[c] = *to_cp1252(c);
      if (auto e = add_slot("WinAnsiEncoding", std::move(code))) return e;
    }
    for (std::size_t from = 0; from < others.size(); from += kCustomCapacity) {
      const std::span<const char32_t> chunk(others.data() + from, std::min(kCustomCapacity, others.size() - from));
      CodeMap code;
      for (std::size_t k = 0; k < chunk.size(); ++k) code[chunk[k]] = static_cast<unsigned char>(kFirstCustomByte + k);
      const std::string encoding = "Escalate-" + std::to_string(i) + "-" + std::to_string(from / kCustomCapacity);
      if (auto e = register_custom_encoding(encoding, chunk)) return e;
      if (auto e = add_slot(encoding.c_str(), std::move(code))) return e;
      if (auto e = add_to_unicode(slots_.back().font, chunk)) return e;
    }
  }
  for (int face = 0; face < 2; ++face) {
    std::vector<std::size_t> order = file_chain[face];
    for (std::size_t f = 2; f < files.size(); ++f) order.push_back(f);
    for (std::size_t f : order)
      for (int slot : slots_of[f])
        if (std::find(chain_[face].begin(), chain_[face].end(), slot) == chain_[face].end()) chain_[face].push_back(slot);
  }
  return std::nullopt;
}

// What HPDF_LoadTTFontFromFile does once it has opened the file (libharu 2.3's
// LoadTTFontFromStream), with the bytes in memory: the same font definition, the same subset
// tag (the document's counter, "HPDFAA" first), hence the same PDF bytes.
const char* Document::load_font_subset(std::string subset) {
  auto bytes = std::make_unique<FontBytes>();
  bytes->data = std::move(subset);
  auto stream = static_cast<HPDF_Stream>(HPDF_GetMem(doc_->mmgr, sizeof(HPDF_Stream_Rec)));
  if (!stream) return nullptr;
  std::memset(stream, 0, sizeof(HPDF_Stream_Rec));
  stream->sig_bytes = HPDF_STREAM_SIG_BYTES;
  stream->type = HPDF_STREAM_FILE;  // read-only, seekable: what libharu's file reader is
  stream->error = doc_->mmgr->error;
  stream->mmgr = doc_->mmgr;
  stream->read_fn = font_read;
  stream->seek_fn = font_seek;
  stream->tell_fn = font_tell;
  stream->size_fn = font_size;
  stream->free_fn = font_free;
  stream->attr = bytes.get();
  font_bytes_.push_back(std::move(bytes));
  HPDF_FontDef def = HPDF_TTFontDef_Load(doc_->mmgr, stream, HPDF_TRUE);  // frees the stream on failure
  if (!def) return nullptr;
  if (HPDF_FontDef known = HPDF_Doc_FindFontDef(doc_, def->base_font)) {
    HPDF_FontDef_Free(def);
    return known->base_font;
  }
  if (HPDF_Doc_RegisterFontDef(doc_, def) != HPDF_OK) return nullptr;  // frees def on failure
  if (doc_->ttfont_tag[0] == 0) {
    std::memcpy(doc_->ttfont_tag, "HPDFAA", 6);
  } else {
    for (int i = 5; i >= 0; --i) {
      if (++doc_->ttfont_tag[i] <= 'Z') break;
      doc_->ttfont_tag[i] = 'A';
    }
  }
  HPDF_TTFontDef_SetTagName(def, reinterpret_cast<char*>(doc_->ttfont_tag));
  return def->base_font;
}

std::optional<std::string> Document::register_custom_encoding(const std::string& name,
                                                              std::span<const char32_t> chars) {
  HPDF_Encoder encoder = HPDF_BasicEncoder_New(doc_->mmgr, "WinAnsiEncoding");
  if (!encoder) return libharu_error("creating a font encoding").value_or("the PDF library could not create an encoding");
  std::snprintf(encoder->name, sizeof encoder->name, "%s", name.c_str());
  auto* attr = static_cast<HPDF_BasicEncoderAttr>(encoder->attr);
  for (std::size_t k = 0; k < chars.size(); ++k) {
    const std::size_t byte = kFirstCustomByte + k;
    attr->unicode_map[byte] = static_cast<HPDF_UNICODE>(chars[k]);  // libharu's widths come from here
    attr->differences[byte] = 1;
  }
  attr->has_differences = HPDF_TRUE;
  attr->first_char = static_cast<HPDF_BYTE>(kFirstCustomByte);  // the /Widths array covers just these
  attr->last_char = static_cast<HPDF_BYTE>(kFirstCustomByte + chars.size() - 1);
  encoder->write_fn = &write_custom_encoding;
  if (HPDF_Doc_RegisterEncoder(doc_, encoder) != HPDF_OK) {
    HPDF_Encoder_Free(encoder);
    return libharu_error("registering a font encoding").value_or("the PDF library refused encoding " + name);
  }
  return std::nullopt;
}

std::optional<std::string> Document::add_to_unicode(HPDF_Font font, std::span<const char32_t> chars) {
  HPDF_Dict stream = HPDF_DictStream_New(doc_->mmgr, doc_->xref);
  if (!stream) return libharu_error("creating a ToUnicode map").value_or("the PDF library could not create a stream");
  stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  const std::string cmap = to_unicode_cmap(chars);
  if (HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(cmap.data()),
                        static_cast<HPDF_UINT>(cmap.size())) != HPDF_OK ||
      HPDF_Dict_Add(font, "ToUnicode", stream) != HPDF_OK)
    return libharu_error("writing a ToUnicode map").value_or("the PDF library could not write a ToUnicode map");
  return std::nullopt;
}

Document::Glyph& Document::GlyphCache::add(char32_t c) {
  if (c > 0xFFFF) return astral_[c];
  auto& page = pages_[c >> 8];
  if (!page) page = std::make_unique<std::array<Glyph, 256>>();
  return (*page)[c & 0xFF];
}

Document::Glyph& Document::glyph(Face face, char32_t c) {
  Glyph& cached = glyphs_[static_cast<int>(face)][c];
  if (cached.known) return cached;
  Glyph g;
  for (int s : chain_[static_cast<int>(face)]) {
    const Slot& slot = slots_[static_cast<std::size_t>(s)];
    if (!slot.shows(c)) continue;
    const HPDF_BYTE byte = slot.code->at(c);
    const HPDF_TextWidth tw = HPDF_Font_TextWidth(slot.font, &byte, 1);
    g.slot = s;
    g.advance = tw.width / 1000.0;
    break;
  }
  if (g.slot < 0) {
    // The replacement mark where a font has it, else '?' (every font has that).
    if (c != kReplacementMark && c != U'?') {
      g = glyph(face, kReplacementMark);
      g.shown = kReplacementMark;
    }
    if (g.slot < 0 && c != U'?') {
      g = glyph(face, U'?');
      g.shown = U'?';
    }
    g.missing = true;
  }
  if (g.slot >= 0) {
    const Slot& slot = slots_[static_cast<std::size_t>(g.slot)];
    const auto it = slot.code->find(g.shown.value_or(c));
    g.byte = it != slot.code->end() ? it->second : '?';
  }
  g.known = true;
  g.measured = g.drawn = false;
  return cached = g;
}

void Document::note_missing(Face face, char32_t c, std::vector<char32_t>& into) {
  if (!glyph(face, c).missing) return;
  into.push_back(c);
  if (c == U'?') return;
  if (c != kReplacementMark) {
    if (!glyph(face, kReplacementMark).missing) return;
    into.push_back(kReplacementMark);
  }
  if (glyph(face, U'?').missing) into.push_back(U'?');
}

std::vector<char32_t> Document::missing_glyphs() const {
  std::vector<char32_t> out;
  for (const std::vector<char32_t>* list : {&missing_measured_, &missing_drawn_})
    for (char32_t c : *list)
      if (std::find(out.begin(), out.end(), c) == out.end()) out.push_back(c);
  return out;
}

double Document::advance(Face face, char32_t c) {
  if (slots_.empty()) return 0.5;
  Glyph& g = glyph(face, c);
  if (!g.measured) {
    g.measured = true;
    if (g.missing) note_missing(face, c, missing_measured_);
  }
  return g.advance;
}

void Document::begin_text() {
  if (!in_text_) HPDF_Page_BeginText(page_);
  in_text_ = true;
}

void Document::end_text() {
  if (in_text_) HPDF_Page_EndText(page_);
  in_text_ = false;
}

void Document::set_fill(Rgb c) {
  if (cur_fill_ == c) return;
  HPDF_Page_SetRGBFill(page_, c.r, c.g, c.b);
  cur_fill_ = c;
}

void Document::set_stroke(Rgb c, double line_width) {
  if (cur_stroke_ != c) HPDF_Page_SetRGBStroke(page_, c.r, c.g, c.b);
  if (cur_line_width_ != line_width) HPDF_Page_SetLineWidth(page_, r2(line_width));
  cur_stroke_ = c;
  cur_line_width_ = line_width;
}

void Document::text(Face face, double size, double x, double y, std::u32string_view text, Rgb color) {
  if (!page_ || text.empty() || failed()) return;
  begin_text();
  set_fill(color);
  std::size_t i = 0;
  std::string run;
  while (i < text.size()) {
    // A run of characters drawn with the same font.
    const int slot = glyph(face, text[i]).slot;
    run.clear();
    double run_width = 0;
    for (; i < text.size(); ++i) {
      Glyph& g = glyph(face, text[i]);
      if (g.slot != slot) break;
      if (!g.drawn) {
        g.drawn = true;
        if (g.missing) note_missing(face, text[i], missing_drawn_);
      }
      run.push_back(static_cast<char>(g.byte));
      run_width += g.advance * size;
    }
    if (slot >= 0) {
      const Slot& s = slots_[static_cast<std::size_t>(slot)];
      if (s.font != cur_font_ || size != cur_size_) HPDF_Page_SetFontAndSize(page_, s.font, r2(size));
      cur_font_ = s.font;
      cur_size_ = size;
      HPDF_Page_TextOut(page_, r2(x), r2(y), run.c_str());
    }
    x += run_width;
  }
}

void Document::fill_rect(double x, double y, double w, double h, Rgb c) {
  if (!page_ || failed()) return;
  end_text();
  set_fill(c);
  HPDF_Page_Rectangle(page_, r2(x), r2(y), r2(w), r2(h));
  HPDF_Page_Fill(page_);
}

void Document::stroke_rect(double x, double y, double w, double h, double line_width, Rgb c) {
  if (!page_ || failed()) return;
  end_text();
  set_stroke(c, line_width);
  HPDF_Page_Rectangle(page_, r2(x), r2(y), r2(w), r2(h));
  HPDF_Page_Stroke(page_);
}

void Document::line(double x1, double y1, double x2, double y2, double line_width, Rgb c, bool dashed) {
  if (!page_ || failed()) return;
  end_text();
  set_stroke(c, line_width);
  if (dashed) {
    static const HPDF_UINT16 pattern[] = {2, 2};
    HPDF_Page_SetDash(page_, pattern, 2, 0);
  }
  HPDF_Page_MoveTo(page_, r2(x1), r2(y1));
  HPDF_Page_LineTo(page_, r2(x2), r2(y2));
  HPDF_Page_Stroke(page_);
  if (dashed) HPDF_Page_SetDash(page_, nullptr, 0, 0);
}

void Document::ellipse(double cx, double cy, double rx, double ry, double line_width, Rgb c) {
  if (!page_ || failed()) return;
  end_text();
  set_stroke(c, line_width);
  HPDF_Page_Ellipse(page_, r2(cx), r2(cy), r2(rx), r2(ry));
  HPDF_Page_Stroke(page_);
}

void Document::fill_circle(double cx, double cy, double r, Rgb c) {
  if (!page_ || failed()) return;
  end_text();
  // A zero-length line with a round cap is a filled circle (PDF 32000 8.5.3.2): ~30 bytes in the
  // content stream instead of four Bezier curves.
  set_stroke(c, 2 * r);
  HPDF_Page_SetLineCap(page_, HPDF_ROUND_END);
  HPDF_Page_MoveTo(page_, r2(cx), r2(cy));
  HPDF_Page_LineTo(page_, r2(cx), r2(cy));
  HPDF_Page_Stroke(page_);
  HPDF_Page_SetLineCap(page_, HPDF_BUTT_END);
}

// The title in the information dictionary as UTF-16BE with a byte order mark (PDF 32000
// 7.9.2.2: a text string), written as a hex string because it holds NUL bytes, which
// HPDF_SetInfoAttr's C string cannot; /DisplayDocTitle so viewers show it instead of the file
// name; the document's natural language as the catalog's /Lang (14.9.2), which screen readers
// use to pick a voice. libharu's public API offers neither /Lang nor /DisplayDocTitle: the
// catalog is reached through the document structure its installed hpdf_doc.h declares, and
// entries are added with the exported dictionary functions, as for the encodings above.
std::optional<std::string> Document::set_title_and_language(const DocumentInfo& info) {
  std::string utf16 = "\xFE\xFF";
  for (char32_t c : decode_utf8(info.title)) {
    if (c > 0xFFFF) {  // a surrogate pair
      const char32_t v = c - 0x10000;
      for (char32_t unit : {0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)}) {
        utf16 += static_cast<char>(unit >> 8);
        utf16 += static_cast<char>(unit & 0xFF);
      }
    } else {
      utf16 += static_cast<char>(c >> 8);
      utf16 += static_cast<char>(c & 0xFF);
    }
  }
  if (HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, "-") != HPDF_OK || !doc_->info)  // creates the dictionary
    return libharu_error("setting the title").value_or("the PDF library could not set the title");
  HPDF_Binary title = HPDF_Binary_New(doc_->mmgr, reinterpret_cast<HPDF_BYTE*>(utf16.data()),
                                      static_cast<HPDF_UINT>(utf16.size()));
  HPDF_Dict prefs = HPDF_Dict_New(doc_->mmgr);
  if (!title || HPDF_Dict_Add(doc_->info, "Title", title) != HPDF_OK || !prefs ||
      HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE) != HPDF_OK ||
      HPDF_Dict_Add(doc_->catalog, "ViewerPreferences", prefs) != HPDF_OK)
    return libharu_error("setting the title").value_or("the PDF library could not set the title");
  if (!info.language.empty()) {
    HPDF_String lang = HPDF_String_New(doc_->mmgr, info.language.c_str(), nullptr);
    if (!lang || HPDF_Dict_Add(doc_->catalog, "Lang", lang) != HPDF_OK)
      return libharu_error("setting the language").value_or("the PDF library could not set the language");
  }
  return std::nullopt;
}

std::optional<std::string> Document::save(const DocumentInfo& info, std::string& out) {
  out.clear();
  if (page_ && !failed()) end_text();
  if (auto e = libharu_error("drawing the page")) return e;
  if (!page_) return "the PDF has no page";
  HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "escalate");
  if (auto e = set_title_and_language(info)) return e;
  if (info.creation_epoch) {
    const auto t = static_cast<std::time_t>(*info.creation_epoch);
    std::tm tm{};
    if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 < 1 || tm.tm_year + 1900 > 9999) return "SOURCE_DATE_EPOCH is out of range";
    HPDF_Date date{};
    date.year = tm.tm_year + 1900;
    date.month = tm.tm_mon + 1;
    date.day = tm.tm_mday;
    date.hour = tm.tm_hour;
    date.minutes = tm.tm_min;
    date.seconds = tm.tm_sec;
    date.ind = 'Z';
    HPDF_SetInfoDateAttr(doc_, HPDF_INFO_CREATION_DATE, date);
  }
  if (auto e = libharu_error("setting the document information")) return e;
  if (HPDF_SaveToStream(doc_) != HPDF_OK)
    return libharu_error("writing the PDF").value_or("the PDF library could not write the PDF");
  const HPDF_UINT32 size = HPDF_GetStreamSize(doc_);
  if (size == 0) return libharu_error("writing the PDF").value_or("the PDF library wrote an empty PDF");
  out.resize(size);
  std::size_t got = 0;
  while (got < size) {
    HPDF_UINT32 n = size - static_cast<HPDF_UINT32>(got);
    const HPDF_STATUS st = HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(&out[got]), &n);
    if (n == 0 || (st != HPDF_OK && st != HPDF_STREAM_EOF)) break;
    got += n;
  }
  // ReadFromStream reports the end of the stream through the error state: that one is fine.
  if (got == size && error_code_ == HPDF_STREAM_EOF) error_code_ = HPDF_OK;
  HPDF_ResetError(doc_);
  if (got != size || error_code_ != HPDF_OK) {
    out.clear();
    return libharu_error("reading the PDF back").value_or("the PDF library returned a truncated PDF");
  }
  return std::nullopt;
}

}  // namespace esc::pdf
