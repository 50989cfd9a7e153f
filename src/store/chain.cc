#include "store/chain.h"

#include "access.capnp.h"
#include "codec/bytes.h"

namespace rmc {
namespace {

template <typename Root>
void Read(ChainLink& link) {
  Decoding(
      [&] {
        auto entry = link.view.Root<Root>();
        link.prev_hash = Bytes(entry.getPrevHash());
        link.named_position = entry.getPosition();
        link.decoded = true;
      },
      [&](const kj::Exception& e) {
        link.prev_hash = {};
        link.damage = e.getDescription().cStr();
      });
}

}  // namespace

std::string Genesis(Chain chain, std::string_view ledger_id) {
  return Blake2b(chain == Chain::kAccess ? "access" + std::string(ledger_id) : std::string(ledger_id));
}

Result<std::string> Genesis(const StoreTxn& txn, Chain chain) {
  auto id = txn.Meta("ledger_id");
  if (!id.ok()) return id.status();
  return Genesis(chain, *id ? **id : "");
}

namespace chain_internal {

void ReadLink(Chain chain, ChainLink& link) {
  if (chain == Chain::kEvents)
    Read<schema::Event>(link);
  else
    Read<schema::AccessRecord>(link);
}

Status Scan(const StoreTxn& txn, Chain chain,
            const std::function<bool(uint64_t, EventView&)>& visit) {
  return chain == Chain::kEvents ? txn.ScanEvents(1, visit) : txn.ScanAccess(1, visit);
}

}  // namespace chain_internal
}  // namespace rmc

namespace rmc {

Result<EntryCheck> CheckEventEntry(const StoreTxn& txn, uint64_t position) {
  EntryCheck check;
  check.position = position;
  auto entry = txn.Event(position);
  if (!entry.ok()) return entry.status();
  if (!*entry) return check;
  check.present = true;
  ChainLink link{position, position, **entry};
  chain_internal::ReadLink(Chain::kEvents, link);
  check.decoded = link.decoded;
  check.damage = link.damage;
  check.named_position = link.named_position;
  check.hash = Blake2b((*entry)->bytes());
  std::string head;
  if (position == 1) {
    auto genesis = Genesis(txn, Chain::kEvents);
    if (!genesis.ok()) return genesis.status();
    head = std::move(*genesis);
  } else {
    auto before = txn.Event(position - 1);
    if (!before.ok()) return before.status();
    if (*before) head = Blake2b((*before)->bytes());
  }
  check.linked = link.decoded && !head.empty() && link.prev_hash == head;
  auto after = txn.Event(position + 1);
  if (!after.ok()) return after.status();
  if (*after) {
    ChainLink next{position + 1, position + 1, **after};
    chain_internal::ReadLink(Chain::kEvents, next);
    check.followed = next.decoded && next.prev_hash == check.hash;
  }
  return check;
}

}  // namespace rmc
