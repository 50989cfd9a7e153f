#include "base/hex.h"
#include "sqlite_peer.h"

#include <capnp/serialize.h>
#include <pwd.h>
#include <simdjson.h>
#include <sodium.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <utility>

#include "audit/activities.h"
#include "base/digest.h"
#include "base/random.h"
#include "codec/json_render.h"
#include "codec/schema_info.h"
#include "domain/decide.h"
#include "domain/fold.h"
#include "domain/settings.h"
#include "privacy/sealing.h"
#include "store/chain.h"
#include "store/store.h"

namespace rmc::bench {
namespace {

// ---- CaseState <-> JSON -----------------------------------------------------------------

const char kHexDigits[] = "0123456789abcdef";

void Quote(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHexDigits[c >> 4];
      out += kHexDigits[c & 15];
    } else {
      out += ch;
    }
  }
  out += '"';
}

std::string ToHex(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    out += kHexDigits[c >> 4];
    out += kHexDigits[c & 15];
  }
  return out;
}


// Writes every value followed by a comma; a closing bracket replaces the comma before it, and
// the caller drops the one after the outermost object.
class JsonWriter {
 public:
  std::string& out() { return out_; }
  void Open() { out_ += '{'; }
  void Close() { End('}'); }
  void Int(const char* name, int64_t v) {
    Key(name);
    Number(v);
  }
  void Str(const char* name, std::string_view v) {
    Key(name);
    Quote(out_, v);
    out_ += ',';
  }
  template <typename T, typename F>
  void Array(const char* name, const std::vector<T>& items, F each) {
    Key(name);
    out_ += '[';
    for (const auto& item : items) each(item);
    End(']');
  }
  void UInt(const char* name, uint64_t v) {
    Key(name);
    Number(v);
  }
  template <typename T>
  void Number(T v) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
    out_ += ',';
  }
  void String(std::string_view v) {
    Quote(out_, v);
    out_ += ',';
  }

 private:
  void Key(const char* name) {
    out_ += '"';
    out_ += name;
    out_ += "\":";
  }
  void End(char bracket) {
    if (out_.back() == ',') out_.back() = bracket;
    else out_ += bracket;
    out_ += ',';
  }
  std::string out_;
};

const char* ConsentKindName(ConsentRecord::Kind k) {
  switch (k) {
    case ConsentRecord::kGiven: return "given";
    case ConsentRecord::kRefused: return "refused";
    case ConsentRecord::kWithdrawn: return "withdrawn";
  }
  return "given";
}

using simdjson::dom::element;

bool Get(element v, std::string& out) {
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS) return false;
  out = s;
  return true;
}
template <typename T>
bool Get(element v, T& out) {
  if constexpr (std::is_same_v<T, uint64_t>) {
    return v.get_uint64().get(out) == simdjson::SUCCESS;
  } else {
    int64_t x;
    if (v.get_int64().get(x) != simdjson::SUCCESS || x < int64_t(std::numeric_limits<T>::min()) ||
        (x > 0 && uint64_t(x) > uint64_t(std::numeric_limits<T>::max())))
      return false;
    out = T(x);
    return true;
  }
}
bool Get(element v, std::vector<std::string>& out) {
  simdjson::dom::array a;
  if (v.get_array().get(a) != simdjson::SUCCESS) return false;
  for (element item : a) {
    std::string s;
    if (!Get(item, s)) return false;
    out.push_back(std::move(s));
  }
  return true;
}
bool Get(element v, std::vector<uint64_t>& out) {
  simdjson::dom::array a;
  if (v.get_array().get(a) != simdjson::SUCCESS) return false;
  for (element item : a) {
    uint64_t x;
    if (!Get(item, x)) return false;
    out.push_back(x);
  }
  return true;
}
// An array of objects: `field(record, key, value)` reads one member into the record.
template <typename T, typename F>
bool GetRecords(element v, std::vector<T>& out, F field) {
  simdjson::dom::array a;
  if (v.get_array().get(a) != simdjson::SUCCESS) return false;
  for (element item : a) {
    simdjson::dom::object o;
    if (item.get_object().get(o) != simdjson::SUCCESS) return false;
    T record;
    for (auto [key, value] : o)
      if (!field(record, key, value)) return false;
    out.push_back(std::move(record));
  }
  return true;
}

