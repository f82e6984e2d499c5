// Report writers (text, JSON, JUnit, SARIF, GitHub): a small hand-built batch with a clean file,
// an error with notes and source lines, a warning, an info, waived and baselined findings,
// non-ASCII text, control characters, invalid UTF-8 and a message with % , : and a newline.
// Whole outputs are compared with golden files under tests/golden/report/.
//
// Golden files are only ever rewritten deliberately:
//
//     ESCALATE_UPDATE_GOLDEN=1 ./escalate_tests --gtest_filter='ReportGolden.*'
//
// writes them instead of comparing. Read `git diff tests/golden/report` before committing.
//
// The goldens do not depend on the rule table (which grows): report.sarif holds the SARIF
// document without tool.driver.rules and without results[].ruleIndex; the rules and the indexes
// are checked against rule_table() separately. The SARIF output is validated against the
// official schema (tests/data/sarif-schema-2.1.0.json) and the JSON output against
// schemas/report.schema.json with tests/tools/validate_json.py, run by Debian's /usr/bin/python3.
#include "report/report.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <set>
#include <sstream>

#include "rules/rule.h"

namespace fs = std::filesystem;
using esc::Diagnostic;
using esc::FileResult;
using esc::Mark;
using esc::Note;
using esc::ReportOptions;
using esc::Severity;
using esc::Suppression;

namespace {

const fs::path kSourceDir = ESCALATE_SOURCE_DIR;
const fs::path kGoldenDir = kSourceDir / "tests/golden/report";

Diagnostic diag(std::string rule, Severity severity, int line, int col, std::string message,
                std::string node_path = "") {
  Diagnostic d;
  d.rule = std::move(rule);
  d.severity = severity;
  d.mark = Mark{line, col};
  d.message = std::move(message);
  d.node_path = std::move(node_path);
  return d;
}

Diagnostic suppressed(Diagnostic d, Suppression s, std::string reason) {
  d.suppression = s;
  d.suppression_reason = std::move(reason);
  return d;
}

FileResult file(std::string path, std::string record_id, std::vector<Diagnostic> diags,
                std::map<int, std::string> lines = {}) {
  FileResult f;
  f.path = std::move(path);
  f.record_id = std::move(record_id);
  for (Diagnostic& d : diags) {
    d.file = f.path;
    d.record_id = f.record_id;
  }
  esc::sort_diagnostics(diags);
  f.diagnostics = std::move(diags);
  f.source_lines = std::move(lines);
  return f;
}

// The batch every golden file shows.
std::vector<FileResult> sample_batch() {
  std::vector<FileResult> batch;

  // Clean: the only finding is of a rule turned off, which no report shows.
  batch.push_back(file("records/clean.yaml", "ESC-2026-0001",
                       {diag("update-cadence", Severity::off, 3, 1, "turned off")}));

  Diagnostic late = diag("update-promise-kept", Severity::error, 41, 14,
                         "progress update #2 was sent at 10:05 UTC, 5 minutes after the promised "
                         "10:00 UTC",
                         "communications[2].sent_at");
  late.notes = {Note{Mark{33, 21}, "the previous update promised the next one by 10:00 UTC"},
                Note{Mark{50, 3}, "the record is still ongoing"}};
  batch.push_back(file(
      "records/late update.yaml", "ESC-2026-0142",
      {
          diag("timestamp-utc", Severity::warning, 7, 26,
               "timestamp 2026-11-02T09:00:00+01:00 is not in UTC; it means 08:00:00Z",
               "timeline[0].at"),
          late,
          suppressed(diag("speculative-language", Severity::warning, 20, 15,
                          "hedging in a factual field: \"probably\"", "facts.root_cause"),
                     Suppression::waived, "quoted verbatim from the customer's email"),
          suppressed(diag("commitment-overdue", Severity::warning, 60, 9,
                          "commitment due 2026-11-10 is overdue", "readout.commitments[0].due"),
                     Suppression::baselined, "baseline"),
          diag("pir-scheduled", Severity::info, 70, 3,
               "the PIR is not scheduled yet; it must be by 2026-11-09 (5 business days)", "pir"),
      },
      {
          {7, "  - {note: \"Zürich\", at: 2026-11-02T09:00:00+01:00}"},
          {20, "  root_cause: probably a bad deploy"},
          {33, "    next_update_by:\t2026-11-02T10:00:00Z"},
          {41, "    sent_at: 2026-11-02T10:05:00Z\r"},
          {70, "pir: {}"},
      }));

  batch.push_back(
      file("records/broken.yaml", "",
           {
               diag("yaml-syntax", Severity::error, 0, 0, "the file is empty"),
               diag("schema", Severity::error, 3, 1,
                    "value 100% wrong: expected one of a, b\nsecond line: see the field table",
                    "severity"),
               diag("schema", Severity::error, 5, 10,
                    "Ünïcode: £1.2m at risk — “quoted” 日本語 is not a valid title", "title"),
           },
           {
               {3, "severity: P9"},
               {5, "title: 日本語 outage"},
           }));

  batch.push_back(
      file("/nonexistent-escalate/abs ü.yaml", "",
           {
               diag("no-codename", Severity::warning, 2, 1,
                    "code name \"Bluebird\" must not reach a customer"),
               diag("no-codename", Severity::warning, 2, 1,
                    "code name \"Redwing\" must not reach a customer"),
               diag("schema", Severity::error, 4, 6, "control \x1b[31m and invalid \xff byte", "x"),
           },
           {
               {4, "  x: \x1b[31mred"},
           }));
  return batch;
}

ReportOptions options() {
  ReportOptions opt;
  opt.tool_version = "0.1.0";
  return opt;
}

std::string render(esc::ReportFormat f, const std::vector<FileResult>& batch,
                   const ReportOptions& opt = options()) {
  std::ostringstream out;
  esc::write_report(f, out, batch, opt);
  return out.str();
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_file(const fs::path& p, std::string_view content) {
  fs::create_directories(p.parent_path());
  std::ofstream out(p, std::ios::binary);
  out << content;
}

bool updating_golden() {
  const char* v = std::getenv("ESCALATE_UPDATE_GOLDEN");
  return v != nullptr && std::string_view(v) == "1";
}

void expect_golden(const std::string& name, const std::string& actual) {
  const fs::path p = kGoldenDir / name;
  if (updating_golden()) {
    write_file(p, actual);
    std::cout << "updated " << p.string() << '\n';
    return;
  }
  ASSERT_TRUE(fs::exists(p)) << p << " is missing; run with ESCALATE_UPDATE_GOLDEN=1";
  EXPECT_EQ(read_file(p), actual) << "differs from " << p;
}

// A file in a fresh temporary directory, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() / ("escalate-report-test-" + std::to_string(::getpid()) +
                                         "-" + std::to_string(++counter));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct Validation {
  int status = -1;
  std::string output;
};

// Runs tests/tools/validate_json.py with Debian's python (which has python3-jsonschema).
Validation validate(const fs::path& schema, const std::string& document) {
  TempDir dir;
  const fs::path instance = dir.path() / "instance.json";
  write_file(instance, document);
  const std::string cmd = "/usr/bin/python3 '" +
                          (kSourceDir / "tests/tools/validate_json.py").string() + "' '" +
                          schema.string() + "' '" + instance.string() + "' 2>&1";
  Validation v;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (pipe == nullptr) return v;
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) v.output.append(buf.data(), n);
  const int rc = ::pclose(pipe);
  v.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  return v;
}

