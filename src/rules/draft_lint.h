// Linting one draft: every rule of the rule table with a draft check (each in its own file under
// src/rules/draft_*.cpp, listed once in rule_table.cpp), then the configuration's custom
// lint.patterns. Pure: no printing, no wall clock; `now` is --now.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "core/text.h"
#include "draft/draft.h"
#include "draft/fields.h"
#include "draft/subject.h"
#include "draft/written_time.h"
#include "load/config.h"
#include "load/record.h"
#include "rules/rule.h"

namespace re2 {
class RE2;
}

namespace esc {

// The record a draft is checked against (--incident FILE).
struct Incident {
  const Record& record;
  std::string path;  // as given on the command line, for messages
};

// A "next update by" promise of the draft, read once for every rule that needs it.
struct ReadPromise {
  Promise promise;
  std::size_t start = 0;             // the written time's first character (spaces skipped)
  std::optional<WrittenTime> time;   // nullopt: nothing that looks like a date or time
  std::string written;               // the text as written (one line, shortened), for messages
  bool placeholder = false;          // the value holds an unfilled placeholder
};

// The date after "post-incident review ... shared by".
struct ReadPirDate {
  std::size_t start = 0;
  std::optional<Date> date;
  std::string written;
  bool placeholder = false;
};

// What a draft rule may look at: the draft and what was found in it once.
struct DraftContext {
  const Draft& draft;
  const SubjectParts& subject;             // parts of draft.subject (empty when it has none)
  const std::vector<Field>& fields;        // labelled template fields in the body
  const std::vector<Span>& footer;         // internal footer lines
  const std::vector<TextMatch>& subject_placeholders;
  const std::vector<TextMatch>& body_placeholders;  // outside the footer lines
  const std::vector<ReadPromise>& promises;
  const std::vector<ReadPirDate>& pir_dates;
  const Config& config;
  const Calendar& calendar;
  Instant now;
  const Incident* incident = nullptr;
  Instant sent{};        // when the draft is sent: its Date header, else --now
  DateContext dates;     // what its written dates are read against

  // The value of a field, as written.
  std::string_view value(const Field& f) const;
  // True when an unfilled placeholder of the body starts inside [begin, end).
  bool has_placeholder(std::size_t begin, std::size_t end) const;
  // The field whose value holds a body offset, or nullptr.
  const Field* field_at(std::size_t offset) const;
  // True when the offset is on an internal footer line.
  bool in_footer(std::size_t offset) const;
};

// Collects one rule's findings for one draft.
class DraftFindings {
 public:
  DraftFindings(RuleId rule, const std::string& file, std::vector<Diagnostic>& out)
      : rule_(rule), file_(file), out_(out) {}
  // A finding at the rule's default severity (the registry's row).
  void add(Mark mark, std::string message, std::vector<Note> notes = {});

 private:
  RuleId rule_;
  const std::string& file_;
  std::vector<Diagnostic>& out_;
};

// Every rule of the rule table with a draft check (the draft rules and speculative-language), in
// the table's order.
std::vector<const RuleInfo*> draft_rules();

// A custom pattern of lint.patterns, compiled.
struct CustomPattern {
  std::string id;
  std::shared_ptr<const re2::RE2> regex;
  std::string message;
  Severity severity = Severity::error;
};

// Compiles a configuration's lint.patterns once. A bad pattern (or an id that is a built-in
// rule's) is a configuration error "file:line:col: configuration: ..." appended to `errors`.
std::vector<CustomPattern> compile_patterns(const Config& config, std::vector<std::string>& errors);

struct DraftLintOptions {
  const Config* config = nullptr;
  const std::vector<CustomPattern>* patterns = nullptr;  // may be null
  Instant now{};
  const Incident* incident = nullptr;
};

// All findings for one draft, severities from the configuration applied ("off" removed), sorted.
std::vector<Diagnostic> lint_draft(const Draft& draft, const std::string& file, const DraftLintOptions& options);

// A short, one-line quotation of written text for messages (at most `max` code points).
std::string quote_excerpt(std::string_view text, std::size_t max = 60);

}  // namespace esc
