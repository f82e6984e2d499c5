// The stakeholder grid's "At key milestones" cadence: who a customer communication reaches, and
// which stakeholders have not heard since a key milestone was reached.
#pragma once

#include <optional>
#include <vector>

#include "core/time.h"
#include "load/record.h"

namespace esc::model {

// Whether a communication of `type` reaches a stakeholder of `role` by the grid when it names
// no recipients of its own: To the customer primary contact ("Per cadence"); Cc the CSM on every
// update ("Per cadence") and the customer exec sponsor on the initial and resolution
// notifications ("At key milestones"). The email builder addresses its messages from this.
bool grid_reaches(Role role, CommType type);

// Whether a sent communication reached a stakeholder: its own to/cc when it has them (the
// stakeholder's contact among them), else the grid.
bool reached(const Communication& c, const Stakeholder& s);

// The key milestones an "At key milestones" stakeholder is told about: root cause identified,
// containment, resolution confirmed. (Customer first notified and closure comms sent are the
// initial and resolution notifications themselves.)
bool is_key_milestone(Milestone m);

// A stakeholder whose cadence is "At key milestones" (frequency `milestones`) on a channel the
// record holds (customer emails: not `internal`, whose briefings the record does not list) and
// who has not been reached by a communication since a key milestone was reached.
struct MilestoneUpdate {
  std::size_t stakeholder = 0;            // index in the grid
  Milestone milestone{};                  // the latest key milestone since their last update
  Instant reached_at{};                   // its `at`
  std::optional<std::size_t> last;        // the last communication that reached them
};
// Only once the customer has been notified (before that, the initial notification is what is
// owed, and it reaches them); milestones up to `now`, compared to the minute.
std::vector<MilestoneUpdate> milestone_updates_due(const Record& r, Instant now);

}  // namespace esc::model
