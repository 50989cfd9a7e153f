// The ledger's two hash chains (docs/storage.md, The hash chain): the events and the access
// log. Every entry's prevHash is the BLAKE2b-256 of the stored bytes of the entry before it; the
// first entry's is its chain's genesis, derived from the ledger's id, so that no entry of one
// ledger (or one chain) fits another.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/digest.h"
#include "store/store.h"

namespace rmc {

enum class Chain { kEvents, kAccess };

// The prevHash of the chain's first entry: BLAKE2b(ledger id) for the events,
// BLAKE2b("access" || ledger id) for the access log.
std::string Genesis(Chain chain, std::string_view ledger_id);
// The same for the ledger `txn` reads (meta "ledger_id"; none: an empty id).
Result<std::string> Genesis(const StoreTxn& txn, Chain chain);

// One entry of a chain as WalkChain meets it: what each check of the chain needs, judged by
// none (verify lists every problem, a checkpoint stops at the first).
struct ChainLink {
  uint64_t position;     // where the entry is stored
  uint64_t expected;     // the position after the entry before (1 for the first): a gap if not
  EventView& view;       // the entry; its readers are valid during the visit
  bool decoded = false;  // its prevHash and position could be read
  std::string damage{};  // if not, why: the reader's description
  std::string_view prev_hash{};  // the prevHash it holds (empty if not decoded)
  std::string_view head{};       // the hash of the entry before it, or the chain's genesis
  bool linked = false;           // decoded, and prev_hash == head
  uint64_t named_position = 0;   // the position it names (0 if not decoded)
  std::string_view hash{};       // the BLAKE2b-256 of its stored bytes: the next entry's head
};

// Where a walk ended: the last entry visited and its hash; (0, genesis) when there was none.
struct ChainEnd {
  uint64_t position = 0;
  std::string head;
};

namespace chain_internal {
// Reads link.view as the chain's entry: decoded, damage, prev_hash, named_position.
void ReadLink(Chain chain, ChainLink& link);
Status Scan(const StoreTxn& txn, Chain chain,
            const std::function<bool(uint64_t, EventView&)>& visit);
}  // namespace chain_internal

// Visits the chain's entries from position 1 in position order, damaged ones included, until
// visit(const ChainLink&) returns false. The head after an entry is the hash of its stored
// bytes, whether or not it decodes.
template <typename Visit>
Result<ChainEnd> WalkChain(const StoreTxn& txn, Chain chain, Visit&& visit) {
  auto genesis = Genesis(txn, chain);
  if (!genesis.ok()) return genesis.status();
  ChainEnd end{0, std::move(*genesis)};
  std::string hash;
  auto s = chain_internal::Scan(txn, chain, [&](uint64_t position, EventView& view) {
    ChainLink link{position, end.position + 1, view};
    chain_internal::ReadLink(chain, link);
    link.head = end.head;
    link.linked = link.decoded && link.prev_hash == link.head;
    hash = Blake2b(view.bytes());
    link.hash = hash;
    const bool more = visit(static_cast<const ChainLink&>(link));
    end.position = position;
    end.head.swap(hash);
    return more;
  });
  if (!s.ok()) return s;
  return end;
}

}  // namespace rmc

namespace rmc {

// One entry of the event chain checked on its own, without walking the chain from its start
// (`rmc replay CASE --verify` checks a case's events this way): it links to the entry before it
// when its prevHash is the hash of that entry's stored bytes (the genesis for the first), and
// it is vouched for by the entry after it when that one's prevHash is its own hash. The last
// entry has none after it: only a checkpoint can vouch for it.
struct EntryCheck {
  uint64_t position = 0;
  bool present = false;          // an entry is stored at `position`
  bool decoded = false;          // its prevHash and position could be read
  std::string damage;            // if not, why
  uint64_t named_position = 0;   // the position it names
  bool linked = false;           // decoded, and its prevHash is the hash of the entry before
  std::optional<bool> followed;  // the next entry's prevHash is its hash; none: it is the last
  std::string hash;              // the BLAKE2b-256 of its stored bytes
  bool holds() const {
    return present && decoded && linked && named_position == position && followed.value_or(true);
  }
};

Result<EntryCheck> CheckEventEntry(const StoreTxn& txn, uint64_t position);

}  // namespace rmc
