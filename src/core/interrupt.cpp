#include "core/interrupt.h"

#include <atomic>
#include <csignal>

namespace esc {

namespace {

// Lock-free, so the handler may use it.
std::atomic<int> arrived{0};
static_assert(std::atomic<int>::is_always_lock_free);

constexpr int kSignals[] = {SIGINT, SIGTERM};
// Which of kSignals have the handler (not those the parent ignored); written before any is
// installed, read by the handler.
bool caught[std::size(kSignals)] = {};

extern "C" void on_interrupt(int signal) {
  int none = 0;
  arrived.compare_exchange_strong(none, signal, std::memory_order_relaxed);  // the first one counts
  // The next SIGINT or SIGTERM, of either kind, finds the default action (sigaction is
  // async-signal-safe).
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  for (std::size_t i = 0; i < std::size(kSignals); ++i)
    if (caught[i]) ::sigaction(kSignals[i], &fallback, nullptr);
}

}  // namespace

void catch_interrupts() {
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  for (int signal : kSignals) sigaddset(&action.sa_mask, signal);  // one handler at a time
  // SA_RESTART: a read or write that the signal interrupts goes on.
  action.sa_flags = SA_RESTART;
  for (std::size_t i = 0; i < std::size(kSignals); ++i) {
    struct sigaction old {};
    // A signal ignored by whoever started us (nohup, a shell's background job) stays ignored.
    caught[i] = ::sigaction(kSignals[i], nullptr, &old) == 0 && old.sa_handler != SIG_IGN;
  }
  for (std::size_t i = 0; i < std::size(kSignals); ++i)
    if (caught[i]) ::sigaction(kSignals[i], &action, nullptr);
}

int interrupted() { return arrived.load(std::memory_order_relaxed); }

}  // namespace esc
