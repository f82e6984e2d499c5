// facts-before-notification: the facts were not confirmed in writing before the first
// communication.
#include "core/text.h"
#include "load/presence.h"
#include "model/confirmation.h"
#include "model/escalation.h"
#include "model/measures.h"
#include "rules/rule.h"

namespace esc {

namespace {


// The facts that are not there: each problem in words, and where it is.
struct Gap {
  std::string words;
  Loc loc;
};

// The model's unconfirmed facts that are this rule's to report, in words. Values written with
// the wrong type are schema's, and so are the keys each listed confirmation requires; a
// confirmed_by that is written but empty or a placeholder is owner-missing's.
std::vector<Gap> gaps_of(const Record& r, const std::vector<model::Unconfirmed>& unconfirmed) {
  using Item = model::Unconfirmed::Item;
  using State = model::Unconfirmed::State;
  std::vector<Gap> gaps;
  for (const model::Unconfirmed& u : unconfirmed) {
    if (u.state == State::invalid) continue;
    const bool missing = u.state == State::missing;
    switch (u.item) {
      case Item::facts:
        break;  // the whole section: its own finding
      case Item::confirmed_by:
        if (!u.entry && missing) gaps.push_back({"confirmed_by (the technical owner) is missing", u.loc});
        break;
      case Item::confirmed_at:
        if (!u.entry) gaps.push_back({"confirmed_at is missing", u.loc});
        break;
      case Item::confirmation_ref:
        if (!missing)
          gaps.push_back({(u.entry ? (*r.facts.confirmations)[*u.entry].loc.path + "." : std::string()) +
                              "confirmation_ref is " + describe_unfilled(u.value),
                          u.loc});
        else if (!u.entry)
          gaps.push_back({"confirmation_ref (where the written confirmation is) is missing", u.loc});
        break;
      case Item::affected:
        gaps.push_back({u.state == State::empty_list          ? "affected is empty"
                        : u.state == State::only_placeholders ? "affected lists only placeholders"
                                                              : "affected (systems, services or processes) is missing",
                        u.loc});
        break;
      case Item::status:
        gaps.push_back({"status (ongoing, contained or resolved) is missing", u.loc});
        break;
      case Item::root_cause:
        // "Confirm root cause hypothesis (not assumption)" comes before any external
        // communication: written as a placeholder it is a gap (absent is allowed while it is
        // being investigated; root-cause-confirmed covers resolved records).
        gaps.push_back({"root_cause is " + describe_unfilled(u.value), u.loc});
        break;
      case Item::owners_confirmed_at:
      case Item::owner:
        break;  // not facts
    }
  }
  return gaps;
}

constexpr std::string_view kWhy =
    "; the playbook asks for written confirmation from the technical owner before stating facts "
    "to the customer";

// With `facts.confirmations`: each communication against what had been confirmed when it was
// sent. One finding per fact, at its first confirmation (or at the list when it never was),
// naming the first communication that stated it unconfirmed, with a note at each.
void check_each_communication(const Record& r, Findings& findings) {
  const Facts& f = r.facts;
  static constexpr std::pair<std::string_view, std::string_view> kFacts[] = {
      {"root_cause", "the root cause"}, {"affected", "the affected systems"}, {"status", "the status"}};
  for (const auto& [fact, words] : kFacts) {
    // The earliest written confirmation of the fact (the model's; the single confirmed_at,
    // when given, confirms every fact).
    const auto earliest = model::first_confirmation(r, fact);
    const Loc where = earliest ? earliest->loc : f.confirmations.loc;
    std::vector<const Communication*> early;
    for (const Communication& c : r.comms())
      if (c.sent_at && model::communication_states(r, c, fact) && (!earliest || to_minute(c.sent_at->utc) < earliest->at))
        early.push_back(&c);
    if (early.empty()) continue;
    const Communication& first = *early.front();
    const Instant sent = to_minute(first.sent_at->utc);
    std::vector<Note> notes;
    for (const Communication* c : early)
      notes.push_back(note_at(c->sent_at.loc, communication_subject(*c) + " sent here"));
    std::string also;
    if (early.size() == 2) also = " (1 more communication was sent before it too)";
    if (early.size() > 2) also = " (" + std::to_string(early.size() - 1) + " more communications were sent before it too)";
    std::string message;
    if (!earliest)
      message = "no written confirmation in facts.confirmations covers " + std::string(words) + ", yet " +
                communication_subject(first) + " was sent at " + format_short(first.sent_at->utc) +
                (early.size() > 1 ? " (and " + std::to_string(early.size() - 1) + " more)" : std::string());
    else
      message = std::string(words) + " was first confirmed at " + format_time_beside(earliest->at, sent) + " (" +
                earliest->source + "), " + describe_span(earliest->at - sent) + " after " +
                communication_subject(first) + " was sent at " + format_time_beside(sent, earliest->at) + also;
    findings.add(where, message + std::string(kWhy), std::move(notes));
  }
}

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  const Communication* first = first_communication(r);
  if (!first) return;  // nothing said to the customer yet
  const std::string first_words =
      communication_subject(*first) +
      (first->sent_at ? " (sent at " + format_short(first->sent_at->utc) + ")" : std::string());
  std::vector<Note> notes;
  if (first->sent_at) notes.push_back(note_at(first->sent_at.loc, "first communication sent here"));
  const std::string why(kWhy);