Result<CaseState> DecodeState(simdjson::dom::parser& parser, std::string_view json) {
  element root;
  if (parser.parse(json.data(), json.size(), true).get(root) != simdjson::SUCCESS)
    return LedgerError("damaged case projection: not JSON");
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS)
    return LedgerError("damaged case projection: not an object");
  CaseState s;
  for (auto [key, v] : object) {
    bool ok = false;
    if (key == "case_id") ok = Get(v, s.case_id);
    else if (key == "version") ok = Get(v, s.version);
    else if (key == "subject") {
      std::string hex;
      ok = Get(v, hex);
      auto raw = ok ? FromHex(hex) : std::nullopt;
      if ((ok = raw.has_value())) s.subject = std::move(*raw);
    } else if (key == "status") {
      std::string name;
      ok = Get(v, name);
      if (name == "open") s.status = CaseStatus::kOpen;
      else if (name == "nazorg") s.status = CaseStatus::kNazorg;
      else if (name == "afgesloten") s.status = CaseStatus::kAfgesloten;
      else ok = false;
    } else if (key == "step") ok = Get(v, s.step);
    else if (key == "at") ok = Get(v, s.at);
    else if (key == "steps_done") ok = Get(v, s.steps_done);
    else if (key == "flags") ok = Get(v, s.flags);
    else if (key == "target_group") ok = Get(v, s.target_group);
    else if (key == "jikp_perspective") ok = Get(v, s.jikp_perspective);
    else if (key == "info_present") ok = Get(v, s.info_present);
    else if (key == "consulent") ok = Get(v, s.consulent);
    else if (key == "opened_at") ok = Get(v, s.opened_at);
    else if (key == "last_signal") ok = Get(v, s.last_signal);
    else if (key == "picked_up") ok = Get(v, s.picked_up);
    else if (key == "first_attempt") ok = Get(v, s.first_attempt);
    else if (key == "last_letter") ok = Get(v, s.last_letter);
    else if (key == "closed_on") ok = Get(v, s.closed_on);
    else if (key == "close_reason") ok = Get(v, s.close_reason);
    else if (key == "aftercare_until") ok = Get(v, s.aftercare_until);
    else if (key == "aftercare_checks") ok = Get(v, s.aftercare_checks);
    else if (key == "feedback_on") ok = Get(v, s.feedback_on);
    else if (key == "reopened") ok = Get(v, s.reopened);
    else if (key == "last_position") ok = Get(v, s.last_position);
    else if (key == "signals") ok = Get(v, s.signals);
    else if (key == "corrections") ok = Get(v, s.corrections);
    else if (key == "contacts")
      ok = GetRecords(v, s.contacts, [](ContactRecord& r, std::string_view k, element x) {
        if (k == "position") return Get(x, r.position);
        if (k == "day") return Get(x, r.day);
        if (k == "channel") return Get(x, r.channel);
        if (k == "outcome") return Get(x, r.outcome);
        return false;
      });
    else if (key == "consents")
      ok = GetRecords(v, s.consents, [](ConsentRecord& r, std::string_view k, element x) {
        if (k == "position") return Get(x, r.position);
        if (k == "kind") {
          std::string name;
          if (!Get(x, name)) return false;
          if (name == "given") r.kind = ConsentRecord::kGiven;
          else if (name == "refused") r.kind = ConsentRecord::kRefused;
          else if (name == "withdrawn") r.kind = ConsentRecord::kWithdrawn;
          else return false;
          return true;
        }
        if (k == "partners") return Get(x, r.partners);
        if (k == "categories") return Get(x, r.categories);
        if (k == "valid_until") return Get(x, r.valid_until);
        if (k == "day") return Get(x, r.day);
        return false;
      });
    else if (key == "deviations")
      ok = GetRecords(v, s.deviations, [](DeviationRecord& r, std::string_view k, element x) {
        if (k == "position") return Get(x, r.position);
        if (k == "from_step") return Get(x, r.from_step);
        if (k == "to_step") return Get(x, r.to_step);
        if (k == "rule") return Get(x, r.rule);
        if (k == "reason") return Get(x, r.reason);
        if (k == "actor") return Get(x, r.actor);
        if (k == "at") return Get(x, r.at);
        return false;
      });
    if (!ok) return LedgerError("damaged case projection: field " + std::string(key));
  }
  return s;
}

// ---- The ledger's conventions, as rmc writes them (ledger.cc) ------------------------------

capnp::Data::Reader AsData(const std::string& s) {
  return {reinterpret_cast<const kj::byte*>(s.data()), s.size()};
}

std::string_view AsView(capnp::Data::Reader d) {
  return {reinterpret_cast<const char*>(d.begin()), d.size()};
}

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

std::string EventTypeOf(schema::Payload::Reader payload) {
  KJ_IF_MAYBE(m, capnp::toDynamic(payload).which()) { return schema_info::EventTypeName(*m); }
  return "";
}

std::vector<std::string> SplitCases(std::string_view v) {
  std::vector<std::string> out;
  while (!v.empty()) {
    size_t comma = v.find(',');
    out.emplace_back(v.substr(0, comma));
    if (comma == std::string_view::npos) break;
    v.remove_prefix(comma + 1);
  }
  return out;
}

std::string JoinCases(const std::vector<std::string>& cases) {
  std::string out;
  for (size_t i = 0; i < cases.size(); ++i) out += (i ? "," : "") + cases[i];
  return out;
}

constexpr const char* kSchema = R"sql(
CREATE TABLE events(position INTEGER PRIMARY KEY, case_id TEXT, version INTEGER, type TEXT NOT NULL,
                    body BLOB NOT NULL);
