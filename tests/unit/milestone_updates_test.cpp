// "At key milestones": who a communication reaches by the grid, and who has not heard since a
// key milestone.
#include <gtest/gtest.h>

#include "load/loader.h"
#include "model/due.h"
#include "model/milestone_updates.h"
#include "rule_test_util.h"

using namespace esc;
using namespace esc::testing;

namespace {

const std::string kRecord = "tests/data/status-milestones/ESC-2026-0220.yaml";

Instant at(const char* t) { return *parse_now(t); }

}  // namespace

TEST(GridReaches, ThePlaybookGrid) {
  EXPECT_TRUE(model::grid_reaches(Role::customer_primary, CommType::progress));
  EXPECT_TRUE(model::grid_reaches(Role::csm, CommType::progress));
  EXPECT_TRUE(model::grid_reaches(Role::customer_exec_sponsor, CommType::initial));
  EXPECT_FALSE(model::grid_reaches(Role::customer_exec_sponsor, CommType::progress));
  EXPECT_TRUE(model::grid_reaches(Role::customer_exec_sponsor, CommType::resolution));
  EXPECT_FALSE(model::grid_reaches(Role::internal_exec_sponsor, CommType::initial));
  EXPECT_FALSE(model::grid_reaches(Role::engineering_lead, CommType::resolution));
}

TEST(MilestoneUpdates, TheExecSponsorHasNotHeardOfTheContainment) {
  const Record r = record_from_text(read_text(kRecord));
  const auto due = model::milestone_updates_due(r, at("2026-11-02T09:50:00Z"));
  ASSERT_EQ(due.size(), 1u);  // the internal exec sponsor (channel internal) is not judged
  EXPECT_EQ(*(*r.stakeholders)[due[0].stakeholder].role, Role::customer_exec_sponsor);
  EXPECT_EQ(due[0].milestone, Milestone::containment);
  EXPECT_EQ(due[0].reached_at, at("2026-11-02T09:10:00Z"));
  EXPECT_EQ(due[0].last, 0u);  // the initial notification
}

TEST(MilestoneUpdates, NotBeforeTheMilestoneIsReached) {
  EXPECT_TRUE(model::milestone_updates_due(record_from_text(read_text(kRecord)), at("2026-11-02T09:09:59Z")).empty());
}

TEST(MilestoneUpdates, AnUpdateThatReachedThemAfterTheMilestone) {
  // Progress update #1 copied the exec sponsor: told.
  const Record r = record_from_text(replace_once(read_text(kRecord), "    status: contained\n    progress:",
                                     "    status: contained\n    cc: [tomas.ferreira@northwind.example]\n    progress:"));
  EXPECT_TRUE(model::milestone_updates_due(r, at("2026-11-02T09:50:00Z")).empty());
}

TEST(MilestoneUpdates, AMilestoneInTheSameMinuteAsTheUpdateWasTold) {
  const Record r = record_from_text(replace_once(read_text(kRecord), "    at: 2026-11-02T09:10:00Z", "    at: 2026-11-02T08:45:30Z"));
  EXPECT_TRUE(model::milestone_updates_due(r, at("2026-11-02T09:50:00Z")).empty());
}

TEST(MilestoneUpdates, NothingBeforeTheFirstCommunication) {
  EXPECT_TRUE(model::milestone_updates_due(record_from_text(read_text(kRecord)), at("2026-11-02T08:44:00Z")).empty());
}

TEST(DueItems, FactsAndOwnersBeforeTheFirstUpdateAreDueNow) {
  const Record r = record_from_text(read_text("tests/data/status-milestones/ESC-2026-0221.yaml"));
  const Config config;
  const Calendar calendar(config.calendar, config.holidays);
  const Instant now = at("2026-11-02T09:05:30Z");
  const auto items = model::due_items(model::Escalation(r, config, calendar, now), "x.yaml");
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, model::DueItem::Kind::confirm_first);
  EXPECT_EQ(items[0].due, at("2026-11-02T09:05:00Z"));
  EXPECT_FALSE(items[0].overdue);
  EXPECT_EQ(items[0].detail,
            "before the initial notification: facts.confirmed_by, facts.confirmation_ref, owners_confirmed_at and "
            "the owner of the Customer Executive Sponsor");
  EXPECT_EQ(items[0].uid, "ESC-2026-0221.confirm-first.0@escalate");
}

TEST(DueItems, NotOnceTheCustomerHasBeenNotified) {
  // The same gaps after a communication are check's findings (facts-before-notification), not
  // something still to do first.
  const Record r = record_from_text(read_text("tests/data/status-milestones/ESC-2026-0221.yaml") +
                        "communications:\n  - type: initial\n    sent_at: 2026-11-02T08:45:00Z\n"
                        "    owner: Dana Whitfield\n    status: ongoing\n    impact: x\n"
                        "    next_update_by: 2026-11-02T09:45:00Z\n");
  const Config config;
  const Calendar calendar(config.calendar, config.holidays);
  for (const model::DueItem& i : model::due_items(model::Escalation(r, config, calendar, at("2026-11-02T09:05:00Z")), "x.yaml"))
    EXPECT_NE(i.kind, model::DueItem::Kind::confirm_first);
}
