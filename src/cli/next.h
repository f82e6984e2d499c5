// escalate next: the options of its own (the shared ones are in CommonOptions).
#pragma once

#include <string>

#include "cli/commands.h"

namespace esc {

struct NextOptions {
  std::string record;         // a record file, or a record id looked up under the current folder
  std::string format = "eml"; // eml or txt
  bool force = false;         // replace an existing file
};

int cmd_next(const CommonOptions& o, const NextOptions& no);

}  // namespace esc
