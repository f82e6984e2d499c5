// The timeline strip: what no paper form can show. Three rows share one left gutter:
//   Incident — milestones and the triage deadline as flags over a time axis (hours);
//   Updates  — every "next update by" promise as a bar from the update that made it to the
//              promised minute, green when the next update went out in time, red when late
//              or overdue (nothing sent and the minute passed at the build's --now);
//   PIR      — a day scale from the resolution date with non-working days shaded, the review
//              and delivery deadlines (5 and 10 business days) and what actually happened.
// The PIR row has its own scale because its deadlines are days after an incident of hours.
#include <algorithm>
#include <array>
#include <cmath>

#include "render/pdf_text.h"
#include "render/readout_layout.h"

namespace esc::readout {

namespace {

std::u32string u(std::string_view utf8) { return pdf::clean_text(utf8); }

// A label on a pole above an axis: "Opened 08:04".
struct Flag {
  double x = 0;
  std::u32string name, when;
  Rgb color = color::muted;
  bool dashed = false;
  double width = 0;  // of the whole label
  int level = 0;
  bool right_aligned = false;  // text to the left of the pole (near the right edge)
};

int place_flags(std::vector<Flag>& flags, double x_min, double x_max);

// Gives each flag a level (0 = nearest the axis) and a side (text right of its pole, or left of
// it near the right edge) so that no two labels on a level overlap and no pole runs through a
// lower flag's label. Fast by construction: two cheap arrangements — a greedy pass (rightmost
// flag first, each on the lowest level and side that fits) and a row-by-row packing (a small
// dynamic programme per level) — give an upper bound on the levels; flags whose poles lie
// within 5 pt of each other can never share a level, which gives a lower bound. Only the levels
// between the two are searched, depth first, under a small node budget (the old exhaustive
// search, which took up to 200,000 nodes and then fell back to one level per flag). Returns
// the number of levels used.
class FlagPlacer {
 public:
  FlagPlacer(std::vector<FlagBox>& flags, double x_min, double x_max) : flags_(flags), x_min_(x_min), x_max_(x_max) {}

  int place() {
    if (flags_.empty()) return 0;
    const int n = static_cast<int>(flags_.size());
    const int bound = lower_bound();
    chosen_.assign(flags_.size(), {});
    int best_levels = greedy_levels();
    std::vector<Option> best = chosen_;
    if (best_levels == 0 || best_levels > bound) {
      chosen_.assign(flags_.size(), {});
      const int rows = row_packing();
      if (rows > 0 && (best_levels == 0 || rows < best_levels)) {
        best_levels = rows;
        best = chosen_;
      }
    }
    // The exhaustive search's answer (fewest levels, then the first arrangement in its order),
    // when it comes within the budget: most strips then look as they always did.
    for (int levels = bound; levels <= (best_levels ? best_levels : n) && nodes_ <= kBudget; ++levels) {
      chosen_.assign(flags_.size(), {});
      if (search(n - 1, levels)) return apply(levels);
    }
    if (best_levels > 0) {
      chosen_ = best;
      return apply(best_levels);
    }
    // Fallback: one level per flag, rightmost lowest; rising to the left cannot cross.
    for (int k = n - 1, level = 0; k >= 0; --k, ++level) chosen_[static_cast<std::size_t>(k)] = option(k, level, false);
    return apply(n);
  }

 private:
  struct Option {
    double x0 = 0, x1 = 0;  // the flag's extent on its level: pole and text
    double t0 = 0, t1 = 0;  // the text alone
    int level = 0;
    bool right = false;
  };
  static constexpr long kBudget = 1000;
  std::vector<FlagBox>& flags_;
  double x_min_, x_max_;
  std::vector<Option> chosen_;
  long nodes_ = 0;

  Option option(int k, int level, bool right) const {
    const FlagBox& f = flags_[static_cast<std::size_t>(k)];
    return right ? Option{f.x - 3 - f.width, f.x, f.x - 3 - f.width, f.x - 3, level, true}
                 : Option{f.x, f.x + 3 + f.width, f.x + 3, f.x + 3 + f.width, level, false};
  }

  // True when the two placed flags collide: overlapping labels on one level, or the taller
  // flag's pole running through the lower flag's label.
  bool clash(int a, const Option& oa, int b, const Option& ob) const {
    if (oa.level == ob.level) return oa.x0 < ob.x1 + 5 && ob.x0 < oa.x1 + 5;
    const bool a_low = oa.level < ob.level;
    const Option& low = a_low ? oa : ob;
    const double pole = flags_[static_cast<std::size_t>(a_low ? b : a)].x;
    return pole > low.t0 - 1.5 && pole < low.t1 + 1.5;
  }

