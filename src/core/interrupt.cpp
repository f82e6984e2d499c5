#include "core/interrupt.h"

#include <atomic>
#include <csignal>

namespace esc {

namespace {

// Lock-free, so the handler may store to it.
std::atomic<int> arrived{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void on_interrupt(int signal) { arrived.store(signal, std::memory_order_relaxed); }

}  // namespace

void catch_interrupts() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // SA_RESETHAND: the second signal finds the default action and ends the process. SA_RESTART:
  // a read or write that the signal interrupts goes on.
  action.sa_flags = SA_RESETHAND | SA_RESTART;
  for (int signal : {SIGINT, SIGTERM}) {
    struct sigaction old {};
    // A signal ignored by whoever started us (nohup, a shell's background job) stays ignored.
    if (::sigaction(signal, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    ::sigaction(signal, &action, nullptr);
  }
}

int interrupted() { return arrived.load(std::memory_order_relaxed); }

}  // namespace esc
