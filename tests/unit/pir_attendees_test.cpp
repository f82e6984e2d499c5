#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kPirAttendeesRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

const std::string kAttendees =
    "  attendees: [escalation_lead, engineering_lead, csm, customer_primary]\n";

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kPirAttendeesRule, text));
}

}  // namespace

TEST(PirAttendees, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kPirAttendeesRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(PirAttendees, FiresOnTheFixture) {
  EXPECT_EQ(describe(run_rule(kPirAttendeesRule, "fixtures/rules/pir-attendees.yaml")),
            std::vector<std::string>{
                "140:14: pir.attendees lack the Customer Primary Contact (customer_primary)"});
}

TEST(PirAttendees, NamesEveryMissingRoleInOneFinding) {
  EXPECT_EQ(run(example_with(kAttendees, "  attendees: [csm, escalation_lead]\n")),
            std::vector<std::string>{
                "140:14: pir.attendees lack the Internal Engineering Lead (engineering_lead) and "
                "the Customer Primary Contact (customer_primary)"});
}

TEST(PirAttendees, MissingListOnAScheduledReview) {
  EXPECT_EQ(run(example_with(kAttendees, "")),
            std::vector<std::string>{
                "139:3: the PIR is scheduled but pir.attendees is missing; list the Escalation Lead "
                "(escalation_lead), the Internal Engineering Lead (engineering_lead), the Customer "
                "Success Manager (csm) and the Customer Primary Contact (customer_primary)"});
}

TEST(PirAttendees, EmptyListMissesAllFour) {
  EXPECT_EQ(run(example_with(kAttendees, "  attendees: []\n")).size(), 1u);
}

TEST(PirAttendees, ExtraRolesAndBlockListsPass) {
  EXPECT_TRUE(run(example_with(kAttendees,
                               "  attendees:\n"
                               "    - customer_primary\n"
                               "    - csm\n"
                               "    - legal\n"
                               "    - engineering_lead\n"
                               "    - escalation_lead\n"))
                  .empty());
}

TEST(PirAttendees, AttendeesWithoutAScheduleAreStillChecked) {
  const std::string text = example_with("  scheduled_for: 2026-11-05T14:00:00Z\n" + kAttendees,
                                        "  attendees: [escalation_lead, csm, customer_primary]\n");
  EXPECT_EQ(run(text).size(), 1u);
}

TEST(PirAttendees, SilentBeforeScheduledOrResolved) {
  // Neither scheduled nor attendees listed: pir-scheduled's business.
  EXPECT_TRUE(run(example_with("  scheduled_for: 2026-11-05T14:00:00Z\n" + kAttendees, "")).empty());
  // Not resolved yet.
  std::string contained = example_with(kAttendees, "  attendees: [csm]\n");
  contained.replace(contained.find("status: resolved"), 16, "status: contained");
  EXPECT_TRUE(run(contained).empty());
}

TEST(PirAttendees, AnInvalidRoleIsTheSchemaRulesFinding) {
  // "cms" is a schema error (with "did you mean csm"); reporting the CSM missing too would
  // report one typo twice.
  EXPECT_TRUE(run(example_with(kAttendees,
                               "  attendees: [escalation_lead, engineering_lead, cms, customer_primary]\n"))
                  .empty());
  // Not a list at all: schema only.
  EXPECT_TRUE(run(example_with(kAttendees, "  attendees: everyone\n")).empty());
}
