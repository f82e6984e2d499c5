// The skeleton `escalate init` prints: every section, every milestone, the stakeholder grid's
// roles, and the yaml-language-server modeline that gives editors the schema.
#pragma once

#include <string>

namespace esc {

std::string record_skeleton(const std::string& id);

}  // namespace esc