bool have_python() { return ::access("/usr/bin/python3", X_OK) == 0; }

// Runs the test body with the current directory set to `dir`, restoring it afterwards.
class ScopedCwd {
 public:
  explicit ScopedCwd(const fs::path& dir) : saved_(fs::current_path()) { fs::current_path(dir); }
  ~ScopedCwd() { fs::current_path(saved_); }
  ScopedCwd(const ScopedCwd&) = delete;
  ScopedCwd& operator=(const ScopedCwd&) = delete;

 private:
  fs::path saved_;
};

// The SARIF golden: the whole document without the rule table and the indexes into it.
nlohmann::ordered_json sarif_without_rules(nlohmann::ordered_json sarif) {
  auto& run = sarif["runs"][0];
  run["tool"]["driver"].erase("rules");
  for (auto& r : run["results"]) r.erase("ruleIndex");
  return sarif;
}

}  // namespace

// --- formats, totals, summary line -------------------------------------------------------------

TEST(ReportFormat, Parse) {
  EXPECT_EQ(esc::parse_report_format("text"), esc::ReportFormat::text);
  EXPECT_EQ(esc::parse_report_format("json"), esc::ReportFormat::json);
  EXPECT_EQ(esc::parse_report_format("junit"), esc::ReportFormat::junit);
  EXPECT_EQ(esc::parse_report_format("sarif"), esc::ReportFormat::sarif);
  EXPECT_EQ(esc::parse_report_format("github"), esc::ReportFormat::github);
  EXPECT_FALSE(esc::parse_report_format("TEXT"));
  EXPECT_FALSE(esc::parse_report_format(""));
  EXPECT_FALSE(esc::parse_report_format("xml"));
}

