// BLAKE2b-256 (libsodium's crypto_generichash): the hash of the ledger's chains and of a
// command's canonical JSON (its idempotency hash).
#pragma once

#include <string>
#include <string_view>

namespace rmc {

// BLAKE2b-256 of `bytes`: 32 bytes.
std::string Blake2b(std::string_view bytes);

}  // namespace rmc
