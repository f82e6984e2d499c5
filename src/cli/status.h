// escalate status: the options of its own (the shared ones are in CommonOptions).
#pragma once

#include <string>

#include "cli/commands.h"

namespace esc {

struct StatusOptions {
  std::string format;         // text (default), json, ics
  std::string within = "24h"; // also list what falls due this soon
  std::string owner;          // only items this person must act on
};

int cmd_status(const CommonOptions& o, const StatusOptions& so);

}  // namespace esc
