// `escalate report -o report.html`: one self-contained page a VP can open from an email
// attachment. Inline CSS and SVG only (no script, no font, no image file, no network); every
// text goes through one escaping writer; A4 print styles and a layout that reflows on a phone.
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

#include "report/portfolio.h"

namespace esc::portfolio {

namespace {

// Writes elements; every text and attribute value is escaped here and nowhere else.
class Html {
 public:
  using Attrs = std::initializer_list<std::pair<std::string_view, std::string>>;
  explicit Html(std::ostream& out) : out_(out) {}

  static std::string escape(std::string_view s) {
    std::string o;
    o.reserve(s.size());
    for (char c : s) {
      switch (c) {
        case '&': o += "&amp;"; break;
        case '<': o += "&lt;"; break;
        case '>': o += "&gt;"; break;
        case '"': o += "&quot;"; break;
        case '\'': o += "&#39;"; break;
        default: o += c;
      }
    }
    return o;
  }
  Html& open(std::string_view tag, Attrs attrs = {}) {
    out_ << '<' << tag;
    for (const auto& [k, v] : attrs) out_ << ' ' << k << "=\"" << escape(v) << '"';
    out_ << '>';
    return *this;
  }
  Html& close(std::string_view tag) {
    out_ << "</" << tag << '>';
    return *this;
  }
  Html& text(std::string_view s) {
    out_ << escape(s);
    return *this;
  }
  // <tag attrs>text</tag>
  Html& el(std::string_view tag, std::string_view content, Attrs attrs = {}) {
    open(tag, attrs);
    text(content);
    return close(tag);
  }
  // A void element (<meta>, <line>-free HTML: only meta here) or an empty SVG shape written
  // with an explicit end tag (SVG elements may have one; HTML void elements may not).
  Html& empty(std::string_view tag, Attrs attrs = {}) {
    open(tag, attrs);
    return close(tag);
  }
  Html& meta(Attrs attrs) { return open("meta", attrs); }
  Html& raw_newline() {
    out_ << '\n';
    return *this;
  }

 private:
  std::ostream& out_;
};

const MetricInfo& metric(std::string_view id) {
  for (const MetricInfo& m : metrics())
    if (m.id == id) return m;
  return metrics().front();
}

std::string num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.ends_with(".0")) s.resize(s.size() - 2);
  return s;
}

std::string minutes_or_dash(const std::optional<int>& m) { return m ? format_minutes(*m) : "–"; }

constexpr const char* kSeverityColour[4] = {"#b42318", "#c4660b", "#2f5fb3", "#8a8f98"};
constexpr const char* kSeverityName[4] = {"P1", "P2", "P3", "unknown"};

constexpr std::string_view kStyle = R"CSS(
:root{--ink:#1d2330;--muted:#5b6475;--line:#d9dde5;--ok:#1f7a4d;--bad:#b42318;--bg:#f6f7f9}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 -apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;color:var(--ink);background:#fff}
main{max-width:62rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.15rem;margin:0 0 .4rem}
header p{margin:.1rem 0;color:var(--muted)}
section{border-top:1px solid var(--line);padding:1.1rem 0 .6rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(10.5rem,1fr));gap:.7rem;margin:1.1rem 0}
.card{border:1px solid var(--line);border-radius:8px;padding:.7rem .8rem;background:var(--bg)}
.card .v{font-size:1.55rem;font-weight:700}
.card .k{font-size:.82rem;color:var(--muted)}
.def{font-size:.84rem;color:var(--muted);margin:.2rem 0 .7rem;max-width:48rem}
.def b{color:var(--ink);font-weight:600}
.target{display:inline-block;font-size:.8rem;border:1px solid var(--line);border-radius:4px;padding:0 .35rem;margin:.1rem 0 .5rem;background:#fff}
.wrap{overflow-x:auto}
table{border-collapse:collapse;margin:.3rem 0 .8rem;font-size:.9rem;min-width:16rem}
th,td{border-bottom:1px solid var(--line);padding:.28rem .6rem .28rem 0;text-align:left;vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:.8rem}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;padding-left:.8rem;white-space:nowrap}
caption{text-align:left;font-weight:600;font-size:.85rem;padding:.2rem 0}
.bad{color:var(--bad);font-weight:600}
td.bad,td.key{white-space:nowrap}
.ok{color:var(--ok);font-weight:600}
svg{display:block;width:100%;max-width:44rem;height:auto;margin:.3rem 0 .6rem}
svg text{font:11px "DejaVu Sans",Arial,sans-serif;fill:#3d4454}
.legend{font-size:.82rem;color:var(--muted)}
.legend span{display:inline-block;width:.8em;height:.8em;border-radius:2px;margin:0 .3em 0 .8em;vertical-align:-.05em}
.files{padding-left:1.1rem}.files li{margin:.3rem 0;overflow-wrap:anywhere}.files .file{font-weight:600}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:1.2rem}
@media (max-width:40rem){main{padding:1rem .8rem 2rem}td.n,th.n{padding-left:.45rem}.grid2{grid-template-columns:1fr}h1{font-size:1.35rem}svg text{font-size:17px}}
@media print{
@page{size:A4;margin:14mm 12mm}
body{font-size:10pt}
main{max-width:none;padding:0}
h2{break-after:avoid}
.card,table,svg,.def,.target{break-inside:avoid}
.cards{grid-template-columns:repeat(3,1fr)}
.wrap{overflow:visible}
svg{max-width:100%}
}
)CSS";

