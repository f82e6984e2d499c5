#include "render/readout_layout.h"

#include <algorithm>
#include <cmath>

#include "render/pdf_text.h"

namespace esc::readout {

Rgb tone_color(Tone t) {
  switch (t) {
    case Tone::good: return color::good;
    case Tone::bad: return color::bad;
    case Tone::deadline: return color::deadline;
    case Tone::neutral: break;
  }
  return color::muted;
}

// ---- Pen ----------------------------------------------------------------------------------------

void Pen::note(Face face, char32_t c) {
  const int f = static_cast<int>(face);
  if (c < 0x10000) {
    std::vector<std::uint64_t>& seen = seen_[f];
    if (seen.empty()) seen.resize(0x10000 / 64);
    std::uint64_t& word = seen[c / 64];
    const std::uint64_t bit = std::uint64_t{1} << (c % 64);
    if (word & bit) return;
    word |= bit;
  } else if (chars_[f].find(c) != std::u32string::npos) {
    return;
  }
  chars_[f].push_back(c);
}

double Pen::advance(Face face, char32_t c) {
  if (mode_ == Mode::collect) note(face, c);  // measured characters may be drawn at real widths
  if (mode_ == Mode::collect || !doc_) return c == U' ' ? 0.28 : 0.6;  // generous estimate
  return doc_->advance(face, c);
}

double Pen::width(Face face, double size, std::u32string_view text) {
  double w = 0;
  for (char32_t c : text) w += advance(face, c);
  return w * size;
}

void Pen::text(Face face, double size, double x, double baseline, std::u32string_view text, Rgb color) {
  if (mode_ == Mode::collect)
    for (char32_t c : text) note(face, c);
  if (mode_ == Mode::draw && doc_) doc_->text(face, size, x, baseline, text, color);
}

void Pen::text_right(Face face, double size, double x_right, double baseline, std::u32string_view text, Rgb color) {
  this->text(face, size, x_right - width(face, size, text), baseline, text, color);
}

std::vector<std::u32string> Pen::wrap(Face face, double size, std::u32string_view text, double max_width) {
  return pdf::wrap_lines(text, max_width, [&](char32_t c) { return advance(face, c) * size; });
}

std::u32string Pen::fit(Face face, double size, std::u32string_view text, double max_width) {
  if (mode_ == Mode::collect) {
    note(face, U'\u2026');
    return std::u32string(text);
  }
  return pdf::ellipsize(text, max_width, [&](char32_t c) { return advance(face, c) * size; });
}

// ---- the page -----------------------------------------------------------------------------------

namespace {

std::u32string u(std::string_view utf8) { return pdf::clean_text(utf8); }

std::u32string upper(std::u32string s) {
  for (char32_t& c : s)
    if (c >= U'a' && c <= U'z') c = c - U'a' + U'A';
  return s;
}

class PageLayout {
 public:
  PageLayout(Pen& pen, const Content& c, double body, double page_width, double page_height)
      : pen_(pen), c_(c), b_(body), w_(page_width), h_(page_height) {
    left_ = kMargin;
    right_ = w_ - kMargin;
    y_ = h_ - kMargin + 8;
  }

  double run() {
    header();
    facts();
    section("Timeline (UTC)");
    y_ -= timeline_strip(pen_, c_.timeline, left_, y_, right_ - left_, b_);
    gap();
    severity();
    section("Customer impact summary");
    paragraph(u(c_.impact_summary), Face::regular, b_, color::ink, left_, right_ - left_);
    gap();
    section(c_.root_cause_heading);
    paragraph(u(c_.root_cause), Face::regular, b_, color::ink, left_, right_ - left_);
    gap();
    actions();
    sla_and_sentiment();
    commitments();
    const double bottom = y_;
    footer();
    return bottom;
  }

 private:
  Pen& pen_;
  const Content& c_;
  double b_, w_, h_;
  double left_ = 0, right_ = 0, y_ = 0;

  double lead(double size) const { return size * 1.32; }
  double ascent(double size) const { return size * 0.76; }
  void gap() { y_ -= b_ * 0.85; }

  // Wrapped lines from the current y; returns the height used and advances y.
  double paragraph(std::u32string_view text, Face face, double size, Rgb color, double x, double width) {
    const double h = paragraph_at(text, face, size, color, x, width, y_);
    y_ -= h;
    return h;
  }
  double paragraph_at(std::u32string_view text, Face face, double size, Rgb color, double x, double width,
                      double top) {
    const auto lines = pen_.wrap(face, size, text, width);
    double baseline = top - ascent(size);
    for (const auto& line : lines) {
      pen_.text(face, size, x, baseline, line, color);
      baseline -= lead(size);
    }
    return lines.size() * lead(size) - (lead(size) - size * 1.0) + size * 0.22;
  }

