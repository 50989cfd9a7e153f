#include "store/read_ahead.h"

namespace rmc {

ReadAhead::ReadAhead(const Store& store, uint64_t from)
    : reached_(from), thread_([this, &store, from] { Run(store, from); }) {}

ReadAhead::~ReadAhead() {
  stop_.store(true);
  reached_.fetch_add(kDistance);  // wakes a thread waiting for the scan
  reached_.notify_one();
  thread_.join();
}

void ReadAhead::Run(const Store& store, uint64_t from) {
  try {
    auto txn = store.Read();
    if (!txn.ok()) return;
    volatile char sink = 0;  // keeps the reads
    (void)(*txn)->ScanEvents(from, [&](uint64_t position, EventView& view) {
      for (uint64_t seen = reached_.load(std::memory_order_acquire); position > seen + kDistance;
           seen = reached_.load(std::memory_order_acquire)) {
        if (stop_.load()) return false;
        reached_.wait(seen);
      }
      if (stop_.load()) return false;
      const auto bytes = view.bytes();
      for (size_t i = 0; i < bytes.size(); i += 64) sink = sink + bytes[i];
      return true;
    });
  } catch (...) {
    // A damaged event: the scan itself will meet it and say so.
  }
}

}  // namespace rmc