void definition(Html& h, std::string_view id) {
  const MetricInfo& m = metric(id);
  h.open("p", {{"class", "def"}}).el("b", std::string(m.name) + ": ").text(m.definition).close("p");
  if (!m.target.empty()) h.open("div", {{"class", "target"}}).text("Playbook target: “").text(m.target).text("”").close("div");
}

void card(Html& h, std::string_view value, std::string_view label, std::string_view cls = "") {
  h.open("div", {{"class", "card"}});
  h.el("div", value, {{"class", cls.empty() ? std::string("v") : "v " + std::string(cls)}});
  h.el("div", label, {{"class", "k"}});
  h.close("div");
}

std::string share_class(const Share& s, double good = 0.9) {
  const auto r = s.ratio();
  if (!r) return "";
  return *r >= good ? "ok" : "bad";
}

// A round number at or above v for an axis: 1, 2, 5 × 10^k.
long long nice_ceiling(long long v) {
  if (v <= 5) return 5;
  long long p = 1;
  while (p * 10 < v) p *= 10;
  for (long long m : {1, 2, 5, 10})
    if (m * p >= v) return m * p;
  return 10 * p;
}

// How many gridline steps an axis up to `ymax` gets, so every label is a whole number.
int ticks_for(long long ymax) { return ymax % 5 == 0 ? 5 : 4; }

void legend(Html& h, bool unknown) {
  h.open("p", {{"class", "legend"}});
  for (int i = 0; i < (unknown ? 4 : 3); ++i) {
    h.open("span", {{"style", std::string("background:") + kSeverityColour[i]}}).close("span");
    h.text(kSeverityName[i]);
  }
  h.close("p");
}

// Horizontal gridlines with whole-number labels from 0 to ymax.
void grid(Html& h, long long ymax, double left, double right, double top, double plot_h) {
  const int ticks = ticks_for(ymax);
  for (int t = 0; t <= ticks; ++t) {
    const double y = top + plot_h - plot_h * t / ticks;
    h.empty("line", {{"x1", num(left)}, {"x2", num(right)}, {"y1", num(y)}, {"y2", num(y)}, {"stroke", "#e3e6ec"}});
    h.el("text", std::to_string(ymax * t / ticks), {{"x", num(left - 6)}, {"y", num(y + 4)}, {"text-anchor", "end"}});
  }
}

