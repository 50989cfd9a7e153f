#include "codec/trace_context.h"

#include "base/hex.h"
#include "base/uri.h"

namespace rmc {

Result<std::string> ParseTraceBytes(std::string_view what, std::string_view hex, size_t bytes) {
  auto raw = hex.size() == bytes * 2 ? FromHex(hex) : std::nullopt;
  if (!raw || raw->find_first_not_of('\0') == std::string::npos)
    return InvalidInput(std::string(what) + ": expected " + std::to_string(bytes * 2) +
                        " lowercase hex digits, not all zero");
  return *raw;
}

Status CheckCaller(std::string_view what, std::string_view url) {
  if (url.size() <= 512 && IsHttpUrl(url)) return Status::Ok();
  return InvalidInput(std::string(what) +
                      ": expected the calling application's http or https URL, such as "
                      "https://leerplicht.example.nl/app (a host, an optional port, no spaces or "
                      "characters outside a URI, at most 512 characters)");
}

std::string RecordedCaller(const TraceContext& trace, std::string_view region_caller,
                           std::string_view region) {
  if (!trace.caller.empty()) return trace.caller;
  if (trace.own_parent || trace.parent_span_id.empty()) return "";
  if (!region_caller.empty()) return std::string(region_caller);
  return "urn:rmc:" + PercentEncoded(region) + ":aanroeper-onbekend";
}

}  // namespace rmc
