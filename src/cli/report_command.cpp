// escalate report: how the team keeps the playbook across the records given. Each record is
// read, checked (the same rules, configuration and waivers as `check`) and measured by the
// model, one block of records at a time on the workers; its row is written (CSV, JSON) and
// folded into the aggregates, then dropped. Nothing grows with the number of records but the
// minutes kept for the percentiles.
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <unistd.h>

#include "pipeline/batch.h"
#include "cli/report_command.h"
#include "core/text.h"
#include "model/measures.h"
#include "report/portfolio.h"
#include "rules/engine.h"
#include "write/atomic_file.h"

namespace esc {

namespace fs = std::filesystem;

namespace {

// The records measured together: small enough to keep memory flat, large enough to keep the
// workers busy.
constexpr std::size_t kBlock = 64;

struct Outcome {
  std::optional<portfolio::Row> row;
  std::optional<portfolio::NotLoaded> not_loaded;
};

Outcome measure_input(const InputFile& in, const Config& config, Instant now) {
  Outcome out;
  ReadResult read = read_input(in, config.max_file_size);
  if (read.error) {
    out.not_loaded = portfolio::NotLoaded{in.display, *read.error};
    return out;
  }
  if (read.over_limit) {
    out.not_loaded = portfolio::NotLoaded{in.display, "the file is " + std::to_string(read.size) + " bytes, over the " +
                                                          std::to_string(config.max_file_size) + "-byte limit for a record"};
    return out;
  }
  if (read.text.starts_with("\xEF\xBB\xBF")) read.text.erase(0, 3);
  if (read.text.find('\r') != std::string::npos) read.text = unify_line_ends(read.text);
  const Calendar calendar(config.calendar, config.holidays);
  CheckedRecord checked = check_record_text(read.text, in.display, CheckOptions{&config, now}, calendar);
  if (!checked.record) {
    std::string message = "not a record";
    for (const Diagnostic& d : checked.diagnostics)
      if (d.severity == Severity::error) {
        message = std::to_string(d.mark.line) + ":" + std::to_string(d.mark.col) + ": " + d.message + " [" + d.rule + "]";
        break;
      }
    out.not_loaded = portfolio::NotLoaded{in.display, message};
    return out;
  }
  const model::Escalation e(*checked.record, config, calendar, now);
  out.row = portfolio::make_row(e, config, checked.diagnostics, in.display);
  return out;
}

struct Filter {
  std::optional<Date> since, until;
  std::vector<Priority> severities;
  std::string account;

  // Whether the row is in; `no_opened` says a date filter left it out for want of a time.
  bool keeps(const portfolio::Row& row, bool& no_opened) const {
    no_opened = false;
    if (since || until) {
      if (!row.m.opened) {
        no_opened = true;
        return false;
      }
      const Date d = utc_date(*row.m.opened);
      if ((since && d < *since) || (until && d > *until)) return false;
    }
    if (!severities.empty() &&
        (!row.severity || std::find(severities.begin(), severities.end(), *row.severity) == severities.end()))
      return false;
    if (!account.empty() && !same_name(row.account, account)) return false;
    return true;
  }
};

std::optional<Filter> parse_filter(const ReportCommandOptions& ro, portfolio::FilterText& text) {
  Filter f;
  auto date = [](const std::string& value, const char* flag) -> std::optional<std::optional<Date>> {
    if (value.empty()) return std::optional<Date>();
    TimeError err;
    auto d = parse_date(value, &err);
    if (!d) {
      print_error(std::string(flag) + " must be a date such as 2026-11-01, got '" + value + "'");
      return std::nullopt;
    }
    return std::optional<Date>(*d);
  };
  auto since = date(ro.since, "--since");
  auto until = date(ro.until, "--until");
  if (!since || !until) return std::nullopt;
  f.since = *since;
  f.until = *until;
  if (f.since && f.until && *f.until < *f.since) {
    print_error("--until " + ro.until + " is before --since " + ro.since);
    return std::nullopt;
  }
  for (const std::string& arg : ro.severities) {
    std::stringstream parts(arg);
    for (std::string part; std::getline(parts, part, ',');) {
      std::string v;
      for (char c : part)
        if (c != ' ') v += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      auto p = parse_enum<Priority>(v);
      if (!p) {
        print_error("--severity must be P1, P2 or P3, got '" + part + "'");
        return std::nullopt;
      }
      if (std::find(f.severities.begin(), f.severities.end(), *p) == f.severities.end()) f.severities.push_back(*p);
    }
  }
  std::sort(f.severities.begin(), f.severities.end());
  f.account = ro.account;
  text.since = ro.since;
  text.until = ro.until;
  text.account = ro.account;
  for (Priority p : f.severities) text.severities.emplace_back(name_of(p));
  return f;
}

}  // namespace

std::string default_report_format(const std::string& output) {
  std::string ext = fs::path(output).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".html" || ext == ".htm") return "html";
  if (ext == ".csv") return "csv";
  return "json";
}

