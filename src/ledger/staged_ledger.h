// Where `rmc init` builds a new ledger and its keystore (Ledger::Create), so that they appear
// whole and at once, and for only one of several inits racing for the same path.
//
// The ledger is built in a private temporary directory beside it, `.NAME.init-XXXXXX` (mode
// 0700), with its keystore inside when the keystore lies inside the ledger (the default), and
// renamed into place: that rename is the moment the ledger exists. A directory is renamed only
// onto a missing path or an empty directory, so of two inits one wins and the other is refused.
// A killed init leaves nothing but its temporary directory, which no command reads (remove it
// at leisure); a new init goes ahead.
//
// A keystore outside the ledger (--keystore) is built the same way beside its own path and
// renamed into place first. Until the ledger is in place it holds the file `init-pending`,
// which names the ledger and is locked (flock) by its init. An init that finds a keystore whose
// `init-pending` is not locked and whose ledger does not exist knows that the init that made it
// died before its ledger appeared: it replaces that keystore, so a killed init never blocks the
// next. Any other existing keystore is refused: a keystore is never shared by two ledgers.
#pragma once

#include <memory>
#include <string>

#include "ledger/ledger.h"

namespace rmc {

class StagedLedger {
 public:
  // Checks that nothing is in the way and creates the temporary directories (and the missing
  // parents of the final ones, mode 0700).
  // Errors: usage when a ledger (or a keystore, or anything but an empty directory) is at one
  // of the paths, or when the keystore is the ledger directory itself; ledger_error when a
  // directory cannot be created.
  static Result<std::unique_ptr<StagedLedger>> Begin(const LedgerPaths& paths);
  // Removes whatever was staged and not committed.
  ~StagedLedger();
  StagedLedger(const StagedLedger&) = delete;
  StagedLedger& operator=(const StagedLedger&) = delete;

  // Where to build the ledger and its keystore.
  const LedgerPaths& staging() const { return staging_; }
  // Moves the keystore (when outside the ledger) and then the ledger into place, durably.
  // REQUIRES: nothing holds the staged files open. Errors as Begin, for what appeared meanwhile.
  Status Commit();

 private:
  StagedLedger() = default;
  Status PlaceKeystore();
  Status PlaceLedger();

  LedgerPaths final_, staging_;
  bool keystore_outside_ = false;
  bool keystore_placed_ = false, ledger_placed_ = false;
  int pending_fd_ = -1;  // the locked `init-pending` of a keystore outside the ledger
};

}  // namespace rmc
