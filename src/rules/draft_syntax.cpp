// draft-syntax: the draft cannot be read as an email or text (empty, binary, invalid UTF-8,
// over the size limit, an unknown charset, a MIME body without a text part).
#include "rules/draft_lint.h"
#include "rules/rule.h"

namespace esc {

namespace {

// The reader's problems (draft/draft.h) are this rule's findings.
void check(const DraftContext& ctx, DraftFindings& findings) {
  for (const DraftProblem& p : ctx.draft.problems) findings.add(p.mark, p.message);
}

}  // namespace

extern const RuleInfo kDraftSyntaxRule = {
    .rule = RuleId::draft_syntax,
    .summary = "a draft that cannot be read: empty, binary, invalid text, too large, no text part",
    .description =
        "`lint-comms` reads `.eml` messages (RFC 5322 headers, folded and RFC 2047-encoded "
        "subjects; quoted-printable, base64, 7bit or 8bit bodies in any charset the system's "
        "iconv knows: UTF-8, ISO-8859-2, windows-1250, ISO-2022-JP, ...; text/plain, "
        "format=flowed and text/html parts, HTML read as the text a mail client shows: block "
        "elements as lines, entities decoded, scripts and styles ignored; multipart/mixed and "
        "multipart/related are read through their first text part, attachments skipped; in "
        "multipart/alternative both the text and the HTML alternative are linted, and a "
        "problem both share is one finding, at the text part) and plain text (`.txt`, `.md`, "
        "stdin) whose first line may be `Subject: ...`. This rule reports what stops a draft "
        "from being read as a person would read it: an empty file, binary data, text that is "
        "not valid in its charset (shown as U+FFFD; the other rules still run), a file over "
        "`max_file_size`, a charset iconv does not know (read as UTF-8) or an unknown "
        "Content-Transfer-Encoding, or a message without a text/plain or text/html part (that "
        "one finding, not also every missing field). An empty or binary file gets this one "
        "finding and nothing else. Findings of every draft rule point at the file as stored: "
        "headers at the line where they start; in 7bit, 8bit and quoted-printable text the raw "
        "line:col of the character (columns counted in characters as stored); in base64 and "
        "HTML parts the part's Content-Type line, with a note quoting the decoded text.",
    .rationale =
        "A draft that the tool cannot read is a draft nobody checked; saying so beats a silent "
        "pass. Mail clients also garble text that is not valid UTF-8 in front of the customer.",
    .bad_example =  // a message whose only part is an image (an empty file fires too)
        "Subject: Northwind Logistics — Escalation Opened: Card payments declined at EU checkout\n"
        "MIME-Version: 1.0\n"
        "Content-Type: image/png\n"
        "Content-Transfer-Encoding: base64\n\n"
        "iVBORw0KGgo=\n",
    .good_example =
        "Subject: Northwind Logistics — Escalation Opened: Card payments declined at EU checkout\n\n"
        "Priya Raman,\n...\n",
    .draft_check = check,
};

}  // namespace esc
