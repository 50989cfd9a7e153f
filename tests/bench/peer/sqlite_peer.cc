#include "peer/sqlite_peer.h"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <map>
#include <optional>
#include <utility>

#include "audit/activities.h"
#include "base/digest.h"
#include "base/random.h"
#include "codec/bytes.h"
#include "domain/fold.h"
#include "ledger/ledger_case_history.h"
#include "domain/settings.h"
#include "ledger/case_resolution.h"
#include "ledger/event_builder.h"
#include "peer/case_json.h"
#include "peer/peer_txn.h"
#include "peer/sqlite_db.h"
#include "store/chain.h"

namespace rmc::bench {
namespace {

std::string DefaultActor() {
  if (const char* a = std::getenv("RMC_ACTOR"); a && *a) return a;
  if (const char* l = getlogin()) return l;
  if (passwd* pw = getpwuid(getuid())) return pw->pw_name;
  return "unknown";
}

// The time of `Create`: rmc::Now() when RMC_NOW is set, else the system clock read directly,
// so that creating the peer does not fix rmc::Now() (read once per process) before a caller
// sets RMC_NOW for the commands.
Result<Nanos> CreationTime() {
  if (const char* n = std::getenv("RMC_NOW"); n && *n) {
    auto now = Now();
    if (!now.ok()) return now.status();
    return now->ns;
  }
  return Nanos(std::chrono::duration_cast<std::chrono::nanoseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
                   .count());
}

}  // namespace

struct SqlitePeer::Impl {
  SqliteDb db;
  std::optional<PeerTxn> txn;  // once opened
  Settings settings;
  ActivityRegister activities;
  CommandDefaults defaults;

  // The meta values and the end of the log (position and chain head), read on open.
  Status Load();
  // Runs one batch of parsed commands (the unparsed ones are left out) in one transaction, a
  // SAVEPOINT each; an error when the batch could not be written, and then none of it was.
  Status RunBatch(std::vector<std::optional<rmc::Command>>& commands, std::vector<Outcome>& results);
};

Status SqlitePeer::Impl::Load() {
  auto meta = [&](const char* k) { return txn->Meta(k); };
  auto id = meta("ledger_id"), pepper = meta("pepper"), set = meta("settings"), reg = meta("register");
  for (auto* r : {&id, &pepper, &set, &reg})
    if (!r->ok()) return r->status();
  if (!*id || !*pepper) return LedgerError("not a peer database: meta rows are missing");
  if (*set) settings = Settings::Decode(**set);
  if (*reg) {
    auto decoded = ActivityRegister::Decode(**reg);
    if (!decoded.ok()) return decoded.status();
    activities = std::move(*decoded);
  } else {
    activities = ActivityRegister::Defaults();
  }
  PeerTxn::End end{0, Genesis(Chain::kEvents, **id)};
  Use u(db.last_event);
  int rc = u.Step();
  if (rc == SQLITE_ROW) end = {uint64_t(u.ColInt(0)), Blake2b(u.ColBlob(1))};
  else if (rc != SQLITE_DONE) return db.Err("read the last event");
  txn.emplace(db, **pepper, std::move(end));
  return Status::Ok();
}

SqlitePeer::SqlitePeer() : impl_(std::make_unique<Impl>()) {
  impl_->defaults = CommandDefaults{DefaultActor(), schema::Role::CONSULENT};
}
SqlitePeer::~SqlitePeer() = default;

void SqlitePeer::set_defaults(CommandDefaults defaults) { impl_->defaults = std::move(defaults); }

Result<std::unique_ptr<SqlitePeer>> SqlitePeer::Create(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) == 0)
    return Status(Code::kUsage, "a database exists at " + path + "; refusing to overwrite it");
  auto now = CreationTime();
  if (!now.ok()) return now.status();
  std::unique_ptr<SqlitePeer> peer(new SqlitePeer);
  Impl& d = *peer->impl_;
  if (auto s = d.db.Open(path, true); !s.ok()) return s;
  const std::string ledger_id = RandomString(16);
  d.activities = ActivityRegister::Defaults();
  d.txn.emplace(d.db, RandomString(32), PeerTxn::End{0, Genesis(Chain::kEvents, ledger_id)});
  if (auto s = d.db.Run(d.db.begin, "begin"); !s.ok()) return s;
  if (auto s = d.txn->PutMeta("pepper", d.txn->pepper()); !s.ok()) return s;
  if (auto s = AppendLedgerStart(*d.txn, *now, d.defaults.actor, ledger_id, d.settings, d.activities);
      !s.ok())
    return s;
  if (auto s = d.db.Run(d.db.commit, "commit"); !s.ok()) return s;
  return peer;
}

Result<std::unique_ptr<SqlitePeer>> SqlitePeer::Open(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return Status(Code::kNotFound, "no database at " + path);
  std::unique_ptr<SqlitePeer> peer(new SqlitePeer);
  Impl& d = *peer->impl_;
  if (auto s = d.db.Open(path, false); !s.ok()) return s;
  d.txn.emplace(d.db, "", PeerTxn::End{});
  if (auto s = d.Load(); !s.ok()) return s;
  return peer;
}

