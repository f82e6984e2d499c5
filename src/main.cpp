#include <cstdlib>  // defines __GLIBC__ on glibc
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "cli/app.h"

int main(int argc, char** argv) {
#ifdef __GLIBC__
  // A pack's documents take and free a few hundred KiB at a time (zlib's state for each PDF
  // stream, the page buffers). With glibc's defaults the freed top of the heap goes back to the
  // kernel after nearly every pack and is faulted in again for the next (~5 page faults a pack
  // at -j 1, up to three times that with a second thread's arena), and at -j 2 each give-back
  // also flushes the other core's TLB. Keep up to 16 MiB of it. Peak memory is unchanged: what
  // is kept is what the run already used. (Setting this also fixes glibc's threshold for giving
  // a large block its own mapping at 128 KiB, where it starts anyway: the big lists of a large
  // batch are still handed back whole when freed.)
  mallopt(M_TRIM_THRESHOLD, 16 << 20);
#endif
  return esc::run_cli(argc, argv);
}
