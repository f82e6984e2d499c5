// `escalate report`: how the team keeps the playbook across escalations. One row per escalation
// (every derived time and verdict, read from the model and from `check`'s findings), and the
// aggregates over the rows: counts by severity and month, shares within target, medians and
// 90th percentiles. Rows are streamed: an aggregate keeps only counts, small numbers for the
// percentiles and bounded lists, so memory stays flat in the number of records.
//
// Layer: report (reads model and rules; knows nothing of files or the command line).
#pragma once

#include <array>
#include <chrono>
#include <map>
#include <optional>
#include <ostream>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "load/config.h"
#include "model/measures.h"

namespace esc::portfolio {

// One follow-up commitment of the exec readout, as the report lists it.
struct CommitmentLine {
  std::string record;               // the escalation's id
  std::string commitment, owner;
  std::optional<Date> due;
  model::CommitmentState::State state = model::CommitmentState::State::open;
  long long days_overdue = 0;
};
std::string_view commitment_state_name(model::CommitmentState::State s);  // "open", "due_today", ...

// Everything the report says of one escalation.
struct Row {
  std::string id;                   // the record's id, or its file when it has none
  std::string file;
  std::string account;
  std::optional<Priority> severity;
  std::optional<Status> status;
  std::string month;                // "2026-11": the UTC month of escalation_opened; empty when unknown
  model::Measures m;
  long long triage_target_minutes = 0;  // the configured triage window (a business-day window: 0)
  std::string triage_target;        // "15 minutes", "1 business day"
  std::string worst_miss_by;        // "progress update #2": the communication whose promise was missed worst
  std::optional<Date> pir_schedule_by, pir_scheduled, pir_delivery_by, pir_delivered;
  std::vector<CommitmentLine> commitments;
  int errors = 0, warnings = 0, infos = 0, waived = 0;
  std::map<std::string, int> findings;  // rule id -> findings not waived or baselined
};

// The row of a loaded escalation; `findings` are check's (sorted, waivers applied).
Row make_row(const model::Escalation& e, const Config& config, const std::vector<Diagnostic>& findings,
             const std::string& file);

// A file that did not load as a record: listed in the report, never dropped.
struct NotLoaded {
  std::string file;
  std::string message;  // "3:1: invalid YAML: ..."
};

// Minutes observed for a metric: kept as small integers for the percentiles.
struct Distribution {
  std::vector<int> minutes;  // sorted by Aggregator::finish
  std::size_t count() const { return minutes.size(); }
  // Nearest rank: the value at rank ceil(p/100 * N) of the sorted values (1-based); nullopt
  // when empty. The median is percentile(50).
  std::optional<int> percentile(int p) const;
};

// How many met a target out of how many were decided.
struct Share {
  long long met = 0, of = 0;
  std::optional<double> ratio() const { return of ? std::optional<double>(double(met) / double(of)) : std::nullopt; }
};

struct Miss {
  std::string record, by;
  long long minutes = 0;
};

struct FilterText {
  std::string since, until, account;   // as given; empty when not given
  std::vector<std::string> severities;  // "P1", ...
};

struct Summary {
  Instant now{};
  FilterText filters;
  std::size_t records = 0;    // escalations in the report
  std::size_t left_out = 0;   // loaded but outside the filters
  std::size_t no_opened = 0;  // of left_out: no escalation_opened while --since/--until was given
  std::vector<NotLoaded> not_loaded;
  std::array<std::size_t, 4> by_severity{};                   // P1, P2, P3, unknown
  std::map<std::string, std::array<std::size_t, 4>> by_month;  // "2026-11" (or "unknown")
  std::set<std::string> triage_targets;                        // "15 minutes"
  long long triage_target_minutes = 15;                        // for the chart: the smallest minute target
  Distribution triage, first_notification;
  Share triage_within, facts_before_notification;
  std::size_t triage_pending = 0;
  Distribution containment, resolution;
  std::array<Distribution, 3> containment_by_severity, resolution_by_severity;
  long long promises_kept = 0, promises_missed = 0, promises_open = 0, promises_overdue = 0;
  Share promises;                   // kept of kept + missed + overdue
  std::vector<Miss> worst_misses;   // the 10 longest, longest first
  Share pir_schedule, pir_delivery; // in time of in time + late + overdue
  std::size_t pir_schedule_pending = 0, pir_delivery_pending = 0;
  long long commitments_open = 0, commitments_done = 0, commitments_overdue = 0;
  std::vector<CommitmentLine> outstanding;  // not done: the most overdue / soonest due first, at most kOutstandingShown
  std::map<std::string, std::pair<long long, long long>> findings;  // rule -> (findings, records)
  std::map<std::string, long long> accounts;                          // account -> escalations
};

inline constexpr std::size_t kWorstMissesShown = 10;
inline constexpr std::size_t kOutstandingShown = 100;

// Folds rows into a summary one at a time; keeps no row.
class Aggregator {
 public:
  Aggregator(Instant now, FilterText filters);
  void add(const Row& row);
  void left_out(bool no_opened);
  void not_loaded(NotLoaded n);
  // Sorts the distributions and lists; the aggregator is spent afterwards.
  Summary finish();

 private:
  Summary s_;
};

// The metrics, each with its definition and the playbook's target: one table read by the HTML
// page, the JSON and the documentation.
struct MetricInfo {
  std::string_view id;          // "triage-time"
  std::string_view name;        // "Time to triage"
  std::string_view definition;
  std::string_view target;      // the playbook's words, or empty
};
std::span<const MetricInfo> metrics();
// The metrics as a Markdown table (`escalate report --metrics`, the README's).
void write_metrics_markdown(std::ostream& out);

// "50%" / "66.7%": a share as people read it; "n/a" when nothing was decided.
std::string format_share(const Share& s);
// "14 min", "3 h 05 min", "2 d 4 h": a number of minutes.
std::string format_minutes(long long minutes);

// CSV (RFC 4180, CRLF): a header, then one line per row as they come.
void write_csv_header(std::ostream& out);
void write_csv_row(std::ostream& out, const Row& row);
// A file that did not load: its file and load_error columns only.
void write_csv_not_loaded(std::ostream& out, const NotLoaded& n);

// JSON (schemas/portfolio.schema.json), streamed: begin, every row, then end with the summary.
void write_json_begin(std::ostream& out, Instant now, const FilterText& filters);
void write_json_row(std::ostream& out, const Row& row, bool first);
void write_json_end(std::ostream& out, const Summary& summary);

// The self-contained HTML page: inline CSS and SVG, no script, no external file.
void write_html(std::ostream& out, const Summary& summary);

}  // namespace esc::portfolio
