// draft-next-update: the "next update by" promise is empty, unreadable, without a time zone (or
// with one not in effect on its date), already past at --now, or two different times in one email.
#include <re2/re2.h>

#include "rules/draft_lint.h"
#include "rules/rule.h"

namespace esc {

namespace {

constexpr std::string_view kExample = "\"Monday 2 November 2026, 09:45 UTC\"";

// Why a written time cannot be held to, or nullopt when it is a time in UTC (or a known zone).
std::optional<std::string> problem(const ReadPromise& p) {
  const std::string quoted = "\"" + p.written + "\"";
  if (!p.time) return "next update time " + quoted + " is not a date and time; promise one, e.g. " + std::string(kExample);
  using S = WrittenTime::Status;
  switch (p.time->status) {
    case S::ok: return std::nullopt;
    case S::no_zone: return "next update time " + quoted + " has no time zone; add UTC (the playbook works in UTC)";
    case S::no_date: return "next update time " + quoted + " has no date; write the date too, e.g. " + std::string(kExample);
    case S::no_year: return "next update time " + quoted + " has no year; write the full date, e.g. " + std::string(kExample);
    case S::bad_weekday: return "next update time " + quoted + " names the wrong day: " + p.time->detail;
    case S::bad_zone:
      return "next update time " + quoted + " uses the time zone '" + p.time->detail +
             "', which has more than one meaning; write the time in UTC";
    case S::invalid: return "next update time " + quoted + " is not a valid date and time: " + p.time->detail;
    case S::zone_not_in_effect: return "next update time " + quoted + ": " + p.time->detail + "; write the time in UTC";
    case S::ambiguous_date:
      return "next update time " + quoted + " has an ambiguous date: " + p.time->detail + "; write the month as a word";
  }
  return std::nullopt;
}

// A time of day with its zone, as read on the day the draft is sent; nullopt unless it is one.
std::optional<Instant> zoned_time(std::string_view text, const DraftContext& ctx) {
  auto w = read_written_time(text, ctx.dates.reference, ctx.dates);
  if (!w || w->status != WrittenTime::Status::ok || !w->utc) return std::nullopt;
  return w->utc;
}

// Conversions written beside a time, "10:40 UTC (11:40 CET, 05:40 EST)": each one in the
// brackets must be the same moment (to the minute, across midnight too).
void check_conversions(const DraftContext& ctx, DraftFindings& findings) {
  static const re2::RE2 pair(
      R"((\b\d{1,2}(?:[:.]\d{2})?\s*(?:[AaPp]\.?[Mm]\.?\s*)?(?:[A-Z]{1,5}|[Uu][Tt][Cc]|[Gg][Mm][Tt])(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)\s*\(([^()\n]{1,120})\))");
  static const re2::RE2 part(R"(\s*([^,;/]+))");
  const std::string_view body = ctx.draft.body;
  re2::StringPiece all(body.data(), body.size()), m[3];
  std::size_t pos = 0;
  while (pos < body.size() && pair.Match(all, pos, body.size(), re2::RE2::UNANCHORED, m, 3)) {
    pos = static_cast<std::size_t>(m[0].data() - body.data()) + m[0].size();
    const std::string_view first(m[1].data(), m[1].size());
    const auto base = zoned_time(first, ctx);
    if (!base || ctx.in_footer(static_cast<std::size_t>(m[1].data() - body.data()))) continue;
    re2::StringPiece inner = m[2];
    std::string_view piece_text;
    re2::StringPiece item;
    while (re2::RE2::Consume(&inner, part, &item)) {
      piece_text = std::string_view(item.data(), item.size());
      while (!piece_text.empty() && piece_text.back() == ' ') piece_text.remove_suffix(1);
      const auto other = zoned_time(piece_text, ctx);
      if (inner.size() > 0) inner.remove_prefix(1);  // the separator
      if (!other) continue;
      const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(*other - *base).count();
      if (((minutes % 1440) + 1440) % 1440 == 0) continue;
      const std::size_t at = static_cast<std::size_t>(item.data() - body.data());
      findings.add(ctx.draft.body_mark(at),
                   concat({"'", quote_excerpt(piece_text), "' is ", format_hhmm(*other), ", but the time it converts, '",
                           quote_excerpt(first), "', is ", format_hhmm(*base), "; correct the conversion"}),
                   {{ctx.draft.body_mark(static_cast<std::size_t>(m[1].data() - body.data())), "the time it converts"}});
    }
  }
}

void check(const DraftContext& ctx, DraftFindings& findings) {
  check_conversions(ctx, findings);
  const ReadPromise* first = nullptr;  // the first readable promise
  // A past time is one mistake however often it is repeated (the field and the template's
  // "We will provide a further update by" sentence): one finding, the repeats as notes.
  const ReadPromise* first_past = nullptr;
  std::vector<Note> past_repeats;
  for (const ReadPromise& p : ctx.promises) {
    if (p.placeholder) continue;  // draft-placeholder's finding
    const Mark at = ctx.draft.body_mark(p.start);
    if (p.promise.labelled && p.promise.text.end <= p.promise.text.begin) {
      findings.add(at, "'Next update by:' is empty; promise a date and time in UTC, e.g. " + std::string(kExample));
      continue;
    }
    if (auto why = problem(p)) {
      findings.add(at, *why);
      continue;
    }
    const Instant t = *p.time->utc;
    if (t < ctx.now) {
      if (!first_past) first_past = &p;
      else past_repeats.push_back({at, "also promised here: " + format_human(t)});
      continue;
    }
    if (!first) {
      first = &p;
    } else if (*first->time->utc != t) {
      const Mark was = ctx.draft.body_mark(first->start);
      findings.add(at,
                   "two different next update times in one email: " + format_human(t) + " here, but " +
                       format_human(*first->time->utc) + " on line " + std::to_string(ctx.draft.locate(was).mark.line) +
                       "; promise one time",
                   {{was, "the first promise: " + format_human(*first->time->utc)}});
    }
  }
  if (first_past)
    findings.add(ctx.draft.body_mark(first_past->start),
                 "next update time " + format_human(*first_past->time->utc) + " is already past (now: " +
                     format_human(ctx.now) + "); promise a time that is still ahead",
                 std::move(past_repeats));
}

}  // namespace

extern const RuleInfo kDraftNextUpdateRule = {
    .rule = RuleId::draft_next_update,
    .summary = "next update time unreadable, without a time zone, already past, or two different times",
    .description =
        "Reads every `Next update by:` value and every \"further update by ...\" / \"next "
        "update by ...\" in the prose. Accepted forms: `2026-11-02 09:45 UTC`, "
        "`2026-11-02T09:45:00Z`, `09:45 UTC on 2 November 2026`, `Monday 2 November 2026, 09:45 "
        "UTC`, `2 Nov 2026 09:45 UTC`, `November 2, 2026 at 9:45 am GMT`, `Thursday 26 November "
        "2026, 3pm UTC`. Times of day are 24-hour (`15:00`) or 12-hour with am/pm (`3pm`, `3 pm`, "
        "`3:30pm`, `3.30 p.m.`; `12am` is 00:00, `12pm` and `noon` are 12:00; `13pm` and "
        "`midnight` are refused). Zones: UTC, GMT and Z, numeric offsets (`+01:00`, `UTC+1`) and "
        "unambiguous zone names, each only on the dates it is in effect: BST, WEST, CEST and EEST "
        "from the last Sunday of March to the last Sunday of October, WET, CET and EET outside it; "
        "EDT, CDT, MDT and PDT from the second Sunday of March to the first Sunday of November, "
        "EST and PST outside it; AEDT and NZST/NZDT by their own summers; UTC, GMT, JST, MST "
        "(Arizona) and AEST (Queensland) all year. On a changeover Sunday both names are "
        "accepted. A time of day alone in the prose (\"a further update by 3pm UTC\") is read on "
        "the date of the first promise that names one. A finding when the value is empty or not "
        "a date and time, has no time zone, no date or no year, names the wrong weekday, uses an "
        "ambiguous zone (IST, CST) or a zone not in effect on that date (\"BST is not in effect "
        "on Thursday 26 November 2026\"), is earlier than `--now` (a promise at exactly `--now` "
        "is still kept; the same past time written twice is one finding with a note), or differs "
        "from an earlier promise in the same email (\"15:00 UTC\" and \"3pm UTC\" are the "
        "same time). A date without a year (\"11:40 UTC today, Monday 2 November\") takes the "
        "year nearest the draft's `Date` header (else `--now`); \"today\" and \"tomorrow\" "
        "count from that day too; it is a finding only when that is ambiguous (no weekday and "
        "months away). Numeric dates (`02/11/2026`, `2.11.2026`) are read in the order "
        "`lint.date_order` configures (`day-first`, the default, or `month-first`); a reading "
        "that is no date is dropped and a written weekday decides, so only a truly ambiguous "
        "one is a finding (the configured reading is months from the draft's date and the "
        "other is near it). Every conversion written in brackets beside a time (\"10:40 UTC "
        "(11:40 CET, 05:40 EST)\") must be the same moment. A missing `Next update by:` line "
        "is `draft-missing-field`'s finding; a value that is a placeholder is "
        "`draft-placeholder`'s.",
    .rationale =
        "\"Next update by: [Date and time — do not miss this commitment]\". A promise without a "
        "zone, in the past or stated twice differently cannot be kept, and the customer will "
        "hold the team to whichever reading suits them.",
    .bad_example =
        "Next update by: Thursday 26 November 2026, 15:00 UTC\n\nWe will provide a further update by 4pm UTC "
        "regardless of progress.\n",
    .good_example =
        "Next update by: Thursday 26 November 2026, 15:00 UTC\n\nWe will provide a further update by 3pm UTC "
        "regardless of progress.\n",
    .draft_check = check,
};

}  // namespace esc
