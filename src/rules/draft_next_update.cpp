// draft-next-update: the "next update by" promise is empty, unreadable, without a time zone (or
// with one not in effect on its date), already past at --now, or two different times in one email.
#include "draft/lint.h"
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
  }
  return std::nullopt;
}

void check(const DraftContext& ctx, DraftFindings& findings) {
  const ReadPromise* first = nullptr;  // the first readable promise
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
      findings.add(at, "next update time " + format_human(t) + " is already past (now: " + format_human(ctx.now) +
                           "); promise a time that is still ahead");
      continue;
    }
    if (!first) {
      first = &p;
    } else if (*first->time->utc != t) {
      const Mark was = ctx.draft.body_mark(first->start);
      findings.add(at,
                   "two different next update times in one email: " + format_human(t) + " here, but " +
                       format_human(*first->time->utc) + " on line " + std::to_string(was.line) +
                       "; promise one time",
                   {{was, "the first promise: " + format_human(*first->time->utc)}});
    }
  }
}

}  // namespace

extern const RuleInfo kDraftNextUpdateRule = {
    .id = "draft-next-update",
    .default_severity = Severity::error,
    .kind = RuleKind::draft,
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
        "is still kept), or differs from an earlier promise in the same email (\"15:00 UTC\" "
        "and \"3pm UTC\" are the same time). A missing `Next update by:` line is "
        "`draft-missing-field`'s finding; a value that is a placeholder is "
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
};

extern const DraftCheck kDraftNextUpdateCheck = {"draft-next-update", check};

}  // namespace esc