Status SqlitePeer::Impl::RunBatch(std::vector<std::optional<rmc::Command>>& commands,
                                  std::vector<Outcome>& results) {
  const PeerTxn::End start = txn->end();
  auto fail = [&](const Status& s) {
    (void)db.Run(db.rollback, "rollback");
    txn->set_end(start);
    return LedgerError("nothing of the batch was written: " + s.message());
  };
  if (auto s = db.Run(db.begin, "begin"); !s.ok()) return fail(s);
  Executor executor(*txn, settings, activities);
  for (size_t i = 0; i < commands.size(); ++i) {
    if (!commands[i]) continue;
    if (auto s = db.Run(db.savepoint, "savepoint"); !s.ok()) return fail(s);
    Outcome& out = results[i];
    auto plan = executor.Prepare(*commands[i], out);
    if (plan.ok()) {
      if (auto s = executor.Record(*plan, out); !s.ok()) return fail(s);
    } else {
      out.error = plan.status();
      // A key made for the refused command goes with it.
      if (auto s = db.Run(db.rollback_to, "rollback to savepoint"); !s.ok()) return fail(s);
    }
    if (auto s = db.Run(db.release, "release savepoint"); !s.ok()) return fail(s);
  }
  if (auto s = db.Run(db.commit, "commit"); !s.ok()) return fail(s);
  return Status::Ok();
}

Result<SqlitePeer::ApplyStats> SqlitePeer::Apply(std::istream& lines, size_t batch,
                                                 std::vector<Outcome>* outcomes) {
  Impl& d = *impl_;
  if (batch == 0) batch = 1;
  ApplyStats stats;
  std::string line;
  std::vector<std::string> pending;
  pending.reserve(batch);
  bool more = true;
  while (more) {
    pending.clear();
    while (pending.size() < batch && (more = bool(std::getline(lines, line))))
      if (line.find_first_not_of(" \t\r") != std::string::npos) pending.push_back(std::move(line));
    if (pending.empty()) break;
    // Parse first (outside the transaction, as rmc apply does), then run the batch.
    std::vector<Outcome> results(pending.size());
    std::vector<std::optional<rmc::Command>> commands(pending.size());
    for (size_t i = 0; i < pending.size(); ++i) {
      std::string id;
      auto c = ParseCommand(pending[i], d.defaults, &id);
      results[i].id = id;
      if (c.ok()) commands[i] = std::move(*c);
      else results[i].error = c.status();
    }
    const uint64_t before = d.txn->LastPosition();
    if (auto s = d.RunBatch(commands, results); !s.ok()) return s;
    stats.events += d.txn->LastPosition() - before;
    for (auto& r : results) {
      if (r.ok()) ++stats.ok;
      else ++stats.failed;
      if (outcomes) outcomes->push_back(std::move(r));
    }
  }
  return stats;
}

Result<uint64_t> SqlitePeer::Rebuild() {
  Impl& d = *impl_;
  if (auto s = d.db.Run(d.db.begin, "begin"); !s.ok()) return s;
  auto body = [&]() -> Result<uint64_t> {
    if (auto s = d.db.Run(d.db.clear_cases, "delete cases"); !s.ok()) return s;
    if (auto s = d.db.Run(d.db.clear_subjects, "delete subjects"); !s.ok()) return s;
    // subject id -> (position of CaseOpened, case id), to list a subject's cases oldest first.
    std::map<std::string, std::vector<std::pair<uint64_t, std::string>>> opened;
    std::map<std::string, bool> erased;
    uint64_t cases = 0;
    CaseState state;
    LedgerCaseHistory history(*d.txn);  // a correction folds its case again
    Use u(d.db.rebuild_scan);
    int rc;
    try {
      while ((rc = u.Step()) == SQLITE_ROW) {
        std::string_view case_id = u.ColText(0);
        if (case_id != state.case_id) {
          if (!state.case_id.empty()) {
            if (auto s = d.txn->PutCase(state); !s.ok()) return s;
            ++cases;
          }
          state = CaseState();
          state.case_id = case_id;
        }
        EventView view(u.ColBlob(1));
        auto e = view.event();
        if (auto folded = rmc::Apply(state, e, history); !folded.ok()) return folded;
        auto payload = e.getPayload();
        if (payload.isCaseOpened())
          opened[std::string(Bytes(e.getSubject()))].emplace_back(e.getPosition(), state.case_id);
        if (payload.isSubjectErased()) erased[std::string(Bytes(e.getSubject()))] = true;
      }
    } catch (const kj::Exception& ex) {
      return LedgerError(std::string("an event cannot be decoded: ") + ex.getDescription().cStr());
    }
    if (rc != SQLITE_DONE) return d.db.Err("read events");
    if (!state.case_id.empty()) {
      if (auto s = d.txn->PutCase(state); !s.ok()) return s;
      ++cases;
    }
    for (auto& [subject, list] : opened) {
      std::sort(list.begin(), list.end());
      SubjectRecord r;
      r.erased = erased.count(subject) > 0;
      for (auto& [position, id] : list) r.cases.push_back(std::move(id));
      if (auto s = d.txn->PutSubject(subject, r); !s.ok()) return s;
    }
    return cases;
  }();
  if (!body.ok()) {
    (void)d.db.Run(d.db.rollback, "rollback");
    return body.status();
  }
  if (auto s = d.db.Run(d.db.commit, "commit"); !s.ok()) {
    (void)d.db.Run(d.db.rollback, "rollback");
    return s;
  }
  return body;
}

Result<std::string> SqlitePeer::CaseJson(const std::string& case_id) {
  auto state = Case(case_id);
  if (!state.ok()) return state.status();
  return CaseStateToJson(*state);
}

Result<CaseState> SqlitePeer::Case(const std::string& case_id) {
  return LoadCase(*impl_->txn, case_id);
}

}  // namespace rmc::bench