int cmd_report(const CommonOptions& o, const ReportCommandOptions& ro) {
  if (ro.list_metrics) {
    portfolio::write_metrics_markdown(std::cout);
    return kExitClean;
  }
  CommonOptions settings_opts = o;
  settings_opts.format.clear();  // html|csv|json are report's own
  const auto settings = resolve_settings(settings_opts);
  if (!settings) return kExitUsage;
  const std::string format = ro.format.empty() ? default_report_format(o.output) : ro.format;
  portfolio::FilterText filter_text;
  const auto filter = parse_filter(ro, filter_text);
  if (!filter) return kExitUsage;

  BatchOptions bo = batch_options(o, *settings);
  if (bo.paths.empty()) bo.paths = {"."};
  PreparedBatch batch = prepare_batch(bo);
  for (const std::string& e : batch.errors) print_error(e);
  if (batch.config_failed || !batch.errors.empty()) return kExitUsage;
  if (batch.inputs.empty()) {
    print_error("no *.yaml or *.yml records found in " + bo.paths.front());
    return kExitUsage;
  }
  if (!outputs_spare_inputs(batch.inputs, {o.config}, {o.output})) return kExitUsage;

  // As every report: stdout, a device or a FIFO being read written through, a regular file
  // named only when finished; never a symlink.
  OutputFile sink;
  if (auto err = sink.open(o.output.empty() ? "-" : o.output)) {
    print_error(*err);
    return kExitUsage;
  }
  std::ostream& out = sink.stream();
  portfolio::Aggregator totals(settings->now, filter_text);
  if (format == "csv") portfolio::write_csv_header(out);
  if (format == "json") portfolio::write_json_begin(out, settings->now, filter_text);
  bool first_row = true;

  const std::size_t n = batch.inputs.size();
  const unsigned jobs = worker_count(o.jobs, std::min(n, kBlock));
  std::vector<Outcome> block;
  for (std::size_t start = 0; start < n; start += kBlock) {
    const std::size_t count = std::min(kBlock, n - start);
    block.assign(count, Outcome{});
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      for (std::size_t i = next++; i < count; i = next++)
        block[i] = measure_input(batch.inputs[start + i], *batch.configs[start + i], settings->now);
    };
    if (jobs <= 1) {
      worker();
    } else {
      std::vector<std::jthread> threads;
      for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
    }
    for (Outcome& outcome : block) {
      if (outcome.not_loaded) {
        std::cerr << "escalate: warning: " << outcome.not_loaded->file << ": not in the report: "
                  << outcome.not_loaded->message << "\n";
        if (format == "csv") portfolio::write_csv_not_loaded(out, *outcome.not_loaded);
        totals.not_loaded(std::move(*outcome.not_loaded));
        continue;
      }
      bool no_opened = false;
      if (!filter->keeps(*outcome.row, no_opened)) {
        totals.left_out(no_opened);
        continue;
      }
      if (format == "csv") portfolio::write_csv_row(out, *outcome.row);
      if (format == "json") portfolio::write_json_row(out, *outcome.row, first_row);
      first_row = false;
      totals.add(*outcome.row);
    }
  }
  const portfolio::Summary summary = totals.finish();
  if (format == "json") portfolio::write_json_end(out, summary);
  if (format == "html") portfolio::write_html(out, summary);
  if (auto err = sink.commit()) {
    print_error(*err);
    return kExitUsage;
  }
  if (!summary.not_loaded.empty()) {
    std::cerr << "escalate: " << summary.not_loaded.size()
              << (summary.not_loaded.size() == 1 ? " file" : " files") << " did not load; listed in the report\n";
    return kExitFindings;
  }
  return kExitClean;
}

}  // namespace esc
