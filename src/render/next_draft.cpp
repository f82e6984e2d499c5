#include "render/next_draft.h"

#include "core/text.h"
#include "load/fields.h"
#include "render/email.h"
#include "render/mime.h"

namespace esc {

namespace {

// The playbook's own words for what only a person can write (PLAYBOOK.md, "Scripted Update
// Cadences"); lint-comms' draft-placeholder knows every one of them.
constexpr const char* kImpact = "[Describe known impact clearly and factually]";
constexpr const char* kProgress = "[Factual description only]";
constexpr const char* kNextAction = "[Action]";
constexpr const char* kNextActionOwner = "[Owner]";
constexpr const char* kNextActionEta = "[ETA]";
constexpr const char* kResolutionSummary = "[Concise factual summary]";
constexpr const char* kActionsTaken = "[List key actions]";
constexpr const char* kPreventativeMeasures = "[What has been put in place]";

// A value the record states as written: present, not a placeholder, no placeholder inside.
bool stated(const Text& t) { return t && !is_placeholder_value(*t) && find_placeholders(*t).empty(); }

}  // namespace

std::string promise_text(Instant t, const TimeZone* zone) {
  std::string s = format_human(t);
  if (!zone) return s;
  const TimeZone::Local local = zone->at(t);
  if (local.offset.count() == 0) return s;
  s += " (" + format_hhmm_in(t, *zone);
  const Date day = utc_date(t + local.offset);
  if (day != utc_date(t)) s += " on " + format_human_date(day);
  return s + ")";
}

NextDraftResult draft_next(const model::Escalation& e, const Config& config, const Calendar& calendar,
                           const EmailTemplates& templates, DraftFormat format, const TimeZone* zone) {
  NextDraftResult out;
  const Record& r = e.record();
  const auto next = model::next_communication(r);
  if (!next) {
    out.nothing_owed = true;
    return out;
  }
  // A record numbers its updates up to kMaxUpdateNumber: the draft's number must load back.
  if (const auto& last = next->out_of_numbers) {
    out.out_of_numbers = model::Missing{last->path + " is already " + std::to_string(kMaxUpdateNumber) +
                                            ", the highest update number a record holds; correct it if it is a typo",
                                        *last};
    return out;
  }
  out.missing = model::missing_before_communication(r, next->type);
  // The sender and the recipients must be addresses an email can carry.
  const Person lead = e.lead();
  const std::string lead_path = lead.loc.path.empty() ? "escalation_lead" : lead.loc.path;
  if (lead.contact && !is_placeholder_value(*lead.contact) && !mime::is_email_address(*lead.contact))
    out.missing.push_back({lead_path + ".contact ('" + *lead.contact + "') is not an e-mail address (the sender)",
                           lead.contact.loc});
  const Stakeholder* primary = r.stakeholder(Role::customer_primary);
  if (primary && primary->contact && !is_placeholder_value(*primary->contact) &&
      !mime::is_email_address(*primary->contact))
    out.missing.push_back({"the customer primary contact's contact ('" + *primary->contact +
                               "') is not an e-mail address (the recipient)",
                           primary->contact.loc});
  if (!r.id) out.missing.push_back({"id is missing", r.id.loc});
  if (!out.missing.empty()) return out;

  const Instant now = to_minute(e.now());
  TemplateValues v;
  v.strings["account"] = one_line(*r.account.name);
  v.strings["title"] = one_line(*r.title);
  v.strings["customer_name"] = one_line(*primary->name);
  v.strings["lead_name"] = one_line(*lead.name);
  v.strings["lead_title"] = one_line(*lead.title);
  v.strings["lead_contact"] = one_line(*lead.contact);
  v.strings["sent_at"] = format_human(now);
  std::optional<Instant> promise;
  if (next->type != CommType::resolution) {
    v.strings["status"] = capitalise(name_of(r.status ? *r.status : Status::ongoing));
    promise = add_duration(now, config.cadence_for(*r.severity), calendar);
    v.strings["next_update_by"] = promise_text(*promise, zone);
  }
  switch (next->type) {
    case CommType::initial:
      v.strings["summary"] = one_line(*r.summary);
      v.strings["impact"] = stated(r.readout.impact_summary) ? one_line(*r.readout.impact_summary) : kImpact;
      break;
    case CommType::progress:
      v.strings["number"] = std::to_string(*next->number);
      v.strings["progress"] = kProgress;
      v.strings["next_action"] = kNextAction;
      v.strings["next_action_owner"] = kNextActionOwner;
      v.strings["next_action_eta"] = kNextActionEta;
      break;
    case CommType::resolution: {
      v.strings["opened_date"] = format_human_date(utc_date(*milestone_time(r, Milestone::escalation_opened)));
      v.strings["resolved_at"] = format_human(*milestone_time(r, Milestone::resolution_confirmed));
      v.strings["resolution_summary"] = kResolutionSummary;
      std::vector<std::string> actions;
      if (r.readout.resolution_actions)
        for (const Text& t : *r.readout.resolution_actions)
          if (stated(t)) actions.push_back(one_line(*t));
      if (actions.empty()) actions.push_back(kActionsTaken);
      v.lists["actions_taken"] = actions;
      v.lists["preventative_measures"] = {kPreventativeMeasures};
      // "Deliver written PIR to customer within 10 business days": the model's deadline.
      v.strings["pir_share_by"] = format_human_date(e.pir_delivery()->date);
      break;
    }
  }

  auto rendered = render_email_template(templates.for_type(next->type), v,
                                        std::string(name_of(next->type)) + ".mustache");
  if (auto* err = std::get_if<std::string>(&rendered)) {
    out.error = *err;
    return out;
  }
  const RenderedEmail& email = std::get<RenderedEmail>(rendered);

  NextDraft d;
  d.next = *next;
  d.subject = email.subject;
  d.next_update_by = promise;
  for (const TextMatch& m : find_placeholders(email.subject)) d.placeholders.push_back(m.text);
  for (const TextMatch& m : find_placeholders(email.body)) d.placeholders.push_back(m.text);

  const GridRecipients grid = grid_recipients(r, next->type);
  EmailMessage m;
  m.from = {*lead.name, *lead.contact};
  if (grid.to) m.to.push_back(*grid.to);
  m.cc = grid.cc;
  m.subject = email.subject;
  m.date = now;
  // The Message-ID the finished email gets from `escalate build` once the communication is in
  // the record, so the sent draft and the pack thread the same way.
  m.message_id = communication_message_id(r, next->index, config.sender_domain);
  if (next->index > 0) m.in_reply_to = communication_message_id(r, 0, config.sender_domain);
  m.body = email.body;
  d.from = mime::format_address(m.from);
  for (const mime::Address& a : m.to) d.to.push_back(mime::format_address(a));
  for (const mime::Address& a : m.cc) d.cc.push_back(mime::format_address(a));

  std::string stem = email_filename(next->index, next->type, next->number);
  stem.resize(stem.size() - 4);  // ".eml"
  if (format == DraftFormat::eml) {
    auto composed = compose_email(m);
    if (!composed) {
      out.missing.push_back({"a value in the headers holds a line break or control character", r.root});
      return out;
    }
    d.content = std::move(*composed);
    d.filename = *r.id + "-" + stem + ".eml";
  } else {
    d.content = "Subject: " + email.subject + "\n\n" + email.body;
    if (!d.content.ends_with('\n')) d.content += '\n';
    d.filename = *r.id + "-" + stem + ".txt";
  }
  out.draft = std::move(d);
  return out;
}

}  // namespace esc
