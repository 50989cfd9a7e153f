#include "base/random.h"

#include <sodium.h>

#include <array>
#include <cstring>

namespace rmc {

void RandomBytes(void* out, size_t size) {
  // Bytes are handed out once and wiped: no two callers see the same bytes, and none stay in
  // the block after use.
  static std::array<unsigned char, 4096> block;
  static size_t used = block.size();
  auto* dest = static_cast<unsigned char*>(out);
  while (size > 0) {
    if (used == block.size()) {
      randombytes_buf(block.data(), block.size());
      used = 0;
    }
    size_t n = std::min(size, block.size() - used);
    std::memcpy(dest, block.data() + used, n);
    sodium_memzero(block.data() + used, n);
    used += n;
    dest += n;
    size -= n;
  }
}

std::string RandomString(size_t size) {
  std::string out(size, '\0');
  RandomBytes(out.data(), size);
  return out;
}

}  // namespace rmc
