// The ledger's two hash chains (docs/storage.md, The hash chain): the events and the access
// log. Every entry's prevHash is the BLAKE2b-256 of the stored bytes of the entry before it; the
// first entry's is its chain's genesis, derived from the ledger's id, so that no entry of one
// ledger (or one chain) fits another.
#pragma once

#include <string>
#include <string_view>

namespace rmc {

enum class Chain { kEvents, kAccess };

// The prevHash of the chain's first entry: BLAKE2b(ledger id) for the events,
// BLAKE2b("access" || ledger id) for the access log.
std::string Genesis(Chain chain, std::string_view ledger_id);

}  // namespace rmc