TEST(ReportTotals, SampleBatch) {
  const esc::Totals t = esc::count_totals(sample_batch());
  EXPECT_EQ(t.errors, 5);
  EXPECT_EQ(t.warnings, 3);
  EXPECT_EQ(t.infos, 1);
  EXPECT_EQ(t.waived, 1);
  EXPECT_EQ(t.baselined, 1);
  EXPECT_EQ(t.suppressed, 2);
  EXPECT_EQ(t.files, 4);
  EXPECT_EQ(t.files_with_findings, 3);
}

TEST(ReportTotals, SuppressedOnlyFileHasNoFindings) {
  const auto t = esc::count_totals(
      {file("a.yaml", "A",
            {suppressed(diag("schema", Severity::error, 1, 1, "m"), Suppression::waived, "ok")})});
  EXPECT_EQ(t.errors, 0);
  EXPECT_EQ(t.files_with_findings, 0);
  EXPECT_EQ(t.waived, 1);
}

TEST(ReportSummary, Plurals) {
  ReportOptions opt;
  esc::Totals t;
  t.files = 40;
  EXPECT_EQ(esc::summary_line(t, opt), "no problems in 40 records");
  t.files = 1;
  EXPECT_EQ(esc::summary_line(t, opt), "no problems in 1 record");
  t.errors = 1;
  t.files_with_findings = 1;
  EXPECT_EQ(esc::summary_line(t, opt), "1 error in 1 of 1 record");
  t = {};
  t.errors = 3;
  t.warnings = 1;
  t.files = 40;
  t.files_with_findings = 2;
  EXPECT_EQ(esc::summary_line(t, opt), "3 errors, 1 warning in 2 of 40 records");
  t.errors = 0;
  t.warnings = 2;
  t.infos = 1;
  EXPECT_EQ(esc::summary_line(t, opt), "2 warnings, 1 info in 2 of 40 records");
  t.infos = 2;
  t.warnings = 0;
  EXPECT_EQ(esc::summary_line(t, opt), "2 infos in 2 of 40 records");
}

TEST(ReportSummary, WaivedAndBaselined) {
  ReportOptions opt;
  esc::Totals t;
  t.files = 40;
  t.waived = 2;
  t.suppressed = 2;
  EXPECT_EQ(esc::summary_line(t, opt), "no problems in 40 records, 2 waived");
  opt.baselined = 5;
  EXPECT_EQ(esc::summary_line(t, opt), "no problems in 40 records, 2 waived, 5 baselined");
  // The same findings counted in the list and in the option are not counted twice.
  t.baselined = 5;
  t.errors = 1;
  t.files_with_findings = 1;
  EXPECT_EQ(esc::summary_line(t, opt), "1 error in 1 of 40 records, 2 waived, 5 baselined");
  opt.baselined = 0;
  EXPECT_EQ(esc::summary_line(t, opt), "1 error in 1 of 40 records, 2 waived, 5 baselined");
}

TEST(ReportSummary, Noun) {
  ReportOptions opt;
  opt.noun = "draft";
  esc::Totals t;
  t.files = 2;
  EXPECT_EQ(esc::summary_line(t, opt), "no problems in 2 drafts");
  t.files = 1;
  t.warnings = 1;
  t.files_with_findings = 1;
  EXPECT_EQ(esc::summary_line(t, opt), "1 warning in 1 of 1 draft");
}

// --- golden files --------------------------------------------------------------------------------

TEST(ReportGolden, Text) {
  expect_golden("text.txt", render(esc::ReportFormat::text, sample_batch()));
}

TEST(ReportGolden, TextColor) {
  ReportOptions opt = options();
  opt.color = true;
  expect_golden("text-color.txt", render(esc::ReportFormat::text, sample_batch(), opt));
}

TEST(ReportGolden, Json) {
  expect_golden("report.json", render(esc::ReportFormat::json, sample_batch()));
}

TEST(ReportGolden, Junit) {
  expect_golden("junit.xml", render(esc::ReportFormat::junit, sample_batch()));
}

TEST(ReportGolden, Sarif) {
  const auto sarif =
      nlohmann::ordered_json::parse(render(esc::ReportFormat::sarif, sample_batch()));
  expect_golden("report.sarif", sarif_without_rules(sarif).dump(2) + "\n");
}

TEST(ReportGolden, Github) {
  expect_golden("github.txt", render(esc::ReportFormat::github, sample_batch()));
}

// --- text ----------------------------------------------------------------------------------------

TEST(ReportText, CaretKeepsTabsAndCountsCodePoints) {
  const auto out =
      render(esc::ReportFormat::text, {file("a.yaml", "A",
                                            {diag("schema", Severity::error, 1, 5, "m"),
                                             diag("schema", Severity::error, 2, 4, "m")},
                                            {{1, "\tab\tx"}, {2, "é€😀x"}})});
  EXPECT_NE(out.find("a.yaml:1:5: error: m [schema]\n\tab\tx\n\t  \t^\n"), std::string::npos)
      << out;
  // é and € take one column each, the emoji two.
  EXPECT_NE(out.find("a.yaml:2:4: error: m [schema]\né€😀x\n    ^\n"), std::string::npos) << out;
}

