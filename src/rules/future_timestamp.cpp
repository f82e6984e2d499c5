// future-timestamp: something that already happened is stamped after --now.
#include <algorithm>
#include <string>
#include <vector>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

// A past event stamped after now: where it is and how to name it.
struct Future {
  Loc loc;
  std::string what;
  Instant at;
};

void collect(const RuleContext& ctx, const Val<Timestamp>& v, std::string what, std::vector<Future>& out) {
  if (v && v->utc > ctx.now) out.push_back({v.loc, std::move(what), v->utc});
}

void report(const RuleContext& ctx, const std::vector<Future>& found, Findings& findings) {
  // Many future stamps at once almost always mean the clock is wrong (a --now before the
  // incident), not the record: one finding with a note at each, instead of a page of errors.
  constexpr std::size_t kMany = 4;
  if (found.size() >= kMany) {
    std::vector<Note> notes;
    for (std::size_t i = 1; i < found.size(); ++i)
      notes.push_back(note_at(found[i].loc, found[i].what + " is " + format_short(found[i].at)));
    findings.add(found[0].loc,
                 std::to_string(found.size()) + " past events are stamped after now (" + format_short(ctx.now) +
                     "), starting with " + found[0].what + " at " + format_short(found[0].at) +
                     ": if --now is right (it defaults to the current time), correct these dates",
                 std::move(notes));
    return;
  }
  for (const Future& f : found)
    findings.add(f.loc, f.what + " is " + format_short(f.at) + ", " + describe_span(f.at - ctx.now) + " after now (" +
                            format_short(ctx.now) +
                            "): it records something that already happened, so it cannot be in the "
                            "future; correct the date and time");
}

std::string describe_row(const TimelineRow& row) {
  if (row.milestone) return "the " + std::string(name_of(*row.milestone)) + " milestone's time";
  if (row.event && !row.event->empty()) return "the time of the timeline event \"" + *row.event + "\"";
  return "the time of a timeline event";
}

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  std::vector<Future> found;
  if (r.timeline)
    for (const TimelineRow& row : *r.timeline) collect(ctx, row.at, describe_row(row), found);
  for (const Communication& c : r.comms()) collect(ctx, c.sent_at, communication_subject(c) + "'s sent_at", found);
  collect(ctx, r.facts.confirmed_at, "facts.confirmed_at", found);
  if (r.facts.confirmations)
    for (const Confirmation& c : *r.facts.confirmations) collect(ctx, c.confirmed_at, c.loc.path + ".confirmed_at", found);
  collect(ctx, r.owners_confirmed_at, "owners_confirmed_at", found);
  std::sort(found.begin(), found.end(), [](const Future& a, const Future& b) { return a.loc.mark < b.loc.mark; });
  report(ctx, found, findings);
  // A delivery date (or a timestamp, compared by its UTC date) is late only from the next day.
  const Val<Date>& delivered = r.pir.delivered_at;
  if (delivered && *delivered > utc_date(ctx.now))
    findings.add(delivered.loc, "pir.delivered_at is " + format_iso_date(*delivered) + ", after today (" +
                                    format_iso_date(utc_date(ctx.now)) +
                                    " UTC): a PIR cannot have been delivered in the future; correct the "
                                    "date, or remove it until the PIR is delivered");
  if (r.readout.commitments)
    for (const Commitment& c : *r.readout.commitments)
      if (c.done_at && *c.done_at > utc_date(ctx.now))
        findings.add(c.done_at.loc, c.done_at.loc.path + " is " + format_iso_date(*c.done_at) + ", after today (" +
                                        format_iso_date(utc_date(ctx.now)) +
                                        " UTC): a commitment cannot have been delivered in the future; correct "
                                        "the date, or remove it until it is delivered");
}

}  // namespace

extern const RuleInfo kFutureTimestampRule = {
    .rule = RuleId::future_timestamp,
    .summary = "a past event stamped after --now",
    .description =
        "Times of things that already happened may not be later than now (`--now`, default the "
        "current time): every timeline row's `at` (milestones and free events), every "
        "communication's `sent_at`, `facts.confirmed_at` and each `facts.confirmations` "
        "`confirmed_at`, `owners_confirmed_at`, and `pir.delivered_at` and commitments' "
        "`done_at` — a date, or a timestamp compared by its UTC date, which may be today "
        "but not after today's UTC date. Exactly now passes. Promises and plans are never checked: "
        "`next_update_by`, `next_action.eta`, `pir.scheduled_for`, `pir_share_by` and commitment "
        "`due` dates may lie in the future. When four or more past events are in the future at "
        "once (almost always a `--now` before the incident), they are one finding with a note at "
        "each.",
    .rationale =
        "The record is the escalation's history: the playbook asks for timestamped events "
        "(\"TIMESTAMP (UTC)\" in the timeline, \"Sent at (UTC)\" on every update). A past event "
        "stamped in the future is a typo (usually the day or the month) that makes every rule "
        "built on that time — promises kept, PIR deadlines, the readout timeline — quietly wrong.",
    .bad_example =
        "# checked with --now 2026-11-20T12:00:00Z\n"
        "timeline:\n"
        "  - {milestone: pir_scheduled, at: 2026-12-03T09:00:00Z, confirmed_by: Aoife Brennan, owner: Dana Whitfield}\n",
    .good_example =
        "# checked with --now 2026-11-20T12:00:00Z\n"
        "timeline:\n"
        "  - {milestone: pir_scheduled, at: 2026-11-03T09:00:00Z, confirmed_by: Aoife Brennan, owner: Dana Whitfield}\n",
    .check = check,
};

}  // namespace esc
