// The rule table: every rule, once, in documentation order. Adding a rule = one file under
// src/rules/, one declaration and one row here, one fixture under fixtures/rules/.
#include <array>
#include <string>

#include "rules/rule.h"

namespace esc {

// SPEC section 3, in its order.
extern const RuleInfo kSchemaRule;
extern const RuleInfo kYamlSyntaxRule;
extern const RuleInfo kDuplicateIdRule;
extern const RuleInfo kTriageGenuineRule;
extern const RuleInfo kTriageImpactRule;
extern const RuleInfo kTriageWindowRule;
extern const RuleInfo kRecordOpenedRule;
extern const RuleInfo kLeadAssignedRule;
extern const RuleInfo kOwnerMissingRule;
extern const RuleInfo kOwnersBeforeFirstUpdateRule;
extern const RuleInfo kStakeholderGridRule;
extern const RuleInfo kFactsBeforeNotificationRule;
extern const RuleInfo kRootCauseConfirmedRule;
extern const RuleInfo kTimelineMilestonesRule;
extern const RuleInfo kTimelineOrderRule;
extern const RuleInfo kTimelineMatchesCommsRule;
extern const RuleInfo kTimestampUtcRule;
extern const RuleInfo kFutureTimestampRule;
extern const RuleInfo kCommsSequenceRule;
extern const RuleInfo kCommsCompleteRule;
extern const RuleInfo kUpdatePromiseKeptRule;
extern const RuleInfo kUpdateOverdueRule;
extern const RuleInfo kUpdateCadenceRule;
extern const RuleInfo kCommsStatusConsistentRule;
extern const RuleInfo kSpeculativeLanguageRule;
extern const RuleInfo kPirPromiseRule;
extern const RuleInfo kPirScheduledRule;
extern const RuleInfo kPirScheduleWindowRule;
extern const RuleInfo kPirDeliveryWindowRule;
extern const RuleInfo kPirAttendeesRule;
extern const RuleInfo kPirLessonsLoggedRule;
extern const RuleInfo kReadoutImpactRule;
extern const RuleInfo kReadoutActionsRule;
extern const RuleInfo kReadoutSlaRule;
extern const RuleInfo kReadoutSentimentRule;
extern const RuleInfo kCommitmentIncompleteRule;
extern const RuleInfo kCommitmentOverdueRule;
extern const RuleInfo kSeverityCriteriaRule;
extern const RuleInfo kReadoutOnePageRule;
extern const RuleInfo kReadoutGlyphRule;
// SPEC section 5: lint-comms (speculative-language is shared with check).
extern const RuleInfo kDraftSyntaxRule, kDraftSubjectFormatRule, kDraftPlaceholderRule, kDraftMissingFieldRule,
    kDraftStatusValueRule, kDraftNextUpdateRule, kDraftInternalFooterRule, kDraftRecordMismatchRule;

namespace {

constexpr std::array kRules = {
    &kSchemaRule,
    &kYamlSyntaxRule,
    &kDuplicateIdRule,
    &kTriageGenuineRule,
    &kTriageImpactRule,
    &kTriageWindowRule,
    &kRecordOpenedRule,
    &kLeadAssignedRule,
    &kOwnerMissingRule,
    &kOwnersBeforeFirstUpdateRule,
    &kStakeholderGridRule,
    &kFactsBeforeNotificationRule,
    &kRootCauseConfirmedRule,
    &kTimelineMilestonesRule,
    &kTimelineOrderRule,
    &kTimelineMatchesCommsRule,
    &kTimestampUtcRule,
    &kFutureTimestampRule,
    &kCommsSequenceRule,
    &kCommsCompleteRule,
    &kUpdatePromiseKeptRule,
    &kUpdateOverdueRule,
    &kUpdateCadenceRule,
    &kCommsStatusConsistentRule,
    &kSpeculativeLanguageRule,
    &kPirPromiseRule,
    &kPirScheduledRule,
    &kPirScheduleWindowRule,
    &kPirDeliveryWindowRule,
    &kPirAttendeesRule,
    &kPirLessonsLoggedRule,
    &kReadoutImpactRule,
    &kReadoutActionsRule,
    &kReadoutSlaRule,
    &kReadoutSentimentRule,
    &kCommitmentIncompleteRule,
    &kCommitmentOverdueRule,
    &kSeverityCriteriaRule,
    &kReadoutOnePageRule,
    &kReadoutGlyphRule,
    &kDraftSyntaxRule,
    &kDraftSubjectFormatRule,
    &kDraftPlaceholderRule,
    &kDraftMissingFieldRule,
    &kDraftStatusValueRule,
    &kDraftNextUpdateRule,
    &kDraftInternalFooterRule,
    &kDraftRecordMismatchRule,
};

}  // namespace

std::span<const RuleInfo* const> rule_table() { return kRules; }

const RuleInfo* find_rule(std::string_view id) {
  for (const RuleInfo* r : kRules)
    if (r->id == id) return r;
  return nullptr;
}

std::vector<std::string> rule_ids() {
  std::vector<std::string> ids;
  for (const RuleInfo* r : kRules) ids.emplace_back(r->id);
  return ids;
}

}  // namespace esc