// Findings on one long line each show their own window of it (the line's text is made once and
// shared); the next file's line of the same number is its own.
TEST(ReportText, ManyFindingsOnOneLongLine) {
  std::string line;
  for (int i = 0; i < 30; ++i) line += "0123456789";
  const auto out = render(esc::ReportFormat::text,
                          {file("a.yaml", "A",
                                {diag("schema", Severity::error, 1, 5, "m"), diag("schema", Severity::error, 1, 200, "m"),
                                 diag("schema", Severity::error, 1, 290, "m")},
                                {{1, line}}),
                           file("b.yaml", "B", {diag("schema", Severity::error, 1, 2, "m")}, {{1, "short"}})});
  const std::string at5 = line.substr(0, 110) + "…\n" + std::string(4, ' ') + "^\n";
  const std::string at200 = "…" + line.substr(149, 110) + "…\n" + std::string(51, ' ') + "^\n";
  const std::string at290 = "…" + line.substr(190) + "\n" + std::string(100, ' ') + "^\n";
  EXPECT_NE(out.find("a.yaml:1:5: error: m [schema]\n" + at5), std::string::npos) << out;
  EXPECT_NE(out.find("a.yaml:1:200: error: m [schema]\n" + at200), std::string::npos) << out;
  EXPECT_NE(out.find("a.yaml:1:290: error: m [schema]\n" + at290), std::string::npos) << out;
  EXPECT_NE(out.find("b.yaml:1:2: error: m [schema]\nshort\n ^\n"), std::string::npos) << out;
}

TEST(ReportText, CaretPastTheEndOfTheLine) {
  const auto out =
      render(esc::ReportFormat::text,
             {file("a.yaml", "A", {diag("schema", Severity::error, 1, 6, "m")}, {{1, "ab"}})});
  EXPECT_NE(out.find("ab\n     ^\n"), std::string::npos) << out;
}

TEST(ReportText, WholeFileAndMissingSourceLine) {
  const auto out =
      render(esc::ReportFormat::text, {file("a.yaml", "",
                                            {diag("yaml-syntax", Severity::error, 0, 0, "empty"),
                                             diag("schema", Severity::error, 9, 2, "m")})});
  EXPECT_EQ(out,
            "a.yaml: error: empty [yaml-syntax]\n"
            "a.yaml:9:2: error: m [schema]\n"
            "2 errors in 1 of 1 record\n");
}

TEST(ReportText, Quiet) {
  ReportOptions opt = options();
  opt.quiet = true;
  EXPECT_EQ(render(esc::ReportFormat::text, {file("a.yaml", "A", {})}, opt), "");
  EXPECT_EQ(render(esc::ReportFormat::text,
                   {file("a.yaml", "A", {diag("schema", Severity::warning, 1, 1, "m")})}, opt),
            "a.yaml:1:1: warning: m [schema]\n1 warning in 1 of 1 record\n");
  opt.quiet = false;
  EXPECT_EQ(render(esc::ReportFormat::text, {file("a.yaml", "A", {})}, opt),
            "no problems in 1 record\n");
}

TEST(ReportText, NoColourUnlessAsked) {
  EXPECT_EQ(render(esc::ReportFormat::text, sample_batch()).find('\x1b'), std::string::npos);
}

// --- JSON ----------------------------------------------------------------------------------------

TEST(ReportJson, MatchesSchema) {
  ASSERT_TRUE(have_python()) << "/usr/bin/python3 is missing: run ESCALATE_SETUP_TESTS=1 ci/setup";
  const auto v = validate(kSourceDir / "schemas/report.schema.json",
                          render(esc::ReportFormat::json, sample_batch()));
  EXPECT_EQ(v.status, 0) << v.output;
}

TEST(ReportJson, EmptyBatchMatchesSchema) {
  ASSERT_TRUE(have_python()) << "/usr/bin/python3 is missing: run ESCALATE_SETUP_TESTS=1 ci/setup";
  const auto v =
      validate(kSourceDir / "schemas/report.schema.json", render(esc::ReportFormat::json, {}));
  EXPECT_EQ(v.status, 0) << v.output;
}

TEST(ReportJson, SchemaRejectsAWrongReport) {
  ASSERT_TRUE(have_python()) << "/usr/bin/python3 is missing: run ESCALATE_SETUP_TESTS=1 ci/setup";
  auto j = nlohmann::ordered_json::parse(render(esc::ReportFormat::json, sample_batch()));
  j["files"][1]["diagnostics"][0]["severity"] = "fatal";
  const auto v = validate(kSourceDir / "schemas/report.schema.json", j.dump());
  EXPECT_EQ(v.status, 1) << v.output;
}

