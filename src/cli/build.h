// escalate build's own options.
#pragma once

#include <string>

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

}  // namespace esc
