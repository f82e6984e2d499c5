// duplicate-id: two records in one batch share an id (found by the batch runner).
#include "rules/rule.h"

namespace esc {

extern const RuleInfo kDuplicateIdRule = {
    .rule = RuleId::duplicate_id,
    .summary = "two records in one batch share an id",
    .description =
        "Two records checked or built together have the same `id`. The finding is on the second "
        "record's id, with a note pointing at the first.",
    .rationale =
        "The id names the output folder of the PIR pack and threads the customer emails "
        "(Message-IDs); two records with one id would overwrite each other's pack.",
    .bad_example = "# a.yaml\nid: ESC-2026-0142\n# b.yaml\nid: ESC-2026-0142\n",
    .good_example = "# a.yaml\nid: ESC-2026-0142\n# b.yaml\nid: ESC-2026-0143\n",
};

}  // namespace esc
