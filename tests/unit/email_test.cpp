// The finished emails of a record: who sends each one and the Message-ID domain.
#include <gtest/gtest.h>

#include "core/text.h"
#include "load/config.h"
#include "render/email.h"
#include "rule_test_util.h"

using namespace esc;
using namespace esc::testing;

namespace {

// The value of one (unfolded) header of a built email, "" when absent.
std::string header(const std::string& message, const std::string& name) {
  const std::string head = message.substr(0, message.find("\r\n\r\n") + 2);
  for (std::size_t start = 0; start < head.size();) {
    const std::size_t end = head.find("\r\n", start);
    const std::string line = head.substr(start, end - start);
    if (line.starts_with(name + ": ")) return line.substr(name.size() + 2);
    start = end + 2;
  }
  return "";
}

std::vector<BuiltEmail> emails(const Record& r, EmailOptions options = {}) {
  EmailBuild b = build_emails(r, builtin_templates(), options);
  EXPECT_TRUE(b.error.empty()) << b.error;
  EXPECT_TRUE(b.findings.empty());
  return b.emails;
}

std::vector<Diagnostic> config_problems(const std::string& text) {
  std::vector<Diagnostic> problems;
  (void)load_config(text, ".escalate.yaml", problems);
  return problems;
}

}  // namespace

// ---- sender_domain (issue 14, item 11) ----------------------------------------------------------

TEST(SenderDomain, DefaultsToTheLeadsAddressDomain) {
  const Record r = record_from_text(example_with("  contact: dana.whitfield@example.com\n\n", "  contact: dana.whitfield@example.co.jp\n\n"));
  const auto built = emails(r);
  ASSERT_EQ(built.size(), 3u);
  EXPECT_EQ(header(built[0].content, "Message-ID"), "<ESC-2026-0142.01@example.co.jp>");
  EXPECT_EQ(header(built[1].content, "In-Reply-To"), "<ESC-2026-0142.01@example.co.jp>");
}

TEST(SenderDomain, TheConfiguredDomainWins) {
  EmailOptions options;
  options.sender_domain = "mail.example.org";
  const auto built = emails(record_from_text(read_text("fixtures/ESC-2026-0142.yaml")), options);
  ASSERT_FALSE(built.empty());
  EXPECT_EQ(header(built[0].content, "Message-ID"), "<ESC-2026-0142.01@mail.example.org>");
}

// An id may hold dots anywhere but first ("A.", "a..b"); a Message-ID's left side is a
// dot-atom, where a dot may only stand alone between characters. A dot that cannot stays
// written as "=2E" ('=' is never in an id, so two ids never share a Message-ID).
TEST(SenderDomain, MessageIdsAreDotAtomsWhateverTheIdsDots) {
  const auto with_id = [&](const std::string& id) {
    return header(emails(record_from_text(example_with("id: ESC-2026-0142\n", "id: " + id + "\n")))[1].content,
                  "In-Reply-To");
  };
  EXPECT_EQ(with_id("ESC-2026-0142"), "<ESC-2026-0142.01@example.com>");
  EXPECT_EQ(with_id("A.b"), "<A.b.01@example.com>");
  EXPECT_EQ(with_id("A."), "<A=2E.01@example.com>");
  EXPECT_EQ(with_id("a..b"), "<a.=2Eb.01@example.com>");
  EXPECT_EQ(with_id("a...b."), "<a.=2E.b=2E.01@example.com>");
}

TEST(SenderDomain, AnInvalidDomainIsAConfigurationError) {
  const auto problems = config_problems("sender_domain: exa mple.com\n");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].severity, Severity::error);
  EXPECT_EQ(problems[0].mark, (Mark{1, 16}));
  EXPECT_EQ(problems[0].message,
            "'sender_domain' must be a domain name such as example.co.jp (letters, digits and '-' in "
            "dot-separated labels), got 'exa mple.com'; it is the right-hand side of every Message-ID, and "
            "email threading breaks without a valid one");
  EXPECT_EQ(config_problems("sender_domain: -bad.example\n").size(), 1u);
  EXPECT_EQ(config_problems("sender_domain: bad..example\n").size(), 1u);
  EXPECT_EQ(config_problems("sender_domain: dana@example.com\n").size(), 1u);
  EXPECT_TRUE(config_problems("sender_domain: example.co.jp\n").empty());
  EXPECT_TRUE(config_problems("sender_domain: mail-1.example\n").empty());
}

