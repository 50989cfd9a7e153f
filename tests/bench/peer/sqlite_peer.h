// The peer (docs/PERFORMANCE.md): what a team would otherwise build — an event store on SQLite
// (sqlite_db.h) — running rmc's own executor (ledger/executor.h) on the same command stream. Only
// the storage differs from rmc (peer_txn.h): one database file, one transaction per batch and a
// SAVEPOINT per command, events with a per-case index, the case projection as a JSON row
// (case_json.h). The chain head and the last position are read from the log when the database is
// opened and kept in memory while it is open.
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
#include "ledger/executor.h"

namespace rmc::bench {

class SqlitePeer {
 public:
  // Creates a fresh database file at `path` (refuses an existing file) with the events of
  // `rmc init` with default settings (event_builder.h, AppendLedgerStart), so that positions line
  // up with a ledger made by `rmc init`.
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

}  // namespace rmc::bench