CREATE UNIQUE INDEX events_case ON events(case_id, version);
CREATE TABLE cases(case_id TEXT PRIMARY KEY, projection TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE commands(id TEXT PRIMARY KEY, first INTEGER NOT NULL, last INTEGER NOT NULL,
                      hash BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE subjects(id BLOB PRIMARY KEY, cases TEXT NOT NULL, erased INTEGER NOT NULL DEFAULT 0)
  WITHOUT ROWID;
CREATE TABLE keys(subject BLOB PRIMARY KEY, key BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE meta(k TEXT PRIMARY KEY, v BLOB NOT NULL) WITHOUT ROWID;
)sql";

}  // namespace

std::string CaseStateToJson(const CaseState& s) {
  JsonWriter w;
  w.out().reserve(512);
  w.Open();
  w.Str("case_id", s.case_id);
  w.Int("version", s.version);
  w.Str("subject", ToHex(s.subject));
  w.Str("status", StatusName(s.status));
  w.Int("step", s.step);
  w.Int("at", s.at);
  w.Int("steps_done", s.steps_done);
  w.Int("flags", s.flags);
  w.Int("target_group", s.target_group);
  w.Int("jikp_perspective", s.jikp_perspective);
  w.Int("info_present", s.info_present);
  w.Str("consulent", s.consulent);
  w.Int("opened_at", s.opened_at);
  w.Int("last_signal", s.last_signal);
  w.Int("picked_up", s.picked_up);
  w.Int("first_attempt", s.first_attempt);
  w.Int("last_letter", s.last_letter);
  w.Int("closed_on", s.closed_on);
  w.Int("close_reason", s.close_reason);
  w.Int("aftercare_until", s.aftercare_until);
  w.Int("aftercare_checks", s.aftercare_checks);
  w.Int("feedback_on", s.feedback_on);
  w.Int("reopened", s.reopened);
  w.UInt("last_position", s.last_position);
  w.Array("signals", s.signals, [&](uint64_t p) { w.Number(p); });
  w.Array("contacts", s.contacts, [&](const ContactRecord& c) {
    w.Open();
    w.UInt("position", c.position);
    w.Int("day", c.day);
    w.Int("channel", c.channel);
    w.Int("outcome", c.outcome);
    w.Close();
  });
  w.Array("consents", s.consents, [&](const ConsentRecord& c) {
    w.Open();
    w.UInt("position", c.position);
    w.Str("kind", ConsentKindName(c.kind));
    w.Array("partners", c.partners, [&](const std::string& p) { w.String(p); });
    w.Array("categories", c.categories, [&](const std::string& p) { w.String(p); });
    w.Int("valid_until", c.valid_until);
    w.Int("day", c.day);
    w.Close();
  });
  w.Array("deviations", s.deviations, [&](const DeviationRecord& d) {
    w.Open();
    w.UInt("position", d.position);
    w.Int("from_step", d.from_step);
    w.Int("to_step", d.to_step);
    w.Str("rule", d.rule);
    w.Str("reason", d.reason);
    w.Str("actor", d.actor);
    w.Int("at", d.at);
    w.Close();
  });
  w.Array("corrections", s.corrections, [&](uint64_t p) { w.Number(p); });
  w.Close();
  std::string out = std::move(w.out());
  out.pop_back();  // the comma after the outermost object
  return out;
}

Result<CaseState> CaseStateFromJson(std::string_view json) {
  thread_local simdjson::dom::parser parser;
  return DecodeState(parser, json);
}

// ---- The store ------------------------------------------------------------------------------

// A prepared statement, made once; Use() binds it afresh and resets it when done.
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(s_); }
  Status Prepare(sqlite3* db, const char* sql) {
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s_, nullptr) != SQLITE_OK)
      return LedgerError(std::string("sqlite prepare: ") + sqlite3_errmsg(db) + " in " + sql);
    return Status::Ok();
  }
  sqlite3_stmt* get() const { return s_; }

 private:
  sqlite3_stmt* s_ = nullptr;
};

// One use of a statement: bind, step, read columns; resets the statement on destruction.
class Use {
 public:
  explicit Use(const Stmt& s) : s_(s.get()) {}
  ~Use() { sqlite3_reset(s_); }
  Use& Text(int i, std::string_view v) {
    sqlite3_bind_text(s_, i, v.data(), int(v.size()), SQLITE_STATIC);
    return *this;
  }
  Use& Blob(int i, std::string_view v) {
    sqlite3_bind_blob(s_, i, v.data(), int(v.size()), SQLITE_STATIC);
    return *this;
  }
  Use& Int(int i, int64_t v) {
    sqlite3_bind_int64(s_, i, v);
    return *this;
  }
  Use& Null(int i) {
    sqlite3_bind_null(s_, i);
    return *this;
  }
  int Step() { return sqlite3_step(s_); }
  std::string_view ColText(int i) {
    const char* p = reinterpret_cast<const char*>(sqlite3_column_text(s_, i));
    return {p ? p : "", size_t(sqlite3_column_bytes(s_, i))};
  }
  std::string_view ColBlob(int i) {
    const char* p = static_cast<const char*>(sqlite3_column_blob(s_, i));
    return {p ? p : "", size_t(sqlite3_column_bytes(s_, i))};
  }
  int64_t ColInt(int i) { return sqlite3_column_int64(s_, i); }

 private:
  sqlite3_stmt* s_;
};

struct SqlitePeer::Impl {
  sqlite3* db = nullptr;
  Settings settings;
  CommandDefaults defaults;
  std::string ledger_id, pepper;
  // The log's end, read from it on open and kept here (restored when a command rolls back).
  uint64_t position = 0;
  std::string head;
  uint64_t next_case = 1;

  Stmt begin, commit, rollback, savepoint, release, rollback_to;
  Stmt get_command, put_command, command_events;
  Stmt get_case, put_case, case_exists;
  Stmt get_subject, put_subject;
  Stmt get_key, put_key;
  Stmt get_meta, put_meta;
  Stmt put_event, get_event, last_event;
  Stmt rebuild_scan, clear_cases, clear_subjects;
  simdjson::dom::parser json;

  ~Impl() {
    // Statements are finalized by their destructors, which run after this body: close lazily.
    if (db) sqlite3_close_v2(db);
  }

