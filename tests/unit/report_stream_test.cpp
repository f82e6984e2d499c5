// Reports written while a batch runs: a batch large enough that every list outgrows the spool's
// buffer (so it goes through the temporary file) gives exactly the document a pretty-printer
// makes of the whole report at once: the JSON and SARIF outputs are nlohmann's dump(2) of
// themselves, the JUnit output pugixml's save of itself, and the totals ahead of the lists
// count what the lists hold.
#include <gtest/gtest.h>

#include <cstdlib>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>
#include <sstream>

#include "report/baseline.h"
#include "report/report.h"
#include "report/spool.h"

namespace {

using esc::Diagnostic;
using esc::FileResult;
using esc::ReportFormat;
using esc::Severity;

// 3,000 records: most clean, some with an error and notes, some with a warning, a waived finding,
// non-ASCII, a custom pattern id and an id used twice.
std::vector<FileResult> big_batch() {
  std::vector<FileResult> batch;
  for (int i = 0; i < 3000; ++i) {
    FileResult f;
    f.path = "records/ESC-" + std::to_string(i) + " Zürich.yaml";
    f.record_id = "ESC-" + std::to_string(i % 2999);
    auto add = [&](std::string rule, Severity s, int line, std::string message, std::string node) {
      Diagnostic d;
      d.rule = std::move(rule);
      d.severity = s;
      d.file = f.path;
      d.mark = {line, 3};
      d.message = std::move(message);
      d.node_path = std::move(node);
      d.record_id = f.record_id;
      f.diagnostics.push_back(std::move(d));
    };
    if (i % 3 == 0) {
      add("update-promise-kept", Severity::error, 10 + i % 7, "sent “late” by " + std::to_string(i) + " minutes",
          "communications[1].sent_at");
      f.diagnostics.back().notes.push_back({{4, 1}, "the promise was made here: <b>&amp;</b>"});
    }
    if (i % 5 == 0) add("timestamp-utc", Severity::warning, 7, "not in UTC: 日本語", "timeline[0].at");
    if (i % 11 == 0) {
      add("speculative-language", Severity::warning, 9, "hedging: \"probably\"", "facts.root_cause");
      f.diagnostics.back().suppression = esc::Suppression::waived;
      f.diagnostics.back().suppression_reason = "quoted";
    }
    if (i % 97 == 0) add("no-codename", Severity::info, 2, "code name \"Bluebird\"", "");
    esc::sort_diagnostics(f.diagnostics);
    batch.push_back(std::move(f));
  }
  return batch;
}

std::string render(ReportFormat f, const std::vector<FileResult>& batch, bool strict = false) {
  esc::ReportOptions opt;
  opt.tool_version = "0.1.0";
  opt.strict = strict;
  std::ostringstream out;
  esc::write_report(f, out, batch, opt);
  return out.str();
}

std::string pretty(const std::string& json_text) {
  return nlohmann::ordered_json::parse(json_text).dump(2) + "\n";
}

TEST(ReportStream, JsonIsTheWholeDocumentDumped) {
  const std::string text = render(ReportFormat::json, big_batch());
  ASSERT_GT(text.size(), 256u * 1024);
  EXPECT_EQ(text, pretty(text));
  const auto doc = nlohmann::json::parse(text);
  EXPECT_EQ(doc["summary"]["files"], 3000);
  EXPECT_EQ(doc["files"].size(), 3000u);
  EXPECT_EQ(doc["files"][2999]["path"], "records/ESC-2999 Zürich.yaml");
  EXPECT_EQ(doc["summary"]["errors"], 1000);
  EXPECT_EQ(doc["summary"]["waived"], 273);
}

TEST(ReportStream, SarifIsTheWholeDocumentDumped) {
  const std::string text = render(ReportFormat::sarif, big_batch());
  EXPECT_EQ(text, pretty(text));
  const auto doc = nlohmann::json::parse(text);
  const auto& run = doc["runs"][0];
  EXPECT_EQ(run["results"].size(), 1000u + 600u + 273u + 31u);
  // The custom id that fired is in rules[] ahead of the results that point at it.
  const auto& last = run["results"][0];
  EXPECT_EQ(run["tool"]["driver"]["rules"][last["ruleIndex"].get<std::size_t>()]["id"], last["ruleId"]);
  bool custom = false;
  for (const auto& r : run["tool"]["driver"]["rules"]) custom = custom || r["id"] == "no-codename";
  EXPECT_TRUE(custom);
}

TEST(ReportStream, JunitIsTheWholeDocumentSaved) {
  const std::string text = render(ReportFormat::junit, big_batch(), /*strict=*/true);
  pugi::xml_document doc;
  ASSERT_TRUE(doc.load_string(text.c_str(), pugi::parse_default | pugi::parse_declaration));
  std::ostringstream again;
  doc.save(again, "  ", pugi::format_default, pugi::encoding_utf8);
  EXPECT_EQ(text, again.str());
  const pugi::xml_node suites = doc.child("testsuites");
  EXPECT_EQ(suites.attribute("failures").as_int(), 1000 + 600);
  int tests = 0;
  for (pugi::xml_node s : suites.children("testsuite")) tests += s.attribute("tests").as_int();
  EXPECT_EQ(suites.attribute("tests").as_int(), tests);
}

TEST(ReportStream, EmptyBatchesAreTheWholeDocument) {
  for (ReportFormat f : {ReportFormat::json, ReportFormat::sarif}) {
    const std::string text = render(f, {});
    EXPECT_EQ(text, pretty(text));
  }
  EXPECT_EQ(render(ReportFormat::junit, {}),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"escalate\" tests=\"0\" failures=\"0\" errors=\"0\" />\n");
  EXPECT_EQ(esc::make_baseline({}), "{\n  \"version\": 1,\n  \"tool\": \"escalate\",\n  \"findings\": []\n}\n");
}

TEST(ReportStream, BaselineIsTheWholeDocumentDumped) {
  const std::string text = esc::make_baseline(big_batch());
  EXPECT_EQ(text, pretty(text));
  EXPECT_EQ(nlohmann::json::parse(text)["findings"].size(), 1000u + 600u + 31u);
}

TEST(ReportStream, FilesAddedOneByOneGiveTheSameReport) {
  const std::vector<FileResult> batch = big_batch();
  for (ReportFormat f : {ReportFormat::text, ReportFormat::json, ReportFormat::junit, ReportFormat::sarif,
                         ReportFormat::github}) {
    std::ostringstream out;
    esc::ReportOptions opt;
    opt.tool_version = "0.1.0";
    auto writer = esc::make_report_writer(f, out, opt);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      FileResult copy = batch[i];  // the writer keeps nothing of a file once added
      writer->add(copy);
    }
    EXPECT_EQ(writer->finish(), std::nullopt);
    EXPECT_EQ(out.str(), render(f, batch)) << static_cast<int>(f);
    EXPECT_EQ(writer->totals().files, 3000);
  }
}

TEST(ReportStream, SpoolCopiesBackThroughItsTemporaryFile) {
  std::string expected;
  esc::report_detail::Spool spool;
  for (int i = 0; i < 50000; ++i) {
    const std::string line = "line " + std::to_string(i) + " ü\n";
    spool.write(line);
    expected += line;
  }
  std::ostringstream out;
  EXPECT_EQ(spool.copy_to(out), std::nullopt);
  EXPECT_EQ(out.str(), expected);
}

TEST(ReportStream, SpoolKeepsTheTextWhenNoTemporaryFileCanBeMade) {
  const char* old = std::getenv("TMPDIR");
  const std::string saved = old ? old : "";
  ::setenv("TMPDIR", "/nonexistent-escalate-tmp", 1);
  std::string expected;
  {
    esc::report_detail::Spool spool;
    for (int i = 0; i < 20000; ++i) {
      const std::string line = std::to_string(i) + "\n";
      spool.write(line);
      expected += line;
    }
    std::ostringstream out;
    EXPECT_EQ(spool.copy_to(out), std::nullopt);
    EXPECT_EQ(out.str(), expected);
  }
  if (old) ::setenv("TMPDIR", saved.c_str(), 1);
  else ::unsetenv("TMPDIR");
}

}  // namespace
