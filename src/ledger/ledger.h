// The ledger: commands in, events out. Opens and creates a ledger with its keystore, runs a batch
// of commands in one write transaction (each through the Executor, executor.h, over the LMDB
// LedgerTxn, store_ledger_txn.h) and serves the reads that need the keystore. The one write path
// of `rmc apply` and of every `rmc <type>`.
#pragma once

#include <capnp/serialize.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "audit/activities.h"
#include "codec/command.h"
#include "domain/case_state.h"
#include "domain/permissions.h"
#include "domain/retention.h"
#include "domain/settings.h"
#include "ledger/case_resolution.h"
#include "ledger/executor.h"
#include "privacy/event_sealing.h"
#include "privacy/keystore.h"
#include "privacy/unsealer.h"
#include "ledger/store_ledger_txn.h"
#include "store/store.h"

namespace rmc {

struct LedgerPaths {
  std::string ledger;    // the ledger directory
  std::string keystore;  // the keystore directory (default: <ledger>/keystore)
};

class Ledger {
 public:
  // Creates a ledger (refuses an existing one) with its first events: LedgerCreated and one
  // SettingChanged per setting, every one with its value (the defaults where none is given).
  // The ledger and its keystore appear whole or not at all, and of several processes creating
  // the same ledger at once one succeeds; the others get usage (staged_ledger.h).
  static Result<std::unique_ptr<Ledger>> Create(const LedgerPaths& paths,
                                                const std::map<std::string, std::string>& settings,
                                                const std::string& actor);
  static Result<std::unique_ptr<Ledger>> Open(const LedgerPaths& paths);

  // Executes `commands` in one write transaction: a refused command writes nothing and the
  // others go on (each is prepared before anything of it is written). With `atomic`, the first
  // refusal rolls back every command. Returns one outcome per command, in order, once durable.
  // When the batch could not be written at all (a storage failure, such as a full disk), every
  // outcome says so, and so does `failure` when given.
  std::vector<Outcome> Execute(std::vector<Command>& commands, bool atomic,
                               Status* failure = nullptr);

  // Records a region setting as a SettingChanged event; invalid_input for a bad key or value.
  Status ChangeSetting(const std::string& key, const std::string& value, const std::string& actor,
                       schema::Role role);

  // Registers `entry` as the next version of its code in the register of processing activities
  // (an ActivityRegistered event); coordinator and system only. Returns the version registered.
  Result<Activity> RegisterActivity(const Activity& entry, const std::string& actor, schema::Role role);

  // Runs `body` while no other process can write to the ledger or its keystore (in a write
  // transaction that writes nothing else), after opening the keystore's current generation and
  // completing any erasure whose key deletion is pending: for a copy of both that agrees.
  Status Exclusive(const std::function<Status()>& body);

  const Settings& settings() const { return settings_; }
  const ActivityRegister& activities() const { return register_; }
  // The version in force of activity `code`: invalid_input naming the registered codes when
  // the register has no such code.
  Result<uint32_t> ActivityVersion(std::string_view code) const;
  Store& store() { return *store_; }
  Keystore& keystore() { return *keystore_; }

  // The subject's current case, a case's state, and the youth as its signals gave them
  // (case_resolution.h), in a transaction of the store.
  Result<CaseState> LoadCase(StoreTxn& txn, std::string_view case_id);
  Result<SignalledSubject> SubjectOfSignals(StoreTxn& txn, const CaseState& state);
  // The keys of the youths this process reads, and the opening of their events.
  Unsealer& unsealer() { return *unsealer_; }
  // What `event` sealed; nothing when it sealed nothing or its subject was erased.
  Result<std::optional<Unsealed>> Unseal(schema::Event::Reader event) { return unsealer_->Unseal(event); }
  // Whether the subject's key is gone.
  bool IsErased(std::string_view subject_id) { return unsealer_->IsErased(subject_id); }

 private:
  // The ledger's LedgerTxn over `txn`, whose erasures go to erasures_.
  StoreLedgerTxn Txn(StoreTxn& txn) { return StoreLedgerTxn(txn, *keystore_, *unsealer_, &erasures_); }

  // Deletes the keys of the subjects whose erasure `txn` finds recorded but not completed
  // (meta "erasing": written in the same transaction as their SubjectErased events, so that a
  // crash at any later point leaves the erasure for the next write to finish), and clears the
  // list in `txn`. REQUIRES: `txn` is a write transaction (the ledger's write lock).
  Status CompleteErasures(StoreTxn& txn);

  std::unique_ptr<Store> store_;
  std::unique_ptr<Keystore> keystore_;
  Settings settings_;
  ActivityRegister register_;
  std::unique_ptr<Unsealer> unsealer_;  // over store_ and keystore_
  std::vector<std::string> erasures_;  // subjects the batch erases, whose keys are to be deleted
};

// The ledger's store alone, for `rmc rebuild`: one transaction that rewrites every projection
// with its dirty pages in the file's map (Store::Open, write_map), so memory stays bounded.
Result<std::unique_ptr<Store>> OpenStoreForRebuild(const LedgerPaths& paths);

}  // namespace rmc