// Stacked bars: escalations per month, by severity.
void month_chart(Html& h, const Summary& s) {
  const std::size_t n = s.by_month.size();
  if (n == 0) return;
  const double W = 640, H = 230, left = 60, right = 10, top = 12, bottom = n <= 6 ? 34 : 52;
  long long max = 0;
  for (const auto& [month, c] : s.by_month) max = std::max<long long>(max, static_cast<long long>(c[0] + c[1] + c[2] + c[3]));
  const long long ymax = nice_ceiling(max);
  const double plot_w = W - left - right, plot_h = H - top - bottom;
  const double slot = plot_w / static_cast<double>(n);
  const double bar = std::min(48.0, slot * 0.7);
  h.open("svg", {{"viewBox", "0 0 640 230"}, {"role", "img"}, {"aria-label", "Escalations per month by severity"}});
  h.el("title", "Escalations per month by severity");
  grid(h, ymax, left, W - right, top, plot_h);
  const std::size_t label_every = n <= 18 ? 1 : (n + 17) / 18;
  std::size_t i = 0;
  for (const auto& [month, c] : s.by_month) {
    const double x = left + slot * static_cast<double>(i) + (slot - bar) / 2;
    double y = top + plot_h;
    for (int k = 0; k < 4; ++k) {
      if (c[k] == 0) continue;
      const double hgt = plot_h * static_cast<double>(c[k]) / static_cast<double>(ymax);
      y -= hgt;
      h.open("rect", {{"x", num(x)}, {"y", num(y)}, {"width", num(bar)}, {"height", num(hgt)}, {"fill", kSeverityColour[k]}});
      h.el("title", month + ": " + std::to_string(c[k]) + " " + kSeverityName[k]);
      h.close("rect");
    }
    if (i % label_every == 0) {
      if (n <= 6) {
        h.el("text", month, {{"x", num(x + bar / 2)}, {"y", num(H - bottom + 16)}, {"text-anchor", "middle"}});
      } else {  // slanted, so that neighbours never overlap (larger text on a phone)
        const std::string at = num(x + bar / 2) + " " + num(H - bottom + 8);
        h.el("text", month, {{"x", num(x + bar / 2)}, {"y", num(H - bottom + 8)}, {"text-anchor", "end"},
                             {"transform", "rotate(-35 " + at + ")"}});
      }
    }
    ++i;
  }
  h.close("svg");
}

// Horizontal bars: escalations per severity.
void severity_chart(Html& h, const Summary& s) {
  const std::size_t max = std::max<std::size_t>(1, *std::max_element(s.by_severity.begin(), s.by_severity.end()));
  const int rows = s.by_severity[3] ? 4 : 3;
  const double W = 640, left = 70, right = 50, row_h = 26;
  const double H = row_h * rows + 8;
  h.open("svg", {{"viewBox", "0 0 640 " + num(H)}, {"role", "img"}, {"aria-label", "Escalations by severity"}});
  h.el("title", "Escalations by severity");
  for (int k = 0; k < rows; ++k) {
    const double y = 4 + row_h * k;
    const double w = (W - left - right) * static_cast<double>(s.by_severity[k]) / static_cast<double>(max);
    h.el("text", kSeverityName[k], {{"x", num(left - 8)}, {"y", num(y + 15)}, {"text-anchor", "end"}});
    h.empty("rect", {{"x", num(left)}, {"y", num(y + 2)}, {"width", num(std::max(w, 1.0))}, {"height", num(row_h - 8)}, {"fill", kSeverityColour[k]}});
    h.el("text", std::to_string(s.by_severity[k]), {{"x", num(left + w + 6)}, {"y", num(y + 15)}});
  }
  h.close("svg");
}

