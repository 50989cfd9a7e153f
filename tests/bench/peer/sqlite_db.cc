#include "peer/sqlite_db.h"

namespace rmc::bench {
namespace {

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

SqliteDb::~SqliteDb() {
  // Statements are finalized by their destructors, which run after this body: close lazily.
  if (db) sqlite3_close_v2(db);
}

Status SqliteDb::Err(const char* what) const {
  return LedgerError(std::string("sqlite ") + what + ": " + sqlite3_errmsg(db));
}

Status SqliteDb::Exec(const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    Status s = LedgerError(std::string("sqlite: ") + (msg ? msg : "error") + " in " + sql);
    sqlite3_free(msg);
    return s;
  }
  return Status::Ok();
}

Status SqliteDb::Run(const Stmt& s, const char* what) {
  Use u(s);
  return u.Step() == SQLITE_DONE ? Status::Ok() : Err(what);
}

Status SqliteDb::Open(const std::string& path, bool create) {
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
  if (auto s = Exec("PRAGMA synchronous=FULL; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; "
                    "PRAGMA foreign_keys=OFF;");
      !s.ok())
    return s;
  if (create) {
    if (auto s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
    if (auto s = Exec(kSchema); !s.ok()) return s;
    if (auto s = Exec("COMMIT"); !s.ok()) return s;
  }
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
      {&get_case, "SELECT projection FROM cases WHERE case_id = ?1"},
      {&put_case, "INSERT INTO cases(case_id, projection) VALUES(?1, ?2) "
                  "ON CONFLICT(case_id) DO UPDATE SET projection = excluded.projection"},
      {&get_subject, "SELECT cases, erased FROM subjects WHERE id = ?1"},
      {&put_subject, "INSERT INTO subjects(id, cases, erased) VALUES(?1, ?2, ?3) "
                     "ON CONFLICT(id) DO UPDATE SET cases = excluded.cases, erased = excluded.erased"},
      {&get_key, "SELECT key FROM keys WHERE subject = ?1"},
      {&put_key, "INSERT INTO keys(subject, key) VALUES(?1, ?2)"},
      {&delete_key, "DELETE FROM keys WHERE subject = ?1"},
      {&get_meta, "SELECT v FROM meta WHERE k = ?1"},
      {&put_meta, "INSERT INTO meta(k, v) VALUES(?1, ?2) ON CONFLICT(k) DO UPDATE SET v = excluded.v"},
      {&put_event, "INSERT INTO events(position, case_id, version, type, body) VALUES(?1, ?2, ?3, ?4, ?5)"},
      {&get_event, "SELECT body FROM events WHERE position = ?1"},
      {&last_event, "SELECT position, body FROM events ORDER BY position DESC LIMIT 1"},
      {&case_positions, "SELECT position FROM events INDEXED BY events_case WHERE case_id = ?1 "
                        "ORDER BY version"},
      {&rebuild_scan, "SELECT case_id, body FROM events INDEXED BY events_case "
                      "WHERE case_id IS NOT NULL ORDER BY case_id, version"},
      {&clear_cases, "DELETE FROM cases"},
      {&clear_subjects, "DELETE FROM subjects"},
  };
  for (auto& [stmt, sql] : all)
    if (auto s = stmt->Prepare(db, sql); !s.ok()) return s;
  return Status::Ok();
}

}  // namespace rmc::bench
