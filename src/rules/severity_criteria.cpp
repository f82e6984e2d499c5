// severity-criteria: the declared severity disagrees with the playbook's definitions.
#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

// One of the playbook's criteria, as it applies to this record.
struct Criterion {
  bool met = false;
  std::string met_words;    // "the outage is complete"
  std::string unmet_words;  // "no complete outage"
  Loc loc;                  // the impact value it reads
};

std::string plural_customers(long long n) {
  return std::to_string(n) + (n == 1 ? " customer" : " customers");
}

struct Assessment {
  std::vector<Criterion> p1, p2;
  Priority expected = Priority::P3;
};

Assessment assess(const Impact& im, const Config& config) {
  Assessment a;
  const std::string amount = format_money(*im.revenue_at_risk, config.currency);
  const std::string threshold = format_money(config.p1_revenue_threshold, config.currency);
  a.p1 = {
      {*im.outage == Outage::complete, "the outage is complete", "no complete outage", im.outage.loc},
      {*im.revenue_at_risk > config.p1_revenue_threshold,
       "revenue at risk " + amount + " is over the " + threshold + " threshold",
       "revenue at risk " + amount + " is not over the " + threshold + " threshold",
       im.revenue_at_risk.loc},
      {*im.sla == Sla::breached, "the SLA is breached", "SLA not breached", im.sla.loc},
      {*im.regulatory_exposure, "there is regulatory exposure", "no regulatory exposure",
       im.regulatory_exposure.loc},
  };
  const bool partial = *im.outage == Outage::partial;
  const bool exec = im.customer_exec_escalation && *im.customer_exec_escalation;
  a.p2 = {
      {partial && *im.customers_affected > 1,
       "a partial outage affects " + plural_customers(*im.customers_affected),
       partial ? "the partial outage affects only " + plural_customers(*im.customers_affected)
               : "no partial outage",
       im.outage.loc},
      {*im.revenue_at_risk > 0, "revenue at risk is above zero", "no revenue at risk",
       im.revenue_at_risk.loc},
      {exec, "the customer's executives escalated", "no customer exec escalation",
       im.customer_exec_escalation ? im.customer_exec_escalation.loc : im.loc},
  };
  const auto any = [](const std::vector<Criterion>& cs) {
    for (const Criterion& c : cs)
      if (c.met) return true;
    return false;
  };
  a.expected = any(a.p1) ? Priority::P1 : any(a.p2) ? Priority::P2 : Priority::P3;
  return a;
}

// The criteria of a level that this record meets (met = true) or fails (met = false), in words.
std::vector<std::string> words(const std::vector<Criterion>& cs, bool met) {
  std::vector<std::string> out;
  for (const Criterion& c : cs)
    if (c.met == met) out.push_back(met ? c.met_words : c.unmet_words);
  return out;
}

std::string join_comma(const std::vector<std::string>& parts) {
  std::string out;
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
  return out;
}

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  const Impact& im = r.triage.impact;
  // Every criterion but customer_exec_escalation is schema-required: missing means schema has
  // already reported, and a level computed from half the facts would only add noise.
  if (!r.severity || !im.present || !im.outage || !im.customers_affected || !im.revenue_at_risk ||
      !im.sla || !im.regulatory_exposure)
    return;
  const Assessment a = assess(im, ctx.config);
  const Priority declared = *r.severity;
  if (declared == a.expected) return;
  const std::string d(name_of(declared)), e(name_of(a.expected));

  std::vector<Note> notes;
  const std::vector<Criterion>& deciding = a.expected == Priority::P1 ? a.p1 : a.p2;
  if (a.expected != Priority::P3)
    for (const Criterion& c : deciding)
      if (c.met) notes.push_back(note_at(c.loc, c.met_words));

  // Declared below the criteria: P1 (or P2) is a lower number.
  if (declared > a.expected) {
    findings.add(r.severity.loc,
                 "declared " + d + " but the playbook's criteria make this " + e + ": " +
                     join_and(words(deciding, true)),
                 std::move(notes));
    return;
  }
  std::string message = "declared " + d + " but nothing meets P1 (" + join_comma(words(a.p1, false)) + ")";
  if (a.expected == Priority::P3) {
    if (declared == Priority::P2)
      message = "declared P2 but nothing meets P2 (" + join_comma(words(a.p2, false)) + ")";
    else
      message += " or P2 (" + join_comma(words(a.p2, false)) + ")";
    message += "; the criteria make it P3";
  } else {
    message += "; the criteria make it " + e + ": " + join_and(words(a.p2, true));
  }
  findings.add(r.severity.loc, message, std::move(notes));
}

}  // namespace

extern const RuleInfo kSeverityCriteriaRule = {
    .rule = RuleId::severity_criteria,
    .summary = "severity disagrees with the playbook's P1/P2/P3 definitions (the message names the criterion)",
    .description =
        "Computes the level the playbook's criteria give from `triage.impact` and compares it "
        "with `severity`. P1 when the outage is `complete`, `revenue_at_risk` is over (not "
        "equal to) `p1_revenue_threshold` (default 100000, in the configured `currency`), the "
        "`sla` is `breached`, or `regulatory_exposure` is true. Otherwise P2 when a `partial` "
        "outage affects more than one customer, `revenue_at_risk` is above zero, or "
        "`customer_exec_escalation` is true. Otherwise P3. A declared level above or below that "
        "is a warning at `severity` whose message names the deciding criteria (or, for a level "
        "declared too high, the criteria that are not met), with notes at the impact values "
        "that decide. Skipped while any required impact value is missing (a `schema` finding).",
    .rationale =
        "The exec readout's severity definitions: \"P1 — Critical: Complete service outage; "
        "revenue impact > £[THRESHOLD]; major customer SLA breach; regulatory or legal "
        "exposure\", \"P2 — High: Partial degradation affecting multiple customers; measurable "
        "revenue impact; customer exec escalation required\", \"P3 — Medium: Limited scope; "
        "single customer or internal impact; workarounds available; no immediate revenue "
        "risk\". The level sets the update cadence and who is woken up; it should follow the "
        "definitions, not the mood of the moment. A warning, because leadership may knowingly "
        "escalate above the criteria.",
    .bad_example =
        "severity: P2\ntriage:\n  genuine: true\n  impact:\n    outage: complete\n"
        "    customers_affected: 1\n    revenue_at_risk: 180000\n    sla: breached\n"
        "    reputational_exposure: high\n    regulatory_exposure: false\n"
        "    workaround_available: false\n",
    .good_example =
        "severity: P1\ntriage:\n  genuine: true\n  impact:\n    outage: complete\n"
        "    customers_affected: 1\n    revenue_at_risk: 180000\n    sla: breached\n"
        "    reputational_exposure: high\n    regulatory_exposure: false\n"
        "    workaround_available: false\n",
    .check = check,
};

}  // namespace esc