  void section(std::string_view title) {
    const double size = b_ * 0.74;
    const std::u32string label = upper(u(title));
    const double baseline = y_ - ascent(size);
    pen_.text(Face::bold, size, left_, baseline, label, color::accent);
    if (auto* d = pen_.doc()) {
      const double x = left_ + pen_.width(Face::bold, size, label) + 6;
      d->line(x, baseline + size * 0.32, right_, baseline + size * 0.32, 0.5, color::rule);
    }
    y_ -= size + b_ * 0.55;
  }

  void header() {
    if (auto* d = pen_.doc()) d->fill_rect(0, h_ - 6, w_, 6, color::accent);
    const double small = 7.5;
    double baseline = y_ - ascent(small);
    const std::u32string kicker = c_.draft ? U"EXECUTIVE READOUT \u2014 DRAFT" : U"EXECUTIVE READOUT";
    pen_.text(Face::bold, small, left_, baseline, kicker, c_.draft ? color::bad : color::accent);
    double rx = right_;
    const std::u32string id = u(c_.id);
    pen_.text_right(Face::regular, small, rx, baseline, id, color::muted);
    rx -= pen_.width(Face::regular, small, id) + 8;
    if (c_.draft) {
      const std::u32string tag = U"DRAFT";
      const double tw = pen_.width(Face::bold, small, tag);
      if (auto* d = pen_.doc()) d->fill_rect(rx - tw - 8, baseline - 3, tw + 8, small + 4, color::bad);
      pen_.text(Face::bold, small, rx - tw - 4, baseline, tag, color::white);
    }
    y_ -= small + 8;

    const double title_size = b_ * 2.0;
    paragraph(u(c_.account), Face::bold, title_size, color::ink, left_, right_ - left_);
    y_ -= 2;
    if (!c_.title.empty()) paragraph(u(c_.title), Face::regular, b_ * 1.25, color::ink, left_, right_ - left_);
    y_ -= 6;

    // Severity and status pills.
    const double ps = b_ * 0.8;
    double x = left_;
    auto pill = [&](std::u32string_view text, Rgb fill, Rgb ink, bool outline) {
      const double tw = pen_.width(Face::bold, ps, text);
      if (auto* d = pen_.doc()) {
        if (outline) d->stroke_rect(x, y_ - ps * 1.7, tw + ps * 1.4, ps * 1.7, 0.8, fill);
        else d->fill_rect(x, y_ - ps * 1.7, tw + ps * 1.4, ps * 1.7, fill);
      }
      pen_.text(Face::bold, ps, x + ps * 0.7, y_ - ps * 1.7 + ps * 0.5, text, ink);
      x += tw + ps * 1.4 + 6;
    };
    const Rgb level = c_.level == Priority::P1 ? color::bad : c_.level == Priority::P2 ? color::deadline : color::accent;
    pill(u(c_.severity), level, color::white, false);
    const Rgb state = c_.state == Status::resolved ? color::good : color::deadline;
    pill(u(c_.status), state, state, true);
    y_ -= ps * 1.7 + b_ * 0.9;
  }

  void facts() {
    struct Cell {
      const char* label;
      std::string value, note;
    };
    const Cell cells[] = {{"Account", c_.account, c_.tier},
                          {"Escalation opened (UTC)", c_.opened, ""},
                          {"Resolved (UTC)", c_.resolved, c_.resolved_note},
                          {"Escalation lead", c_.lead_name,
                           c_.lead_since.empty() ? c_.lead_title
                           : c_.lead_title.empty() ? c_.lead_since
                                                   : c_.lead_title + " · " + c_.lead_since}};
    const double pad = 8, label_size = b_ * 0.68, note_size = b_ * 0.8;
    // Dates need less room than names.
    const double weights[] = {0.245, 0.23, 0.235, 0.29};
    const double inner = right_ - left_ - 2 * pad;
    double tallest = 0;
    for (int pass = 0; pass < 2; ++pass) {
      if (pass == 1)
        if (auto* d = pen_.doc()) d->fill_rect(left_, y_ - tallest - 2 * pad, right_ - left_, tallest + 2 * pad, color::panel);
      double x = left_ + pad;
      for (int i = 0; i < 4; ++i) {
        const double width = inner * weights[i] - 10;
        if (i > 0) x += inner * weights[i - 1];
        double top = y_ - pad;
        const double baseline = top - ascent(label_size);
        if (pass == 1) pen_.text(Face::bold, label_size, x, baseline, upper(u(cells[i].label)), color::muted);
        top -= label_size + 4;
        if (pass == 1) {
          top -= paragraph_at(u(cells[i].value), Face::bold, b_, color::ink, x, width, top);
          if (!cells[i].note.empty()) paragraph_at(u(cells[i].note), Face::regular, note_size, color::muted, x, width, top);
        } else {
          double h = label_size + 4;
          h += lines(u(cells[i].value), Face::bold, b_, width) * lead(b_);
          if (!cells[i].note.empty()) h += lines(u(cells[i].note), Face::regular, note_size, width) * lead(note_size);
          tallest = std::max(tallest, h);
        }
      }
    }
    y_ -= tallest + 2 * pad + b_;
  }

