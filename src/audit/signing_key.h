// Ed25519 signing keys for checkpoints (libsodium crypto_sign): the key file, signing, and
// checking a signature. The key file format is described in docs/storage.md (Checkpoints).
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace rmc {

struct SigningKey {
  std::string seed;        // 32 bytes: the secret from which both keys are derived
  std::string public_key;  // 32 bytes
  std::string secret_key;  // 64 bytes, libsodium's form (seed ‖ public key)
};

// A new key from the kernel's CSPRNG.
SigningKey GenerateSigningKey();

// Writes `key` to a new file `path` with mode 0600. Refuses a path that exists (usage): a key
// is never overwritten, since checkpoints signed with it could no longer be traced to it.
Status WriteSigningKey(const std::string& path, const SigningKey& key);

// Reads a key file written by WriteSigningKey. usage when it cannot be read or is readable by
// group or others; invalid_input when it is not a key file or its public key does not belong
// to its seed.
Result<SigningKey> ReadSigningKey(const std::string& path);

// The 64-byte Ed25519 signature of `message`.
std::string Sign(const SigningKey& key, std::string_view message);

// Whether `signature` (64 bytes) is a valid signature of `message` by `public_key` (32 bytes).
// False for arguments of the wrong size.
bool SignatureValid(std::string_view public_key, std::string_view message,
                    std::string_view signature);

}  // namespace rmc
