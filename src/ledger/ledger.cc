#include "ledger/ledger.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>

#include "audit/activities.h"
#include "base/hex.h"
#include "base/random.h"
#include "codec/json_codec.h"
#include "codec/json_render.h"
#include "codec/message_sizes.h"
#include "domain/decide.h"
#include "domain/fold.h"
#include "domain/state_codec.h"
#include "ledger/staged_ledger.h"
#include "privacy/sealing.h"

namespace rmc {
namespace {

// Why a command for an erased subject is refused: what its events would hold about them (the
// personal fields of every event, and a reason). Empty when they would hold nothing personal.
std::string ErasedRefusal(const std::vector<Draft>& drafts, bool sealed_reason, bool forget) {
  if (forget) return "this youth's personal data was already erased";
  std::vector<std::string> fields;
  for (const auto& draft : drafts)
    for (auto& path : PersonalFieldPaths(
             capnp::toDynamic(draft.payload->getRoot<schema::Payload>().asReader())))
      if (std::find(fields.begin(), fields.end(), path) == fields.end()) fields.push_back(path);
  std::string what;
  if (!fields.empty()) {
    what = "personal data (";
    for (size_t i = 0; i < fields.size(); ++i) what += (i ? ", " : "") + fields[i];
    what += ")";
  }
  if (sealed_reason)
    what += std::string(what.empty() ? "" : " and ") + "a reason (free text about them)";
  if (what.empty()) return "";
  return "the subject's personal data was erased; nothing personal about them can be recorded "
         "any more, and this command holds " + what;
}

using P = schema::Payload;

capnp::Data::Reader AsData(const std::string& s) {
  return {reinterpret_cast<const kj::byte*>(s.data()), s.size()};
}

// Appends a ledger-wide event (no case): LedgerCreated, SettingChanged, ActivityRegistered; all
// under rmc-verantwoording, at `activity_version`.
Status AppendLedgerEvent(StoreTxn& txn, Nanos now, const std::string& actor, schema::Role role,
                         const std::string& command_id, const std::string& trace,
                         uint32_t activity_version,
                         const std::function<void(schema::Payload::Builder)>& fill) {
  capnp::MallocMessageBuilder message;
  auto e = message.initRoot<schema::Event>();
  e.setEventId(AsData(NewEventId(now)));
  e.setPosition(txn.LastPosition() + 1);
  e.setRecordedAt(now);
  e.setOccurredAt(now);
  e.initActor().setId(actor);
  e.getActor().setRole(role);
  e.setCommandId(command_id);
  e.setTraceId(AsData(trace));
  e.setSpanId(AsData(RandomString(8)));
  auto pa = e.initProcessingActivity();
  pa.setCode("rmc-verantwoording");
  pa.setVersion(activity_version);
  e.setPrevHash(AsData(txn.ChainHead()));
  fill(e.initPayload());
  auto p = txn.Append(message, "", 0);
  return p.ok() ? Status::Ok() : p.status();
}

}  // namespace

Status Ledger::ChangeSetting(const std::string& key, const std::string& value,
                             const std::string& actor, schema::Role role) {
  if (auto s = Permit(role, Action::kChangeSettings); !s.ok()) return s;
  Settings changed = settings_;
  if (auto s = changed.Set(key, value); !s.ok()) return s;
  auto now = Now();
  if (!now.ok()) return now.status();
  auto s = store_->Write([&](StoreTxn& txn) -> Status {
    auto st = AppendLedgerEvent(txn, now->ns, actor, role, "config-" + Hex(AsData(RandomString(8))),
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
    auto st = AppendLedgerEvent(txn, now->ns, actor, role, "register-" + Hex(AsData(RandomString(8))),
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
  if (const Activity* a = register_.Current(code)) return a->version;
  std::string known;
  for (const Activity* a : register_.Latest()) known += (known.empty() ? "" : ", ") + a->code;
  return InvalidInput("processing_activity: no activity '" + std::string(code) +
                      "' in the register; expected one of " + known + " (rmc audit activities)");
}

std::string NewEventId(Nanos now) {
  std::string id = RandomString(16);
  uint64_t ms = uint64_t(now / 1000000);
  for (int i = 0; i < 6; ++i) id[i] = char((ms >> (8 * (5 - i))) & 0xff);
  id[6] = char((id[6] & 0x0f) | 0x70);
  id[8] = char((id[8] & 0x3f) | 0x80);
  return id;
}

std::string CaseIdFor(uint64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "RMC-%06llu", static_cast<unsigned long long>(n));
  return buf;
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
  const std::string trace = RandomString(16);
  auto status = ledger->store_->Write([&](StoreTxn& txn) -> Status {
    if (auto s = txn.PutMeta("ledger_id", ledger_id); !s.ok()) return s;
    auto append = [&](const std::function<void(schema::Payload::Builder)>& fill) {
      return AppendLedgerEvent(txn, now->ns, actor, schema::Role::SYSTEM, "init", trace, 1, fill);
    };
    if (auto s = append([&](schema::Payload::Builder p) {
          auto c = p.initLedgerCreated();
          c.setLedgerId(AsData(ledger_id));
          c.setSchemaVersion(1);
        });
        !s.ok())
      return s;
    for (const Activity& a : ledger->register_.versions())
      if (auto s = append([&](schema::Payload::Builder p) { ToEvent(a, p.initActivityRegistered()); }); !s.ok())
        return s;
    if (auto s = txn.PutMeta("register", ledger->register_.Encode()); !s.ok()) return s;
    // No structured binding: clang 14 cannot capture one in a lambda.
    for (const auto& setting : initial.All()) {
      if (auto s = append([&](schema::Payload::Builder p) {
            auto c = p.initSettingChanged();
            c.setKey(setting.first);
            c.setValue(setting.second);
          });
          !s.ok())
        return s;
    }
    if (auto s = txn.PutMeta("settings", initial.Encode()); !s.ok()) return s;
    return txn.PutMeta("next_case", U64Key(1));
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
  Status batch = store_->Write([&](StoreTxn& txn) -> Status {
    outcomes.assign(commands.size(), Outcome());
    for (size_t i = 0; i < commands.size(); ++i) outcomes[i].id = commands[i].id;
    erasures_.clear();
    unsealer_->Clear();  // an erasure of a rolled-back attempt must not linger in the cache
    // Another process's erasure may have moved the keystore to a new generation, or been
    // interrupted before its keys were deleted.
    if (auto s = keystore_->Refresh(); !s.ok()) return s;
    if (auto s = keystore_->Bind(); !s.ok()) return s;
    if (auto s = CompleteErasures(txn); !s.ok()) return s;
    for (size_t i = 0; i < commands.size(); ++i) {
      Outcome& out = outcomes[i];
      out.id = commands[i].id;
      // Preparing reads stored events (a duplicate's, a correction's target, a case's signals):
      // one that does not decode refuses this command, not the batch (EventView).
      auto plan = [&]() -> Result<Plan> {
        try {
          return Prepare(txn, commands[i], out);
        } catch (const kj::Exception& e) {
          return Undecodable("an event the command reads", e);
        }
      }();
      if (!plan.ok()) {
        out.error = plan.status();
        if (IsMapFull(out.error)) return out.error;
        if (!atomic) continue;  // a refused command wrote nothing: the batch goes on
        for (size_t j = 0; j < commands.size(); ++j) {
          if (j == i) continue;
          outcomes[j] = Outcome();
          outcomes[j].id = commands[j].id;
          outcomes[j].error = Status(Code::kLedgerError,
                                     "not written: command " + commands[i].id +
                                         " failed and --atomic rolls back the whole input");
        }
        return Status(out.error.code(), "atomic");
      }
      // Only the store can fail from here on, and then nothing of the batch is written.
      if (auto s = Record(txn, *plan, out); !s.ok()) return s;
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
  if (!batch.ok() && batch.message() != "atomic") {
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
        if (outcomes[i].ok() && commands[i].type == "forget_subject")
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

bool Ledger::KeyLeftAfterErasure(std::string_view subject_id) {
  auto key = keystore_->Key(subject_id);
  return !key.ok() || *key;
}

Status Ledger::Duplicate(StoreTxn& txn, const Command& c, const CommandRecord& record,
                         Outcome& out) {
  if (record.hash != c.hash)
    return Status(Code::kDuplicateConflict,
                  "command id " + c.id + " was used before for a command with other content");
  out.duplicate = true;
  out.position = record.last;
  for (uint64_t p = record.first; p <= record.last; ++p) {
    auto view = txn.Event(p);
    if (!view.ok()) return view.status();
    if (!*view) return LedgerError("command index points past the log");
    auto e = (*view)->event();
    out.case_id = e.getCaseId();
    out.version = e.getVersion();
    KJ_IF_MAYBE(member, capnp::toDynamic(e.getPayload()).which()) {
      out.events.push_back(schema_info::EventTypeName(*member));
    }
  }
  return Status::Ok();
}

Result<CaseState> Ledger::LoadCase(StoreTxn& txn, std::string_view case_id) {
  auto bytes = txn.Case(case_id);
  if (!bytes.ok()) return bytes.status();
  if (!*bytes) return Status(Code::kUnknownCase, "no case " + std::string(case_id));
  return DecodeCaseState(**bytes);
}

Result<std::string> Ledger::CurrentCaseOf(StoreTxn& txn, const std::string& ref, Days today) {
  auto record = txn.Subject(keystore_->SubjectId(ref));
  if (!record.ok()) return record.status();
  if (!*record || (*record)->cases.empty())
    return Status(Code::kUnknownCase, "no case for subject " + ref);
  // The erasure cut the ref off from the case: no answer may name it.
  if ((*record)->erased)
    return Status(Code::kSubjectErased, "the personal data of subject " + ref +
                                            " was erased; their case is no longer found by ref");
  const std::string& id = (*record)->cases.back();
  auto state = LoadCase(txn, id);
  if (!state.ok()) return state.status();
  if (EffectiveStatus(*state, today) == CaseStatus::kAfgesloten)
    return Status(Code::kUnknownCase, "subject " + ref + " has no open case or case in aftercare (last: " + id + ")");
  return id;
}

Result<std::unique_ptr<capnp::MallocMessageBuilder>> Ledger::BuildCorrection(
    StoreTxn& txn, const Command& c, const CaseState& state) {
  uint64_t target = 0;
  if (c.correct_target.find_first_not_of("0123456789") == std::string::npos) {
    auto [end, ec] = std::from_chars(c.correct_target.data(),
                                     c.correct_target.data() + c.correct_target.size(), target);
    if (ec != std::errc()) target = 0;  // too large: no such event (below)
  } else {
    auto ps = txn.CasePositions(state.case_id);
    if (!ps.ok()) return ps.status();
    for (uint64_t p : *ps) {
      auto view = txn.Event(p);
      if (view.ok() && *view && Hex((*view)->event().getEventId()) == c.correct_target) target = p;
    }
  }
  auto view = target ? txn.Event(target) : Result<std::optional<EventView>>(std::optional<EventView>());
  if (!view.ok()) return view.status();
  if (!*view || std::string_view((*view)->event().getCaseId().cStr()) != state.case_id)
    return InvalidInput("data.event: " + c.correct_target + " is no event of case " + state.case_id);
  auto original = capnp::toDynamic((*view)->event().getPayload());
  auto member = original.which();
  auto message = std::make_unique<capnp::MallocMessageBuilder>();
  auto corr = message->initRoot<schema::Payload>().initEventCorrected();
  corr.setTarget(target);
  auto fixed = capnp::toDynamic(corr.initCorrected());
  KJ_IF_MAYBE(m, member) {
    if (m->getProto().getName() == "eventCorrected" || m->getProto().getName() == "stepDeviated" ||
        m->getProto().getName() == "caseOpened" || m->getProto().getName() == "caseReopened" ||
        m->getProto().getName() == "subjectErased")
      return InvalidInput("data.event: a " + schema_info::EventTypeName(*m) +
                          " event records the ledger's own decision and cannot be corrected");
    auto target_struct = fixed.init(*m).as<capnp::DynamicStruct>();
    thread_local simdjson::dom::parser parser;
    simdjson::dom::element json;
    if (parser.parse(c.correct_data).get(json)) return InvalidInput("data.data: not valid JSON");
    std::vector<std::string> names;
    simdjson::dom::object object;
    if (json.get_object().get(object)) return InvalidInput("data.data: expected an object");
    for (auto [key, value] : object) {
      auto found = schema_info::FieldByJsonName(target_struct.getSchema(), key);
      if (!found)
        return InvalidInput("data.data." + std::string(key) + ": no such field of " +
                            schema_info::EventTypeName(*m));
      auto s = FillFieldFromJson(target_struct, *found, value, "data.data." + std::string(key));
      if (!s.ok()) return s;
      names.emplace_back(key);
    }
    if (names.empty()) return InvalidInput("data.data: name at least one corrected field");
    auto fields = corr.initFields(names.size());
    for (size_t i = 0; i < names.size(); ++i) fields.set(i, names[i]);
  }
  return message;
}

Status Ledger::CheckRetentionPassed(StoreTxn& txn, const std::string& ref,
                                    const SubjectRecord& record, Days today) {
  std::vector<CaseState> cases;
  std::optional<Days> birth;
  for (const auto& case_id : record.cases) {  // oldest first: a later signal's birth date wins
    auto state = LoadCase(txn, case_id);
    if (!state.ok()) return state.status();
    auto given = SubjectOfSignals(txn, *state);
    if (!given.ok()) return given.status();
    if (given->birth_date) birth = given->birth_date;
    cases.push_back(std::move(*state));
  }
  if (RetentionDueOn(cases, birth, settings_, today)) return Status::Ok();
  return RuleViolation("retention",
                       "the retention of subject " + ref +
                           " has not passed (docs/routekaart.md#retention: a case open or in "
                           "aftercare, or a period still running); rmc retention lists who is "
                           "due, and an erasure on request takes grondslag avg-art17");
}

Result<Ledger::Plan> Ledger::Prepare(StoreTxn& txn, Command& c, Outcome& out) {
  if (auto s = Permit(c.role, Action::kRecord); !s.ok()) return s;
  if (c.type == "forget_subject")
    if (auto s = Permit(c.role, c.data().getSubjectErased().getGrondslag() == schema::ErasureGround::BEWAARTERMIJN
                                    ? Action::kForgetOnRetention
                                    : Action::kForget);
        !s.ok())
      return s;

  auto previous = txn.Command(c.id);
  if (!previous.ok()) return previous.status();
  if (*previous) {
    // An erasure whose key deletion failed (in an earlier version) completes when run again.
    if (c.type == "forget_subject" && (*previous)->hash == c.hash) {
      const std::string subject = keystore_->SubjectId(c.data().getSubjectErased().getSubject().cStr());
      if (KeyLeftAfterErasure(subject)) erasures_.push_back(subject);
    }
    if (auto s = Duplicate(txn, c, **previous, out); !s.ok()) return s;
    return Plan();  // nothing to record
  }

  auto now = Now();
  if (!now.ok()) return now.status();
  TimePoint occurred = c.occurred_at.value_or(*now);
  const Days today = LocalDate(now->ns);
  if (occurred.is_date ? LocalDate(occurred.ns) > today : occurred.ns > now->ns)
    return InvalidInput("occurred_at: " + FormatTimePoint(occurred) +
                        " lies in the future; business time may lie in the past, not ahead");
  // Which case a subject has, and whether aftercare still runs, as of the command's business
  // date: a back-filled signal inside an aftercare that has since ended reopens that case.
  const Days business_day = LocalDate(occurred.ns);

  // Which case, and which subject.
  const bool is_signal = c.type == "signal";
  const bool is_forget = c.type == "forget_subject";
  std::string case_id = c.case_id;
  std::string subject_id;
  std::optional<SubjectRecord> subject_record;
  bool new_case = false;
  std::optional<uint64_t> next_case;
  CaseState state;
  if (is_signal || is_forget) {
    auto data = c.data();
    std::string ref = is_signal ? data.getSignalReceived().getSubject().getRef().cStr()
                                : data.getSubjectErased().getSubject().cStr();
    subject_id = keystore_->SubjectId(ref);
    auto record = txn.Subject(subject_id);
    if (!record.ok()) return record.status();
    subject_record = *record;
    if (subject_record && subject_record->erased && is_forget && !subject_record->cases.empty()) {
      // The erasure was recorded but an earlier version failed to delete its key: complete it,
      // write nothing more.
      if (KeyLeftAfterErasure(subject_id)) {
        erasures_.push_back(subject_id);
        out.case_id = subject_record->cases.back();
        return Plan();
      }
    }
    if (subject_record && subject_record->erased)
      return Status(Code::kSubjectErased, "the personal data of subject " + ref +
                                              " was erased; nothing more can be recorded about them");
    if (is_forget) {
      if (!subject_record || subject_record->cases.empty())
        return Status(Code::kUnknownCase, "no subject " + ref + " in this ledger");
      case_id = subject_record->cases.back();
      if (data.getSubjectErased().getGrondslag() == schema::ErasureGround::BEWAARTERMIJN)
        if (auto s = CheckRetentionPassed(txn, ref, *subject_record, today); !s.ok()) return s;
    } else if (subject_record && !subject_record->cases.empty()) {
      auto current = LoadCase(txn, subject_record->cases.back());
      if (!current.ok()) return current.status();
      if (!case_id.empty() && case_id != subject_record->cases.back() &&
          !SignalOpensNewCase(*current, business_day))
        return InvalidInput("case: subject " + ref + " belongs to case " +
                            subject_record->cases.back() + ", not " + case_id);
      if (SignalOpensNewCase(*current, business_day)) new_case = true;
      else case_id = subject_record->cases.back(), state = std::move(*current);
    } else {
      new_case = true;
    }
    if (new_case && !case_id.empty()) {
      auto existing = txn.Case(case_id);
      if (!existing.ok()) return existing.status();
      if (*existing) return InvalidInput("case: " + case_id + " belongs to another subject");
    }
  } else {
    if (case_id.empty() && !c.subject_ref.empty()) {
      auto id = CurrentCaseOf(txn, c.subject_ref, business_day);
      if (!id.ok()) return id.status();
      case_id = *id;
    }
    if (case_id.empty()) return InvalidInput("case: missing; name the case (or the subject)");
  }
  if (!new_case && state.case_id.empty()) {
    auto loaded = LoadCase(txn, case_id);
    if (!loaded.ok()) return loaded.status();
    state = std::move(*loaded);
  }
  if (new_case) {
    if (case_id.empty()) {
      auto next = txn.Meta("next_case");
      if (!next.ok()) return next.status();
      uint64_t n = *next ? ReadU64(**next) : 1;
      for (;; ++n) {  // a case id given by a caller may have taken the next number
        auto taken = txn.Case(CaseIdFor(n));
        if (!taken.ok()) return taken.status();
        if (!*taken) break;
      }
      case_id = CaseIdFor(n);
      next_case = n + 1;
    }
    state.case_id = case_id;
  }
  if (subject_id.empty()) subject_id = state.subject;
  if (c.expected_version && *c.expected_version != state.version)
    return Status(Code::kVersionConflict, "case " + case_id + " is at version " +
                                              std::to_string(state.version) + ", not " +
                                              std::to_string(*c.expected_version));

  // Decide.
  Facts facts;
  facts.today = business_day;
  facts.settings = &settings_;
  facts.new_case = new_case;
  std::unique_ptr<capnp::MallocMessageBuilder> payload;
  if (c.type == "correct") {
    auto built = BuildCorrection(txn, c, state);
    if (!built.ok()) return built.status();
    payload = std::move(*built);
  } else {
    payload = std::make_unique<capnp::MallocMessageBuilder>(kPayloadWords);
    payload->setRoot(c.data());
  }
  if (c.type == "triage") {
    auto subject = SubjectOfSignals(txn, state);
    if (!subject.ok()) return subject.status();
    facts.birth_date = subject->birth_date;
  }
  std::vector<Draft> drafts;
  if (c.type == "correct") {
    drafts.push_back(Draft{std::move(payload), {}});
  } else {
    auto decided = Decide(state, c, std::move(payload), facts);
    if (!decided.ok()) return decided.status();
    drafts = std::move(*decided);
  }

  // A reason is free text about the youth: sealed with their key, except an erasure's (it
  // accounts for the erasure and must outlive the key).
  const bool seal_reason = !c.reason.empty() && !subject_id.empty() && !is_forget;
  if (!is_signal && !subject_id.empty() && IsErased(subject_id))
    if (auto refusal = ErasedRefusal(drafts, seal_reason, is_forget); !refusal.empty())
      return Status(Code::kSubjectErased, refusal);

  // Build and seal every event; positions and the chain come when they are appended.
  Plan plan;
  const std::string trace = c.trace_id.empty() ? RandomString(16) : c.trace_id;
  uint32_t version = state.version;
  for (auto& draft : drafts) {
    auto message = std::make_unique<capnp::MallocMessageBuilder>(kEventWords);
    auto e = message->initRoot<schema::Event>();
    const std::string event_id = NewEventId(now->ns);
    e.setEventId(AsData(event_id));
    e.setCaseId(case_id);
    e.setVersion(++version);
    e.setRecordedAt(now->ns);
    e.setOccurredAt(occurred.ns);
    e.setOccurredIsDate(occurred.is_date);
    e.initActor().setId(c.actor);
    e.getActor().setRole(c.role);
    e.setCommandId(c.id);
    e.setTraceId(AsData(trace));
    e.setSpanId(AsData(RandomString(8)));
    if (!c.parent_span_id.empty()) e.setParentSpanId(AsData(c.parent_span_id));
    auto type = draft.root().which();
    const std::string activity = c.activity.empty() ? ActivityFor(type) : c.activity;
    auto activity_version = ActivityVersion(activity);
    if (!activity_version.ok()) return activity_version.status();
    auto pa = e.initProcessingActivity();
    pa.setCode(activity);
    pa.setVersion(*activity_version);
    if (!c.reason.empty() && !seal_reason) e.setReason(c.reason);
    if (!draft.overrides.empty()) {
      auto o = e.initOverrides(draft.overrides.size());
      for (size_t i = 0; i < draft.overrides.size(); ++i) o.set(i, draft.overrides[i]);
    }
    if (!subject_id.empty()) e.setSubject(AsData(subject_id));

    capnp::MallocMessageBuilder personal(kPayloadWords);
    auto full = capnp::toDynamic(draft.root().asReader());
    bool has_personal = false;
    KJ_IF_MAYBE(member, full.which()) {
      if (schema_info::NestsPersonal(*member)) {
        auto personal_root = capnp::toDynamic(personal.initRoot<schema::Payload>());
        has_personal = SplitPersonal(full, capnp::toDynamic(e.initPayload()), personal_root);
      } else {
        e.setPayload(draft.root().asReader());  // nothing to seal: a plain copy
      }
      plan.event_types.push_back(schema_info::EventTypeName(*member));
    }
    if (has_personal || seal_reason) {
      auto key = keystore_->KeyOrCreate(subject_id);
      if (!key.ok()) return key.status();
      unsealer_->Remember(subject_id, *key);
      SealEvent(*key, e, has_personal ? &personal : nullptr, seal_reason ? c.reason : "");
    }
    plan.events.push_back(std::move(message));
  }
  plan.command_id = c.id;
  plan.command_hash = c.hash;
  plan.case_id = std::move(case_id);
  plan.state = std::move(state);
  plan.new_case = new_case;
  plan.next_case = next_case;
  plan.forget = is_forget;
  plan.subject_id = std::move(subject_id);
  plan.subject_record = std::move(subject_record);
  return plan;
}

Status Ledger::Record(StoreTxn& txn, Plan& plan, Outcome& out) {
  if (plan.events.empty()) return Status::Ok();  // a duplicate
  if (plan.next_case)
    if (auto s = txn.PutMeta("next_case", U64Key(*plan.next_case)); !s.ok()) return s;
  uint64_t first = 0;
  for (auto& message : plan.events) {
    auto e = message->getRoot<schema::Event>();
    e.setPosition(txn.LastPosition() + 1);
    e.setPrevHash(AsData(txn.ChainHead()));
    auto position = txn.Append(*message, plan.case_id, e.getVersion());
    if (!position.ok()) return position.status();
    if (!first) first = *position;
    Apply(plan.state, e.asReader());
    out.position = *position;
  }
  out.events = std::move(plan.event_types);
  out.case_id = plan.case_id;
  out.version = plan.state.version;

  if (auto s = txn.PutCase(plan.case_id, EncodeCaseState(plan.state)); !s.ok()) return s;
  if (plan.new_case || plan.forget) {
    SubjectRecord record = plan.subject_record.value_or(SubjectRecord());
    if (plan.new_case) record.cases.push_back(plan.case_id);
    if (plan.forget) {
      record.erased = true;
      erasures_.push_back(plan.subject_id);
      unsealer_->Remember(plan.subject_id, std::nullopt);  // later commands of this batch see the erasure
    }
    if (auto s = txn.PutSubject(plan.subject_id, record); !s.ok()) return s;
  }
  return txn.PutCommand(plan.command_id, CommandRecord{first, out.position, plan.command_hash});
}

}  // namespace rmc
