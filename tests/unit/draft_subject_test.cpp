// Subjects: the draft's type, account, number and title, and the first departure from
// "ACCOUNT — Escalation Opened|Update #N|Resolved: TITLE".
#include <gtest/gtest.h>

#include "draft/subject.h"

using namespace esc;

namespace {

std::string problem(std::string_view subject) {
  SubjectParts p = parse_subject(subject);
  if (!p.problem) return "";
  return std::to_string(p.problem->offset) + ": " + p.problem->message;
}

}  // namespace

TEST(DraftSubject, TheThreeTemplates) {
  SubjectParts opened = parse_subject("Northwind Logistics — Escalation Opened: Card payments declined");
  EXPECT_EQ(opened.type, DraftType::initial);
  EXPECT_EQ(opened.account, "Northwind Logistics");
  EXPECT_EQ(opened.account_offset, 0u);
  EXPECT_EQ(opened.title, "Card payments declined");
  EXPECT_FALSE(opened.problem);

  SubjectParts update = parse_subject("Northwind Logistics — Escalation Update #12: Card payments declined");
  EXPECT_EQ(update.type, DraftType::progress);
  EXPECT_EQ(update.number, 12);
  EXPECT_EQ(update.number_offset, 43u);  // bytes: the em dash is three
  EXPECT_FALSE(update.problem);

  SubjectParts resolved = parse_subject("Café Ltd — Escalation Resolved: Outage");
  EXPECT_EQ(resolved.type, DraftType::resolution);
  EXPECT_EQ(resolved.account, "Café Ltd");
  EXPECT_FALSE(resolved.problem);
}

TEST(DraftSubject, NoTemplate) {
  EXPECT_FALSE(parse_subject("Re: payments").type);
  EXPECT_FALSE(parse_subject("").type);
  EXPECT_FALSE(parse_subject("Escalations opened today").type);
}

TEST(DraftSubject, FirstDepartureFromTheTemplate) {
  const std::string tail = " (\"ACCOUNT — Escalation Opened|Update #N|Resolved: TITLE\")";
  EXPECT_EQ(problem("Acme - Escalation Opened: X"),
            "4: write \" — \" (a spaced em dash) between the account and 'Escalation Opened', as the template does" + tail);
  EXPECT_EQ(problem("Acme — escalation opened: X"), "9: write 'Escalation Opened' exactly as the template does" + tail);
  EXPECT_EQ(problem("Escalation Opened: X"), "0: the subject does not start with the account name" + tail);
  EXPECT_EQ(problem("Acme — Escalation Update 2: X"),
            "26: write the update number as 'Update #2', as the template does" + tail);
  EXPECT_EQ(problem("Acme — Escalation Update: X"), "26: 'Escalation Update' needs the update number: 'Escalation Update #N'");
  EXPECT_EQ(problem("Acme — Escalation Update #0: X"), "28: update numbers start at #1");
  EXPECT_EQ(problem("Acme — Escalation Opened - X"), "26: put ': TITLE' after 'Escalation Opened'" + tail);
  EXPECT_EQ(problem("Acme — Escalation Opened:"), "26: the subject has no title after 'Escalation Opened:'" + tail);
  EXPECT_EQ(problem("Acme — Escalation Opened:X"), "26: write ': ' (a colon and one space) before the title, as the template does");
}

TEST(DraftSubject, AccountStopsAtTheSeparator) {
  EXPECT_EQ(parse_subject("Acme Ltd. –  Escalation Resolved: X").account, "Acme Ltd.");
  EXPECT_EQ(parse_subject("[ACCOUNT NAME] — Escalation Opened: [BRIEF DESCRIPTION]").account, "[ACCOUNT NAME]");
  // A dash that ends a character of the account is not a separator.
  EXPECT_EQ(parse_subject("Łódź — Escalation Opened: X").account, "Łódź");
}