  // Flag k at this level and side fits the page and clashes with none of the flags after it.
  bool fits(int k, const Option& o) const {
    if ((!o.right && o.x1 > x_max_) || (o.right && o.x0 < x_min_)) return false;
    for (int j = k + 1; j < static_cast<int>(flags_.size()); ++j)
      if (clash(k, o, j, chosen_[static_cast<std::size_t>(j)])) return false;
    return true;
  }

  // The most poles within any 5 pt: every two of them clash on one level whatever their sides.
  int lower_bound() const {
    std::vector<double> xs;
    for (const FlagBox& f : flags_) xs.push_back(f.x);
    std::sort(xs.begin(), xs.end());
    std::size_t most = 1;
    for (std::size_t i = 0, j = 0; j < xs.size(); ++j) {
      while (xs[j] - xs[i] >= 5) ++i;
      most = std::max(most, j - i + 1);
    }
    return static_cast<int>(most);
  }

  // The search's first path with no limit on levels; the levels it used, or 0 when a flag
  // fits nowhere.
  int greedy_levels() {
    const int n = static_cast<int>(flags_.size());
    int used = 0;
    for (int k = n - 1; k >= 0; --k) {
      bool placed = false;
      for (int level = 0; level <= used && !placed; ++level)
        for (bool right : {false, true}) {
          const Option o = option(k, level, right);
          if (!fits(k, o)) continue;
          chosen_[static_cast<std::size_t>(k)] = o;
          used = std::max(used, level + 1);
          placed = true;
          break;
        }
      if (!placed) return 0;
    }
    return used;
  }

  // Level by level from the axis up, the most flags each level can take: a label on a level
  // may not cover the pole of any flag still to be placed (that flag goes higher), and labels
  // on a level keep 5 pt apart. With the flags in pole order that is a small dynamic programme
  // (the best chain of labels ending in each flag and side). The levels used, or 0 when some
  // flag fits no level.
  int row_packing() {
    const int n = static_cast<int>(flags_.size());
    std::vector<int> order(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k) order[static_cast<std::size_t>(k)] = k;
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) {
      return flags_[static_cast<std::size_t>(a)].x < flags_[static_cast<std::size_t>(b)].x;
    });
    std::vector<bool> placed(static_cast<std::size_t>(n), false);
    int left = n;
    for (int level = 0; left > 0; ++level) {
      // The candidates: the unplaced flags, in pole order, each side that may stand here.
      struct Cand {
        int k;
        Option o;
        int count = 0, right = 0, prev = -1;  // best chain ending here: flags, right-aligned, link
      };
      std::vector<Cand> cands;
      for (int k : order) {
        if (placed[static_cast<std::size_t>(k)]) continue;
        for (bool right : {false, true}) {
          const Option o = option(k, level, right);
          if ((!right && o.x1 > x_max_) || (right && o.x0 < x_min_)) continue;
          bool covers = false;
          for (int j = 0; j < n && !covers; ++j) {
            const double pole = flags_[static_cast<std::size_t>(j)].x;
            covers = j != k && !placed[static_cast<std::size_t>(j)] && pole > o.t0 - 1.5 && pole < o.t1 + 1.5;
          }
          if (!covers) cands.push_back(Cand{k, o});
        }
      }
      int end = -1;
      for (std::size_t c = 0; c < cands.size(); ++c) {
        Cand& cur = cands[c];
        cur.count = 1;
        cur.right = cur.o.right ? 1 : 0;
        for (std::size_t p = 0; p < c; ++p) {
          const Cand& prev = cands[p];
          if (prev.k == cur.k || prev.o.x1 + 5 > cur.o.x0) continue;
          const int count = prev.count + 1, right = prev.right + (cur.o.right ? 1 : 0);
          if (count > cur.count || (count == cur.count && right < cur.right)) {
            cur.count = count;
            cur.right = right;
            cur.prev = static_cast<int>(p);
          }
        }
        if (end < 0 || cur.count > cands[static_cast<std::size_t>(end)].count ||
            (cur.count == cands[static_cast<std::size_t>(end)].count && cur.right < cands[static_cast<std::size_t>(end)].right))
          end = static_cast<int>(c);
      }
      if (end < 0) return 0;
      for (int c = end; c >= 0; c = cands[static_cast<std::size_t>(c)].prev) {
        const Cand& cur = cands[static_cast<std::size_t>(c)];
        chosen_[static_cast<std::size_t>(cur.k)] = cur.o;
        placed[static_cast<std::size_t>(cur.k)] = true;
        --left;
      }
      if (left == 0) return level + 1;
    }
    return 0;
  }

