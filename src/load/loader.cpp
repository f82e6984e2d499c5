#include "load/loader.h"

#include <climits>

#include "core/rule_registry.h"
#include "core/text.h"
#include "load/fields.h"
#include "load/validate.h"

namespace esc {

const TimelineRow* Record::milestone(Milestone m) const {
  if (!timeline) return nullptr;
  for (const TimelineRow& row : *timeline)
    if (row.milestone && *row.milestone == m) return &row;
  return nullptr;
}

const Stakeholder* Record::stakeholder(Role r) const {
  if (!stakeholders) return nullptr;
  for (const Stakeholder& s : *stakeholders)
    if (s.role && *s.role == r) return &s;
  return nullptr;
}

bool Confirmation::covers(std::string_view fact) const {
  if (!what) return true;
  for (const Text& t : *what)
    if (t && *t == fact) return true;
  return false;
}

const std::vector<Communication>& Record::comms() const {
  static const std::vector<Communication> none;
  return communications ? *communications : none;
}

Frequency default_frequency(Role r) {
  switch (r) {
    case Role::escalation_lead:
    case Role::engineering_lead: return Frequency::continuous;
    case Role::customer_primary:
    case Role::csm: return Frequency::per_cadence;
    case Role::customer_exec_sponsor:
    case Role::internal_exec_sponsor: return Frequency::milestones;
    case Role::legal: return Frequency::as_needed;
  }
  return Frequency::as_needed;
}

Channel default_channel(Role r) {
  switch (r) {
    case Role::customer_primary:
    case Role::customer_exec_sponsor: return Channel::email_call;
    case Role::csm: return Channel::internal_customer;
    default: return Channel::internal;
  }
}

namespace {

// Reads typed values out of a validated mapping. Values the validator rejected stay missing.
class Reader {
 public:
  // `where` is the mark to use when the node is missing (its parent mapping's).
  Reader(const YNode& map, std::string path, Mark where = {})
      : map_(map), path_(std::move(path)), mark_(map.mark.line > 0 ? map.mark : where) {}

  Loc loc() const { return {mark_, path_}; }
  std::string child_path(std::string_view key) const { return key_path(path_, key); }
  const YNode* node(std::string_view key) const { return map_.is_map() ? map_.find(key) : nullptr; }

  template <class T, class Convert> Val<T> get(std::string_view key, Convert convert) const {
    Val<T> v;
    v.loc = {mark_, child_path(key)};
    if (const YNode* n = node(key)) {
      v.loc.mark = n->mark;
      v.loc.quote = n->quote;
      v.value = convert(*n);
    }
    return v;
  }

