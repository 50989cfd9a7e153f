#include "store/lmdb_env.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "base/directories.h"

namespace rmc {
namespace {

constexpr size_t kInitialMap = size_t(64) << 20;
constexpr unsigned kMaxReaders = 126;
const char kMapFull[] = "map full";

MDB_val Val(std::string_view s) { return MDB_val{s.size(), const_cast<char*>(s.data())}; }
std::string_view View(const MDB_val& v) { return {static_cast<const char*>(v.mv_data), v.mv_size}; }

const char kDamaged[] = " is damaged: ";

// Whether the file system of the environment's data file is (next to) full. LMDB reports a short
// write, which a full file system gives, as EIO (mdb_page_flush); after one, less than a block is
// left. A real I/O error leaves the free space as it was.
bool NoSpaceLeft(MDB_env* env) {
  constexpr uint64_t kNearlyFull = uint64_t(1) << 20;
  int fd;
  struct statvfs fs;
  if (mdb_env_get_fd(env, &fd) != 0 || ::fstatvfs(fd, &fs) != 0) return false;
  const uint64_t blocks = geteuid() == 0 ? fs.f_bfree : fs.f_bavail;  // root may use the reserve
  return blocks * fs.f_frsize < kNearlyFull;
}

// The data file's size, and the size LMDB's header (the newer meta page) says its pages take:
// every page up to the last one in use.
struct Extent {
  int fd;
  off_t size, need;
};
std::optional<Extent> ExtentOf(MDB_env* env) {
  MDB_envinfo info;
  MDB_stat stat;
  Extent e;
  struct stat st;
  if (mdb_env_info(env, &info) != 0 || mdb_env_stat(env, &stat) != 0 ||
      mdb_env_get_fd(env, &e.fd) != 0 || ::fstat(e.fd, &st) != 0)
    return std::nullopt;
  e.size = st.st_size;
  e.need = off_t(info.me_last_pgno + 1) * off_t(stat.ms_psize);
  return e;
}

// Reading a page the file does not reach is a SIGBUS: refuse a file cut short.
Status CheckSize(MDB_env* env, const std::string& file) {
  auto e = ExtentOf(env);
  if (!e) return LedgerError("cannot read the size of " + file + ": " + strerror(errno));
  if (e->size >= e->need) return Status::Ok();
  return Damaged(file, "it is cut short: " + std::to_string(e->size) +
                           " bytes, while its header says its pages take " + std::to_string(e->need));
}

// LMDB does not write a page freed by the transaction that allocated it (ITS#7886), so a data
// file may end before its last page with nothing in use missing. Extends the file over such
// pages (they are free; zeros do), so that every file written here passes CheckSize. Best
// effort; fallocate never shrinks a file, so a writer that committed meanwhile is safe.
void CoverLastPage(MDB_env* env) {
  auto e = ExtentOf(env);
  if (e && e->size < e->need) (void)::fallocate(e->fd, 0, e->size, e->need - e->size);
}

}  // namespace

Status FromLmdb(int rc, const char* what) {
  if (rc == 0) return Status::Ok();
  if (rc == MDB_MAP_FULL) {
    Status full = LedgerError(kMapFull);
    full.cause = Status::Cause::kMapFull;
    return full;
  }
  if (rc == ENOSPC || rc == EDQUOT)
    return LedgerError(std::string("disk full: ") + what + ": " + mdb_strerror(rc) +
                       "; free space on that disk (or move the ledger to a larger one) and run "
                       "the same command again");
  return LedgerError(std::string(what) + ": " + mdb_strerror(rc));
}

Status Damaged(const std::string& file, const std::string& what) {
  Status damaged = LedgerError(file + kDamaged + what + "; restore it from the last backup (rmc backup)");
  damaged.cause = Status::Cause::kDamaged;
  return damaged;
}

bool IsDamaged(const Status& s) { return s.cause == Status::Cause::kDamaged; }

bool IsMapFull(const Status& s) { return s.cause == Status::Cause::kMapFull; }

std::string U64Key(uint64_t v) {
  std::string k(8, '\0');
  for (int i = 7; i >= 0; --i, v >>= 8) k[i] = char(v & 0xff);
  return k;
}

uint64_t ReadU64(std::string_view b) {
  uint64_t v = 0;
  for (size_t i = 0; i < 8 && i < b.size(); ++i) v = (v << 8) | uint8_t(b[i]);
  return v;
}

// Long on purpose: the steps of opening in the order LMDB requires them (checks of the file,
// environment flags, map size, readers, databases), each with its own error.
Result<std::unique_ptr<LmdbEnv>> LmdbEnv::Open(const std::string& dir,
                                               std::initializer_list<const char*> names,
                                               bool create, bool read_only, bool write_map) {
  std::unique_ptr<LmdbEnv> e(new LmdbEnv);
  e->dir_ = dir;
  const std::string file = e->file();
  if (create) {
    if (auto s = MakeParentDirectories(dir); !s.ok()) return s;
    if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
      return LedgerError("cannot create " + dir + ": " + strerror(errno));
  } else {
    // Before LMDB sees it: LMDB starts a new environment in an empty or missing data file.
    struct stat st;
    if (::stat(file.c_str(), &st) != 0) {
      if (errno != ENOENT) return LedgerError("cannot open " + file + ": " + strerror(errno));
      struct stat d;
      return Status(Code::kNotFound, ::stat(dir.c_str(), &d) != 0 ? "no ledger at " + dir
                                                                  : file + " does not exist");
    }
    if (st.st_size == 0) return Damaged(file, "it is empty (0 bytes)");
    // With write_map, LMDB extends the file to the map size at open: check it as it is first.
    if (write_map)
      if (auto plain = Open(dir, {}, false, true); !plain.ok()) return plain.status();
  }
  if (auto s = e->AllocateLockFile(); !s.ok()) return s;
  unsigned flags = MDB_NOTLS | (read_only ? MDB_RDONLY : 0) | (write_map ? MDB_WRITEMAP : 0);
  auto open_env = [&]() -> int {
    if (int rc = mdb_env_create(&e->env_); rc != 0) return rc;
    mdb_env_set_maxdbs(e->env_, MDB_dbi(names.size()));
    mdb_env_set_maxreaders(e->env_, kMaxReaders);
    if (create) mdb_env_set_mapsize(e->env_, kInitialMap);
    int rc = mdb_env_open(e->env_, dir.c_str(), flags, 0600);
    if (rc != 0) {  // the handle is of no use after a failed open
      mdb_env_close(e->env_);
      e->env_ = nullptr;
    }
    return rc;
  };
  int rc = open_env();
  if ((rc == EROFS || rc == EACCES) && !read_only && !create) {
    e->read_only_reason_ = std::string("its files cannot be written here (") + mdb_strerror(rc) + ")";
    flags = MDB_NOTLS | MDB_RDONLY;
    read_only = true;
    rc = open_env();
    // LMDB opens its lock file for writing even to read (readers take slots in it); only on a
    // read-only file system does it read without one.
    if (rc == EACCES && ::access((dir + "/lock.mdb").c_str(), W_OK) != 0)
      return LedgerError("cannot open " + dir + ": this user may not write its lock file " + dir +
                         "/lock.mdb (" + strerror(EACCES) + "), which every reader needs; read it "
                         "as the user who owns it, or read a copy (rmc backup)");
  }
  if (rc == ENOENT) return Status(Code::kNotFound, "no ledger at " + dir);
  if (rc == MDB_INVALID) return Damaged(file, "it is not an LMDB data file (no valid header)");
  if (auto s = FromLmdb(rc, ("cannot open " + dir).c_str()); !s.ok()) return s;
  if (auto s = CheckSize(e->env_, file); !s.ok()) return s;
  (void)e->AllocateLockFile();  // as LMDB sized it
  int dead = 0;  // reader slots of processes killed while reading: free them for others
  mdb_reader_check(e->env_, &dead);
  auto txn = LmdbTxn::Begin(*e, !read_only);
  if (!txn.ok()) return txn.status();
  for (const char* name : names) {
    MDB_dbi dbi;
    rc = mdb_dbi_open((*txn)->txn(), name, read_only ? 0 : MDB_CREATE, &dbi);
    if (rc == MDB_NOTFOUND) return Status(Code::kNotFound, std::string("database missing: ") + name);
    if (auto s = FromLmdb(rc, "mdb_dbi_open"); !s.ok()) return s;
    e->dbis_.emplace(name, dbi);
  }
  if (auto s = (*txn)->Commit(); !s.ok()) return s;
  // A map more than half used grows now, while no transaction is open, rather than when a read
  // that records its access finds it full (Grow: not while the read is open).
  if (!read_only) {
    MDB_envinfo info;
    MDB_stat stat;
    mdb_env_info(e->env_, &info);
    mdb_env_stat(e->env_, &stat);
    const size_t used = (info.me_last_pgno + 1) * size_t(stat.ms_psize);
    if (used > info.me_mapsize / 2)
      if (auto s = FromLmdb(mdb_env_set_mapsize(e->env_, std::max(info.me_mapsize, used) * 2),
                            "mdb_env_set_mapsize");
          !s.ok())
        return s;
  }
  e->LocateMap();  // where the map is now
  e->write_map_ = write_map && !read_only;
  if (auto s = e->Reserve(); !s.ok()) return s;
  return e;
}

LmdbEnv::~LmdbEnv() {
  if (env_) {
    Release();
    mdb_env_close(env_);
  }
  if (lock_fd_ >= 0) ::close(lock_fd_);  // only now: closing it drops this process's locks on it
}

Status LmdbEnv::AllocateLockFile() {
  const std::string path = dir_ + "/lock.mdb";
  if (lock_fd_ < 0) lock_fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  struct stat st;
  if (lock_fd_ < 0 || ::fstat(lock_fd_, &st) != 0) return Status::Ok();  // LMDB says why
  if (::fallocate(lock_fd_, 0, 0, std::max<off_t>(st.st_size, sysconf(_SC_PAGESIZE))) == 0 ||
      (errno != ENOSPC && errno != EDQUOT))
    return Status::Ok();
  return FromLmdb(errno, ("allocating " + path).c_str());
}

MDB_dbi LmdbEnv::dbi(std::string_view name) const { return dbis_.find(name)->second; }

void LmdbEnv::LocateMap() const {
  map_ = nullptr;
  // An address in the map: the first key of the main database, in a read transaction.
  const char* inside = nullptr;
  MDB_txn* txn;
  if (mdb_txn_begin(env_, nullptr, MDB_RDONLY, &txn) != 0) return;
  MDB_dbi main;
  MDB_cursor* cursor;
  if (mdb_dbi_open(txn, nullptr, 0, &main) == 0 && mdb_cursor_open(txn, main, &cursor) == 0) {
    MDB_val k, v;
    if (mdb_cursor_get(cursor, &k, &v, MDB_FIRST) == 0) inside = static_cast<const char*>(k.mv_data);
    mdb_cursor_close(cursor);
  }
  mdb_txn_abort(txn);
  if (!inside) return;
  // The mapping that holds it (/proc/self/maps: "start-end perms offset ..."), less its offset
  // into the file.
  MDB_envinfo info;
  mdb_env_info(env_, &info);
  const auto at = reinterpret_cast<uintptr_t>(inside);
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);) {
    unsigned long long lo, hi, offset;
    if (std::sscanf(line.c_str(), "%llx-%llx %*s %llx", &lo, &hi, &offset) != 3) continue;
    if (at < lo || at >= hi) continue;
    map_ = reinterpret_cast<const char*>(lo - offset);
    map_size_ = info.me_mapsize;
    return;
  }
}

