// The model's unconfirmed facts and owners (model/confirmation.h) — the one answer `escalate next`
// and `status` read before a communication — agree with what `check` says once one has gone out:
// on every fixture and on failing and passing variants of the example record, each unconfirmed
// value is reported (by facts-before-notification, owners-before-first-update, or the rule that
// owns it: schema for invalid values, owner-missing for placeholder owners), and those two rules
// say "not confirmed" only where the model does.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "model/confirmation.h"
#include "model/next_communication.h"
#include "rule_test_util.h"
#include "rules/engine.h"

using namespace esc;
using namespace esc::testing;

namespace {

namespace fs = std::filesystem;
using model::Unconfirmed;

// The example record's facts with the single confirmation replaced by a listed one.
const std::string kSingle =
    "  confirmed_by: Sam Okafor\n  confirmed_at: 2026-11-02T08:38:00Z\n"
    "  confirmation_ref: \"Email from Sam Okafor to Dana Whitfield, 08:38 UTC\"\n";
std::string listed(const std::string& ref, const std::string& single_ref = "") {
  return example_with(kSingle, single_ref + "  confirmations:\n    - confirmed_by: Sam Okafor\n"
                                            "      confirmed_at: 2026-11-02T08:38:00Z\n      confirmation_ref: " +
                                   ref + "\n");
}

// Records that fail one way each, and the example that passes.
std::vector<std::pair<std::string, std::string>> variants() {
  return {
      {"the example", read_text("fixtures/ESC-2026-0142.yaml")},
      {"confirmed_by missing", example_with("contained\n  confirmed_by: Sam Okafor\n", "contained\n")},
      {"confirmed_by TBD", example_with("contained\n  confirmed_by: Sam Okafor\n", "contained\n  confirmed_by: TBD\n")},
      {"confirmed_at missing", example_with("  confirmed_at: 2026-11-02T08:38:00Z\n", "")},
      {"confirmed_at invalid", example_with("  confirmed_at: 2026-11-02T08:38:00Z\n", "  confirmed_at: soon\n")},
      {"confirmation_ref missing",
       example_with("  confirmation_ref: \"Email from Sam Okafor to Dana Whitfield, 08:38 UTC\"\n", "")},
      {"confirmation_ref TBD", example_with("\"Email from Sam Okafor to Dana Whitfield, 08:38 UTC\"", "TBD")},
      {"affected empty", example_with("affected: [payment-gateway, eu-checkout]", "affected: []")},
      {"affected placeholders", example_with("affected: [payment-gateway, eu-checkout]", "affected: [TBD, \"[System]\"]")},
      {"affected missing", example_with("  affected: [payment-gateway, eu-checkout]\n", "")},
      {"status missing", example_with("  status: contained\n  confirmed_by: Sam Okafor\n", "  confirmed_by: Sam Okafor\n")},
      {"root cause a placeholder",
       example_with("root_cause: An expired TLS certificate on the payment gateway caused every authorisation call to fail.",
                    "root_cause: \"[Root cause]\"")},
      {"several at once", example_with("  status: contained\n  confirmed_by: Sam Okafor\n", "")},
      {"listed, confirmed", listed("\"Email from Sam Okafor, 08:38 UTC\"")},
      {"listed, ref TBD", listed("TBD")},
      {"listed, single ref TBD", listed("\"Email from Sam Okafor, 08:38 UTC\"", "  confirmation_ref: TBD\n")},
      {"owners_confirmed_at missing", example_with("owners_confirmed_at: 2026-11-02T08:30:00Z\n", "")},
      {"owners_confirmed_at invalid",
       example_with("owners_confirmed_at: 2026-11-02T08:30:00Z\n", "owners_confirmed_at: yesterday\n")},
      {"an owner TBD", example_with("    owner: Malik Chen\n", "    owner: TBD\n")},
  };
}

// Every record file under the fixtures and the test data.
std::vector<std::pair<std::string, std::string>> fixtures() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* dir : {"fixtures", "tests/data"})
    for (const auto& e : fs::recursive_directory_iterator(fs::path(ESCALATE_SOURCE_DIR) / dir)) {
      if (!e.is_regular_file() || e.path().extension() != ".yaml") continue;
      const std::string rel = fs::relative(e.path(), ESCALATE_SOURCE_DIR).string();
      const std::string text = read_text(rel);
      if (text.find("communications:") == std::string::npos) continue;  // not a record with comms
      out.emplace_back(rel, text);
    }
  return out;
}

bool is(const Diagnostic& d, std::string_view rule) { return d.rule == rule; }

// facts-before-notification's finding that facts are unconfirmed (not the one that they were
// confirmed too late).
bool says_facts_unconfirmed(const Diagnostic& d) {
  return is(d, "facts-before-notification") &&
         (d.message.starts_with("facts are not confirmed before") || d.message.starts_with("the record has no facts section"));
}
bool says_owners_unconfirmed(const Diagnostic& d) {
  return is(d, "owners-before-first-update") && d.message.starts_with("owners_confirmed_at is missing");
}

