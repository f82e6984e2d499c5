// Fault injection for the end-to-end tests (LD_PRELOAD): the process gets a signal the moment it
// calls rename() or renameat2() with a target whose name ends in $KILL_AT_RENAME_TO, before the
// rename happens. The signal is SIGKILL, or the number in $KILL_AT_RENAME_SIGNAL (sent once; the
// rename then goes on). It shows what a run killed or interrupted in that instant leaves behind.
#include <dlfcn.h>
#include <stdio.h>

#include <atomic>
#include <csignal>
#include <cstdlib>
#include <cstring>

namespace {

void signal_at(const char* to) {
  static std::atomic<bool> sent{false};
  const char* suffix = std::getenv("KILL_AT_RENAME_TO");
  if (!suffix || !*suffix || !to) return;
  const std::size_t n = std::strlen(to), m = std::strlen(suffix);
  if (n < m || std::strcmp(to + n - m, suffix) != 0 || sent.exchange(true)) return;
  const char* numbers = std::getenv("KILL_AT_RENAME_SIGNAL");  // "2", or "2,15": one, then the other
  if (!numbers || !*numbers) std::raise(SIGKILL);
  for (const char* at = numbers; at; at = std::strchr(at, ',') ? std::strchr(at, ',') + 1 : nullptr)
    std::raise(std::atoi(at));
}

}  // namespace

extern "C" int rename(const char* from, const char* to) {
  signal_at(to);
  using Rename = int (*)(const char*, const char*);
  static const Rename real = reinterpret_cast<Rename>(::dlsym(RTLD_NEXT, "rename"));
  return real(from, to);
}

extern "C" int renameat2(int from_dir, const char* from, int to_dir, const char* to, unsigned int flags) {
  signal_at(to);
  using Renameat2 = int (*)(int, const char*, int, const char*, unsigned int);
  static const Renameat2 real = reinterpret_cast<Renameat2>(::dlsym(RTLD_NEXT, "renameat2"));
  return real(from_dir, from, to_dir, to, flags);
}