Status LmdbEnv::Grow() {
  if (open_txns_.load() > 0)
    return LedgerError(
        "the ledger's map is full, and cannot grow while this process still reads it; run the "
        "command again");
  MDB_envinfo info;
  mdb_env_info(env_, &info);
  Status s = FromLmdb(mdb_env_set_mapsize(env_, info.me_mapsize * 2), "mdb_env_set_mapsize");
  LocateMap();
  return s.ok() ? Reserve() : s;
}

Status LmdbEnv::Reserve() {
  MDB_envinfo info;
  int fd;
  if (!write_map_ || mdb_env_info(env_, &info) != 0 || mdb_env_get_fd(env_, &fd) != 0)
    return Status::Ok();
  if (::fallocate(fd, 0, 0, off_t(info.me_mapsize)) == 0 || errno == EOPNOTSUPP)
    return Status::Ok();
  return FromLmdb(errno, ("reserving " + std::to_string(info.me_mapsize >> 20) + " MiB for " +
                          file() + " (its map)").c_str());
}

void LmdbEnv::Release() {
  // Under the write lock, so that no other process is writing past the last page meanwhile.
  MDB_txn* txn;
  if (!write_map_ || mdb_txn_begin(env_, nullptr, 0, &txn) != 0) return;
  if (auto e = ExtentOf(env_); e && e->size > e->need)
    (void)::fallocate(e->fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, e->need, e->size - e->need);
  mdb_txn_abort(txn);
}

