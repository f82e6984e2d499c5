// The configuration file (.escalate.yaml): defaults, loading against the field table, and
// discovery from an input's folder upwards to the repository root.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "core/time.h"
#include "load/enums.h"

namespace esc {

struct LintPattern {
  std::string id;
  std::string pattern;
  std::string message;
  Severity severity = Severity::error;
  Mark mark;  // of the pattern, for errors
};

struct Config {
  std::string file;  // where it came from; empty for the defaults
  Duration triage_window{std::chrono::minutes(15), 0};
  std::string currency = "GBP";
  double p1_revenue_threshold = 100000;
  Duration cadence[3] = {{std::chrono::minutes(60), 0}, {std::chrono::minutes(240), 0}, {{}, 1}};
  CalendarKind calendar = CalendarKind::england_and_wales;
  std::vector<Date> holidays;  // `holidays:`, plus every day of the `calendar:` .ics file if one
  std::string calendar_file;   // the .ics file `calendar:` names, resolved; empty: a built-in calendar
  std::string sender_domain;  // empty: the domain of the escalation lead's address
  std::string font;       // empty: the default DejaVu Sans
  std::string templates;  // empty: the built-in templates
  std::size_t max_file_size = 1024 * 1024;
  std::map<std::string, Severity> rule_severity;  // overrides
  std::map<std::string, Mark> rule_marks;         // where each override's key is
  Mark font_mark;                                 // where `font:` is
  std::vector<LintPattern> lint_patterns;
  std::vector<std::string> exclude;  // globs, relative to the configuration file's folder
  DateOrder date_order = DateOrder::day_first;    // lint.date_order
  // display_timezone: an IANA zone name ("Europe/London") in which `status` and `next` also
  // show times (the playbook works in UTC, which is always shown too); empty: UTC only.
  std::string display_timezone;

  const Duration& cadence_for(Priority p) const { return cadence[static_cast<int>(p)]; }
};

// Loads a configuration file's text. Problems come back as diagnostics (file:line:col); the
// caller treats any error-level one as a usage error (exit 2).
Config load_config(std::string_view text, const std::string& file, std::vector<Diagnostic>& problems);

// The nearest .escalate.yaml from `start` (a folder) upwards, stopping at the folder that holds
// .git (the repository root) or the filesystem root.
std::optional<std::filesystem::path> discover_config(const std::filesystem::path& start);

}  // namespace esc
