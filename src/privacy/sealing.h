// Sealing of personal data (docs/storage.md#sealing): the $personal fields of a payload are moved
// into a separate message and encrypted with the subject's key (XChaCha20-Poly1305, libsodium).
// Erasing the key (crypto-shredding) makes them unreadable while the event stays intact.
#pragma once

#include <capnp/dynamic.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"

namespace rmc {

using SubjectKey = std::array<uint8_t, 32>;

// Copies `full` into `pub` without its personal fields and into `personal` with only those.
// Both builders must be of full's struct type. Returns whether any personal field was set.
bool SplitPersonal(capnp::DynamicStruct::Reader full, capnp::DynamicStruct::Builder pub,
                   capnp::DynamicStruct::Builder personal);

// The JSON paths ("subject.name", "doel") of the personal fields set in `personal`, the part
// SplitPersonal sealed; a union's active member is not named (Payload).
std::vector<std::string> PersonalFieldPaths(capnp::DynamicStruct::Reader personal);

SubjectKey NewSubjectKey();

// nonce (24 bytes) || ciphertext || tag. `associated` (the event id) is authenticated, binding
// the ciphertext to its event.
std::vector<uint8_t> Seal(const SubjectKey& key, const uint8_t* plain, size_t size,
                          const uint8_t* associated, size_t associated_size);

// The plaintext, or a ledger_error when the ciphertext does not authenticate.
Result<std::vector<uint8_t>> Unseal(const SubjectKey& key, const uint8_t* sealed, size_t size,
                                    const uint8_t* associated, size_t associated_size);

}  // namespace rmc
