#include "render/readout_pdf.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>

#include "core/rule_registry.h"
#include "core/text.h"
#include "render/pdf_document.h"
#include "render/pdf_text.h"
#include "render/readout_content.h"
#include "render/readout_layout.h"

namespace esc {

namespace {

constexpr double kA4Width = 595.276, kA4Height = 841.89;

// Characters every page may show whatever the record says: clock digits, the ellipsis of
// shortened labels. (The stand-ins for missing glyphs are Document's business.)
constexpr std::u32string_view kAlwaysNeeded = U" 0123456789:\u2026";

// The language of the page's own wording, declared as the PDF's /Lang for screen readers.
constexpr const char* kReadoutLanguage = "en-GB";

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

std::string code_points(const std::u32string& chars) {
  std::string out;
  for (char32_t c : chars) out += concat({out.empty() ? "" : " ", code_point(c)});
  return out;
}

Diagnostic glyph_finding(const Record& record, const Loc& loc, std::string message) {
  Diagnostic d = make_finding(RuleId::readout_glyph);
  d.file = record.file;
  d.mark = loc.mark;
  d.node_path = loc.path;
  if (record.id) d.record_id = *record.id;
  d.message = std::move(message) + playbook_citation(RuleId::readout_glyph);
  return d;
}

// One readout-glyph finding per record field that has characters no font could show or that are
// in a script the page cannot shape, at that field; characters of no field (a currency code from
// the configuration, say) get one finding at the record's `readout` section.
void glyph_findings(const Record& record, const std::vector<char32_t>& missing, std::vector<Diagnostic>& out) {
  std::u32string unplaced(missing.begin(), missing.end());
  auto is_missing = [&](char32_t c) { return std::find(missing.begin(), missing.end(), c) != missing.end(); };
  for (const Text* field : readout::shown_fields(record)) {
    std::u32string lacking;
    std::vector<std::string_view> scripts;
    for (char32_t c : pdf::decode_utf8(**field)) {
      if (is_missing(c) && lacking.find(c) == std::u32string::npos) lacking.push_back(c);
      if (auto script = pdf::script_needing_shaping(c); script && std::find(scripts.begin(), scripts.end(), *script) == scripts.end())
        scripts.push_back(*script);
    }
    std::erase_if(unplaced, [&](char32_t c) { return lacking.find(c) != std::u32string::npos; });
    std::vector<std::string> problems;
    if (!lacking.empty())
      problems.push_back(concat({"'", pdf::encode_utf8(lacking), "' (", code_points(lacking),
                                 lacking.size() == 1 ? ") has no glyph in the readout fonts and is"
                                                     : ") have no glyph in the readout fonts and are",
                                 " shown as '\uFFFD' (install a font that has ", lacking.size() == 1 ? "it" : "them",
                                 ", such as fonts-wqy-microhei for Chinese, Japanese and Korean, or set `font:` in "
                                 ".escalate.yaml)"}));
    for (std::string_view script : scripts)
      problems.push_back(concat({"the ", script, " text needs shaping (joined letters, reordered signs or right-to-left "
                                 "order) that the readout does not do: it is drawn one letter at a time, left to right, "
                                 "and may be unreadable"}));
    if (problems.empty()) continue;
    std::string message = concat({"`", field->loc.path, "` on the readout: "});
    for (std::size_t i = 0; i < problems.size(); ++i) message += concat({i ? "; " : "", problems[i]});
    out.push_back(glyph_finding(record, field->loc, std::move(message)));
  }
  if (!unplaced.empty())
    out.push_back(glyph_finding(
        record, record.readout.present ? record.readout.loc : record.root,
        concat({"'", pdf::encode_utf8(unplaced), "' (", code_points(unplaced),
                ") on the readout, from the configuration, has no glyph in the readout fonts and is shown as "
                "'\uFFFD' (install a font that has it or set `font:` in .escalate.yaml)"})));
}

}  // namespace

ReadoutResult render_readout(const Record& record, const Config& config, const Calendar& calendar,
                             const ReadoutOptions& options) {
  ReadoutResult result;
  const readout::Content content = readout::build_content(record, config, calendar, options.draft, options.now);

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
  plan.system_fallbacks = options.system_fonts;
  plan.fonts = options.fonts;
  result.embedded_fonts = !plan.base14;

  // Pass 2: draw at the largest body size. Nearly every page fits there, and drawing measures
  // exactly what measuring first would, so the page is drawn straight away. One that does not
  // fit is started over in a new document: measured size by size until it fits, then drawn.
  const double limit = readout::kMargin + 2;
  auto doc = std::make_unique<pdf::Document>();
  if (auto e = doc->start(plan, regular_chars, bold_chars)) {
    result.error = *e;
    return result;
  }
  {
    readout::Pen painter(doc.get(), readout::Pen::Mode::draw);
    if (readout::layout_page(painter, content, readout::kBodySizes[0], doc->page_width(), doc->page_height()) >= limit)
      result.body_size = readout::kBodySizes[0];
  }
  if (result.body_size == 0) {
    doc = std::make_unique<pdf::Document>();
    if (auto e = doc->start(plan, regular_chars, bold_chars)) {
      result.error = *e;
      return result;
    }
    double lowest = 0;
    for (double size : readout::kBodySizes) {
      readout::Pen measurer(doc.get(), readout::Pen::Mode::measure);
      lowest = readout::layout_page(measurer, content, size, doc->page_width(), doc->page_height());
      if (lowest >= limit) {
        result.body_size = size;
        break;
      }
    }
    if (result.body_size == 0) {
      Diagnostic d = make_finding(RuleId::readout_one_page);
      d.file = record.file;
      const bool has_readout = record.readout.present;
      d.mark = has_readout ? record.readout.loc.mark : record.root.mark;
      d.node_path = has_readout ? "readout" : "";
      d.record_id = record.id ? *record.id : "";
      const int over = static_cast<int>(100.0 * (limit - lowest) / (doc->page_height() - 2 * readout::kMargin) + 0.999);
      d.message = "the exec readout does not fit one A4 page even at 8 pt (about " + std::to_string(over) +
                  "% too long): shorten the impact summary, root cause, resolution actions, breach detail, "
                  "sentiment or commitments" + playbook_citation(RuleId::readout_one_page);
      result.findings.push_back(std::move(d));
      return result;
    }
    readout::Pen painter(doc.get(), readout::Pen::Mode::draw);
    readout::layout_page(painter, content, result.body_size, doc->page_width(), doc->page_height());
  }
  glyph_findings(record, doc->missing_glyphs(), result.findings);

  pdf::DocumentInfo info;
  info.title = concat({options.draft ? "DRAFT - " : "", "Executive readout ", content.id,
                       content.title.empty() ? "" : ": ", content.title});
  info.language = kReadoutLanguage;
  info.creation_epoch = options.source_date_epoch;
  if (auto e = doc->save(info, result.pdf)) {
    result.pdf.clear();
    result.error = *e;
  }
  return result;
}

}  // namespace esc
