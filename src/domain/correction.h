// A correction (`correct`): new values for fields of an earlier event of the same case, with a
// reason. Pure: the ledger finds the target event (ledger/executor.cc), this checks the fields
// against its type and builds the EventCorrected event; the fold (fold.h) folds the case again
// with the corrected event merged (MergeCorrection).
#pragma once

#include <capnp/message.h>

#include <cstdint>
#include <optional>

#include "base/status.h"
#include "codec/corrected_fields.h"
#include "domain/decide.h"
#include "event.capnp.h"

namespace rmc {

// An event as its case holds it now, personal fields included: its stored payload with its
// sealed part opened, and each correction of it so far merged in order, with theirs. The ledger
// builds it (it holds the keys) for DecideCorrection.
class CorrectedTarget {
 public:
  // `stored`: the event's payload as stored; `personal`: its sealed part opened (an empty Payload
  // when it sealed nothing).
  CorrectedTarget(schema::Payload::Reader stored, schema::Payload::Reader personal);
  // A later correction of the event, and its own sealed part opened.
  void Merge(schema::EventCorrected::Reader correction, schema::Payload::Reader personal);
  schema::Payload::Reader payload() { return message_.getRoot<schema::Payload>().asReader(); }

 private:
  capnp::MallocMessageBuilder message_;
};

// The EventCorrected draft for the event at `position`, whose stored (public) payload is
// `target`: invalid_input when its type records the ledger's own decision (a case opened or
// reopened, a deviation, an erasure, a correction), or naming the field that is not of the type
// or does not fit it. A signal's or review's derived `info_items` (§1.2) follow the fields
// corrected: when they change, the correction records them too, named "info_items" among its
// fields. They are derived from `current` (the target as the case holds it now); without it
// (the youth's sealed fields can no longer be read) from `target`, and then an item can be
// added but not taken away.
Result<Draft> DecideCorrection(schema::Payload::Reader target,
                               std::optional<schema::Payload::Reader> current, uint64_t position,
                               const CorrectedFields& corrected);

// Replaces in `payload` (the payload of the event `correction` corrects) every field the
// correction names by its corrected value, an unset one by unset, together with the field's
// presence flag (schema_info::PresenceFlagOf). A consent corrected to `given: false` becomes
// ConsentRefused, and back (as `consent` records it). Nothing when the correction holds another
// type.
void MergeCorrection(schema::Payload::Builder payload, schema::EventCorrected::Reader correction);

}  // namespace rmc
