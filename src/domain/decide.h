// Decide: a command, checked against the case state and the rules of the routekaart
// (docs/routekaart.md#rules), yields the events to append — or the error
// that says which step or rule was expected. Pure: no storage, no clock, no terminal.
#pragma once

#include <capnp/message.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "codec/command.h"
#include "domain/case_state.h"
#include "domain/settings.h"

namespace rmc {

// What the ledger knows beyond the case state.
struct Facts {
  Days today = 0;                   // the occurred date of the command
  std::optional<Days> birth_date;   // from the subject's sealed data, when known
  const Settings* settings = nullptr;
  bool new_case = false;            // a signal that opens a case
};

// One event to append: a Payload and the rules it overrode with the command's reason.
struct Draft {
  std::unique_ptr<capnp::MallocMessageBuilder> payload;
  std::vector<std::string> overrides;
  schema::Payload::Builder root() { return payload->getRoot<schema::Payload>(); }
};

// The events of `command` on `state`, in order, or why not. `payload` holds the command's data
// (a Payload with the command's member set); it becomes the last draft.
Result<std::vector<Draft>> Decide(const CaseState& state, const Command& command,
                                  std::unique_ptr<capnp::MallocMessageBuilder> payload,
                                  const Facts& facts);

// The minimal-information items of §1.2 (bit i: item i+1, as CaseState::info_present) that a
// signal or a review holds, personal fields included: their derived `info_items`.
uint8_t InfoItemsOfSignal(schema::SignalReceived::Reader signal);
uint8_t InfoItemsOfReview(schema::DossierReviewed::Reader review);

// What an event corrected by `correct` must still hold, as Decide requires of a command with
// or without a reason: the fields every command of its type holds (a closing doel-bereikt its
// outcome, …), known data categories, consent behind a share on the ground toestemming on
// `facts.today` (the day it was shared). `corrected` is the event with the correction merged.
// A correction passes no route check and no overridable rule: it carries a reason of its own.
Status CheckCorrected(const CaseState& state, schema::Payload::Reader corrected, const Facts& facts);

// Whether a signal for a subject whose current case is `state` opens a new case.
bool SignalOpensNewCase(const CaseState& state, Days today);

// Whether consent covering `partner` and every category is active on `day`.
bool HasActiveConsent(const CaseState& state, const std::string& partner,
                      const std::vector<std::string>& categories, Days day);

}  // namespace rmc
