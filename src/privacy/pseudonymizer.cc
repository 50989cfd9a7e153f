#include "privacy/pseudonymizer.h"

#include <sodium.h>

#include "base/hex.h"
#include "base/random.h"

namespace rmc {

static_assert(sizeof(std::array<unsigned char, 32>) >= crypto_generichash_KEYBYTES_MIN &&
              sizeof(std::array<unsigned char, 32>) <= crypto_generichash_KEYBYTES_MAX);

Pseudonymizer::Pseudonymizer() { RandomBytes(key_.data(), key_.size()); }

Pseudonymizer::~Pseudonymizer() { sodium_memzero(key_.data(), key_.size()); }

std::string Pseudonymizer::operator()(std::string_view value) const {
  unsigned char h[8];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(value.data()),
                     value.size(), key_.data(), key_.size());
  return "P-" + Hex(std::string_view(reinterpret_cast<const char*>(h), sizeof h));
}

}  // namespace rmc
