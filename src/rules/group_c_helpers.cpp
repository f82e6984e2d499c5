#include "rules/group_c_helpers.h"

#include <array>

#include "core/text.h"
#include "rules/record_facts.h"

namespace esc::group_c {

namespace chr = std::chrono;

std::optional<ResolutionDeadline> resolution_deadline(const RuleContext& ctx, int business_days) {
  const auto deadline = model::pir_deadline(ctx.record, ctx.calendar, business_days);
  if (!deadline) return std::nullopt;  // no resolution_confirmed timestamp
  return ResolutionDeadline{deadline->resolved, business_days, deadline->date, describe_calendar(ctx.config),
                            ctx.record.milestone(Milestone::resolution_confirmed)->at.loc};
}

std::string describe_deadline(const ResolutionDeadline& d, std::string_view deadline_text) {
  std::string when = deadline_text.empty() ? format_iso_date(d.date) : std::string(deadline_text);
  return when + ", the " + ordinal(d.business_days) + " business day after resolution on " +
         format_short_date(d.resolved) + " (" + d.calendar + ")";
}

Note resolution_note(const ResolutionDeadline& d) {
  return note_at(d.resolution_loc, "resolution confirmed here (day 0 of the count)");
}

std::string describe_calendar(const Config& config) {
  std::string out = config.calendar == CalendarKind::none ? "calendar none: weekends only"
                                                          : "england-and-wales calendar";
  if (const std::size_t n = config.holidays.size(); n > 0)
    out += " and " + std::to_string(n) + (n == 1 ? " configured holiday" : " configured holidays");
  return out;
}

std::string format_short_date(Date d) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const chr::year_month_day ymd{d};
  return std::to_string(unsigned{ymd.day()}) + " " +
         std::string(kMonths[unsigned{ymd.month()} - 1]) + " " + std::to_string(int{ymd.year()});
}

std::string describe_days(long long days) {
  return std::to_string(days) + (days == 1 ? " day" : " days");
}

const Loc& value_or_section(const Loc& value, const Loc& section) {
  return value.mark.line == 0 ? section : value;
}

std::optional<std::string> unfilled(const Text& text, const Loc& parent) {
  if (!text) {
    if (key_written(text, parent)) return std::nullopt;  // invalid type: schema's finding
    return "is missing";
  }
  const std::string& value = *text;
  if (value.find_first_not_of(" \t\r\n") == std::string::npos) return "is empty";
  if (is_placeholder_value(value)) return "is a placeholder (\"" + excerpt(value) + "\")";
  const std::vector<TextMatch> tokens = find_placeholders(value);
  if (!tokens.empty()) return "contains the placeholder \"" + tokens.front().text + "\"";
  return std::nullopt;
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

}  // namespace esc::group_c
