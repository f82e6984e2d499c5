// escalate build's own options, and the readout step of a pack.
#pragma once

#include <string>
#include <vector>

#include "load/config.h"
#include "load/record.h"
#include "report/report.h"
#include "write/pack.h"

namespace esc {

struct BuildOptions {
  std::string output_dir;
  bool force = false;
  std::string templates;
  std::string junit;
  std::string sarif;
  std::string font;  // --font: the readout's TrueType font
};

struct CommonOptions;
int cmd_build(const CommonOptions& o, const BuildOptions& b);

// Renders the executive readout into `files` (exec-readout.pdf), adding its findings to `fr`;
// `error` receives an environment problem (missing font).
void build_readout(const Record& record, const Config& config, bool draft, const std::string& font,
                   FileResult& fr, std::vector<PackFile>& files, std::string& error);

}  // namespace esc
