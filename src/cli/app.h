// The command line: one table of subcommands, each a function of parsed options. main() calls
// run_cli and nothing else.
#pragma once

namespace esc {

// Exit status: 0 no error-level findings; 1 error-level findings (or warnings with --strict);
// 2 usage, configuration or I/O error.
int run_cli(int argc, char** argv);

}  // namespace esc
