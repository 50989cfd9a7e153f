// Whether an event's sealed fields can no longer be opened because its subject was erased: what a
// view of events shows as "erased" instead of "sealed".
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "event.capnp.h"
#include "privacy/keystore.h"
#include "privacy/unsealer.h"

namespace rmc {

// For one event: asks the unsealer (and its cache).
bool IsErasedSubject(Unsealer& unsealer, schema::Event::Reader e);

// For a scan that meets each subject many times (the change feed): the answer is kept per
// subject for the life of this object, so an erasure by another process shows only in a new one.
// An open-addressing table of the 16-byte subject ids: one probe, mostly one cache line, per event.
class ErasedSubjects {
 public:
  explicit ErasedSubjects(const Keystore& keystore) : keystore_(keystore), slots_(1024) {}

  bool operator()(schema::Event::Reader e);

 private:
  static constexpr size_t kIdSize = 16;
  enum : uint8_t { kEmpty, kKept, kErased };
  struct Slot {
    char id[kIdSize];
    uint8_t state = kEmpty;
  };

  // Unsealer::IsErased without its cache (a std::map of every subject, this one's double).
  bool Erased(std::string_view subject);
  // The slot of `id`, or the empty one where it belongs.
  Slot* Find(std::string_view id);
  void Grow();

  const Keystore& keystore_;
  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t used_ = 0;
};

}  // namespace rmc
