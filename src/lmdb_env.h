// A thin RAII layer over LMDB: environments, transactions and byte-string keys. LMDB error
// codes become Status here and nowhere else. Values read are views into the memory map:
// valid only until the end of the transaction or its next write (LMDB's own lifetime rule).
#pragma once

#include <lmdb.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "status.h"

namespace rmc {

class LmdbEnv {
 public:
  // Opens (or with `create`, creates) the environment in directory `dir` with named databases
  // `names`. Files are created with mode 0600; the directory and its missing parents with mode
  // 0700 (existing ones are left as they are). With `write_map`, a write transaction's dirty
  // pages live in the file's map rather than on the heap, so one transaction may rewrite any
  // amount of data in bounded memory; LMDB then allows no nested transactions, and the data
  // file is extended (sparsely) to the map size. Other processes may open it without.
  static Result<std::unique_ptr<LmdbEnv>> Open(const std::string& dir,
                                               std::initializer_list<const char*> names,
                                               bool create, bool read_only, bool write_map = false);
  ~LmdbEnv();
  LmdbEnv(const LmdbEnv&) = delete;
  LmdbEnv& operator=(const LmdbEnv&) = delete;

  MDB_env* env() const { return env_; }
  MDB_dbi dbi(std::string_view name) const;
  // Doubles the map (after MDB_MAP_FULL). A new map may lie elsewhere in memory, and a
  // transaction still open would read the old one (SIGSEGV): so a ledger_error while another
  // transaction of this process is open (a read that writes its access record, rmc events with
  // its read-ahead), and LmdbTxn::Begin adopts a map another process grew only then too.
  Status Grow();
  // Writes a compacted copy of the environment (a consistent snapshot: LMDB copies inside one
  // read transaction, so writers go on meanwhile) to the new file `path`, mode 0600, and syncs
  // it. Free pages are not copied: bytes freed in the environment do not reach the copy.
  // ledger_error when `path` exists or the copy fails; a partial copy is removed.
  Status CopyCompacted(const std::string& path) const;

 private:
  friend class LmdbTxn;
  LmdbEnv() = default;
  MDB_env* env_ = nullptr;
  std::map<std::string, MDB_dbi, std::less<>> dbis_;
  mutable std::atomic<int> open_txns_{0};  // of this process, in any thread (MDB_NOTLS)
};

// A transaction; aborted on destruction unless committed. A child (nested) transaction of a
// write transaction commits into its parent.
class LmdbTxn {
 public:
  static Result<std::unique_ptr<LmdbTxn>> Begin(const LmdbEnv& env, bool write,
                                                LmdbTxn* parent = nullptr);
  ~LmdbTxn();
  Status Commit();
  void Abort();

  // A view of the value, or an empty optional when the key is absent.
  Result<std::optional<std::string_view>> Get(MDB_dbi dbi, std::string_view key) const;
  Status Put(MDB_dbi dbi, std::string_view key, std::string_view value, unsigned flags = 0);
  // Reserves `size` bytes for the value and returns where to write them.
  Result<char*> Reserve(MDB_dbi dbi, std::string_view key, size_t size, unsigned flags = 0);
  Status Delete(MDB_dbi dbi, std::string_view key);
  Status Drop(MDB_dbi dbi);  // empties the database
  uint64_t Count(MDB_dbi dbi) const;  // the number of entries (from the root, O(1))
  // Calls `visit` for each key >= `from` (all when empty) in order until it returns false.
  Status Scan(MDB_dbi dbi, std::string_view from,
              const std::function<bool(std::string_view, std::string_view)>& visit) const;
  // The last key/value, or nothing for an empty database.
  Result<std::optional<std::pair<std::string_view, std::string_view>>> Last(MDB_dbi dbi) const;

  MDB_txn* txn() const { return txn_; }

 private:
  void Ended();  // the transaction is over: no longer counted

  const LmdbEnv* env_ = nullptr;  // counts this transaction while it is open
  MDB_txn* txn_ = nullptr;
};

Status FromLmdb(int rc, const char* what);
bool IsMapFull(const Status& s);

// Big-endian u64 keys sort in numeric order.
std::string U64Key(uint64_t v);
uint64_t ReadU64(std::string_view bytes);

}  // namespace rmc
