// triage-window: triage completed later than the configured window after the first signal.
#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {


void check(const RuleContext& ctx, Findings& findings) {
  const TimelineRow* signal = ctx.record.milestone(Milestone::first_signal);
  const TimelineRow* triaged = ctx.record.milestone(Milestone::triage_completed);
  // A missing milestone or timestamp is timeline-milestones' (or schema's) finding.
  if (!signal || !triaged || !signal->at || !triaged->at) return;
  // Triage before the signal is timeline-order's finding; exactly the window passes.
  const auto window_state = model::triage_window(ctx.record, ctx.config, ctx.calendar, ctx.now);
  if (!window_state || !window_state->late) return;
  const Instant start = to_minute(signal->at->utc);
  const Instant done = to_minute(triaged->at->utc);

  const Duration& window = ctx.config.triage_window;
  const std::string allowed = window == Config{}.triage_window
                                  ? "the playbook allows " + describe(window)
                                  : "the configured triage window is " + describe(window);
  findings.add(triaged->at.loc,
               "triage was completed at " + format_time_beside(done, start) + ", " +
                   describe_span(done - start) + " after the first signal at " +
                   format_time_beside(start, done) + "; " + allowed,
               {note_at(signal->at.loc, "first signal here")});
}

}  // namespace

extern const RuleInfo kTriageWindowRule = {
    .rule = RuleId::triage_window,
    .summary = "`triage_completed` more than 15 minutes (configurable) after `first_signal`",
    .description =
        "Compares the `triage_completed` milestone with the `first_signal` milestone. Triage "
        "completed more than `triage_window` (default 15 minutes; configurable, e.g. `30m`, "
        "`1h` or `1bd`, a business day) after the first signal is a finding at the "
        "`triage_completed` timestamp, with a note at the first signal. Times are compared to "
        "the minute, as the timeline is kept: exactly 15 minutes passes, 16 does not. When "
        "either milestone is missing the rule is silent (that is `timeline-milestones`), and "
        "triage stamped before the signal is `timeline-order`'s finding.",
    .rationale =
        "The playbook's triage checklist is headed \"INITIAL TRIAGE — complete within 15 "
        "minutes of escalation signal\": confirming the escalation is genuine, assessing "
        "impact and assigning the Escalation Lead are what make every later step fast.",
    .bad_example =
        "timeline:\n  - milestone: first_signal\n    at: 2026-11-02T08:00:00Z\n"
        "    confirmed_by: Sam Okafor\n    owner: Sam Okafor\n"
        "  - milestone: triage_completed\n    at: 2026-11-02T08:17:00Z   # 17 minutes\n"
        "    confirmed_by: Dana Whitfield\n    owner: Dana Whitfield\n",
    .good_example =
        "timeline:\n  - milestone: first_signal\n    at: 2026-11-02T08:00:00Z\n"
        "    confirmed_by: Sam Okafor\n    owner: Sam Okafor\n"
        "  - milestone: triage_completed\n    at: 2026-11-02T08:13:00Z\n"
        "    confirmed_by: Dana Whitfield\n    owner: Dana Whitfield\n",
    .check = check,
};

}  // namespace esc
