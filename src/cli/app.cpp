#include "cli/app.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>

#include "cli/build.h"
#include "cli/commands.h"
#include "cli/lint_comms.h"
#include "cli/next.h"
#include "cli/report_command.h"
#include "cli/status.h"
#include "core/text.h"
#include "pipeline/inputs.h"

namespace esc {

namespace {

void add_common(CLI::App* cmd, CommonOptions& o, bool reports) {
  cmd->add_option("--config", o.config, "Configuration file (default: .escalate.yaml found from each input's folder upwards)");
  cmd->add_option_function<std::string>(
      "--now",
      [&o](const std::string& value) {
        o.now_text = value;
        o.now_given = true;
      },
      "The clock for time-dependent rules, RFC 3339 (default: now)");
  cmd->add_option("-j,--jobs", o.jobs, "Parallel workers (default, or 0: all cores)")->check(CLI::Range(0, 4096));
  cmd->add_flag("--quiet,-q", o.quiet, "Print findings only; no summary when clean");
  cmd->add_flag("--no-color", o.no_color, "Never colour the output (also: NO_COLOR)");
  cmd->add_option("--stdin-filename", o.stdin_filename, "The name to report for '-' (stdin)");
  cmd->add_flag("--strict", o.strict, "Warnings fail too (exit 1)");
  if (reports) {
    cmd->add_option("--format", o.format, "text, json, junit, sarif or github (default: text; github under GITHUB_ACTIONS)")
        ->transform(CLI::IsMember({"text", "json", "junit", "sarif", "github"}, CLI::ignore_case));
    cmd->add_option("-o,--output", o.output, "Write the report to FILE instead of stdout");
    cmd->add_option("--baseline", o.baseline, "Report only findings not recorded in this baseline file");
    cmd->add_option("--write-baseline", o.write_baseline, "Record the current findings in FILE and exit 0");
  }
}

// Record commands search folders; --exclude leaves files out of that search.
void add_exclude(CLI::App* cmd, CommonOptions& o) {
  cmd->add_option("--exclude", o.exclude,
                  "Leave files matching GLOB out of folder searches (repeatable; adds to exclude: in "
                  ".escalate.yaml; 'docs', '*.mkdocs.yml', 'drafts/**')")
      ->expected(1)  // one glob per --exclude: never swallow the paths after it
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

// Suggests a subcommand when the first word is a near miss ("chek" -> "check").
std::string suggest_command(const CLI::App& app, const std::string& word) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  if (auto s = did_you_mean(word, names)) return "; did you mean '" + *s + "'?";
  return "";
}

// "; did you mean '--format'?" for the first unknown --option of the command line.
std::string option_hint(const CLI::App& app, int argc, char** argv) {
  if (argc < 2) return "";
  const CLI::App* sub = nullptr;
  for (const CLI::App* s : app.get_subcommands({}))
    if (s->get_name() == argv[1]) sub = s;
  if (!sub) return "";
  std::vector<std::string> names;
  for (const CLI::Option* opt : sub->get_options())
    for (const std::string& l : opt->get_lnames()) names.push_back("--" + l);
  for (int i = 2; i < argc; ++i) {
    std::string arg = argv[i];
    if (!arg.starts_with("--")) continue;
    arg = arg.substr(0, arg.find('='));
    if (std::find(names.begin(), names.end(), arg) != names.end()) continue;
    if (auto s = did_you_mean(arg, names)) return "; did you mean '" + *s + "'?";
    return "";
  }
  return "";
}

// What was printed must have arrived: a full disk or a closed standard output loses the report,
// and the run is then an I/O error, never a success.
int stdout_written(int code) {
  errno = 0;
  std::cout.flush();
  const bool failed = !std::cout || std::fflush(stdout) != 0 || std::ferror(stdout);
  if (!failed) return code;
  const int why = errno;
  print_error(std::string("cannot write standard output") + (why ? std::string(": ") + std::strerror(why) : "") +
              "; the output is incomplete");
  return kExitUsage;
}

}  // namespace

void print_error(const std::string& message) { std::cerr << "escalate: error: " << message << "\n"; }

bool outputs_spare_inputs(const InputList& inputs, const std::vector<std::string>& other_inputs,
                          const std::vector<std::string>& outputs) {
  const auto hit = output_over_input(inputs, other_inputs, outputs);
  if (hit)
    print_error("refusing to write '" + hit->output + "': it is the input '" + hit->input +
                "', which would be lost; name another file");
  return !hit;
}

int run_cli(int argc, char** argv) {
  try {
    CLI::App app{"escalate: check customer-escalation records against the playbook, build PIR packs, lint email drafts"};
    app.name("escalate");
    app.set_version_flag("--version", std::string("escalate ") + ESCALATE_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  escalate check incidents/                  check every record under incidents/\n"
        "  escalate check --format sarif -o r.sarif . SARIF for GitHub code scanning\n"
        "  escalate build incidents/ -o packs/        write one PIR pack per record\n"
        "  escalate lint-comms draft.eml              lint an email draft before sending\n"
        "  escalate explain update-promise-kept       a rule's documentation\n"
        "\nExit status: 0 no errors, 1 error-level findings (or warnings with --strict), 2 usage, configuration or I/O error.");

    CommonOptions check_opts;
    CLI::App* check = app.add_subcommand("check", "Check records against the playbook (files or folders; '-' for stdin)");
    check->add_option("paths", check_opts.paths, "Record files or folders (searched for *.yaml, *.yml)");
    add_common(check, check_opts, true);
    add_exclude(check, check_opts);
    check->footer(
        "Examples:\n"
        "  escalate check fixtures/\n"
        "  escalate check --now 2026-11-20T12:00:00Z ESC-2026-0142.yaml\n"
        "  cat record.yaml | escalate check - --stdin-filename record.yaml\n"
        "  escalate check --format junit -o report.xml incidents/");

    CommonOptions build_opts;
    BuildOptions build_extra;
    CLI::App* build = app.add_subcommand("build", "Write one PIR pack per record into DIR/<id>/: emails, exec readout, lint reports");
    build->add_option("paths", build_opts.paths, "Record files or folders (searched for *.yaml, *.yml)");
    build->add_option("-o,--output-dir", build_extra.output_dir, "The output folder (created if missing)")->required();
    build->add_flag("--force", build_extra.force, "Also build records with error-level findings (marked DRAFT)");
    build->add_option("--templates", build_extra.templates, "Folder with initial/progress/resolution.mustache");
    build->add_option("--junit", build_extra.junit, "Also write a JUnit XML report to FILE");
    build->add_option("--sarif", build_extra.sarif, "Also write a SARIF 2.1.0 report to FILE");
    build->add_option("--font", build_extra.font, "TrueType font for the exec readout, embedded (default: Helvetica, or DejaVu Sans beyond Windows-1252)");
    add_common(build, build_opts, false);
    add_exclude(build, build_opts);
    build->add_option("--format", build_opts.format, "Format of the findings report (default: text on stdout)")
        ->transform(CLI::IsMember({"text", "json", "junit", "sarif", "github"}, CLI::ignore_case));
    build->add_option("--output", build_opts.output, "Write the findings report to FILE instead of stdout (-o is the pack folder)");
    build->add_option("--baseline", build_opts.baseline, "Findings recorded in this baseline file do not fail the run");
    build->add_option("--write-baseline", build_opts.write_baseline, "Also record the current findings in FILE and exit 0");
    build->footer(
        "Examples:\n"
        "  escalate build incidents/ -o packs/\n"
        "  escalate build --now 2026-11-20T12:00:00Z fixtures/ESC-2026-0142.yaml -o out/\n"
        "  escalate build incidents/ -o packs/ --junit junit.xml --sarif escalate.sarif");

    CommonOptions lint_opts;
    LintCommsOptions lint_extra;
    CLI::App* lint = app.add_subcommand(
        "lint-comms", "Lint customer-email drafts before sending (.eml, .txt, .md files or folders; '-' for stdin)");
    lint->add_option("paths", lint_opts.paths, "Draft files or folders (searched for *.eml, *.txt, *.md)");
    lint->add_option("--incident", lint_extra.incident,
                     "The incident record the drafts belong to: account, status, update number, next update time "
                     "and PIR date must agree with it");
    add_common(lint, lint_opts, true);
    lint->footer(
        "Examples:\n"
        "  escalate lint-comms draft.eml\n"
        "  escalate lint-comms --incident incidents/ESC-2026-0142.yaml drafts/\n"
        "  pbpaste | escalate lint-comms - --stdin-filename update.txt\n"
        "  escalate lint-comms --format sarif -o drafts.sarif drafts/\n"
        "\nThe subject decides the template (Escalation Opened / Update #N / Resolved). Findings point at\n"
        "line:col of the decoded text: headers at the line where they start, the decoded body from the\n"
        "line where it starts in the file. 'escalate rules' lists the draft-* rules.");

    CommonOptions status_opts;
    StatusOptions status_extra;
    CLI::App* status = app.add_subcommand(
        "status", "What is due and overdue now across the records: customer updates, triage, PIR, commitments");
    status->add_option("paths", status_opts.paths, "Record files or folders (default: the current folder)");
    status->add_option("--config", status_opts.config, "Configuration file (default: .escalate.yaml found from each input's folder upwards)");
    status->add_option_function<std::string>(
        "--now",
        [&status_opts](const std::string& value) {
          status_opts.now_text = value;
          status_opts.now_given = true;
        },
        "The clock, RFC 3339 (default: now)");
    status->add_option("--within", status_extra.within, "Also list what falls due this soon: 30m, 4h, 2d, 1bd (default: 24h)");
    status->add_option("--format", status_extra.format, "text (default), json or ics (an iCalendar feed)")
        ->transform(CLI::IsMember({"text", "json", "ics"}, CLI::ignore_case));
    status->add_option("--owner", status_extra.owner, "Only the items NAME must act on (the lead, or a commitment's owner)");
    status->add_option("-o,--output", status_opts.output, "Write to FILE instead of stdout");
    status->add_flag("--no-color", status_opts.no_color, "Never colour the output (also: NO_COLOR)");
    add_exclude(status, status_opts);
    status->footer(
        "Exit status: 0 nothing overdue, 1 something overdue, 2 usage error or a record that does not load.\n"
        "Examples:\n"
        "  escalate status incidents/\n"
        "  escalate status --within 2d --owner 'Dana Whitfield' incidents/\n"
        "  escalate status --format ics -o escalations.ics incidents/");

    CommonOptions next_opts;
    NextOptions next_extra;
    CLI::App* next = app.add_subcommand(
        "next", "Draft the next customer communication a record calls for (.eml, or .txt), pre-filled from the record");
    next->add_option("record", next_extra.record, "The record file, or its id (looked up under the current folder)")
        ->required();
    next->add_option("-o,--output", next_opts.output,
                     "Write the draft to FILE ('-': stdout; default: <id>-NN-<type>[-N].eml in the current folder)");
    next->add_option("--format", next_extra.format, "eml (default) or txt")
        ->transform(CLI::IsMember({"eml", "txt"}, CLI::ignore_case));
    next->add_flag("--force", next_extra.force, "Replace the output file when it exists");
    next->add_option("--config", next_opts.config, "Configuration file (default: .escalate.yaml found from the record's folder upwards)");
    next->add_option_function<std::string>(
        "--now",
        [&next_opts](const std::string& value) {
          next_opts.now_text = value;
          next_opts.now_given = true;
        },
        "The clock: the draft's date, and the next update is proposed one cadence after it (RFC 3339; default: now)");
    next->add_flag("--quiet,-q", next_opts.quiet, "Print nothing but errors");
    next->footer(
        "Exit status: 0 draft written, 1 the record is not ready (nothing written; what is missing is listed),\n"
        "2 usage error or a record that does not load.\n"
        "Examples:\n"
        "  escalate next incidents/ESC-2026-0142.yaml\n"
        "  escalate next ESC-2026-0142 --format txt -o update.txt\n"
        "  escalate next ESC-2026-0142 -o - | less");

    CommonOptions report_opts;
    ReportCommandOptions report_extra;
    CLI::App* report = app.add_subcommand(
        "report", "How the team keeps the playbook across escalations: metrics with definitions as HTML, CSV or JSON");
    report->add_option("paths", report_opts.paths, "Record files or folders (default: the current folder)");
    report->add_option("--config", report_opts.config, "Configuration file (default: .escalate.yaml found from each input's folder upwards)");
    report->add_option_function<std::string>(
        "--now",
        [&report_opts](const std::string& value) {
          report_opts.now_text = value;
          report_opts.now_given = true;
        },
        "The clock for what is overdue, RFC 3339 (default: now)");
    report->add_option("-o,--output", report_opts.output, "Write to FILE instead of stdout (report.html, report.csv, report.json)");
    report->add_option("--format", report_extra.format, "html, csv or json (default: from -o's extension; json otherwise)")
        ->transform(CLI::IsMember({"html", "csv", "json"}, CLI::ignore_case));
    report->add_option("--since", report_extra.since, "Only escalations opened on or after DATE (YYYY-MM-DD, UTC)");
    report->add_option("--until", report_extra.until, "Only escalations opened on or before DATE (YYYY-MM-DD, UTC)");
    report->add_option("--severity", report_extra.severities, "Only these severities: P1, P2, P3 (repeatable or comma-separated)")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
    report->add_option("--account", report_extra.account, "Only escalations of this account (account.name)");
    report->add_flag("--metrics", report_extra.list_metrics, "Print every metric with its definition and target (Markdown) and exit");
    report->add_option("-j,--jobs", report_opts.jobs, "Parallel workers (default, or 0: all cores)")->check(CLI::Range(0, 4096));
    add_exclude(report, report_opts);
    report->footer(
        "Exit status: 0 report written, 1 written but some files did not load (listed in it), 2 usage error.\n"
        "Examples:\n"
        "  escalate report incidents/ -o report.html\n"
        "  escalate report --since 2026-10-01 --until 2026-12-31 --severity P1 -o q4-p1.html incidents/\n"
        "  escalate report --format csv -o escalations.csv incidents/");

    CLI::App* rules = app.add_subcommand("rules", "List every rule: id, default severity, summary");
    bool rules_markdown = false;
    rules->add_flag("--markdown", rules_markdown, "Print the rules as a Markdown table (the README's)");
    rules->footer("Examples:\n  escalate rules\n  escalate rules --markdown");

    std::string explain_id;
    CLI::App* explain = app.add_subcommand("explain", "A rule's documentation with a failing and a passing example");
    explain->add_option("rule", explain_id, "Rule id, e.g. update-promise-kept")->required();
    explain->footer("Example:\n  escalate explain triage-window");

    std::string schema_which = "record";
    CLI::App* schema = app.add_subcommand("schema", "Print the JSON Schema of the record format (or of the configuration)");
    schema->add_option("kind", schema_which, "record (default) or config")->check(CLI::IsMember({"record", "config"}));
    schema->footer("Examples:\n  escalate schema > incident.schema.json\n  escalate schema config");

    std::string init_id = "ESC-YYYY-NNNN";
    CLI::App* init = app.add_subcommand("init", "Print a new record skeleton with every section and milestone");
    init->add_option("--id", init_id, "The new record's id");
    init->footer("Example:\n  escalate init --id ESC-2026-0150 > incidents/ESC-2026-0150.yaml");

    if (argc > 1 && argv[1][0] == '-') {
      std::string first = argv[1];
      const std::vector<std::string> top = {"-h", "--help", "--version"};
      if (std::find(top.begin(), top.end(), first) == top.end()) {
        std::string msg = "unknown option '" + first + "'";
        if (auto s = did_you_mean(first, top)) msg += "; did you mean '" + *s + "'?";
        print_error(msg + " (a command comes first: escalate check|build|lint-comms|... ; see 'escalate --help')");
        return kExitUsage;
      }
    }
    if (argc > 1 && argv[1][0] != '-') {
      std::string first = argv[1];
      bool known = false;
      for (const CLI::App* sub : app.get_subcommands({})) known = known || sub->get_name() == first;
      if (!known) {
        print_error("unknown command '" + first + "'" + suggest_command(app, first) + " (see 'escalate --help')");
        return kExitUsage;
      }
    }
    try {
      app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
      return stdout_written(app.exit(e));
    } catch (const CLI::CallForAllHelp& e) {
      return stdout_written(app.exit(e));
    } catch (const CLI::CallForVersion& e) {
      return stdout_written(app.exit(e));
    } catch (const CLI::ParseError& e) {
      // Unknown commands were caught above; this is a bad option or argument.
      std::string where = argc > 1 && argv[1][0] != '-' ? "escalate " + std::string(argv[1]) + " --help" : "escalate --help";
      print_error(std::string(e.what()) + option_hint(app, argc, argv) + " (see '" + where + "')");
      return kExitUsage;
    }

    const int code = *check     ? cmd_check(check_opts)
                     : *build   ? cmd_build(build_opts, build_extra)
                     : *lint    ? cmd_lint_comms(lint_opts, lint_extra)
                     : *status  ? cmd_status(status_opts, status_extra)
                     : *next    ? cmd_next(next_opts, next_extra)
                     : *report  ? cmd_report(report_opts, report_extra)
                     : *rules   ? cmd_rules(rules_markdown)
                     : *explain ? cmd_explain(explain_id)
                     : *schema  ? cmd_schema(schema_which)
                     : *init    ? cmd_init(init_id)
                                : kExitUsage;
    return stdout_written(code);
  } catch (const std::exception& e) {
    // Internal bugs only: user problems are diagnostics or returned errors.
    print_error(std::string("internal error: ") + e.what() + " (please report this)");
    return kExitUsage;
  }
}

}  // namespace esc
