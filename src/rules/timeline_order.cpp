// timeline-order: milestones out of the playbook's order.
#include <array>
#include <set>
#include <string>
#include <utility>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

using M = Milestone;

// The playbook's orderings, each a chain in which every milestone may not be earlier than the
// one before it. containment and root cause are not ordered between themselves.
constexpr std::array<M, 4> kOpeningChain = {M::first_signal, M::escalation_opened, M::triage_completed,
                                            M::customer_notified};
constexpr std::array<M, 3> kContainmentChain = {M::containment, M::resolution_confirmed, M::closure_comms_sent};
constexpr std::array<M, 3> kRootCauseChain = {M::root_cause_identified, M::resolution_confirmed,
                                              M::closure_comms_sent};

struct Stamp {
  M milestone;
  const Val<Timestamp>* at;
};

std::string chain_text(std::span<const M> chain) {
  std::string out;
  for (M m : chain) out += (out.empty() ? "" : ", then ") + std::string(name_of(m));
  return out;
}

void check_chain(const Record& r, std::span<const M> chain, std::set<std::pair<M, M>>& reported,
                 Findings& findings) {
  // Each present milestone is compared with the nearest present one before it: a single wrong
  // timestamp then gives a single finding, and a missing milestone (timeline-milestones' or
  // record-opened's finding) does not hide the order of the others.
  std::optional<Stamp> previous;
  for (M m : chain) {
    const TimelineRow* row = r.milestone(m);
    if (!row || !row->at) continue;
    const Stamp current{m, &row->at};
    const Instant earlier = to_minute(current.at->value->utc);
    if (previous && earlier < to_minute(previous->at->value->utc) &&
        reported.insert({previous->milestone, m}).second) {
      const Instant later = to_minute(previous->at->value->utc);
      findings.add(current.at->loc,
                   std::string(name_of(m)) + " is at " + format_time_beside(earlier, later) + ", " +
                       describe_span(later - earlier) + " before " + std::string(name_of(previous->milestone)) +
                       " at " + format_time_beside(later, earlier) + ", but the playbook's order is " +
                       chain_text(chain) + ": correct whichever timestamp is wrong",
                   {note_at(previous->at->loc, std::string(name_of(previous->milestone)) + " is here")});
    }
    previous = current;
  }
}

void check(const RuleContext& ctx, Findings& findings) {
  std::set<std::pair<M, M>> reported;  // the chains share resolution -> closure
  check_chain(ctx.record, kOpeningChain, reported, findings);
  check_chain(ctx.record, kContainmentChain, reported, findings);
  check_chain(ctx.record, kRootCauseChain, reported, findings);
}

}  // namespace

extern const RuleInfo kTimelineOrderRule = {
    .rule = RuleId::timeline_order,
    .summary = "milestones out of the playbook's order",
    .description =
        "Milestone times must follow the playbook's order:\n"
        "- first_signal <= escalation_opened <= triage_completed <= customer_notified;\n"
        "- containment <= resolution_confirmed and root_cause_identified <= resolution_confirmed;\n"
        "- resolution_confirmed <= closure_comms_sent.\n"
        "Times are compared to the minute; equal times pass. Containment and root cause may come in either order. Each milestone "
        "is compared with the nearest earlier milestone of its chain that the timeline has, so a "
        "missing milestone does not hide the others and one wrong timestamp gives one finding. "
        "The finding points at the `at` of the milestone the playbook puts later (the one that "
        "is earlier in time), with a note at the other. Missing milestones are "
        "`timeline-milestones`' and `record-opened`'s business; the time between first signal "
        "and triage is `triage-window`'s.",
    .rationale =
        "The playbook's Incident Timeline Stub lists the milestones in the order an escalation "
        "runs: first signal, escalation formally opened, triage completed, root cause identified, "
        "containment, customer first notified, resolution confirmed, customer closure comms sent. "
        "A timeline in which triage completes before the escalation was opened, or the customer "
        "is told of the closure before the resolution was confirmed, has a wrong timestamp, and "
        "the exec readout and PIR built from it would be wrong too.",
    .bad_example =
        "timeline:\n"
        "  - {milestone: escalation_opened, at: 2026-11-02T08:04:00Z, confirmed_by: Dana Whitfield, owner: Dana Whitfield}\n"
        "  - {milestone: triage_completed, at: 2026-11-02T08:03:00Z, confirmed_by: Dana Whitfield, owner: Dana Whitfield}\n",
    .good_example =
        "timeline:\n"
        "  - {milestone: escalation_opened, at: 2026-11-02T08:04:00Z, confirmed_by: Dana Whitfield, owner: Dana Whitfield}\n"
        "  - {milestone: triage_completed, at: 2026-11-02T08:13:00Z, confirmed_by: Dana Whitfield, owner: Dana Whitfield}\n",
    .check = check,
};

}  // namespace esc
