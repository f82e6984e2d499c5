// readout-one-page: the exec readout cannot fit one A4 page at the minimum font size. A build
// rule: the PDF renderer (src/render/readout_pdf.cpp) emits it while building the pack.
#include "rules/rule.h"

namespace esc {

extern const RuleInfo kReadoutOnePageRule = {
    .rule = RuleId::readout_one_page,
    .summary = "(build) the readout cannot fit one A4 page at the minimum font size",
    .description =
        "`escalate build` typesets the exec readout on one A4 page. When the content is too long "
        "it steps the body text down from 10 pt to 8 pt; if it still does not fit, no "
        "exec-readout.pdf is written and this finding points at the `readout` section. Shorten "
        "the impact summary (2-3 sentences), the root cause (one sentence), the resolution "
        "actions (at most 5 bullets), the breach detail, the sentiment or the commitments.",
    .rationale =
        "The playbook's exec readout companion format says \"Keep to a single page\": it is what "
        "leadership reads and forwards. A second page is rarely read, and text shrunk below 8 pt "
        "is not read at all.",
    .bad_example =
        "readout:\n"
        "  impact_summary: >-\n"
        "    (twelve paragraphs pasted from the incident channel, every message since 08:00)\n"
        "  resolution_actions:\n"
        "    - (a 600-word account of the failover)\n",
    .good_example =
        "readout:\n"
        "  impact_summary: >-\n"
        "    All card payments through Northwind's EU checkout were declined for 35 minutes.\n"
        "    An estimated £180,000 of orders could not be taken during that window.\n"
        "  resolution_actions:\n"
        "    - Failed traffic over to the secondary gateway\n"
        "    - Replaced the expired certificate\n",
};

}  // namespace esc
