// What the executive readout says, decided once from the record and the configuration: every
// string and every timeline mark, before any typesetting. The layout only places these; tests
// can check the wording and the promise verdicts without a PDF.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/time.h"
#include "load/config.h"
#include "load/record.h"

namespace esc::readout {

// How a mark or verdict is coloured on the page.
enum class Tone { neutral, good, bad, deadline };

// A labelled instant on the incident axis (a milestone or the triage deadline).
struct TimeMark {
  Instant at;
  std::string label;  // "Opened"
  Tone tone = Tone::neutral;
};

// One "next update by" promise as the model decided it (model::update_promises, the same
// decision update-promise-kept and update-overdue report): kept when the next communication went
// out no later than the promised minute, missed when later; with no later communication, overdue
// when the promised minute has passed at the build's `now` on a record not resolved, else open.
struct UpdatePromise {
  enum class State { kept, missed, open, overdue };
  std::string made_by;  // "Initial", "Update 1"
  Instant made_at;      // the communication's sent_at
  Instant due;          // its next_update_by
  std::optional<Instant> answered_at;  // the next communication's sent_at
  State state = State::open;
  std::chrono::minutes late{0};  // missed: minutes late, minute to minute; overdue: minutes past
                                 // the promised minute at `now`
};

// A labelled date on the post-incident-review row.
struct DayMark {
  Date day;
  std::string label;  // "Meeting 5 Nov"
  Tone tone = Tone::neutral;
};

struct Timeline {
  std::vector<TimeMark> marks;  // milestones 1-8 and the triage deadline, in time order
  std::vector<UpdatePromise> promises;
  std::vector<Instant> sent;    // every communication's sent_at
  std::optional<Date> pir_start;  // the resolution date (day 0); no PIR row without it
  std::vector<DayMark> pir_marks;
  std::vector<Date> non_working;  // weekends and holidays in the PIR row's first weeks
};

struct SeverityRow {
  std::string level;     // "P1 — Critical"
  std::string criteria;  // the playbook's impact criteria, threshold filled in
  bool marked = false;   // the record's level
};

struct CommitmentRow {
  std::string commitment, owner, due;
};

enum class SlaMark { breached, at_risk, within, unknown };

struct Content {
  bool draft = false;
  std::string id, title;
  std::string account, tier;
  std::string severity;   // "P1 — Critical" or "Severity not set"
  std::optional<Priority> level;
  std::string status;     // "Resolved"
  std::optional<Status> state;
  std::string lead_name, lead_title;
  std::string lead_since;  // after a handover: "Lead since 2 Nov 2026, 09:30, after Sam Lee"
  std::string opened, resolved, resolved_note;  // resolved_note: "2 hours 16 minutes after opening"
  std::vector<SeverityRow> severity_rows;
  std::string assessment;  // "Complete outage · £180,000 revenue at risk · SLA breached · ..."
  std::string impact_summary;
  std::string root_cause, root_cause_heading;  // heading says whether it is confirmed
  std::vector<std::string> actions;
  SlaMark sla = SlaMark::unknown;
  std::string breach_detail;
  std::string sentiment;
  std::vector<CommitmentRow> commitments;
  Timeline timeline;
};

// "2 Nov" — the day labels of the PIR row.
std::string format_day(Date d);

// "08:04" (UTC), with the date in front ("3 Nov 08:04") when it is not the same UTC day as `base`.
std::string format_clock(Instant t, Date base);

// What a missing value says on the page.
inline constexpr const char* kNotRecorded = "Not recorded";

// `now` is the build's clock (--now): the promise and triage states that depend on it.
Content build_content(const Record& record, const Config& config, const Calendar& calendar, bool draft,
                      Instant now);

// The record's text values the page shows (id, title, account, lead, impact, root cause, actions,
// SLA detail, sentiment, commitments), each with where it is in the record: a character the page
// cannot show is reported at its field. Kept beside build_content, which shows them.
std::vector<const Text*> shown_fields(const Record& r);

}  // namespace esc::readout
