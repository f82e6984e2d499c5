// The registry of checks: every rule escalate can report, once, as one row — its id, where its
// findings come from, its default severity and what in the playbook asks for it. A finding's default severity comes only from its row:
// every emitter (the loader, the record and draft rules, the batch, the pack builder) names the
// rule by RuleId, never by a free string, so an unknown id cannot compile. The rules' prose (what
// `escalate explain` prints) is in src/rules/, one file per rule, keyed by the same RuleId.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace esc {

// One enumerator per row of kRuleRows, in the same order (SPEC section 3, then section 5).
enum class RuleId : std::uint8_t {
  schema,
  yaml_syntax,
  duplicate_id,
  triage_genuine,
  triage_impact,
  triage_window,
  record_opened,
  lead_assigned,
  owner_missing,
  owners_before_first_update,
  stakeholder_grid,
  facts_before_notification,
  root_cause_confirmed,
  timeline_milestones,
  timeline_order,
  timeline_matches_comms,
  timestamp_utc,
  future_timestamp,
  comms_sequence,
  comms_complete,
  update_promise_kept,
  update_overdue,
  update_cadence,
  comms_status_consistent,
  speculative_language,
  pir_promise,
  pir_scheduled,
  pir_schedule_window,
  pir_delivery_window,
  pir_attendees,
  pir_lessons_logged,
  readout_impact,
  readout_actions,
  readout_sla,
  readout_sentiment,
  commitment_incomplete,
  commitment_overdue,
  severity_criteria,
  readout_one_page,
  readout_glyph,
  draft_syntax,
  draft_subject_format,
  draft_placeholder,
  draft_missing_field,
  draft_status_value,
  draft_next_update,
  draft_internal_footer,
  draft_record_mismatch,
};

// Where a rule's findings come from.
enum class RuleKind : std::uint8_t {
  record,  // a check function over one typed record (speculative-language also lints drafts)
  loader,  // emitted while reading the file (schema, yaml-syntax, timestamp-utc)
  batch,   // across records (duplicate-id)
  build,   // while building the pack (readout-one-page, readout-glyph)
  draft,   // lint-comms
};

struct RuleRow {
  RuleId rule;
  std::string_view id;  // stable kebab-case; never reused
  RuleKind kind;
  Severity default_severity;
  // What asks for the rule: the playbook's words, quoted as they stand in docs/PLAYBOOK.md
  // ("\"Keep to a single page.\""), or the SPEC section where the playbook has no line for it
  // ("SPEC §5"). A quotation ends every finding's message (playbook_citation).
  std::string_view asked_by;
  // The severity of a reminder that is not yet a breach (pir-scheduled while its deadline is
  // ahead); off: the rule has no reminders.
  Severity reminder_severity = Severity::off;
};

