#include "render/pdf_document.h"

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>

#include "render/pdf_text.h"
#include "render/ttf_subset.h"

namespace esc::pdf {

namespace {

std::string hex(unsigned v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%04X", v);
  return buf;
}

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

  if (plan.base14) {
    for (const char* name : {"Helvetica", "Helvetica-Bold"}) {
      HPDF_Font f = HPDF_GetFont(doc_, name, "WinAnsiEncoding");
      if (!f) return libharu_error("loading the Helvetica font").value_or("the PDF library could not load Helvetica");
      slots_.push_back({f, true});
      slot_has_.emplace_back();
    }
    chain_[0] = {0};
    chain_[1] = {1, 0};
  } else {
    // Which characters each font file must show: a face's characters go to the first file of
    // its chain that has them.
    struct FontFile {
      std::string path;
      std::optional<TrueTypeFont> ttf;
      std::vector<char32_t> chars;
    };
    std::vector<FontFile> files;
    auto file_index = [&](const std::string& path) -> std::optional<std::size_t> {
      for (std::size_t i = 0; i < files.size(); ++i)
        if (files[i].path == path) return i;
      return std::nullopt;
    };
    auto open = [&](const std::string& path, bool required) -> std::optional<std::string> {
      if (file_index(path)) return std::nullopt;
      std::error_code ec;
      if (!std::filesystem::exists(path, ec))
        return required ? std::optional<std::string>(
                              "font file " + path + " does not exist (install fonts-dejavu-core, or set `font:` "
                              "in .escalate.yaml or --font to a TrueType font)")
                        : std::nullopt;
      std::string why;
      auto ttf = TrueTypeFont::open(path, &why);
      if (!ttf) return required ? std::optional<std::string>("font file " + path + " cannot be used: " + why)
                                : std::nullopt;
      files.push_back({path, std::move(ttf), {}});
      return std::nullopt;
    };
    if (auto e = open(plan.regular, true)) return e;
    if (auto e = open(plan.bold.empty() ? plan.regular : plan.bold, true)) return e;
    std::vector<std::size_t> chains[2];
    chains[0] = {*file_index(plan.regular)};
    chains[1] = {*file_index(plan.bold.empty() ? plan.regular : plan.bold), *file_index(plan.regular)};
    bool fallbacks_opened = false;
    std::map<char32_t, bool> needed[2];
    for (char32_t c : regular_chars) needed[0][c] = true;
    for (char32_t c : bold_chars) needed[1][c] = true;
    needed[0][U'?'] = needed[1][U'?'] = true;  // the stand-in for missing glyphs
    for (int face = 0; face < 2; ++face) {
      for (auto& [c, unused] : needed[face]) {
        (void)unused;
        bool found = false;
        for (std::size_t f : chains[face])
          if (files[f].ttf->has_glyph(c)) {
            files[f].chars.push_back(c);
            found = true;
            break;
          }
        if (found) continue;
        if (!fallbacks_opened) {  // only read fallback fonts when something is missing
          fallbacks_opened = true;
          for (const std::string& path : plan.fallbacks) (void)open(path, false);
        }
        for (std::size_t f = 2; f < files.size() && !found; ++f)
          if (files[f].ttf->has_glyph(c)) {
            files[f].chars.push_back(c);
            found = true;
          }
      }
    }
    if (HPDF_UseUTFEncodings(doc_) != HPDF_OK) return libharu_error("enabling UTF-8");
    std::vector<int> slot_of_file(files.size(), -1);
    for (std::size_t i = 0; i < files.size(); ++i) {
      FontFile& file = files[i];
      if (file.chars.empty() && i >= 2) continue;
      const std::string subset = file.ttf->subset(file.chars);
      // libharu loads TrueType only from a path and reads it again when saving: hand it an
      // in-memory file that lives as long as the document.
      int fd = ::memfd_create("escalate-font", MFD_CLOEXEC);
      if (fd < 0) return "cannot create an in-memory file for the font subset";
      font_fds_.push_back(fd);
      std::size_t written = 0;
      while (written < subset.size()) {
        const ssize_t n = ::write(fd, subset.data() + written, subset.size() - written);
        if (n <= 0) return "cannot write the font subset to memory";
        written += static_cast<std::size_t>(n);
      }
      const std::string fd_path = "/proc/self/fd/" + std::to_string(fd);
      const char* name = HPDF_LoadTTFontFromFile(doc_, fd_path.c_str(), HPDF_TRUE);
      if (!name) return libharu_error("loading font " + file.path).value_or("the PDF library could not load font " + file.path);
      HPDF_Font font = HPDF_GetFont(doc_, name, "UTF-8");
      if (!font) return libharu_error("loading font " + file.path).value_or("the PDF library could not load font " + file.path);
      std::unordered_map<char32_t, bool> has;
      for (char32_t c : file.chars) has[c] = true;
      slot_of_file[i] = static_cast<int>(slots_.size());
      slots_.push_back({font, false});
      slot_has_.push_back(std::move(has));
    }
    for (int face = 0; face < 2; ++face) {
      for (std::size_t f : chains[face]) chain_[face].push_back(slot_of_file[f]);
      for (std::size_t f = 2; f < files.size(); ++f)
        if (slot_of_file[f] >= 0) chain_[face].push_back(slot_of_file[f]);
    }
  }

