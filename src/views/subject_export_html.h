// The right-of-access export (subject_export.h) as one page a person can be handed: Dutch, plain
// language, self-contained (inline CSS, no scripts, no external resources), readable on paper.
// Every value from the ledger is escaped (html_escape.h).
#pragma once

#include <string>

#include "codec/json_render.h"

namespace rmc {

// REQUIRES: `exported` is SubjectExport::json as BuildSubjectExport made it.
std::string SubjectExportHtml(const Json& exported);

}  // namespace rmc