TEST(ReportJson, Contents) {
  const auto j = nlohmann::json::parse(render(esc::ReportFormat::json, sample_batch()));
  EXPECT_EQ(j["version"], 1);
  EXPECT_EQ(j["files"].size(), 4u);
  EXPECT_TRUE(j["files"][0]["diagnostics"].empty());  // the "off" finding is not reported
  EXPECT_TRUE(j["files"][2]["record_id"].is_null());
  const auto& waived = j["files"][1]["diagnostics"][1];
  EXPECT_EQ(waived["rule"], "speculative-language");
  EXPECT_EQ(waived["suppression"]["kind"], "waived");
  EXPECT_EQ(waived["suppression"]["reason"], "quoted verbatim from the customer's email");
  EXPECT_EQ(j["files"][2]["diagnostics"][2]["message"],
            "Ünïcode: £1.2m at risk — “quoted” 日本語 is not a valid title");
  // Invalid UTF-8 becomes U+FFFD instead of an exception.
  EXPECT_EQ(j["files"][3]["diagnostics"][2]["message"], "control \x1b[31m and invalid \uFFFD byte");
}

// --- JUnit ---------------------------------------------------------------------------------------

TEST(ReportJunit, Structure) {
  const std::string xml = render(esc::ReportFormat::junit, sample_batch());
  pugi::xml_document doc;
  const auto parsed = doc.load_string(xml.c_str());
  ASSERT_TRUE(parsed) << parsed.description();
  const auto suites = doc.child("testsuites");
  ASSERT_TRUE(suites);
  EXPECT_STREQ(suites.attribute("name").value(), "escalate");
  EXPECT_EQ(suites.attribute("errors").as_int(), 0);

  const auto batch = sample_batch();
  int total_tests = 0, total_failures = 0;
  std::size_t i = 0;
  for (const auto suite : suites.children()) {
    ASSERT_STREQ(suite.name(), "testsuite");
    ASSERT_LT(i, batch.size());
    EXPECT_EQ(suite.attribute("name").value(), batch[i].path);
    std::set<std::string> names;
    int tests = 0, failures = 0, skipped = 0;
    for (const auto tc : suite.children()) {
      ASSERT_STREQ(tc.name(), "testcase");
      ++tests;
      EXPECT_TRUE(names.insert(tc.attribute("name").value()).second)
          << "duplicate test case name " << tc.attribute("name").value();
    }
    for (const pugi::xpath_node node : suite.select_nodes("testcase/failure")) {
      const pugi::xml_node f = node.node();
      ++failures;
      EXPECT_FALSE(std::string(f.attribute("message").value()).empty());
      const std::string type = f.attribute("type").value();
      EXPECT_TRUE(type == "error" || type == "warning") << type;
      EXPECT_EQ(std::string(f.child_value()).rfind(batch[i].path, 0), 0u) << f.child_value();
    }
    skipped = static_cast<int>(suite.select_nodes("testcase/skipped").size());
    EXPECT_EQ(suite.attribute("tests").as_int(), tests);
    EXPECT_EQ(suite.attribute("failures").as_int(), failures);
    EXPECT_EQ(suite.attribute("skipped").as_int(), skipped);
    total_tests += tests;
    total_failures += failures;
    ++i;
  }
  EXPECT_EQ(i, batch.size());
  EXPECT_EQ(suites.attribute("tests").as_int(), total_tests);
  EXPECT_EQ(suites.attribute("failures").as_int(), total_failures);

  // The clean file: one passing test case named after it.
  const auto clean = suites.first_child();
  EXPECT_EQ(clean.attribute("tests").as_int(), 1);
  EXPECT_STREQ(clean.first_child().attribute("name").value(), "records/clean.yaml");
  EXPECT_FALSE(clean.first_child().first_child());

  // Findings without a node path (drafts) are named by a hash of rule and message.
  const auto abs = clean.next_sibling().next_sibling().next_sibling();
  const std::string first = abs.first_child().attribute("name").value();
  const std::string second = abs.first_child().next_sibling().attribute("name").value();
  EXPECT_EQ(first.rfind("/nonexistent-escalate/abs ü.yaml no-codename #", 0), 0u) << first;
  EXPECT_EQ(first.size(), second.size());
  EXPECT_NE(first, second);

  // The waived finding is skipped with its reason; the baselined one is left out; the info
  // finding and the warning (no --strict) pass with the finding in system-out.
  const auto late = clean.next_sibling();
  EXPECT_EQ(late.attribute("skipped").as_int(), 1);
  EXPECT_EQ(late.attribute("tests").as_int(), 4);
  EXPECT_EQ(late.attribute("failures").as_int(), 1);
  const auto info = late.find_child_by_attribute("testcase", "name", "ESC-2026-0142 pir-scheduled pir");
  EXPECT_FALSE(info.child("failure"));
  EXPECT_NE(std::string(info.child_value("system-out")).find("info: the PIR is not scheduled"),
            std::string::npos);
  const auto warning = late.find_child_by_attribute("testcase", "name", "ESC-2026-0142 timestamp-utc timeline[0].at");
  EXPECT_FALSE(warning.child("failure"));
  EXPECT_NE(std::string(warning.child_value("system-out")).find("warning: timestamp"), std::string::npos);
  EXPECT_STREQ(late.find_child_by_attribute("testcase", "name", "ESC-2026-0142 speculative-language facts.root_cause")
                   .child("skipped")
                   .attribute("message")
                   .value(),
               "waived: quoted verbatim from the customer's email");
}

