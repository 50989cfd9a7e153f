// A calling tool's W3C Trace Context (docs/accountability.md, "Called by another tool"): the
// trace and span it runs under, and which application it is. A command or a read that carries
// one joins the caller's trace, and its first action names the caller's span as its parent and
// the caller as dpl.core.foreign_operation.processor in the LDV export.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace rmc {

struct TraceContext {
  std::string trace_id;        // 16 raw bytes, or empty: a new trace
  std::string parent_span_id;  // 8 raw bytes, or empty
  std::string caller;          // the calling application: an absolute URL, or empty

  // A calling tool passed its context: a trace or a span of its own.
  bool from_caller() const { return !trace_id.empty() || !parent_span_id.empty(); }
};

// The raw bytes of `hex`, the field `what` of `bytes` bytes as 2 × `bytes` lowercase hex digits
// (W3C: trace-id 16, parent-id 8); invalid_input naming `what` and the expected form otherwise.
Result<std::string> ParseTraceBytes(std::string_view what, std::string_view hex, size_t bytes);

// Ok when `url` may name a calling application: an absolute URI (RFC 3986: a scheme, ":", then
// only characters a URI allows: base/uri.h), at most 512 bytes; invalid_input naming `what`
// otherwise.
Status CheckCaller(std::string_view what, std::string_view url);

}  // namespace rmc
