#include "render/pdf_document.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>

#include "render/pdf_text.h"
#include "render/ttf_subset.h"

namespace esc::pdf {

namespace {

// Single-byte code pages tried for an embedded font, in order; "UTF-8" (a CID font) is last.
constexpr std::array<const char*, 6> kCodePages = {"WinAnsiEncoding", "CP1250", "CP1251",
                                                   "CP1253",          "CP1254", "CP1257"};
constexpr int kUtf8 = static_cast<int>(kCodePages.size());

std::string hex(unsigned v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%04X", v);
  return buf;
}

// Coordinates to 1/100 pt: shorter numbers in the content stream, and nobody sees 1/100 pt.
HPDF_REAL r2(double v) { return static_cast<HPDF_REAL>(std::round(v * 100.0) / 100.0); }

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
  if (doc_) HPDF_Free(doc_);
  for (int fd : font_fds_) ::close(fd);
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
  std::unordered_map<char32_t, unsigned char> winansi;
  for (unsigned b = 0x20; b <= 0xFF; ++b)
    if (auto c = from_cp1252(static_cast<unsigned char>(b))) winansi[*c] = static_cast<unsigned char>(b);
  for (const char* name : {"Helvetica", "Helvetica-Bold"}) {
    HPDF_Font f = HPDF_GetFont(doc_, name, "WinAnsiEncoding");
    if (!f) return libharu_error("loading the Helvetica font").value_or("the PDF library could not load Helvetica");
    slots_.push_back({f, false, winansi, {}});
  }
  chain_[0] = {0};
  chain_[1] = {1, 0};
  return std::nullopt;
}

std::optional<std::string> Document::start_embedded(const FontPlan& plan, std::u32string_view regular_chars,
                                                    std::u32string_view bold_chars) {
  struct FontFile {
    std::string path;
    std::optional<TrueTypeFont> ttf;
    std::vector<char32_t> chars;         // what the subset must hold
    std::map<int, std::vector<char32_t>> by_encoding;  // code page index (kUtf8 for UTF-8) -> chars
  };
  std::vector<FontFile> files;
  auto find_file = [&](const std::string& path) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < files.size(); ++i)
      if (files[i].path == path) return i;
    return std::nullopt;
  };
  auto open = [&](const std::string& path, bool required) -> std::optional<std::string> {
    if (find_file(path)) return std::nullopt;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec))
      return required ? std::optional<std::string>("font file " + path +
                                                   " does not exist (install fonts-dejavu-core, or set `font:` in "
                                                   ".escalate.yaml or --font to a TrueType font)")
                      : std::nullopt;
    std::string why;
    auto ttf = TrueTypeFont::open(path, &why);
    if (!ttf)
      return required ? std::optional<std::string>("font file " + path + " cannot be used: " + why) : std::nullopt;
    files.push_back({path, std::move(ttf), {}, {}});
    return std::nullopt;
  };
  const std::string bold_path = plan.bold.empty() ? plan.regular : plan.bold;
  if (auto e = open(plan.regular, true)) return e;
  if (auto e = open(bold_path, true)) return e;
  const std::size_t regular_file = *find_file(plan.regular), bold_file = *find_file(bold_path);

  // Character -> byte of each code page, from libharu's own tables.
  std::array<std::unordered_map<char32_t, unsigned char>, kCodePages.size()> code_pages;
  for (std::size_t e = 0; e < kCodePages.size(); ++e) {
    HPDF_Encoder encoder = HPDF_GetEncoder(doc_, kCodePages[e]);
    if (!encoder) return libharu_error("loading the code pages").value_or("the PDF library has no code page tables");
    for (unsigned b = 0x20; b <= 0xFF; ++b) {
      const HPDF_UNICODE u = HPDF_Encoder_GetUnicode(encoder, static_cast<HPDF_UINT16>(b));
      if (u >= 0x20 && !(u >= 0x7F && u < 0xA0)) code_pages[e].emplace(static_cast<char32_t>(u), static_cast<unsigned char>(b));
    }
  }

  // Each face's characters go to the first file of its chain that has a glyph, in the first
  // code page that has the character.
  const std::vector<std::size_t> file_chain[2] = {{regular_file}, {bold_file, regular_file}};
  std::map<char32_t, bool> needed[2];
  for (char32_t c : regular_chars) needed[0][c] = true;
  for (char32_t c : bold_chars) needed[1][c] = true;
  needed[0][U'?'] = needed[1][U'?'] = true;  // the stand-in for missing glyphs
  bool fallbacks_opened = false;
  for (int face = 0; face < 2; ++face)
    for (const auto& entry : needed[face]) {
      const char32_t c = entry.first;
      std::optional<std::size_t> file;
      for (std::size_t f : file_chain[face])
        if (!file && files[f].ttf->has_glyph(c)) file = f;
      if (!file && !fallbacks_opened) {  // read fallback fonts only when something is missing
        fallbacks_opened = true;
        for (const std::string& path : plan.fallbacks) (void)open(path, false);
      }
      for (std::size_t f = 2; !file && f < files.size(); ++f)
        if (files[f].ttf->has_glyph(c)) file = f;
      if (!file) continue;  // missing everywhere: drawn as '?', reported by glyph()
      int encoding = kUtf8;
      for (std::size_t e = 0; e < code_pages.size() && encoding == kUtf8; ++e)
        if (code_pages[e].contains(c)) encoding = static_cast<int>(e);
      files[*file].chars.push_back(c);
      auto& list = files[*file].by_encoding[encoding];
      if (std::find(list.begin(), list.end(), c) == list.end()) list.push_back(c);
    }

  bool utf8_enabled = false;
  std::vector<std::map<int, int>> slot_of(files.size());  // file -> encoding -> slot
  for (std::size_t i = 0; i < files.size(); ++i) {
    FontFile& file = files[i];
    if (file.chars.empty()) continue;
    const std::string subset = file.ttf->subset(file.chars);
    // libharu loads TrueType only from a path and reads it again when saving: hand it an
    // in-memory file that lives as long as the document.
    const int fd = ::memfd_create("escalate-font", MFD_CLOEXEC);
    if (fd < 0) return "cannot create an in-memory file for the font subset of " + file.path;
    font_fds_.push_back(fd);
    for (std::size_t written = 0; written < subset.size();) {
      const ssize_t n = ::write(fd, subset.data() + written, subset.size() - written);
      if (n <= 0) return "cannot write the font subset of " + file.path + " to memory";
      written += static_cast<std::size_t>(n);
    }
    const std::string fd_path = "/proc/self/fd/" + std::to_string(fd);
    const char* name = HPDF_LoadTTFontFromFile(doc_, fd_path.c_str(), HPDF_TRUE);
    if (!name) return libharu_error("loading font " + file.path).value_or("the PDF library could not load font " + file.path);
    for (const auto& [encoding, chars] : file.by_encoding) {
      if (encoding == kUtf8 && !utf8_enabled) {
        if (HPDF_UseUTFEncodings(doc_) != HPDF_OK) return libharu_error("enabling UTF-8");
        utf8_enabled = true;
      }
      HPDF_Font font = HPDF_GetFont(doc_, name, encoding == kUtf8 ? "UTF-8" : kCodePages[static_cast<std::size_t>(encoding)]);
      if (!font) return libharu_error("loading font " + file.path).value_or("the PDF library could not load font " + file.path);
      Slot slot{font, encoding == kUtf8, {}, {}};
      for (char32_t c : chars) {
        if (slot.utf8) slot.has[c] = true;
        else slot.code[c] = code_pages[static_cast<std::size_t>(encoding)].at(c);
      }
      slot_of[i][encoding] = static_cast<int>(slots_.size());
      slots_.push_back(std::move(slot));
    }
  }
  for (int face = 0; face < 2; ++face) {
    std::vector<std::size_t> order = file_chain[face];
    for (std::size_t f = 2; f < files.size(); ++f) order.push_back(f);
    for (std::size_t f : order)
      for (const auto& [encoding, slot] : slot_of[f]) {
        (void)encoding;
        if (std::find(chain_[face].begin(), chain_[face].end(), slot) == chain_[face].end()) chain_[face].push_back(slot);
      }
  }
  return std::nullopt;
}

