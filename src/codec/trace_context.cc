#include "codec/trace_context.h"

#include "base/hex.h"
#include "base/uri.h"

namespace rmc {

Result<std::string> ParseTraceBytes(std::string_view what, std::string_view hex, size_t bytes) {
  auto raw = hex.size() == bytes * 2 ? FromHex(hex) : std::nullopt;
  if (!raw)
    return InvalidInput(std::string(what) + ": expected " + std::to_string(bytes * 2) +
                        " lowercase hex digits");
  return *raw;
}

Status CheckCaller(std::string_view what, std::string_view url) {
  if (url.size() <= 512 && IsAbsoluteUri(url)) return Status::Ok();
  return InvalidInput(std::string(what) +
                      ": expected the calling application's URL, such as "
                      "https://leerplicht.example.nl/app: a scheme, a colon, no spaces or "
                      "characters outside a URI, at most 512 characters");
}

}  // namespace rmc
