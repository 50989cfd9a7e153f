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