  std::size_t lines(std::u32string_view text, Face face, double size, double width) {
    return pen_.wrap(face, size, text, width).size();
  }

  void severity() {
    section("Severity definitions");
    const double level_w = b_ * 9.5, pad = 4;
    const double text_x = left_ + level_w + 8, text_w = right_ - text_x - pad;
    const double head = b_ * 0.68;
    pen_.text(Face::bold, head, left_ + pad, y_ - ascent(head), U"LEVEL", color::muted);
    pen_.text(Face::bold, head, text_x, y_ - ascent(head), U"IMPACT CRITERIA", color::muted);
    y_ -= head + 4;
    for (const SeverityRow& row : c_.severity_rows) {
      const auto crit = pen_.wrap(Face::regular, b_ * 0.9, u(row.criteria), text_w);
      const double row_h = crit.size() * lead(b_ * 0.9) + 6;
      if (auto* d = pen_.doc()) {
        if (row.marked) d->fill_rect(left_, y_ - row_h, right_ - left_, row_h, color::highlight);
        d->line(left_, y_, right_, y_, 0.4, color::rule);
      }
      const double baseline = y_ - 3 - ascent(b_ * 0.9);
      const std::u32string level = u(row.level);
      pen_.text(Face::bold, b_ * 0.9, left_ + pad + 4, baseline, level, row.marked ? color::ink : color::muted);
      if (row.marked)
        if (auto* d = pen_.doc()) {
          const double lw = pen_.width(Face::bold, b_ * 0.9, level);
          d->ellipse(left_ + pad + 4 + lw / 2, baseline + b_ * 0.3, lw / 2 + 7, b_ * 0.82, 1.3, color::bad);
        }
      double bl = baseline;
      for (const auto& line : crit) {
        pen_.text(Face::regular, b_ * 0.9, text_x, bl, line, row.marked ? color::ink : color::muted);
        bl -= lead(b_ * 0.9);
      }
      y_ -= row_h;
    }
    if (auto* d = pen_.doc()) d->line(left_, y_, right_, y_, 0.4, color::rule);
    y_ -= 4;
    if (!c_.assessment.empty()) {
      const double s = b_ * 0.82;
      const std::u32string label = U"Assessed impact: ";
      const double lw = pen_.width(Face::bold, s, label);
      pen_.text(Face::bold, s, left_ + pad, y_ - ascent(s), label, color::muted);
      paragraph(u(c_.assessment), Face::regular, s, color::muted, left_ + pad + lw, right_ - left_ - pad - lw);
    }
    gap();
  }

  void actions() {
    section("Resolution actions");
    if (c_.actions.empty()) {
      paragraph(u(kNotRecorded), Face::regular, b_, color::muted, left_, right_ - left_);
    }
    for (const std::string& a : c_.actions) {
      if (auto* d = pen_.doc()) d->fill_circle(left_ + 4, y_ - ascent(b_) + b_ * 0.3, 1.6, color::accent);
      paragraph(u(a), Face::regular, b_, color::ink, left_ + 13, right_ - left_ - 13);
      y_ -= b_ * 0.15;
    }
    gap();
  }

