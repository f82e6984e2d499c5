#include <cstdlib>  // before the #ifdef: __GLIBC__ is defined by glibc's own headers
#include <cstring>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <csignal>
#include <iostream>

#include "cli/app.h"
#include "core/interrupt.h"

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // A pack's documents take and free a few hundred KiB at a time (zlib's state for each PDF
  // stream, the page buffers). With glibc's defaults the freed top of the heap goes back to the
  // kernel after nearly every pack and is faulted in again for the next (~5 page faults a pack
  // at -j 1, more with a second thread's arena), and at -j 2 each give-back also flushes the
  // other core's TLB. Keep up to 16 MiB of it in each arena: memory the run already used, so
  // peak memory measured the same (check, build, report). Setting it also fixes the size from
  // which a block gets its own mapping at 128 KiB, where glibc starts it anyway: a large batch's
  // big lists are still handed back whole when freed. A trim threshold the user set is kept.
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (!std::getenv("MALLOC_TRIM_THRESHOLD_") && !(tunables && std::strstr(tunables, "malloc.trim_threshold")))
    mallopt(M_TRIM_THRESHOLD, 16 << 20);
#endif
  const int status = esc::run_cli(argc, argv);
  // A run that got SIGINT or SIGTERM (build: it stopped between records, or it was done with
  // them all) ends by that signal once it has cleaned up, so the shell that started it stops
  // too (a loop of builds, make).
  if (const int signal = esc::interrupted()) {
    std::cout.flush();
    std::signal(signal, SIG_DFL);
    std::raise(signal);
  }
  return status;
}
