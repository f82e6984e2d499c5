#include "core/zone.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <re2/re2.h>

namespace esc {

namespace {

namespace chr = std::chrono;

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | p[3];
}
std::int64_t be64(const unsigned char* p) {
  return static_cast<std::int64_t>((std::uint64_t{be32(p)} << 32) | be32(p + 4));
}

// "+0530" for a zone type without a name.
std::string numeric_abbreviation(chr::seconds offset) {
  const long long s = offset.count();
  const long long a = s < 0 ? -s : s;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%c%02lld%02lld", s < 0 ? '-' : '+', a / 3600 % 100, a / 60 % 60);
  return buf;
}

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
    return fail("'" + std::string(name) + "' is not an IANA time zone name such as Europe/London");
  const char* dir = std::getenv("TZDIR");
  const std::filesystem::path base(dir && *dir ? dir : "/usr/share/zoneinfo");
  const std::filesystem::path path = base / std::string(name);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec) || std::filesystem::file_size(path, ec) > 1024 * 1024)
    return fail("'" + std::string(name) + "' is not a time zone in the IANA database (" + base.string() +
                "); use a name such as Europe/London or America/New_York");
  std::ifstream in(path, std::ios::binary);
  const std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto* p = reinterpret_cast<const unsigned char*>(data.data());
  const std::size_t n = data.size();
  const std::string unreadable = "the zone file " + path.string() + " is not a TZif file";
  if (n < 44 || data.compare(0, 4, "TZif") != 0) return fail(unreadable);

  // RFC 8536: a version 1 block (32-bit times), then for version 2+ a second header and block
  // with 64-bit times, which is the one to read.
  auto counts = [&](std::size_t at, std::uint32_t c[6]) {
    for (int i = 0; i < 6; ++i) c[i] = be32(p + at + 20 + 4 * static_cast<std::size_t>(i));
  };
  std::uint32_t c[6];  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  counts(0, c);
  std::size_t at = 44;
  int time_size = 4;
  if (data[4] >= '2') {
    const std::size_t v1 = std::size_t{c[3]} * 5 + std::size_t{c[4]} * 6 + c[5] + std::size_t{c[2]} * 8 + c[1] + c[0];
    at += v1;
    if (n < at + 44 || data.compare(at, 4, "TZif") != 0) return fail(unreadable);
    counts(at, c);
    at += 44;
    time_size = 8;
  }
  const std::size_t timecnt = c[3], typecnt = c[4], charcnt = c[5];
  if (typecnt == 0 || n < at + timecnt * (static_cast<std::size_t>(time_size) + 1) + typecnt * 6 + charcnt)
    return fail(unreadable);
  TimeZone z;
  z.name_ = std::string(name);
  for (std::size_t i = 0; i < timecnt; ++i)
    z.transitions_.push_back(time_size == 8 ? be64(p + at + 8 * i)
                                            : static_cast<std::int32_t>(be32(p + at + 4 * i)));
  at += timecnt * static_cast<std::size_t>(time_size);
  for (std::size_t i = 0; i < timecnt; ++i) {
    if (p[at + i] >= typecnt) return fail(unreadable);
    z.type_of_.push_back(p[at + i]);
  }
  at += timecnt;
  const std::size_t abbrevs = at + typecnt * 6;
  for (std::size_t i = 0; i < typecnt; ++i) {
    const unsigned char* t = p + at + 6 * i;
    Type type;
    type.offset = chr::seconds(static_cast<std::int32_t>(be32(t)));
    type.dst = t[4] != 0;
    const std::size_t idx = t[5];
    if (idx < charcnt) {
      const char* s = data.data() + abbrevs + idx;
      type.abbreviation.assign(s, strnlen(s, charcnt - idx));
    }
    // Zones without a name of their own write "-03" / "+0530": shown as a numeric offset.
    if (type.abbreviation.empty() || type.abbreviation[0] == '-' || type.abbreviation[0] == '+')
      type.abbreviation = numeric_abbreviation(type.offset);
    z.types_.push_back(std::move(type));
  }
  return z;
}

TimeZone::Local TimeZone::at(Instant t) const {
  const std::int64_t s = chr::floor<chr::seconds>(t).time_since_epoch().count();
  std::size_t type = initial_type_;
  // The last transition at or before `t`.
  auto it = std::upper_bound(transitions_.begin(), transitions_.end(), s);
  if (it != transitions_.begin()) type = type_of_[static_cast<std::size_t>(it - transitions_.begin() - 1)];
  const Type& ty = types_[type];
  return Local{ty.offset, ty.abbreviation, ty.dst};
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
