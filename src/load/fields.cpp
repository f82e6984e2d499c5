#include "load/fields.h"

#include <array>

#include "load/enums.h"

namespace esc {
namespace {

using F = FieldType;

// ---- small maps ----------------------------------------------------------------------------
constexpr FieldSpec kAccount[] = {
    {"name", F::string, true, "The customer account's name ([ACCOUNT NAME] in subjects)."},
    {"contract_tier", F::string, true, "The account's contract tier."},
};
constexpr Shape kAccountShape{kAccount};

constexpr FieldSpec kPerson[] = {
    {"name", F::string, true, "Full name."},
    {"title", F::string, true, "Job title, as signed in customer emails."},
    {"contact", F::string, true, "Direct contact (e-mail address)."},
};
constexpr Shape kPersonShape{kPerson};

constexpr FieldSpec kPreviousLead[] = {
    {"name", F::string, true, "Full name."},
    {"title", F::string, true, "Job title, as signed in the customer emails they sent."},
    {"contact", F::string, true, "Direct contact (e-mail address); the From of the emails they sent."},
    {"until", F::timestamp, true, "When they handed over to the next lead (UTC): the next lead leads from then."},
};
constexpr Shape kPreviousLeadShape{kPreviousLead};

constexpr FieldSpec kImpact[] = {
    {"outage", F::enumeration, true, "Extent of the outage.", enum_names<Outage>()},
    {"customers_affected", F::integer, true, "Number of customers affected.", {}, nullptr, F::string, 0},
    {"revenue_at_risk", F::number, true, "Revenue at risk, in the configured currency.", {}, nullptr, F::string, 0},
    {"sla", F::enumeration, true, "SLA status.", enum_names<Sla>()},
    {"reputational_exposure", F::enumeration, true, "Reputational exposure.", enum_names<Exposure>()},
    {"regulatory_exposure", F::boolean, true, "Regulatory or legal exposure (requires legal in the grid)."},
    {"workaround_available", F::boolean, true, "A workaround is available to the customer."},
    {"customer_exec_escalation", F::boolean, false, "The customer's executives escalated."},
};
constexpr Shape kImpactShape{kImpact};

constexpr FieldSpec kTriage[] = {
    {"genuine", F::boolean, true, "The escalation is genuine, not a mislabelled support ticket."},
    {"impact", F::mapping, true, "Business impact assessment.", {}, &kImpactShape},
};
constexpr Shape kTriageShape{kTriage};

constexpr std::array<std::string_view, 3> kConfirmableFacts = {"root_cause", "affected", "status"};
constexpr FieldSpec kConfirmation[] = {
    {"what", F::list, false, "The facts confirmed: root_cause, affected, status (default: all three).", kConfirmableFacts, nullptr, F::enumeration, 1},
    {"confirmed_by", F::string, true, "The technical owner who confirmed them in writing."},
    {"confirmed_at", F::timestamp, true, "When they were confirmed."},
    {"confirmation_ref", F::string, true, "Where the written confirmation is."},
};
constexpr Shape kConfirmationShape{kConfirmation};

constexpr FieldSpec kFacts[] = {
    {"root_cause", F::text, false, "The root cause, in one sentence."},
    {"root_cause_status", F::enumeration, false, "Whether the root cause is confirmed.", enum_names<RootCauseStatus>()},
    {"affected", F::list, false, "Affected systems, services or processes.", {}, nullptr, F::string},
    {"status", F::enumeration, false, "Current status as confirmed by the technical owner.", enum_names<Status>()},
    {"confirmed_by", F::string, false, "The technical owner who confirmed the facts in writing."},
    {"confirmed_at", F::timestamp, false, "When the facts were confirmed."},
    {"confirmation_ref", F::string, false, "Where the written confirmation is."},
    {"confirmations", F::list, false, "Each written confirmation, in order: what was confirmed, by whom, when and where; every communication is checked against what had been confirmed when it was sent.", {}, &kConfirmationShape, F::mapping},
};
constexpr Shape kFactsShape{kFacts};

constexpr FieldSpec kStakeholder[] = {
    {"role", F::enumeration, true, "The stakeholder's role in the grid.", enum_names<Role>()},
    {"name", F::string, true, "Full name."},
    {"contact", F::string, true, "Contact (e-mail address)."},
    {"frequency", F::enumeration, false, "Update frequency; defaults to the playbook grid's value.", enum_names<Frequency>()},
    {"channel", F::enumeration, false, "Channel; defaults to the playbook grid's value.", enum_names<Channel>()},
    {"owner", F::string, true, "Who owns this relationship."},
};
constexpr Shape kStakeholderShape{kStakeholder};

// ---- timeline: milestone rows and free event rows ----------------------------------------------
constexpr FieldSpec kTimelineCommon[] = {
    {"at", F::timestamp, true, "When it happened (UTC)."},
    {"note", F::text, false, "A short note."},
};
constexpr FieldSpec kMilestoneRow[] = {
    {"milestone", F::enumeration, true, "The playbook milestone.", enum_names<Milestone>()},
    {"confirmed_by", F::string, true, "Who confirmed it."},
    {"owner", F::string, true, "Who owns it."},
};
constexpr FieldSpec kEventRow[] = {
    {"event", F::string, true, "What happened (a free event row)."},
    {"owner", F::string, false, "Who owns it."},
};
constexpr Variant kTimelineVariants[] = {
    {"milestone", "", kMilestoneRow},
    {"event", "", kEventRow},
};
constexpr Shape kTimelineShape{kTimelineCommon, kTimelineVariants};

// ---- communications: initial, progress, resolution ---------------------------------------------
constexpr FieldSpec kCommCommon[] = {
    {"type", F::enumeration, true, "The template: initial, progress or resolution.", enum_names<CommType>()},
    {"sent_at", F::timestamp, true, "When it was sent (UTC)."},
    {"owner", F::string, true, "Who sent it."},
    {"to", F::list, false, "Override the To recipients (e-mail addresses).", {}, nullptr, F::string},
    {"cc", F::list, false, "Override the Cc recipients (e-mail addresses).", {}, nullptr, F::string},
};
constexpr FieldSpec kNextAction[] = {
    {"action", F::text, true, "The specific next action."},
    {"owner", F::string, true, "Who does it."},
    {"eta", F::timestamp, true, "When it is expected."},
};
constexpr Shape kNextActionShape{kNextAction};
constexpr FieldSpec kInitial[] = {
    {"status", F::enumeration, true, "Current status stated to the customer.", enum_names<Status>()},
    {"impact", F::text, true, "The known impact, clearly and factually."},
    {"next_update_by", F::timestamp, true, "The promised time of the next update."},
};
constexpr FieldSpec kProgress[] = {
    {"number", F::integer, true, "The update number, 1..N (at most 9999).", {}, nullptr, F::string, 1, kMaxUpdateNumber},
    {"status", F::enumeration, true, "Current status stated to the customer.", enum_names<Status>()},
    {"progress", F::text, true, "Progress since the last update (facts only)."},
    {"next_action", F::mapping, true, "The next action, its owner and ETA.", {}, &kNextActionShape},
    {"next_update_by", F::timestamp, true, "The promised time of the next update."},
};
constexpr FieldSpec kResolution[] = {
    {"resolution_summary", F::text, true, "A concise factual summary of the resolution."},
    {"actions_taken", F::list, true, "Key actions taken.", {}, nullptr, F::text, 1},
    {"preventative_measures", F::list, true, "What has been put in place.", {}, nullptr, F::text, 1},
    {"pir_share_by", F::date, true, "The date by which the PIR document will be shared."},
};
constexpr Variant kCommVariants[] = {
    {"type", "initial", kInitial},
    {"type", "progress", kProgress},
    {"type", "resolution", kResolution},
};
constexpr Shape kCommShape{kCommCommon, kCommVariants};

// ---- PIR, readout, waivers -----------------------------------------------------------------------
constexpr FieldSpec kPir[] = {
    {"scheduled_for", F::timestamp, false, "When the post-incident review meeting is."},
    {"attendees", F::list, false, "Roles attending the review.", enum_names<Role>(), nullptr, F::enumeration},
    {"delivered_at", F::date_or_timestamp, false, "When the written PIR was delivered to the customer."},
    {"lessons_logged", F::boolean, false, "The internal lessons-learned log was updated."},
};
constexpr Shape kPirShape{kPir};

constexpr FieldSpec kCommitment[] = {
    {"commitment", F::text, true, "What was committed to."},
    {"owner", F::string, false, "Who owns it."},
    {"due", F::date, false, "When it is due."},
    {"done", F::boolean, false, "The commitment was delivered (done_at or reference say when and where)."},
    {"done_at", F::date_or_timestamp, false, "When it was delivered; on its own it also marks the commitment done."},
    {"reference", F::string, false, "Where the delivery is recorded (a ticket, a document, an email)."},
};
constexpr Shape kCommitmentShape{kCommitment};

constexpr FieldSpec kReadout[] = {
    {"impact_summary", F::text, false, "Customer impact summary, 2-3 sentences, facts only."},
    {"resolution_actions", F::list, false, "Resolution actions, at most 5.", {}, nullptr, F::text},
    {"sla_breach_detail", F::text, false, "The SLA breach detail."},
    {"customer_sentiment", F::text, false, "Customer sentiment after resolution."},
    {"commitments", F::list, false, "Follow-up commitments.", {}, &kCommitmentShape, F::mapping},
};
constexpr Shape kReadoutShape{kReadout};

constexpr FieldSpec kWaiver[] = {
    {"rule", F::string, true, "The rule id to waive for this record."},
    {"reason", F::text, true, "Why the rule does not apply (required)."},
    {"approved_by", F::string, true, "Who approved the waiver."},
};
constexpr Shape kWaiverShape{kWaiver};

// ---- the record ------------------------------------------------------------------------------------
constexpr FieldSpec kRecord[] = {
    {"version", F::integer, true, "Record format version; must be 1.", {}, nullptr, F::string, 1, 1},
    {"id", F::id, true, "Unique id; names the output folder."},
    {"title", F::string, true, "One line; the [BRIEF DESCRIPTION] of email subjects."},
    {"summary", F::text, true, "The [issue description] of the initial notification."},
    {"account", F::mapping, true, "The affected customer account.", {}, &kAccountShape},
    {"severity", F::enumeration, true, "P1, P2 or P3 per the playbook's definitions.", enum_names<Priority>()},
    {"status", F::enumeration, true, "ongoing, contained or resolved.", enum_names<Status>()},
    {"escalation_lead", F::mapping, true, "The single accountable owner (the current one).", {}, &kPersonShape},
    {"previous_leads", F::list, false, "Leads before the current one, oldest first: who led, and until when (a handover).", {}, &kPreviousLeadShape, F::mapping},
    {"triage", F::mapping, true, "The triage checklist.", {}, &kTriageShape},
    {"facts", F::mapping, false, "Confirmed facts; required before the first communication.", {}, &kFactsShape},
    {"owners_confirmed_at", F::timestamp, false, "When every owner in the stakeholder grid was confirmed."},
    {"stakeholders", F::list, true, "The stakeholder grid.", {}, &kStakeholderShape, F::mapping},
    {"timeline", F::list, true, "Milestones and events, in order.", {}, &kTimelineShape, F::mapping},
    {"communications", F::list, false, "Customer communications, in the order sent.", {}, &kCommShape, F::mapping},
    {"pir", F::mapping, false, "The post-incident review.", {}, &kPirShape},
    {"readout", F::mapping, false, "The executive readout.", {}, &kReadoutShape},
    {"waivers", F::list, false, "Rules waived for this record, each with a reason.", {}, &kWaiverShape, F::mapping},
};
constexpr Shape kRecordShape{kRecord};

// ---- configuration ------------------------------------------------------------------------------------
constexpr FieldSpec kCadence[] = {
    {"P1", F::duration, false, "Longest promise for P1 (default 1h)."},
    {"P2", F::duration, false, "Longest promise for P2 (default 4h)."},
    {"P3", F::duration, false, "Longest promise for P3 (default 1bd)."},
};
constexpr Shape kCadenceShape{kCadence};
constexpr std::array<std::string_view, 3> kRuleSeverities = {"error", "warning", "info"};
constexpr std::array<std::string_view, 4> kRuleSettings = {"error", "warning", "info", "off"};
constexpr FieldSpec kPattern[] = {
    {"id", F::id, true, "Rule id reported for matches."},
    {"pattern", F::string, true, "An RE2 regular expression."},
    {"message", F::string, true, "The message for a match."},
    {"severity", F::enumeration, false, "error (default), warning or info.", kRuleSeverities},
};
constexpr Shape kPatternShape{kPattern};
constexpr std::array<std::string_view, 2> kDateOrders = {"day-first", "month-first"};
constexpr FieldSpec kLint[] = {
    {"patterns", F::list, false, "Custom draft patterns.", {}, &kPatternShape, F::mapping},
    {"date_order", F::enumeration, false,
     "How numeric dates in drafts read: day-first (02/11/2026 is 2 November; the default) or month-first.",
     kDateOrders},
};
constexpr Shape kLintShape{kLint};
constexpr std::array<std::string_view, 2> kCalendars = {"england-and-wales", "none"};
constexpr FieldSpec kConfig[] = {
    {"triage_window", F::duration, false, "Longest time from first signal to triage completed (default 15m)."},
    {"currency", F::string, false, "ISO 4217 currency code for revenue figures (default GBP)."},
    {"p1_revenue_threshold", F::number, false, "Revenue at risk above which an escalation is P1 (default 100000).", {}, nullptr, F::string, 0},
    {"cadence", F::mapping, false, "Longest 'next update by' promise per severity.", {}, &kCadenceShape},
    {"calendar", F::calendar, false,
     "Holiday calendar for business days: england-and-wales (built in), none, or the path of an iCalendar (.ics) "
     "file of holidays, relative to this file.",
     kCalendars},
    {"holidays", F::list, false, "Extra non-working days (YYYY-MM-DD).", {}, nullptr, F::date},
    {"sender_domain", F::string, false, "Domain of generated Message-IDs, e.g. example.co.jp (default: the domain of the escalation lead's address)."},
    {"font", F::string, false, "TrueType font for the readout PDF."},
    {"templates", F::string, false, "Folder of custom email templates."},
    {"display_timezone", F::string, false,
     "IANA time zone (e.g. Europe/London) in which status and next also show times; UTC is always shown."},
    {"exclude", F::list, false, "Files and folders that folder searches leave out: globs relative to this file's folder, gitignore style ('docs', 'mkdocs.yml', 'drafts/**').", {}, nullptr, F::string},
    {"max_file_size", F::integer, false, "Largest record accepted, in bytes (default 1048576).", {}, nullptr, F::string, 1},
    {"rules", F::any_mapping, false, "Per-rule severity: error, warning, info or off.", kRuleSettings},
    {"lint", F::mapping, false, "lint-comms settings.", {}, &kLintShape},
};
constexpr Shape kConfigShape{kConfig};

}  // namespace

const Shape& record_shape() { return kRecordShape; }
const Shape& config_shape() { return kConfigShape; }

}  // namespace esc
