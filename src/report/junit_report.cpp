// JUnit XML for CI test reporters (GitLab, Jenkins, GitHub actions that read JUnit):
//
//   <testsuites name="escalate" tests="4" failures="2" errors="0">
//     <testsuite name="records/a.yaml" tests="1" failures="0" errors="0" skipped="0">
//       <testcase name="records/a.yaml" classname="escalate"/>            (no counted finding)
//     </testsuite>
//     <testsuite name="records/b.yaml" tests="3" failures="2" errors="0" skipped="1">
//       <testcase name="ESC-2026-0142 update-promise-kept communications[1].next_update_by"
//                 classname="records/b.yaml">
//         <failure message="..." type="error">records/b.yaml:41:5: error: ... [rule]</failure>
//       </testcase>
//       <testcase name="ESC-2026-0142 speculative-language #1f0c9a3e" classname="records/b.yaml">
//         <skipped message="waived: REASON"/>
//       </testcase>
//     </testsuite>
//   </testsuites>
//
// Test cases pass and fail as the exit status does: an error is a failing test case, and so is
// a warning with --strict; a warning without it and an info finding (neither fails the run) are
// passing test cases with the finding in <system-out>. Names are stable when lines move, so
// GitLab's "new failures" comparison holds across edits: the record (its id, else the file),
// the rule and where in the record — the node path the baseline uses, or for findings without
// one (drafts) a hash of the rule and message — then " (2)", " (3)" for repeats (GitLab drops
// duplicate names). A file without counted findings also gets one passing test case named after
// the file. Baselined findings are left out. Text that XML 1.0 cannot carry (control characters,
// invalid UTF-8) is replaced by U+FFFD.
#include <pugixml.hpp>
#include <map>
#include <set>
#include <sstream>

#include "report/report.h"
#include "report/spool.h"
#include "core/text.h"

namespace esc {

namespace {

// Text XML 1.0 can carry: valid UTF-8 without control characters other than tab, CR and LF,
// and without U+FFFE/U+FFFF.
std::string xml_text(std::string_view raw) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  const std::string text = report_detail::without_controls(raw, true);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
        (static_cast<unsigned char>(text[i + 2]) == 0xBE ||
         static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      out += kReplacement;
      i += 2;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

// `base`, or "base (N)" with the smallest N from 2 that is not used yet. Each base's next N is
// kept: every smaller one is already used, so thousands of repeats do not try each again.
struct UniqueNames {
  std::set<std::string> used;
  std::map<std::string, int> next;
  std::string operator()(const std::string& base) {
    std::string name = base;
    if (used.count(name) != 0) {
      int& n = next.try_emplace(base, 2).first->second;
      do name = base + " (" + std::to_string(n++) + ")";
      while (used.count(name) != 0);
    }
    used.insert(name);
    return name;
  }
};

std::string case_name(const FileResult& f, const Diagnostic& d) {
  const std::string& record = !d.record_id.empty() ? d.record_id : !f.record_id.empty() ? f.record_id : f.path;
  if (!d.node_path.empty()) return concat({record, " ", d.rule, " ", d.node_path});
  return concat({record, " ", d.rule, " #", report_detail::stable_hash({d.rule, d.message}).substr(0, 8)});
}

std::string failure_body(const FileResult& f, const Diagnostic& d) {
  using report_detail::location;
  std::string s = location(f.path, d.mark) + ": " + std::string(to_string(d.severity)) + ": " +
                  d.message + " [" + d.rule + "]";
  for (const Note& n : d.notes) s += concat({"\n", location(f.path, n.mark), ": note: ", n.message});
  return s;
}

void set_attr(pugi::xml_node node, const char* name, const std::string& value) {
  node.append_attribute(name).set_value(xml_text(value).c_str());
}

void set_attr(pugi::xml_node node, const char* name, int value) {
  node.append_attribute(name).set_value(value);
}

}  // namespace

namespace {

// The totals come first (attributes of <testsuites>): each file's <testsuite> is printed as it
// comes, at its depth in the document, and spooled until they are known.
class JunitReport final : public ReportWriter {
 public:
  JunitReport(std::ostream& out, const ReportOptions& opt) : out_(out), opt_(opt) {}

