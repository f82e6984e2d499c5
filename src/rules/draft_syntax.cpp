// draft-syntax: the draft cannot be read as an email or text (empty, binary, invalid UTF-8,
// over the size limit, a MIME body without a text part).
#include "draft/lint.h"
#include "rules/rule.h"

namespace esc {

namespace {

// The reader's problems (draft/draft.h) are this rule's findings.
void check(const DraftContext& ctx, DraftFindings& findings) {
  for (const DraftProblem& p : ctx.draft.problems) findings.add(p.mark, p.message);
}

}  // namespace

extern const RuleInfo kDraftSyntaxRule = {
    .id = "draft-syntax",
    .default_severity = Severity::error,
    .kind = RuleKind::draft,
    .summary = "a draft that cannot be read: empty, binary, invalid UTF-8, too large, no text part",
    .description =
        "`lint-comms` reads `.eml` messages (RFC 5322 headers, folded and RFC 2047-encoded "
        "subjects, quoted-printable, base64, 7bit or 8bit bodies in UTF-8, US-ASCII, ISO-8859-1 "
        "or Windows-1252; for multipart/alternative and multipart/mixed, the first text/plain "
        "part) and plain text (`.txt`, `.md`, stdin) whose first line may be `Subject: ...`. "
        "This rule reports what stops a draft from being read as a person would read it: an "
        "empty file, binary data, text that is not valid UTF-8 (shown as U+FFFD; the other "
        "rules still run), a file over `max_file_size`, an unsupported charset or "
        "Content-Transfer-Encoding, or a message without a text/plain part. An empty or binary "
        "file gets this one finding and nothing else. Findings of every draft rule point at "
        "the line:col of the decoded text: headers at the line where they start in the file "
        "(unfolded and decoded), the body's decoded lines numbered from the line where the "
        "body starts, columns counted in characters.",
    .rationale =
        "A draft that the tool cannot read is a draft nobody checked; saying so beats a silent "
        "pass. Mail clients also garble text that is not valid UTF-8 in front of the customer.",
    .bad_example = "(an empty file, or a .eml whose only part is text/html)\n",
    .good_example =
        "Subject: Northwind Logistics — Escalation Opened: Card payments declined at EU checkout\n\n"
        "Priya Raman,\n...\n",
};

extern const DraftCheck kDraftSyntaxCheck = {"draft-syntax", check};

}  // namespace esc
