// escalate build: one PIR pack per record — the finished customer emails, the executive readout
// and the record's lint reports — plus the batch's summary.json and CI reports. The pipeline is
// pipeline/build_packs; this file checks the options, sets up the reports and prints.
#include <csignal>
#include <iostream>
#include <map>
#include <set>

#include "cli/build.h"
#include "core/file.h"
#include "core/interrupt.h"
#include "cli/commands.h"
#include "pipeline/batch.h"
#include "pipeline/build_packs.h"
#include "report/baseline.h"
#include "report/spool.h"
#include "write/atomic_file.h"
#include "write/pack.h"

namespace esc {

namespace fs = std::filesystem;

namespace {

// The names escalate itself writes into the output folder: a record with such an id would have
// its pack and the file fight over one name.
std::set<std::string> own_file_names(const fs::path& out_dir, const BuildOptions& b) {
  std::set<std::string> names = {"summary.json"};
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(out_dir, ec);
  for (const std::string& side : {b.junit, b.sarif}) {
    if (side.empty() || is_stdout_path(side)) continue;
    fs::path p = fs::weakly_canonical(fs::absolute(side, ec), ec);
    if (!ec && p.parent_path() == dir) names.insert(p.filename().string());
  }
  return names;
}

// How the build says which signal stopped it.
const char* stopped_by(int signal) { return signal == SIGINT ? "interrupted" : "stopped by SIGTERM"; }

}  // namespace

int cmd_build(const CommonOptions& o, const BuildOptions& b) {
  auto settings = resolve_settings(o);
  if (!settings) return kExitUsage;
  if (o.paths.empty()) {
    print_error("no records given; try 'escalate build incidents/ -o packs/'");
    return kExitUsage;
  }
  const BatchOptions options = batch_options(o, *settings);
  PreparedBatch batch = prepare_batch(options);
  if (batch.config_failed || (batch.inputs.empty() && !batch.errors.empty())) {
    for (const std::string& e : batch.errors) print_error(e);
    return kExitUsage;
  }
  if (batch.inputs.empty()) {
    print_error("no *.yaml or *.yml records found in " + o.paths.front());
    return kExitUsage;
  }
  if (!outputs_spare_inputs(batch.inputs, {o.config, o.baseline}, {o.output, o.write_baseline, b.junit, b.sarif})) return kExitUsage;
  std::error_code ec;
  if (!b.font.empty() && !fs::is_regular_file(b.font, ec)) {
    print_error("--font '" + b.font + "' is not a readable file; give a TrueType (.ttf) font");
    return kExitUsage;
  }
  fs::path out_dir(b.output_dir);
  // Two reports named to one file (by whatever path) would leave only the last one written.
  const std::pair<const char*, std::string> named[] = {{"--output", o.output},
                                                       {"--write-baseline", o.write_baseline},
                                                       {"--junit", b.junit},
                                                       {"--sarif", b.sarif},
                                                       {"summary.json", (out_dir / "summary.json").string()}};
  for (std::size_t i = 0; i < std::size(named); ++i)
    for (std::size_t j = i + 1; j < std::size(named); ++j) {
      const std::string &a = named[i].second, &c = named[j].second;
      if (a.empty() || c.empty() || is_stdout_path(a) || is_stdout_path(c)) continue;
      std::error_code ea, ecc;
      const fs::path pa = fs::weakly_canonical(a, ea), pc = fs::weakly_canonical(c, ecc);
      if (ea || ecc || pa != pc) continue;
      print_error(std::string(named[i].first) + " and " + named[j].first + " both name '" + c +
                  "'; each report needs a file of its own");
      return kExitUsage;
    }
  if (auto err = prepare_output_dir(out_dir)) {
    print_error(*err);
    return kExitUsage;
  }
  // Templates: --templates, else each record's configuration's, else the built-in ones.
  TemplateSet templates;
  if (auto err = load_batch_templates(batch, b.templates, templates)) {
    print_error(*err);
    return kExitUsage;
  }

  std::vector<std::string> errors = batch.errors;
  // --baseline applies to every report, the side reports included: findings it records do not
  // fail the run (a record with errors still needs --force for its emails and readout).
  std::optional<Baseline> baseline;
  std::optional<std::string> baseline_error;
  if (!o.baseline.empty()) {
    std::string text;
    baseline_error = read_file(o.baseline, text, 64 * 1024 * 1024);
    if (!baseline_error) baseline_error = baseline.emplace().parse(text, o.baseline);
  }
  CommonOptions rest = o;
  rest.baseline.clear();
  BatchReport report(rest, *settings, ReportOptions{});

  // --junit and --sarif. Standard output keeps the order of a report written at the end: the
  // side reports, then the report; while a side report uses it, each waits in a spool.
  struct SideReport {
    std::string path;
    OutputFile file;
    std::optional<std::string> error;
    report_detail::Spool held;
    std::ostream held_stream{&held};
    std::unique_ptr<ReportWriter> writer;
  };
  std::vector<std::unique_ptr<SideReport>> sides;
  bool stdout_waits = false;
  for (const auto& [path, format] : {std::pair{b.junit, ReportFormat::junit}, std::pair{b.sarif, ReportFormat::sarif}}) {
    if (path.empty()) continue;
    auto side = std::make_unique<SideReport>();
    side->path = path;
    ReportOptions opt;
    opt.tool_version = ESCALATE_VERSION;
    opt.strict = o.strict;
    std::ostream* out = &side->held_stream;
    if (is_stdout_path(path)) {
      stdout_waits = true;
    } else if (auto err = side->file.open(path)) {
      side->error = err;
    } else {
      out = &side->file.stream();
    }
    side->writer = make_report_writer(format, *out, opt);
    sides.push_back(std::move(side));
  }
  report_detail::Spool report_held;
  std::ostream report_held_stream(&report_held);
  if (stdout_waits) report.redirect(report_held_stream);

  PackBuild build;
  build.out_dir = out_dir;
  build.force = b.force;
  build.font = b.font;
  build.templates = b.templates;
  build.reserved = own_file_names(out_dir, b);
  build.tool_version = ESCALATE_VERSION;
  catch_interrupts();  // from here on, Ctrl-C stops between records (build_packs)
  const PackBuildResult built = build_packs(batch, options, build, templates, [&](FileResult& fr) {
    if (baseline_error) return;
    if (baseline) baseline->apply(fr);
    for (auto& side : sides) side->writer->add(fr);
    report.add(fr);
  }, errors);
  // The handler stays until the end: a signal while the reports are written is remembered, the
  // reports are finished and put in place, and main() then ends by it. A second one kills.
  const std::size_t packs_written = built.packs_written, not_built = built.not_built;
  if (built.interrupted_by) {
    // The reports and --write-baseline would cover part of the batch: none is put in place.
    std::cout.flush();
    if (baseline_error) errors.push_back(*baseline_error);
    for (auto& side : sides) {
      if (side->error) errors.push_back(*side->error);
      side->file.abandon();
    }
    report.abandon(errors);
    const bool streamed = o.output.empty() && !stdout_waits && (settings->format == ReportFormat::text || settings->format == ReportFormat::github);
    std::cerr << "escalate: " << stopped_by(built.interrupted_by) << ": "
              << packs_written << " pack" << (packs_written == 1 ? "" : "s") << " written to " << out_dir.string()
              << "/ before it; the other records were not built, and neither summary.json nor a report file was written"
              << (streamed ? " (the report above covers only the records built)" : "")
              << (built.summary_removed ? " (the earlier build's summary.json, which no longer matched, was removed)" : "")
              << "\n";
    return 128 + built.interrupted_by;
  }

  if (baseline_error) {
    print_error(*baseline_error);
    return kExitUsage;
  }
  for (auto& side : sides) {
    std::optional<std::string> err = side->error;
    if (!err) err = side->writer->finish();
    if (is_stdout_path(side->path)) {
      std::cout.flush();
      if (!err) err = side->held.copy_to(std::cout);
      std::cout.flush();
    } else if (err) {
      side->file.abandon();
    } else {
      err = side->file.commit();
    }
    if (err) errors.push_back(*err);
  }

  int status = report.finish(errors);
  if (stdout_waits) {
    if (auto err = report_held.copy_to(std::cout)) print_error(*err);
    std::cout.flush();
  }
  if (const int signal = interrupted())
    std::cerr << "escalate: " << stopped_by(signal) << " once every record had been started: the build finished whole\n";
  if (!o.quiet && status != kExitUsage) {
    std::cerr << "escalate: wrote " << packs_written << " pack" << (packs_written == 1 ? "" : "s") << " to "
              << out_dir.string() << "/";
    if (not_built > 0)
      std::cerr << "; " << not_built << " record" << (not_built == 1 ? "" : "s")
                << " with errors got only lint reports (--force builds them as drafts)";
    std::cerr << "\n";
  }
  return status;
}

}  // namespace esc
