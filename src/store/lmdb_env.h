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

#include "base/status.h"

namespace rmc {

class LmdbEnv {
 public:
  // Opens (or with `create`, creates) the environment in directory `dir` with named databases
  // `names`. Files are created with mode 0600; the directory and its missing parents with mode
  // 0700 (existing ones are left as they are). With `write_map`, a write transaction's dirty
  // pages live in the file's map rather than on the heap, so one transaction may rewrite any
  // amount of data in bounded memory; LMDB then allows no nested transactions, and the data
  // file is extended to the map size. Other processes may open it without. The disk space of
  // the whole map is reserved while it is open (a write into a hole of the map on a full disk
  // would be a SIGBUS): "disk full" when there is not that much.
  //
  // An existing data file is checked first: damaged (IsDamaged) when it is empty (LMDB would
  // start a new environment in it), not an LMDB file, or shorter than LMDB's own header says
  // (its pages up to the last one in use must be there: a read of a page cut off is a SIGBUS).
  // Reader slots left by killed processes are freed (mdb_reader_check). Files this process may
  // not write (a read-only file system, or a data file without write permission) are opened
  // read-only instead: reads work, and a write transaction is a ledger_error saying why. A lock
  // file this user may not write is a ledger_error: LMDB needs it to read, but on a read-only
  // file system.
  static Result<std::unique_ptr<LmdbEnv>> Open(const std::string& dir,
                                               std::initializer_list<const char*> names,
                                               bool create, bool read_only, bool write_map = false);
  ~LmdbEnv();
  LmdbEnv(const LmdbEnv&) = delete;
  LmdbEnv& operator=(const LmdbEnv&) = delete;

  MDB_env* env() const { return env_; }
  const std::string& dir() const { return dir_; }
  std::string file() const { return dir_ + "/data.mdb"; }
  // Why the environment was opened read-only though writes were asked for; empty otherwise.
  const std::string& read_only_reason() const { return read_only_reason_; }
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
  LmdbEnv() = default;
  // Finds where LMDB mapped the data file (it does not say): the start of the map, or null when
  // unknown. Again after every remap (mdb_env_set_mapsize).
  void LocateMap() const;
  // With write_map: allocates the disk space of the whole map, and on close gives back what lies
  // past the last page in use.
  Status Reserve();
  void Release();
  // LMDB writes its lock file through a memory map, where writing into a hole of the file on a
  // full disk is a SIGBUS: the reader table's header as it sets up a new lock file (a restored
  // backup has none), a reader's slot later. Allocates the file's disk space: before LMDB opens
  // it ("disk full" when that is not possible) and again once LMDB has sized it.
  Status AllocateLockFile();

  friend class LmdbTxn;
  MDB_env* env_ = nullptr;
  std::string dir_;
  std::string read_only_reason_;
  bool write_map_ = false;
  int lock_fd_ = -1;  // kept open while LMDB holds its locks on the file
  mutable const char* map_ = nullptr;
  mutable size_t map_size_ = 0;
  std::map<std::string, MDB_dbi, std::less<>> dbis_;
  mutable std::atomic<int> open_txns_{0};  // of this process, in any thread (MDB_NOTLS)
};

// A transaction; aborted on destruction unless committed. A child (nested) transaction of a
// write transaction commits into its parent.
class LmdbTxn {
 public:
  // When every reader slot is taken, frees those of processes that died and tries once more.
  static Result<std::unique_ptr<LmdbTxn>> Begin(const LmdbEnv& env, bool write,
                                                LmdbTxn* parent = nullptr);
  ~LmdbTxn();
  // A full disk (ENOSPC, EDQUOT, or the EIO LMDB reports for a short write on a full file
  // system) is a ledger_error that says "disk full" and what to do.
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
  // Bytes LMDB hands out must lie in the data file as it was when the transaction began: a
  // length damaged in a page would make reading them a SIGBUS (past the end of the file) or
  // SIGSEGV (past the map). Bytes outside the map are a write transaction's own copies.
  Status CheckInFile(const MDB_val& v) const;
  void Ended();  // the transaction is over: no longer counted

  MDB_txn* txn_ = nullptr;
  const LmdbEnv* env_ = nullptr;  // counts this transaction while it is open
  bool top_write_ = false;
  const char* file_end_ = nullptr;  // in the map: the end of the file at Begin
};

Status FromLmdb(int rc, const char* what);
bool IsMapFull(const Status& s);
// A ledger_error saying that a file of an environment is damaged and should be restored from a
// backup (LmdbEnv::Open, and bytes read that the file does not hold): `rmc verify` reports it
// as an integrity failure.
bool IsDamaged(const Status& s);
// The ledger_error of IsDamaged: `file` is damaged, `what` says how.
Status Damaged(const std::string& file, const std::string& what);

// Big-endian u64 keys sort in numeric order.
std::string U64Key(uint64_t v);
uint64_t ReadU64(std::string_view bytes);

}  // namespace rmc
