// update-overdue: an unresolved escalation whose last promised update time has passed.
#include <string>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  // A missing status is schema's; a resolved record owes no further update.
  if (!r.status || *r.status == Status::resolved || r.comms().empty()) return;
  const Communication& last = r.comms().back();
  // A resolution notice promises nothing (a record that sent one but is not resolved is
  // comms-status-consistent's finding); a missing promise is schema's.
  if (!last.next_update_by) return;
  // The model decides (to the minute: the promised minute itself is still in time), as for
  // update-promise-kept and `escalate status`.
  const auto promises = model::update_promises(r, ctx.now);
  if (promises.empty() || promises.back().index != r.comms().size() - 1 ||
      promises.back().state != model::UpdatePromise::State::overdue)
    return;
  const Instant promised = to_minute(last.next_update_by->utc), now = to_minute(ctx.now);
  const std::string stamp = format_short(promised);  // "2 Nov 2026 10:40 UTC"
  const std::string date = stamp.substr(0, stamp.size() - format_hhmm(promised).size() - 1);
  findings.add(last.next_update_by.loc,
               "the last promise (next update by " + format_hhmm(promised) + " on " + date + ", in " +
                   communication_subject(last) + ") is " + describe_span(now - promised) +
                   " overdue; send an update now");
}

}  // namespace

extern const RuleInfo kUpdateOverdueRule = {
    .rule = RuleId::update_overdue,
    .summary = "unresolved record whose last promise is earlier than --now",
    .description =
        "On a record whose `status` is `ongoing` or `contained`, the last communication's "
        "`next_update_by` must not be earlier than now (`--now`, default the current time). Times "
        "are compared to the minute: during the promised minute the update is still in time. The "
        "finding points at the overdue promise. Resolved records owe no further update. When the "
        "last communication is a resolution notice (which promises nothing) the rule is silent; "
        "a record that told the customer it was resolved but is not marked resolved is "
        "`comms-status-consistent`'s finding. An update that was sent, but late, is "
        "`update-promise-kept`'s.",
    .rationale =
        "The initial notification's template says \"Next update by: [Date and time — do not miss "
        "this commitment]\" and \"We will provide a further update by [time] regardless of "
        "progress\". This rule is the reminder while there is still a customer waiting: the "
        "update is due even when there is no progress to report.",
    .bad_example =
        "# checked with --now 2026-11-02T14:00:00Z\n"
        "status: contained\n"
        "communications:\n"
        "  - type: progress\n"
        "    number: 1\n"
        "    sent_at: 2026-11-02T09:40:00Z\n"
        "    next_update_by: 2026-11-02T10:40:00Z\n",
    .good_example =
        "# checked with --now 2026-11-02T14:00:00Z\n"
        "status: contained\n"
        "communications:\n"
        "  - type: progress\n"
        "    number: 1\n"
        "    sent_at: 2026-11-02T09:40:00Z\n"
        "    next_update_by: 2026-11-02T10:40:00Z\n"
        "  - type: progress\n"
        "    number: 2\n"
        "    sent_at: 2026-11-02T10:40:00Z\n"
        "    next_update_by: 2026-11-02T14:40:00Z\n",
    .check = check,
};

}  // namespace esc
