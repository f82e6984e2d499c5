// `escalate status` views of what is due: an aligned text screen, JSON, and an iCalendar feed
// (RFC 5545, written with libical). Pure functions of the items and `now`: the same inputs give
// byte-identical output.
#pragma once

#include <chrono>
#include <ostream>
#include <string>
#include <vector>

#include "core/zone.h"
#include "model/due.h"

namespace esc {

struct StatusView {
  Instant now{};
  std::string within_text;                 // also list what falls due this soon: "24h", as given
  std::vector<model::DueItem> items;       // soonest first, already filtered
  std::size_t records = 0;                 // how many records were read
  bool color = false;                      // ANSI colour (text only)
  const TimeZone* zone = nullptr;          // display_timezone: times also shown there (text only)
};

// "25m", "3h 10m", "2d 4h".
std::string compact_span(std::chrono::minutes m);

void write_status_text(std::ostream& out, const StatusView& v);
void write_status_json(std::ostream& out, const StatusView& v);
// One VEVENT per deadline (an event at the instant of a customer update or triage deadline, an all-day
// event on a date deadline), a DISPLAY alarm 15 minutes before each customer-update deadline,
// DTSTAMP = now, UIDs from the items.
void write_status_ics(std::ostream& out, const StatusView& v);

}  // namespace esc