Status LmdbEnv::CopyCompacted(const std::string& path) const {
  // Our own descriptor rather than mdb_env_copy2, which creates the file with mode 0666 & umask.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return LedgerError("cannot create " + path + ": " + strerror(errno));
  Status s = FromLmdb(mdb_env_copyfd2(env_, fd, MDB_CP_COMPACT), ("copying to " + path).c_str());
  if (s.ok() && ::fsync(fd) != 0) s = FromLmdb(errno, ("fsync " + path).c_str());
  if (::close(fd) != 0 && s.ok()) s = FromLmdb(errno, ("close " + path).c_str());
  if (!s.ok()) ::unlink(path.c_str());
  return s;
}

Result<std::unique_ptr<LmdbTxn>> LmdbTxn::Begin(const LmdbEnv& env, bool write, LmdbTxn* parent) {
  if (write && !env.read_only_reason().empty())
    return LedgerError("cannot write to " + env.dir() + ": " + env.read_only_reason());
  std::unique_ptr<LmdbTxn> t(new LmdbTxn);
  auto begin = [&] {
    return mdb_txn_begin(env.env(), parent ? parent->txn_ : nullptr, write ? 0 : MDB_RDONLY,
                         &t->txn_);
  };
  int rc = begin();
  if (rc == MDB_MAP_RESIZED) {  // another process grew the map
    // Adopting its size remaps the file: not under a transaction that reads the old map (Grow).
    if (env.open_txns_.load() > 0)
      return LedgerError(
          "another process grew the ledger while this one reads it; run the command again");
    mdb_env_set_mapsize(env.env(), 0);
    env.LocateMap();
    rc = begin();
  }
  if (rc == MDB_READERS_FULL) {  // perhaps held by processes killed since the environment opened
    int dead = 0;
    mdb_reader_check(env.env(), &dead);
    rc = begin();
    if (rc == MDB_READERS_FULL)
      return LedgerError("all " + std::to_string(kMaxReaders) + " reader slots of " + env.dir() +
                         " are taken by running processes; try again when some have finished");
  }
  if (auto s = FromLmdb(rc, "mdb_txn_begin"); !s.ok()) return s;
  t->env_ = &env;
  ++env.open_txns_;
  t->top_write_ = write && !parent;
  int fd;
  struct stat st;
  if (env.map_ && mdb_env_get_fd(env.env(), &fd) == 0 && ::fstat(fd, &st) == 0)
    t->file_end_ = env.map_ + std::min(size_t(st.st_size), env.map_size_);
  return t;
}

