#include "privacy/erased_subjects.h"

#include <cstring>

#include "codec/bytes.h"

namespace rmc {
namespace {

bool HasSealedSubject(schema::Event::Reader e) {
  return (e.hasSealed() || e.hasSealedReason()) && e.hasSubject();
}

std::string_view SubjectOf(schema::Event::Reader e) { return Bytes(e.getSubject()); }

}  // namespace

bool IsErasedSubject(Unsealer& unsealer, schema::Event::Reader e) {
  return HasSealedSubject(e) && unsealer.IsErased(SubjectOf(e));
}

bool ErasedSubjects::operator()(schema::Event::Reader e) {
  if (!HasSealedSubject(e)) return false;
  const std::string_view subject = SubjectOf(e);
  if (subject.size() != kIdSize) return Erased(subject);
  Slot* slot = Find(subject);
  if (slot->state != kEmpty) return slot->state == kErased;
  const bool erased = Erased(subject);
  std::memcpy(slot->id, subject.data(), kIdSize);
  slot->state = erased ? kErased : kKept;
  if (++used_ * 2 > slots_.size()) Grow();  // `slot` is invalid from here on
  return erased;
}

bool ErasedSubjects::Erased(std::string_view subject) {
  auto key = keystore_.Key(subject);
  return !key.ok() || !key->has_value();
}

// Ids are keyed hashes: their first bytes are as good as any hash.
ErasedSubjects::Slot* ErasedSubjects::Find(std::string_view id) {
  uint64_t hash;
  std::memcpy(&hash, id.data(), sizeof hash);
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    Slot& slot = slots_[i];
    if (slot.state == kEmpty || std::memcmp(slot.id, id.data(), kIdSize) == 0) return &slot;
  }
}

void ErasedSubjects::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  for (const Slot& slot : old)
    if (slot.state != kEmpty) *Find({slot.id, kIdSize}) = slot;
}

}  // namespace rmc
