#include "cli/build.h"

namespace esc {

// The readout PDF slots in here (issue 5).
void build_readout(const Record&, const Config&, bool, FileResult&, std::vector<PackFile>&, std::string&) {}

}  // namespace esc
