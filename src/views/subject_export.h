// The right of access (AVG art. 15; `rmc subject export REF`, docs/accountability.md): everything
// the ledger holds about one youth, as one JSON object that scripts read and the printable page
// (subject_export_html.h) renders.
//
// Sections: `subject` (the ref and the personal data held now, unsealed; null after an erasure),
// `cases` (every case of the youth, from the subjects index), `events` (every event of those
// cases, with a plain Dutch sentence, plain_language.h), `disclosures` (every DataShared, with
// its four thinking steps, disclosures.h), `consents` (given, refused, withdrawn), `reads`
// (every access-log record about the youth), `retention` (the region's periods).
//
// Who acted: employees appear by role (and the processing activity they worked under); their user
// names only with ExportOptions::name_actors. Art. 15 names recipients, not the staff of the
// controller acting under its authority (CJEU C-579/21, Pankki S): a coordinator adds the names
// when a youth asks for them and the weighing allows it (docs/accountability.md).
#pragma once

#include <string>
#include <vector>

#include "codec/json_render.h"
#include "ledger/ledger.h"

namespace rmc {

struct ExportOptions {
  bool name_actors = false;  // also the user names of the employees who wrote and read
  Nanos now = 0;             // the export's time (the ledger clock)
};

struct SubjectExport {
  std::string subject_id;          // 16 bytes, pseudonymous: for the access record
  std::vector<std::string> cases;  // the youth's case ids, oldest first
  bool erased = false;             // the youth's key is gone: no personal values in `json`
  Json json;
};

// Builds the export of the youth with `ref` from what `txn` sees. Reads only: the caller accounts
// for the read (one access record per case, access_log.h) before it shows `json`, so the
// export's own read appears in the next export, not in this one.
// After an erasure the export holds no personal value, the ref included: the facts, dates,
// disclosures, consents and reads that remain, and `subject.erased` true.
// Errors: not_found when no youth has `ref`; ledger_error when the store fails or an event does
// not unseal.
Result<SubjectExport> BuildSubjectExport(Ledger& ledger, StoreTxn& txn, const std::string& ref,
                                         const ExportOptions& options);

}  // namespace rmc
