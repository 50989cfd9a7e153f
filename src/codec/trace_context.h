// A calling tool's W3C Trace Context (docs/accountability.md, "Feeding a standard logbook"): the
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
  std::string caller;          // the calling application: an http(s) URL, or empty
  // parent_span_id is an action of rmc's own, not a caller's: a processing of several youths
  // whose writes are children of the read that chose them (rmc retention --apply).
  bool own_parent = false;

  bool empty() const { return trace_id.empty() && parent_span_id.empty() && caller.empty(); }
};

// The raw bytes of `hex`, the field `what` of `bytes` bytes as 2 × `bytes` lowercase hex digits,
// not all zero (W3C: trace-id 16, parent-id 8; all zeros is invalid); invalid_input naming
// `what` and the expected form otherwise.
Result<std::string> ParseTraceBytes(std::string_view what, std::string_view hex, size_t bytes);

// Ok when `url` may name a calling application: an http or https URL (base/uri.h IsHttpUrl) of
// at most 512 bytes; invalid_input naming `what` otherwise.
Status CheckCaller(std::string_view what, std::string_view url);

// The calling application to record with what `trace` starts. Its own caller; else, when it
// names a caller's span, the region's `region_caller`, else urn:rmc:REGION:aanroeper-onbekend (a
// caller that did not say who it is: the span stays marked as another application's); else
// none. Only with a caller's span is it written to the LDV export.
std::string RecordedCaller(const TraceContext& trace, std::string_view region_caller,
                           std::string_view region);

}  // namespace rmc
