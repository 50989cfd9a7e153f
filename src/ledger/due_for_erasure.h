// `rmc retention`: the subjects of a ledger whose retention has passed (the rule in
// retention.h), and the forget_subject commands that erase them on the one write path.
#pragma once

#include <string>
#include <vector>

#include "domain/retention.h"
#include "ledger/ledger.h"
#include "ledger/read_session.h"

namespace rmc {

struct DueSubject {
  std::string subject_id;          // 16 bytes, pseudonymous
  std::string ref;                 // the stable external id, unsealed from the signals
  std::vector<std::string> cases;  // oldest first
  RetentionDue due;
};

// A review of retention: who is due, and whose sealed data the review read to decide.
struct RetentionReview {
  std::vector<DueSubject> due;  // by their last case id
  // Every subject whose ref and birth date were unsealed, due or not: each is a processing of
  // their personal data that the caller records in the access log (its last case, its id).
  std::vector<CaseRef> unsealed;
};

// Every subject not yet erased that is due for erasure on `today`. Reads the ref and the birth
// date from sealed fields, and only of subjects whose cases all ended long enough ago
// (retention.h): a processing of personal data under the activity rmc-verantwoording (the
// ledger's accountability duty), listed in `unsealed` even when the birth date shows the youth
// is not due yet. Errors: the store's, or a ciphertext that does not authenticate.
Result<RetentionReview> SubjectsDueForErasure(Ledger& ledger, Days today);

// One forget_subject command per subject, ground bewaartermijn, as `rmc apply` would read it:
// id "retention-DATE-SUBJECTID", a reason naming the rule, the last case and the dates. The
// reason outlives the key in plain text, so it leaves out the day the age condition passed,
// from which the birth date could be computed.
Result<std::vector<Command>> RetentionErasures(const std::vector<DueSubject>& subjects,
                                               const Settings& settings, Days today,
                                               const CommandDefaults& defaults);

}  // namespace rmc
