// speculative-language: hedging ("we think", "probably", "might") in a factual field.
#include <algorithm>
#include <optional>

#include "core/text.h"
#include "load/presence.h"
#include "model/escalation.h"
#include "rules/rule.h"

namespace esc {

namespace {

// Where every value of the record starts, and whether it is a block collection (whose key sits
// on an earlier line than the mark itself). Used to prove that a scalar ends on its own line.
struct Start {
  Mark mark;
  bool collection = false;
};

class StartCollector {
 public:
  std::vector<Start> starts;
  template <class T> void val(const Val<T>& v) {
    if (v) scalar(v.loc);
  }
  void scalar(const Loc& loc) { add(loc.mark, false); }
  void collection(const Loc& loc) { add(loc.mark, true); }
  void texts(const Val<TextList>& list) {
    if (!list) return;
    collection(list.loc);
    for (const Text& t : *list) val(t);
  }

 private:
  void add(Mark m, bool is_collection) {
    if (m.line > 0) starts.push_back({m, is_collection});
  }
};

std::vector<Start> value_starts(const Record& r) {
  StartCollector c;
  c.val(r.version); c.val(r.id); c.val(r.title); c.val(r.summary);
  c.collection(r.account.loc); c.val(r.account.name); c.val(r.account.contract_tier);
  c.val(r.severity); c.val(r.status);
  c.collection(r.escalation_lead.loc); c.val(r.escalation_lead.name);
  c.val(r.escalation_lead.title); c.val(r.escalation_lead.contact);
  c.collection(r.triage.loc); c.val(r.triage.genuine);
  const Impact& im = r.triage.impact;
  if (im.present) c.collection(im.loc);
  c.val(im.outage); c.val(im.customers_affected); c.val(im.revenue_at_risk); c.val(im.sla);
  c.val(im.reputational_exposure); c.val(im.regulatory_exposure);
  c.val(im.workaround_available); c.val(im.customer_exec_escalation);
  const Facts& f = r.facts;
  if (f.present) c.collection(f.loc);
  c.val(f.root_cause); c.val(f.root_cause_status); c.texts(f.affected); c.val(f.status);
  c.val(f.confirmed_by); c.val(f.confirmed_at); c.val(f.confirmation_ref);
  c.val(r.owners_confirmed_at);
  if (r.stakeholders) {
    c.collection(r.stakeholders.loc);
    for (const Stakeholder& s : *r.stakeholders) {
      c.collection(s.loc); c.val(s.role); c.val(s.name); c.val(s.contact); c.val(s.owner);
    }
  }
  if (r.timeline) {
    c.collection(r.timeline.loc);
    for (const TimelineRow& row : *r.timeline) {
      c.collection(row.loc); c.val(row.milestone); c.val(row.event); c.val(row.at);
      c.val(row.confirmed_by); c.val(row.owner); c.val(row.note);
    }
  }
  if (r.communications) {
    c.collection(r.communications.loc);
    for (const Communication& m : *r.communications) {
      c.collection(m.loc); c.val(m.type); c.val(m.number); c.val(m.sent_at); c.val(m.owner);
      c.val(m.status); c.val(m.impact); c.val(m.progress);
      if (m.next_action.present) c.collection(m.next_action.loc);
      c.val(m.next_action.action); c.val(m.next_action.owner); c.val(m.next_action.eta);
      c.val(m.next_update_by); c.val(m.resolution_summary); c.texts(m.actions_taken);
      c.texts(m.preventative_measures); c.val(m.pir_share_by); c.texts(m.to); c.texts(m.cc);
    }
  }
  if (r.pir.present) c.collection(r.pir.loc);
  c.val(r.pir.scheduled_for); c.val(r.pir.delivered_at); c.val(r.pir.lessons_logged);
  if (r.pir.attendees) {
    c.collection(r.pir.attendees.loc);
    for (const Val<Role>& a : *r.pir.attendees) c.scalar(a.loc);
  }
  if (r.readout.present) c.collection(r.readout.loc);
  c.val(r.readout.impact_summary); c.texts(r.readout.resolution_actions);
  c.val(r.readout.sla_breach_detail); c.val(r.readout.customer_sentiment);
  if (r.readout.commitments) {
    c.collection(r.readout.commitments.loc);
    for (const Commitment& cm : *r.readout.commitments) {
      c.collection(cm.loc); c.val(cm.commitment); c.val(cm.owner); c.val(cm.due);
    }
  }
  if (r.waivers) {
    c.collection(r.waivers.loc);
    for (const Waiver& w : *r.waivers) {
      c.collection(w.loc); c.val(w.rule); c.val(w.reason); c.val(w.approved_by);
    }
  }
  return c.starts;
}

// True when the text's mark is the first character of its value and the value sits on that one
// line, so mark.col + offset is the column of a word inside it. The typed record keeps neither
// the scalar's style nor its end, so this is proven indirectly and conservatively:
// - a plain scalar cannot hold a line break, start with an indicator or surrounding space, or
//   contain ": " or " #"; a value that does was quoted or is a block scalar;
// - the next value in the file starts on the next line (or the same line, in a flow list), or
//   is a block collection two lines down (its key is on the line in between).
// Anything else (the last value of the file, comments or blank lines after it) points at the
// field instead.
// A quoted value (the loader remembers its quote) is on one line by the same test of the next
// value; its text starts one column after the mark, at the quote. (Escapes such as "\u00e9"
// before the word would still shift it; they are rare in prose.)
bool single_plain_line(const Text& text, const std::vector<Start>& starts) {
  const std::string& v = *text.value;
  if (v.empty() || v.find('\n') != std::string::npos) return false;
  if (text.loc.quote == 0) {
    if (v.find(": ") != std::string::npos || v.find(" #") != std::string::npos) return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@` \t").find(v.front()) != std::string_view::npos) return false;
    if (v.back() == ' ' || v.back() == '\t' || v.back() == ':') return false;
  }
  const Mark at = text.loc.mark;
  const Start* next = nullptr;
  for (const Start& s : starts)
    if (at < s.mark && (!next || s.mark < next->mark)) next = &s;
  if (!next) return false;
  return next->mark.line <= at.line + 1 || (next->collection && next->mark.line == at.line + 2);
}

// The playbook line that asks for facts in a field, quoted in the finding.
namespace hint {
constexpr std::string_view kRootCause = "Confirm root cause hypothesis (not assumption)";
constexpr std::string_view kSummary =
    "Get written confirmation from technical owner before stating facts to customer";
constexpr std::string_view kImpact = "Impact: [Describe known impact clearly and factually]";
constexpr std::string_view kProgress = "Progress since last update: [Factual description only]";
constexpr std::string_view kResolution = "Resolution summary: [Concise factual summary]";
constexpr std::string_view kReadoutImpact = "Customer impact summary (2–3 sentences, facts only)";
}  // namespace hint

// `starts` are the record's value starts (value_starts()), worked out at the first finding:
// most records have none.
void check_text(const Text& text, std::string_view playbook, const Record& record,
                std::optional<std::vector<Start>>& starts, Findings& findings) {
  if (!text || text->empty()) return;
  const std::vector<TextMatch> found = find_speculative(*text);
  if (found.empty()) return;
  if (!starts) starts = value_starts(record);
  const bool inside = single_plain_line(text, *starts);
  for (const TextMatch& m : found) {
    Loc loc = text.loc;
    if (inside)
      loc.mark.col += (text.loc.quote != 0 ? 1 : 0) +
                      static_cast<int>(utf8_length(std::string_view(*text).substr(0, m.offset)));
    // Appended piece by piece: GCC 12 at -O3 warns (-Wrestrict, a false positive) on
    // "literal" + std::string&& chains.
    std::string message = "'";
    message += one_line(m.text);
    message += "' is speculative language in ";
    message += text.loc.path;
    message += "; state confirmed facts only";
    findings.add_citing(playbook, loc, std::move(message));
  }
}

// Only where the record states a fact: the root cause, the impact, the status and progress, and
// the summaries the customer or the executives read. Actions, plans, promises, the SLA breach
// detail (contract terms: "credits may be due under clause 7.2") and sentiment are not.
void check(const RuleContext& ctx, Findings& findings) {
  const Record& r = ctx.record;
  std::optional<std::vector<Start>> starts;
  check_text(r.summary, hint::kSummary, r, starts, findings);
  if (r.facts.present) check_text(r.facts.root_cause, hint::kRootCause, r, starts, findings);
  for (const Communication& c : r.comms()) {
    check_text(c.impact, hint::kImpact, r, starts, findings);
    check_text(c.progress, hint::kProgress, r, starts, findings);
    check_text(c.resolution_summary, hint::kResolution, r, starts, findings);
  }
  if (r.readout.present) check_text(r.readout.impact_summary, hint::kReadoutImpact, r, starts, findings);
}

}  // namespace

// The same check over a draft's subject and body (draft_speculative_language.cpp).
void check_draft_speculative_language(const DraftContext& ctx, DraftFindings& findings);

extern const RuleInfo kSpeculativeLanguageRule = {
    .rule = RuleId::speculative_language,
    .summary =
        "factual fields use hedging (\"we think\", \"probably\", \"might\", \"appears to\", "
        "\"hopefully\", \"should be fixed\")",
    .description =
        "Looks for hedging phrases (\"we think\", \"we believe\", \"we suspect\", \"probably\", "
        "\"possibly\", \"perhaps\", \"likely\", \"might\", \"maybe\", \"may have\", \"may be\", "
        "\"appears to\", \"seems to\", \"hopefully\", \"should be fixed\", \"not sure\" ...; "
        "whole words, any case) where the record states a fact: the root cause "
        "(`facts.root_cause`), the impact and status stated to the customer (communications' "
        "`impact`, `progress` and `resolution_summary`) and the summaries people read "
        "(`summary`, the readout's `impact_summary`). Each phrase is one warning whose hint "
        "quotes the playbook line for that field. It points at the phrase itself when the value "
        "is a plain scalar on one line, and at the start of the field otherwise (quoted, block "
        "and multi-line scalars). A modal that states a fact conditionally is not a hedge: one "
        "that picks out a set of things (\"requests that may have been rejected\", \"customers "
        "who might have seen errors\") or states an entitlement (\"service credits may be due "
        "under clause 7.2\"; \"may be due to\" gives a cause and stays a hedge). Actions "
        "(`actions_taken`, `resolution_actions`), plans and promises (`next_action`, "
        "`preventative_measures`, commitments), the SLA breach detail (contract terms) and "
        "sentiment are not checked. `lint-comms` applies the same check to drafts.",
    .rationale =
        "The playbook asks for facts only: \"Confirm root cause hypothesis (not assumption)\", "
        "Impact \"[Describe known impact clearly and factually]\", Progress \"[Factual "
        "description only]\", \"Customer impact summary (2–3 sentences, facts only)\". A hedge "
        "in a customer update becomes a commitment the customer holds you to, or a retraction "
        "later.",
    .bad_example =
        "communications:\n  - type: progress\n    number: 1\n"
        "    progress: The certificate was probably replaced and should be fixed soon.\n",
    .good_example =
        "communications:\n  - type: progress\n    number: 1\n"
        "    progress: The expired certificate has been replaced on the primary gateway and is "
        "being verified.\n",
    .check = check,
    .draft_check = check_draft_speculative_language,
};

}  // namespace esc
