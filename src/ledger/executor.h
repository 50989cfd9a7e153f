// One command through its steps: permit → idempotency → resolve the case → decide (or decide a
// correction) → build and seal the events → record. Storage is a LedgerTxn, so rmc (LMDB and the
// keystore) and the benchmark's SQLite peer run this same code.
#pragma once

#include <capnp/message.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "audit/activities.h"
#include "base/status.h"
#include "codec/command.h"
#include "domain/decide.h"
#include "domain/settings.h"
#include "ledger/case_resolution.h"
#include "ledger/ledger_txn.h"

namespace rmc {

// The result of one command: what `rmc apply` prints as its result line (docs/commands.md).
struct Outcome {
  std::string id;
  Status error;
  std::string case_id;
  uint32_t version = 0;
  uint64_t position = 0;
  std::vector<std::string> events;
  bool duplicate = false;
  bool ok() const { return error.ok(); }
  static Outcome Failed(std::string id, Status error) {
    Outcome o;
    o.id = std::move(id);
    o.error = std::move(error);
    return o;
  }
};

class Executor {
 public:
  // All three outlive the executor.
  Executor(LedgerTxn& txn, const Settings& settings, const ActivityRegister& activities)
      : txn_(txn), settings_(settings), activities_(activities) {}

  // A command decided: its events built and sealed, waiting for their positions.
  struct Plan {
    std::string command_id, command_hash;
    CaseTarget target;
    std::vector<std::unique_ptr<capnp::MallocMessageBuilder>> events;  // none: nothing to append
    std::vector<std::string> event_types;
    std::optional<std::string> erase_key;  // a subject whose key goes with this command
  };

  // Checks and decides `command` without writing anything, so that a refused command leaves no
  // trace. A repeated command id fills `outcome` as the first run did and plans nothing.
  Result<Plan> Prepare(Command& command, Outcome& outcome);
  // Appends the plan's events, folds them into the case, and updates the records; fails only
  // when the storage does.
  Status Record(Plan& plan, Outcome& outcome);

 private:
  Result<Plan> Repeat(const Command& command, const CommandRecord& record, Outcome& outcome);
  Result<std::vector<Draft>> DecideDrafts(Command& command, const CaseTarget& target, Days day);
  Result<Draft> DecideCorrectionOf(const Command& command, const CaseState& state);

  LedgerTxn& txn_;
  const Settings& settings_;
  const ActivityRegister& activities_;
};

}  // namespace rmc
