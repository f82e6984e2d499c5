#include "core/zone.h"

#include <libical/ical.h>

#include <cstdio>
#include <mutex>
#include <re2/re2.h>

#include "core/text.h"

namespace esc {

namespace {

namespace chr = std::chrono;

// libical expands a zone's rules lazily into the zone object it owns; one lock keeps two
// threads from expanding the same zone at once.
std::mutex& libical_zones() {
  static std::mutex m;
  return m;
}

// "+0530" for a zone without a name of its own (tzdata writes "-03", "+0530").
std::string numeric_abbreviation(chr::seconds offset) {
  const long long s = offset.count();
  const long long a = s < 0 ? -s : s;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%c%02lld%02lld", s < 0 ? '-' : '+', a / 3600 % 100, a / 60 % 60);
  return buf;
}

bool is_numeric_name(const std::string& s) { return s.empty() || s[0] == '-' || s[0] == '+'; }

// "10:40 UTC" -> "10:40" (the UTC formatters applied to local wall time).
std::string without_utc(std::string s) {
  if (s.ends_with(" UTC")) s.resize(s.size() - 4);
  return s;
}

}  // namespace

std::optional<TimeZone> TimeZone::load(std::string_view name, std::string* error) {
  static const re2::RE2 shape(R"([A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_][A-Za-z0-9_+-]*)*)");
  auto fail = [&](const std::string& why) -> std::optional<TimeZone> {
    if (error) *error = why;
    return std::nullopt;
  };
  if (name.size() > 128 || !re2::RE2::FullMatch(re2::StringPiece(name.data(), name.size()), shape))
    return fail(concat({"'", name, "' is not an IANA time zone name such as Europe/London"}));
  TimeZone z;
  z.name_ = std::string(name);
  std::lock_guard<std::mutex> lock(libical_zones());
  icaltimezone* zone = icaltimezone_get_builtin_timezone(z.name_.c_str());
  if (zone == nullptr)
    return fail(concat({"'", z.name_,
                        "' is not a time zone in the installed IANA database (tzdata); use a name such as "
                        "Europe/London or America/New_York"}));
  z.zone_ = zone;
  // libical names a zone "STANDARD/DAYLIGHT" from its current rules ("GMT/BST", "IST/GMT" for
  // Dublin, whose winter time is the daylight one), or one name, or none for UTC.
  const char* names = icaltimezone_get_tznames(zone);
  const std::string both = names ? names : (z.name_ == "UTC" || z.name_ == "Etc/UTC" ? "UTC" : "");
  const std::size_t slash = both.find('/');
  z.standard_name_ = both.substr(0, slash);
  z.daylight_name_ = slash == std::string::npos ? z.standard_name_ : both.substr(slash + 1);
  return z;
}

TimeZone::Local TimeZone::at(Instant t) const {
  const time_t s = static_cast<time_t>(chr::floor<chr::seconds>(t).time_since_epoch().count());
  int is_daylight = 0;
  int offset = 0;
  {
    std::lock_guard<std::mutex> lock(libical_zones());
    icaltimetype utc = icaltime_from_timet_with_zone(s, 0, icaltimezone_get_utc_timezone());
    offset = icaltimezone_get_utc_offset_of_utc_time(static_cast<icaltimezone*>(zone_), &utc, &is_daylight);
  }
  Local l;
  l.offset = chr::seconds(offset);
  l.dst = is_daylight != 0;
  l.abbreviation = l.dst ? daylight_name_ : standard_name_;
  if (is_numeric_name(l.abbreviation)) l.abbreviation = numeric_abbreviation(l.offset);
  return l;
}
std::string format_human_in(Instant t, const TimeZone& zone) {
  const TimeZone::Local l = zone.at(t);
  return without_utc(format_human(t + l.offset)) + " " + l.abbreviation;
}

std::string format_hhmm_in(Instant t, const TimeZone& zone) {
  const TimeZone::Local l = zone.at(t);
  return without_utc(format_hhmm(t + l.offset)) + " " + l.abbreviation;
}

std::string format_compact_in(Instant t, const TimeZone& zone) {
  const TimeZone::Local l = zone.at(t);
  const Instant local = t + l.offset;
  const std::string weekday = format_human_date(utc_date(local)).substr(0, 3);
  return weekday + " " + without_utc(format_short(local)) + " " + l.abbreviation;
}

}  // namespace esc