std::string Document::encode(const Slot& slot, std::u32string_view text) const {
  if (slot.utf8) return encode_utf8(text);
  std::string out;
  for (char32_t c : text) {
    auto it = slot.code.find(c);
    out.push_back(static_cast<char>(it != slot.code.end() ? it->second : '?'));
  }
  return out;
}

const Document::Glyph& Document::glyph(Face face, char32_t c) {
  auto& cache = glyphs_[static_cast<int>(face)];
  if (auto it = cache.find(c); it != cache.end()) return it->second;
  Glyph g;
  for (int s : chain_[static_cast<int>(face)]) {
    const Slot& slot = slots_[static_cast<std::size_t>(s)];
    if (!slot.shows(c)) continue;
    const std::string bytes = encode(slot, std::u32string_view(&c, 1));
    const HPDF_TextWidth tw = HPDF_Font_TextWidth(slot.font, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                                  static_cast<HPDF_UINT>(bytes.size()));
    g = {s, tw.width / 1000.0};
    break;
  }
  if (g.slot < 0) {
    if (std::find(missing_.begin(), missing_.end(), c) == missing_.end()) missing_.push_back(c);
    if (c != U'?') g = glyph(face, U'?');  // every font has '?'; a copy, the cache may grow
  }
  return cache[c] = g;
}

double Document::advance(Face face, char32_t c) {
  if (slots_.empty()) return 0.5;
  return glyph(face, c).advance;
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
  while (i < text.size()) {
    // A run of characters drawn with the same font.
    const int slot = glyph(face, text[i]).slot;
    std::u32string run;
    double run_width = 0;
    for (; i < text.size() && glyph(face, text[i]).slot == slot; ++i) {
      const bool shown = slot >= 0 && slots_[static_cast<std::size_t>(slot)].shows(text[i]);
      run.push_back(shown ? text[i] : U'?');
      run_width += glyph(face, text[i]).advance * size;
    }
    if (slot >= 0) {
      const Slot& s = slots_[static_cast<std::size_t>(slot)];
      if (s.font != cur_font_ || size != cur_size_) HPDF_Page_SetFontAndSize(page_, s.font, r2(size));
      cur_font_ = s.font;
      cur_size_ = size;
      HPDF_Page_TextOut(page_, r2(x), r2(y), encode(s, run).c_str());
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

std::optional<std::string> Document::save(const DocumentInfo& info, std::string& out) {
  out.clear();
  if (page_ && !failed()) end_text();
  if (auto e = libharu_error("drawing the page")) return e;
  if (!page_) return "the PDF has no page";
  HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, info.title.c_str());
  HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "escalate");
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
