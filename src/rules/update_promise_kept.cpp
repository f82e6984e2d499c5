// update-promise-kept: a communication sent after the time the previous one promised.
#include <string>
#include <vector>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const std::vector<Communication>& comms = ctx.record.comms();
  // The model decides each promise once (to the minute); the readout's timeline reads the same.
  for (const model::UpdatePromise& p : model::update_promises(ctx.record, ctx.now)) {
    // A resolution notice promises nothing (a communication after it is comms-sequence's);
    // missing times are schema's; an unanswered promise is update-overdue's.
    if (p.state != model::UpdatePromise::State::missed || *p.answered_by != p.index + 1) continue;
    const Communication &previous = comms[p.index], &c = comms[*p.answered_by];
    const Instant promised = to_minute(p.due), sent = to_minute(*p.answered_at);
    findings.add(c.sent_at.loc,
                 communication_subject(c) + " was sent at " + format_time_beside(sent, promised) + ", " +
                     describe_span(p.late) + " after the " + format_time_beside(promised, sent) +
                     " promised by " + communication_subject(previous),
                 {note_at(previous.next_update_by.loc, "promised here")});
  }
}

}  // namespace

extern const RuleInfo kUpdatePromiseKeptRule = {
    .rule = RuleId::update_promise_kept,
    .summary = "a communication sent after the previous one's next_update_by",
    .description =
        "Every communication after the first must be sent no later than the `next_update_by` "
        "that the communication listed before it promised. Times are compared to the minute: an "
        "update sent at the exact promised minute keeps the promise; one minute later breaks it. "
        "The finding points at the late communication's `sent_at`, with a note at the promise. "
        "The resolution notice makes no promise, so nothing is checked after it (a communication "
        "after the resolution notice is `comms-sequence`'s finding). A promise that nothing has "
        "followed yet is `update-overdue`'s business.",
    .rationale =
        "The initial notification's template says \"Next update by: [Date and time — do not miss "
        "this commitment]\" and \"We will provide a further update by [time] regardless of "
        "progress\". A missed update time is the moment a customer stops trusting the escalation; "
        "the exec readout's timeline strip shows every promise as kept or missed.",
    .bad_example =
        "communications:\n"
        "  - type: progress\n"
        "    number: 1\n"
        "    sent_at: 2026-11-02T09:40:00Z\n"
        "    next_update_by: 2026-11-02T10:40:00Z\n"
        "  - type: progress\n"
        "    number: 2\n"
        "    sent_at: 2026-11-02T10:41:00Z   # 1 minute late\n",
    .good_example =
        "communications:\n"
        "  - type: progress\n"
        "    number: 1\n"
        "    sent_at: 2026-11-02T09:40:00Z\n"
        "    next_update_by: 2026-11-02T10:40:00Z\n"
        "  - type: progress\n"
        "    number: 2\n"
        "    sent_at: 2026-11-02T10:40:00Z   # the promised minute keeps the promise\n",
    .check = check,
};

}  // namespace esc