// Checks one record both ways; returns how many unconfirmed values it had.
std::size_t expect_agreement(const std::string& name, const std::string& text) {
  SCOPED_TRACE(name);
  const Config config;
  const Calendar calendar(config.calendar, config.holidays);
  const CheckedRecord checked = check_record_text(text, "record.yaml", CheckOptions{&config, example_now()}, calendar);
  if (!checked.record || checked.record->comms().empty()) return 0;
  const Record& r = *checked.record;
  const std::vector<Unconfirmed> facts = model::unconfirmed_facts(r);
  const std::vector<Unconfirmed> owners = model::unconfirmed_owners(r);
  const auto& diags = checked.diagnostics;

  // Each unconfirmed value is reported where it is (the facts rule's one finding for several
  // lies at the facts section).
  for (const Unconfirmed* u : [&] {
         std::vector<const Unconfirmed*> all;
         for (const Unconfirmed& x : facts) all.push_back(&x);
         for (const Unconfirmed& x : owners) all.push_back(&x);
         return all;
       }()) {
    const bool reported = std::any_of(diags.begin(), diags.end(), [&](const Diagnostic& d) {
      if (says_facts_unconfirmed(d)) return d.mark == u->loc.mark || d.mark == r.facts.loc.mark;
      if (d.mark != u->loc.mark) return false;
      if (u->state == Unconfirmed::State::invalid) return is(d, "schema");
      return says_owners_unconfirmed(d) || is(d, "owner-missing") || is(d, "schema");
    });
    EXPECT_TRUE(reported) << "unconfirmed at " << u->loc.mark.line << ":" << u->loc.mark.col << " ("
                          << u->loc.path << ") is reported by no rule";
  }
  // The two rules say "not confirmed" only where the model does.
  const bool facts_said = std::any_of(diags.begin(), diags.end(), says_facts_unconfirmed);
  const bool owners_said = std::any_of(diags.begin(), diags.end(), says_owners_unconfirmed);
  const bool owners_at_unconfirmed = std::any_of(owners.begin(), owners.end(), [](const Unconfirmed& u) {
    return u.item == Unconfirmed::Item::owners_confirmed_at;
  });
  EXPECT_TRUE(!facts_said || !facts.empty()) << "facts-before-notification fires; the model has the facts confirmed";
  EXPECT_TRUE(!owners_said || owners_at_unconfirmed) << "owners-before-first-update fires; the model has owners_confirmed_at";
  // `escalate next`'s readiness lists the same values.
  EXPECT_EQ(model::facts_or_owners_unconfirmed(r).size(), facts.size() + owners.size());
  return facts.size() + owners.size();
}

}  // namespace

TEST(Confirmation, TheModelAndTheRulesAgreeOnFailingAndPassingRecords) {
  for (const auto& [name, text] : variants()) {
    const std::size_t n = expect_agreement(name, text);
    const bool passing = name == "the example" || name == "listed, confirmed";
    EXPECT_EQ(n == 0, passing) << name << ": " << n << " unconfirmed";
  }
}

TEST(Confirmation, TheModelAndTheRulesAgreeOnEveryFixture) {
  const auto all = fixtures();
  EXPECT_GT(all.size(), 20u);
  std::size_t unconfirmed = 0;
  for (const auto& [name, text] : all) unconfirmed += expect_agreement(name, text);
  EXPECT_GT(unconfirmed, 0u);  // some fixtures have something unconfirmed
}

TEST(Confirmation, WhatEachCaseIs) {
  auto items = [](const std::string& text) {
    std::vector<std::pair<Unconfirmed::Item, Unconfirmed::State>> out;
    const Record r = record_from_text(text);
    for (const Unconfirmed& u : model::unconfirmed_facts(r)) out.emplace_back(u.item, u.state);
    for (const Unconfirmed& u : model::unconfirmed_owners(r)) out.emplace_back(u.item, u.state);
    return out;
  };
  using I = Unconfirmed::Item;
  using S = Unconfirmed::State;
  using V = std::vector<std::pair<I, S>>;
  EXPECT_EQ(items(read_text("fixtures/ESC-2026-0142.yaml")), V{});
  EXPECT_EQ(items(example_with("contained\n  confirmed_by: Sam Okafor\n", "contained\n  confirmed_by: TBD\n")), (V{{I::confirmed_by, S::unfilled}}));
  EXPECT_EQ(items(example_with("  confirmed_at: 2026-11-02T08:38:00Z\n", "  confirmed_at: soon\n")),
            (V{{I::confirmed_at, S::invalid}}));
  EXPECT_EQ(items(example_with("affected: [payment-gateway, eu-checkout]", "affected: []")), (V{{I::affected, S::empty_list}}));
  EXPECT_EQ(items(listed("TBD")), (V{{I::confirmation_ref, S::unfilled}}));
  EXPECT_EQ(items(listed("\"Email\"", "  confirmation_ref: TBD\n")), (V{{I::confirmation_ref, S::unfilled}}));
  EXPECT_EQ(items(example_with("owners_confirmed_at: 2026-11-02T08:30:00Z\n", "")), (V{{I::owners_confirmed_at, S::missing}}));
  EXPECT_EQ(items(example_with("    owner: Malik Chen\n", "    owner: TBD\n")), (V{{I::owner, S::unfilled}}));
}

// A facts section written as something else than a mapping is pointed at where it is written
// (escalate next shows that line); a missing one at the record.
TEST(Confirmation, AnInvalidFactsSectionIsPlacedAtItsValue) {
  const Record invalid = record_from_text("version: 1\nid: ESC-1\nfacts: see the incident doc\n");
  const std::vector<Unconfirmed> bad = model::unconfirmed_facts(invalid);
  ASSERT_FALSE(bad.empty());
  EXPECT_EQ(bad.front().item, Unconfirmed::Item::facts);
  EXPECT_EQ(bad.front().state, Unconfirmed::State::invalid);
  EXPECT_EQ(bad.front().loc.mark, (Mark{3, 8}));
  const Record missing = record_from_text("version: 1\nid: ESC-1\n");
  const std::vector<Unconfirmed> none = model::unconfirmed_facts(missing);
  ASSERT_FALSE(none.empty());
  EXPECT_EQ(none.front().state, Unconfirmed::State::missing);
  EXPECT_EQ(none.front().loc.mark, missing.root.mark);
}
