// The peer (docs/PERFORMANCE.md): what a team would otherwise build — an event store on SQLite
// running the same command stream with the same domain code (ParseCommand, Decide, sealing, the
// fold). Only the storage differs from rmc: one database file in WAL mode, durable commits
// (synchronous=FULL), prepared statements made once, one transaction per batch and a SAVEPOINT
// per command, events with a per-case index, the case projection as a JSON row.
//
//   events    position INTEGER PRIMARY KEY, case_id, version, type, body (the Cap'n Proto Event
//             exactly as rmc stores it: same envelope, sealed personal fields, hash chain);
//             UNIQUE INDEX (case_id, version)
//   cases     case_id -> projection: CaseState as JSON (CaseStateToJson)
//   commands  id -> first, last, hash (idempotency)
//   subjects  id (16-byte pseudonymous id) -> cases (comma-separated, oldest first), erased
//   keys      subject -> key (the subject's sealing key; created on first use)
//   meta      ledger_id, pepper, settings, next_case
//
// The chain head and the last position are read from the log when the database is opened and
// kept in memory while it is open. `correct` and `forget_subject` are refused (invalid_input):
// the benchmark workload has neither.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "codec/command.h"
#include "domain/case_state.h"
#include "ledger/ledger.h"

namespace rmc::bench {

class SqlitePeer {
 public:
  // Creates a fresh database file at `path` (refuses an existing file) with the ledger-wide
  // events of `rmc init` with default settings (LedgerCreated, one SettingChanged per
  // setting), so that positions line up with a ledger made by `rmc init`. Pragmas: page_size
  // 4096, journal_mode=WAL, synchronous=FULL, a page cache of up to 256 MiB, temp_store=MEMORY.
  static Result<std::unique_ptr<SqlitePeer>> Create(const std::string& path);
  static Result<std::unique_ptr<SqlitePeer>> Open(const std::string& path);
  ~SqlitePeer();
  SqlitePeer(const SqlitePeer&) = delete;
  SqlitePeer& operator=(const SqlitePeer&) = delete;

  // The actor and role of commands that name none (default: $RMC_ACTOR, else the login name,
  // and consulent — as the CLI).
  void set_defaults(CommandDefaults defaults);

  // Executes JSON command lines (blank lines skipped), `batch` lines per transaction, each
  // command in a SAVEPOINT: a failed one writes nothing and the others go on. With
  // `outcomes`, appends one Outcome per command line, as `rmc apply` reports them. An error
  // only when a batch could not be committed (nothing of that batch was written).
  struct ApplyStats {
    uint64_t ok = 0, failed = 0, events = 0;
  };
  Result<ApplyStats> Apply(std::istream& lines, size_t batch,
                           std::vector<Outcome>* outcomes = nullptr);

  // Drops and recomputes every case projection (and the subjects index) from the events
  // table, read in (case_id, version) order through the per-case index, in one transaction.
  // Returns the number of cases.
  Result<uint64_t> Rebuild();

  // The projection JSON of one case (unknown_case when there is none).
  Result<std::string> CaseJson(const std::string& case_id);
  // The same, decoded.
  Result<CaseState> Case(const std::string& case_id);

 private:
  struct Impl;
  SqlitePeer();
  std::unique_ptr<Impl> impl_;
};

// CaseState <-> the projection JSON: every field of CaseState, so that a round trip is exact
// (dates as day numbers, times as nanoseconds, the subject id in hex).
std::string CaseStateToJson(const CaseState& state);
// A ledger_error when `json` is not a projection.
Result<CaseState> CaseStateFromJson(std::string_view json);

}  // namespace rmc::bench