  Status Err(const char* what) const {
    return LedgerError(std::string("sqlite ") + what + ": " + sqlite3_errmsg(db));
  }
  Status Exec(const char* sql) {
    char* msg = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
      Status s = LedgerError(std::string("sqlite: ") + (msg ? msg : "error") + " in " + sql);
      sqlite3_free(msg);
      return s;
    }
    return Status::Ok();
  }
  Status Run(const Stmt& s, const char* what) {
    Use u(s);
    return u.Step() == SQLITE_DONE ? Status::Ok() : Err(what);
  }

  Status OpenDb(const std::string& path, bool create);
  Status Prepare();
  Status LoadEnd();

  // Reads and writes of the tables.
  Result<std::optional<CommandRecord>> CommandRecordOf(std::string_view id);
  Result<std::optional<CaseState>> LoadCaseIfAny(std::string_view case_id);
  Result<CaseState> LoadCase(std::string_view case_id);
  Result<bool> CaseExists(std::string_view case_id);
  Status PutCase(const CaseState& state);
  Result<std::optional<SubjectRecord>> Subject(std::string_view subject_id);
  Status PutSubject(std::string_view subject_id, const SubjectRecord& r);
  Result<std::optional<SubjectKey>> Key(std::string_view subject_id);
  Result<SubjectKey> KeyOrCreate(std::string_view subject_id);
  Status PutMeta(std::string_view k, std::string_view v);
  Status AppendEvent(capnp::MessageBuilder& message, const std::string& case_id, uint32_t version,
                     const std::string& type);

  std::string SubjectId(std::string_view ref) const;
  Result<std::string> CurrentCaseOf(const std::string& ref, Days today);
  Result<std::optional<Days>> BirthDate(const CaseState& state);
  Status Duplicate(const rmc::Command& c, const CommandRecord& record, Outcome& out);
  Status ExecuteOne(rmc::Command& c, Outcome& out);
  Status AppendLedgerEvent(Nanos now, const std::string& trace,
                           const std::function<void(schema::Payload::Builder)>& fill);
};

Status SqlitePeer::Impl::OpenDb(const std::string& path, bool create) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | (create ? SQLITE_OPEN_CREATE : 0);
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK)
    return LedgerError("cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
  sqlite3_extended_result_codes(db, 1);
  // page_size only takes effect before the first table; journal_mode=WAL persists in the file.
  if (create)
    if (auto s = Exec("PRAGMA page_size=4096; PRAGMA journal_mode=WAL;"); !s.ok()) return s;
  // Durable commits like LMDB's; a page cache that holds the working set (256 MiB at most,
  // taken as used); savepoint journals in memory. Checkpoints as SQLite's default (every 1000
  // pages of WAL), which keeps the WAL file small.
  return Exec(
      "PRAGMA synchronous=FULL; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; "
      "PRAGMA foreign_keys=OFF;");
}

Status SqlitePeer::Impl::Prepare() {
  struct {
    Stmt* stmt;
    const char* sql;
  } all[] = {
      {&begin, "BEGIN IMMEDIATE"},
      {&commit, "COMMIT"},
      {&rollback, "ROLLBACK"},
      {&savepoint, "SAVEPOINT command"},
      {&release, "RELEASE command"},
      {&rollback_to, "ROLLBACK TO command"},
      {&get_command, "SELECT first, last, hash FROM commands WHERE id = ?1"},
      {&put_command, "INSERT INTO commands(id, first, last, hash) VALUES(?1, ?2, ?3, ?4)"},
      {&command_events, "SELECT case_id, version, type FROM events WHERE position BETWEEN ?1 AND ?2 "
                        "ORDER BY position"},
      {&get_case, "SELECT projection FROM cases WHERE case_id = ?1"},
      {&put_case, "INSERT INTO cases(case_id, projection) VALUES(?1, ?2) "
                  "ON CONFLICT(case_id) DO UPDATE SET projection = excluded.projection"},
      {&case_exists, "SELECT 1 FROM cases WHERE case_id = ?1"},
      {&get_subject, "SELECT cases, erased FROM subjects WHERE id = ?1"},
      {&put_subject, "INSERT INTO subjects(id, cases, erased) VALUES(?1, ?2, ?3) "
                     "ON CONFLICT(id) DO UPDATE SET cases = excluded.cases, erased = excluded.erased"},
      {&get_key, "SELECT key FROM keys WHERE subject = ?1"},
      {&put_key, "INSERT INTO keys(subject, key) VALUES(?1, ?2)"},
      {&get_meta, "SELECT v FROM meta WHERE k = ?1"},
      {&put_meta, "INSERT INTO meta(k, v) VALUES(?1, ?2) ON CONFLICT(k) DO UPDATE SET v = excluded.v"},
      {&put_event, "INSERT INTO events(position, case_id, version, type, body) VALUES(?1, ?2, ?3, ?4, ?5)"},
      {&get_event, "SELECT body FROM events WHERE position = ?1"},
      {&last_event, "SELECT position, body FROM events ORDER BY position DESC LIMIT 1"},
      {&rebuild_scan, "SELECT case_id, body FROM events INDEXED BY events_case "
                      "WHERE case_id IS NOT NULL ORDER BY case_id, version"},
      {&clear_cases, "DELETE FROM cases"},
      {&clear_subjects, "DELETE FROM subjects"},
  };
  for (auto& [stmt, sql] : all)
    if (auto s = stmt->Prepare(db, sql); !s.ok()) return s;
  return Status::Ok();
}

// Reads the meta rows and the end of the log (position and chain head) into memory.
Status SqlitePeer::Impl::LoadEnd() {
  auto meta = [&](const char* k) -> Result<std::optional<std::string>> {
    Use u(get_meta);
    u.Text(1, k);
    int rc = u.Step();
    if (rc == SQLITE_DONE) return std::optional<std::string>();
    if (rc != SQLITE_ROW) return Err("read meta");
    return std::optional<std::string>(std::string(u.ColBlob(0)));
  };
  auto id = meta("ledger_id"), pep = meta("pepper"), set = meta("settings"), next = meta("next_case");
  for (auto* r : {&id, &pep, &set, &next})
    if (!r->ok()) return r->status();
  if (!*id || !*pep || !*next) return LedgerError("not a peer database: meta rows are missing");
  ledger_id = **id;
  pepper = **pep;
  if (*set) settings = Settings::Decode(**set);
  next_case = std::stoull(**next);
  Use u(last_event);
  int rc = u.Step();
  if (rc == SQLITE_ROW) {
    position = uint64_t(u.ColInt(0));
    head = Blake2b(u.ColBlob(1));
  } else if (rc == SQLITE_DONE) {
    position = 0;
    head = Genesis(Chain::kEvents, ledger_id);
  } else {
    return Err("read the last event");
  }
  return Status::Ok();
}

