// A progress bar on stderr for batches: drawn only when stderr is a terminal and not under CI
// (the caller decides), never mixed into reports.
#pragma once

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

namespace esc {

class Progress {
 public:
  Progress(bool enabled, std::size_t total) : enabled_(enabled && total > 1), total_(total) {}
  // A batch that stopped early (an interrupt) clears the bar it drew.
  ~Progress() {
    if (enabled_ && drawn_ > 0 && drawn_ < total_) std::fprintf(stderr, "\r\033[K"), std::fflush(stderr);
  }
  void tick() {
    if (!enabled_) return;
    std::size_t done = ++done_;
    if (done != total_ && done % 16 != 0) return;
    std::lock_guard lock(mutex_);
    // A thread late to the lock must not draw an older count, nor draw after the bar is cleared.
    if (done <= drawn_) return;
    drawn_ = done;
    int width = 30;
    int filled = static_cast<int>(width * done / total_);
    std::fprintf(stderr, "\r[%s%s] %zu/%zu", std::string(filled, '#').c_str(),
                 std::string(width - filled, ' ').c_str(), done, total_);
    if (done == total_) std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  }

 private:
  bool enabled_;
  std::size_t total_;
  std::atomic<std::size_t> done_{0};
  std::size_t drawn_ = 0;  // the count last drawn (under mutex_)
  std::mutex mutex_;
};

}  // namespace esc
