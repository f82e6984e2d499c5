// Dates and times as people write them in customer emails: "2026-11-02 09:45 UTC",
// "2026-11-02T09:45:00Z", "09:45 UTC on 2 November 2026", "Monday 2 November 2026, 09:45 UTC",
// "2 Nov 2026 09:45 UTC", "November 2, 2026 at 9:45 am GMT", "Thursday 26 November 2026, 3pm
// UTC". Times of day: 24-hour "15:00", 12-hour "3pm", "3 p.m.", "3:30pm", "3.30pm" (12am is
// 00:00, 12pm is 12:00), "noon" / "midday" (12:00); "midnight" is refused as ambiguous.
// Zone names are accepted only on dates when they are in effect (BST in summer, GMT all year).
// Nothing reads the wall clock.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace esc {

struct WrittenTime {
  enum class Status {
    ok,           // `utc` is set
    no_zone,      // a date and a time, but no time zone
    no_date,      // a time of day only ("10:45 UTC")
    no_year,      // "Monday 2 November, 09:45 UTC"
    bad_weekday,  // "Monday 3 November 2026": that date is a Tuesday
    bad_zone,     // a zone we cannot convert ("IST", "CST": ambiguous)
    invalid,      // "31 November 2026", "25:00", "13pm"
    zone_not_in_effect,  // "26 November 2026, 15:00 BST": the UK is on GMT in November
    ambiguous_date,      // "02/11/2026" where the other reading fits the draft's date better
  };
  Status status = Status::ok;
  std::size_t length = 0;      // bytes read from the start of the text
  std::optional<Instant> utc;  // when status is ok
  std::optional<Date> date;    // the calendar date as written (or `on`), when it is a valid one
  std::string detail;          // for bad_weekday / bad_zone / invalid / zone_not_in_effect /
                               // ambiguous_date: what exactly is wrong
  bool year_implied = false;   // "Monday 2 November": the year was taken from the reference date
};

// What a written date is read against: the draft's Date header (else --now) gives a missing
// year and "today"; numeric dates ("02/11/2026", "2.11.2026") are read in `order`.
struct DateContext {
  std::optional<Date> reference;
  DateOrder order = DateOrder::day_first;
};

// Reads a date and time at the start of `text` (leading spaces skipped and counted). nullopt
// when nothing there looks like a date or time at all. A time of day without a date is read on
// `on` when given ("by 3pm UTC" in the prose of an email that promised a date elsewhere), on
// the reference date for "today" ("11:40 UTC today"), otherwise it is no_date. A date without a
// year takes the year that puts it nearest the reference date (matching its weekday when one is
// written); it stays no_year when there is no reference or the nearest is months away.
// Numeric dates: a reading that is no valid date is dropped ("11/25/2026" is month first
// whatever the order); a weekday decides between two; otherwise the configured order does, and
// the date is ambiguous_date only when the other reading is near the reference and this one is not.
std::optional<WrittenTime> read_written_time(std::string_view text, std::optional<Date> on = std::nullopt,
                                             const DateContext& context = {});

// Reads a calendar date at the start of `text`: "Friday 13 November 2026", "13 Nov 2026",
// "November 13, 2026", "2026-11-13". `length` receives the bytes read. A wrong weekday or an
// impossible date is nullopt with `detail` set.
std::optional<Date> read_written_date(std::string_view text, std::size_t* length = nullptr,
                                      std::string* detail = nullptr, const DateContext& context = {});

}  // namespace esc
