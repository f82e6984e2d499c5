#include "cli/app.h"

int main(int argc, char** argv) { return esc::run_cli(argc, argv); }