  bool search(int k, int levels) {
    if (k < 0) return true;
    if (++nodes_ > kBudget) return false;
    for (int level = 0; level < levels; ++level)
      for (bool right : {false, true}) {
        const Option o = option(k, level, right);
        if (!fits(k, o)) continue;
        chosen_[static_cast<std::size_t>(k)] = o;
        if (search(k - 1, levels)) return true;
      }
    return false;
  }

  int apply(int levels) {
    int used = 0;
    for (std::size_t k = 0; k < flags_.size(); ++k) {
      flags_[k].level = chosen_[k].level;
      flags_[k].right_aligned = chosen_[k].right;
      used = std::max(used, chosen_[k].level + 1);
    }
    return std::min(used, levels);
  }
};

}  // namespace

int place_flags(std::vector<FlagBox>& flags, double x_min, double x_max) {
  return FlagPlacer(flags, x_min, x_max).place();
}

namespace {

int place_flags(std::vector<Flag>& flags, double x_min, double x_max) {
  std::vector<FlagBox> boxes;
  boxes.reserve(flags.size());
  for (const Flag& f : flags) boxes.push_back(FlagBox{f.x, f.width});
  const int levels = readout::place_flags(boxes, x_min, x_max);
  for (std::size_t k = 0; k < flags.size(); ++k) {
    flags[k].level = boxes[k].level;
    flags[k].right_aligned = boxes[k].right_aligned;
  }
  return levels;
}

class Strip {
 public:
  Strip(Pen& pen, const Timeline& t, double x, double top, double width, double body)
      : pen_(pen), t_(t), x_(x), top_(top) {
    fs_ = std::clamp(body * 0.68, 6.0, 6.8);
    lh_ = fs_ * 1.45;
    ax0_ = x + kGutter;
    ax1_ = x + width;
  }

  double run() {
    double y = top_;
    y = incident(y);
    y = updates(y);
    y = pir(y);
    y = legend(y);
    return top_ - y;
  }

 private:
  static constexpr double kGutter = 58;
  Pen& pen_;
  const Timeline& t_;
  double x_, top_;
  double fs_ = 6.5, lh_ = 9.5, ax0_ = 0, ax1_ = 0;
  Instant t0_{}, t1_{};

  double at(Instant t) const {
    const double span = static_cast<double>((t1_ - t0_).count());
    return ax0_ + (ax1_ - ax0_) * static_cast<double>((t - t0_).count()) / span;
  }

  void gutter_label(std::u32string_view text, double baseline) {
    pen_.text(Face::bold, fs_ + 0.3, x_, baseline, text, color::muted);
  }

  double flag_width(const Flag& f) {
    return pen_.width(Face::bold, fs_, f.name) + pen_.width(Face::regular, fs_, U" ") +
           pen_.width(Face::regular, fs_, f.when);
  }

  // Draws placed flags above an axis at axis_y.
  void draw_flags(const std::vector<Flag>& flags, double axis_y) {
    for (const Flag& f : flags) {
      const double baseline = axis_y + 6 + f.level * lh_;
      if (auto* d = pen_.doc()) {
        d->line(f.x, axis_y, f.x, baseline + fs_ * 0.75, f.dashed ? 0.8 : 0.5, f.color, f.dashed);
        d->fill_circle(f.x, axis_y, f.dashed ? 1.6 : 2.2, f.color);
      }
      double tx = f.right_aligned ? f.x - 3 - f.width : f.x + 3;
      pen_.text(Face::bold, fs_, tx, baseline, f.name, f.dashed ? color::deadline : color::ink);
      tx += pen_.width(Face::bold, fs_, f.name) + pen_.width(Face::regular, fs_, U" ");
      pen_.text(Face::regular, fs_, tx, baseline, f.when, color::muted);
    }
  }

