// An event as JSON text written straight into a JsonWriter, for the change feed (`rmc events`):
// no tree, no schema lookups by name. The text is byte for byte what
// EventToJson(...).dump(-1, ' ', false, error_handler_t::replace) gives (event_json.h has the
// contract of the fields); tests/unit/event_stream_test.cc holds the two equal. The
// pseudonymised form is EventToJson's alone: it needs the form of each event's case.
#pragma once

#include <array>
#include <climits>

#include "base/json_writer.h"
#include "codec/json_render.h"
#include "codec/payload_writer.h"
#include "event.capnp.h"
#include "ledger/ledger.h"

namespace rmc {

class EventWriter {
 public:
  explicit EventWriter(PersonalFields personal);

  // Appends `event` as one JSON object, without a newline. `unsealed`: what it sealed, when
  // available; `erased`: its subject's key is gone, so the fields not shown are listed under
  // "erased" instead of "sealed".
  void Write(schema::Event::Reader event, const Unsealed* unsealed, bool erased, JsonWriter& out);

 private:
  void OnlyCorrectedFields(schema::EventCorrected::Reader correction, JsonWriter& out);
  // LocalDate(ns) (a time zone lookup), remembered: the events of one day share their instant.
  Days LocalDateOf(Nanos ns);

  PersonalFields personal_;
  const StructPlan& payload_;
  const FieldPlan& corrected_;  // EventCorrected.corrected
  PayloadWriter writer_;
  HiddenPaths hidden_;
  WrittenFields correction_;
  JsonWriter scratch_;
  static constexpr Days kNoDate = INT32_MIN;
  std::array<std::pair<Nanos, Days>, 64> local_dates_;
};

}  // namespace rmc
