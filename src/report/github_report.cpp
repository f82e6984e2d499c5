// GitHub Actions workflow commands, one per counted finding, which GitHub shows as annotations
// on the pull request:
//
//   ::error file=records/a.yaml,line=41,col=5,title=update-promise-kept::sent after ...
//
// error -> ::error, warning -> ::warning, info -> ::notice. Notes follow the message on their
// own lines (escaped newlines). Data is escaped as the runner expects (% CR LF; properties also
// ':' and ','), so a message can never start a command of its own; other control characters
// become U+FFFD. Suppressed findings are not annotated; the summary line ends the output as
// plain log text.
#include "report/report.h"
#include "core/text.h"

namespace esc {

namespace {

std::string escape_data(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string escape_property(std::string_view s) {
  std::string out;
  for (const char c : escape_data(s)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string_view command(Severity s) {
  switch (s) {
    case Severity::error:
      return "error";
    case Severity::warning:
      return "warning";
    case Severity::info:
    case Severity::off:
      break;
  }
  return "notice";
}

}  // namespace

namespace {

class GithubReport final : public ReportWriter {
 public:
  GithubReport(std::ostream& out, const ReportOptions& opt) : out_(out), opt_(opt) {}

  std::optional<std::string> finish() override {
    write_summary_line(out_, totals_, opt_);
    return std::nullopt;
  }

 private:
  void write_file(const FileResult& f) override {
    const std::string file = relative_uri(f.path);
    for (const Diagnostic& d : f.diagnostics) {
      if (!counts(d)) continue;
      out_ << "::" << command(d.severity)
           << " file=" << escape_property(report_detail::without_controls(file, true));
      if (d.mark.line > 0) {
        out_ << ",line=" << d.mark.line;
        if (d.mark.col > 0) out_ << ",col=" << d.mark.col;
      }
      out_ << ",title=" << escape_property(report_detail::without_controls(d.rule, true)) << "::";
      std::string message = d.message;
      for (const Note& n : d.notes) {
        message += concat({"\n", report_detail::location(f.path, n.mark), ": note: ", n.message});
      }
      out_ << escape_data(report_detail::without_controls(message, true)) << '\n';
    }
  }

  std::ostream& out_;
  ReportOptions opt_;
};

}  // namespace

std::unique_ptr<ReportWriter> make_github_writer(std::ostream& out, const ReportOptions& opt) {
  return std::make_unique<GithubReport>(out, opt);
}

}  // namespace esc
