// escalate status: what is due and overdue now across the records given, soonest first. The
// deadlines are the model's (model/due.h); this file reads the records and prints.
#include <algorithm>
#include <iostream>
#include <sstream>
#include <unistd.h>

#include "pipeline/batch.h"
#include "cli/commands.h"
#include "cli/status.h"
#include "core/rule_registry.h"
#include "core/text.h"
#include "load/loader.h"
#include "model/due.h"
#include "report/status_report.h"
#include "write/atomic_file.h"

namespace esc {

int cmd_status(const CommonOptions& o, const StatusOptions& so) {
  CommonOptions settings_opts = o;
  settings_opts.format.clear();  // text|json|ics are status's own
  const auto settings = resolve_settings(settings_opts);
  if (!settings) return kExitUsage;
  const std::string format = so.format.empty() ? "text" : so.format;
  const auto within = parse_duration(so.within);
  if (!within) {
    print_error("--within must be a duration such as 30m, 4h, 2d or 1bd, of at most a year (366d, 366bd), got '" +
                so.within + "'");
    return kExitUsage;
  }

  BatchOptions bo = batch_options(o, *settings);
  if (bo.paths.empty()) bo.paths = {"."};
  PreparedBatch batch = prepare_batch(bo);
  for (const std::string& e : batch.errors) print_error(e);
  if (batch.config_failed || !batch.errors.empty()) return kExitUsage;
  if (!outputs_spare_inputs(batch.inputs, {o.config}, {o.output})) return kExitUsage;

  StatusView view;
  view.now = settings->now;
  // One display zone per screen: the first record's configuration's (a repository normally has
  // one .escalate.yaml); a record configured with another zone is still listed in it.
  std::optional<TimeZone> zone;
  for (const auto& config : batch.configs) {
    if (config->display_timezone.empty()) continue;
    if (!zone) {
      zone = TimeZone::load(config->display_timezone, nullptr);  // validated when loaded
    } else if (zone->name() != config->display_timezone) {
      std::cerr << "escalate: warning: the records' configurations name different display zones; times are "
                << "shown in " << zone->name() << "\n";
      break;
    }
  }
  view.zone = zone ? &*zone : nullptr;
  view.within_text = so.within;
  bool failed = false;
  for (std::size_t n = 0; n < batch.inputs.size(); ++n) {
    const InputFile& in = batch.inputs[n];
    const Config& config = *batch.configs[n];
    ReadResult read = read_input(in, config.max_file_size);
    if (read.error || read.over_limit) {
      print_error(read.error ? *read.error
                             : in.display + ": the file is over the " + std::to_string(config.max_file_size) +
                                   "-byte limit for a record");
      failed = true;
      continue;
    }
    if (read.text.starts_with("\xEF\xBB\xBF")) read.text.erase(0, 3);
    if (read.text.find('\r') != std::string::npos) read.text = unify_line_ends(read.text);
    LoadResult loaded = load_record(read.text, in.display, ParseLimits{config.max_file_size});
    bool syntax = !loaded.record;
    for (const Diagnostic& d : loaded.diagnostics)
      if (d.rule == rule_name(RuleId::yaml_syntax)) {
        syntax = true;
        std::cerr << format_location(in.display, d.mark) << ": error: " << d.message << "\n";
      }
    if (syntax) {
      if (loaded.diagnostics.empty()) std::cerr << in.display << ":1:1: error: not a record\n";
      failed = true;
      continue;
    }
    const Calendar calendar(config.calendar, config.holidays);
    const model::Escalation e(*loaded.record, config, calendar, settings->now);
    const Instant horizon = add_duration(settings->now, *within, calendar);
    ++view.records;
    for (model::DueItem& item : model::due_items(e, in.display)) {
      if (!so.owner.empty() && !same_name(item.owner, so.owner)) continue;
      if (!item.overdue && item.due > horizon) continue;
      view.items.push_back(std::move(item));
    }
  }
  if (failed) {
    print_error("status not written: every record must load (fix the file above, or leave it out)");
    return kExitUsage;
  }
  std::stable_sort(view.items.begin(), view.items.end(),
                   [](const model::DueItem& a, const model::DueItem& b) { return a.due < b.due; });
  const bool to_stdout = o.output.empty() || is_stdout_path(o.output);
  view.color = format == "text" && to_stdout && !o.no_color && settings->color;

  std::ostringstream out;
  if (format == "json") write_status_json(out, view);
  else if (format == "ics") write_status_ics(out, view);
  else write_status_text(out, view);
  if (to_stdout) {
    std::cout << out.str();
  } else if (auto err = write_output_file(o.output, out.str())) {
    print_error(*err);
    return kExitUsage;
  }
  const bool overdue = std::any_of(view.items.begin(), view.items.end(),
                                   [](const model::DueItem& i) { return i.overdue; });
  return overdue ? kExitFindings : kExitClean;
}

}  // namespace esc
