#include "render/email.h"

#include <cstdio>
#include <optional>

#include "core/rule_registry.h"
#include "core/text.h"
#include "core/time.h"
#include "model/milestone_updates.h"
#include "model/escalation.h"
#include "render/mime.h"

namespace esc {

std::string email_filename(const Communication& c) {
  if (!c.type) {
    char nn[16];
    std::snprintf(nn, sizeof nn, "%02d", c.index + 1);
    return std::string(nn) + "-communication.eml";
  }
  return email_filename(static_cast<std::size_t>(c.index), *c.type,
                        c.number ? std::optional<long long>(*c.number) : std::nullopt);
}

std::string email_filename(std::size_t index, CommType type, std::optional<long long> number) {
  char nn[32];
  std::snprintf(nn, sizeof nn, "%02zu", index + 1);
  std::string name = std::string(nn) + "-" + std::string(name_of(type));
  if (type == CommType::progress && number) name += concat({"-", std::to_string(*number)});
  return name + ".eml";
}

namespace {

// Collects template values; remembers the first field that is missing or a placeholder.
class Values {
 public:
  TemplateValues values;
  std::optional<std::pair<Loc, std::string>> missing;

  void text(const std::string& key, const Text& v, const std::string& what) {
    if (!v || is_unfilled(*v)) {
      fail(v.loc, what);
      return;
    }
    values.strings[key] = one_line(*v);
  }
  void time(const std::string& key, const Val<Timestamp>& v, const std::string& what) {
    if (!v) return fail(v.loc, what);
    values.strings[key] = format_human(v->utc);
  }
  void list(const std::string& key, const Val<TextList>& v, const std::string& what) {
    if (!v || v->empty()) return fail(v.loc, what);
    std::vector<std::string> items;
    for (const Text& t : *v) {
      if (!t || is_unfilled(*t)) return fail(t.loc, what);
      items.push_back(one_line(*t));
    }
    values.lists[key] = items;
  }
  void fail(const Loc& loc, const std::string& what) {
    if (!missing) missing = std::make_pair(loc, what);
  }
};

// "<id.NN@domain>". Its left side is a dot-atom (RFC 5322): a dot only alone between other
// characters. An id may hold dots anywhere but first ("A.", "a..b"); a dot that cannot stand
// is written "=2E" ('=' is never in an id, so two ids never share a Message-ID).
std::string message_id(const Record& r, std::size_t index, const std::string& domain) {
  const std::string& id = *r.id;
  std::string left;
  for (std::size_t i = 0; i < id.size(); ++i) {
    const bool stands = !left.empty() && left.back() != '.' && i + 1 < id.size();  // ".NN" follows the id
    if (id[i] == '.' && !stands)
      left += "=2E";
    else
      left += id[i];
  }
  char nn[32];
  std::snprintf(nn, sizeof nn, "%02zu", index + 1);
  return "<" + left + "." + nn + "@" + domain + ">";
}
std::string message_id(const Record& r, const Communication& c, const std::string& domain) {
  return message_id(r, static_cast<std::size_t>(c.index), domain);
}

std::optional<mime::Address> address_of(const Stakeholder* s) {
  if (!s || !s->contact || !mime::is_email_address(*s->contact)) return std::nullopt;
  return mime::Address{s->name ? *s->name : "", *s->contact};
}

}  // namespace

namespace {

// The configured domain, else the escalation lead's (dana@example.co.jp -> example.co.jp), else
// example.com: stable for a record, so threading holds across rebuilds.
std::string message_id_domain(const Record& r, const std::string& configured) {
  if (!configured.empty()) return configured;
  if (r.escalation_lead.contact) {
    const std::string& contact = *r.escalation_lead.contact;
    const auto at = contact.rfind('@');
    if (at != std::string::npos && is_domain_name(std::string_view(contact).substr(at + 1)))
      return contact.substr(at + 1);
  }
  return "example.com";
}

}  // namespace

std::string communication_message_id(const Record& r, std::size_t index, const std::string& configured_domain) {
  return message_id(r, index, message_id_domain(r, configured_domain));
}

GridRecipients grid_recipients(const Record& r, CommType type) {
  GridRecipients out;
  out.to = address_of(r.stakeholder(Role::customer_primary));
  // The model decides who the grid reaches (it also tells status who has not heard since a
  // key milestone); the order of the Cc is the grid's.
  for (Role role : {Role::customer_exec_sponsor, Role::csm})
    if (model::grid_reaches(role, type))
      if (auto a = address_of(r.stakeholder(role))) out.cc.push_back(*a);
  return out;
}

std::optional<std::string> compose_email(const EmailMessage& m) {
  std::string msg;
  bool injected = false;
  auto header = [&](std::string_view name, const std::string& value) {
    if (auto h = mime::header_field(name, value)) msg += *h;
    else injected = true;
  };
  header("From", mime::format_address(m.from));
  header("To", mime::format_address_list(m.to));
  if (!m.cc.empty()) header("Cc", mime::format_address_list(m.cc));
  header("Subject", mime::encode_unstructured(m.subject));
  header("Date", format_rfc5322(m.date));
  header("Message-ID", m.message_id);
  if (!m.in_reply_to.empty()) {
    header("In-Reply-To", m.in_reply_to);
    header("References", m.in_reply_to);
  }
  header("MIME-Version", "1.0");
  header("Content-Type", "text/plain; charset=UTF-8");
  header("Content-Transfer-Encoding", "quoted-printable");
  // The loader rejects control characters, so this is a second line of defence.
  if (injected) return std::nullopt;
  msg += "\r\n";
  msg += mime::quoted_printable(m.body);
  return msg;
}

EmailBuild build_emails(const Record& r, const EmailTemplates& templates, const EmailOptions& options) {
  EmailBuild out;
  if (!r.id) return out;
  const std::string domain = message_id_domain(r, options.sender_domain);
  const Communication* initial = first_communication(r);
  for (const Communication& c : r.comms()) {
    if (!c.type) continue;
    std::string file = email_filename(c);
    auto finding = [&](const Loc& loc, const std::string& message) {
      Diagnostic d = make_finding(RuleId::comms_complete);
      d.file = r.file;
      d.mark = loc.mark;
      d.node_path = loc.path;
      d.record_id = *r.id;
      d.message = message + playbook_citation(RuleId::comms_complete);
      out.findings.push_back(std::move(d));
    };

    Values v;
    const Stakeholder* primary = r.stakeholder(Role::customer_primary);
    v.text("account", r.account.name, "account.name");
    v.text("title", r.title, "title");
    if (primary) v.text("customer_name", primary->name, "the customer primary contact's name");
    else v.fail(r.stakeholders.loc, "a customer_primary stakeholder");
    // Signed by whoever was the Escalation Lead when it was sent (previous_leads record handovers).
    const Person lead = c.sent_at ? lead_at(r, c.sent_at->utc) : r.escalation_lead;
    const std::string lead_path = lead.loc.path.empty() ? "escalation_lead" : lead.loc.path;
    v.text("lead_name", lead.name, lead_path + ".name");
    v.text("lead_title", lead.title, lead_path + ".title");
    v.text("lead_contact", lead.contact, lead_path + ".contact");
    v.time("sent_at", c.sent_at, "sent_at");
    switch (*c.type) {
      case CommType::initial:
        if (c.status) v.values.strings["status"] = capitalise(name_of(*c.status));
        else v.fail(c.status.loc, "status");
        v.text("summary", r.summary, "summary");
        v.text("impact", c.impact, "impact");
        v.time("next_update_by", c.next_update_by, "next_update_by");
        break;
      case CommType::progress:
        if (c.status) v.values.strings["status"] = capitalise(name_of(*c.status));
        else v.fail(c.status.loc, "status");
        if (c.number) v.values.strings["number"] = std::to_string(*c.number);
        else v.fail(c.number.loc, "number");
        v.text("progress", c.progress, "progress");
        v.text("next_action", c.next_action.action, "next_action.action");
        v.text("next_action_owner", c.next_action.owner, "next_action.owner");
        v.time("next_action_eta", c.next_action.eta, "next_action.eta");
        v.time("next_update_by", c.next_update_by, "next_update_by");
        break;
      case CommType::resolution: {
        const TimelineRow* opened = r.milestone(Milestone::escalation_opened);
        if (opened && opened->at) v.values.strings["opened_date"] = format_human_date(utc_date(opened->at->utc));
        else v.fail(r.timeline.loc, "the escalation_opened milestone");
        const TimelineRow* resolved = r.milestone(Milestone::resolution_confirmed);
        if (resolved && resolved->at) v.values.strings["resolved_at"] = format_human(resolved->at->utc);
        else v.fail(r.timeline.loc, "the resolution_confirmed milestone");
        v.text("resolution_summary", c.resolution_summary, "resolution_summary");
        v.list("actions_taken", c.actions_taken, "actions_taken");
        v.list("preventative_measures", c.preventative_measures, "preventative_measures");
        if (c.pir_share_by) v.values.strings["pir_share_by"] = format_human_date(*c.pir_share_by);
        else v.fail(c.pir_share_by.loc, "pir_share_by");
        break;
      }
    }
    if (v.missing) {
      finding(v.missing->first, "email " + file + " was not written: its template needs " +
                                    v.missing->second + ", which is missing or a placeholder");
      continue;
    }
    auto rendered = render_email_template(templates.for_type(*c.type), v.values,
                                          std::string(name_of(*c.type)) + ".mustache");
    if (auto* err = std::get_if<std::string>(&rendered)) {
      out.error = *err;
      return out;
    }
    RenderedEmail& email = std::get<RenderedEmail>(rendered);
    if (options.draft) {
      email.subject = "[DRAFT] " + email.subject;
      email.body = "DRAFT — NOT FOR SENDING: built with --force from a record that still has errors.\n\n" + email.body;
    }

    // Recipients: From the person who sent it (its owner, found in the record), else the lead
    // at the time; To the customer primary contact; Cc by the grid's frequency.
    const Person sender = [&] {
      const std::optional<Person> owner = sender_of(r, c);
      return owner && owner->contact && mime::is_email_address(*owner->contact) ? *owner : lead;
    }();
    if (!sender.contact || !mime::is_email_address(*sender.contact)) {
      finding(sender.contact.loc,
              "email " + file + " was not written: " + lead_path + ".contact is not an e-mail address");
      continue;
    }
    mime::Address from{sender.name ? *sender.name : "", *sender.contact};
    std::vector<mime::Address> to, cc;
    bool bad_address = false;
    auto overrides = [&](const Val<TextList>& list, std::vector<mime::Address>& into) {
      for (const Text& t : *list) {
        if (!t || !mime::is_email_address(*t)) {
          finding(t.loc, "email " + file + " was not written: '" + (t ? *t : std::string()) +
                             "' is not an e-mail address");
          bad_address = true;
          return;
        }
        into.push_back({"", *t});
      }
    };
    if (c.to) {
      overrides(c.to, to);
    } else if (auto a = grid_recipients(r, *c.type).to) {
      to.push_back(*a);
    } else {
      finding(primary ? primary->contact.loc : r.stakeholders.loc,
              "email " + file + " was not written: the customer primary contact has no e-mail address");
      continue;
    }
    if (c.cc) {
      overrides(c.cc, cc);
    } else {
      cc = grid_recipients(r, *c.type).cc;
    }
    if (bad_address) continue;
    if (to.empty()) {
      finding(c.loc, "email " + file + " was not written: it has no recipient");
      continue;
    }

    EmailMessage m{from, to, cc, email.subject, c.sent_at->utc, message_id(r, c, domain), "", email.body};
    if (initial && initial != &c && initial->type) m.in_reply_to = message_id(r, *initial, domain);
    std::optional<std::string> composed = compose_email(m);
    if (!composed) {
      finding(c.loc, "email " + file + " was not written: a header value holds a line break or control character");
      continue;
    }
    std::string msg = std::move(*composed);
    out.emails.push_back({file, std::move(msg)});
  }
  return out;
}

}  // namespace esc