  double incident(double y) {
    std::vector<Instant> all;
    for (const TimeMark& m : t_.marks) all.push_back(m.at);
    for (const UpdatePromise& p : t_.promises) {
      all.push_back(p.made_at);
      all.push_back(p.due);
      if (p.answered_at) all.push_back(*p.answered_at);
    }
    for (Instant s : t_.sent) all.push_back(s);
    if (all.empty()) {
      gutter_label(U"Incident", y - fs_);
      pen_.text(Face::regular, fs_ + 0.5, ax0_, y - fs_, U"No timestamps recorded yet.", color::muted);
      return y - lh_ - 4;
    }
    auto [lo, hi] = std::minmax_element(all.begin(), all.end());
    const auto span = std::max<std::chrono::seconds>(*hi - *lo, std::chrono::minutes(10));
    const auto pad = std::chrono::seconds(span.count() / 30 + 60);
    t0_ = *lo - pad;
    t1_ = *lo + span + pad;
    base_ = utc_date(*lo);

    std::vector<Flag> flags;
    for (const TimeMark& m : t_.marks) {
      Flag f;
      f.x = at(m.at);
      f.name = u(m.label);
      f.when = u(format_clock(m.at, base_));
      f.dashed = m.tone == Tone::deadline || m.tone == Tone::bad;
      f.color = m.tone == Tone::neutral ? color::accent : tone_color(m.tone);
      f.width = flag_width(f);
      flags.push_back(std::move(f));
    }
    const int levels = place_flags(flags, x_, ax1_);
    const double axis_y = y - 6 - levels * lh_ - 2;
    gutter_label(U"Incident", axis_y - fs_ * 0.35);
    if (auto* d = pen_.doc()) d->line(ax0_, axis_y, ax1_, axis_y, 0.8, color::ink);
    ticks(axis_y);
    draw_flags(flags, axis_y);
    return axis_y - 4 - fs_ - 4;
  }

  void ticks(double axis_y) {
    static constexpr std::array<long, 15> steps = {1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080};
    const double label_w = pen_.width(Face::regular, fs_ - 0.3, U"00:00") + 16;
    const double minutes = static_cast<double>((t1_ - t0_).count()) / 60.0;
    long step = steps.back();
    for (long s : steps)
      if (minutes / static_cast<double>(s) * label_w <= ax1_ - ax0_) {
        step = s;
        break;
      }
    const auto step_s = std::chrono::minutes(step);
    Instant t = std::chrono::floor<std::chrono::days>(t0_);
    while (t < t0_) t += step_s;
    double last_right = -1e9;
    for (; t <= t1_; t += step_s) {
      const double x = at(t);
      const bool midnight = t == std::chrono::floor<std::chrono::days>(t);
      const std::u32string label = u(step >= 1440 || (midnight && utc_date(t) != base_) ? format_day(utc_date(t))
                                                                                         : format_clock(t, utc_date(t)));
      const double w = pen_.width(Face::regular, fs_ - 0.3, label);
      // Which labels fit depends on real widths: the collecting pass keeps every label's characters.
      if (pen_.mode() == Pen::Mode::collect) pen_.text(Face::regular, fs_ - 0.3, 0, 0, label, color::muted);
      if (x - w / 2 < last_right + 4 || x + w / 2 > ax1_ + 8) continue;
      if (auto* d = pen_.doc()) d->line(x, axis_y, x, axis_y - 2.5, 0.5, color::ink);
      pen_.text(Face::regular, fs_ - 0.3, x - w / 2, axis_y - 3 - fs_, label, color::muted);
      last_right = x + w / 2;
    }
  }