// A histogram of minutes with the target as a dashed line: bars in time green, late red. Bin k
// holds the minutes in (k*w, (k+1)*w] (bin 0 also 0 and below), so a target that is a multiple
// of w is a bin edge and no bar straddles it; the last bin holds everything beyond.
void distribution_chart(Html& h, const Distribution& d, long long target, std::string_view what) {
  if (d.count() == 0) return;
  constexpr int kBins = 12;
  const long long span = std::max<long long>({target * 3, d.percentile(90).value_or(0), 1});
  long long width = 0;
  for (long long w : {1, 2, 3, 5, 10, 15, 20, 30, 60, 120, 240, 480, 720, 1440, 2880, 10080}) {
    if (span > w * (kBins - 1)) continue;
    if (!width) width = w;
    if (target % w == 0) {
      width = w;
      break;
    }
    if (w > 4 * width) break;
  }
  if (!width) width = (span + kBins - 2) / (kBins - 1);
  std::array<long long, kBins> bins{};
  for (int m : d.minutes) {
    const long long b = m <= 0 ? 0 : std::min<long long>(kBins - 1, (m - 1) / width);
    ++bins[static_cast<std::size_t>(b)];
  }
  const long long ymax = nice_ceiling(*std::max_element(bins.begin(), bins.end()));
  const double W = 640, H = 230, left = 60, right = 10, top = 14, bottom = 40;
  const double plot_w = W - left - right, plot_h = H - top - bottom;
  const double slot = plot_w / kBins;
  const std::string title = "Distribution of " + std::string(what) + " against the " + format_minutes(target) + " target";
  h.open("svg", {{"viewBox", "0 0 640 230"}, {"role", "img"}, {"aria-label", title}});
  h.el("title", title);
  grid(h, ymax, left, W - right, top, plot_h);
  for (int b = 0; b < kBins; ++b) {
    const long long from = b * width, to = (b + 1) * width;
    const bool last = b == kBins - 1;
    const double hgt = plot_h * static_cast<double>(bins[static_cast<std::size_t>(b)]) / static_cast<double>(ymax);
    const double x = left + slot * b;
    const bool in_time = to <= target && !last;
    const std::string range = last ? "over " + format_minutes(from) : format_minutes(b ? from + 1 : 0) + "–" + format_minutes(to);
    h.open("rect", {{"x", num(x + 1)}, {"y", num(top + plot_h - hgt)}, {"width", num(slot - 2)}, {"height", num(hgt)},
                    {"fill", in_time ? "#2e8b57" : "#c0392b"}});
    h.el("title", range + ": " + std::to_string(bins[static_cast<std::size_t>(b)]));
    h.close("rect");
    if (b % 2 == 0)
      h.el("text", std::to_string(from), {{"x", num(x)}, {"y", num(H - bottom + 14)}, {"text-anchor", "middle"}});
  }
  h.el("text", "minutes after the first signal", {{"x", num(left + plot_w / 2)}, {"y", num(H - 6)}, {"text-anchor", "middle"}});
  const double tx = left + slot * std::min<double>(kBins - 1, static_cast<double>(target) / static_cast<double>(width));
  h.empty("line", {{"x1", num(tx)}, {"x2", num(tx)}, {"y1", num(top - 4)}, {"y2", num(top + plot_h)}, {"stroke", "#1d2330"},
                   {"stroke-dasharray", "4 3"}, {"stroke-width", "1.5"}});
  h.el("text", "target " + format_minutes(target), {{"x", num(tx + 4)}, {"y", num(top + 8)}});
  h.close("svg");
}

void times_row(Html& h, const std::string& title, const Distribution& d) {
  h.open("tr").el("td", title);
  h.el("td", minutes_or_dash(d.percentile(50)), {{"class", "n"}});
  h.el("td", minutes_or_dash(d.percentile(90)), {{"class", "n"}});
  h.el("td", std::to_string(d.count()), {{"class", "n"}});
  h.close("tr");
}

void section_open(Html& h, std::string_view id, std::string_view title) {
  h.raw_newline().open("section", {{"id", std::string(id)}}).el("h2", title);
}

}  // namespace

