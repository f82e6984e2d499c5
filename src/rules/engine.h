// Checking one record: load it, run every record rule, then apply the configuration's severity
// overrides and the record's waivers. Pure: no printing, no wall clock.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "load/config.h"
#include "load/loader.h"

namespace esc {

struct CheckOptions {
  const Config* config = nullptr;
  Instant now{};
};

struct CheckedRecord {
  std::optional<Record> record;
  std::vector<Diagnostic> diagnostics;  // sorted; waived ones marked, "off" ones removed
};

// Runs the record rules over a loaded record (no severity overrides or waivers applied).
std::vector<Diagnostic> run_record_rules(const Record& record, const Config& config,
                                         const Calendar& calendar, Instant now);

// Sets each finding's severity from the configuration (rules: {id: error|warning|info|off}) and
// drops the ones turned off.
void apply_rule_severities(std::vector<Diagnostic>& diags, const Config& config);

// Marks findings of waived rules as waived (with the waiver's reason) and reports invalid
// waivers (no reason, unknown rule id) as schema errors.
void apply_waivers(std::vector<Diagnostic>& diags, const Record& record);

// Findings made while building the pack (readout-one-page, readout-glyph, an email's
// comms-complete) get the configuration's severities ("off" ones removed) and the record's valid
// waivers, like the check's findings (an invalid waiver was already reported by the check).
void settle_build_findings(std::vector<Diagnostic>& found, const Record& record, const Config& config);

// load + rules + severities + waivers, sorted.
CheckedRecord check_record_text(std::string_view text, const std::string& file,
                                const CheckOptions& options, const Calendar& calendar);

}  // namespace esc
