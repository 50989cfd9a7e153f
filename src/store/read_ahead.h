// Read-ahead for a scan of the event log: a thread of its own touches the stored events a bounded
// distance ahead of the scan, so that the scan finds their pages already mapped and their bytes in
// cache. On a cold memory map the page faults and cache misses are most of what a scan costs
// (docs/PERFORMANCE.md, the change feed); the second core takes them instead.
#pragma once

#include <atomic>
#include <cstdint>
#include <thread>

#include "store/store.h"

namespace rmc {

class ReadAhead {
 public:
  // Starts touching the events of `store` from position `from` on, in its own read transaction.
  // Best effort: a failure to read ends the read-ahead, never the scan. REQUIRES: `store`
  // outlives this object.
  ReadAhead(const Store& store, uint64_t from);
  // Stops the thread and waits for it.
  ~ReadAhead();
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;

  // The scan has reached `position`: the thread may go on to `position` + the distance.
  void Reached(uint64_t position) {
    if (position - reached_.load(std::memory_order_relaxed) < kStep) return;
    reached_.store(position, std::memory_order_release);
    reached_.notify_one();
  }

 private:
  static constexpr uint64_t kDistance = 4096;  // events: a few MiB, well within the caches
  static constexpr uint64_t kStep = 256;       // how often the scan reports where it is

  void Run(const Store& store, uint64_t from);

  std::atomic<uint64_t> reached_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace rmc
