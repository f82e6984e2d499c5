// comms-status-consistent: a communication states a status before it was reached, or the
// record's status disagrees with what the customer was last told.
#include <string>
#include <vector>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

// "`contained`": a status as the record spells it, for messages.
std::string quoted_status(Status s) { return concat({"`", name_of(s), "`"}); }

// The communication whose status the customer heard last: the resolution notice when there is
// one (anything listed after it is comms-sequence's finding), else the last communication.
const Communication* latest_statement(const Record& r) {
  if (const Communication* resolution = resolution_communication(r)) return resolution;
  return r.comms().empty() ? nullptr : &r.comms().back();
}

// Where a communication states its status: the `status` value, or the `type` of a resolution
// notice.
const Loc& statement_loc(const Communication& c) {
  return c.type && *c.type == CommType::resolution ? c.type.loc : c.status.loc;
}

// The record's status against the latest statement. Returns the communication it reported.
const Communication* check_record_status(const Record& r, Findings& findings) {
  const Communication* latest = latest_statement(r);
  if (!r.status || !latest) return nullptr;
  // A resolved record without a resolution notice is comms-sequence's finding.
  if (is_resolved(r) && !resolution_communication(r)) return nullptr;
  const std::optional<Status> stated = stated_status(*latest);
  if (!stated || *stated == *r.status) return nullptr;
  findings.add(r.status.loc,
               "the record's status is " + quoted_status(*r.status) + " but the latest communication, " +
                   communication_subject(*latest) + ", told the customer " + quoted_status(*stated) +
                   ": make the record and what the customer was last told agree (correct the status, or "
                   "send an update)",
               {note_at(statement_loc(*latest), "stated here")});
  return latest;
}

void check_statement(const RuleContext& ctx, const Communication& c, const Communication* reported,
                     Findings& findings) {
  const Record& r = ctx.record;
  // The resolution notice's timing against resolution_confirmed is timeline-order's (through
  // closure_comms_sent, which timeline-matches-comms ties to the notice).
  if (!c.type || *c.type == CommType::resolution || !c.status || !c.sent_at) return;
  const Status stated = *c.status;
  if (stated == Status::ongoing) return;
  const Milestone m = stated == Status::contained ? Milestone::containment : Milestone::resolution_confirmed;
  const TimelineRow* row = r.milestone(m);
  if (!row) {
    // The status that requires this milestone makes it timeline-milestones' finding; a latest
    // statement ahead of the record's status is reported once, at the status, above.
    if (r.status && *r.status >= stated) return;
    if (&c == reported) return;
    findings.add(c.status.loc, communication_subject(c) + " told the customer the status was " + quoted_status(stated) +
                                   ", but the timeline has no " + std::string(name_of(m)) +
                                   " milestone: record when it happened, or correct the stated status");
    return;
  }
  if (!row->at) return;  // schema's
  const Instant sent = to_minute(c.sent_at->utc), reached = to_minute(row->at->utc);
  if (sent >= reached) return;  // stated in the same minute passes
  findings.add(c.status.loc,
               communication_subject(c) + " told the customer the status was " + quoted_status(stated) + " at " +
                   format_time_beside(sent, reached) + ", " + describe_span(reached - sent) + " before the " +
                   std::string(name_of(m)) + " milestone (" + format_time_beside(reached, sent) +
                   "): state it only once it has happened, or correct the milestone's time",
               {note_at(row->at.loc, std::string(name_of(m)) + " recorded here")});
}

void check(const RuleContext& ctx, Findings& findings) {
  const Communication* reported = check_record_status(ctx.record, findings);
  for (const Communication& c : ctx.record.comms()) check_statement(ctx, c, reported, findings);
}

}  // namespace

extern const RuleInfo kCommsStatusConsistentRule = {
    .rule = RuleId::comms_status_consistent,
    .summary = "a comm states contained/resolved before that milestone, or the record status disagrees with the latest comm",
    .description =
        "Two checks, statuses ordered ongoing < contained < resolved:\n"
        "- An initial notification or progress update whose `status` is `contained` must be sent "
        "no earlier than the `containment` milestone's `at`; one whose `status` is `resolved`, no "
        "earlier than `resolution_confirmed` (compared to the minute; the same minute passes). "
        "The finding points at the communication's `status`, with a note at the milestone. When "
        "the milestone is missing altogether it is a finding only if the record's status does not "
        "already require it (else `timeline-milestones` reports the gap).\n"
        "- The record's `status` must equal the status the customer was last told: the latest "
        "communication's `status`, or `resolved` once a resolution notification exists. The "
        "finding points at the record's `status`, with a note at the communication. A resolved "
        "record without a resolution notification is `comms-sequence`'s finding, not this one.\n"
        "The resolution notice's own timing is checked through `closure_comms_sent` "
        "(`timeline-matches-comms`, `timeline-order`).",
    .rationale =
        "The playbook's fact confirmation asks to \"Confirm current status: ongoing, contained, "
        "or resolved\" and to \"Get written confirmation from technical owner before stating "
        "facts to customer\". Telling a customer the problem is contained before containment "
        "happened is a statement that may have to be withdrawn; a record whose status differs "
        "from what the customer was told makes the readout and the next email wrong.",
    .bad_example =
        "status: contained\n"
        "timeline:\n"
        "  - {milestone: containment, at: 2026-11-02T08:50:00Z, confirmed_by: Sam Okafor, owner: Sam Okafor}\n"
        "communications:\n"
        "  - type: initial\n"
        "    sent_at: 2026-11-02T08:45:00Z\n"
        "    status: contained   # containment only happened at 08:50\n",
    .good_example =
        "status: contained\n"
        "timeline:\n"
        "  - {milestone: containment, at: 2026-11-02T08:35:00Z, confirmed_by: Sam Okafor, owner: Sam Okafor}\n"
        "communications:\n"
        "  - type: initial\n"
        "    sent_at: 2026-11-02T08:45:00Z\n"
        "    status: contained\n",
    .check = check,
};

}  // namespace esc
