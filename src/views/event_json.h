// An event as JSON: the change feed (`rmc events`), `rmc history` and replay all print this.
#pragma once

#include "codec/json_render.h"
#include "ledger/ledger.h"

namespace rmc {

// {position, event_id, case, version, type, occurred_at, recorded_at, actor, role, command_id,
//  trace_id, span_id, processing_activity, reason?, overrides?, data, sealed?}. Personal fields
// appear in `data` only with PersonalFields::kReveal and an `unsealed` copy; otherwise their
// names are listed under "sealed" (or "erased" when the key is gone). A sealed reason is
// "reason" when revealed, else listed as "reason" among them.
//
// In the pseudonymised form (options.pseudonymous: the form of the event's case) the ids,
// command id and actor are pseudonyms, occurred_at and recorded_at day numbers, `reason` is
// there only for a deviation or a correction (ReasonIsReasoning), redacted, and `data` is as
// json_render.h says; `unsealed` then serves only the reasoning, which is never shown
// unredacted.
Json EventToJson(schema::Event::Reader event, const Unsealed* unsealed,
                 const RenderOptions& options, bool erased = false);

// Whether the event's reason is reasoning a learning session is about: that of a deviation (a
// StepDeviated event, or an event that overrode rules) or of a correction. An erasure's is not.
bool ReasonIsReasoning(schema::Event::Reader event);


}  // namespace rmc