  double updates(double y) {
    if (t_.promises.empty()) return y;
    struct Row {
      double right = -1e9;
    };
    std::vector<Row> rows;
    struct Placed {
      const UpdatePromise* p;
      int row;
      double label_x;
      std::u32string name, text, verdict;
    };
    std::vector<Placed> placed;
    for (const UpdatePromise& p : t_.promises) {
      // Not through u(): it would trim the space before the verdict.
      Placed pl{&p, 0, 0, u(p.made_by), pdf::decode_utf8(": next update by " + format_clock(p.due, base_) + " \u2014 "), U""};
      switch (p.state) {
        case UpdatePromise::State::kept: pl.verdict = U"kept"; break;
        case UpdatePromise::State::missed:
          pl.verdict = u("missed by " + describe_span(p.late));
          break;
        case UpdatePromise::State::open: pl.verdict = U"open"; break;
        case UpdatePromise::State::overdue:
          pl.verdict = u("overdue by " + describe_span(p.late));
          break;
      }
      const double label_w = pen_.width(Face::bold, fs_, pl.name) + pen_.width(Face::regular, fs_, pl.text) +
                             pen_.width(Face::bold, fs_, pl.verdict);
      const double x0 = at(p.made_at);
      pl.label_x = std::min(x0, ax1_ - label_w);
      double right = std::max({at(p.due), p.answered_at ? at(*p.answered_at) : 0.0, pl.label_x + label_w});
      const double left = std::min(x0, pl.label_x);
      std::size_t r = 0;
      while (r < rows.size() && rows[r].right + 6 > left) ++r;
      if (r == rows.size()) rows.push_back({});
      rows[r].right = right;
      pl.row = static_cast<int>(r);
      placed.push_back(std::move(pl));
    }
    // Many updates (a long-running escalation): labels would need more rows than the page has,
    // so the bars share two lanes and one line sums them up.
    const bool compact = rows.size() > 3;
    const double row_h = compact ? 7 : 7 + fs_ * 1.3;
    if (compact)
      for (std::size_t i = 0; i < placed.size(); ++i) placed[i].row = static_cast<int>(i % 2);
    gutter_label(U"Updates", y - 2 - fs_ * 0.35);
    for (const Placed& pl : placed) {
      const UpdatePromise& p = *pl.p;
      const Rgb c = p.state == UpdatePromise::State::kept ? color::good
                    : p.state == UpdatePromise::State::missed || p.state == UpdatePromise::State::overdue
                        ? color::bad
                        : color::muted;
      const double bar_y = y - 2 - pl.row * row_h;
      if (auto* d = pen_.doc()) {
        d->line(at(p.made_at), bar_y, at(p.due), bar_y, 2.2, c);
        d->line(at(p.due), bar_y - 3, at(p.due), bar_y + 3, 1.0, c);
        d->fill_circle(at(p.made_at), bar_y, 2.0, color::ink);
        if (p.answered_at) {
          if (p.state == UpdatePromise::State::missed) d->line(at(p.due), bar_y, at(*p.answered_at), bar_y, 1.0, c, true);
          d->fill_circle(at(*p.answered_at), bar_y, 2.4, c);
        }
      }
      if (compact) continue;
      const double baseline = bar_y - 4 - fs_ * 0.95;
      double tx = pl.label_x;
      pen_.text(Face::bold, fs_, tx, baseline, pl.name, color::ink);
      tx += pen_.width(Face::bold, fs_, pl.name);
      pen_.text(Face::regular, fs_, tx, baseline, pl.text, color::muted);
      tx += pen_.width(Face::regular, fs_, pl.text);
      pen_.text(Face::bold, fs_, tx, baseline, pl.verdict, c);
    }
    if (!compact) return y - static_cast<double>(rows.size()) * row_h - 6;
    int kept = 0, missed = 0, overdue = 0;
    std::string late, owed;
    for (const Placed& pl : placed) {
      if (pl.p->state == UpdatePromise::State::kept) ++kept;
      if (pl.p->state == UpdatePromise::State::overdue) {
        ++overdue;
        owed = " (" + pl.p->made_by + " overdue by " + describe_span(pl.p->late) + ")";
      }
      if (pl.p->state != UpdatePromise::State::missed) continue;
      ++missed;
      late += (late.empty() ? " (" : ", ") + pl.p->made_by + " " + describe_span(pl.p->late) + " late";
    }
    if (!late.empty()) late += ")";
    std::string summary = std::to_string(placed.size()) + " update promises: " + std::to_string(kept) +
                          " kept, " + std::to_string(missed) + " missed" + late;
    if (overdue) summary += ", " + std::to_string(overdue) + " overdue" + owed;
    const double baseline = y - 2 - 2 * row_h - fs_;
    pen_.text(Face::regular, fs_, ax0_, baseline, pen_.fit(Face::regular, fs_, u(summary), ax1_ - ax0_),
              missed || overdue ? color::bad : color::muted);
    return baseline - fs_ * 0.4 - 6;
  }