  void sla_and_sentiment() {
    // Two columns: SLA status (with the breach detail) and the customer's sentiment.
    const double mid = left_ + (right_ - left_) * 0.5;
    const double top = y_;
    section_at("SLA status", left_, mid - 12, top);
    section_at("Customer sentiment post-resolution", mid + 4, right_, top);
    const double body_top = top - (b_ * 0.74 + b_ * 0.55);

    // Left: the paper form's two options and At risk between them, the applicable one circled.
    double y = body_top;
    const double s = b_;
    double x = left_ + 8;
    const double baseline = y - ascent(s) - 3;
    struct Option {
      std::u32string text;
      bool on;
      Rgb color;
    };
    const Option options[] = {{U"Breached", c_.sla == SlaMark::breached, color::bad},
                              {U"At risk", c_.sla == SlaMark::at_risk, color::deadline},
                              {U"Within SLA", c_.sla == SlaMark::within, color::good}};
    for (const Option& o : options) {
      const double tw = pen_.width(Face::bold, s, o.text);
      pen_.text(o.on ? Face::bold : Face::regular, s, x, baseline, o.text, o.on ? o.color : color::rule);
      if (o.on)
        if (auto* d = pen_.doc()) d->ellipse(x + tw / 2, baseline + s * 0.3, tw / 2 + 8, s * 0.85, 1.3, o.color);
      x += tw + 26;
    }
    if (c_.sla == SlaMark::unknown) pen_.text(Face::regular, s * 0.85, x, baseline, U"(not assessed)", color::muted);
    y = baseline - s * 0.55 - 6;
    if (!c_.breach_detail.empty()) {
      const double ds = b_ * 0.9;
      const std::u32string label = U"Breach detail: ";
      pen_.text(Face::bold, ds, left_, y - ascent(ds), label, color::ink);
      const double lw = pen_.width(Face::bold, ds, label);
      // First line continues after the label; the rest use the whole column.
      const auto lines = pen_.wrap(Face::regular, ds, u(c_.breach_detail), mid - 12 - left_ - lw);
      double bl = y - ascent(ds);
      std::u32string rest;
      for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i == 0) pen_.text(Face::regular, ds, left_ + lw, bl, lines[0], color::ink);
        else rest += (rest.empty() ? U"" : U" ") + lines[i];
      }
      y -= lead(ds);
      if (!rest.empty()) y -= paragraph_at(rest, Face::regular, ds, color::ink, left_, mid - 12 - left_, y);
    }
    // Right: sentiment.
    const double right_h = paragraph_at(u(c_.sentiment), Face::regular, b_, color::ink, mid + 4, right_ - mid - 4, body_top);
    y_ = std::min(y, body_top - right_h);
    gap();
  }

  void section_at(std::string_view title, double x0, double x1, double top) {
    const double size = b_ * 0.74;
    const std::u32string label = pen_.fit(Face::bold, size, upper(u(title)), x1 - x0);
    const double baseline = top - ascent(size);
    pen_.text(Face::bold, size, x0, baseline, label, color::accent);
    if (auto* d = pen_.doc()) {
      const double x = x0 + pen_.width(Face::bold, size, label) + 6;
      if (x < x1) d->line(x, baseline + size * 0.32, x1, baseline + size * 0.32, 0.5, color::rule);
    }
  }

  void commitments() {
    section("Follow-up commitments");
    const double s = b_ * 0.9, head = b_ * 0.68;
    const double due_w = b_ * 7.5, owner_w = b_ * 12;
    const double due_x = right_ - due_w, owner_x = due_x - owner_w, text_w = owner_x - left_ - 12;
    pen_.text(Face::bold, head, left_ + 4, y_ - ascent(head), U"COMMITMENT", color::muted);
    pen_.text(Face::bold, head, owner_x, y_ - ascent(head), U"OWNER", color::muted);
    pen_.text(Face::bold, head, due_x, y_ - ascent(head), U"DUE DATE", color::muted);
    y_ -= head + 4;
    if (c_.commitments.empty()) {
      if (auto* d = pen_.doc()) d->line(left_, y_, right_, y_, 0.4, color::rule);
      y_ -= 3;
      paragraph(U"No follow-up commitments recorded.", Face::regular, s, color::muted, left_ + 4, text_w);
      return;
    }
    for (const CommitmentRow& row : c_.commitments) {
      if (auto* d = pen_.doc()) d->line(left_, y_, right_, y_, 0.4, color::rule);
      const double top = y_ - 3;
      double h = paragraph_at(u(row.commitment), Face::regular, s, color::ink, left_ + 4, text_w, top);
      h = std::max(h, paragraph_at(u(row.owner), Face::regular, s, color::ink, owner_x, owner_w - 8, top));
      h = std::max(h, paragraph_at(u(row.due), Face::regular, s, color::ink, due_x, due_w, top));
      y_ -= h + 6;
    }
    if (auto* d = pen_.doc()) d->line(left_, y_, right_, y_, 0.4, color::rule);
  }

  void footer() {
    const double s = 7;
    const double baseline = kMargin - 18;
    if (auto* d = pen_.doc()) d->line(left_, baseline + s + 4, right_, baseline + s + 4, 0.4, color::rule);
    pen_.text(Face::regular, s, left_, baseline,
              u(c_.id + " \u00B7 Executive readout \u00B7 one page, for internal briefing"), color::muted);
    pen_.text_right(Face::regular, s, right_, baseline, U"Generated from the incident record by escalate",
                    color::muted);
  }
};

}  // namespace

double layout_page(Pen& pen, const Content& c, double body, double page_width, double page_height) {
  return PageLayout(pen, c, body, page_width, page_height).run();
}

}  // namespace esc::readout