// With --strict a warning fails the run, so its test case fails too.
TEST(ReportJunit, StrictMakesWarningsFailures) {
  ReportOptions strict = options();
  strict.strict = true;
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(render(esc::ReportFormat::junit, sample_batch(), strict).c_str()));
  const auto late = doc.child("testsuites").first_child().next_sibling();
  EXPECT_EQ(late.attribute("failures").as_int(), 2);
  const auto warning = late.find_child_by_attribute("testcase", "name", "ESC-2026-0142 timestamp-utc timeline[0].at");
  EXPECT_STREQ(warning.child("failure").attribute("type").value(), "warning");
}

// GitLab compares test case names between pipelines: a finding keeps its name when lines move,
// and repeats of one finding still get distinct names.
TEST(ReportJunit, NamesSurviveMovedLines) {
  auto names = [](int line) {
    const std::string xml = render(esc::ReportFormat::junit,
                                   {file("r.yaml", "ESC-1",
                                         {diag("duplicate-id", Severity::error, line, 5, "dup", "id"),
                                          diag("duplicate-id", Severity::error, line, 5, "dup", "id")})});
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_string(xml.c_str()));
    std::vector<std::string> out;
    for (const auto tc : doc.child("testsuites").first_child().children()) out.push_back(tc.attribute("name").value());
    return out;
  };
  EXPECT_EQ(names(4), (std::vector<std::string>{"ESC-1 duplicate-id id", "ESC-1 duplicate-id id (2)"}));
  EXPECT_EQ(names(4), names(40));
}

// Many repeats of one name, and a name that is already a repeat's ("… (3)"): each gets the
// smallest number not used yet, in order (the names kept when the search stopped restarting
// from 2 for every repeat).
TEST(ReportJunit, ManyRepeatsGetTheSmallestFreeNumbers) {
  std::vector<esc::Diagnostic> ds = {diag("schema", Severity::error, 1, 1, "x", "a (3)")};
  for (int i = 0; i < 300; ++i) ds.push_back(diag("schema", Severity::error, 1, 1, "x", "a"));
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(render(esc::ReportFormat::junit, {file("r.yaml", "ESC-1", ds)}).c_str()));
  std::vector<std::string> got, want = {"ESC-1 schema a (3)", "ESC-1 schema a", "ESC-1 schema a (2)"};
  for (int n = 4; n <= 300; ++n) want.push_back("ESC-1 schema a (" + std::to_string(n) + ")");
  want.push_back("ESC-1 schema a (301)");
  for (const auto tc : doc.child("testsuites").first_child().children()) got.push_back(tc.attribute("name").value());
  EXPECT_EQ(got, want);
}

