// escalate report: the options of its own (the shared ones are in CommonOptions).
#pragma once

#include <string>
#include <vector>

#include "cli/commands.h"

namespace esc {

struct ReportCommandOptions {
  std::string format;                   // html, csv, json; default from -o's extension, else json
  std::string since, until;             // YYYY-MM-DD: escalation_opened on or after / on or before
  std::vector<std::string> severities;  // P1, P2, P3 (repeatable or comma-separated)
  std::string account;                  // account.name, compared as people write names
  bool list_metrics = false;            // --metrics: print the definitions and exit
};

// "html" for -o report.html (or .htm), "csv" for .csv, "json" for .json and otherwise.
std::string default_report_format(const std::string& output);

int cmd_report(const CommonOptions& o, const ReportCommandOptions& ro);

}  // namespace esc
