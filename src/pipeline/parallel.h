// Runs produce(i) for i in [0, n) on `jobs` worker threads and consume(i, result) on the calling
// thread in index order. Workers stay at most a small window ahead of the consumer, so memory
// does not grow with n, and everything consume() does happens in a deterministic order.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace esc {

template <class T, class Produce, class Consume>
void for_each_ordered(std::size_t n, unsigned jobs, Produce produce, Consume consume) {
  if (jobs <= 1 || n <= 1) {
    for (std::size_t i = 0; i < n; ++i) consume(i, produce(i));
    return;
  }
  const std::size_t window = 4 * static_cast<std::size_t>(jobs);
  std::mutex mutex;
  std::condition_variable ready, room;
  std::map<std::size_t, T> done;
  std::size_t next = 0, consumed = 0;
  auto worker = [&] {
    while (true) {
      std::size_t i;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return next >= n || next < consumed + window; });
        if (next >= n) return;
        i = next++;
      }
      T result = produce(i);
      {
        std::lock_guard lock(mutex);
        done.emplace(i, std::move(result));
      }
      ready.notify_one();
    }
  };
  std::vector<std::jthread> threads;
  for (unsigned t = 0; t < std::min<std::size_t>(jobs, n); ++t) threads.emplace_back(worker);
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<T> item;
    {
      std::unique_lock lock(mutex);
      ready.wait(lock, [&] { return done.count(i) > 0; });
      auto it = done.find(i);
      item.emplace(std::move(it->second));
      done.erase(it);
      consumed = i + 1;
    }
    room.notify_all();
    consume(i, std::move(*item));
  }
}

}  // namespace esc