LmdbTxn::~LmdbTxn() { Abort(); }

Status LmdbTxn::Commit() {
  int rc = mdb_txn_commit(txn_);
  Ended();
  if (!top_write_) return FromLmdb(rc, "mdb_txn_commit");
  if (rc == 0) CoverLastPage(env_->env());
  if (rc == EIO && NoSpaceLeft(env_->env())) rc = ENOSPC;
  return FromLmdb(rc, ("writing " + env_->file()).c_str());
}

void LmdbTxn::Abort() {
  if (txn_) mdb_txn_abort(txn_);
  Ended();
}

void LmdbTxn::Ended() {
  if (txn_ && env_) --env_->open_txns_;
  txn_ = nullptr;
}

Status LmdbTxn::CheckInFile(const MDB_val& v) const {
  const auto at = reinterpret_cast<uintptr_t>(v.mv_data);
  const auto map = reinterpret_cast<uintptr_t>(env_->map_);
  const auto end = reinterpret_cast<uintptr_t>(file_end_);
  if (!file_end_ || at < map || at >= map + env_->map_size_) return Status::Ok();
  if (at <= end && v.mv_size <= end - at) return Status::Ok();
  return Damaged(env_->file(), "a length stored in it reaches past the end of the file");
}

Result<std::optional<std::string_view>> LmdbTxn::Get(MDB_dbi dbi, std::string_view key) const {
  MDB_val k = Val(key), v;
  int rc = mdb_get(txn_, dbi, &k, &v);
  if (rc == MDB_NOTFOUND) return std::optional<std::string_view>();
  if (auto s = FromLmdb(rc, "mdb_get"); !s.ok()) return s;
  if (auto s = CheckInFile(v); !s.ok()) return s;
  return std::optional<std::string_view>(View(v));
}

