// readout-actions: the exec readout's resolution actions are empty on a resolved record, or
// more than the five the one-page format allows.
#include "core/text.h"
#include "load/presence.h"
#include "model/describe.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

constexpr std::size_t kMaxActions = 5;

void check(const RuleContext& ctx, Findings& findings) {
  const Readout& readout = ctx.record.readout;
  const Val<TextList>& actions = readout.resolution_actions;
  if (actions && actions->size() > kMaxActions) {
    findings.add((*actions)[kMaxActions].loc,
                 "readout.resolution_actions lists " + std::to_string(actions->size()) +
                     " actions; the exec readout allows at most 5: merge or drop from the " +
                     ordinal(static_cast<int>(kMaxActions + 1)) + " on");
    return;
  }
  if (!is_resolved(ctx.record)) return;
  if (actions && !actions->empty()) return;
  if (!actions && key_written(actions, readout.loc)) return;  // not a list: schema
  findings.add(value_or_section(actions.loc, readout.loc),
               std::string("readout.resolution_actions ") + (actions ? "is empty" : "is missing") +
                   ": list the key resolution actions (at most 5) for the exec readout");
}

}  // namespace

extern const RuleInfo kReadoutActionsRule = {
    .rule = RuleId::readout_actions,
    .summary = "resolution actions empty on a resolved record, or more than 5",
    .description =
        "`readout.resolution_actions` may hold at most 5 items, whatever the status; a 6th item "
        "is reported at the 6th item, once. On a resolved record the list must also exist and "
        "hold at least one action.",
    .rationale =
        "The Exec Readout companion format asks for \"Resolution actions (bullet list, max 5)\" "
        "and must \"Keep to a single page\". Leadership reads the key actions, not the runbook; "
        "a resolved escalation with no actions tells them nothing about what was done.",
    .bad_example =
        "status: resolved\n"
        "readout:\n"
        "  resolution_actions: []\n",
    .good_example =
        "status: resolved\n"
        "readout:\n"
        "  resolution_actions:\n"
        "    - Failed traffic over to the secondary gateway\n"
        "    - Replaced the expired certificate\n"
        "    - Added certificate expiry alerting\n",
    .check = check,
};

}  // namespace esc
