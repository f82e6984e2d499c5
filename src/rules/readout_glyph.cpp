// readout-glyph: readout text that no available font can show or that needs shaping (build).
#include "rules/rule.h"

namespace esc {

extern const RuleInfo kReadoutGlyphRule = {
    .rule = RuleId::readout_glyph,
    .summary = "(build) readout text that the fonts cannot show or the page cannot shape",
    .description =
        "While building the executive readout, a character (for example CJK with only DejaVu Sans) "
        "has no glyph in the readout font nor in any installed font that fontconfig finds, or the "
        "text is in a script that needs shaping (Arabic, Hebrew, Devanagari and the other Indic "
        "scripts, Thai...), which the readout does not do. One finding per record field, at that "
        "field, naming the characters and their code points; a missing character is drawn as the "
        "replacement mark U+FFFD. Install a font that has it (fonts-wqy-microhei covers Chinese, "
        "Japanese and Korean) or set `font:` in the configuration.",
    .rationale =
        "A document a VP forwards must not silently show an empty box where a customer's name "
        "should be.",
    .bad_example = "account:\n  name: 株式会社 Northwind   # with only DejaVu Sans installed\n",
    .good_example = "account:\n  name: Northwind K.K.\n",
};

}  // namespace esc