  Text text(std::string_view key) const {
    return get<std::string>(key, [](const YNode& n) -> std::optional<std::string> {
      if (n.is_null()) return std::string();
      if (!n.is_scalar()) return std::nullopt;
      return std::string(n.scalar);
    });
  }
  Val<bool> boolean(std::string_view key) const {
    return get<bool>(key, [](const YNode& n) -> std::optional<bool> {
      bool b;
      if (scalar_is_bool(n, &b)) return b;
      return std::nullopt;
    });
  }
  // Outside [low, high] (the field table's range, which the validator reports) it stays missing.
  Val<long long> integer(std::string_view key, long long low = LLONG_MIN, long long high = LLONG_MAX) const {
    return get<long long>(key, [&](const YNode& n) -> std::optional<long long> {
      long long i;
      if (scalar_is_integer(n, &i) && i >= low && i <= high) return i;
      return std::nullopt;
    });
  }
  Val<double> number(std::string_view key) const {
    return get<double>(key, [](const YNode& n) -> std::optional<double> {
      double d;
      if (scalar_is_number(n, &d)) return d;
      return std::nullopt;
    });
  }
  template <class E> Val<E> enumeration(std::string_view key) const {
    return get<E>(key, [](const YNode& n) -> std::optional<E> {
      if (!n.is_scalar()) return std::nullopt;
      return parse_enum<E>(n.scalar);
    });
  }
  Val<Timestamp> timestamp(std::string_view key) const {
    return get<Timestamp>(key, [](const YNode& n) -> std::optional<Timestamp> {
      if (!n.is_scalar()) return std::nullopt;
      return parse_timestamp(n.scalar);
    });
  }
  Val<Date> date(std::string_view key, bool or_timestamp = false) const {
    return get<Date>(key, [or_timestamp](const YNode& n) -> std::optional<Date> {
      if (!n.is_scalar()) return std::nullopt;
      if (auto d = parse_date(n.scalar)) return d;
      if (or_timestamp)
        if (auto t = parse_timestamp(n.scalar)) return utc_date(t->utc);
      return std::nullopt;
    });
  }
  // A list whose items are read by `item(node, path)` returning std::optional<T>.
  template <class T, class Item> Val<std::vector<T>> list(std::string_view key, Item item) const {
    Val<std::vector<T>> v;
    v.loc = {mark_, child_path(key)};
    const YNode* n = node(key);
    if (!n) return v;
    v.loc.mark = n->mark;
    if (!n->is_seq()) return v;
    std::vector<T> out;
    for (std::size_t i = 0; i < n->items().size(); ++i) {
      std::string p = item_path(v.loc.path, i);
      if (auto x = item(n->items()[i], p)) out.push_back(std::move(*x));
    }
    v.value = std::move(out);
    return v;
  }
  Val<TextList> texts(std::string_view key) const {
    return list<Text>(key, [](const YNode& n, const std::string& p) -> std::optional<Text> {
      Text t;
      t.loc = {n.mark, p, n.quote};
      if (n.is_scalar()) t.value = n.scalar;
      return t;
    });
  }
  Reader sub(std::string_view key) const {
    const YNode* n = node(key);
    static const YNode empty;
    return Reader(n ? *n : empty, child_path(key), mark_);
  }
  bool present() const { return map_.is_map(); }
  Loc sub_loc() const { return {mark_, path_}; }