  page_ = HPDF_AddPage(doc_);
  if (!page_) return libharu_error("adding the page").value_or("the PDF library could not add a page");
  if (HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT) != HPDF_OK)
    return libharu_error("sizing the page");
  width_ = HPDF_Page_GetWidth(page_);
  height_ = HPDF_Page_GetHeight(page_);
  return libharu_error("setting up the fonts");
}

std::string Document::encode(const Slot& slot, std::u32string_view text) const {
  if (!slot.winansi) return encode_utf8(text);
  std::string out;
  for (char32_t c : text) out.push_back(static_cast<char>(to_cp1252(c).value_or('?')));
  return out;
}

const Document::Glyph& Document::glyph(Face face, char32_t c) {
  auto& cache = glyphs_[static_cast<int>(face)];
  if (auto it = cache.find(c); it != cache.end()) return it->second;
  Glyph g;
  for (int s : chain_[static_cast<int>(face)]) {
    const Slot& slot = slots_[static_cast<std::size_t>(s)];
    const bool has = slot.winansi ? to_cp1252(c).has_value() : slot_has_[static_cast<std::size_t>(s)].contains(c);
    if (!has) continue;
    const std::string bytes = encode(slot, std::u32string_view(&c, 1));
    const HPDF_TextWidth tw = HPDF_Font_TextWidth(slot.font, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                                  static_cast<HPDF_UINT>(bytes.size()));
    g = {s, tw.width / 1000.0};
    break;
  }
  if (g.slot < 0) {
    if (std::find(missing_.begin(), missing_.end(), c) == missing_.end()) missing_.push_back(c);
    g = c == U'?' ? Glyph{chain_[static_cast<int>(face)].empty() ? -1 : chain_[static_cast<int>(face)][0], 0.5}
                  : glyph(face, U'?');
  }
  return cache[c] = g;
}

double Document::advance(Face face, char32_t c) {
  if (slots_.empty()) return 0.5;
  return glyph(face, c).advance;
}

double Document::width(Face face, double size, std::u32string_view text) {
  double w = 0;
  for (char32_t c : text) w += advance(face, c);
  return w * size;
}

void Document::text(Face face, double size, double x, double y, std::u32string_view text, Rgb color) {
  if (!page_ || text.empty() || failed()) return;
  HPDF_Page_SetRGBFill(page_, color.r, color.g, color.b);
  HPDF_Page_BeginText(page_);
  std::size_t i = 0;
  while (i < text.size()) {
    // A run of characters drawn with the same font.
    const int slot = glyph(face, text[i]).slot;
    std::u32string run;
    double run_width = 0;
    for (; i < text.size() && glyph(face, text[i]).slot == slot; ++i) {
      const Glyph& g = glyph(face, text[i]);
      const bool shown = slot >= 0 && (slots_[static_cast<std::size_t>(slot)].winansi
                                           ? to_cp1252(text[i]).has_value()
                                           : slot_has_[static_cast<std::size_t>(slot)].contains(text[i]));
      run.push_back(shown ? text[i] : U'?');
      run_width += g.advance * size;
    }
    if (slot >= 0) {
      const Slot& s = slots_[static_cast<std::size_t>(slot)];
      const std::string bytes = encode(s, run);
      HPDF_Page_SetFontAndSize(page_, s.font, static_cast<HPDF_REAL>(size));
      HPDF_Page_TextOut(page_, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y), bytes.c_str());
    }
    x += run_width;
  }
  HPDF_Page_EndText(page_);
}

void Document::fill_rect(double x, double y, double w, double h, Rgb c) {
  if (!page_ || failed()) return;
  HPDF_Page_SetRGBFill(page_, c.r, c.g, c.b);
  HPDF_Page_Rectangle(page_, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y), static_cast<HPDF_REAL>(w),
                      static_cast<HPDF_REAL>(h));
  HPDF_Page_Fill(page_);
}

