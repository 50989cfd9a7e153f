// Lessons across cases (`rmc lessons`): the learning points, bottlenecks and case-transcending
// improvements of the evaluations (step 13), grouped by tag, with counts and the pseudonymous
// cases they came from, always in the redacted form of a learning session (one PseudonymExport
// for the whole answer: a case has one pseudonym in it).
//
// Tags are given on improvements. An evaluation's learning points and bottlenecks are filed
// under the tags of its own improvements (what the evaluation said the case was about), and
// under "zonder tag" when it tagged none.
#pragma once

#include <string>
#include <vector>

#include "ledger/read_session.h"

namespace rmc {

struct LessonsRequest {
  std::string tag;     // only this tag; empty: every tag
  Days from = kNoDay;  // evaluations that occurred on or after this local day; kNoDay: no bound
  Days to = kNoDay;    // ... on or before this day
};

// The tag of what an evaluation did not tag.
inline constexpr const char* kUntagged = "zonder tag";

struct Lessons {
  Json json;                   // `rmc lessons --json` (docs/commands.md)
  std::vector<CaseRef> cases;  // the cases the lessons came from, for the access record
};

// Gathers the lessons of every evaluation that meets `request`, each as its corrections left it.
// `cases` holds the cases of the evaluations shown (those with an item under a tag shown), and
// only those: what is filtered out is not read for the user. REQUIRES: `session` pseudonymises.
Result<Lessons> GatherLessons(Ledger& ledger, StoreTxn& txn, const ReadSession& session,
                              const LessonsRequest& request);

// The lessons for a person, in Dutch: per tag its count and cases, then its items.
std::string LessonsText(const Json& lessons);

}  // namespace rmc
