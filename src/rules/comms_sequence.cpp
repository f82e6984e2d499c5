// comms-sequence: the communications do not follow initial, progress 1..N, resolution.
#include <optional>
#include <string>
#include <vector>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

bool is(const Communication& c, CommType t) { return c.type && *c.type == t; }

void check_start(const std::vector<Communication>& comms, Findings& findings) {
  const Communication& first = comms.front();
  if (first.type && !is(first, CommType::initial)) {
    std::string hint = "list the initial notification first";
    for (const Communication& c : comms)
      if (is(c, CommType::initial)) {
        hint = "the initial notification is communication #" + std::to_string(c.index + 1) +
               "; communications are listed in the order sent";
        break;
      }
    findings.add(first.type.loc, "the first communication is a " + std::string(comm_title(*first.type)) +
                                     ", not an initial notification: every escalation starts with the "
                                     "initial notification (" + hint + ")");
  }
  // A second initial notification (the first one is either first or reported just above).
  bool seen_initial = false;
  for (const Communication& c : comms) {
    if (!is(c, CommType::initial)) continue;
    if (seen_initial)
      findings.add(c.type.loc, "communication #" + std::to_string(c.index + 1) +
                                   " is a second initial notification: later updates are progress "
                                   "updates, numbered from 1");
    seen_initial = true;
  }
}

void check_numbers(const std::vector<Communication>& comms, Findings& findings) {
  // Each number is compared with the one before it, so one skipped or repeated number gives one
  // finding, not one for every later update.
  long long expected = 1;
  for (const Communication& c : comms) {
    if (!is(c, CommType::progress)) continue;
    // A number below 1 is the schema rule's finding ("must be at least 1").
    const bool known = c.number && *c.number >= 1;
    if (known && *c.number != expected)
      findings.add(c.number.loc, "this progress update is numbered " + std::to_string(*c.number) + " but " +
                                     (expected == 1 ? std::string("it is the first one")
                                                    : "follows progress update #" + std::to_string(expected - 1)) +
                                     ", so it should be #" + std::to_string(expected) +
                                     ": number progress updates 1..N in the order sent");
    expected = (known ? *c.number : expected) + 1;
  }
}

// The minute a communication was sent, when known.
std::optional<Instant> sent(const Communication& c) {
  if (!c.sent_at) return std::nullopt;
  return to_minute(c.sent_at->utc);
}

void check_order(const Record& r, const std::vector<Communication>& comms, Findings& findings) {
  const Communication* resolution = resolution_communication(r);
  std::vector<bool> reported(comms.size(), false);
  if (resolution) {
    const std::optional<Instant> resolved_at = sent(*resolution);
    for (std::size_t i = 0; i < comms.size(); ++i) {
      const Communication& c = comms[i];
      const std::optional<Instant> at = sent(c);
      if (c.index > resolution->index) {
        const std::string name = is(c, CommType::resolution)
                                     ? "a second resolution notification (communication #" +
                                           std::to_string(c.index + 1) + ")"
                                     : communication_subject(c);
        findings.add(c.type ? c.type.loc : c.loc,
                     name + " is listed after the resolution notification: the resolution notice is "
                            "the last communication of an escalation (list communications in the "
                            "order sent; a new problem is a new escalation)",
                     {note_at(resolution->type.loc, "the resolution notification")});
        reported[i] = true;
      } else if (c.index < resolution->index && at && resolved_at && *at > *resolved_at) {
        findings.add(c.sent_at.loc,
                     communication_subject(c) + " was sent at " + format_time_beside(*at, *resolved_at) + ", " +
                         describe_span(*at - *resolved_at) + " after the resolution notification (" +
                         format_time_beside(*resolved_at, *at) +
                         "): nothing is sent after the resolution notice; correct the time or the order",
                     {note_at(resolution->sent_at.loc, "the resolution notification was sent here")});
        reported[i] = true;
      }
    }
  }
  // "In the order sent": each sent_at is compared with the one listed just before it. Pairs
  // around a communication already reported above, and the resolution notice itself (a
  // communication listed before it but sent later is reported above), are skipped.
  for (std::size_t i = 1; i < comms.size(); ++i) {
    const Communication &prev = comms[i - 1], &c = comms[i];
    if (reported[i] || reported[i - 1] || (resolution && &c == resolution)) continue;
    const std::optional<Instant> before = sent(prev), at = sent(c);
    if (!before || !at || *at >= *before) continue;
    findings.add(c.sent_at.loc,
                 communication_subject(c) + " was sent at " + format_time_beside(*at, *before) + ", " +
                     describe_span(*before - *at) + " before " + communication_subject(prev) +
                     ", listed above it (sent at " + format_time_beside(*before, *at) +
                     "): list communications in the order sent, or correct the time",
                 {note_at(prev.sent_at.loc, "sent here")});
  }
}

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  const std::vector<Communication>& comms = r.comms();
  if (!comms.empty()) {
    check_start(comms, findings);
    check_numbers(comms, findings);
    check_order(r, comms, findings);
  }
  if (is_resolved(r) && !resolution_communication(r))
    findings.add(r.communications ? r.communications.loc : r.status.loc,
                 "the record is resolved but has no resolution notification: send the customer the "
                 "resolution notice (resolution summary, actions taken, preventative measures and when "
                 "the PIR will be shared) and record it here");
}

}  // namespace

extern const RuleInfo kCommsSequenceRule = {
    .rule = RuleId::comms_sequence,
    .summary = "communications out of sequence: initial, progress 1..N, resolution last",
    .description =
        "`communications` are listed in the order sent and follow the playbook's sequence:\n"
        "- the first one is the `initial` notification, and there is only one;\n"
        "- `progress` updates are numbered 1, 2, 3... in list order (each number is compared with "
        "the previous progress update's, so one skipped or repeated number is one finding);\n"
        "- a resolved record has a `resolution` notification, and it is the last communication: "
        "any communication listed after it, or listed before it but sent after it, is a finding;\n"
        "- `sent_at` never goes backwards down the list.\n"
        "Missing `type`, `number` or `sent_at` values are `schema` findings and are skipped here. "
        "Whether an update kept the previous promise is `update-promise-kept`'s business.",
    .rationale =
        "The playbook scripts three customer updates: the initial notification (\"Escalation "
        "Opened\"), progress updates numbered in the subject (\"Escalation Update [#N]\"), and the "
        "resolution notification (\"Escalation Resolved\") that closes the escalation and promises "
        "the PIR. Emails are threaded under the initial notification; a missing or out-of-order "
        "message breaks the customer's thread and the timeline strip of the exec readout.",
    .bad_example =
        "status: ongoing\n"
        "communications:\n"
        "  - type: initial\n"
        "    sent_at: 2026-11-02T08:45:00Z\n"
        "  - type: progress\n"
        "    number: 2   # the first progress update\n"
        "    sent_at: 2026-11-02T09:40:00Z\n",
    .good_example =
        "status: ongoing\n"
        "communications:\n"
        "  - type: initial\n"
        "    sent_at: 2026-11-02T08:45:00Z\n"
        "  - type: progress\n"
        "    number: 1\n"
        "    sent_at: 2026-11-02T09:40:00Z\n",
    .check = check,
};

}  // namespace esc
