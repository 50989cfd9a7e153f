#include "privacy/pseudonym.h"

#include <sodium.h>

#include <array>
#include <string_view>

#include "base/hex.h"

namespace rmc {

std::string Pseudonym(const std::string& value) {
  static const auto key = [] {
    std::array<unsigned char, crypto_generichash_KEYBYTES> k;
    randombytes_buf(k.data(), k.size());
    return k;
  }();
  unsigned char h[8];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(value.data()),
                     value.size(), key.data(), key.size());
  return "P-" + Hex(std::string_view(reinterpret_cast<const char*>(h), sizeof h));
}

}  // namespace rmc