TEST(ReportJunit, EmptyBatch) {
  EXPECT_EQ(render(esc::ReportFormat::junit, {}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"escalate\" tests=\"0\" failures=\"0\" errors=\"0\" />\n");
}

// --- SARIF ---------------------------------------------------------------------------------------

TEST(ReportSarif, MatchesOfficialSchema) {
  ASSERT_TRUE(have_python()) << "/usr/bin/python3 is missing: run ESCALATE_SETUP_TESTS=1 ci/setup";
  const auto v = validate(kSourceDir / "tests/data/sarif-schema-2.1.0.json",
                          render(esc::ReportFormat::sarif, sample_batch()));
  EXPECT_EQ(v.status, 0) << v.output;
}

TEST(ReportSarif, RulesComeFromTheRuleTable) {
  const auto j = nlohmann::json::parse(render(esc::ReportFormat::sarif, sample_batch()));
  const auto& run = j["runs"][0];
  EXPECT_EQ(run["tool"]["driver"]["name"], "escalate");
  EXPECT_EQ(run["tool"]["driver"]["version"], "0.1.0");
  const auto& rules = run["tool"]["driver"]["rules"];
  const auto table = esc::rule_table();
  ASSERT_GE(rules.size(), table.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    const auto& r = rules[i];
    EXPECT_EQ(r["id"], std::string(table[i]->id));
    EXPECT_FALSE(r["name"].get<std::string>().empty());
    EXPECT_FALSE(r["shortDescription"]["text"].get<std::string>().empty()) << table[i]->id;
    EXPECT_FALSE(r["fullDescription"]["text"].get<std::string>().empty()) << table[i]->id;
    EXPECT_FALSE(r["help"]["text"].get<std::string>().empty()) << table[i]->id;
    EXPECT_FALSE(r["help"]["markdown"].get<std::string>().empty()) << table[i]->id;
    EXPECT_TRUE(r["defaultConfiguration"]["level"].is_string());
  }
  // Rules that are not in the table (custom lint patterns) get a minimal entry after it.
  std::set<std::string> ids;
  for (const auto& r : rules) EXPECT_TRUE(ids.insert(r["id"].get<std::string>()).second);
  EXPECT_EQ(ids.count("no-codename"), 1u);
  std::set<std::string> unknown;
  for (const auto& f : sample_batch()) {
    for (const auto& d : f.diagnostics) {
      if (d.severity != Severity::off && esc::find_rule(d.rule) == nullptr) unknown.insert(d.rule);
    }
  }
  EXPECT_EQ(rules.size(), table.size() + unknown.size());
  for (std::size_t i = table.size(); i < rules.size(); ++i) {
    EXPECT_EQ(unknown.count(rules[i]["id"].get<std::string>()), 1u);
    EXPECT_EQ(rules[i]["shortDescription"]["text"], rules[i]["id"]);
  }
  // Every result points at its rule.
  for (const auto& res : run["results"]) {
    EXPECT_EQ(rules[res["ruleIndex"].get<std::size_t>()]["id"], res["ruleId"]);
  }
}

TEST(ReportSarif, RuleHelp) {
  const auto j = nlohmann::json::parse(render(esc::ReportFormat::sarif, {}));
  const auto& rules = j["runs"][0]["tool"]["driver"]["rules"];
  for (const auto& r : rules) {
    const esc::RuleInfo* info = esc::find_rule(r["id"].get<std::string>());
    ASSERT_NE(info, nullptr);
    const std::string md = r["help"]["markdown"];
    EXPECT_NE(md.find(std::string(info->description)), std::string::npos);
    // Every rule documents a failing example, shown as a code block.
    EXPECT_FALSE(info->bad_example.empty()) << info->id;
    EXPECT_NE(md.find("```"), std::string::npos) << info->id;
    EXPECT_EQ(r["shortDescription"]["text"], std::string(info->summary));
    EXPECT_EQ(r["helpUri"], "https://escalate.example.com/rules/" + std::string(info->id));
  }
  EXPECT_EQ(j["runs"][0]["tool"]["driver"]["informationUri"], "https://escalate.example.com/");
  const auto promise = std::find_if(rules.begin(), rules.end(),
                                    [](const auto& r) { return r["id"] == "update-promise-kept"; });
  ASSERT_NE(promise, rules.end());
  EXPECT_EQ((*promise)["name"], "UpdatePromiseKept");
}

TEST(ReportSarif, LocationsAndSuppressions) {
  const auto j = nlohmann::json::parse(render(esc::ReportFormat::sarif, sample_batch()));
  const auto& results = j["runs"][0]["results"];
  EXPECT_EQ(j["runs"][0]["columnKind"], "unicodeCodePoints");
  std::size_t without_column = 0;
  for (const auto& r : results) {
    const auto& region = r["locations"][0]["physicalLocation"]["region"];
    EXPECT_GE(region["startLine"].get<int>(), 1);
    EXPECT_GE(region.value("startColumn", 1), 1);
    without_column += !region.contains("startColumn");
  }
  EXPECT_EQ(without_column, 1u);  // only the whole-file finding (results[5] below)
  // results: 5 of "late update" (waived and baselined kept), 3 of broken, 3 of the absolute file.
  ASSERT_EQ(results.size(), 11u);
  const auto& utc = results[0];
  EXPECT_EQ(utc["level"], "warning");
  EXPECT_EQ(utc["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "records/late%20update.yaml");
  EXPECT_EQ(utc["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(results[1]["suppressions"][0]["kind"], "inSource");
  EXPECT_EQ(results[3]["suppressions"][0]["kind"], "external");
  EXPECT_EQ(results[4]["level"], "note");
  // The whole-file finding points at line 1 without a column.
  const auto& empty = results[5]["locations"][0]["physicalLocation"]["region"];
  EXPECT_EQ(empty["startLine"], 1);
  EXPECT_FALSE(empty.contains("startColumn"));
  // Outside the current directory: an absolute file URI, percent-encoded, without a base.
  const auto& abs = results[8]["locations"][0]["physicalLocation"]["artifactLocation"];
  EXPECT_EQ(abs["uri"], "file:///nonexistent-escalate/abs%20%C3%BC.yaml");
  EXPECT_FALSE(abs.contains("uriBaseId"));
  // Fingerprints: stable, and distinct for the two findings that share rule and place.
  EXPECT_NE(results[8]["partialFingerprints"]["escalateFingerprint/v1"],
            results[9]["partialFingerprints"]["escalateFingerprint/v1"]);
}

TEST(ReportSarif, FingerprintIgnoresLineNumbers) {
  auto batch = sample_batch();
  auto moved = sample_batch();
  for (auto& d : moved[1].diagnostics) d.mark.line += 10;
  const auto a = nlohmann::json::parse(render(esc::ReportFormat::sarif, batch));
  const auto b = nlohmann::json::parse(render(esc::ReportFormat::sarif, moved));
  for (std::size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(a["runs"][0]["results"][i]["partialFingerprints"],
              b["runs"][0]["results"][i]["partialFingerprints"]);
  }
}

// --- GitHub --------------------------------------------------------------------------------------

TEST(ReportGithub, Escaping) {
  const auto out = render(
      esc::ReportFormat::github,
      {file("dir,x/a:b.yaml", "", {diag("r,1:x", Severity::info, 3, 2, "100%\r\nok: a, b")})});
  EXPECT_EQ(out,
            "::notice file=dir%2Cx/a%3Ab.yaml,line=3,col=2,title=r%2C1%3Ax::100%25%0D%0Aok: a, b\n"
            "1 info in 1 of 1 record\n");
}

TEST(ReportGithub, ControlCharactersCannotReachTheLog) {
  const auto out =
      render(esc::ReportFormat::github,
             {file("a.yaml", "", {diag("r", Severity::error, 1, 1, "a\x1b[2Jb\n::error::x")})});
  EXPECT_EQ(out.substr(0, out.find('\n')),
            "::error file=a.yaml,line=1,col=1,title=r::a\uFFFD[2Jb%0A::error::x");
}

TEST(ReportGithub, WholeFileAndSuppressed) {
  const auto out = render(
      esc::ReportFormat::github,
      {file("a.yaml", "",
            {diag("yaml-syntax", Severity::error, 0, 0, "empty"),
             suppressed(diag("schema", Severity::error, 2, 1, "w"), Suppression::waived, "why"),
             suppressed(diag("schema", Severity::warning, 3, 1, "b"), Suppression::baselined,
                        "baseline")})});
  EXPECT_EQ(out,
            "::error file=a.yaml,title=yaml-syntax::empty\n1 error in 1 of 1 record, 1 waived, 1 "
            "baselined\n");
}

// --- relative_uri --------------------------------------------------------------------------------

TEST(ReportRelativeUri, InsideAndOutsideTheCurrentDirectory) {
  TempDir dir;
  fs::create_directories(dir.path() / "repo/records");
  const fs::path repo = fs::canonical(dir.path() / "repo");
  ScopedCwd cwd(repo);
  EXPECT_EQ(esc::relative_uri("records/a.yaml"), "records/a.yaml");
  EXPECT_EQ(esc::relative_uri("./records/./a.yaml"), "records/a.yaml");
  EXPECT_EQ(esc::relative_uri("records/../b.yaml"), "b.yaml");
  EXPECT_EQ(esc::relative_uri("records//a.yaml"), "records/a.yaml");
  EXPECT_EQ(esc::relative_uri((repo / "records/a.yaml").string()), "records/a.yaml");
  EXPECT_EQ(esc::relative_uri("../repo/records/a.yaml"), "records/a.yaml");
  EXPECT_EQ(esc::relative_uri("../elsewhere/x.yaml"),
            (repo.parent_path() / "elsewhere/x.yaml").generic_string());
  EXPECT_EQ(esc::relative_uri("/nonexistent-escalate/x.yaml"), "/nonexistent-escalate/x.yaml");
  EXPECT_EQ(esc::relative_uri("/nonexistent-escalate/../x.yaml"), "/x.yaml");
  EXPECT_EQ(esc::relative_uri("<stdin>"), "<stdin>");
}

TEST(ReportRelativeUri, ThroughASymlinkedDirectory) {
  TempDir dir;
  fs::create_directories(dir.path() / "real/records");
  fs::create_directory_symlink(dir.path() / "real", dir.path() / "link");
  ScopedCwd cwd(dir.path() / "real");
  EXPECT_EQ(esc::relative_uri((dir.path() / "link/records/a.yaml").string()), "records/a.yaml");
}