  const Facts& f = r.facts;
  const std::vector<model::Unconfirmed> unconfirmed = model::unconfirmed_facts(r);
  if (!unconfirmed.empty() && unconfirmed.front().item == model::Unconfirmed::Item::facts) {
    // `facts` written but not a mapping: schema.
    if (unconfirmed.front().state == model::Unconfirmed::State::invalid) return;
    findings.add(f.loc,
                 "the record has no facts section but " + first_words +
                     " has gone to the customer: confirm root cause, affected systems, status "
                     "and who confirmed them, when and where" + why,
                 notes);
    return;
  }

  const bool listed = f.confirmations && !f.confirmations->empty();
  const std::vector<Gap> gaps = gaps_of(r, unconfirmed);
  if (!gaps.empty()) {
    std::vector<std::string> words;
    for (const Gap& g : gaps) words.push_back(g.words);
    findings.add(gaps.size() == 1 ? gaps.front().loc : f.loc,
                 "facts are not confirmed before " + first_words + ": " + join_and(words) + why,
                 notes);
  }

  if (listed) {
    check_each_communication(r, findings);
    return;
  }
  // Confirmed at the same minute as the first communication passes (the model decides).
  if (f.confirmed_at && first->sent_at && model::facts_confirmed_before(r, *first) == false) {
    const Instant confirmed = to_minute(f.confirmed_at->utc);
    const Instant sent = to_minute(first->sent_at->utc);
    findings.add(f.confirmed_at.loc,
                 "the facts were confirmed at " + format_time_beside(confirmed, sent) + ", " +
                     describe_span(confirmed - sent) + " after " + communication_subject(*first) +
                     " was sent at " + format_time_beside(sent, confirmed) + why,
                 notes);
  }
}

}  // namespace

extern const RuleInfo kFactsBeforeNotificationRule = {
    .rule = RuleId::facts_before_notification,
    .summary =
        "facts not confirmed (confirmed_by, confirmed_at, confirmation_ref, affected, status) "
        "before the first communication",
    .description =
        "Applies once `communications` holds at least one communication. Then the `facts` "
        "section must exist and hold `confirmed_by`, `confirmed_at`, `confirmation_ref` (not a "
        "placeholder), `affected` (at least one real item) and `status`. Everything that is "
        "missing is listed in ONE finding (it is one problem: the facts were not confirmed), "
        "at the missing value when only one is missing and at the `facts` mapping otherwise. "
        "A second, separate finding is made when `confirmed_at` is later than the first "
        "communication's `sent_at` (compared to the minute: the same minute passes), with a "
        "note at the communication. Values written with the wrong type are `schema`'s; a "
        "`confirmed_by` that is empty or a placeholder is `owner-missing`'s.\n"
        "Facts are often confirmed more than once (the root cause hours after the first "
        "update). `facts.confirmations` lists each written confirmation: `what` (root_cause, "
        "affected, status; all three when omitted), `confirmed_by`, `confirmed_at` and "
        "`confirmation_ref`. Then the single `confirmed_by`/`confirmed_at`/`confirmation_ref` "
        "are optional (when given they count as one more confirmation of everything), and each "
        "communication is checked against what had been confirmed when it was sent: every "
        "communication states the affected systems and the status; the resolution notification "
        "also states the root cause once `root_cause_status` is `confirmed`. One finding per "
        "fact stated before its first confirmation, with a note at each communication that did. "
        "Records without `confirmations` are checked exactly as before.",
    .rationale =
        "The playbook's FACT CONFIRMATION checklist is to be completed \"before any external "
        "communication\": confirm the root cause hypothesis, identify affected systems, confirm "
        "current status, and \"Get written confirmation from technical owner before stating "
        "facts to customer\". Facts corrected after the customer has heard them cost trust.",
    .bad_example =
        "facts:\n  root_cause: An expired TLS certificate on the payment gateway.\n"
        "  root_cause_status: confirmed\n  affected: [payment-gateway]\n  status: contained\n"
        "  confirmed_by: Sam Okafor\n  confirmed_at: 2026-11-02T08:50:00Z\n"
        "communications:\n  - type: initial\n    sent_at: 2026-11-02T08:45:00Z\n",
    .good_example =
        "facts:\n  root_cause: An expired TLS certificate on the payment gateway.\n"
        "  root_cause_status: confirmed\n  affected: [payment-gateway]\n  status: contained\n"
        "  confirmations:   # or one confirmed_by, confirmed_at and confirmation_ref\n"
        "    - what: [affected, status]\n      confirmed_by: Sam Okafor\n"
        "      confirmed_at: 2026-11-02T08:38:00Z\n"
        "      confirmation_ref: \"Email from Sam Okafor to Dana Whitfield, 08:38 UTC\"\n"
        "    - what: [root_cause]\n      confirmed_by: Sam Okafor\n"
        "      confirmed_at: 2026-11-02T09:58:00Z\n"
        "      confirmation_ref: \"Email from Sam Okafor to Dana Whitfield, 09:58 UTC\"\n"
        "communications:\n  - type: initial\n    sent_at: 2026-11-02T08:45:00Z\n",
    .check = check,
};

}  // namespace esc