void write_html(std::ostream& out, const Summary& s) {
  Html h(out);
  out << "<!DOCTYPE html>\n";
  h.open("html", {{"lang", "en"}}).open("head");
  h.meta({{"charset", "utf-8"}});
  h.meta({{"name", "viewport"}, {"content", "width=device-width, initial-scale=1"}});
  h.el("title", "Escalations: how the team keeps the playbook");
  h.open("style").raw_newline();
  out << kStyle;  // a constant of ours, not user text
  h.close("style").close("head").raw_newline();
  h.open("body").open("main");

  h.open("header").el("h1", "Escalations: how the team keeps the playbook");
  std::string scope = std::to_string(s.records) + (s.records == 1 ? " escalation" : " escalations") +
                      " · as of " + format_short(s.now);
  h.el("p", scope);
  std::string filters;
  auto add_filter = [&](const std::string& f) { filters += (filters.empty() ? "" : " · ") + f; };
  if (!s.filters.since.empty()) add_filter("opened since " + s.filters.since);
  if (!s.filters.until.empty()) add_filter("opened until " + s.filters.until);
  if (!s.filters.severities.empty()) {
    std::string sev;
    for (const std::string& v : s.filters.severities) sev += (sev.empty() ? "" : ", ") + v;
    add_filter("severity " + sev);
  }
  if (!s.filters.account.empty()) add_filter("account " + s.filters.account);
  if (!filters.empty()) h.el("p", "Filters: " + filters);
  if (s.left_out) h.el("p", std::to_string(s.left_out) + " more loaded records are outside the filters" +
                                (s.no_opened ? " (" + std::to_string(s.no_opened) + " without an escalation_opened time)" : ""));
  if (!s.not_loaded.empty())
    h.open("p", {{"class", "bad"}})
        .text(s.not_loaded.size() == 1 ? std::string("1 file did not load as a record: ")
                                        : std::to_string(s.not_loaded.size()) + " files did not load as records: ")
        .el("a", "see the list", {{"href", "#not-loaded"}}).close("p");
  h.close("header");

  h.open("div", {{"class", "cards"}});
  card(h, format_share(s.triage_within), "triaged within the window", share_class(s.triage_within));
  card(h, format_share(s.facts_before_notification), "facts confirmed before the first notification",
       share_class(s.facts_before_notification));
  card(h, format_share(s.promises), "customer-update promises kept", share_class(s.promises));
  card(h, format_share(s.pir_schedule), "PIRs scheduled within 5 business days", share_class(s.pir_schedule));
  card(h, format_share(s.pir_delivery), "PIRs delivered within 10 business days", share_class(s.pir_delivery));
  card(h, std::to_string(s.commitments_overdue), "commitments overdue", s.commitments_overdue ? "bad" : "ok");
  h.close("div");

  section_open(h, "escalations", metric("escalations").name);
  definition(h, "escalations");
  legend(h, s.by_severity[3] > 0);
  month_chart(h, s);
  severity_chart(h, s);
  h.open("div", {{"class", "wrap"}}).open("table").open("thead").open("tr").el("th", "Month");
  // The "unknown" column only when a record has no severity the playbook knows (as the legend).
  const int shown = s.by_severity[3] > 0 ? 4 : 3;
  for (int k = 0; k < shown; ++k) h.el("th", kSeverityName[k], {{"class", "n"}});
  h.el("th", "Total", {{"class", "n"}}).close("tr").close("thead").open("tbody");
  for (const auto& [month, c] : s.by_month) {
    h.open("tr").el("td", month, {{"class", "key"}});
    for (int k = 0; k < shown; ++k) h.el("td", std::to_string(c[k]), {{"class", "n"}});
    h.el("td", std::to_string(c[0] + c[1] + c[2] + c[3]), {{"class", "n"}}).close("tr");
  }
  h.open("tr").el("th", "All");
  for (int k = 0; k < shown; ++k) h.el("th", std::to_string(s.by_severity[k]), {{"class", "n"}});
  h.el("th", std::to_string(s.records), {{"class", "n"}}).close("tr");
  h.close("tbody").close("table").close("div").close("section");

  section_open(h, "triage", metric("triage-time").name);
  definition(h, "triage-time");
  std::string targets;
  for (const std::string& t : s.triage_targets) targets += (targets.empty() ? "" : ", ") + t;
  h.open("p").el("b", format_share(s.triage_within)).text(" within the window (" + std::to_string(s.triage_within.met) +
                                                         " of " + std::to_string(s.triage_within.of) + ")");
  if (!targets.empty()) h.text("; configured window: " + targets);
  if (s.triage_pending) h.text("; " + std::to_string(s.triage_pending) + " still inside the window");
  h.text(". Median " + minutes_or_dash(s.triage.percentile(50)) + ", 90th percentile " +
         minutes_or_dash(s.triage.percentile(90)) + ".");
  h.close("p");
  distribution_chart(h, s.triage, s.triage_target_minutes, "triage times");
  h.close("section");

  section_open(h, "times", "Times from the first signal");
  definition(h, "first-notification");
  definition(h, "containment-time");
  definition(h, "resolution-time");
  definition(h, "percentiles");
  auto times_head = [&](const char* caption) {
    h.open("div", {{"class", "wrap"}}).open("table").el("caption", caption).open("thead").open("tr").el("th", "");
    h.el("th", "median", {{"class", "n"}}).el("th", "90th percentile", {{"class", "n"}}).el("th", "escalations", {{"class", "n"}});
    h.close("tr").close("thead").open("tbody");
  };
  times_head("All severities");
  times_row(h, "Time to triage", s.triage);
  times_row(h, "Time to first customer notification", s.first_notification);
  times_row(h, "Time to containment", s.containment);
  times_row(h, "Time to resolution", s.resolution);
  h.close("tbody").close("table").close("div");
  times_head("By severity");
  for (std::size_t k = 0; k < 3; ++k) {
    times_row(h, std::string(kSeverityName[k]) + " · containment", s.containment_by_severity[k]);
    times_row(h, std::string(kSeverityName[k]) + " · resolution", s.resolution_by_severity[k]);
  }
  h.close("tbody").close("table").close("div").close("section");

  section_open(h, "facts", metric("facts-first").name);
  definition(h, "facts-first");
  h.open("p").el("b", format_share(s.facts_before_notification))
      .text(" (" + std::to_string(s.facts_before_notification.met) + " of " + std::to_string(s.facts_before_notification.of) +
            " escalations with a notification sent)")
      .close("p").close("section");

  section_open(h, "promises", metric("promises-kept").name);
  definition(h, "promises-kept");
  h.open("p").el("b", format_share(s.promises))
      .text(" kept · " + std::to_string(s.promises_kept) + " kept, " + std::to_string(s.promises_missed) + " missed, " +
            std::to_string(s.promises_overdue) + " overdue, " + std::to_string(s.promises_open) + " open")
      .close("p");
  if (!s.worst_misses.empty()) {
    h.open("div", {{"class", "wrap"}}).open("table").el("caption", "Worst misses").open("thead").open("tr");
    h.el("th", "Escalation").el("th", "Promise made in").el("th", "Late by", {{"class", "n"}}).close("tr").close("thead").open("tbody");
    for (const Miss& m : s.worst_misses)
      h.open("tr").el("td", m.record).el("td", m.by).el("td", format_minutes(m.minutes), {{"class", "n bad"}}).close("tr");
    h.close("tbody").close("table").close("div");
  }
  h.close("section");

  section_open(h, "pir", "Post-incident reviews");
  definition(h, "pir-scheduled");
  definition(h, "pir-delivered");
  h.open("div", {{"class", "wrap"}}).open("table").open("thead").open("tr").el("th", "");
  h.el("th", "In time", {{"class", "n"}}).el("th", "Decided", {{"class", "n"}}).el("th", "Share", {{"class", "n"}})
      .el("th", "Not yet due", {{"class", "n"}}).close("tr").close("thead").open("tbody");
  auto pir_row = [&](const char* name, const Share& sh, std::size_t pending) {
    h.open("tr").el("td", name).el("td", std::to_string(sh.met), {{"class", "n"}}).el("td", std::to_string(sh.of), {{"class", "n"}})
        .el("td", format_share(sh), {{"class", "n " + share_class(sh)}}).el("td", std::to_string(pending), {{"class", "n"}}).close("tr");
  };
  pir_row(metric("pir-scheduled").name.data(), s.pir_schedule, s.pir_schedule_pending);
  pir_row(metric("pir-delivered").name.data(), s.pir_delivery, s.pir_delivery_pending);
  h.close("tbody").close("table").close("div").close("section");

  section_open(h, "commitments", metric("commitments").name);
  definition(h, "commitments");
  h.open("p").text(std::to_string(s.commitments_open) + " open · ").el("span", std::to_string(s.commitments_overdue) + " overdue", {{"class", s.commitments_overdue ? "bad" : ""}})
      .text(" · " + std::to_string(s.commitments_done) + " done").close("p");
  if (!s.outstanding.empty()) {
    const long long owed = s.commitments_open + s.commitments_overdue;
    h.open("div", {{"class", "wrap"}}).open("table");
    h.el("caption", static_cast<long long>(s.outstanding.size()) < owed
                        ? "Outstanding (the first " + std::to_string(s.outstanding.size()) + " of " + std::to_string(owed) + "; the CSV lists all)"
                        : std::string("Outstanding"));
    h.open("thead").open("tr").el("th", "Escalation").el("th", "Commitment").el("th", "Owner").el("th", "Due").el("th", "State")
        .close("tr").close("thead").open("tbody");
    for (const CommitmentLine& c : s.outstanding) {
      const bool overdue = c.state == model::CommitmentState::State::overdue;
      h.open("tr").el("td", c.record, {{"class", "key"}}).el("td", c.commitment).el("td", c.owner.empty() ? "(no owner)" : c.owner)
          .el("td", c.due ? format_iso_date(*c.due) : "–", {{"class", "key"}})
          .el("td", overdue ? "overdue " + std::to_string(c.days_overdue) + " d" : std::string(c.state == model::CommitmentState::State::due_today ? "due today" : "open"),
              {{"class", overdue ? "bad" : ""}})
          .close("tr");
    }
    h.close("tbody").close("table").close("div");
  }
  h.close("section");

  h.raw_newline().open("div", {{"class", "grid2"}});
  h.open("section", {{"id", "findings"}}).el("h2", metric("findings").name);
  definition(h, "findings");
  std::vector<std::pair<std::string, std::pair<long long, long long>>> rules(s.findings.begin(), s.findings.end());
  std::stable_sort(rules.begin(), rules.end(), [](const auto& x, const auto& y) { return x.second.first > y.second.first; });
  if (rules.size() > 15) rules.resize(15);
  h.open("div", {{"class", "wrap"}}).open("table").open("thead").open("tr").el("th", "Rule").el("th", "Findings", {{"class", "n"}})
      .el("th", "Escalations", {{"class", "n"}}).close("tr").close("thead").open("tbody");
  for (const auto& [rule, n] : rules)
    h.open("tr").el("td", rule).el("td", std::to_string(n.first), {{"class", "n"}}).el("td", std::to_string(n.second), {{"class", "n"}}).close("tr");
  if (rules.empty()) h.open("tr").el("td", "No findings", {{"colspan", "3"}}).close("tr");
  h.close("tbody").close("table").close("div").close("section");

  h.open("section", {{"id", "accounts"}}).el("h2", metric("accounts").name);
  definition(h, "accounts");
  std::vector<std::pair<std::string, long long>> accounts(s.accounts.begin(), s.accounts.end());
  std::stable_sort(accounts.begin(), accounts.end(), [](const auto& x, const auto& y) { return x.second > y.second; });
  if (accounts.size() > 10) accounts.resize(10);
  h.open("div", {{"class", "wrap"}}).open("table").open("thead").open("tr").el("th", "Account").el("th", "Escalations", {{"class", "n"}})
      .close("tr").close("thead").open("tbody");
  for (const auto& [name, n] : accounts) h.open("tr").el("td", name).el("td", std::to_string(n), {{"class", "n"}}).close("tr");
  h.close("tbody").close("table").close("div").close("section");
  h.close("div");

  if (!s.not_loaded.empty()) {
    section_open(h, "not-loaded", "Files that did not load");
    h.el("p", "These files are not in any figure above: fix them (escalate check shows why) or exclude them.", {{"class", "def"}});
    // A list, not a table: a long path and a long message each get the full width on a phone.
    h.open("ul", {{"class", "files"}});
    for (const NotLoaded& n : s.not_loaded) h.open("li").el("div", n.file, {{"class", "file"}}).el("div", n.message).close("li");
    h.close("ul").close("section");
  }
  h.raw_newline().open("footer").el("p", "Generated by escalate report from the incident records; every figure comes from the same model and rules as escalate check.", {{"class", "def"}}).close("footer");
  h.close("main").close("body").close("html").raw_newline();
}

}  // namespace esc::portfolio
