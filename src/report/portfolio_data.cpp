// `escalate report --format csv|json`: the rows for spreadsheets and BI tools.
#include <nlohmann/json.hpp>

#include "report/portfolio.h"

namespace esc::portfolio {

namespace {

using json = nlohmann::ordered_json;
namespace chr = std::chrono;

constexpr int kJsonVersion = 1;

std::string date_text(const std::optional<Date>& d) { return d ? format_iso_date(*d) : std::string(); }
std::string instant_text(const std::optional<Instant>& t) { return t ? format_rfc3339(*t) : std::string(); }
std::string minutes_text(const std::optional<chr::minutes>& m) { return m ? std::to_string(m->count()) : std::string(); }
std::string verdict_text(const std::optional<model::Verdict>& v) {
  return v ? std::string(model::verdict_name(*v)) : std::string();
}
std::string severity_text(const std::optional<Priority>& p) { return p ? std::string(name_of(*p)) : std::string(); }

// RFC 4180: quoted when it holds a comma, quote or line end. A text that a spreadsheet would
// read as a formula (= + - @, tab, CR at the start) gets a leading apostrophe (OWASP's advice
// for CSV injection): record texts are other people's input.
std::string csv_text(std::string_view s) {
  std::string v(s);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(0, 1, '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string findings_text(const Row& row) {
  std::string out;
  for (const auto& [rule, n] : row.findings) {
    if (!out.empty()) out += ' ';
    out += rule + ":" + std::to_string(n);
  }
  return out;
}

std::string owed_text(const Row& row) {
  std::string out;
  for (const CommitmentLine& c : row.commitments) {
    if (c.state != model::CommitmentState::State::overdue) continue;
    if (!out.empty()) out += "; ";
    out += (c.owner.empty() ? "(no owner)" : c.owner) + ": " + c.commitment + " (due " + date_text(c.due) + ")";
  }
  return out;
}

constexpr const char* kColumns[] = {
    "id", "file", "account", "severity", "status", "opened", "opened_month", "first_signal",
    "triage_minutes", "triage_target", "triage_verdict", "first_notification_minutes",
    "facts_confirmed_before_first_notification", "containment_minutes", "resolution_minutes",
    "promises_kept", "promises_missed", "promises_open", "promises_overdue", "worst_miss_minutes",
    "worst_miss_by", "pir_schedule_by", "pir_scheduled", "pir_schedule_verdict", "pir_delivery_by",
    "pir_delivered", "pir_delivery_verdict", "commitments_open", "commitments_done",
    "commitments_overdue", "overdue_commitments", "errors", "warnings", "findings", "load_error",
};

json optional_minutes(const std::optional<chr::minutes>& m) { return m ? json(m->count()) : json(nullptr); }
json optional_text(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }
json optional_verdict(const std::optional<model::Verdict>& v) {
  return v ? json(std::string(model::verdict_name(*v))) : json(nullptr);
}

json share_json(const Share& s) {
  json j;
  j["met"] = s.met;
  j["of"] = s.of;
  j["share"] = s.ratio() ? json(*s.ratio()) : json(nullptr);
  return j;
}

json distribution_json(const Distribution& d) {
  json j;
  j["count"] = d.count();
  const auto median = d.percentile(50), p90 = d.percentile(90);
  j["median_minutes"] = median ? json(*median) : json(nullptr);
  j["p90_minutes"] = p90 ? json(*p90) : json(nullptr);
  return j;
}

json by_severity_json(const Distribution& all, const std::array<Distribution, 3>& by) {
  json j;
  j["all"] = distribution_json(all);
  for (std::size_t i = 0; i < by.size(); ++i) j[std::string(name_of(static_cast<Priority>(i)))] = distribution_json(by[i]);
  return j;
}

json severity_counts(const std::array<std::size_t, 4>& c) {
  json j;
  j["P1"] = c[0];
  j["P2"] = c[1];
  j["P3"] = c[2];
  j["unknown"] = c[3];
  return j;
}

json commitment_json(const CommitmentLine& c, bool with_record) {
  json j;
  if (with_record) j["id"] = c.record;
  j["commitment"] = c.commitment;
  j["owner"] = optional_text(c.owner);
  j["due"] = c.due ? json(format_iso_date(*c.due)) : json(nullptr);
  j["state"] = std::string(commitment_state_name(c.state));
  j["days_overdue"] = c.days_overdue;
  return j;
}

}  // namespace

void write_csv_header(std::ostream& out) {
  bool first = true;
  for (const char* c : kColumns) {
    if (!first) out << ',';
    out << c;
    first = false;
  }
  out << "\r\n";
}

void write_csv_row(std::ostream& out, const Row& row) {
  const model::Measures& m = row.m;
  const std::string cells[] = {
      csv_text(row.id), csv_text(row.file), csv_text(row.account), severity_text(row.severity),
      row.status ? std::string(name_of(*row.status)) : std::string(), instant_text(m.opened), row.month,
      instant_text(m.first_signal), minutes_text(m.triage), csv_text(row.triage_target),
      verdict_text(m.triage_verdict), minutes_text(m.first_notification),
      m.facts_before_first_notification ? (*m.facts_before_first_notification ? "true" : "false") : "",
      minutes_text(m.containment), minutes_text(m.resolution), std::to_string(m.promises_kept),
      std::to_string(m.promises_missed), std::to_string(m.promises_open), std::to_string(m.promises_overdue),
      m.worst_miss_index ? std::to_string(m.worst_miss.count()) : std::string(), csv_text(row.worst_miss_by),
      date_text(row.pir_schedule_by), date_text(row.pir_scheduled), verdict_text(m.pir_schedule),
      date_text(row.pir_delivery_by), date_text(row.pir_delivered), verdict_text(m.pir_delivery),
      std::to_string(m.commitments_open), std::to_string(m.commitments_done), std::to_string(m.commitments_overdue),
      csv_text(owed_text(row)), std::to_string(row.errors), std::to_string(row.warnings), csv_text(findings_text(row)),
      std::string(),
  };
  static_assert(std::size(cells) == std::size(kColumns), "one cell per CSV column");
  bool first = true;
  for (const std::string& c : cells) {
    if (!first) out << ',';
    out << c;
    first = false;
  }
  out << "\r\n";
}

void write_csv_not_loaded(std::ostream& out, const NotLoaded& n) {
  out << ',' << csv_text(n.file);
  for (std::size_t i = 2; i < std::size(kColumns); ++i) out << ',';
  out << csv_text(n.message) << "\r\n";
}

void write_json_begin(std::ostream& out, Instant now, const FilterText& filters) {
  json f;
  f["since"] = optional_text(filters.since);
  f["until"] = optional_text(filters.until);
  f["severity"] = filters.severities;
  f["account"] = optional_text(filters.account);
  out << "{\n  \"version\": " << kJsonVersion << ",\n  \"now\": " << json(format_rfc3339(now)).dump(-1, ' ', false, json::error_handler_t::replace)
      << ",\n  \"filters\": " << f.dump(-1, ' ', false, json::error_handler_t::replace) << ",\n  \"escalations\": [";
}

void write_json_row(std::ostream& out, const Row& row, bool first) {
  const model::Measures& m = row.m;
  json j;
  j["id"] = row.id;
  j["file"] = row.file;
  j["account"] = optional_text(row.account);
  j["severity"] = row.severity ? json(std::string(name_of(*row.severity))) : json(nullptr);
  j["status"] = row.status ? json(std::string(name_of(*row.status))) : json(nullptr);
  j["opened"] = m.opened ? json(format_rfc3339(*m.opened)) : json(nullptr);
  j["opened_month"] = optional_text(row.month);
  j["first_signal"] = m.first_signal ? json(format_rfc3339(*m.first_signal)) : json(nullptr);
  j["triage_minutes"] = optional_minutes(m.triage);
  j["triage_target"] = row.triage_target;
  j["triage_verdict"] = optional_verdict(m.triage_verdict);
  j["first_notification_minutes"] = optional_minutes(m.first_notification);
  j["facts_confirmed_before_first_notification"] =
      m.facts_before_first_notification ? json(*m.facts_before_first_notification) : json(nullptr);
  j["containment_minutes"] = optional_minutes(m.containment);
  j["resolution_minutes"] = optional_minutes(m.resolution);
  json p;
  p["kept"] = m.promises_kept;
  p["missed"] = m.promises_missed;
  p["open"] = m.promises_open;
  p["overdue"] = m.promises_overdue;
  p["worst_miss_minutes"] = m.worst_miss_index ? json(m.worst_miss.count()) : json(nullptr);
  p["worst_miss_by"] = optional_text(row.worst_miss_by);
  j["promises"] = p;
  json pir;
  pir["schedule_by"] = row.pir_schedule_by ? json(format_iso_date(*row.pir_schedule_by)) : json(nullptr);
  pir["scheduled"] = row.pir_scheduled ? json(format_iso_date(*row.pir_scheduled)) : json(nullptr);
  pir["schedule_verdict"] = optional_verdict(m.pir_schedule);
  pir["delivery_by"] = row.pir_delivery_by ? json(format_iso_date(*row.pir_delivery_by)) : json(nullptr);
  pir["delivered"] = row.pir_delivered ? json(format_iso_date(*row.pir_delivered)) : json(nullptr);
  pir["delivery_verdict"] = optional_verdict(m.pir_delivery);
  j["pir"] = pir;
  json c;
  c["open"] = m.commitments_open;
  c["done"] = m.commitments_done;
  c["overdue"] = m.commitments_overdue;
  c["items"] = json::array();
  for (const CommitmentLine& line : row.commitments) c["items"].push_back(commitment_json(line, false));
  j["commitments"] = c;
  j["errors"] = row.errors;
  j["warnings"] = row.warnings;
  j["infos"] = row.infos;
  j["waived"] = row.waived;
  j["findings"] = json::object();
  for (const auto& [rule, n] : row.findings) j["findings"][rule] = n;
  out << (first ? "\n    " : ",\n    ") << j.dump(-1, ' ', false, json::error_handler_t::replace);
}

void write_json_end(std::ostream& out, const Summary& s) {
  json nl = json::array();
  for (const NotLoaded& n : s.not_loaded) nl.push_back({{"file", n.file}, {"message", n.message}});
  json a;
  a["records"] = s.records;
  a["left_out"] = s.left_out;
  a["left_out_no_opened"] = s.no_opened;
  a["not_loaded"] = s.not_loaded.size();
  a["by_severity"] = severity_counts(s.by_severity);
  a["by_month"] = json::array();
  for (const auto& [month, c] : s.by_month) {
    json row = severity_counts(c);
    row["month"] = month;
    a["by_month"].push_back(row);
  }
  json t = distribution_json(s.triage);
  t["target"] = json(std::vector<std::string>(s.triage_targets.begin(), s.triage_targets.end()));
  t["within"] = share_json(s.triage_within);
  t["pending"] = s.triage_pending;
  a["triage"] = t;
  a["first_notification"] = distribution_json(s.first_notification);
  a["facts_confirmed_before_first_notification"] = share_json(s.facts_before_notification);
  a["containment"] = by_severity_json(s.containment, s.containment_by_severity);
  a["resolution"] = by_severity_json(s.resolution, s.resolution_by_severity);
  json p;
  p["kept"] = s.promises_kept;
  p["missed"] = s.promises_missed;
  p["open"] = s.promises_open;
  p["overdue"] = s.promises_overdue;
  p["kept_share"] = share_json(s.promises);
  p["worst_misses"] = json::array();
  for (const Miss& m : s.worst_misses)
    p["worst_misses"].push_back({{"id", m.record}, {"by", m.by}, {"late_minutes", m.minutes}});
  a["promises"] = p;
  json ps = share_json(s.pir_schedule);
  ps["pending"] = s.pir_schedule_pending;
  a["pir_scheduled_within_5_business_days"] = ps;
  json pd = share_json(s.pir_delivery);
  pd["pending"] = s.pir_delivery_pending;
  a["pir_delivered_within_10_business_days"] = pd;
  json c;
  c["open"] = s.commitments_open;
  c["done"] = s.commitments_done;
  c["overdue"] = s.commitments_overdue;
  c["outstanding"] = json::array();
  for (const CommitmentLine& line : s.outstanding) c["outstanding"].push_back(commitment_json(line, true));
  a["commitments"] = c;
  std::vector<std::pair<std::string, std::pair<long long, long long>>> rules(s.findings.begin(), s.findings.end());
  std::stable_sort(rules.begin(), rules.end(), [](const auto& x, const auto& y) { return x.second.first > y.second.first; });
  a["findings_by_rule"] = json::array();
  for (const auto& [rule, n] : rules)
    a["findings_by_rule"].push_back({{"rule", rule}, {"findings", n.first}, {"escalations", n.second}});
  std::vector<std::pair<std::string, long long>> accounts(s.accounts.begin(), s.accounts.end());
  std::stable_sort(accounts.begin(), accounts.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  a["accounts"] = json::array();
  for (const auto& [name, n] : accounts) a["accounts"].push_back({{"account", name}, {"escalations", n}});
  json defs = json::array();
  for (const MetricInfo& mi : metrics())
    defs.push_back({{"id", mi.id}, {"name", mi.name}, {"definition", mi.definition},
                    {"target", mi.target.empty() ? json(nullptr) : json(std::string(mi.target))}});
  out << (s.records ? "\n  ],\n" : "],\n") << "  \"not_loaded\": " << nl.dump(-1, ' ', false, json::error_handler_t::replace) << ",\n  \"aggregates\": " << a.dump(2, ' ', false, json::error_handler_t::replace)
      << ",\n  \"metrics\": " << defs.dump(-1, ' ', false, json::error_handler_t::replace) << "\n}\n";
}

}  // namespace esc::portfolio
