// timestamp-utc: a timestamp written with a non-UTC offset (emitted by the loader).
#include "rules/rule.h"

namespace esc {

extern const RuleInfo kTimestampUtcRule = {
    .rule = RuleId::timestamp_utc,
    .summary = "a timestamp with a non-UTC offset",
    .description =
        "A timestamp carries an offset other than Z or +00:00. The value is normalised to UTC "
        "and used; the warning asks for it to be written in UTC.",
    .rationale =
        "The playbook's timeline and every customer email work in UTC. Mixed offsets make a "
        "timeline hard to read and invite off-by-an-hour mistakes in promises.",
    .bad_example = "timeline:\n  - milestone: first_signal\n    at: 2026-11-02T09:00:00+01:00\n",
    .good_example = "timeline:\n  - milestone: first_signal\n    at: 2026-11-02T08:00:00Z\n",
};

}  // namespace esc
