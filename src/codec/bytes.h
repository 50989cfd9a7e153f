// Cap'n Proto Data fields and the strings rmc keeps bytes in (ids, hashes, keys): the same bytes
// seen as the other type, never copied.
#pragma once

#include <capnp/blob.h>

#include <string_view>

namespace rmc {

// The bytes of a Data field; valid as long as the message it was read from.
inline std::string_view Bytes(capnp::Data::Reader data) {
  return {reinterpret_cast<const char*>(data.begin()), data.size()};
}

// `bytes` as a Data value, for a builder's setter (which copies them); valid as long as `bytes`.
inline capnp::Data::Reader AsData(std::string_view bytes) {
  return {reinterpret_cast<const kj::byte*>(bytes.data()), bytes.size()};
}

}  // namespace rmc
