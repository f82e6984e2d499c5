// Time values of the playbook: UTC instants (RFC 3339 timestamps), calendar dates and the
// durations of the configuration ("15m", "1h", "1bd"). Parsing and human formatting live here
// so every rule and renderer says a time the same way. Nothing here reads the wall clock.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace esc {

using Instant = std::chrono::sys_seconds;  // a UTC instant, whole seconds
using Date = std::chrono::sys_days;        // a calendar date

// How a numeric date such as 02/11/2026 is read: 2 November (day first) or February 11.
enum class DateOrder { day_first, month_first };

// A parsed RFC 3339 timestamp: the UTC instant and the offset it was written with.
struct Timestamp {
  Instant utc{};
  int offset_minutes = 0;  // 0 for "Z" and "+00:00"
};

// Why a timestamp did not parse; carries a human sentence and the 0-based byte offset in the
// text where the problem is (for pointing a caret into a YAML scalar).
struct TimeError {
  std::string message;
  std::size_t offset = 0;
};

// Parses RFC 3339 "2026-11-02T08:00:00Z", "2026-11-02T09:00:00+01:00", fractional seconds
// (truncated), lower-case 't'/'z' and a space instead of 'T'. A missing zone is an error whose
// message says so ("timestamp has no time zone; add Z for UTC"). Validates ranges (month 1-12,
// day within the month, hour 0-23, minute 0-59, second 0-60).
std::optional<Timestamp> parse_timestamp(std::string_view text, TimeError* error = nullptr);

// Parses "YYYY-MM-DD" exactly (valid calendar date).
std::optional<Date> parse_date(std::string_view text, TimeError* error = nullptr);

// A configured duration: whole minutes, or whole business days ("1bd").
struct Duration {
  std::chrono::minutes minutes{0};
  int business_days = 0;  // when > 0, minutes is 0
  friend bool operator==(const Duration&, const Duration&) = default;
};
// The longest duration: a year, as days ("366d") or business days ("366bd").
inline constexpr int kMaxDurationDays = 366;
// Parses "15m", "90m", "1h", "4h", "2d" (calendar days), "1bd", up to a year
// (kMaxDurationDays); nullopt otherwise.
std::optional<Duration> parse_duration(std::string_view text);
// "15 minutes", "1 hour", "4 hours", "1 business day".
std::string describe(const Duration& d);

Date utc_date(Instant t);

// "2026-11-02T08:00:00Z"
std::string format_rfc3339(Instant t);
// "2026-11-02"
std::string format_iso_date(Date d);
// "Monday 2 November 2026, 09:45 UTC" — how a person reads a time in a customer email.
std::string format_human(Instant t);
// "Monday 2 November 2026"
std::string format_human_date(Date d);
// "10:40 UTC" — short form for messages about the same day.
std::string format_hhmm(Instant t);
// "2 Nov 2026 10:40 UTC" — compact form for diagnostics and the readout.
std::string format_short(Instant t);
// "2 Nov 2026" — the date of format_short.
std::string format_short_date(Date d);
// "10:40 UTC" when `t` falls on the same UTC date as `reference`, else "2 Nov 2026 10:40 UTC":
// a message says the date only when it matters.
std::string format_time_beside(Instant t, Instant reference);
// "1 day", "3 days".
std::string describe_days(long long days);
// RFC 5322 date: "Mon, 02 Nov 2026 09:45:00 +0000".
std::string format_rfc5322(Instant t);
// "1 minute", "2 hours 5 minutes", "3 days 2 hours" — for "sent 1 minute after ...".
std::string describe_span(std::chrono::seconds s);

// Parses the clock given on the command line (--now), RFC 3339 with a zone.
std::optional<Instant> parse_now(std::string_view text);

}  // namespace esc
