#include "rules/group_b_helpers.h"
#include "core/text.h"

#include "rules/record_facts.h"

namespace esc::group_b {

std::string format_near(Instant t, Instant reference) {
  return utc_date(t) == utc_date(reference) ? format_hhmm(t) : format_short(t);
}

std::optional<Status> stated_status(const Communication& c) {
  if (c.type && *c.type == CommType::resolution) return Status::resolved;
  if (c.status) return *c.status;
  return std::nullopt;
}

std::string comm_name(const Communication& c) {
  const std::string position = "communication #" + std::to_string(c.index + 1);
  if (!c.type) return position;
  if (*c.type == CommType::progress)
    return c.number ? describe_communication(c) : "the progress update listed as " + position;
  return "the " + describe_communication(c);
}

std::string quoted_status(Status s) { return concat({"`", name_of(s), "`"}); }

}  // namespace esc::group_b
