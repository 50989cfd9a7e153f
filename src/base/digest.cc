#include "base/digest.h"

#include <sodium.h>

namespace rmc {

std::string Blake2b(std::string_view bytes) {
  std::string out(32, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                     reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr, 0);
  return out;
}

}  // namespace rmc