Result<std::optional<CommandRecord>> SqlitePeer::Impl::CommandRecordOf(std::string_view id) {
  Use u(get_command);
  u.Text(1, id);
  int rc = u.Step();
  if (rc == SQLITE_DONE) return std::optional<CommandRecord>();
  if (rc != SQLITE_ROW) return Err("read commands");
  return std::optional<CommandRecord>(
      CommandRecord{uint64_t(u.ColInt(0)), uint64_t(u.ColInt(1)), std::string(u.ColBlob(2))});
}

Result<std::optional<CaseState>> SqlitePeer::Impl::LoadCaseIfAny(std::string_view case_id) {
  Use u(get_case);
  u.Text(1, case_id);
  int rc = u.Step();
  if (rc == SQLITE_DONE) return std::optional<CaseState>();
  if (rc != SQLITE_ROW) return Err("read cases");
  auto state = DecodeState(json, u.ColText(0));
  if (!state.ok()) return state.status();
  return std::optional<CaseState>(std::move(*state));
}

Result<CaseState> SqlitePeer::Impl::LoadCase(std::string_view case_id) {
  auto state = LoadCaseIfAny(case_id);
  if (!state.ok()) return state.status();
  if (!*state) return Status(Code::kUnknownCase, "no case " + std::string(case_id));
  return std::move(**state);
}

Result<bool> SqlitePeer::Impl::CaseExists(std::string_view case_id) {
  Use u(case_exists);
  u.Text(1, case_id);
  int rc = u.Step();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return Err("read cases");
  return rc == SQLITE_ROW;
}

Status SqlitePeer::Impl::PutCase(const CaseState& state) {
  const std::string projection = CaseStateToJson(state);
  Use u(put_case);
  u.Text(1, state.case_id).Text(2, projection);
  return u.Step() == SQLITE_DONE ? Status::Ok() : Err("write cases");
}

Result<std::optional<SubjectRecord>> SqlitePeer::Impl::Subject(std::string_view subject_id) {
  Use u(get_subject);
  u.Blob(1, subject_id);
  int rc = u.Step();
  if (rc == SQLITE_DONE) return std::optional<SubjectRecord>();
  if (rc != SQLITE_ROW) return Err("read subjects");
  SubjectRecord r;
  r.cases = SplitCases(u.ColText(0));
  r.erased = u.ColInt(1) != 0;
  return std::optional<SubjectRecord>(std::move(r));
}

Status SqlitePeer::Impl::PutSubject(std::string_view subject_id, const SubjectRecord& r) {
  const std::string cases = JoinCases(r.cases);
  Use u(put_subject);
  u.Blob(1, subject_id).Text(2, cases).Int(3, r.erased ? 1 : 0);
  return u.Step() == SQLITE_DONE ? Status::Ok() : Err("write subjects");
}

Result<std::optional<SubjectKey>> SqlitePeer::Impl::Key(std::string_view subject_id) {
  Use u(get_key);
  u.Blob(1, subject_id);
  int rc = u.Step();
  if (rc == SQLITE_DONE) return std::optional<SubjectKey>();
  if (rc != SQLITE_ROW) return Err("read keys");
  auto bytes = u.ColBlob(0);
  if (bytes.size() != 32) return std::optional<SubjectKey>();
  SubjectKey key;
  std::memcpy(key.data(), bytes.data(), key.size());
  return std::optional<SubjectKey>(key);
}