  std::optional<std::string> finish() override {
    pugi::xml_document doc;
    pugi::xml_node decl = doc.append_child(pugi::node_declaration);
    decl.append_attribute("version").set_value("1.0");
    decl.append_attribute("encoding").set_value("UTF-8");
    pugi::xml_node suites = doc.append_child("testsuites");
    set_attr(suites, "name", std::string("escalate"));
    set_attr(suites, "tests", total_tests_);
    set_attr(suites, "failures", total_failures_);
    set_attr(suites, "errors", 0);
    std::ostringstream frame;
    if (totals_.files == 0) {
      doc.save(frame, "  ", pugi::format_default, pugi::encoding_utf8);
      out_ << frame.str();
      return std::nullopt;
    }
    // <testsuites ...></testsuites>: the suites go between the two tags.
    doc.save(frame, "  ", pugi::format_default | pugi::format_no_empty_element_tags, pugi::encoding_utf8);
    const std::string text = frame.str();
    const std::size_t close = text.rfind("</testsuites>");
    out_ << text.substr(0, close) << '\n';
    auto err = suites_.copy_to(out_);
    out_ << text.substr(close);
    return err;
  }

 private:
  void write_file(const FileResult& f) override {
    pugi::xml_document doc;
    pugi::xml_node suite = doc.append_child("testsuite");
    set_attr(suite, "name", f.path);
    pugi::xml_attribute tests = suite.append_attribute("tests");
    pugi::xml_attribute failures = suite.append_attribute("failures");
    set_attr(suite, "errors", 0);
    pugi::xml_attribute skipped = suite.append_attribute("skipped");
    int n_tests = 0, n_failures = 0, n_skipped = 0;
    UniqueNames unique_name;

    bool any_counted = false;
    for (const Diagnostic& d : f.diagnostics) any_counted = any_counted || counts(d);
    if (!any_counted) {
      pugi::xml_node tc = suite.append_child("testcase");
      set_attr(tc, "name", unique_name(f.path));
      set_attr(tc, "classname", std::string("escalate"));
      ++n_tests;
    }
    for (const Diagnostic& d : f.diagnostics) {
      if (d.severity == Severity::off || d.suppression == Suppression::baselined) continue;
      pugi::xml_node tc = suite.append_child("testcase");
      set_attr(tc, "name", unique_name(case_name(f, d)));
      set_attr(tc, "classname", f.path);
      ++n_tests;
      if (d.suppression == Suppression::waived) {
        pugi::xml_node s = tc.append_child("skipped");
        set_attr(s, "message", "waived: " + d.suppression_reason);
        ++n_skipped;
        continue;
      }
      // Information, and warnings without --strict: shown, but the test case passes (as the run does).
      if (d.severity == Severity::info || (d.severity == Severity::warning && !opt_.strict)) {
        tc.append_child("system-out")
            .append_child(pugi::node_pcdata)
            .set_value(xml_text(failure_body(f, d)).c_str());
        continue;
      }
      pugi::xml_node failure = tc.append_child("failure");
      set_attr(failure, "message", d.message);
      set_attr(failure, "type", std::string(to_string(d.severity)));
      failure.append_child(pugi::node_pcdata).set_value(xml_text(failure_body(f, d)).c_str());
      ++n_failures;
    }
    tests.set_value(n_tests);
    failures.set_value(n_failures);
    skipped.set_value(n_skipped);
    total_tests_ += n_tests;
    total_failures_ += n_failures;
    std::ostringstream text;
    suite.print(text, "  ", pugi::format_default, pugi::encoding_utf8, 1);  // inside <testsuites>
    suites_.write(text.str());
  }

  std::ostream& out_;
  ReportOptions opt_;
  report_detail::Spool suites_;
  int total_tests_ = 0, total_failures_ = 0;
};

}  // namespace

std::unique_ptr<ReportWriter> make_junit_writer(std::ostream& out, const ReportOptions& opt) {
  return std::make_unique<JunitReport>(out, opt);
}

}  // namespace esc
