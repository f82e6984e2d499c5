// Fault injection for the end-to-end tests (LD_PRELOAD): the process is killed (SIGKILL) the
// moment it calls rename() with a target whose name ends in $KILL_AT_RENAME_TO, before the
// rename happens. It shows what a run killed in that instant leaves behind.
#include <dlfcn.h>

#include <csignal>
#include <cstdlib>
#include <cstring>

extern "C" int rename(const char* from, const char* to) {
  if (const char* suffix = std::getenv("KILL_AT_RENAME_TO"); suffix && *suffix && to) {
    const std::size_t n = std::strlen(to), m = std::strlen(suffix);
    if (n >= m && std::strcmp(to + n - m, suffix) == 0) std::raise(SIGKILL);
  }
  using Rename = int (*)(const char*, const char*);
  static const Rename real = reinterpret_cast<Rename>(::dlsym(RTLD_NEXT, "rename"));
  return real(from, to);
}
