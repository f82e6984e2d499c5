// pir-lessons-logged: the PIR was delivered but the internal lessons-learned log is not marked
// as updated.
#include "core/text.h"
#include "load/presence.h"
#include "model/describe.h"
#include "rules/rule.h"

namespace esc {

namespace {

void check(const RuleContext& ctx, Findings& findings) {
  const Pir& pir = ctx.record.pir;
  if (!pir.delivered_at) return;
  const Val<bool>& logged = pir.lessons_logged;
  if (logged && *logged) return;
  if (!logged && key_written(logged, pir.loc)) return;  // not a bool: schema's finding
  const std::string state = logged ? "pir.lessons_logged is false" : "pir.lessons_logged is missing";
  findings.add(logged.loc, state + " but the PIR was delivered on " +
                               format_iso_date(*pir.delivered_at) +
                               ": the Escalation Lead updates the internal lessons-learned log, "
                               "then sets lessons_logged: true");
}

}  // namespace

extern const RuleInfo kPirLessonsLoggedRule = {
    .rule = RuleId::pir_lessons_logged,
    .summary = "PIR delivered but the lessons-learned log not updated",
    .description =
        "Once `pir.delivered_at` is set, `pir.lessons_logged` must be `true`. A `false` or "
        "missing value is a warning at that key (or at the `pir` mapping when it is missing). "
        "Before the PIR is delivered the flag is not checked.",
    .rationale =
        "The playbook's post-incident review ends with: \"Internal lessons-learned log to be "
        "updated by Escalation Lead.\" The customer's PIR closes the incident for them; the "
        "log is how the next escalation avoids repeating it.",
    .bad_example =
        "pir:\n"
        "  delivered_at: 2026-11-12\n"
        "  lessons_logged: false\n",
    .good_example =
        "pir:\n"
        "  delivered_at: 2026-11-12\n"
        "  lessons_logged: true\n",
    .check = check,
};

}  // namespace esc
