#include "render/readout_pdf.h"

#include <cstdio>
#include <filesystem>

#include "render/pdf_document.h"
#include "render/pdf_text.h"
#include "render/readout_content.h"
#include "render/readout_layout.h"

namespace esc {

namespace {

constexpr double kA4Width = 595.276, kA4Height = 841.89;

// Characters every page may show whatever the record says: clock digits, the "?" that stands in
// for a missing glyph, the ellipsis of shortened labels.
constexpr std::u32string_view kAlwaysNeeded = U" 0123456789:?\u2026";

std::string bold_beside(const std::string& regular) {
  const std::filesystem::path p(regular);
  const std::filesystem::path bold = p.parent_path() / (p.stem().string() + "-Bold" + p.extension().string());
  std::error_code ec;
  return std::filesystem::is_regular_file(bold, ec) ? bold.string() : regular;
}

std::string code_point(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

}  // namespace

std::vector<std::string> default_fallback_fonts() {
  return {"/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
          "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
          "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
          "/usr/share/fonts/truetype/arphic/uming.ttc",
          "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
          "/usr/share/fonts/truetype/unifont/unifont.ttf"};
}

ReadoutResult render_readout(const Record& record, const Config& config, const Calendar& calendar,
                             const ReadoutOptions& options) {
  ReadoutResult result;
  const readout::Content content = readout::build_content(record, config, calendar, options.draft);

  // Pass 1: which characters each face shows, to choose and subset the fonts.
  readout::Pen collector(nullptr, readout::Pen::Mode::collect);
  readout::layout_page(collector, content, readout::kBodySizes[0], kA4Width, kA4Height);
  std::u32string regular_chars = collector.chars(pdf::Face::regular);
  std::u32string bold_chars = collector.chars(pdf::Face::bold);
  regular_chars += kAlwaysNeeded;
  bold_chars += kAlwaysNeeded;

  const std::string configured = !options.font.empty() ? options.font : config.font;
  bool winansi = true;
  for (const std::u32string* chars : {&regular_chars, &bold_chars})
    for (char32_t c : *chars)
      if (!pdf::to_cp1252(c)) winansi = false;
  pdf::FontPlan plan;
  plan.base14 = options.allow_base14 && configured.empty() && winansi;
  plan.regular = configured.empty() ? kDefaultReadoutFont : configured;
  plan.bold = !options.bold_font.empty() ? options.bold_font
              : configured.empty()       ? kDefaultReadoutBoldFont
                                         : bold_beside(configured);
  plan.fallbacks = options.fallback_fonts;
  result.embedded_fonts = !plan.base14;

  pdf::Document doc;
  if (auto e = doc.start(plan, regular_chars, bold_chars)) {
    result.error = *e;
    return result;
  }

  // Pass 2: the largest body size at which everything fits above the footer.
  const double limit = readout::kMargin + 2;
  double lowest = 0;
  for (double size : readout::kBodySizes) {
    readout::Pen measurer(&doc, readout::Pen::Mode::measure);
    lowest = readout::layout_page(measurer, content, size, doc.page_width(), doc.page_height());
    if (lowest >= limit) {
      result.body_size = size;
      break;
    }
  }
  if (result.body_size == 0) {
    Diagnostic d;
    d.rule = "readout-one-page";
    d.severity = Severity::error;
    d.file = record.file;
    const bool has_readout = record.readout.present;
    d.mark = has_readout ? record.readout.loc.mark : record.root.mark;
    d.node_path = has_readout ? "readout" : "";
    d.record_id = record.id ? *record.id : "";
    const int over = static_cast<int>(100.0 * (limit - lowest) / (doc.page_height() - 2 * readout::kMargin) + 0.999);
    d.message = "the exec readout does not fit one A4 page even at 8 pt (about " + std::to_string(over) +
                "% too long): shorten the impact summary, root cause, resolution actions, breach detail, "
                "sentiment or commitments";
    result.findings.push_back(std::move(d));
    return result;
  }

  // Pass 3: draw.
  readout::Pen painter(&doc, readout::Pen::Mode::draw);
  readout::layout_page(painter, content, result.body_size, doc.page_width(), doc.page_height());

  for (char32_t c : doc.missing_glyphs())
    result.warnings.push_back("the readout font has no glyph for '" + pdf::encode_utf8(std::u32string(1, c)) +
                              "' (" + code_point(c) + "); it is shown as '?' (install a font that has it, "
                              "e.g. fonts-droid-fallback, or set `font:` in .escalate.yaml)");

  pdf::DocumentInfo info;
  info.title = std::string(options.draft ? "DRAFT - " : "") + "Executive readout " + content.id;
  for (char& ch : info.title)
    if (static_cast<unsigned char>(ch) < 0x20 || static_cast<unsigned char>(ch) > 0x7E) ch = '?';
  info.creation_epoch = options.source_date_epoch;
  if (auto e = doc.save(info, result.pdf)) {
    result.pdf.clear();
    result.error = *e;
  }
  return result;
}

}  // namespace esc
