// readout-sentiment: a resolved record's exec readout does not say how the customer feels.
#include "core/text.h"
#include "load/presence.h"
#include "model/describe.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  if (!is_resolved(ctx.record)) return;
  const Readout& readout = ctx.record.readout;
  const Text& sentiment = readout.customer_sentiment;
  const auto why = why_unfilled(sentiment, readout.loc);
  if (!why) return;
  findings.add(value_or_section(sentiment.loc, readout.loc),
               "readout.customer_sentiment " + *why +
                   ": record how the customer feels after the resolution, in their words where "
                   "possible");
}

}  // namespace

extern const RuleInfo kReadoutSentimentRule = {
    .rule = RuleId::readout_sentiment,
    .summary = "resolved record without customer sentiment",
    .description =
        "On a resolved record, `readout.customer_sentiment` must be filled in: missing, empty, "
        "a placeholder (`TBD`, `_____`) or text containing a placeholder token is a warning. "
        "Unresolved records are not checked.",
    .rationale =
        "The Exec Readout companion format asks for \"Customer sentiment post-resolution\". "
        "Leadership needs to know whether the relationship is recovering or still needs an "
        "executive call, and the CSM's read is the only source for that.",
    .bad_example =
        "status: resolved\n"
        "readout:\n"
        "  customer_sentiment: TBD\n",
    .good_example =
        "status: resolved\n"
        "readout:\n"
        "  customer_sentiment: Frustrated by the outage but appreciative of the hourly updates.\n",
    .check = check,
};

}  // namespace esc
