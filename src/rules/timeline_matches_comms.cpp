// timeline-matches-comms: customer_notified / closure_comms_sent disagree with the
// communications they record.
#include <string>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void compare(const Record& r, Milestone m, const Communication* c, bool name_first, Findings& findings) {
  const TimelineRow* row = r.milestone(m);
  // Missing milestones and communications are other rules' findings; only two present times
  // can disagree.
  if (!row || !row->at || !c || !c->sent_at) return;
  const Instant at = to_minute(row->at->utc), sent = to_minute(c->sent_at->utc);
  if (at == sent) return;
  findings.add(row->at.loc,
               std::string(name_of(m)) + " is at " + format_time_beside(at, sent) + " but " +
                   (name_first ? "the first communication (" + describe_communication(*c) + ")"
                               : communication_subject(*c)) +
                   " was sent at " + format_time_beside(sent, at) + ", " +
                   describe_span(at > sent ? at - sent : sent - at) + (at > sent ? " earlier" : " later") +
                   ": the milestone must be the time that communication was sent",
               {note_at(c->sent_at.loc, "sent here")});
}

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  compare(r, Milestone::customer_notified, first_communication(r), true, findings);
  compare(r, Milestone::closure_comms_sent, resolution_communication(r), false, findings);
}

}  // namespace

extern const RuleInfo kTimelineMatchesCommsRule = {
    .rule = RuleId::timeline_matches_comms,
    .summary = "customer_notified or closure_comms_sent differs from the communication's sent_at",
    .description =
        "Two milestones record communications, so their times must be the communications' "
        "`sent_at`, to the minute (the playbook's timeline is kept in minutes):\n"
        "- `customer_notified` (\"Customer first notified\") = the first communication's `sent_at`;\n"
        "- `closure_comms_sent` (\"Customer closure comms sent\") = the resolution notification's "
        "`sent_at`.\n"
        "Checked only when both the milestone (with its `at`) and the communication (with its "
        "`sent_at`) exist; missing ones are `timeline-milestones`' and `comms-sequence`'s "
        "business. The finding points at the milestone's `at`, with a note at the communication's "
        "`sent_at`.",
    .rationale =
        "The playbook's timeline stub has \"Customer first notified\" and \"Customer closure "
        "comms sent\" rows, and each template ends with \"Sent at (UTC)\". Two different times for "
        "one event mean one of them is wrong, and the exec readout and the PIR would disagree "
        "with the emails the customer received.",
    .bad_example =
        "timeline:\n"
        "  - {milestone: customer_notified, at: 2026-11-02T08:50:00Z, confirmed_by: Dana Whitfield, owner: Dana Whitfield}\n"
        "communications:\n"
        "  - type: initial\n"
        "    sent_at: 2026-11-02T08:45:00Z\n",
    .good_example =
        "timeline:\n"
        "  - {milestone: customer_notified, at: 2026-11-02T08:45:00Z, confirmed_by: Dana Whitfield, owner: Dana Whitfield}\n"
        "communications:\n"
        "  - type: initial\n"
        "    sent_at: 2026-11-02T08:45:00Z\n",
    .check = check,
};

}  // namespace esc
