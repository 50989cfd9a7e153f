// One pseudonymised export (a show, a history, a feed, a replay, a bundle of cases): its
// pseudonyms, one key for all it shows, and the form of each case it shows, built once by the
// read session (ReadSession::FormOf) and kept to its end, so that a case reads the same
// wherever the export shows it.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "ledger/read_session.h"

namespace rmc {

class PseudonymExport {
 public:
  // `session` must outlive the export. `reasoning` false: forms without reasoning, which open
  // nothing sealed, for an export that shows no text (ReadSession::FormOf).
  explicit PseudonymExport(const ReadSession& session, bool reasoning = true)
      : session_(session), reasoning_(reasoning) {}
  PseudonymExport(const PseudonymExport&) = delete;
  PseudonymExport& operator=(const PseudonymExport&) = delete;

  const Pseudonymizer& pseudonyms() const { return pseudonyms_; }

  // The form of `state`'s case, built on first use; valid as long as the export. The forms of
  // one export never change, also when the case gets events while the export runs.
  Result<const PseudonymForm*> Form(Ledger& ledger, StoreTxn& txn, const CaseState& state);
  // The same for the case `case_id` (loaded from `txn`); "" for an event of no case.
  Result<const PseudonymForm*> Form(Ledger& ledger, StoreTxn& txn, std::string_view case_id);

 private:
  const ReadSession& session_;
  const bool reasoning_;
  Pseudonymizer pseudonyms_;
  std::map<std::string, PseudonymForm, std::less<>> forms_;  // by case id; nodes never move
};

}  // namespace rmc
