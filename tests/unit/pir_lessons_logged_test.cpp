#include <gtest/gtest.h>

#include "rule_test_util.h"

namespace esc {
extern const RuleInfo kPirLessonsLoggedRule;
}

using namespace esc;
using namespace esc::testing;

namespace {

std::vector<std::string> run(const std::string& text) {
  return describe(run_rule_on_text(kPirLessonsLoggedRule, text));
}

}  // namespace

TEST(PirLessonsLogged, PassesOnTheExample) {
  EXPECT_TRUE(run_rule(kPirLessonsLoggedRule, "fixtures/ESC-2026-0142.yaml").empty());
}

TEST(PirLessonsLogged, FiresOnTheFixture) {
  const auto diags = run_rule(kPirLessonsLoggedRule, "fixtures/rules/pir-lessons-logged.yaml");
  EXPECT_EQ(describe(diags),
            std::vector<std::string>{
                "142:19: pir.lessons_logged is false but the PIR was delivered on 2026-11-12: the "
                "Escalation Lead updates the internal lessons-learned log, then sets "
                "lessons_logged: true"});
  ASSERT_EQ(diags.size(), 1u);
  EXPECT_EQ(diags[0].severity, Severity::warning);
}

TEST(PirLessonsLogged, MissingFlagPointsAtThePir) {
  EXPECT_EQ(run(example_with("  lessons_logged: true\n", "")),
            std::vector<std::string>{
                "139:3: pir.lessons_logged is missing but the PIR was delivered on 2026-11-12: the "
                "Escalation Lead updates the internal lessons-learned log, then sets "
                "lessons_logged: true"});
}

TEST(PirLessonsLogged, DeliveredAsATimestamp) {
  EXPECT_EQ(run(example_with("  delivered_at: 2026-11-12\n  lessons_logged: true\n",
                             "  delivered_at: 2026-11-12T16:00:00Z\n  lessons_logged: false\n")),
            std::vector<std::string>{
                "142:19: pir.lessons_logged is false but the PIR was delivered on 2026-11-12: the "
                "Escalation Lead updates the internal lessons-learned log, then sets "
                "lessons_logged: true"});
}

TEST(PirLessonsLogged, NotCheckedBeforeDelivery) {
  EXPECT_TRUE(run(example_with("  delivered_at: 2026-11-12\n  lessons_logged: true\n",
                               "  lessons_logged: false\n"))
                  .empty());
  EXPECT_TRUE(run(example_with("  delivered_at: 2026-11-12\n  lessons_logged: true\n", "")).empty());
}

TEST(PirLessonsLogged, ANonBooleanIsTheSchemaRulesFinding) {
  EXPECT_TRUE(run(example_with("lessons_logged: true", "lessons_logged: soon")).empty());
}
