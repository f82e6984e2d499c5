// The template's labelled fields, the internal footer and the promises, found in a draft body.
#include <gtest/gtest.h>

#include "draft/fields.h"

using namespace esc;

namespace {

// "Current status=Contained" for each field.
std::vector<std::string> fields(std::string_view body) {
  std::vector<std::string> out;
  for (const Field& f : find_fields(body)) {
    std::string_view label = label_text(f.label);
    if (label.ends_with(':')) label.remove_suffix(1);
    out.push_back(std::string(label) + "=" + std::string(body.substr(f.value_offset, f.value_end - f.value_offset)));
  }
  return out;
}

}  // namespace

TEST(DraftFields, OnePerLine) {
  EXPECT_EQ(fields("Priya,\n\nCurrent status: Contained\nImpact: All card payments\nwere declined.\n"
                   "Next update by: 09:45 UTC on 2 November 2026\n\nEscalation Lead: Dana\n"),
            (std::vector<std::string>{"Current status=Contained", "Impact=All card payments\nwere declined.",
                                      "Next update by=09:45 UTC on 2 November 2026", "Escalation Lead=Dana"}));
}

TEST(DraftFields, ThePlaybooksOneLineForm) {
  EXPECT_EQ(fields("Current status: Ongoing Impact: checkout down Next update by: 10:00 UTC on 2 Nov 2026\n"),
            (std::vector<std::string>{"Current status=Ongoing", "Impact=checkout down",
                                      "Next update by=10:00 UTC on 2 Nov 2026"}));
}

TEST(DraftFields, MarkdownAndListsAfterABlankLine) {
  EXPECT_EQ(fields("**Resolution summary:** Fixed it.\n\n**Actions taken:**\n\n- one\n- two\n\n"
                   "- Preventative measures: alerts\n"),
            (std::vector<std::string>{"Resolution summary=Fixed it.", "Actions taken=- one\n- two",
                                      "Preventative measures=alerts"}));
  EXPECT_EQ(fields("current STATUS:   ongoing\n"), std::vector<std::string>{"Current status=ongoing"});
}

TEST(DraftFields, UpdateAsOfEndsAtItsColon) {
  EXPECT_EQ(fields("Update as of Monday 2 November 2026, 09:40 UTC:\n"),
            std::vector<std::string>{"Update as of=Monday 2 November 2026, 09:40 UTC"});
}

TEST(DraftFields, ProseIsNotALabel) {
  EXPECT_EQ(fields("The impact: small. The current status: calm.\nWe will provide a further update by 10:00 UTC.\n"),
            std::vector<std::string>{});
  EXPECT_EQ(fields("Next action: roll back (owner: Sam; ETA: 10:30 UTC)\n"),
            std::vector<std::string>{"Next action=roll back (owner: Sam; ETA: 10:30 UTC)"});
}

TEST(DraftFields, EmptyValues) {
  // A label alone on its line takes the next paragraph, unless that paragraph starts with a label.
  EXPECT_EQ(fields("Impact:\n\nEscalation Lead: Dana\n"), (std::vector<std::string>{"Impact=", "Escalation Lead=Dana"}));
  std::vector<Field> f = find_fields("Impact:\nEscalation Lead: Dana\n");
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].value_end, f[0].value_offset);
}

TEST(DraftFields, InternalFooter) {
  const std::string body = "Dana\n\nOwner: _____ Sent at (UTC): _____\n  owner: Dana\nSent at (UTC): 09:40\nThe owner: Dana\n";
  std::vector<Span> lines = internal_footer_lines(body);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].begin, body.find("Owner:"));
  EXPECT_EQ(lines[1].begin, body.find("owner: Dana"));
  EXPECT_EQ(lines[2].begin, body.find("Sent at (UTC): 09:40"));
}

TEST(DraftFields, Promises) {
  const std::string body =
      "Next update by: 09:45 UTC on 2 November 2026\n\nWe will provide a further update by\n10:00 UTC regardless.\n"
      "You will get the next update by email.\n";
  std::vector<Promise> p = next_update_promises(body, find_fields(body));
  ASSERT_EQ(p.size(), 3u);
  EXPECT_TRUE(p[0].labelled);
  EXPECT_EQ(p[0].text.begin, body.find("09:45"));
  EXPECT_FALSE(p[1].labelled);
  EXPECT_EQ(p[1].text.begin, body.find("10:00"));
  EXPECT_EQ(p[2].text.begin, body.find("email"));
}

TEST(DraftFields, PostIncidentReviewDate) {
  const std::string body = "A post-incident review document will be shared by Friday 13 November 2026. Thanks.\n"
                           "The PIR will be\nshared by 2026-11-13.\n";
  EXPECT_EQ(pir_share_by_mentions(body),
            (std::vector<std::size_t>{body.find("Friday"), body.find("2026-11-13")}));
  EXPECT_TRUE(pir_share_by_mentions("The review. It will be shared by Friday.").empty());
}