TEST(SenderDomain, IsDomainName) {
  EXPECT_TRUE(is_domain_name("example.com"));
  EXPECT_TRUE(is_domain_name("localhost"));
  EXPECT_FALSE(is_domain_name(""));
  EXPECT_FALSE(is_domain_name("exa mple.com"));
  EXPECT_FALSE(is_domain_name("example.com."));
  EXPECT_FALSE(is_domain_name("ex_ample.com"));
  EXPECT_FALSE(is_domain_name(std::string(64, 'a') + ".com"));
}

// ---- the sender of each email, and lead handovers (issue 14, item 7) -----------------------------

namespace {

const std::string kLead =
    "escalation_lead:\n  name: Dana Whitfield\n  title: Head of Customer Operations\n"
    "  contact: dana.whitfield@example.com\n";

// The example, handed over from Sam Lee to Dana Whitfield at 09:00; Sam sent the initial
// notification.
std::string handed_over() {
  std::string text = replace_once(read_text("fixtures/ESC-2026-0142.yaml"), kLead,
                                  kLead + "previous_leads:\n  - name: Sam Lee\n    title: Escalation Manager\n"
                                          "    contact: sam.lee@example.com\n    until: 2026-11-02T09:00:00Z\n");
  return replace_once(text, "    sent_at: 2026-11-02T08:45:00Z\n    owner: Dana Whitfield\n",
                      "    sent_at: 2026-11-02T08:45:00Z\n    owner: Sam Lee\n");
}

}  // namespace

TEST(EmailSender, EachEmailIsFromTheCommunicationsOwner) {
  const auto built = emails(record_from_text(handed_over()));
  ASSERT_EQ(built.size(), 3u);
  EXPECT_EQ(header(built[0].content, "From"), "Sam Lee <sam.lee@example.com>");
  EXPECT_EQ(header(built[1].content, "From"), "Dana Whitfield <dana.whitfield@example.com>");
  // Signed by the lead at the time it was sent.
  EXPECT_NE(built[0].content.find("Escalation Lead: Sam Lee, Escalation Manager, sam.lee@example.com"), std::string::npos);
  EXPECT_NE(built[1].content.find("Escalation Lead: Dana Whitfield, Head of Customer Operations"), std::string::npos);
  // The Message-ID domain does not move with the sender: threading holds.
  EXPECT_EQ(header(built[1].content, "In-Reply-To"), header(built[0].content, "Message-ID"));
}

TEST(EmailSender, AnOwnerFromTheGridSendsFromTheirGridAddress) {
  const std::string text = replace_once(read_text("fixtures/ESC-2026-0142.yaml"),
                                        "    sent_at: 2026-11-02T09:40:00Z\n    owner: Dana Whitfield\n",
                                        "    sent_at: 2026-11-02T09:40:00Z\n    owner: aoife  brennan\n");
  const auto built = emails(record_from_text(text));
  ASSERT_EQ(built.size(), 3u);
  EXPECT_EQ(header(built[1].content, "From"), "Aoife Brennan <aoife.brennan@example.com>");
  // Still signed by the Escalation Lead: the lead did not change.
  EXPECT_NE(built[1].content.find("Escalation Lead: Dana Whitfield"), std::string::npos);
  // The true "old" behaviour where it was right: the lead's own emails are from the lead.
  EXPECT_EQ(header(built[0].content, "From"), "Dana Whitfield <dana.whitfield@example.com>");
}

TEST(EmailSender, AnOwnerNotInTheRecordFallsBackToTheLeadAtTheTime) {
  const std::string text = replace_once(handed_over(), "    owner: Sam Lee\n", "    owner: Someone Else\n");
  const auto built = emails(record_from_text(text));
  ASSERT_EQ(built.size(), 3u);
  EXPECT_EQ(header(built[0].content, "From"), "Sam Lee <sam.lee@example.com>");
}

TEST(EmailSender, PreviousLeadsAreInTheSchema) {
  LoadResult loaded = load_record(handed_over(), "r.yaml", ParseLimits{});
  EXPECT_TRUE(loaded.diagnostics.empty());
  ASSERT_TRUE(loaded.record && loaded.record->previous_leads);
  EXPECT_EQ(*(*loaded.record->previous_leads)[0].name, "Sam Lee");
  LoadResult bad = load_record(replace_once(handed_over(), "    until: 2026-11-02T09:00:00Z\n", ""), "r.yaml", ParseLimits{});
  ASSERT_EQ(bad.diagnostics.size(), 1u);
  EXPECT_EQ(bad.diagnostics[0].message, "missing required key 'until' in 'previous_leads[0]'");
}
