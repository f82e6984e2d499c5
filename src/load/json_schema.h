// Turns the field table into a JSON Schema (draft 2020-12) for editors and other tools.
#pragma once

#include <string>

#include "load/fields.h"

namespace esc {

// The schema of the incident record, pretty-printed with a trailing newline.
std::string record_json_schema();
// The schema of the configuration file.
std::string config_json_schema();

}  // namespace esc
