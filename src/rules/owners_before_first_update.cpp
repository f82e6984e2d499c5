// owners-before-first-update: owners_confirmed_at missing or after the first communication.
#include "core/text.h"
#include "load/presence.h"
#include "model/confirmation.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {


void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  const Communication* first = first_communication(r);
  if (!first) return;  // nothing sent yet: owners may still be being confirmed
  std::vector<Note> notes;
  if (first->sent_at) notes.push_back(note_at(first->sent_at.loc, "first customer update sent here"));

  // The model's owners_confirmed_at gap (the grid's unfilled owners are owner-missing's).
  const Val<Timestamp>& confirmed = r.owners_confirmed_at;
  std::optional<model::Unconfirmed> gap;
  for (const model::Unconfirmed& u : model::unconfirmed_owners(r))
    if (u.item == model::Unconfirmed::Item::owners_confirmed_at) gap = u;
  if (gap) {
    if (gap->state == model::Unconfirmed::State::invalid) return;  // schema's
    findings.add(gap->loc,
                 "owners_confirmed_at is missing but " + communication_subject(*first) +
                     (first->sent_at ? " was sent at " + format_short(first->sent_at->utc)
                                     : std::string(" has been sent")) +
                     ": record when every owner in the stakeholder grid was confirmed (the "
                     "playbook requires it before the first customer update)",
                 std::move(notes));
    return;
  }
  // A first communication without a valid sent_at cannot be compared against (schema's).
  if (!first->sent_at) return;
  // The same minute passes.
  const Instant sent = to_minute(first->sent_at->utc);
  const Instant at = to_minute(confirmed->utc);
  if (at <= sent) return;
  findings.add(confirmed.loc,
               "owners were confirmed at " + format_time_beside(at, sent) + ", " +
                   describe_span(at - sent) + " after " + communication_subject(*first) +
                   " was sent at " + format_time_beside(sent, at) +
                   "; the playbook requires all owners confirmed before the first customer update",
               std::move(notes));
}

}  // namespace

extern const RuleInfo kOwnersBeforeFirstUpdateRule = {
    .rule = RuleId::owners_before_first_update,
    .summary = "`owners_confirmed_at` missing or after the first communication",
    .description =
        "Once a communication exists, `owners_confirmed_at` (when every owner in the stakeholder "
        "grid was confirmed) must be present and no later than the `sent_at` of the first "
        "communication in the list. Times are compared to the minute: confirmed in the same "
        "minute as the first update passes. A record with no communications is not checked. A "
        "value that is present but not a valid timestamp is a `schema` finding; an owner that "
        "is a placeholder is `owner-missing`'s.",
    .rationale =
        "The playbook's purpose statement: \"All owners must be confirmed before the first "
        "customer update is sent.\" An update that goes out before anyone owns the next step "
        "makes promises nobody is accountable for keeping.",
    .bad_example =
        "owners_confirmed_at: 2026-11-02T08:50:00Z\ncommunications:\n  - type: initial\n"
        "    sent_at: 2026-11-02T08:45:00Z\n",
    .good_example =
        "owners_confirmed_at: 2026-11-02T08:30:00Z\ncommunications:\n  - type: initial\n"
        "    sent_at: 2026-11-02T08:45:00Z\n",
    .check = check,
};

}  // namespace esc
