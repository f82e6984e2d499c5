// escalate lint-comms: lint customer-email drafts (.eml, .txt, .md or stdin) before they are
// sent, with the same reports, exit codes, --strict and --baseline as `check`.
#pragma once

#include <string>

#include "cli/commands.h"

namespace esc {

struct LintCommsOptions {
  std::string incident;  // --incident FILE: the record the drafts belong to
};

int cmd_lint_comms(const CommonOptions& options, const LintCommsOptions& lint);

}  // namespace esc
