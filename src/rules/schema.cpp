// schema: the record does not match the record format (emitted by the loader).
#include "rules/rule.h"

namespace esc {

extern const RuleInfo kSchemaRule = {
    .rule = RuleId::schema,
    .summary = "types, required keys, enums, unknown and duplicate keys, bad timestamps",
    .description =
        "Checks the record against the record format (`escalate schema`): every required key is "
        "present, every value has the right type, enums hold an allowed value, there are no "
        "unknown keys (with a \"did you mean\" suggestion) and no duplicate keys, timestamps are "
        "RFC 3339 with a zone, dates are YYYY-MM-DD, one-line fields hold one line and no value "
        "holds a control character. Invalid waivers are reported here too.",
    .rationale =
        "Every other rule and every generated document reads these fields. A misspelt key is a "
        "silently missing value; a duplicate key is a value YAML quietly drops; a control "
        "character could forge an email header.",
    .bad_example = "version: 1\nid: ESC-1\nsumary: card payments declined   # unknown key\n",
    .good_example = "version: 1\nid: ESC-1\nsummary: card payments declined\n",
};

}  // namespace esc
