// The peer's database (docs/PERFORMANCE.md, "The peer"): its tables, and its prepared statements,
// each made once. One database file in WAL mode with durable commits (synchronous=FULL).
//
//   events    position INTEGER PRIMARY KEY, case_id, version, type, body (the Cap'n Proto Event
//             exactly as rmc stores it: same envelope, sealed personal fields, hash chain);
//             UNIQUE INDEX (case_id, version)
//   cases     case_id -> projection: CaseState as JSON (case_json.h)
//   commands  id -> first, last, hash (idempotency)
//   subjects  id (16-byte pseudonymous id) -> cases (comma-separated, oldest first), erased
//   keys      subject -> key (the subject's sealing key; created on first use)
//   meta      ledger_id, pepper, settings, next_case, and the ledger's other meta values
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace rmc::bench {

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

struct SqliteDb {
  sqlite3* db = nullptr;
  Stmt begin, commit, rollback, savepoint, release, rollback_to;
  Stmt get_command, put_command;
  Stmt get_case, put_case;
  Stmt get_subject, put_subject;
  Stmt get_key, put_key, delete_key;
  Stmt get_meta, put_meta;
  Stmt put_event, get_event, last_event, case_positions;
  Stmt rebuild_scan, clear_cases, clear_subjects;

  SqliteDb() = default;
  SqliteDb(const SqliteDb&) = delete;
  ~SqliteDb();

  // Opens (with `create`: creates, with the tables) the database at `path`, and prepares the
  // statements. Pragmas: page_size 4096, journal_mode=WAL, synchronous=FULL, a page cache of up
  // to 256 MiB, temp_store=MEMORY.
  Status Open(const std::string& path, bool create);

  Status Err(const char* what) const;
  Status Exec(const char* sql);
  Status Run(const Stmt& s, const char* what);
};

}  // namespace rmc::bench
