#include "model/describe.h"

#include "core/text.h"

namespace esc::model {

std::string describe_deadline(const PirDeadline& d, const Config& config, std::string_view deadline_text) {
  const std::string when = deadline_text.empty() ? format_iso_date(d.date) : std::string(deadline_text);
  return when + ", the " + ordinal(d.business_days) + " business day after resolution on " +
         format_short_date(d.resolved) + " (" + describe_calendar(config) + ")";
}

Note resolution_note(const Record& r) {
  const TimelineRow* row = r.milestone(Milestone::resolution_confirmed);
  const Mark mark = row ? row->at.loc.mark : Mark{};
  return Note{mark, "resolution confirmed here (day 0 of the count)"};
}

std::string describe_calendar(const Config& config) {
  std::string out = config.calendar == CalendarKind::none ? "calendar none: weekends only"
                                                          : "england-and-wales calendar";
  if (const std::size_t n = config.holidays.size(); n > 0)
    out += " and " + std::to_string(n) + (n == 1 ? " configured holiday" : " configured holidays");
  return out;
}

std::string describe_commitment(const Commitment& c, std::size_t index) {
  std::string out = "commitment #" + std::to_string(index + 1);
  if (c.commitment && !c.commitment->empty()) {
    constexpr std::size_t kMax = 60;
    std::string text = *c.commitment;
    if (utf8_length(text) > kMax) {
      // Cut on a code-point boundary.
      std::size_t bytes = 0;
      for (std::size_t points = 0; bytes < text.size() && points < kMax - 3; ++points) {
        ++bytes;
        while (bytes < text.size() && (static_cast<unsigned char>(text[bytes]) & 0xC0) == 0x80) ++bytes;
      }
      // ... and at the last word boundary when there is one in the second half.
      const std::size_t space = text.rfind(' ', bytes);
      if (space != std::string::npos && space > bytes / 2) bytes = space;
      text = text.substr(0, bytes) + "...";
    }
    out += " (\"" + text + "\")";
  }
  return out;
}

}  // namespace esc::model
