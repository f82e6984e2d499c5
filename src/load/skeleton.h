// The skeleton `escalate init` prints: every section, every milestone, the stakeholder grid's
// roles, and the yaml-language-server modeline that gives editors the schema.
#pragma once

#include <string>

namespace esc {

// `schema` is what the modeline names: a path yaml-language-server can load offline.
std::string record_skeleton(const std::string& id, const std::string& schema);

}  // namespace esc