 private:
  const YNode& map_;
  std::string path_;
  Mark mark_;  // the node's own mark, or its parent's when it is missing
};

Person read_person(const Reader& r) {
  Person p;
  p.loc = r.sub_loc();
  p.name = r.text("name");
  p.title = r.text("title");
  p.contact = r.text("contact");
  return p;
}

Communication read_comm(const Reader& r, int index) {
  Communication c;
  c.loc = r.sub_loc();
  c.index = index;
  c.type = r.enumeration<CommType>("type");
  c.number = r.integer("number", 1, kMaxUpdateNumber);
  c.sent_at = r.timestamp("sent_at");
  c.owner = r.text("owner");
  c.status = r.enumeration<Status>("status");
  c.impact = r.text("impact");
  c.progress = r.text("progress");
  Reader na = r.sub("next_action");
  c.next_action.loc = na.sub_loc();
  c.next_action.present = na.present();
  c.next_action.action = na.text("action");
  c.next_action.owner = na.text("owner");
  c.next_action.eta = na.timestamp("eta");
  c.next_update_by = r.timestamp("next_update_by");
  c.resolution_summary = r.text("resolution_summary");
  c.actions_taken = r.texts("actions_taken");
  c.preventative_measures = r.texts("preventative_measures");
  c.pir_share_by = r.date("pir_share_by");
  c.to = r.texts("to");
  c.cc = r.texts("cc");
  return c;
}

// A YAML mapping with none of a record's keys (docs/mkdocs.yml, a CI workflow) is some other
// file that a folder search found: one finding that says so, not a dozen missing keys.
std::optional<Diagnostic> not_a_record_finding(const YNode& root, const std::string& file) {
  if (!root.is_map() || root.entries().empty()) return std::nullopt;
  std::vector<std::string> keys;
  std::size_t total = 0;
  for (const auto& [key, value] : root.entries()) {
    if (!key.is_scalar()) return std::nullopt;  // odd keys: the schema rule explains
    if (is_extension_key(key.scalar)) continue;
    for (const FieldSpec& f : record_shape().fields)
      if (f.key == key.scalar) return std::nullopt;
    if (++total <= 3) keys.push_back("'" + excerpt(key.scalar, 30) + "'");
  }
  if (keys.empty()) return std::nullopt;
  Diagnostic d = make_finding(RuleId::schema);
  d.file = file;
  d.mark = root.mark;
  std::string listed;
  for (const std::string& k : keys) listed += (listed.empty() ? "" : ", ") + k;
  d.message = "not an escalation record: none of its keys (" + listed +
              (total > 3 ? ", ..." : "") +
              ") is a record key such as 'version', 'id' or 'timeline'; exclude it (exclude: in "
              ".escalate.yaml, or --exclude)";
  return d;
}

}  // namespace

Record build_record(const YNode& root, const std::string& file) {
  Record rec;
  rec.file = file;
  Reader r(root, "");
  rec.root = {root.mark, ""};
  rec.version = r.integer("version");
  rec.id = r.text("id");
  if (rec.id && !is_valid_id(*rec.id)) rec.id.value.reset();
  rec.title = r.text("title");
  rec.summary = r.text("summary");
  Reader account = r.sub("account");
  rec.account.loc = account.sub_loc();
  rec.account.name = account.text("name");
  rec.account.contract_tier = account.text("contract_tier");
  rec.severity = r.enumeration<Priority>("severity");
  rec.status = r.enumeration<Status>("status");
  rec.escalation_lead = read_person(r.sub("escalation_lead"));
  rec.previous_leads = r.list<PreviousLead>("previous_leads", [](const YNode& n, const std::string& p) {
    Reader l(n, p);
    PreviousLead pl;
    pl.loc = l.sub_loc();
    pl.name = l.text("name");
    pl.title = l.text("title");
    pl.contact = l.text("contact");
    pl.until = l.timestamp("until");
    return std::optional<PreviousLead>(std::move(pl));
  });

  Reader triage = r.sub("triage");
  rec.triage.loc = triage.sub_loc();
  rec.triage.genuine = triage.boolean("genuine");
  Reader impact = triage.sub("impact");
  Impact& im = rec.triage.impact;
  im.loc = impact.sub_loc();
  im.present = impact.present();
  im.outage = impact.enumeration<Outage>("outage");
  im.customers_affected = impact.integer("customers_affected", 0);
  im.revenue_at_risk = impact.number("revenue_at_risk");
  im.sla = impact.enumeration<Sla>("sla");
  im.reputational_exposure = impact.enumeration<Exposure>("reputational_exposure");
  im.regulatory_exposure = impact.boolean("regulatory_exposure");
  im.workaround_available = impact.boolean("workaround_available");
  im.customer_exec_escalation = impact.boolean("customer_exec_escalation");

  Reader facts = r.sub("facts");
  Facts& f = rec.facts;
  f.loc = facts.sub_loc();
  f.present = facts.present();
  f.root_cause = facts.text("root_cause");
  f.root_cause_status = facts.enumeration<RootCauseStatus>("root_cause_status");
  f.affected = facts.texts("affected");
  f.status = facts.enumeration<Status>("status");
  f.confirmed_by = facts.text("confirmed_by");
  f.confirmed_at = facts.timestamp("confirmed_at");
  f.confirmation_ref = facts.text("confirmation_ref");
  f.confirmations = facts.list<Confirmation>("confirmations", [](const YNode& n, const std::string& p) {
    Reader c(n, p);
    Confirmation cf;
    cf.loc = c.sub_loc();
    cf.what = c.texts("what");
    cf.confirmed_by = c.text("confirmed_by");
    cf.confirmed_at = c.timestamp("confirmed_at");
    cf.confirmation_ref = c.text("confirmation_ref");
    return std::optional<Confirmation>(std::move(cf));
  });

  rec.owners_confirmed_at = r.timestamp("owners_confirmed_at");

  rec.stakeholders = r.list<Stakeholder>("stakeholders", [](const YNode& n, const std::string& p) {
    Reader s(n, p);
    Stakeholder st;
    st.loc = s.sub_loc();
    st.role = s.enumeration<Role>("role");
    st.name = s.text("name");
    st.contact = s.text("contact");
    st.owner = s.text("owner");
    st.frequency = s.enumeration<Frequency>("frequency");
    st.channel = s.enumeration<Channel>("channel");
    if (st.role && !s.node("frequency")) st.frequency.value = default_frequency(*st.role);
    if (st.role && !s.node("channel")) st.channel.value = default_channel(*st.role);
    return std::optional<Stakeholder>(std::move(st));
  });

  rec.timeline = r.list<TimelineRow>("timeline", [](const YNode& n, const std::string& p) {
    Reader t(n, p);
    TimelineRow row;
    row.loc = t.sub_loc();
    row.milestone = t.enumeration<Milestone>("milestone");
    row.event = t.text("event");
    row.at = t.timestamp("at");
    row.confirmed_by = t.text("confirmed_by");
    row.owner = t.text("owner");
    row.note = t.text("note");
    return std::optional<TimelineRow>(std::move(row));
  });

  int index = 0;
  rec.communications = r.list<Communication>(
      "communications", [&index](const YNode& n, const std::string& p) {
        return std::optional<Communication>(read_comm(Reader(n, p), index++));
      });

  Reader pir = r.sub("pir");
  rec.pir.loc = pir.sub_loc();
  rec.pir.present = pir.present();
  rec.pir.scheduled_for = pir.timestamp("scheduled_for");
  rec.pir.attendees = pir.list<Val<Role>>("attendees", [](const YNode& n, const std::string& p) {
    Val<Role> v;
    v.loc = {n.mark, p};
    if (n.is_scalar()) v.value = parse_enum<Role>(n.scalar);
    return std::optional<Val<Role>>(v);
  });
  rec.pir.delivered_at = pir.date("delivered_at", /*or_timestamp=*/true);
  rec.pir.lessons_logged = pir.boolean("lessons_logged");

  Reader ro = r.sub("readout");
  rec.readout.loc = ro.sub_loc();
  rec.readout.present = ro.present();
  rec.readout.impact_summary = ro.text("impact_summary");
  rec.readout.resolution_actions = ro.texts("resolution_actions");
  rec.readout.sla_breach_detail = ro.text("sla_breach_detail");
  rec.readout.customer_sentiment = ro.text("customer_sentiment");
  rec.readout.commitments = ro.list<Commitment>("commitments", [](const YNode& n, const std::string& p) {
    Reader c(n, p);
    Commitment cm;
    cm.loc = c.sub_loc();
    cm.commitment = c.text("commitment");
    cm.owner = c.text("owner");
    cm.due = c.date("due");
    cm.done = c.boolean("done");
    cm.done_at = c.date("done_at", /*or_timestamp=*/true);
    cm.reference = c.text("reference");
    return std::optional<Commitment>(std::move(cm));
  });

  rec.waivers = r.list<Waiver>("waivers", [](const YNode& n, const std::string& p) {
    Reader w(n, p);
    Waiver wv;
    wv.loc = w.sub_loc();
    wv.rule = w.text("rule");
    wv.reason = w.text("reason");
    wv.approved_by = w.text("approved_by");
    return std::optional<Waiver>(std::move(wv));
  });
  return rec;
}

LoadResult load_record(std::string_view text, const std::string& file, const ParseLimits& limits) {
  LoadResult out;
  // A UTF-8 byte order mark (some Windows editors write one) is not part of the first line.
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  // CR-only line ends (old Mac editors) read like LF ones; yaml-cpp alone sees one long line.
  std::string unified;
  if (text.find('\r') != std::string_view::npos) {
    unified = unify_line_ends(text);
    text = unified;
  }
  ParseResult parsed = parse_yaml(text, limits);
  if (!parsed.ok) {
    out.diagnostics.push_back(syntax_diagnostic(parsed, file));
    return out;
  }
  if (auto not_a_record = not_a_record_finding(parsed.root, file)) {
    out.diagnostics.push_back(std::move(*not_a_record));
    return out;
  }
  validate_shape(parsed.root, record_shape(), file, out.diagnostics);
  if (!parsed.root.is_map()) return out;
  out.record = build_record(parsed.root, file);
  if (out.record->id)
    for (Diagnostic& d : out.diagnostics) d.record_id = *out.record->id;
  return out;
}

}  // namespace esc
