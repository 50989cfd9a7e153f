// Replay (`rmc replay CASE`): a case rebuilt event by event with the one fold (domain/fold.h),
// reading only the case's own events through the per-case index. Under each event: what it
// changed in the case view, the step and phase it left the case at, the deviations and
// corrections then in place, whether it was entered late, and, for a decision, what was on
// record just before it. Every view in it computes its deadlines against the time of its own
// point, never against today's clock.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ledger/read_session.h"
#include "replay/as_of.h"
#include "views/case_view.h"

namespace rmc {

// An event is a late entry when it was recorded this many days or more after the (local) day
// it occurred: the consultant recorded it from memory or notes, and whoever decided in between
// did not have it on record.
inline constexpr Days kLateEntryDays = 3;

// The decisions a learning session looks back at: triage, the plan and its revisions, the
// closing, every deviation from the route or override of a rule, and every correction.
enum class DecisionKind { kNone, kTriage, kPlan, kPlanRevision, kClosing, kDeviation, kCorrection };
const char* DecisionName(DecisionKind kind);  // "triage", "plan", ... ; "" for kNone

struct ReplayEntry {
  uint64_t position = 0;  // global
  Json number;            // the position as the read shows it (global, or within the case)
  Json event;    // views/event_json.h, in the read's form (revealed or pseudonymised)
  Json changes;  // replay/view_diff.h: the view after it against the view before it
  int step = 0, phase = 1;
  bool late = false;
  int late_days = 0;  // whole local days between occurring and recording
  Json deviations, corrections;  // in place after it (as `number`)
  DecisionKind decision = DecisionKind::kNone;
  // For a correction: the corrected event and, per field, the value before and after.
  Json correction;
  // For a decision: what was on record just before it (see DecisionContext).
  Json known_before;
};

struct CaseReplay {
  std::string case_id;
  std::string subject;  // pseudonymous subject id; empty before any signal
  std::vector<ReplayEntry> entries;
  Json view;      // the case view at the end of the replay (as of the point asked for)
  Nanos until;    // the time the final view's deadlines are computed against
  Json until_shown;  // `until` as the read shows it: an ISO time, or a day number
};

struct ReplayRequest {
  std::string case_id;
  AsOf as_of;  // pseudonymised, a position is the number of an event within the case (1, 2, ...)
  Nanos now = 0;  // the clock: the final view's time when no point is asked for
  // Non-null exactly when the session pseudonymises: the case's form (ReadSession::FormOf, one
  // PseudonymExport for all the cases of one export). Positions are then numbered within the
  // case (1, 2, ...), so that no global position links two exports.
  const PseudonymRules* pseudonymous = nullptr;
};

// The replay of a case up to `request.as_of`, each event rendered as `session` allows.
// unknown_case when the case had no event by then. Reads; records nothing (the caller accounts
// for the read with one access record).
Result<CaseReplay> ReplayCase(Ledger& ledger, StoreTxn& txn, const ReadSession& session,
                              const ReplayRequest& request);

// The replay as the JSON object `rmc replay --json` prints (docs/commands.md): case, until,
// events [...] and view; with `decisions_only`, the decisions and what was known before each.
Json ReplayJson(const CaseReplay& replay, bool decisions_only);

}  // namespace rmc
