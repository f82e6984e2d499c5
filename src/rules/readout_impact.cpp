// readout-impact: the exec readout's customer impact summary is missing or not 2-3 sentences.
#include "core/text.h"
#include "load/presence.h"
#include "model/describe.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Readout& readout = ctx.record.readout;
  const Text& summary = readout.impact_summary;
  // Missing, empty or placeholder: only a resolved record must have a summary; a draft summary
  // on an ongoing record is work in progress.
  if (auto why = why_unfilled(summary, readout.loc)) {
    if (is_resolved(ctx.record))
      findings.add(value_or_section(summary.loc, readout.loc),
                   "readout.impact_summary " + *why +
                       ": a resolved record's exec readout needs 2-3 factual sentences on the "
                       "customer impact");
    return;
  }
  if (!summary) return;  // written but not text: schema's finding
  const int sentences = count_sentences(*summary);
  if (sentences >= 2 && sentences <= 3) return;
  findings.add(summary.loc, "readout.impact_summary has " + std::to_string(sentences) +
                                (sentences == 1 ? " sentence" : " sentences") +
                                "; the exec readout asks for 2-3 sentences, facts only");
}

}  // namespace

extern const RuleInfo kReadoutImpactRule = {
    .rule = RuleId::readout_impact,
    .summary = "impact summary missing or not 2-3 sentences",
    .description =
        "`readout.impact_summary` must be 2 or 3 sentences (both inclusive). Sentences are "
        "counted without being fooled by abbreviations, decimals and amounts (\"e.g.\", "
        "\"Ltd.\", \"99.95%\", \"£1.2m\"); a last sentence without a full stop still counts, and "
        "each script's own terminators end sentences (Chinese and Japanese 。！？ with no space "
        "after them, Devanagari ।, Arabic ؟, Urdu ۔, Armenian ։, Ethiopic ።). "
        "The count applies whenever a summary is written, whatever the status. On a resolved "
        "record the summary is also required: missing, empty, a placeholder (`TBD`, "
        "`[Summary]`) or containing a placeholder token is a finding; on an unresolved record "
        "such a draft is left alone.",
    .rationale =
        "The Exec Readout companion format asks for a \"Customer impact summary (2-3 "
        "sentences, facts only)\" and must \"Keep to a single page\". One sentence rarely says "
        "both what happened and what it cost the customer; four or more crowd the page.",
    .bad_example =
        "readout:\n"
        "  impact_summary: Card payments failed.\n",
    .good_example =
        "readout:\n"
        "  impact_summary: >-\n"
        "    All card payments through Northwind's EU checkout were declined for 35 minutes.\n"
        "    An estimated £180,000 of orders could not be taken during that window.\n",
    .check = check,
};

}  // namespace esc
