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
Json EventToJson(schema::Event::Reader event, const Unsealed* unsealed,
                 const RenderOptions& options, bool erased = false);


}  // namespace rmc
