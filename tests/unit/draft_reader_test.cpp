// The draft reader: .eml (headers, RFC 2047, quoted-printable, base64, charsets, HTML, multipart)
// and text; marks of the decoded text (body_mark) and where they are in the file as stored (locate).
#include <algorithm>
#include <gtest/gtest.h>

#include "draft/draft.h"

using namespace esc;

namespace {

std::string crlf(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::vector<std::string> problems(const Draft& d) {
  std::vector<std::string> out;
  for (const DraftProblem& p : d.problems)
    out.push_back(std::to_string(p.mark.line) + ":" + std::to_string(p.mark.col) + ": " + p.message);
  return out;
}

}  // namespace

TEST(DraftFormat, FromTheExtensionOrSniffed) {
  EXPECT_EQ(draft_format_for("a/draft.eml", ""), DraftFormat::email);
  EXPECT_EQ(draft_format_for("draft.EML", ""), DraftFormat::email);
  EXPECT_EQ(draft_format_for("draft.txt", "From: a@b.example\n\nhi"), DraftFormat::text);
  EXPECT_EQ(draft_format_for("draft.md", ""), DraftFormat::text);
  EXPECT_EQ(draft_format_for("<stdin>", "From: a@b.example\nSubject: x\n\nhi"), DraftFormat::email);
  EXPECT_EQ(draft_format_for("<stdin>", "Subject: x\n\nhi"), DraftFormat::text);
  EXPECT_EQ(draft_format_for("<stdin>", "Priya,\n\nhello"), DraftFormat::text);
}

TEST(DraftReader, TextWithSubjectLine) {
  Draft d = read_draft("Subject:  Acme — Escalation Opened: X\n\nPriya,\nCurrent status: Ongoing\n", DraftFormat::text);
  ASSERT_TRUE(d.subject);
  EXPECT_EQ(*d.subject, "Acme — Escalation Opened: X");
  EXPECT_EQ(d.subject_line, 1);
  EXPECT_EQ(d.subject_col, 11);
  EXPECT_EQ(d.subject_mark(5), (Mark{1, 16}));  // after "Acme " — the em dash is one column
  EXPECT_EQ(d.body_first_line, 2);
  EXPECT_EQ(d.body, "\nPriya,\nCurrent status: Ongoing\n");
  EXPECT_EQ(d.body_mark(d.body.find("Ongoing")), (Mark{4, 17}));
  EXPECT_EQ(d.display_line(1), "Subject:  Acme — Escalation Opened: X");
  EXPECT_EQ(d.display_line(4), "Current status: Ongoing");
  EXPECT_TRUE(d.problems.empty());
}

TEST(DraftReader, CrOnlyLineEndsReadLikeLf) {
  // A CR-only draft was one long line: its placeholders and missing fields went unseen.
  const std::string lf = "Subject: Acme — Escalation Opened: X\n\nPriya,\nCurrent status: [TBD]\n";
  std::string cr = lf;
  std::replace(cr.begin(), cr.end(), '\n', '\r');
  Draft a = read_draft(lf, DraftFormat::text), b = read_draft(cr, DraftFormat::text);
  ASSERT_TRUE(b.subject);
  EXPECT_EQ(*b.subject, *a.subject);
  EXPECT_EQ(b.body, a.body);
  EXPECT_EQ(b.body_mark(b.body.find("[TBD]")), (Mark{4, 17}));
  EXPECT_EQ(b.display_line(4), "Current status: [TBD]");
}

TEST(DraftReader, Utf16IsNamedWithHowToConvert) {
  Draft d = read_draft(std::string_view("\xFF\xFES\0u\0b\0", 8), DraftFormat::text);
  ASSERT_EQ(d.problems.size(), 1u);
  EXPECT_NE(d.problems[0].message.find("UTF-16"), std::string::npos) << d.problems[0].message;
  EXPECT_NE(d.problems[0].message.find("iconv"), std::string::npos);
}

TEST(DraftReader, TextWithoutSubjectStartsAtLineOne) {
  Draft d = read_draft("Priya,\n\nCurrent status: Ongoing", DraftFormat::text);
  EXPECT_FALSE(d.subject);
  EXPECT_EQ(d.body_mark(d.body.find("Ongoing")), (Mark{3, 17}));
}

TEST(DraftReader, CrlfAndLfGiveTheSameText) {
  const std::string text = "Subject: Acme — Escalation Opened: X\n\nPriya,\nImpact: none\n";
  Draft lf = read_draft(text, DraftFormat::text);
  Draft crlf_draft = read_draft(crlf(text), DraftFormat::text);
  EXPECT_EQ(lf.body, crlf_draft.body);
  EXPECT_EQ(*lf.subject, *crlf_draft.subject);
  EXPECT_EQ(crlf_draft.body_mark(crlf_draft.body.find("none")), (Mark{4, 9}));
}

TEST(DraftReader, ByteOrderMarkIsIgnored) {
  Draft d = read_draft("\xEF\xBB\xBFSubject: Acme — Escalation Opened: X\n", DraftFormat::text);
  ASSERT_TRUE(d.subject);
  EXPECT_EQ(d.subject_col, 10);
}

TEST(DraftReader, EmailFoldedEncodedSubjectAndQuotedPrintable) {
  const std::string eml = crlf(
      "From: Dana <dana@example.com>\n"
      "Subject: =?UTF-8?B?QWNtZSDigJQgRXNjYWxhdGlvbiBP?=\n"
      " =?UTF-8?Q?pened:_Caf=C3=A9_down?=\n"
      "Content-Type: text/plain; charset=UTF-8\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "Priya,\n"
      "Impact: a very long line that a mail client broke with a soft line brea=\n"
      "k, then [number] orders and caf=C3=A9.\n"
      "Next line\n");
  Draft d = read_draft(eml, DraftFormat::email);
  EXPECT_EQ(d.format, DraftFormat::email);
  ASSERT_TRUE(d.subject);
  EXPECT_EQ(*d.subject, "Acme — Escalation Opened: Café down");
  EXPECT_EQ(d.subject_line, 2);
  EXPECT_EQ(d.display_line(2), "Subject: Acme — Escalation Opened: Café down");
  EXPECT_EQ(d.body_first_line, 7);
  EXPECT_EQ(d.body,
            "Priya,\nImpact: a very long line that a mail client broke with a soft line break, then [number] orders "
            "and café.\nNext line");
  // The decoded line 8 joins two raw lines; columns are of the decoded text.
  EXPECT_EQ(d.body_mark(d.body.find("[number]")), (Mark{8, 80}));
  EXPECT_EQ(d.body_mark(d.body.find("Next")), (Mark{9, 1}));
  EXPECT_TRUE(d.problems.empty()) << problems(d)[0];
}

TEST(DraftReader, MultipartAlternativeTakesTheBase64TextPart) {
  const std::string eml = crlf(
      "From: Dana <dana@example.com>\n"
      "Subject: Acme — Escalation Opened: X\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/alternative; boundary=\"b1\"\n"
      "\n"
      "preamble\n"
      "--b1\n"
      "Content-Type: text/html; charset=utf-8\n"
      "\n"
      "<p>[Customer Name]</p>\n"
      "--b1\n"
      "Content-Type: text/plain; charset=\"utf-8\"\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "UHJpeWEsCkN1cnJlbnQgc3RhdHVzOiBPbmdvaW5nCg==\n"
      "--b1--\n");
  Draft d = read_draft(eml, DraftFormat::email);
  EXPECT_EQ(d.body, "Priya,\nCurrent status: Ongoing\n");
  EXPECT_EQ(d.body_first_line, 15);
  EXPECT_EQ(d.body_mark(d.body.find("Ongoing")), (Mark{16, 17}));
  EXPECT_TRUE(d.problems.empty());
}

TEST(DraftReader, MultipartMixedNestedAlternativeSkipsAttachments) {
  const std::string eml =
      "Subject: Acme — Escalation Opened: X\n"
      "Content-Type: multipart/mixed; boundary=outer\n"
      "\n"
      "--outer\n"
      "Content-Type: text/plain\n"
      "Content-Disposition: attachment; filename=notes.txt\n"
      "\n"
      "internal notes\n"
      "--outer\n"
      "Content-Type: multipart/alternative; boundary=inner\n"
      "\n"
      "--inner\n"
      "Content-Type: text/plain; charset=us-ascii\n"
      "\n"
      "Priya,\n"
      "--inner--\n"
      "--outer--\n";
  Draft d = read_draft(eml, DraftFormat::email);
  EXPECT_EQ(d.body, "Priya,");
  EXPECT_EQ(d.body_first_line, 15);
}

TEST(DraftReader, Latin1AndWindows1252BodiesBecomeUtf8) {
  Draft latin = read_draft("Subject: x\nContent-Type: text/plain; charset=iso-8859-1\n\nCaf\xE9\n", DraftFormat::email);
  EXPECT_EQ(latin.body, "Café");
  Draft cp = read_draft("Subject: x\nContent-Type: text/plain; charset=windows-1252\n\n\x93quoted\x94 \x96 \x80\n",
                        DraftFormat::email);
  EXPECT_EQ(cp.body, "“quoted” – €");
  EXPECT_TRUE(latin.problems.empty());
  EXPECT_TRUE(cp.problems.empty());
}

TEST(DraftReader, ProblemsAreFindingsNotCrashes) {
  Draft empty = read_draft("", DraftFormat::text);
  EXPECT_FALSE(empty.readable);
  EXPECT_EQ(problems(empty), std::vector<std::string>{"0:0: the draft is empty; there is nothing to send"});
  EXPECT_FALSE(read_draft(" \r\n\n\t", DraftFormat::email).readable);

  Draft binary = read_draft(std::string("PK\x03\x04\0\0junk", 10), DraftFormat::email);
  EXPECT_FALSE(binary.readable);
  EXPECT_EQ(problems(binary),
            std::vector<std::string>{"0:0: the file is binary data (byte 4 is 0x00), not a text or .eml draft"});

  Draft bad = read_draft("Subject: x\n\nPriya Ram\xE1n,\nok\n", DraftFormat::text);
  EXPECT_TRUE(bad.readable);
  EXPECT_EQ(problems(bad), std::vector<std::string>{"3:10: the text is not valid UTF-8 here (shown as U+FFFD); save "
                                                    "the draft as UTF-8 or declare its charset"});
  EXPECT_EQ(bad.body, "\nPriya Ram\xEF\xBF\xBDn,\nok\n");

  Draft image = read_draft("Subject: x\nContent-Type: image/png\n\nabc\n", DraftFormat::email);
  EXPECT_FALSE(image.readable);
  EXPECT_EQ(problems(image), std::vector<std::string>{"2:1: the message body is image/png, not text; lint-comms "
                                                      "reads text/plain and text/html bodies"});

  Draft no_boundary = read_draft("Subject: x\nContent-Type: multipart/mixed\n\nhi\n", DraftFormat::email);
  EXPECT_EQ(problems(no_boundary),
            std::vector<std::string>{"2:1: the message is multipart/mixed but its Content-Type has no boundary parameter"});

  Draft bad_base64 = read_draft("Subject: x\nContent-Transfer-Encoding: base64\n\n!!!!\n", DraftFormat::email);
  EXPECT_FALSE(bad_base64.readable);
  EXPECT_EQ(problems(bad_base64), std::vector<std::string>{"2:1: the base64 body does not decode (a character outside "
                                                           "the base64 alphabet); the draft cannot be read"});

  // A charset iconv does not know is one finding; its bytes are not reported again as bad UTF-8.
  Draft charset = read_draft("Subject: x\nContent-Type: text/plain; charset=x-martian\n\nh\xE9\n", DraftFormat::email);
  EXPECT_EQ(problems(charset),
            std::vector<std::string>{"2:1: charset 'x-martian' is not known to this system's iconv; the part is read "
                                     "as UTF-8 (non-UTF-8 bytes shown as U+FFFD)"});
  EXPECT_EQ(charset.body, "h\xEF\xBF\xBD");
}

TEST(DraftReader, AnEmlWithoutHeadersIsReadAsText) {
  Draft d = read_draft("Priya,\n\nCurrent status: Ongoing\n", DraftFormat::email);
  EXPECT_EQ(d.format, DraftFormat::text);
  EXPECT_EQ(d.body_mark(d.body.find("Ongoing")), (Mark{3, 17}));
}

TEST(DraftReader, StrayLineInHeadersStartsTheBody) {
  Draft d = read_draft("Subject: Acme — Escalation Opened: X\nPriya,\nhello\n", DraftFormat::email);
  EXPECT_EQ(d.body, "Priya,\nhello");
  EXPECT_EQ(d.body_first_line, 2);
  EXPECT_EQ(problems(d), std::vector<std::string>{"2:1: this line is neither a header (Name: value) nor the blank "
                                                  "line that ends the headers; the body is read from here"});
}

TEST(DraftReader, AMegabyteOnOneLineIsLinear) {
  std::string big(1000000, 'a');
  big += " [Name]";
  Draft d = read_draft(big, DraftFormat::text);
  EXPECT_TRUE(d.readable);
  EXPECT_EQ(d.body_mark(big.size() - 6), (Mark{1, 1000002}));
}

// ---- charsets, HTML, alternatives and positions in the file as stored -------------------------

TEST(DraftReader, EveryCharsetIconvKnowsWithoutASecondError) {
  Draft koi = read_draft("Subject: x\nContent-Type: text/plain; charset=koi8-r\n\n\xF0\xD2\xC9\xD7\xC5\xD4\n",
                         DraftFormat::email);
  EXPECT_EQ(koi.body, "Привет");
  EXPECT_TRUE(koi.problems.empty());
  // Polish Outlook: windows-1250 and ISO-8859-2, declared, read without "save as UTF-8".
  Draft cp = read_draft("Subject: x\nContent-Type: text/plain; charset=\"windows-1250\"\n\n\xA3\xF3\x64\x9F TBD\n",
                        DraftFormat::email);
  EXPECT_EQ(cp.body, "Łódź TBD");
  EXPECT_TRUE(cp.problems.empty());
  Draft latin2 = read_draft("Subject: x\nContent-Type: text/plain; charset=iso-8859-2\n\n\xA3\xF3\x64\xBC\n",
                            DraftFormat::email);
  EXPECT_EQ(latin2.body, "Łódź");
  EXPECT_TRUE(latin2.problems.empty());
  // Japanese mail: ISO-2022-JP subject and body.
  Draft jp = read_draft("Subject: =?ISO-2022-JP?B?GyRCJDMkcxsoQg==?=\nContent-Type: text/plain; charset=ISO-2022-JP\n\n"
                        "\x1B$B$3$s\x1B(B <NAME>\n",
                        DraftFormat::email);
  EXPECT_EQ(*jp.subject, "こん");
  EXPECT_EQ(jp.body, "こん <NAME>");
  EXPECT_TRUE(jp.problems.empty());
  // The raw column of "<NAME>" counts the stored characters, escapes included.
  EXPECT_EQ(jp.locate(jp.body_mark(jp.body.find("<NAME>"))).mark, (Mark{4, 12}));
}

TEST(DraftReader, AByteThatIsNotInTheDeclaredCharsetIsOneFindingAtItsRawPlace) {
  Draft d = read_draft("Subject: x\nContent-Type: text/plain; charset=iso-2022-jp\n\nok\nab \x1B$B\xA4\xA2\x1B(B\n",
                       DraftFormat::email);
  ASSERT_EQ(problems(d).size(), 1u);
  EXPECT_EQ(problems(d)[0],
            "5:7: byte 0xA4 is not valid iso-2022-jp text (shown as U+FFFD); check the part's declared charset");
}

TEST(DraftReader, QuotedPrintablePositionsAreRawLineAndColumn) {
  const std::string eml = crlf(
      "Subject: x\n"
      "Content-Type: text/plain; charset=UTF-8\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "Priya,\n"
      "Impact: a very long line that a mail client broke with a soft line brea=\n"
      "k, caf=C3=A9 then [Customer Name] orders.\n");
  Draft d = read_draft(eml, DraftFormat::email);
  const Mark decoded = d.body_mark(d.body.find("[Customer"));
  EXPECT_EQ(decoded, (Mark{6, 85}));                                   // the decoded line joins two
  EXPECT_EQ(d.locate(decoded).mark, (Mark{7, 19}));                     // the raw line and column
  EXPECT_FALSE(d.locate(decoded).decoded);
  EXPECT_EQ(d.display_line(7), "k, caf=C3=A9 then [Customer Name] orders.");  // the raw line is shown
  EXPECT_EQ(d.display_line(2), "Content-Type: text/plain; charset=UTF-8");   // headers too
}

TEST(DraftReader, Base64PositionsAreThePartWithTheDecodedText) {
  const std::string eml =
      "Subject: x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
      "UHJpeWEsCkN1cnJlbnQgc3RhdHVzOiBNb25pdG9yaW5nCg==\n";
  Draft d = read_draft(eml, DraftFormat::email);
  EXPECT_EQ(d.body, "Priya,\nCurrent status: Monitoring\n");
  const Located at = d.locate(d.body_mark(d.body.find("Monitoring")));
  EXPECT_EQ(at.mark, (Mark{2, 1}));
  ASSERT_TRUE(at.decoded);
  EXPECT_EQ(*at.decoded, "Current status: Monitoring");
  EXPECT_EQ(d.part_name, "the base64 text/plain part");
}

TEST(DraftReader, HtmlOnlyIsReadAsItsText) {
  Draft d = read_draft("Subject: x\nContent-Type: text/html; charset=utf-8\n\n<html><head><style>p{}</style></head>"
                       "<body><p>Priya&nbsp;Raman,</p><p>Impact: &lt;NAME&gt;</p></body></html>\n",
                       DraftFormat::email);
  EXPECT_TRUE(d.problems.empty());
  EXPECT_TRUE(d.readable);
  EXPECT_EQ(d.body, "Priya Raman,\nImpact: <NAME>\n");
  const Located at = d.locate(d.body_mark(d.body.find("<NAME>")));
  EXPECT_EQ(at.mark, (Mark{2, 1}));
  EXPECT_EQ(*at.decoded, "Impact: <NAME>");
}

TEST(DraftReader, MultipartAlternativeReadsBothAlternatives) {
  const std::string eml =
      "Subject: x\nContent-Type: multipart/alternative; boundary=b\n\n--b\n"
      "Content-Type: text/html; charset=utf-8\n\n<div>Impact: TBD</div>\n--b\n"
      "Content-Type: text/plain; charset=utf-8\n\nImpact: ok\n--b--\n";
  Draft d = read_draft(eml, DraftFormat::email);
  EXPECT_EQ(d.body, "Impact: ok");
  ASSERT_EQ(d.alternatives.size(), 1u);
  EXPECT_EQ(d.alternatives[0].body, "Impact: TBD\n");
  EXPECT_EQ(d.alternatives[0].part_mark, (Mark{5, 1}));
  EXPECT_EQ(*d.alternatives[0].subject, "x");
}

TEST(DraftReader, ANonTextMessageIsOneProblemAndUnreadable) {
  Draft d = read_draft("Subject: x\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: image/png\n\nxx\n--b--\n",
                       DraftFormat::email);
  EXPECT_FALSE(d.readable);
  EXPECT_EQ(problems(d), std::vector<std::string>{"2:1: the message has no text/plain or text/html part; there is no "
                                                  "text to read"});
}

TEST(DraftReader, FormatFlowedJoinsSoftBrokenLines) {
  Draft d = read_draft("Subject: x\nContent-Type: text/plain; charset=utf-8; format=flowed\n\n"
                       "Impact: all card payments \nwere declined.\n From here\n-- \nDana\n",
                       DraftFormat::email);
  EXPECT_EQ(d.body, "Impact: all card payments were declined.\nFrom here\n-- \nDana");
  EXPECT_EQ(d.locate(d.body_mark(d.body.find("were"))).mark, (Mark{5, 1}));
  EXPECT_EQ(d.locate(d.body_mark(d.body.find("From"))).mark, (Mark{6, 2}));  // after the stuffed space
}

// locate() and StoredFile::mark_of() count on from their last answer; asked in increasing
// order, each answer is the one asked on its own (a fresh draft each time), across multi-byte
// characters, quoted-printable escapes and bytes that are not UTF-8 (each shown as U+FFFD).
TEST(DraftReader, PositionsAskedInOrderAreThePositionsAskedAlone) {
  const std::string eml =
      "Subject: x\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
      "Gr=C3=B6=C3=9Fe TBD \xFF\xC3 TBD caf=C3=A9 TBD=\n =E2=82=AC TBD\nTBD \xE2\x82 TBD\n";
  const Draft d = read_draft(eml, DraftFormat::email);
  std::vector<std::size_t> offsets;
  for (std::size_t at = d.body.find("TBD"); at != std::string::npos; at = d.body.find("TBD", at + 1))
    offsets.push_back(at);
  ASSERT_EQ(offsets.size(), 6u);
  std::vector<Mark> in_order, alone;
  for (std::size_t at : offsets) in_order.push_back(d.locate(d.body_mark(at)).mark);
  for (std::size_t at : offsets) {
    const Draft fresh = read_draft(eml, DraftFormat::email);
    alone.push_back(fresh.locate(fresh.body_mark(at)).mark);
  }
  EXPECT_EQ(in_order, alone);
  EXPECT_EQ(alone[0], (Mark{5, 17}));
  EXPECT_EQ(alone[1], (Mark{5, 24}));  // "\xFF\xC3 " is three characters as shown
  EXPECT_EQ(alone[3], (Mark{6, 12}));  // after the soft line break, escapes counted as stored
  EXPECT_EQ(alone[5], (Mark{7, 8}));   // after a cut-off sequence, one U+FFFD a byte
  // Asked again out of order, the answers do not change.
  for (std::size_t i = offsets.size(); i-- > 0;) EXPECT_EQ(d.locate(d.body_mark(offsets[i])).mark, alone[i]);
}
