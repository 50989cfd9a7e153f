#include "lmdb_env.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "directories.h"

namespace rmc {
namespace {

constexpr size_t kInitialMap = size_t(64) << 20;
const char kMapFull[] = "map full";

MDB_val Val(std::string_view s) { return MDB_val{s.size(), const_cast<char*>(s.data())}; }
std::string_view View(const MDB_val& v) { return {static_cast<const char*>(v.mv_data), v.mv_size}; }

}  // namespace

Status FromLmdb(int rc, const char* what) {
  if (rc == 0) return Status::Ok();
  if (rc == MDB_MAP_FULL) return LedgerError(kMapFull);
  return LedgerError(std::string(what) + ": " + mdb_strerror(rc));
}

bool IsMapFull(const Status& s) { return s.code() == Code::kLedgerError && s.message() == kMapFull; }

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

Result<std::unique_ptr<LmdbEnv>> LmdbEnv::Open(const std::string& dir,
                                               std::initializer_list<const char*> names,
                                               bool create, bool read_only, bool write_map) {
  std::unique_ptr<LmdbEnv> e(new LmdbEnv);
  if (create) {
    if (auto s = MakeParentDirectories(dir); !s.ok()) return s;
    if (mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
      return LedgerError("cannot create " + dir + ": " + strerror(errno));
  }
  if (auto s = FromLmdb(mdb_env_create(&e->env_), "mdb_env_create"); !s.ok()) return s;
  mdb_env_set_maxdbs(e->env_, MDB_dbi(names.size()));
  mdb_env_set_maxreaders(e->env_, 126);
  if (create) mdb_env_set_mapsize(e->env_, kInitialMap);
  unsigned flags = MDB_NOTLS | (read_only ? MDB_RDONLY : 0) | (write_map ? MDB_WRITEMAP : 0);
  int rc = mdb_env_open(e->env_, dir.c_str(), flags, 0600);
  if (rc == ENOENT) return Status(Code::kNotFound, "no ledger at " + dir);
  if (auto s = FromLmdb(rc, ("cannot open " + dir).c_str()); !s.ok()) return s;
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
  return e;
}

LmdbEnv::~LmdbEnv() {
  if (env_) mdb_env_close(env_);
}

MDB_dbi LmdbEnv::dbi(std::string_view name) const { return dbis_.find(name)->second; }

Status LmdbEnv::Grow() {
  if (open_txns_.load() > 0)
    return LedgerError(
        "the ledger's map is full, and cannot grow while this process still reads it; run the "
        "command again");
  MDB_envinfo info;
  mdb_env_info(env_, &info);
  return FromLmdb(mdb_env_set_mapsize(env_, info.me_mapsize * 2), "mdb_env_set_mapsize");
}

Status LmdbEnv::CopyCompacted(const std::string& path) const {
  // Our own descriptor rather than mdb_env_copy2, which creates the file with mode 0666 & umask.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return LedgerError("cannot create " + path + ": " + strerror(errno));
  Status s = FromLmdb(mdb_env_copyfd2(env_, fd, MDB_CP_COMPACT), "mdb_env_copyfd2");
  if (s.ok() && ::fsync(fd) != 0) s = LedgerError("fsync " + path + ": " + strerror(errno));
  if (::close(fd) != 0 && s.ok()) s = LedgerError("close " + path + ": " + strerror(errno));
  if (!s.ok()) ::unlink(path.c_str());
  return s;
}

Result<std::unique_ptr<LmdbTxn>> LmdbTxn::Begin(const LmdbEnv& env, bool write, LmdbTxn* parent) {
  std::unique_ptr<LmdbTxn> t(new LmdbTxn);
  int rc = mdb_txn_begin(env.env(), parent ? parent->txn_ : nullptr, write ? 0 : MDB_RDONLY,
                         &t->txn_);
  if (rc == MDB_MAP_RESIZED) {  // another process grew the map
    // Adopting its size remaps the file: not under a transaction that reads the old map (Grow).
    if (env.open_txns_.load() > 0)
      return LedgerError(
          "another process grew the ledger while this one reads it; run the command again");
    mdb_env_set_mapsize(env.env(), 0);
    rc = mdb_txn_begin(env.env(), parent ? parent->txn_ : nullptr, write ? 0 : MDB_RDONLY,
                       &t->txn_);
  }
  if (auto s = FromLmdb(rc, "mdb_txn_begin"); !s.ok()) return s;
  t->env_ = &env;
  ++env.open_txns_;
  return t;
}

LmdbTxn::~LmdbTxn() { Abort(); }

Status LmdbTxn::Commit() {
  int rc = mdb_txn_commit(txn_);
  Ended();
  return FromLmdb(rc, "mdb_txn_commit");
}

void LmdbTxn::Abort() {
  if (txn_) mdb_txn_abort(txn_);
  Ended();
}

void LmdbTxn::Ended() {
  if (txn_ && env_) --env_->open_txns_;
  txn_ = nullptr;
}

Result<std::optional<std::string_view>> LmdbTxn::Get(MDB_dbi dbi, std::string_view key) const {
  MDB_val k = Val(key), v;
  int rc = mdb_get(txn_, dbi, &k, &v);
  if (rc == MDB_NOTFOUND) return std::optional<std::string_view>();
  if (auto s = FromLmdb(rc, "mdb_get"); !s.ok()) return s;
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
  while (rc == 0) {
    if (!visit(View(k), View(v))) break;
    rc = mdb_cursor_get(cursor, &k, &v, MDB_NEXT);
  }
  mdb_cursor_close(cursor);
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
  return std::optional<Pair>(Pair(View(k), View(v)));
}

}  // namespace rmc
