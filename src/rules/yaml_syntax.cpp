// yaml-syntax: the file is not a YAML record that can be read at all (emitted by the loader).
#include "rules/rule.h"

namespace esc {

extern const RuleInfo kYamlSyntaxRule = {
    .rule = RuleId::yaml_syntax,
    .summary = "the file is not valid YAML (message with line:col)",
    .description =
        "The file cannot be read as a YAML document: a syntax error, invalid UTF-8, binary data, "
        "a file over the size limit (1 MiB by default, `max_file_size` in the configuration), "
        "YAML anchors or aliases, or nesting deeper than 64 levels. The message says where.",
    .rationale =
        "A record that cannot be read cannot be checked; the rest of the batch is still checked. "
        "Aliases are refused because an alias bomb can expand a small file into gigabytes.",
    .bad_example = "version: 1\ntitle: \"Card payments declined\n",
    .good_example = "version: 1\ntitle: \"Card payments declined\"\n",
};

}  // namespace esc
