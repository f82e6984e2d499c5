// root-cause-confirmed: the root cause is not one sentence, or a resolved record's root cause
// is missing or still a hypothesis.
#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  const Facts& f = r.facts;
  // `facts` written but not a mapping is schema's finding.
  if (!f.present && f.loc.mark != r.root.mark) return;

  const Text& cause = f.root_cause;
  const bool given = f.present && cause && !is_placeholder_value(*cause);
  if (given) {
    const int n = count_sentences(*cause);
    if (n != 1)
      findings.add(cause.loc, "facts.root_cause is " +
                                  (n == 0 ? std::string("not a sentence")
                                          : std::to_string(n) + " sentences") +
                                  "; state the root cause in one sentence (the exec readout's "
                                  "\"Root cause (confirmed, one sentence)\")");
  }
  if (!is_resolved(r)) return;

  if (!given) {
    // A root_cause of the wrong type is schema's.
    if (f.present && reported_by_schema(cause, f.loc)) return;
    const Loc& where = f.present ? cause.loc : f.loc;
    findings.add(where, std::string("the record is resolved but ") +
                            (cause && f.present ? "facts.root_cause is " +
                                                      describe_unfilled(*cause)
                                                : std::string("no root cause is recorded")) +
                            ": state the confirmed root cause in facts.root_cause, in one sentence");
    return;
  }
  const Val<RootCauseStatus>& status = f.root_cause_status;
  if (status && *status == RootCauseStatus::hypothesis)
    findings.add(status.loc,
                 "the record is resolved but its root cause is still a hypothesis: confirm it "
                 "with the technical owner and set root_cause_status: confirmed");
  else if (!status && !reported_by_schema(status, f.loc))
    findings.add(status.loc,
                 "the record is resolved but facts.root_cause_status is missing: confirm the "
                 "root cause with the technical owner and set root_cause_status: confirmed");
}

}  // namespace

extern const RuleInfo kRootCauseConfirmedRule = {
    .rule = RuleId::root_cause_confirmed,
    .summary = "a resolved record whose root cause is still a hypothesis, or not one sentence",
    .description =
        "Whenever `facts.root_cause` is given (not empty, not a placeholder), it must be exactly "
        "one sentence; sentence counting is not fooled by abbreviations and numbers (\"e.g.\", "
        "\"Ltd.\", \"99.95%\", \"£1.2m\"). On a resolved record, the root cause must also be "
        "given and `facts.root_cause_status` must be `confirmed`: a missing or placeholder root "
        "cause, `hypothesis`, or a missing status is a finding (one: a missing root cause is not "
        "also reported as unconfirmed). Values of the wrong type are `schema`'s findings.",
    .rationale =
        "The fact-confirmation checklist says \"Confirm root cause hypothesis (not assumption)\", "
        "and the exec readout has one line for it: \"Root cause (confirmed, one sentence)\". A "
        "record closed on a hypothesis tells leadership and the customer something nobody has "
        "confirmed.",
    .bad_example =
        "status: resolved\nfacts:\n  root_cause: The certificate expired. Alerts were missed.\n"
        "  root_cause_status: hypothesis\n",
    .good_example =
        "status: resolved\nfacts:\n  root_cause: An expired TLS certificate on the payment "
        "gateway caused every authorisation call to fail.\n  root_cause_status: confirmed\n",
    .check = check,
};

}  // namespace esc
