// The access log's part of the store (store.h, docs/storage.md): records appended under gap-free
// positions, each holding the BLAKE2b-256 of the stored bytes of the one before, and an index by
// youth. The position and head are read from the last record itself, not from meta.
#include <cstring>

#include "store/store.h"
#include "base/digest.h"
#include "store/chain.h"

namespace rmc {

uint64_t StoreTxn::LastAccessPosition() const {
  if (!access_position_) {
    auto last = txn_->Last(store_.access_);
    access_position_ = last.ok() && *last ? ReadU64((*last)->first) : 0;
    if (last.ok() && *last) access_head_ = Blake2b((*last)->second);
  }
  return *access_position_;
}

std::string StoreTxn::AccessHead() const {
  if (!access_head_ && LastAccessPosition() == 0) {
    auto id = txn_->Get(store_.meta_, "ledger_id");
    access_head_ = Genesis(Chain::kAccess, id.ok() && *id ? **id : std::string_view());
  }
  return *access_head_;
}

Status StoreTxn::AppendAccess(capnp::MessageBuilder& record, std::string_view subject_id) {
  const uint64_t position = LastAccessPosition() + 1;
  auto words = capnp::messageToFlatArray(record);
  auto bytes = words.asChars();
  auto dest = txn_->Reserve(store_.access_, U64Key(position), bytes.size(), MDB_APPEND);
  if (!dest.ok()) return dest.status();
  std::memcpy(*dest, bytes.begin(), bytes.size());
  access_head_ = Blake2b({bytes.begin(), bytes.size()});
  access_position_ = position;
  if (subject_id.empty()) return Status::Ok();
  return txn_->Put(store_.access_subjects_, std::string(subject_id) + U64Key(position), "");
}

Result<std::optional<EventView>> StoreTxn::Access(uint64_t position) const {
  auto v = txn_->Get(store_.access_, U64Key(position));
  if (!v.ok()) return v.status();
  if (!*v) return std::optional<EventView>();
  return std::optional<EventView>(std::in_place, **v);
}

Status StoreTxn::ScanAccess(uint64_t from,
                            const std::function<bool(uint64_t, EventView&)>& visit) const {
  return ScanLog(store_.access_, "access record", from, visit);
}

Result<std::vector<uint64_t>> StoreTxn::AccessPositionsOf(std::string_view subject_id) const {
  std::vector<uint64_t> out;
  auto s = txn_->Scan(store_.access_subjects_, subject_id, [&](std::string_view k, std::string_view) {
    if (k.size() != subject_id.size() + 8 || k.substr(0, subject_id.size()) != subject_id) return false;
    out.push_back(ReadU64(k.substr(subject_id.size())));
    return true;
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace rmc