Status LmdbTxn::Put(MDB_dbi dbi, std::string_view key, std::string_view value, unsigned flags) {
  MDB_val k = Val(key), v = Val(value);
  return FromLmdb(mdb_put(txn_, dbi, &k, &v, flags), "mdb_put");
}

Result<char*> LmdbTxn::Reserve(MDB_dbi dbi, std::string_view key, size_t size, unsigned flags) {
  MDB_val k = Val(key), v{size, nullptr};
  if (auto s = FromLmdb(mdb_put(txn_, dbi, &k, &v, flags | MDB_RESERVE), "mdb_put"); !s.ok())
    return s;
  return static_cast<char*>(v.mv_data);
}

Status LmdbTxn::Delete(MDB_dbi dbi, std::string_view key) {
  MDB_val k = Val(key);
  int rc = mdb_del(txn_, dbi, &k, nullptr);
  if (rc == MDB_NOTFOUND) return Status::Ok();
  return FromLmdb(rc, "mdb_del");
}

Status LmdbTxn::Drop(MDB_dbi dbi) { return FromLmdb(mdb_drop(txn_, dbi, 0), "mdb_drop"); }

uint64_t LmdbTxn::Count(MDB_dbi dbi) const {
  MDB_stat st;
  return mdb_stat(txn_, dbi, &st) == 0 ? st.ms_entries : 0;
}

Status LmdbTxn::Scan(MDB_dbi dbi, std::string_view from,
                     const std::function<bool(std::string_view, std::string_view)>& visit) const {
  MDB_cursor* cursor;
  if (auto s = FromLmdb(mdb_cursor_open(txn_, dbi, &cursor), "mdb_cursor_open"); !s.ok()) return s;
  MDB_val k = Val(from), v;
  int rc = mdb_cursor_get(cursor, &k, &v, from.empty() ? MDB_FIRST : MDB_SET_RANGE);
  Status damaged;
  while (rc == 0) {
    damaged = CheckInFile(k);
    if (damaged.ok()) damaged = CheckInFile(v);
    if (!damaged.ok() || !visit(View(k), View(v))) break;
    rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT);
  }
  mdb_cursor_close(cursor);
  if (!damaged.ok()) return damaged;
  if (rc != 0 && rc != MDB_NOTFOUND) return FromLmdb(rc, "mdb_cursor_get");
  return Status::Ok();
}

Result<std::optional<std::pair<std::string_view, std::string_view>>> LmdbTxn::Last(
    MDB_dbi dbi) const {
  MDB_cursor* cursor;
  if (auto s = FromLmdb(mdb_cursor_open(txn_, dbi, &cursor), "mdb_cursor_open"); !s.ok()) return s;
  MDB_val k, v;
  int rc = mdb_cursor_get(cursor, &k, &v, MDB_LAST);
  mdb_cursor_close(cursor);
  using Pair = std::pair<std::string_view, std::string_view>;
  if (rc == MDB_NOTFOUND) return std::optional<Pair>();
  if (auto s = FromLmdb(rc, "mdb_cursor_get"); !s.ok()) return s;
  if (auto s = CheckInFile(k); !s.ok()) return s;
  if (auto s = CheckInFile(v); !s.ok()) return s;
  return std::optional<Pair>(Pair(View(k), View(v)));
}

}  // namespace rmc