void Document::stroke_rect(double x, double y, double w, double h, double line_width, Rgb c) {
  if (!page_ || failed()) return;
  HPDF_Page_SetRGBStroke(page_, c.r, c.g, c.b);
  HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(line_width));
  HPDF_Page_Rectangle(page_, static_cast<HPDF_REAL>(x), static_cast<HPDF_REAL>(y), static_cast<HPDF_REAL>(w),
                      static_cast<HPDF_REAL>(h));
  HPDF_Page_Stroke(page_);
}

void Document::line(double x1, double y1, double x2, double y2, double line_width, Rgb c, bool dashed) {
  if (!page_ || failed()) return;
  HPDF_Page_SetRGBStroke(page_, c.r, c.g, c.b);
  HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(line_width));
  if (dashed) {
    static const HPDF_UINT16 pattern[] = {2, 2};
    HPDF_Page_SetDash(page_, pattern, 2, 0);
  }
  HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(x1), static_cast<HPDF_REAL>(y1));
  HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(x2), static_cast<HPDF_REAL>(y2));
  HPDF_Page_Stroke(page_);
  if (dashed) HPDF_Page_SetDash(page_, nullptr, 0, 0);
}

void Document::ellipse(double cx, double cy, double rx, double ry, double line_width, Rgb c) {
  if (!page_ || failed()) return;
  HPDF_Page_SetRGBStroke(page_, c.r, c.g, c.b);
  HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(line_width));
  HPDF_Page_Ellipse(page_, static_cast<HPDF_REAL>(cx), static_cast<HPDF_REAL>(cy), static_cast<HPDF_REAL>(rx),
                    static_cast<HPDF_REAL>(ry));
  HPDF_Page_Stroke(page_);
}

void Document::fill_circle(double cx, double cy, double r, Rgb c) {
  if (!page_ || failed()) return;
  HPDF_Page_SetRGBFill(page_, c.r, c.g, c.b);
  HPDF_Page_Circle(page_, static_cast<HPDF_REAL>(cx), static_cast<HPDF_REAL>(cy), static_cast<HPDF_REAL>(r));
  HPDF_Page_Fill(page_);
}

void Document::fill_polygon(const std::vector<std::pair<double, double>>& points, Rgb c) {
  if (!page_ || failed() || points.size() < 3) return;
  HPDF_Page_SetRGBFill(page_, c.r, c.g, c.b);
  HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(points[0].first), static_cast<HPDF_REAL>(points[0].second));
  for (std::size_t i = 1; i < points.size(); ++i)
    HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(points[i].first), static_cast<HPDF_REAL>(points[i].second));
  HPDF_Page_ClosePath(page_);
  HPDF_Page_Fill(page_);
}

void Document::polyline(const std::vector<std::pair<double, double>>& points, double line_width, Rgb c) {
  if (!page_ || failed() || points.size() < 2) return;
  HPDF_Page_SetRGBStroke(page_, c.r, c.g, c.b);
  HPDF_Page_SetLineWidth(page_, static_cast<HPDF_REAL>(line_width));
  HPDF_Page_MoveTo(page_, static_cast<HPDF_REAL>(points[0].first), static_cast<HPDF_REAL>(points[0].second));
  for (std::size_t i = 1; i < points.size(); ++i)
    HPDF_Page_LineTo(page_, static_cast<HPDF_REAL>(points[i].first), static_cast<HPDF_REAL>(points[i].second));
  HPDF_Page_Stroke(page_);
}

std::optional<std::string> Document::save(const DocumentInfo& info, std::string& out) {
  out.clear();
  if (auto e = libharu_error("drawing the page")) return e;
  if (!page_) return "the PDF has no page";
  HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, info.title.c_str());
  HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "escalate");
  if (info.creation_epoch) {
    const std::time_t t = static_cast<std::time_t>(*info.creation_epoch);
    std::tm tm{};
    if (!gmtime_r(&t, &tm)) return "SOURCE_DATE_EPOCH is out of range";
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
  if (HPDF_SaveToStream(doc_) != HPDF_OK) return libharu_error("writing the PDF").value_or("the PDF library could not write the PDF");
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
  // ReadFromStream reports end-of-stream through the error state: clear it before judging.
  if (got == size && error_code_ == HPDF_STREAM_EOF) error_code_ = HPDF_OK;
  HPDF_ResetError(doc_);
  if (got != size || error_code_ != HPDF_OK) {
    out.clear();
    return libharu_error("reading the PDF back").value_or("the PDF library returned a truncated PDF");
  }
  return std::nullopt;
}

}  // namespace esc::pdf
