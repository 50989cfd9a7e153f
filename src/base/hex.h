// Bytes as lower-case hex text and back: ids, hashes and keys where people or files read them.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace rmc {

std::string Hex(std::string_view bytes);
// Any contiguous range of bytes (a capnp::Data::Reader, a key): begin() and size().
template <typename Bytes>
  requires requires(const Bytes& b) { b.begin(); b.size(); }
std::string Hex(const Bytes& bytes) {
  return Hex(std::string_view(reinterpret_cast<const char*>(std::to_address(bytes.begin())),
                              bytes.size()));
}
// The bytes of lower-case hex text; nothing when it is not hex.
std::optional<std::string> FromHex(std::string_view hex);

}  // namespace rmc
