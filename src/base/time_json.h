// Dates and times as JSON strings, written in place: FormatDate and FormatTime (clock.h) without
// snprintf or a std::string, for the change feed, which writes two times per event. The text is
// clock.h's, byte for byte (tests/unit/event_stream_test.cc).
#pragma once

#include "base/clock.h"
#include "base/json_writer.h"

namespace rmc {

// "\"YYYY-MM-DD\"", as FormatDate(days).
void WriteDate(Days days, JsonWriter& out);
// "\"2026-11-20T09:30:00Z\"", as FormatTime(ns).
void WriteTime(Nanos ns, JsonWriter& out);

}  // namespace rmc