Result<SubjectKey> SqlitePeer::Impl::KeyOrCreate(std::string_view subject_id) {
  auto existing = Key(subject_id);
  if (!existing.ok()) return existing.status();
  if (*existing) return **existing;
  SubjectKey key = NewSubjectKey();
  Use u(put_key);
  u.Blob(1, subject_id).Blob(2, std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
  if (u.Step() != SQLITE_DONE) return Err("write keys");
  return key;
}

Status SqlitePeer::Impl::PutMeta(std::string_view k, std::string_view v) {
  Use u(put_meta);
  u.Text(1, k).Blob(2, v);
  return u.Step() == SQLITE_DONE ? Status::Ok() : Err("write meta");
}

// Appends the event (its position and prevHash already set from `position` and `head`).
Status SqlitePeer::Impl::AppendEvent(capnp::MessageBuilder& message, const std::string& case_id,
                                     uint32_t version, const std::string& type) {
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asChars();
  std::string_view body(bytes.begin(), bytes.size());
  Use u(put_event);
  u.Int(1, int64_t(position + 1));
  if (case_id.empty()) u.Null(2).Null(3);
  else u.Text(2, case_id).Int(3, version);
  u.Text(4, type).Blob(5, body);
  if (u.Step() != SQLITE_DONE) return Err("write events");
  ++position;
  head = Blake2b(body);
  return Status::Ok();
}

std::string SqlitePeer::Impl::SubjectId(std::string_view ref) const {
  std::string id(16, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(id.data()), id.size(),
                     reinterpret_cast<const unsigned char*>(ref.data()), ref.size(),
                     reinterpret_cast<const unsigned char*>(pepper.data()), pepper.size());
  return id;
}

Result<std::string> SqlitePeer::Impl::CurrentCaseOf(const std::string& ref, Days today) {
  auto record = Subject(SubjectId(ref));
  if (!record.ok()) return record.status();
  if (!*record || (*record)->cases.empty())
    return Status(Code::kUnknownCase, "no case for subject " + ref);
  const std::string& id = (*record)->cases.back();
  auto state = LoadCase(id);
  if (!state.ok()) return state.status();
  if (EffectiveStatus(*state, today) == CaseStatus::kAfgesloten)
    return Status(Code::kUnknownCase,
                  "subject " + ref + " has no open case or case in aftercare (last: " + id + ")");
  return id;
}

Result<std::optional<Days>> SqlitePeer::Impl::BirthDate(const CaseState& state) {
  std::optional<Days> birth;
  for (uint64_t p : state.signals) {
    Use u(get_event);
    u.Int(1, int64_t(p));
    int rc = u.Step();
    if (rc == SQLITE_DONE) continue;
    if (rc != SQLITE_ROW) return Err("read events");
    EventView view(u.ColBlob(0));
    auto e = view.event();
    if ((!e.hasSealed() && !e.hasSealedReason()) || !e.hasSubject()) continue;
    auto key = Key(AsView(e.getSubject()));
    if (!key.ok()) return key.status();
    if (!*key) continue;  // erased
    auto opened = OpenSealed(**key, e);
    if (!opened.ok()) return opened.status();
    if (!opened->payload) continue;
    auto payload = opened->payload->getRoot<schema::Payload>();
    if (payload.isSignalReceived() && payload.getSignalReceived().getSubject().hasBirthDate())
      birth = payload.getSignalReceived().getSubject().getBirthDate().getDays();
  }
  return birth;
}

Status SqlitePeer::Impl::Duplicate(const rmc::Command& c, const CommandRecord& record, Outcome& out) {
  if (record.hash != c.hash)
    return Status(Code::kDuplicateConflict,
                  "command id " + c.id + " was used before for a command with other content");
  out.duplicate = true;
  out.position = record.last;
  Use u(command_events);
  u.Int(1, int64_t(record.first)).Int(2, int64_t(record.last));
  int rc;
  while ((rc = u.Step()) == SQLITE_ROW) {
    out.case_id = u.ColText(0);
    out.version = uint32_t(u.ColInt(1));
    out.events.emplace_back(u.ColText(2));
  }
  if (rc != SQLITE_DONE) return Err("read events");
  if (out.events.size() != record.last - record.first + 1)
    return LedgerError("command index points past the log");
  return Status::Ok();
}

Status SqlitePeer::Impl::AppendLedgerEvent(Nanos now, const std::string& trace,
                                           const std::function<void(schema::Payload::Builder)>& fill) {
  capnp::MallocMessageBuilder message;
  auto e = message.initRoot<schema::Event>();
  e.setEventId(AsData(NewEventId(now)));
  e.setPosition(position + 1);
  e.setRecordedAt(now);
  e.setOccurredAt(now);
  e.initActor().setId(defaults.actor);
  e.getActor().setRole(schema::Role::SYSTEM);
  e.setCommandId("init");
  e.setTraceId(AsData(trace));
  e.setSpanId(AsData(RandomString(8)));
  auto pa = e.initProcessingActivity();
  pa.setCode("rmc-verantwoording");
  pa.setVersion(1);  // the default register's version (src/audit/activities.cc)
  e.setPrevHash(AsData(head));
  fill(e.initPayload());
  return AppendEvent(message, "", 0, EventTypeOf(e.getPayload().asReader()));
}

// Ledger::ExecuteOne (ledger.cc) on SQLite: the same steps in the same order, with the same
// domain functions; only the reads and writes go to tables.
Status SqlitePeer::Impl::ExecuteOne(rmc::Command& c, Outcome& out) {
  if (c.type == "correct" || c.type == "forget_subject")
    return InvalidInput("type: the SQLite peer does not run " + c.type + " commands");
  if (auto s = Permit(c.role, Action::kRecord); !s.ok()) return s;

  auto previous = CommandRecordOf(c.id);
  if (!previous.ok()) return previous.status();
  if (*previous) return Duplicate(c, **previous, out);

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
  std::string case_id = c.case_id;
  std::string subject_id;
  std::optional<SubjectRecord> subject_record;
  bool new_case = false;
  CaseState state;
  if (is_signal) {
    std::string ref = c.data().getSignalReceived().getSubject().getRef().cStr();
    subject_id = SubjectId(ref);
    auto record = Subject(subject_id);
    if (!record.ok()) return record.status();
    subject_record = std::move(*record);
    if (subject_record && subject_record->erased)
      return Status(Code::kSubjectErased, "the personal data of subject " + ref +
                                              " was erased; nothing more can be recorded about them");
    if (subject_record && !subject_record->cases.empty()) {
      auto current = LoadCase(subject_record->cases.back());
      if (!current.ok()) return current.status();
      const bool opens = SignalOpensNewCase(*current, business_day);
      if (!case_id.empty() && case_id != subject_record->cases.back() && !opens)
        return InvalidInput("case: subject " + ref + " belongs to case " +
                            subject_record->cases.back() + ", not " + case_id);
      if (opens) new_case = true;
      else case_id = subject_record->cases.back(), state = std::move(*current);
    } else {
      new_case = true;
    }
    if (new_case && !case_id.empty()) {
      auto existing = CaseExists(case_id);
      if (!existing.ok()) return existing.status();
      if (*existing) return InvalidInput("case: " + case_id + " belongs to another subject");
    }
  } else {
    if (case_id.empty() && !c.subject_ref.empty()) {
      auto id = CurrentCaseOf(c.subject_ref, business_day);
      if (!id.ok()) return id.status();
      case_id = *id;
    }
    if (case_id.empty()) return InvalidInput("case: missing; name the case (or the subject)");
  }
  if (!new_case && state.case_id.empty()) {
    auto loaded = LoadCase(case_id);
    if (!loaded.ok()) return loaded.status();
    state = std::move(*loaded);
  }
  if (new_case) {
    if (case_id.empty()) {
      uint64_t n = next_case;
      for (;; ++n) {  // a case id given by a caller may have taken the next number
        auto taken = CaseExists(CaseIdFor(n));
        if (!taken.ok()) return taken.status();
        if (!*taken) break;
      }
      case_id = CaseIdFor(n);
      next_case = n + 1;
      if (auto s = PutMeta("next_case", std::to_string(next_case)); !s.ok()) return s;
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
  facts.settings = &settings;
  facts.new_case = new_case;
  auto payload = std::make_unique<capnp::MallocMessageBuilder>();
  payload->setRoot(c.data());
  if (c.type == "triage") {
    auto birth = BirthDate(state);
    if (!birth.ok()) return birth.status();
    facts.birth_date = *birth;
  }
  auto decided = Decide(state, c, std::move(payload), facts);
  if (!decided.ok()) return decided.status();

  // Seal, append, fold.
  const std::string trace = c.trace_id.empty() ? RandomString(16) : c.trace_id;
  uint64_t first = 0;
  for (auto& draft : *decided) {
    capnp::MallocMessageBuilder message;
    auto e = message.initRoot<schema::Event>();
    const std::string event_id = NewEventId(now->ns);
    e.setEventId(AsData(event_id));
    e.setPosition(position + 1);
    e.setCaseId(case_id);
    e.setVersion(state.version + 1);
    e.setRecordedAt(now->ns);
    e.setOccurredAt(occurred.ns);
    e.setOccurredIsDate(occurred.is_date);
    e.initActor().setId(c.actor);
    e.getActor().setRole(c.role);
    e.setCommandId(c.id);
    e.setTraceId(AsData(trace));
    e.setSpanId(AsData(RandomString(8)));
    if (!c.parent_span_id.empty()) e.setParentSpanId(AsData(c.parent_span_id));
    auto pa = e.initProcessingActivity();
    pa.setCode(ActivityFor(draft.root().which()));
    pa.setVersion(1);  // the default register's version (src/audit/activities.cc)
    const bool seal_reason = !c.reason.empty() && !subject_id.empty();
    if (!c.reason.empty() && !seal_reason) e.setReason(c.reason);
    if (!draft.overrides.empty()) {
      auto o = e.initOverrides(draft.overrides.size());
      for (size_t i = 0; i < draft.overrides.size(); ++i) o.set(i, draft.overrides[i]);
    }
    if (!subject_id.empty()) e.setSubject(AsData(subject_id));
    e.setPrevHash(AsData(head));

    capnp::MallocMessageBuilder personal;
    auto personal_root = capnp::toDynamic(personal.initRoot<schema::Payload>());
    bool has_personal = SplitPersonal(capnp::toDynamic(draft.root().asReader()),
                                      capnp::toDynamic(e.initPayload()), personal_root);
    if (has_personal || seal_reason) {
      std::optional<SubjectKey> key;
      if (!is_signal) {
        auto existing = Key(subject_id);
        if (!existing.ok()) return existing.status();
        if (!*existing)
          return Status(Code::kSubjectErased,
                        has_personal ? "the subject's personal data was erased; personal fields "
                                       "can no longer be written (leave them out)"
                                     : "the subject's personal data was erased; a reason is free "
                                       "text about them and can no longer be recorded");
        key = **existing;
      } else {
        auto created = KeyOrCreate(subject_id);
        if (!created.ok()) return created.status();
        key = *created;
      }
      SealEvent(*key, e, has_personal ? &personal : nullptr, seal_reason ? c.reason : "");
    }
    const std::string type = EventTypeOf(draft.root().asReader());
    if (auto s = AppendEvent(message, case_id, state.version + 1, type); !s.ok()) return s;
    if (!first) first = position;
    rmc::Apply(state, message.getRoot<schema::Event>().asReader());
    out.events.push_back(type);
    out.position = position;
  }
  out.case_id = case_id;
  out.version = state.version;

  if (auto s = PutCase(state); !s.ok()) return s;
  if (new_case) {
    SubjectRecord record = subject_record.value_or(SubjectRecord());
    record.cases.push_back(case_id);
    if (auto s = PutSubject(subject_id, record); !s.ok()) return s;
  }
  Use u(put_command);
  u.Text(1, c.id).Int(2, int64_t(first)).Int(3, int64_t(out.position)).Blob(4, c.hash);
  return u.Step() == SQLITE_DONE ? Status::Ok() : Err("write commands");
}

// ---- SqlitePeer -----------------------------------------------------------------------------

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
  if (auto s = d.OpenDb(path, true); !s.ok()) return s;
  if (auto s = d.Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  if (auto s = d.Exec(kSchema); !s.ok()) return s;
  if (auto s = d.Prepare(); !s.ok()) return s;
  d.ledger_id = RandomString(16);
  d.pepper = RandomString(crypto_generichash_KEYBYTES);
  d.head = Genesis(Chain::kEvents, d.ledger_id);
  d.position = 0;
  d.next_case = 1;
  const std::vector<std::pair<std::string, std::string>> meta = {
      {"ledger_id", d.ledger_id},
      {"pepper", d.pepper},
      {"settings", d.settings.Encode()},
      {"next_case", "1"}};
  for (const auto& [k, v] : meta)
    if (auto s = d.PutMeta(k, v); !s.ok()) return s;
  // The events of `rmc init` with default settings.
  const std::string trace = RandomString(16);
  auto s = d.AppendLedgerEvent(*now, trace, [&](schema::Payload::Builder p) {
    auto c = p.initLedgerCreated();
    c.setLedgerId(AsData(d.ledger_id));
    c.setSchemaVersion(1);
  });
  if (!s.ok()) return s;
  // No structured binding: clang 14 cannot capture one in a lambda.
  for (const auto& setting : d.settings.All()) {
    s = d.AppendLedgerEvent(*now, trace, [&](schema::Payload::Builder p) {
      auto c = p.initSettingChanged();
      c.setKey(setting.first);
      c.setValue(setting.second);
    });
    if (!s.ok()) return s;
  }
  if (auto s2 = d.Run(d.commit, "commit"); !s2.ok()) return s2;
  return peer;
}

Result<std::unique_ptr<SqlitePeer>> SqlitePeer::Open(const std::string& path) {
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return Status(Code::kNotFound, "no database at " + path);
  std::unique_ptr<SqlitePeer> peer(new SqlitePeer);
  Impl& d = *peer->impl_;
  if (auto s = d.OpenDb(path, false); !s.ok()) return s;
  if (auto s = d.Prepare(); !s.ok()) return s;
  if (auto s = d.LoadEnd(); !s.ok()) return s;
  return peer;
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

    const uint64_t batch_position = d.position, batch_next_case = d.next_case;
    const std::string batch_head = d.head;
    auto fail_batch = [&](Status s) -> Status {
      d.position = batch_position;
      d.head = batch_head;
      d.next_case = batch_next_case;
      return LedgerError("nothing of the batch was written: " + s.message());
    };
    if (auto s = d.Run(d.begin, "begin"); !s.ok()) return fail_batch(s);
    uint64_t events = 0;
    for (size_t i = 0; i < pending.size(); ++i) {
      if (!commands[i]) continue;
      if (auto s = d.Run(d.savepoint, "savepoint"); !s.ok()) {
        (void)d.Run(d.rollback, "rollback");
        return fail_batch(s);
      }
      const uint64_t position = d.position, next_case = d.next_case;
      const std::string head = d.head;
      Outcome& out = results[i];
      out.error = d.ExecuteOne(*commands[i], out);
      if (out.ok()) {
        events += d.position - position;
      } else {
        out.events.clear();
        d.position = position;
        d.head = head;
        d.next_case = next_case;
        if (auto s = d.Run(d.rollback_to, "rollback to savepoint"); !s.ok()) {
          (void)d.Run(d.rollback, "rollback");
          return fail_batch(s);
        }
      }
      if (auto s = d.Run(d.release, "release savepoint"); !s.ok()) {
        (void)d.Run(d.rollback, "rollback");
        return fail_batch(s);
      }
    }
    if (auto s = d.Run(d.commit, "commit"); !s.ok()) {
      (void)d.Run(d.rollback, "rollback");
      return fail_batch(s);
    }
    for (auto& r : results) {
      if (r.ok()) ++stats.ok;
      else ++stats.failed;
      if (outcomes) outcomes->push_back(std::move(r));
    }
    stats.events += events;
  }
  return stats;
}

Result<uint64_t> SqlitePeer::Rebuild() {
  Impl& d = *impl_;
  if (auto s = d.Run(d.begin, "begin"); !s.ok()) return s;
  auto body = [&]() -> Result<uint64_t> {
    if (auto s = d.Run(d.clear_cases, "delete cases"); !s.ok()) return s;
    if (auto s = d.Run(d.clear_subjects, "delete subjects"); !s.ok()) return s;
    // subject id -> (position of CaseOpened, case id), to list a subject's cases oldest first.
    std::map<std::string, std::vector<std::pair<uint64_t, std::string>>> opened;
    std::map<std::string, bool> erased;
    uint64_t cases = 0;
    CaseState state;
    Use u(d.rebuild_scan);
    int rc;
    try {
      while ((rc = u.Step()) == SQLITE_ROW) {
        std::string_view case_id = u.ColText(0);
        if (case_id != state.case_id) {
          if (!state.case_id.empty()) {
            if (auto s = d.PutCase(state); !s.ok()) return s;
            ++cases;
          }
          state = CaseState();
          state.case_id = case_id;
        }
        EventView view(u.ColBlob(1));
        auto e = view.event();
        rmc::Apply(state, e);
        auto payload = e.getPayload();
        if (payload.isCaseOpened())
          opened[std::string(AsView(e.getSubject()))].emplace_back(e.getPosition(), state.case_id);
        if (payload.isSubjectErased()) erased[std::string(AsView(e.getSubject()))] = true;
      }
    } catch (const kj::Exception& ex) {
      return LedgerError(std::string("an event cannot be decoded: ") + ex.getDescription().cStr());
    }
    if (rc != SQLITE_DONE) return d.Err("read events");
    if (!state.case_id.empty()) {
      if (auto s = d.PutCase(state); !s.ok()) return s;
      ++cases;
    }
    for (auto& [subject, list] : opened) {
      std::sort(list.begin(), list.end());
      SubjectRecord r;
      r.erased = erased.count(subject) > 0;
      for (auto& [position, id] : list) r.cases.push_back(std::move(id));
      if (auto s = d.PutSubject(subject, r); !s.ok()) return s;
    }
    return cases;
  }();
  if (!body.ok()) {
    (void)d.Run(d.rollback, "rollback");
    return body.status();
  }
  if (auto s = d.Run(d.commit, "commit"); !s.ok()) {
    (void)d.Run(d.rollback, "rollback");
    return s;
  }
  return body;
}

Result<std::string> SqlitePeer::CaseJson(const std::string& case_id) {
  Use u(impl_->get_case);
  u.Text(1, case_id);
  int rc = u.Step();
  if (rc == SQLITE_DONE) return Status(Code::kUnknownCase, "no case " + case_id);
  if (rc != SQLITE_ROW) return impl_->Err("read cases");
  return std::string(u.ColText(0));
}

Result<CaseState> SqlitePeer::Case(const std::string& case_id) { return impl_->LoadCase(case_id); }

}  // namespace rmc::bench
