// readout-glyph: a character of the readout that no available font can show (build).
#include "rules/rule.h"

namespace esc {

extern const RuleInfo kReadoutGlyphRule = {
    .id = "readout-glyph",
    .default_severity = Severity::warning,
    .kind = RuleKind::build,
    .summary = "(build) a character of the readout that the font cannot show",
    .description =
        "While building the executive readout, a character (for example CJK in DejaVu Sans) has "
        "no glyph in the readout font and no installed fallback font has it either. The "
        "character is shown as '?' and the finding names it and its code point. Install a font "
        "that has it (fonts-droid-fallback covers CJK) or set `font:` in the configuration.",
    .rationale =
        "A document a VP forwards must not silently show an empty box where a customer's name "
        "should be.",
    .bad_example = "account:\n  name: 株式会社 Northwind   # with only DejaVu Sans installed\n",
    .good_example = "account:\n  name: Northwind K.K.\n",
};

}  // namespace esc
