// libFuzzer target: the record loader and every record rule, as `escalate check` runs them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/calendar.h"
#include "rules/engine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const esc::Config config;
  static const esc::Calendar calendar(config.calendar, config.holidays);
  static const esc::Instant now = *esc::parse_now("2026-11-20T12:00:00Z");
  std::string_view text(reinterpret_cast<const char*>(data), size);
  esc::check_record_text(text, "fuzz.yaml", esc::CheckOptions{&config, now}, calendar);
  return 0;
}
