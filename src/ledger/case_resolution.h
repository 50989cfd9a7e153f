// Which case a command addresses, and which youth: the case named, the subject's current case,
// or a new case for a signal; and the youth as the case's signals gave them. Over LedgerTxn, so
// that rmc and the benchmark's SQLite peer resolve alike.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "codec/command.h"
#include "domain/case_state.h"
#include "domain/settings.h"
#include "ledger/ledger_txn.h"

namespace rmc {

// A case id "RMC-000001" for sequence number n.
std::string CaseIdFor(uint64_t n);

// The case's state: unknown_case when there is no such case.
Result<CaseState> LoadCase(const LedgerTxn& txn, std::string_view case_id);

// The subject's current case (open or in aftercare on `today`): unknown_case when there is none,
// subject_erased when their data was erased (the erasure cut the ref off from the case). With
// `in_view`, a closed case that keeps its youth in view (deadlines.h InView) counts too: the
// check reads the youth's birth date.
Result<std::string> CurrentCaseOf(LedgerTxn& txn, const std::string& ref, Days today,
                                  const Settings* in_view = nullptr);

// The subject as the signals of `state` gave it, the latest value of each field winning:
// unsealed, so a read of personal data. Empty fields when erased or never given.
struct SignalledSubject {
  std::string ref;
  std::optional<Days> birth_date;
};
Result<SignalledSubject> SubjectOfSignals(LedgerTxn& txn, const CaseState& state);

// The case and youth of a command, before its events.
struct CaseTarget {
  std::string case_id;
  CaseState state;  // empty for a new case, but for its id
  bool new_case = false;
  std::optional<uint64_t> next_case;  // the case counter after a numbered new case
  std::string subject_id;             // empty when the command names no youth and the case none
  std::optional<SubjectRecord> subject_record;  // a signal's or an erasure's subject, as stored
  // An erasure already recorded whose key is still stored (an earlier version failed to delete
  // it): the command completes the deletion and records nothing more.
  bool erasure_left = false;
};

// Resolves the command's case as of `business_day` (its occurred date: a back-filled signal
// inside an aftercare that has since ended reopens that case). A signal finds or opens its
// subject's case; an erasure takes the subject's last case and, on grondslag bewaartermijn,
// requires the retention to have passed on `today`; any other command names its case or its
// subject. Refusals: unknown_case, subject_erased, invalid_input (a case of another subject),
// rule_violation "retention".
Result<CaseTarget> ResolveCase(LedgerTxn& txn, const Command& command, Days business_day,
                               Days today, const Settings& settings);

}  // namespace rmc