  double pir(double y) {
    if (!t_.pir_start) {
      gutter_label(U"PIR", y - fs_);
      pen_.text(Face::regular, fs_ + 0.5, ax0_, y - fs_,
                U"Review deadlines start when the resolution is confirmed.", color::muted);
      return y - lh_ - 2;
    }
    const Date start = *t_.pir_start;
    Date last = start;
    for (const DayMark& m : t_.pir_marks) last = std::max(last, m.day);
    const long n = std::clamp<long>((last - start).count() + 2, 12, 36);
    const double cell = (ax1_ - ax0_) / static_cast<double>(n);
    auto day_x = [&](Date d) {
      const long i = std::clamp<long>((d - start).count(), 0, n - 1);
      return ax0_ + (static_cast<double>(i) + 0.5) * cell;
    };
    std::vector<Flag> flags;
    for (const DayMark& m : t_.pir_marks) {
      Flag f;
      f.x = day_x(m.day);
      f.name = u(m.label);
      f.when = u(format_day(m.day));
      f.dashed = m.tone == Tone::deadline;
      f.color = m.tone == Tone::neutral ? color::accent : tone_color(m.tone);
      f.width = flag_width(f);
      flags.push_back(std::move(f));
    }
    const int levels = place_flags(flags, x_, ax1_);
    const double strip_top = y - 6 - levels * lh_ - 2;
    const double strip_h = fs_ + 4;
    gutter_label(U"PIR (days)", strip_top - strip_h + 3);
    if (auto* d = pen_.doc()) {
      for (long i = 0; i < n; ++i) {
        const Date day = start + std::chrono::days(i);
        const bool off = std::find(t_.non_working.begin(), t_.non_working.end(), day) != t_.non_working.end();
        if (off) d->fill_rect(ax0_ + i * cell, strip_top - strip_h, cell, strip_h, color::weekend);
      }
      d->stroke_rect(ax0_, strip_top - strip_h, ax1_ - ax0_, strip_h, 0.5, color::rule);
    }
    for (long i = 0; i < n; ++i) {
      const Date day = start + std::chrono::days(i);
      const std::chrono::year_month_day ymd{day};
      const std::u32string label = u(std::to_string(unsigned{ymd.day()}));
      const double w = pen_.width(Face::regular, fs_ - 0.8, label);
      if (w + 2 < cell) pen_.text(Face::regular, fs_ - 0.8, ax0_ + (i + 0.5) * cell - w / 2, strip_top - strip_h + 3, label, color::muted);
      if (i == 0 || unsigned{ymd.day()} == 1) {
        const std::u32string month = u(format_day(day).substr(format_day(day).find(' ') + 1));
        pen_.text(Face::regular, fs_ - 0.8, ax0_ + i * cell + 1, strip_top - strip_h - fs_, month, color::muted);
      }
    }
    // Flags stand on the top edge of the day strip.
    draw_flags(flags, strip_top);
    return strip_top - strip_h - fs_ - 3;
  }

  double legend(double y) {
    struct Item {
      Rgb color;
      int kind;  // 0 bar, 1 dashed, 2 box
      std::u32string text;
    };
    // The red bar is also an overdue promise when the strip has one.
    const bool overdue = std::any_of(t_.promises.begin(), t_.promises.end(), [](const UpdatePromise& p) {
      return p.state == UpdatePromise::State::overdue;
    });
    const Item items[] = {{color::good, 0, U"promise kept"},
                          {color::bad, 0, overdue ? U"promise missed or overdue" : U"promise missed"},
                          {color::deadline, 1, U"deadline"},
                          {color::weekend, 2, U"non-working day"}};
    double total = 0;
    for (const Item& i : items) total += 14 + pen_.width(Face::regular, fs_, i.text) + 10;
    double x = ax1_ - total + 10;
    const double baseline = y - fs_;
    for (const Item& i : items) {
      if (auto* d = pen_.doc()) {
        const double my = baseline + fs_ * 0.3;
        if (i.kind == 0) d->line(x, my, x + 10, my, 2.2, i.color);
        else if (i.kind == 1) d->line(x, my, x + 10, my, 0.8, i.color, true);
        else {
          d->fill_rect(x, my - 3, 10, 6, i.color);
          d->stroke_rect(x, my - 3, 10, 6, 0.4, color::rule);
        }
      }
      x += 14;
      pen_.text(Face::regular, fs_, x, baseline, i.text, color::muted);
      x += pen_.width(Face::regular, fs_, i.text) + 10;
    }
    return y - fs_ - 3;
  }

  Date base_{};
};

}  // namespace

double timeline_strip(Pen& pen, const Timeline& t, double x, double top, double width, double body) {
  return Strip(pen, t, x, top, width, body).run();
}

}  // namespace esc::readout