inline constexpr std::array kRuleRows = {
    RuleRow{RuleId::schema, "schema", RuleKind::loader, Severity::error,
            "SPEC §2"},
    RuleRow{RuleId::yaml_syntax, "yaml-syntax", RuleKind::loader, Severity::error,
            "SPEC §8"},
    RuleRow{RuleId::duplicate_id, "duplicate-id", RuleKind::batch, Severity::error,
            "SPEC §2"},
    RuleRow{RuleId::triage_genuine, "triage-genuine", RuleKind::record, Severity::error,
            R"pb("Confirm escalation is genuine (not a routine support ticket mislabelled)")pb"},
    RuleRow{RuleId::triage_impact, "triage-impact", RuleKind::record, Severity::error,
            R"pb("Assess business impact: revenue risk, SLA breach status, reputational exposure")pb"},
    RuleRow{RuleId::triage_window, "triage-window", RuleKind::record, Severity::error,
            R"pb("INITIAL TRIAGE — complete within 15 minutes of escalation signal")pb"},
    RuleRow{RuleId::record_opened, "record-opened", RuleKind::record, Severity::error,
            R"pb("Open incident record and timestamp triage start")pb"},
    RuleRow{RuleId::lead_assigned, "lead-assigned", RuleKind::record, Severity::error,
            R"pb("Assign Escalation Lead (single accountable owner)")pb"},
    RuleRow{RuleId::owner_missing, "owner-missing", RuleKind::record, Severity::error,
            R"pb("All owners must be confirmed before the first customer update is sent.")pb"},
    RuleRow{RuleId::owners_before_first_update, "owners-before-first-update", RuleKind::record, Severity::error,
            R"pb("All owners must be confirmed before the first customer update is sent.")pb"},
    RuleRow{RuleId::stakeholder_grid, "stakeholder-grid", RuleKind::record, Severity::error,
            R"pb("Stakeholder Grid")pb"},
    RuleRow{RuleId::facts_before_notification, "facts-before-notification", RuleKind::record, Severity::error,
            R"pb("FACT CONFIRMATION — complete before any external communication")pb"},
    RuleRow{RuleId::root_cause_confirmed, "root-cause-confirmed", RuleKind::record, Severity::error,
            R"pb("Root cause (confirmed, one sentence):")pb"},
    RuleRow{RuleId::timeline_milestones, "timeline-milestones", RuleKind::record, Severity::error,
            R"pb("Establish timeline of events (use Section 03)")pb"},
    RuleRow{RuleId::timeline_order, "timeline-order", RuleKind::record, Severity::error,
            R"pb("Incident Timeline Stub")pb"},
    RuleRow{RuleId::timeline_matches_comms, "timeline-matches-comms", RuleKind::record, Severity::error,
            R"pb("Customer first notified")pb"},
    RuleRow{RuleId::timestamp_utc, "timestamp-utc", RuleKind::loader, Severity::warning,
            R"pb("TIMESTAMP (UTC)")pb"},
    RuleRow{RuleId::future_timestamp, "future-timestamp", RuleKind::record, Severity::error,
            "SPEC §9"},
    RuleRow{RuleId::comms_sequence, "comms-sequence", RuleKind::record, Severity::error,
            R"pb("Scripted Update Cadences")pb"},
    RuleRow{RuleId::comms_complete, "comms-complete", RuleKind::record, Severity::error,
            R"pb("TEMPLATE — complete all fields before sending")pb"},
    RuleRow{RuleId::update_promise_kept, "update-promise-kept", RuleKind::record, Severity::error,
            R"pb("Next update by: [Date and time — do not miss this commitment]")pb"},
    RuleRow{RuleId::update_overdue, "update-overdue", RuleKind::record, Severity::error,
            R"pb("We will provide a further update by [time] regardless of progress.")pb"},
    RuleRow{RuleId::update_cadence, "update-cadence", RuleKind::record, Severity::warning,
            R"pb("Scripted Update Cadences")pb"},
    RuleRow{RuleId::comms_status_consistent, "comms-status-consistent", RuleKind::record, Severity::error,
            R"pb("Confirm current status: ongoing, contained, or resolved")pb"},
    RuleRow{RuleId::speculative_language, "speculative-language", RuleKind::record, Severity::warning,
            R"pb("Get written confirmation from technical owner before stating facts to customer")pb"},
    RuleRow{RuleId::pir_promise, "pir-promise", RuleKind::record, Severity::error,
            R"pb("Deliver written PIR to customer within 10 business days.")pb"},
    RuleRow{RuleId::pir_scheduled, "pir-scheduled", RuleKind::record, Severity::error,
            R"pb("Schedule within 5 business days of resolution.")pb", Severity::info},
    RuleRow{RuleId::pir_schedule_window, "pir-schedule-window", RuleKind::record, Severity::error,
            R"pb("Schedule within 5 business days of resolution.")pb"},
    RuleRow{RuleId::pir_delivery_window, "pir-delivery-window", RuleKind::record, Severity::error,
            R"pb("Deliver written PIR to customer within 10 business days.")pb"},
    RuleRow{RuleId::pir_attendees, "pir-attendees", RuleKind::record, Severity::error,
            R"pb("Attend with: Escalation Lead, Engineering Lead, CSM, Customer Primary Contact.")pb"},
    RuleRow{RuleId::pir_lessons_logged, "pir-lessons-logged", RuleKind::record, Severity::warning,
            R"pb("Internal lessons-learned log to be updated by Escalation Lead.")pb"},
    RuleRow{RuleId::readout_impact, "readout-impact", RuleKind::record, Severity::error,
            R"pb("Customer impact summary (2–3 sentences, facts only):")pb"},
    RuleRow{RuleId::readout_actions, "readout-actions", RuleKind::record, Severity::error,
            R"pb("Resolution actions (bullet list, max 5):")pb"},
    RuleRow{RuleId::readout_sla, "readout-sla", RuleKind::record, Severity::error,
            R"pb("SLA status: Breached / Within SLA (circle) Breach detail: _____")pb"},
    RuleRow{RuleId::readout_sentiment, "readout-sentiment", RuleKind::record, Severity::warning,
            R"pb("Customer sentiment post-resolution: _____")pb"},
    RuleRow{RuleId::commitment_incomplete, "commitment-incomplete", RuleKind::record, Severity::error,
            R"pb("Follow-up commitments and owner:")pb"},
    RuleRow{RuleId::commitment_overdue, "commitment-overdue", RuleKind::record, Severity::warning,
            R"pb("COMMITMENT OWNER DUE DATE")pb"},
    RuleRow{RuleId::severity_criteria, "severity-criteria", RuleKind::record, Severity::warning,
            R"pb("Severity definitions:")pb"},
    RuleRow{RuleId::readout_one_page, "readout-one-page", RuleKind::build, Severity::error,
            R"pb("Keep to a single page.")pb"},
    RuleRow{RuleId::readout_glyph, "readout-glyph", RuleKind::build, Severity::warning,
            "SPEC §4"},
    RuleRow{RuleId::draft_syntax, "draft-syntax", RuleKind::draft, Severity::error,
            "SPEC §5"},
    RuleRow{RuleId::draft_subject_format, "draft-subject-format", RuleKind::draft, Severity::warning,
            R"pb("Subject: [ACCOUNT NAME] — Escalation Update [#N]: [BRIEF DESCRIPTION]")pb"},
    RuleRow{RuleId::draft_placeholder, "draft-placeholder", RuleKind::draft, Severity::error,
            R"pb("TEMPLATE — complete all fields before sending")pb"},
    RuleRow{RuleId::draft_missing_field, "draft-missing-field", RuleKind::draft, Severity::error,
            R"pb("TEMPLATE — complete all fields before sending")pb"},
    RuleRow{RuleId::draft_status_value, "draft-status-value", RuleKind::draft, Severity::error,
            R"pb("Current status: [Ongoing / Contained / Resolved]")pb"},
    RuleRow{RuleId::draft_next_update, "draft-next-update", RuleKind::draft, Severity::error,
            R"pb("Next update by: [Date and time — do not miss this commitment]")pb"},
    RuleRow{RuleId::draft_internal_footer, "draft-internal-footer", RuleKind::draft, Severity::error,
            "SPEC §5"},
    RuleRow{RuleId::draft_record_mismatch, "draft-record-mismatch", RuleKind::draft, Severity::error,
            "SPEC §5"},
};

namespace detail {
constexpr bool rows_follow_the_enum() {
  for (std::size_t i = 0; i < kRuleRows.size(); ++i)
    if (static_cast<std::size_t>(kRuleRows[i].rule) != i) return false;
  return true;
}
}  // namespace detail
static_assert(detail::rows_follow_the_enum(), "kRuleRows must list RuleId's enumerators in order");
static_assert(static_cast<std::size_t>(RuleId::draft_record_mismatch) + 1 == kRuleRows.size(),
              "every RuleId has a row");

constexpr const RuleRow& rule_row(RuleId rule) { return kRuleRows[static_cast<std::size_t>(rule)]; }
constexpr std::string_view rule_name(RuleId rule) { return rule_row(rule).id; }

// The row of a kebab-case id; nullptr for an unknown id (a custom lint.patterns id, a typo).
const RuleRow* find_rule_row(std::string_view id);

// A finding of `rule`: its id and its row's default severity; the emitter fills in the rest.
Diagnostic make_finding(RuleId rule);

// What a finding's message ends with: ` (playbook: "Keep to a single page.")` for a rule the
// playbook asks for, nothing for a rule only SPEC asks for.
std::string playbook_citation(RuleId rule);

}  // namespace esc
