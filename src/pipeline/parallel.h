// Runs produce(i) for i in [0, n) on `jobs` threads (the calling thread is one of them) and
// consume(i, result) for every i in index order, one call at a time. Workers stay at most a
// small window ahead of the consumer, so memory does not grow with n, and everything consume()
// does happens in a deterministic order.
//
// There is no consumer thread: the worker that finishes the next item in order consumes it, and
// every later item already finished, then goes back to producing. A separate consumer would be
// a third thread on two cores, woken for every item: each wake-up preempts a worker.
// An exception from produce or consume stops the workers and is rethrown here.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <map>
#include <mutex>
#include <system_error>
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
  std::condition_variable room;
  std::map<std::size_t, T> done;  // finished, waiting for the items before them
  std::size_t next = 0, consumed = 0;
  bool consuming = false;  // a worker is consuming: the others only add to `done`
  std::exception_ptr failure;
  auto worker = [&] {
    try {
      while (true) {
        std::size_t i;
        {
          std::unique_lock lock(mutex);
          room.wait(lock, [&] { return failure || next >= n || next < consumed + window; });
          if (failure || next >= n) return;
          i = next++;
        }
        T result = produce(i);
        std::unique_lock lock(mutex);
        if (failure) return;
        done.emplace(i, std::move(result));
        if (consuming) continue;
        consuming = true;
        // Consume while the next item in order is finished; release the role only under the
        // lock, after seeing that it is not, so a worker adding it afterwards takes the role.
        for (auto it = done.find(consumed); !failure && it != done.end(); it = done.find(consumed)) {
          T item = std::move(it->second);
          done.erase(it);
          const std::size_t k = consumed;
          lock.unlock();
          consume(k, std::move(item));
          lock.lock();
          ++consumed;
          room.notify_all();
        }
        consuming = false;
      }
    } catch (...) {
      std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
      room.notify_all();
    }
  };
  {
    std::vector<std::jthread> threads;
    try {
      for (unsigned t = 1; t < std::min<std::size_t>(jobs, n); ++t) threads.emplace_back(worker);
    } catch (const std::system_error&) {
      // No more threads (EAGAIN): the ones that started, and this one, do the whole batch.
    }
    worker();
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace esc
