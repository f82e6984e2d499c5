// update-cadence: a promised next update further out than the severity's cadence.
#include <string>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  if (!r.severity) return;  // schema's
  const Duration& cadence = ctx.config.cadence_for(*r.severity);
  for (const Communication& c : r.comms()) {
    if (!c.sent_at || !c.next_update_by) continue;
    const Instant sent = to_minute(c.sent_at->utc), promised = to_minute(c.next_update_by->utc);
    const Instant latest = add_duration(sent, cadence, ctx.calendar);
    // The span is said exactly: "3 days 1 minute" is what breaks a 1bd cadence over a weekend.
    if (promised <= latest) continue;  // exactly one cadence away passes
    findings.add(c.next_update_by.loc,
                 communication_subject(c) + " promises the next update by " + format_time_beside(promised, sent) + ", " +
                     describe(Duration{std::chrono::duration_cast<std::chrono::minutes>(promised - sent), 0}) +
                     " after it was sent at " + format_time_beside(sent, promised) +
                     ", but the " + std::string(name_of(*r.severity)) + " cadence is " + describe(cadence) +
                     ": promise an update by " + format_time_beside(latest, sent) + " at the latest",
                 {note_at(c.sent_at.loc, "sent here")});
  }
}

}  // namespace

extern const RuleInfo kUpdateCadenceRule = {
    .rule = RuleId::update_cadence,
    .summary = "a promise further out than the severity's cadence",
    .description =
        "Each communication's `next_update_by` may be at most one cadence after its `sent_at`. "
        "The cadence depends on the record's severity and is configured under `cadence:` "
        "(default P1 1h, P2 4h, P3 1bd). A cadence in minutes or hours is added to `sent_at`; "
        "`1bd` means no later than the same UTC clock time on the next business day (weekends "
        "and the configured holiday calendar skipped; `Nbd`: the Nth business day). Times are "
        "compared to the minute, and a promise exactly one cadence away passes. The finding "
        "points at the promise, with a note at `sent_at`. Whether the promise was then kept is "
        "`update-promise-kept`'s business.",
    .rationale =
        "The playbook's \"Scripted Update Cadences\" exist so the customer hears from the "
        "escalation at a predictable rhythm; the Customer Primary Contact and the CSM are updated "
        "\"per cadence\" in the stakeholder grid. A P1 outage whose next update is promised for "
        "tomorrow leaves the customer in the dark even if the promise is kept.",
    .bad_example =
        "severity: P1   # cadence 1 hour\n"
        "communications:\n"
        "  - type: initial\n"
        "    sent_at: 2026-11-02T08:45:00Z\n"
        "    next_update_by: 2026-11-02T10:00:00Z\n",
    .good_example =
        "severity: P1   # cadence 1 hour\n"
        "communications:\n"
        "  - type: initial\n"
        "    sent_at: 2026-11-02T08:45:00Z\n"
        "    next_update_by: 2026-11-02T09:45:00Z\n",
    .check = check,
};

}  // namespace esc
