// The exec readout PDF: rendered from fixtures, written to a temp folder, and checked the way a
// person would check it — pdfinfo (one page), qpdf --check, pdftotext -layout (the words come
// back out) — plus the typesetting edge cases (long content, a 300-character word, missing
// glyphs, missing fonts) and byte-identical rebuilds.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/calendar.h"
#include "core/text.h"
#include "load/config.h"
#include "load/loader.h"
#include "render/font_cache.h"
#include "render/font_lookup.h"
#include "render/pdf_document.h"
#include "render/pdf_text.h"
#include "render/readout_content.h"
#include "render/readout_layout.h"
#include "render/readout_pdf.h"
#include "render/ttf_subset.h"
#include "rules/rule.h"

namespace esc {
extern const RuleInfo kReadoutOnePageRule;
}

using namespace esc;
namespace fs = std::filesystem;

namespace {

std::string read_text(const std::string& relative) {
  std::ifstream in(std::string(ESCALATE_SOURCE_DIR) + "/" + relative, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Record load(const std::string& yaml, const std::string& file = "record.yaml") {
  LoadResult loaded = load_record(yaml, file, ParseLimits{});
  EXPECT_TRUE(loaded.record.has_value());
  return loaded.record ? *loaded.record : Record{};
}

std::string replace(std::string text, const std::string& from, const std::string& to) {
  const auto at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "fixture text not found: " << from;
  if (at != std::string::npos) text.replace(at, from.size(), to);
  return text;
}

ReadoutResult render(const Record& r, ReadoutOptions options = {}, const Config& config = Config{}) {
  Calendar calendar(config.calendar, config.holidays);
  return render_readout(r, config, calendar, options);
}

// A scratch folder for the PDFs, removed at the end of the test program.
const fs::path& scratch() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("escalate-readout-test-" + std::to_string(::getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}
struct ScratchCleanup {
  ~ScratchCleanup() {
    std::error_code ec;
    fs::remove_all(fs::temp_directory_path() / ("escalate-readout-test-" + std::to_string(::getpid())), ec);
  }
} cleanup;

fs::path write_pdf(const std::string& name, const std::string& bytes) {
  const fs::path p = scratch() / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p;
}

struct Run {
  int status = -1;
  std::string out;
};
// Runs a command (stderr discarded: poppler warns about libharu's ToUnicode CMap syntax).
Run run(const std::string& command) {
  Run r;
  FILE* pipe = ::popen((command + " 2>/dev/null").c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int st = ::pclose(pipe);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string quoted(const fs::path& p) { return "'" + p.string() + "'"; }

std::string pages(const fs::path& pdf) {
  const std::string info = run("pdfinfo " + quoted(pdf)).out;
  const auto at = info.find("Pages:");
  if (at == std::string::npos) return "?";
  const auto end = info.find('\n', at);
  std::string v = info.substr(at + 6, end - at - 6);
  v.erase(0, v.find_first_not_of(' '));
  return v;
}

std::string text_of(const fs::path& pdf) { return run("pdftotext -layout " + quoted(pdf) + " -").out; }

std::string example() { return read_text("fixtures/ESC-2026-0142.yaml"); }
std::string unicode_example() { return read_text("fixtures/unicode/ESC-2026-0201.yaml"); }
std::string mixed_code_pages_example() { return read_text("fixtures/unicode/ESC-2026-0207.yaml"); }

}  // namespace

// ---- the example record -------------------------------------------------------------------------

TEST(ReadoutPdf, ExampleIsOnePageAndSaysWhatTheRecordSays) {
  const ReadoutResult r = render(load(example()));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_TRUE(r.findings.empty());
  ASSERT_FALSE(r.pdf.empty());
  EXPECT_EQ(r.pdf.substr(0, 5), "%PDF-");
  EXPECT_FALSE(r.embedded_fonts);  // every character is in Windows-1252: base-14 Helvetica
  EXPECT_EQ(r.body_size, 10);

  const fs::path pdf = write_pdf("example.pdf", r.pdf);
  EXPECT_EQ(pages(pdf), "1");
  EXPECT_EQ(run("qpdf --check " + quoted(pdf)).status, 0);
  const std::string text = text_of(pdf);
  for (const char* expected :
       {"Northwind Logistics", "Enterprise Plus", "Card payments declined at EU checkout", "ESC-2026-0142",
        "2 Nov 2026, 08:04", "2 Nov 2026, 10:20", "Dana Whitfield", "P1 — Critical", "£100,000", "£180,000",
        "An expired TLS certificate on the payment gateway caused every authorisation call to fail.",
        "Failed traffic over to the secondary gateway", "Replaced the expired certificate",
        "Added certificate expiry alerting", "Breached", "Within SLA", "Monthly availability of 99.95% breached;",
        "Frustrated by the outage but appreciative of the hourly", "Automate certificate renewal for all payment endpoints",
        "Share quarterly availability report with Northwind", "Sam Okafor", "Aoife Brennan", "15 Dec 2026",
        "10 Jan 2027", "next update by 09:45", "kept", "Triage due", "Review due", "PIR due"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing from the PDF text: " << expected;
  EXPECT_EQ(text.find("missed by"), std::string::npos);
  EXPECT_EQ(text.find("DRAFT"), std::string::npos);
}

TEST(ReadoutPdf, RebuildsAreByteIdenticalAndCarryNoDateOrId) {
  const Record rec = load(example());
  const ReadoutResult a = render(rec), b = render(rec);
  EXPECT_EQ(a.pdf, b.pdf);
  EXPECT_EQ(a.pdf.find("CreationDate"), std::string::npos);
  EXPECT_EQ(a.pdf.find("ModDate"), std::string::npos);
  EXPECT_EQ(a.pdf.find("/ID"), std::string::npos);

  const Record uni = load(unicode_example());
  const ReadoutResult c = render(uni), d = render(uni);
  ASSERT_FALSE(c.pdf.empty());
  EXPECT_EQ(c.pdf, d.pdf);
}

TEST(ReadoutPdf, SourceDateEpochBecomesTheCreationDate) {
  ReadoutOptions options;
  options.source_date_epoch = 1793692800;  // 2026-11-03T08:00:00Z
  const ReadoutResult r = render(load(example()), options);
  ASSERT_FALSE(r.pdf.empty());
  EXPECT_NE(r.pdf.find("/CreationDate (D:20261103080000Z"), std::string::npos);
  EXPECT_NE(run("pdfinfo " + quoted(write_pdf("dated.pdf", r.pdf))).out.find("Tue Nov  3 08:00:00 2026 UTC"),
            std::string::npos);
  EXPECT_EQ(r.pdf, render(load(example()), options).pdf);
}

TEST(ReadoutPdf, DraftSaysSoInTheTitleAndOnThePage) {
  ReadoutOptions options;
  options.draft = true;
  const ReadoutResult r = render(load(example()), options);
  const fs::path pdf = write_pdf("draft.pdf", r.pdf);
  EXPECT_NE(text_of(pdf).find("EXECUTIVE READOUT — DRAFT"), std::string::npos);
  EXPECT_NE(run("pdfinfo " + quoted(pdf)).out.find("DRAFT - Executive readout ESC-2026-0142"), std::string::npos);
}

TEST(ReadoutPdf, ThresholdIsInTheConfiguredCurrency) {
  Config config;
  config.currency = "USD";
  config.p1_revenue_threshold = 250000;
  const ReadoutResult r = render(load(example()), {}, config);
  const std::string text = text_of(write_pdf("usd.pdf", r.pdf));
  EXPECT_NE(text.find("revenue impact > $250,000"), std::string::npos);
  EXPECT_NE(text.find("$180,000 revenue at risk"), std::string::npos);
}

// ---- Unicode ------------------------------------------------------------------------------------

TEST(ReadoutPdf, NamesOutsideWindows1252EmbedTheFontAndComeBackOut) {
  const ReadoutResult r = render(load(unicode_example()));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_TRUE(r.findings.empty());
  EXPECT_TRUE(r.embedded_fonts);
  const fs::path pdf = write_pdf("unicode.pdf", r.pdf);
  EXPECT_EQ(pages(pdf), "1");
  EXPECT_EQ(run("qpdf --check " + quoted(pdf)).status, 0);
  const std::string fonts = run("pdffonts " + quoted(pdf)).out;
  EXPECT_NE(fonts.find("DejaVuSans"), std::string::npos);
  const std::string text = text_of(pdf);
  for (const char* expected :
       {"Ñandú S.A.", "Łukasz Wróbel", "Zoë Ashford-Nyström", "Şebnem Yılmaz", "Gergő Szőke", "María José Núñez",
        "Invoice exports stalled — “pending” for three hours", "“clear and on time”", "Ñandú’s finance team",
        "£4,500", "£45,000", "P2 — High", "Within SLA",
        "Move export-table migrations outside business hours", "Share the written PIR with María José Núñez"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing from the PDF text: " << expected;
}

// A build parses each font file once and shares it between its workers' documents: the pages
// are the same bytes as with fonts opened for each document, and the subsets are still embedded
// (loaded from memory, named with libharu's first subset tag).
TEST(ReadoutPdf, FontsSharedAcrossDocumentsGiveTheSameBytes) {
  const Record record = load(unicode_example());
  const ReadoutResult alone = render(record);
  ASSERT_FALSE(alone.error) << *alone.error;
  pdf::FontCache fonts;
  ReadoutOptions options;
  options.fonts = &fonts;
  for (int i = 0; i < 2; ++i) {
    const ReadoutResult shared = render(record, options);
    ASSERT_FALSE(shared.error) << *shared.error;
    EXPECT_EQ(shared.pdf, alone.pdf);
  }
  EXPECT_NE(alone.pdf.find("/FontFile2"), std::string::npos);
  EXPECT_NE(alone.pdf.find("/BaseFont /HPDFAA+DejaVuSans"), std::string::npos);
  EXPECT_NE(alone.pdf.find("/BaseFont /HPDFAB+DejaVuSans-Bold"), std::string::npos);
}

TEST(FontCache, OpensEachFileOnceAndRemembersWhyOneCannotBeUsed) {
  pdf::FontCache fonts;
  const pdf::FontCache::Font a = fonts.open(kDefaultReadoutFont);
  ASSERT_TRUE(a.font);
  EXPECT_TRUE(a.font->has_glyph(U'Ł'));  // Ł
  EXPECT_EQ(fonts.open(kDefaultReadoutFont).font, a.font);
  EXPECT_NE(fonts.open(kDefaultReadoutBoldFont).font, a.font);

  const pdf::FontCache::Font missing = fonts.open("/nonexistent/fonts/Missing.ttf");
  EXPECT_FALSE(missing.font);
  EXPECT_TRUE(missing.missing);
  const pdf::FontCache::Font not_a_font = fonts.open(std::string(ESCALATE_SOURCE_DIR) + "/fixtures/ESC-2026-0142.yaml");
  EXPECT_FALSE(not_a_font.font);
  EXPECT_FALSE(not_a_font.missing);
  EXPECT_EQ(not_a_font.why, "it is not a TrueType font file");
}

TEST(FontCache, ThreadsOpeningTheSameFileShareOneParse) {
  pdf::FontCache fonts;
  std::vector<std::shared_ptr<const pdf::TrueTypeFont>> got(4);
  {
    std::vector<std::jthread> threads;
    for (auto& g : got) threads.emplace_back([&] { g = fonts.open(kDefaultReadoutFont).font; });
  }
  ASSERT_TRUE(got[0]);
  for (const auto& g : got) EXPECT_EQ(g, got[0]);
}

// Names mixing characters of several Windows code pages on one page (ő: Central European, Ş and ı:
// Turkish, Ł, Å, é, ñ) with "—", curly quotes and "£". The six update promises crowd the Updates
// lane, so the collecting pass (estimated widths) only measures their labels (": next update by
// 15:27 — kept"), and "—" appears in the regular face nowhere else. Measured characters used to
// be left out of the font subsets: a warning "no glyph for '—'", and labels drawn with "?" (whose
// narrower width even let them fit; with the real "—" the lane is summed up in one line).
TEST(ReadoutPdf, NamesMixingCodePagesShowEveryCharacter) {
  const ReadoutResult r = render(load(mixed_code_pages_example()));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
  EXPECT_TRUE(r.embedded_fonts);
  const fs::path pdf = write_pdf("mixed-code-pages.pdf", r.pdf);
  EXPECT_EQ(pages(pdf), "1");
  EXPECT_EQ(run("qpdf --check " + quoted(pdf)).status, 0);
  const std::string text = text_of(pdf);
  for (const char* expected :
       {"Åberg & Peña Logistics", "Ledger requests failing with a “timeout” for all EU customers", "Íñigo Muñoz",
        "P1 — Critical", "6 update promises: 6 kept, 0 missed",
        "Ödön Kőváry’s team", "“timeout”.", "£409,000", "Renée Åberg called the hourly updates “exactly",
        "Şebnem Yılmaz", "Łukasz Wróbel"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing from the PDF text: " << expected;
  EXPECT_EQ(text.find('?'), std::string::npos) << text;  // the page has no question mark of its own
}

// What the collecting pass records: every character drawn *or measured* in a face (an embedded
// subset holds nothing else), each once.
TEST(ReadoutLayout, CollectingRecordsMeasuredCharactersToo) {
  readout::Pen pen(nullptr, readout::Pen::Mode::collect);
  pen.text(pdf::Face::bold, 10, 0, 0, U"P1 — Critical", readout::color::ink);
  (void)pen.width(pdf::Face::regular, 10, U"by 12:00 — kept");
  (void)pen.wrap(pdf::Face::regular, 10, U"Kőváry", 100);
  EXPECT_EQ(pen.chars(pdf::Face::bold), U"P1 —Critcal");
  EXPECT_EQ(pen.chars(pdf::Face::regular), U"by 12:0—keptKővár");
}

namespace {
// The letters of Windows code pages 1250 (Central European), 1251 (Cyrillic), 1253 (Greek), 1254
// (Turkish) and 1257 (Baltic) that Windows-1252 lacks (250: more than one custom encoding holds),
// plus letters and symbols of no such code page.
constexpr std::u32string_view kCodePageLetters =
    U"ŚŤŹśťźˇ˘ŁĄŞŻ˛łąşĽ˝ľżŔĂĹĆČĘĚĎĐŃŇŐŘŮŰŢŕăĺćčęěďđńňőřůűţ˙ЂЃѓЉЊЌЋЏђљњќћџЎўЈҐЁЄЇІіґё№єјЅѕїАБВГДЕЖЗИЙКЛМНОПРСТУФХ"
    U"ЦЧШЩЪЫЬЭЮЯабвгдежзийклмнопрстуфхцчшщъыьэюя΅Ά―΄ΈΉΊΌΎΏΐΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩΪΫάέήίΰαβγδεζηθικλμνξοπρςστ"
    U"υφχψωϊϋόύώĞİğıŖŗĮĀĒĖĢĶĪĻŅŌŲŪįāēėģķīļņōųū";
constexpr std::u32string_view kBeyondCodePages = U"ẞạếỹ→∑₴ə";
}  // namespace

// Every character DejaVu Sans has renders, whatever mix of scripts one page holds, and text
// extraction gives each one back. Greek Δ, Ω and μ used to show as empty boxes and come back as
// ∆, Ω (ohm) and µ: libharu names their glyphs "Delta", "Omega" and "mu", which the Adobe Glyph
// List maps to other code points; every custom-encoded glyph is named "uniXXXX" now.
TEST(ReadoutPdf, EveryScriptOfTheFontRendersAndComesBackOut) {
  ASSERT_TRUE(fs::exists(kDefaultReadoutFont) && fs::exists(kDefaultReadoutBoldFont)) << "DejaVu Sans is missing: run ci/setup";
  const std::u32string all = std::u32string(kCodePageLetters) + std::u32string(kBeyondCodePages) + U"Zoë — “£”";
  pdf::FontPlan plan;
  plan.regular = kDefaultReadoutFont;
  plan.bold = kDefaultReadoutBoldFont;
  pdf::Document doc;
  ASSERT_FALSE(doc.start(plan, all + U" ?", all + U" ?"));
  double y = doc.page_height() - 60;
  for (std::size_t from = 0; from < all.size(); from += 40) {
    doc.text(pdf::Face::regular, 11, 40, y, all.substr(from, 40), {});
    doc.text(pdf::Face::bold, 11, 320, y, all.substr(from, 40), {});
    y -= 16;
  }
  std::string bytes;
  pdf::DocumentInfo info;
  info.title = "scripts";
  ASSERT_FALSE(doc.save(info, bytes));
  EXPECT_TRUE(doc.missing_glyphs().empty());
  const fs::path pdf = write_pdf("scripts.pdf", bytes);
  EXPECT_EQ(run("qpdf --check " + quoted(pdf)).status, 0);
  const std::string text = run("pdftotext " + quoted(pdf) + " -").out;
  for (char32_t c : all)
    EXPECT_NE(text.find(pdf::encode_utf8(std::u32string(1, c))), std::string::npos)
        << "missing from the PDF text: " << pdf::encode_utf8(std::u32string(1, c));
  for (const char* name : {"/uni0394", "/uni03A9", "/uni03BC", "/uni0151", "/uni1E9E"})
    EXPECT_NE(bytes.find(name), std::string::npos) << name;
  for (const char* ambiguous : {"/Delta", "/Omega", "/mu"}) EXPECT_EQ(bytes.find(ambiguous), std::string::npos) << ambiguous;
  const std::string fonts = run("pdffonts " + quoted(pdf)).out;
  EXPECT_EQ(fonts.find("CID"), std::string::npos) << fonts;  // single-byte fonts only
}

TEST(ReadoutPdf, ConfiguredFontIsEmbeddedEvenForWinAnsiText) {
  Config config;
  config.font = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
  ASSERT_TRUE(fs::exists(config.font)) << "DejaVu Serif (fonts-dejavu-core) is missing: run ci/setup";
  const ReadoutResult r = render(load(example()), {}, config);
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_TRUE(r.embedded_fonts);
  const fs::path pdf = write_pdf("serif.pdf", r.pdf);
  const std::string fonts = run("pdffonts " + quoted(pdf)).out;
  EXPECT_NE(fonts.find("DejaVuSerif"), std::string::npos);
  EXPECT_NE(fonts.find("DejaVuSerif-Bold"), std::string::npos);  // found beside the regular face
  EXPECT_NE(text_of(pdf).find("£180,000"), std::string::npos);
}

TEST(ReadoutPdf, ACharacterNoFontHasIsOneFindingPerFieldAtThatField) {
  ReadoutOptions options;
  options.system_fonts = false;  // as on a machine without CJK fonts
  const std::string yaml = replace(replace(example(), "name: Northwind Logistics", "name: Northwind 株式会社"),
                                   "  name: Dana Whitfield", "  name: 佐藤 花子");
  const Record record = load(yaml);
  const ReadoutResult r = render(record, options);
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_FALSE(r.pdf.empty());
  ASSERT_EQ(r.findings.size(), 2u);  // one per field, not one per character
  const Diagnostic& account = r.findings[0];
  EXPECT_EQ(account.rule, "readout-glyph");
  EXPECT_EQ(account.severity, Severity::warning);
  EXPECT_EQ(account.node_path, "account.name");
  EXPECT_EQ(account.mark.line, record.account.name.loc.mark.line);
  EXPECT_EQ(account.mark.col, record.account.name.loc.mark.col);
  EXPECT_NE(account.message.find("'株式会社' (U+682A U+5F0F U+4F1A U+793E) have no glyph in the readout fonts and "
                                 "are shown as '\uFFFD'"),
            std::string::npos)
      << account.message;
  const Diagnostic& lead = r.findings[1];
  EXPECT_EQ(lead.node_path, "escalation_lead.name");
  EXPECT_EQ(lead.mark.line, record.escalation_lead.name.loc.mark.line);
  EXPECT_NE(lead.message.find("'佐藤花子' (U+4F50 U+85E4 U+82B1 U+5B50)"), std::string::npos) << lead.message;
  // The visible replacement mark, never '?' (which reads as part of the name).
  const std::string text = text_of(write_pdf("cjk-missing.pdf", r.pdf));
  EXPECT_NE(text.find("Northwind \uFFFD\uFFFD\uFFFD\uFFFD"), std::string::npos) << text;
  EXPECT_EQ(text.find("Northwind ?"), std::string::npos);
}

TEST(ReadoutPdf, ACharacterTheFontLacksUsesAnInstalledFontFoundByFontconfig) {
  const std::u32string cjk = U"株";
  ASSERT_FALSE(pdf::fonts_covering(cjk).empty()) << "no CJK TrueType font installed: run ci/setup (fonts-wqy-microhei)";
  const ReadoutResult r = render(load(replace(example(), "name: Northwind Logistics", "name: Northwind 株式会社")));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_TRUE(r.findings.empty());
  EXPECT_NE(text_of(write_pdf("cjk.pdf", r.pdf)).find("Northwind 株式会社"), std::string::npos);
}

TEST(ReadoutPdf, FontconfigChoosesFewFontsCoveringTheCharacters) {
  const std::u32string chars = U"Aя株한";
  const std::vector<std::string> fonts = pdf::fonts_covering(chars);
  ASSERT_FALSE(fonts.empty());
  for (const std::string& f : fonts) EXPECT_TRUE(fs::exists(f)) << f;
  EXPECT_LE(fonts.size(), 2u);  // a CJK font with Latin and Cyrillic covers them all, or DejaVu + it
  EXPECT_EQ(fonts, pdf::fonts_covering(chars));  // the same choice every time
  EXPECT_TRUE(pdf::fonts_covering(std::u32string()).empty());
}

TEST(ReadoutPdf, TextNeedingShapingIsReportedAtItsField) {
  const Record record = load(replace(example(), "customer_sentiment: ", "customer_sentiment: العميل راضٍ. "));
  const ReadoutResult r = render(record);
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].node_path, "readout.customer_sentiment");
  EXPECT_EQ(r.findings[0].mark.line, record.readout.customer_sentiment.loc.mark.line);
  EXPECT_NE(r.findings[0].message.find("the Arabic text needs shaping"), std::string::npos) << r.findings[0].message;
  EXPECT_EQ(pdf::script_needing_shaping(U'ह'), "Devanagari");
  EXPECT_EQ(pdf::script_needing_shaping(U'ก'), "Thai");
  EXPECT_FALSE(pdf::script_needing_shaping(U'株'));
  EXPECT_FALSE(pdf::script_needing_shaping(U'Ł'));
}

TEST(ReadoutPdf, DeclaresItsLanguageAndAUnicodeTitle) {
  const ReadoutResult r = render(load(read_text("fixtures/unicode/ESC-2026-0211.yaml")));
  ASSERT_FALSE(r.error) << *r.error;
  EXPECT_NE(r.pdf.find("/Lang (en-GB)"), std::string::npos);
  EXPECT_NE(r.pdf.find("/DisplayDocTitle true"), std::string::npos);
  const std::string info = run("pdfinfo " + quoted(write_pdf("title.pdf", r.pdf))).out;
  EXPECT_NE(info.find("Executive readout ESC-2026-0211: 請求書エクスポートが3時間「保留中」のまま停止\n"),
            std::string::npos)
      << info;
}

// The fixtures in six more scripts: every name and sentence of the readout comes back out of the
// PDF, with no readout-glyph finding, on a machine set up by ci/setup.
TEST(ReadoutPdf, RecordsInSixScriptsRenderEveryCharacter) {
  struct Case {
    const char* file;
    std::vector<const char*> expected;
  };
  // The title, the escalation lead and a commitment owner: lines the layout never wraps.
  const std::vector<Case> cases = {
      {"ESC-2026-0211", {"請求書エクスポートが3時間「保留中」のまま停止", "佐藤 花子", "田中 健太"}},
      {"ESC-2026-0212", {"发票导出停滞在“待处理”状态三小时", "王丽", "李强"}},
      {"ESC-2026-0213", {"청구서 내보내기가 3시간 동안 \"대기 중\" 상태로 멈춤", "김민준", "이서연"}},
      {"ESC-2026-0214", {"Eksport faktur wstrzymany — „oczekujące” przez trzy godziny", "Małgorzata Wiśniewska",
                         "Łukasz Wróbel"}},
      {"ESC-2026-0215", {"Η εξαγωγή τιμολογίων σταμάτησε σε «εκκρεμότητα» για τρεις ώρες", "Ελένη Δημητρίου",
                         "Γιώργος Παπαδόπουλος"}},
      {"ESC-2026-0216", {"Выгрузка счетов зависла в статусе «ожидание» на три часа", "Анна Смирнова",
                         "Дмитрий Иванов"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.file);
    const ReadoutResult r = render(load(read_text(std::string("fixtures/unicode/") + c.file + ".yaml")));
    ASSERT_FALSE(r.error) << *r.error;
    EXPECT_TRUE(r.findings.empty()) << r.findings.front().message;
    const fs::path pdf = write_pdf(std::string(c.file) + ".pdf", r.pdf);
    EXPECT_EQ(pages(pdf), "1");
    EXPECT_EQ(run("qpdf --check " + quoted(pdf)).status, 0);
    std::string text = text_of(pdf);
    for (const char* expected : c.expected) EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
}

// ---- environment problems -----------------------------------------------------------------------

TEST(ReadoutPdf, AMissingFontFileIsAnErrorSentenceNotACrash) {
  ReadoutOptions options;
  options.font = "/nonexistent/fonts/Missing.ttf";
  const ReadoutResult r = render(load(example()), options);
  ASSERT_TRUE(r.error);
  EXPECT_TRUE(r.pdf.empty());
  EXPECT_NE(r.error->find("font file /nonexistent/fonts/Missing.ttf does not exist"), std::string::npos) << *r.error;
}

TEST(ReadoutPdf, AFileThatIsNotATrueTypeFontIsRefused) {
  ReadoutOptions options;
  options.font = std::string(ESCALATE_SOURCE_DIR) + "/fixtures/ESC-2026-0142.yaml";
  const ReadoutResult r = render(load(example()), options);
  ASSERT_TRUE(r.error);
  EXPECT_TRUE(r.pdf.empty());
  EXPECT_NE(r.error->find("cannot be used: it is not a TrueType font file"), std::string::npos) << *r.error;
}

// ---- typesetting limits -------------------------------------------------------------------------

namespace {
std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += (i ? " " : "") + s;
  return out;
}
std::string with_long_readout(int sentences) {
  const std::string sentence = "The checkout service rejected card authorisations while the gateway certificate was expired.";
  std::string yaml = example();
  yaml = replace(yaml,
                 "    All card payments through Northwind's EU checkout were declined for 35 minutes.\n"
                 "    An estimated £180,000 of orders could not be taken during that window.\n",
                 "    " + repeat(sentence, sentences) + "\n");
  std::string actions = "  resolution_actions:\n";
  for (int i = 0; i < 5; ++i) actions += "    - " + repeat("Failed traffic over to the secondary gateway and verified it.", sentences / 2 + 1) + "\n";
  yaml = replace(yaml,
                 "  resolution_actions:\n    - Failed traffic over to the secondary gateway\n"
                 "    - Replaced the expired certificate\n    - Added certificate expiry alerting\n",
                 actions);
  return replace(yaml, "  customer_sentiment: Frustrated by the outage but appreciative of the hourly updates.",
                 "  customer_sentiment: " + repeat("Frustrated by the outage but appreciative of the hourly updates.", sentences));
}
}  // namespace

TEST(ReadoutPdf, LongContentStepsTheBodySizeDownAndStaysOnOnePage) {
  const ReadoutResult r = render(load(with_long_readout(3)));
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_TRUE(r.findings.empty());
  ASSERT_FALSE(r.pdf.empty());
  EXPECT_LT(r.body_size, 10);
  EXPECT_GE(r.body_size, 8);
  const fs::path pdf = write_pdf("long.pdf", r.pdf);
  EXPECT_EQ(pages(pdf), "1");
  EXPECT_EQ(run("qpdf --check " + quoted(pdf)).status, 0);
}

TEST(ReadoutPdf, ContentTooLongForOnePageIsAFindingAndNoPdf) {
  const Record rec = load(with_long_readout(12), "records/too-long.yaml");
  const ReadoutResult r = render(rec);
  EXPECT_FALSE(r.error);
  EXPECT_TRUE(r.pdf.empty());
  ASSERT_EQ(r.findings.size(), 1u);
  const Diagnostic& d = r.findings[0];
  EXPECT_EQ(d.rule, "readout-one-page");
  EXPECT_EQ(d.severity, Severity::error);
  EXPECT_EQ(d.file, "records/too-long.yaml");
  EXPECT_EQ(d.record_id, "ESC-2026-0142");
  EXPECT_EQ(d.mark, rec.readout.loc.mark);
  EXPECT_GT(d.mark.line, 0);
  EXPECT_NE(d.message.find("does not fit one A4 page even at 8 pt"), std::string::npos) << d.message;
}

TEST(ReadoutPdf, AWordOf300CharactersIsBrokenAndDoesNotHang) {
  const std::string word(300, 'W');
  // A hang is caught by ctest's timeout, not by a clock here.
  const ReadoutResult r = render(load(replace(
      example(), "  root_cause: An expired TLS certificate", "  root_cause: " + word + " An expired TLS certificate")));
  ASSERT_FALSE(r.pdf.empty());
  const std::string text = text_of(write_pdf("longword.pdf", r.pdf));
  EXPECT_NE(text.find(std::string(60, 'W')), std::string::npos);
  EXPECT_EQ(pages(write_pdf("longword.pdf", r.pdf)), "1");
}

TEST(ReadoutPdf, MissedPromisesAreMarkedMissed) {
  // The progress update goes out 10 minutes after the initial notification's promise.
  const ReadoutResult r = render(load(replace(example(), "    sent_at: 2026-11-02T09:40:00Z", "    sent_at: 2026-11-02T09:55:00Z")));
  const std::string text = text_of(write_pdf("missed.pdf", r.pdf));
  EXPECT_NE(text.find("missed by 10 minutes"), std::string::npos);
}

TEST(ReadoutPdf, ManyUpdatesShareTwoLanesAndStillFit) {
  // A long-running escalation: 40 progress updates, every fifth one late.
  std::string comms = "communications:\n  - type: initial\n    sent_at: 2026-11-02T08:45:00Z\n    owner: Dana Whitfield\n"
                      "    status: contained\n    impact: Card payments were declined.\n"
                      "    next_update_by: 2026-11-02T09:00:00Z\n";
  auto at = [](int minutes) {
    const int h = 9 + minutes / 60, m = minutes % 60;
    return "2026-11-02T" + std::string(h < 10 ? "0" : "") + std::to_string(h) + ":" + (m < 10 ? "0" : "") +
           std::to_string(m) + ":00Z";
  };
  for (int i = 1; i <= 40; ++i) {
    const int sent = (i - 1) * 15 + (i % 5 == 0 ? 3 : 0);
    comms += "  - type: progress\n    number: " + std::to_string(i) + "\n    sent_at: " + at(sent) +
             "\n    owner: Dana Whitfield\n    status: contained\n    progress: Still verifying.\n"
             "    next_action:\n      action: Verify\n      owner: Sam Okafor\n      eta: " + at(sent + 10) +
             "\n    next_update_by: " + at(i * 15) + "\n";
  }
  std::string yaml = example();
  const auto from = yaml.find("communications:\n"), to = yaml.find("\npir:");
  ASSERT_TRUE(from != std::string::npos && to != std::string::npos);
  yaml.replace(from, to - from, comms);
  const ReadoutResult r = render(load(yaml));
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_TRUE(r.findings.empty());
  const fs::path pdf = write_pdf("many-updates.pdf", r.pdf);
  EXPECT_EQ(pages(pdf), "1");
  EXPECT_NE(text_of(pdf).find("41 update promises: 32 kept, 8 missed"), std::string::npos);
}

TEST(ReadoutPdf, AnAlmostEmptyRecordStillRenders) {
  const ReadoutResult r = render(load("version: 1\nid: ESC-EMPTY\ntitle: Something happened\n"));
  ASSERT_FALSE(r.error) << *r.error;
  ASSERT_FALSE(r.pdf.empty());
  const fs::path pdf = write_pdf("empty.pdf", r.pdf);
  EXPECT_EQ(pages(pdf), "1");
  const std::string text = text_of(pdf);
  EXPECT_NE(text.find("Not recorded"), std::string::npos);
  EXPECT_NE(text.find("No timestamps recorded yet."), std::string::npos);
  EXPECT_NE(text.find("No follow-up commitments recorded."), std::string::npos);
  EXPECT_FALSE(render(Record{}).pdf.empty());  // not even an id
}

// ---- the content model --------------------------------------------------------------------------

TEST(ReadoutContent, PromiseVerdictsFollowTheNextCommunication) {
  Config config;
  Calendar calendar;
  const Record late = load(replace(example(), "    sent_at: 2026-11-02T09:40:00Z", "    sent_at: 2026-11-02T09:45:00Z"));
  const readout::Content c = readout::build_content(late, config, calendar, false, Instant{});
  ASSERT_EQ(c.timeline.promises.size(), 2u);
  EXPECT_EQ(c.timeline.promises[0].made_by, "Initial");
  // Sent at exactly the promised minute: kept (boundaries are inclusive).
  EXPECT_EQ(c.timeline.promises[0].state, readout::UpdatePromise::State::kept);
  EXPECT_EQ(c.timeline.promises[1].made_by, "Update 1");
  EXPECT_EQ(c.timeline.promises[1].state, readout::UpdatePromise::State::kept);

  // Without the resolution notice, the progress update's promise has no answer yet.
  std::string yaml = example();
  const auto from = yaml.find("  - type: resolution\n"), to = yaml.find("\npir:");
  ASSERT_TRUE(from != std::string::npos && to != std::string::npos);
  yaml.erase(from, to - from);
  const readout::Content open = readout::build_content(load(yaml), config, calendar, false, Instant{});
  ASSERT_EQ(open.timeline.promises.size(), 2u);
  EXPECT_EQ(open.timeline.promises[1].state, readout::UpdatePromise::State::open);
  EXPECT_FALSE(open.timeline.promises[1].answered_at);
}

// A record still being worked whose last promise (10:40 UTC) has passed at the build's --now:
// the page says what check's update-overdue says, by as much, in the missed colour's words.
TEST(ReadoutContent, APromisePassedAtNowIsOverdueOnThePage) {
  Config config;
  Calendar calendar;
  const Record r = load(read_text("fixtures/rules/update-overdue.yaml"));
  const Instant now = *parse_now("2026-11-02T11:05:30Z");
  const readout::Content c = readout::build_content(r, config, calendar, false, now);
  ASSERT_EQ(c.timeline.promises.size(), 2u);
  EXPECT_EQ(c.timeline.promises[0].state, readout::UpdatePromise::State::kept);
  EXPECT_EQ(c.timeline.promises[1].state, readout::UpdatePromise::State::overdue);
  EXPECT_EQ(c.timeline.promises[1].late, std::chrono::minutes(25));
  // Inside the promised minute it is still open.
  const readout::Content before =
      readout::build_content(r, config, calendar, false, *parse_now("2026-11-02T10:40:59Z"));
  EXPECT_EQ(before.timeline.promises[1].state, readout::UpdatePromise::State::open);

  ReadoutOptions options;
  options.now = now;
  const ReadoutResult pdf = render(r, options);
  ASSERT_FALSE(pdf.error) << *pdf.error;
  const std::string text = text_of(write_pdf("overdue.pdf", pdf.pdf));
  EXPECT_NE(text.find("Update 1: next update by 10:40 \u2014 overdue by 25 minutes"), std::string::npos) << text;
  EXPECT_EQ(text.find("\u2014 open"), std::string::npos) << text;
  EXPECT_NE(text.find("promise missed or overdue"), std::string::npos) << text;
}

TEST(ReadoutContent, SlaAtRiskIsAThirdStateOfItsOwn) {
  Config config;
  Calendar calendar;
  const Record at_risk = load(replace(example(), "sla: breached ", "sla: at_risk  "));
  EXPECT_EQ(readout::build_content(at_risk, config, calendar, false, Instant{}).sla, readout::SlaMark::at_risk);
  EXPECT_EQ(readout::build_content(load(example()), config, calendar, false, Instant{}).sla, readout::SlaMark::breached);
  const ReadoutResult r = render(at_risk);
  ASSERT_FALSE(r.error) << *r.error;
  const std::string text = text_of(write_pdf("at-risk.pdf", r.pdf));
  for (const char* expected : {"Breached", "At risk", "Within SLA"})
    EXPECT_NE(text.find(expected), std::string::npos) << "missing from the PDF text: " << expected;
  EXPECT_EQ(text.find("not assessed"), std::string::npos);
}

TEST(ReadoutContent, ADeliveredCommitmentSaysDoneWhenAndWhere) {
  Config config;
  Calendar calendar;
  const std::string due = "      due: 2026-12-15\n";
  const Record r = load(replace(example(), due, due + "      done: true\n      done_at: 2026-12-14\n      reference: OPS-2291\n"));
  const readout::Content c = readout::build_content(r, config, calendar, false, Instant{});
  ASSERT_EQ(c.commitments.size(), 2u);
  EXPECT_EQ(c.commitments[0].due, "Done 14 Dec 2026 (OPS-2291)");
  EXPECT_EQ(c.commitments[1].due, "10 Jan 2027");  // still open: its due date
  const std::string text = text_of(write_pdf("done.pdf", render(r).pdf));
  EXPECT_NE(text.find("Done 14 Dec"), std::string::npos) << text;
}

TEST(ReadoutContent, AHandoverIsShownBesideTheLead) {
  Config config;
  Calendar calendar;
  const std::string lead = "  contact: dana.whitfield@example.com\n\n";
  const Record r = load(replace(example(), lead,
                                "  contact: dana.whitfield@example.com\nprevious_leads:\n  - name: Sam Lee\n"
                                "    title: Escalation Manager\n    contact: sam.lee@example.com\n"
                                "    until: 2026-11-02T09:00:00Z\n\n"));
  const readout::Content c = readout::build_content(r, config, calendar, false, Instant{});
  EXPECT_EQ(c.lead_name, "Dana Whitfield");
  EXPECT_EQ(c.lead_since, "Lead since 2 Nov 2026, 09:00, after Sam Lee");
  EXPECT_TRUE(readout::build_content(load(example()), config, calendar, false, Instant{}).lead_since.empty());
  const std::string text = text_of(write_pdf("handover.pdf", render(r).pdf));
  EXPECT_NE(text.find("after Sam"), std::string::npos) << text;  // the note wraps before "Lee"
}

TEST(ReadoutContent, PirDeadlinesCountBusinessDaysFromResolution) {
  Config config;
  Calendar calendar;
  const readout::Content c = readout::build_content(load(unicode_example()), config, calendar, false, Instant{});
  ASSERT_TRUE(c.timeline.pir_start);
  std::vector<std::string> labels;
  for (const readout::DayMark& m : c.timeline.pir_marks) labels.push_back(m.label + " " + readout::format_day(m.day));
  // Resolved Wed 23 Dec 2026: Christmas, Boxing Day (substitute Mon 28) and New Year are skipped.
  EXPECT_EQ(labels, (std::vector<std::string>{"Resolved 23 Dec", "Booked 24 Dec", "Review 4 Jan", "Review due 4 Jan",
                                              "Promised 8 Jan", "Delivered 8 Jan", "PIR due 11 Jan"}));
}

TEST(ReadoutContent, MoneyIsFormattedWithTheCurrencySymbol) {
  EXPECT_EQ(esc::format_money(100000, "GBP"), "£100,000");
  EXPECT_EQ(esc::format_money(180000, "GBP"), "£180,000");
  EXPECT_EQ(esc::format_money(2500.5, "USD"), "$2,500.50");
  EXPECT_EQ(esc::format_money(1000, "EUR"), "€1,000");
  EXPECT_EQ(esc::format_money(999, "GBP"), "£999");
  EXPECT_EQ(esc::format_money(1234567, "CHF"), "CHF 1,234,567");
  // Above 2^63 cents the amount came out as "£0".
  EXPECT_EQ(esc::format_money(1e20, "GBP"), "£100,000,000,000,000,000,000");
  EXPECT_EQ(esc::format_money(9.3e18, "GBP"), "£9,300,000,000,000,000,000");
  EXPECT_EQ(esc::format_money(-2500.5, "GBP"), "-£2,500.50");
}

// ---- text and font helpers ----------------------------------------------------------------------

TEST(PdfText, WrapBreaksAWordWiderThanTheLine) {
  const std::u32string word(300, U'x');
  const auto lines = pdf::wrap_lines(U"before " + word + U" after", 50, [](char32_t) { return 1.0; });
  std::u32string joined;
  for (const auto& line : lines) {
    EXPECT_LE(line.size(), 50u);
    EXPECT_FALSE(line.empty());
    for (char32_t c : line)
      if (c != U' ') joined += c;
  }
  EXPECT_EQ(lines.size(), 7u);  // "before" + 43 x, then 50 x per line, then the rest with "after"
  EXPECT_EQ(lines.front().substr(0, 7), U"before ");
  EXPECT_EQ(joined, U"before" + word + U"after");  // nothing lost
}

TEST(PdfText, WrapAlwaysProgressesEvenWhenACharacterIsWiderThanTheLine) {
  const auto lines = pdf::wrap_lines(U"abc", 0.5, [](char32_t) { return 1.0; });
  EXPECT_EQ(lines, (std::vector<std::u32string>{U"a", U"b", U"c"}));
}

TEST(PdfText, WrapAtSpaces) {
  const auto lines = pdf::wrap_lines(U"aa bb cc dd", 5, [](char32_t) { return 1.0; });
  EXPECT_EQ(lines, (std::vector<std::u32string>{U"aa bb", U"cc dd"}));
}

TEST(PdfText, Cp1252HasTheTypographyButNotCentralEuropeanLetters) {
  EXPECT_EQ(pdf::to_cp1252(U'—'), 0x97);
  EXPECT_EQ(pdf::to_cp1252(U'“'), 0x93);
  EXPECT_EQ(pdf::to_cp1252(U'€'), 0x80);
  EXPECT_EQ(pdf::to_cp1252(U'£'), 0xA3);
  EXPECT_EQ(pdf::to_cp1252(U'é'), 0xE9);
  EXPECT_FALSE(pdf::to_cp1252(U'Ł'));
  EXPECT_FALSE(pdf::to_cp1252(U'ő'));
  EXPECT_FALSE(pdf::to_cp1252(U'Ş'));
  EXPECT_FALSE(pdf::to_cp1252(U'株'));
  for (unsigned b = 0x20; b <= 0xFF; ++b)
    if (auto c = pdf::from_cp1252(static_cast<unsigned char>(b))) {
      EXPECT_EQ(pdf::to_cp1252(*c), b);
    }
  EXPECT_FALSE(pdf::from_cp1252(0x81));
}

TEST(PdfText, CleanTextFoldsWhitespaceAndControls) {
  EXPECT_EQ(pdf::clean_text("  two\n lines\tand\x01 more  "), U"two lines and more");
}

TEST(TrueTypeSubset, KeepsOnlyTheRequestedCharacters) {
  std::string error;
  auto font = pdf::TrueTypeFont::open(kDefaultReadoutFont, &error);
  ASSERT_TRUE(font) << "DejaVu Sans is missing (run ci/setup): " << error;
  EXPECT_TRUE(font->has_glyph(U'Ł'));
  EXPECT_FALSE(font->has_glyph(U'株'));
  const std::string subset = font->subset({U'A', U'B', U'Ł', U'é', U'—', U'株'});
  EXPECT_LT(subset.size(), 6000u);
  auto small = pdf::TrueTypeFont::parse(subset, &error);
  ASSERT_TRUE(small) << error;
  for (char32_t c : {U'A', U'B', U'Ł', U'é', U'—'}) EXPECT_TRUE(small->has_glyph(c));
  for (char32_t c : {U'C', U'a', U'株'}) EXPECT_FALSE(small->has_glyph(c));
}

TEST(TrueTypeSubset, DamagedFontFilesAreRefusedOrSubsetWithoutCrashing) {
  std::ifstream in(kDefaultReadoutFont, std::ios::binary);
  ASSERT_TRUE(in) << "DejaVu Sans is missing: run ci/setup";
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string good = ss.str();
  std::uint32_t seed = 12345;
  auto next = [&] { return seed = seed * 1664525u + 1013904223u; };
  for (int round = 0; round < 60; ++round) {
    std::string bad = good;
    if (round % 3 == 0) bad.resize(next() % bad.size());
    for (int k = 0; k < 40; ++k) bad[next() % std::min<std::size_t>(bad.size() ? bad.size() : 1, 40000)] ^= static_cast<char>(next());
    std::string error;
    if (auto font = pdf::TrueTypeFont::parse(bad, &error)) {
      const std::string subset = font->subset({U'A', U'é', U'Ł', U'—', U'?'});
      EXPECT_TRUE(pdf::TrueTypeFont::parse(subset, &error) || !error.empty());
    } else {
      EXPECT_FALSE(error.empty());
    }
  }
}

// ---- speed and size ------------------------------------------------------------------------------

// Speed is ci/bench's business; the size ceiling here catches whole-font embedding.
TEST(ReadoutPdf, SizeOfBothFontPaths) {
  struct Case {
    const char* name;
    std::string yaml;
    bool embedded;
  };
  const Case cases[] = {{"base-14 Helvetica (example)", example(), false},
                        {"embedded DejaVu subset (unicode example)", unicode_example(), true},
                        {"embedded DejaVu subset (mixed code pages)", mixed_code_pages_example(), true}};
  for (const Case& c : cases) {
    const Record rec = load(c.yaml);
    const ReadoutResult first = render(rec);
    ASSERT_FALSE(first.pdf.empty());
    EXPECT_EQ(first.embedded_fonts, c.embedded) << c.name;
    // Generous ceilings that still catch a regression to whole-font embedding (~180 KB).
    EXPECT_LT(first.pdf.size(), c.embedded ? 40000u : 12000u) << c.name;
  }
}

TEST(ReadoutOnePageRule, IsABuildRuleWithDocumentation) {
  EXPECT_EQ(kReadoutOnePageRule.id, "readout-one-page");
  EXPECT_EQ(kReadoutOnePageRule.kind(), RuleKind::build);
  EXPECT_EQ(kReadoutOnePageRule.default_severity(), Severity::error);
  EXPECT_EQ(kReadoutOnePageRule.summary, "(build) the readout cannot fit one A4 page at the minimum font size");
  EXPECT_EQ(kReadoutOnePageRule.check, nullptr);
  EXPECT_FALSE(kReadoutOnePageRule.description.empty());
  EXPECT_FALSE(kReadoutOnePageRule.bad_example.empty());
}
