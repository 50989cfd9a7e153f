#include "ledger/ledger.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>

#include "audit/activities.h"
#include "base/hex.h"
#include "base/random.h"
#include "ledger/event_builder.h"
#include "ledger/staged_ledger.h"

namespace rmc {
Status Ledger::ChangeSetting(const std::string& key, const std::string& value,
                             const std::string& actor, schema::Role role) {
  if (auto s = Permit(role, Action::kChangeSettings); !s.ok()) return s;
  Settings changed = settings_;
  if (auto s = changed.Set(key, value); !s.ok()) return s;
  auto now = Now();
  if (!now.ok()) return now.status();
  auto s = store_->Write([&](StoreTxn& txn) -> Status {
    auto ledger_txn = Txn(txn);
    auto st = AppendLedgerEvent(ledger_txn, now->ns, actor, role, "config-" + Hex(RandomString(8)),
                                RandomString(16), register_.Current("rmc-verantwoording")->version,
                                [&](schema::Payload::Builder p) {
                                  auto c = p.initSettingChanged();
                                  c.setKey(key);
                                  c.setValue(value);
                                });
    if (!st.ok()) return st;
    return txn.PutMeta("settings", changed.Encode());
  });
  if (s.ok()) settings_ = changed;
  return s;
}

Result<Activity> Ledger::RegisterActivity(const Activity& entry, const std::string& actor,
                                          schema::Role role) {
  if (auto s = Permit(role, Action::kChangeRegister); !s.ok()) return s;
  if (auto s = register_.Check(entry, settings_); !s.ok()) return s;
  auto now = Now();
  if (!now.ok()) return now.status();
  ActivityRegister changed;
  Activity added;
  auto s = store_->Write([&](StoreTxn& txn) -> Status {
    // The register as committed, read inside the write transaction: another process may have
    // registered a version since this ledger was opened.
    auto stored = txn.Meta("register");
    if (!stored.ok()) return stored.status();
    if (*stored) {
      auto decoded = ActivityRegister::Decode(**stored);
      if (!decoded.ok()) return decoded.status();
      changed = std::move(*decoded);
    } else {
      changed = ActivityRegister::Defaults();
    }
    const uint32_t under = changed.Current("rmc-verantwoording")->version;
    added = changed.Add(entry);
    // Recorded under the register as it stood: the new version governs what comes after.
    auto ledger_txn = Txn(txn);
    auto st = AppendLedgerEvent(ledger_txn, now->ns, actor, role, "register-" + Hex(RandomString(8)),
                                RandomString(16), under,
                                [&](schema::Payload::Builder p) { ToEvent(added, p.initActivityRegistered()); });
    if (!st.ok()) return st;
    return txn.PutMeta("register", changed.Encode());
  });
  if (!s.ok()) return s;
  register_ = std::move(changed);
  return added;
}

Result<uint32_t> Ledger::ActivityVersion(std::string_view code) const {
  return register_.VersionInForce(code);
}

Result<std::unique_ptr<Ledger>> Ledger::Create(const LedgerPaths& paths,
                                               const std::map<std::string, std::string>& settings,
                                               const std::string& actor) {
  auto now = Now();
  if (!now.ok()) return now.status();
  Settings initial;
  for (const auto& [k, v] : settings)
    if (auto s = initial.Set(k, v); !s.ok()) return Status(Code::kUsage, s.message());
  // Built out of sight and then moved into place whole (staged_ledger.h).
  auto staged = StagedLedger::Begin(paths);
  if (!staged.ok()) return staged.status();
  auto store = Store::Open((*staged)->staging().ledger, true, false);
  if (!store.ok()) return store.status();
  const std::string ledger_id = RandomString(16);
  auto keystore = Keystore::Create((*staged)->staging().keystore, ledger_id);
  if (!keystore.ok()) return keystore.status();
  auto ledger = std::make_unique<Ledger>();
  ledger->store_ = std::move(*store);
  ledger->keystore_ = std::move(*keystore);
  ledger->unsealer_ = std::make_unique<Unsealer>(*ledger->store_, *ledger->keystore_);
  ledger->settings_ = initial;
  ledger->register_ = ActivityRegister::Defaults();
  auto status = ledger->store_->Write([&](StoreTxn& txn) -> Status {
    auto ledger_txn = ledger->Txn(txn);
    return AppendLedgerStart(ledger_txn, now->ns, actor, ledger_id, initial, ledger->register_);
  });
  if (!status.ok()) return status;
  ledger.reset();  // closed before the move: LMDB must not have its files open twice in a process
  if (auto s = (*staged)->Commit(); !s.ok()) return s;
  return Open(paths);
}

namespace {

Result<std::unique_ptr<Store>> OpenExistingStore(const LedgerPaths& paths, bool write_map) {
  struct stat st;
  if (stat((paths.ledger + "/data.mdb").c_str(), &st) != 0) {
    if (errno == ENOENT || errno == ENOTDIR)
      return Status(Code::kNotFound, "no ledger at " + paths.ledger + " (create one with rmc init)");
    // Not "no ledger": one may well be there, out of this user's reach.
    return LedgerError("cannot open the ledger at " + paths.ledger + ": " + std::strerror(errno));
  }
  return Store::Open(paths.ledger, false, false, write_map);
}

// A keystore written before keystores recorded their ledger is taken to be the ledger's when it
// holds the key of one of the ledger's youths (or the ledger has none yet): another ledger's
// pepper gives every youth another id, so it would hold none of them.
Status CheckKeystoreServes(StoreTxn& txn, const Keystore& keystore, const std::string& dir) {
  int looked = 0;
  bool found = false;
  Status failure;
  auto s = txn.ScanSubjects([&](std::string_view id, const SubjectRecord& record) {
    if (record.erased) return true;
    auto key = keystore.Key(id);
    if (!key.ok()) failure = key.status();
    found = key.ok() && *key;
    return !found && failure.ok() && ++looked < 16;
  });
  if (!s.ok()) return s;
  if (!failure.ok()) return failure;
  if (looked > 0 && !found)
    return LedgerError("the keystore at " + dir + " holds no key of this ledger's youths: it is "
                       "another ledger's; give this ledger's own keystore (--keystore)");
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Store>> OpenStoreForRebuild(const LedgerPaths& paths) {
  return OpenExistingStore(paths, true);
}

Result<std::unique_ptr<Ledger>> Ledger::Open(const LedgerPaths& paths) {
  auto store = OpenExistingStore(paths, false);
  if (!store.ok()) return store.status();
  auto ledger = std::make_unique<Ledger>();
  ledger->store_ = std::move(*store);
  auto txn = ledger->store_->Read();
  if (!txn.ok()) return txn.status();
  auto ledger_id = (*txn)->Meta("ledger_id");
  if (!ledger_id.ok()) return ledger_id.status();
  // rmc init writes it in its first transaction: without it the file is no ledger (an emptied
  // file that LMDB started anew, say).
  if (!*ledger_id)
    return Damaged(ledger->store_->env().file(), "it holds no ledger (no ledger_id in meta)");
  auto settings = (*txn)->Meta("settings");
  if (!settings.ok()) return settings.status();
  if (*settings) ledger->settings_ = Settings::Decode(**settings);
  auto erasing = (*txn)->Meta("erasing");
  if (!erasing.ok()) return erasing.status();
  // A ledger written before the register was kept in it was recorded under the defaults.
  auto register_bytes = (*txn)->Meta("register");
  if (!register_bytes.ok()) return register_bytes.status();
  if (*register_bytes) {
    auto decoded = ActivityRegister::Decode(**register_bytes);
    if (!decoded.ok()) return decoded.status();
    ledger->register_ = std::move(*decoded);
  } else {
    ledger->register_ = ActivityRegister::Defaults();
  }
  auto keystore = Keystore::Open(paths.keystore, **ledger_id);
  if (!keystore.ok()) return keystore.status();
  ledger->keystore_ = std::move(*keystore);
  ledger->unsealer_ = std::make_unique<Unsealer>(*ledger->store_, *ledger->keystore_);
  for (size_t at = 0; *erasing && at + 16 <= (*erasing)->size(); at += 16)
    ledger->unsealer_->MarkErasing(std::string((*erasing)->substr(at, 16)));
  if (!ledger->keystore_->bound())
    if (auto s = CheckKeystoreServes(**txn, *ledger->keystore_, paths.keystore); !s.ok()) return s;
  return ledger;
}

std::vector<Outcome> Ledger::Execute(std::vector<Command>& commands, bool atomic, Status* failure) {
  std::vector<Outcome> outcomes;
  bool rolled_back = false;  // --atomic undid the batch for a refused command
  Status batch = store_->Write([&](StoreTxn& txn) -> Status {
    outcomes.assign(commands.size(), Outcome());
    for (size_t i = 0; i < commands.size(); ++i) outcomes[i].id = commands[i].id;
    rolled_back = false;
    erasures_.clear();
    unsealer_->Clear();  // an erasure of a rolled-back attempt must not linger in the cache
    // Another process's erasure may have moved the keystore to a new generation, or been
    // interrupted before its keys were deleted.
    if (auto s = keystore_->Refresh(); !s.ok()) return s;
    if (auto s = keystore_->Bind(); !s.ok()) return s;
    if (auto s = CompleteErasures(txn); !s.ok()) return s;
    StoreLedgerTxn ledger_txn = Txn(txn);
    Executor executor(ledger_txn, settings_, register_);
    for (size_t i = 0; i < commands.size(); ++i) {
      Outcome& out = outcomes[i];
      // Preparing reads stored events (a duplicate's, a correction's target, a case's signals):
      // one that does not decode refuses this command, not the batch (EventView).
      auto plan = Decoding([&] { return executor.Prepare(commands[i], out); },
                           [](const kj::Exception& e) -> Result<Executor::Plan> {
                             return Undecodable("an event the command reads", e);
                           });
      if (!plan.ok()) {
        out.error = plan.status();
        if (IsMapFull(out.error)) return out.error;
        if (!atomic) continue;  // a refused command wrote nothing: the batch goes on
        for (size_t j = 0; j < commands.size(); ++j)
          if (j != i)
            outcomes[j] = Outcome::Failed(commands[j].id,
                                          LedgerError("not written: command " + commands[i].id +
                                                      " failed and --atomic rolls back the whole input"));
        rolled_back = true;
        return out.error;
      }
      // Only the store can fail from here on, and then nothing of the batch is written.
      if (auto s = executor.Record(*plan, out); !s.ok()) return s;
    }
    // The erasures' key deletions, promised in the same transaction as the erasures.
    if (!erasures_.empty()) {
      std::string ids;
      for (const auto& id : erasures_) ids += id;
      if (auto s = txn.PutMeta("erasing", ids); !s.ok()) return s;
    }
    // The batch's new keys become durable in one keystore transaction, before the events
    // sealed with them: a crash in between leaves unused keys, never unreadable events.
    return keystore_->Flush();
  });
  if (!batch.ok() && !rolled_back) {
    if (failure) *failure = batch;
    for (auto& o : outcomes) {
      o.error = LedgerError("nothing was written: " + batch.message());
      o.events.clear();
    }
    if (outcomes.empty())
      for (auto& c : commands) outcomes.push_back(Outcome::Failed(c.id, LedgerError(batch.message())));
  }
  if (batch.ok() && !erasures_.empty()) {
    Status deleted = store_->Write([&](StoreTxn& txn) { return CompleteErasures(txn); });
    if (!deleted.ok())
      for (size_t i = 0; i < commands.size(); ++i)
        if (outcomes[i].ok() && commands[i].kind == schema::Payload::SUBJECT_ERASED)
          outcomes[i].error = LedgerError(
              "the erasure was recorded but the key could not be deleted yet: " + deleted.message() +
              "; the next write to this ledger completes it (or run the command again)");
  }
  return outcomes;
}

Status Ledger::Exclusive(const std::function<Status()>& body) {
  return store_->Write([&](StoreTxn& txn) -> Status {
    if (auto s = keystore_->Refresh(); !s.ok()) return s;
    if (auto s = CompleteErasures(txn); !s.ok()) return s;
    return body();
  });
}

Status Ledger::CompleteErasures(StoreTxn& txn) {
  auto pending = txn.Meta("erasing");
  if (!pending.ok()) return pending.status();
  if (!*pending || (*pending)->empty()) return Status::Ok();
  // Another process's erasure may have replaced the generation this one opened: deleting in that
  // copy and making it current would bring back the keys it erased and lose the keys made since.
  if (auto s = keystore_->Refresh(); !s.ok()) return s;
  std::vector<std::string> ids;
  for (size_t at = 0; at + 16 <= (*pending)->size(); at += 16) ids.push_back((*pending)->substr(at, 16));
  if (auto s = keystore_->Forget(ids); !s.ok()) return s;
  for (const auto& id : ids) unsealer_->Remember(id, std::nullopt);
  return txn.DeleteMeta("erasing");
}

Result<CaseState> Ledger::LoadCase(StoreTxn& txn, std::string_view case_id) {
  return rmc::LoadCase(Txn(txn), case_id);
}

Result<SignalledSubject> Ledger::SubjectOfSignals(StoreTxn& txn, const CaseState& state) {
  auto ledger_txn = Txn(txn);
  return rmc::SubjectOfSignals(ledger_txn, state);
}

}  // namespace rmc
