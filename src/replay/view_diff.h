// What an event changed in the case view: the difference of two views (views/case_view.h), as
// replay shows it under each event.
#pragma once

#include "codec/json_render.h"

namespace rmc {

// The fields of `after` that differ from `before`, in the view's order, as a JSON array:
//   {"field": "target_group", "from": null, "to": "jikp"}       a value that changed
//   {"field": "contacts", "added": [...], "removed": [...]}    a list: its new and gone elements
// Objects (`info_completeness`, `subject`) are compared field by field under "NAME.FIELD".
// `version` is left out: every event changes it.
Json ViewChanges(const Json& before, const Json& after);

}  // namespace rmc
