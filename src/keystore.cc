#include "keystore.h"

#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace rmc {
namespace {

// The inode of the keystore's data file; 0 when it cannot be read.
ino_t DataInode(const std::string& dir) {
  struct stat st;
  return ::stat((dir + "/data.mdb").c_str(), &st) == 0 ? st.st_ino : 0;
}

const auto kDbs = {"keys", "meta"};

}  // namespace

Result<std::unique_ptr<Keystore>> Keystore::Open(const std::string& dir, bool create) {
  auto ks = std::make_unique<Keystore>();
  ks->dir_ = dir;
  auto env = LmdbEnv::Open(dir, kDbs, create, false);
  if (!env.ok()) return env.status();
  ks->env_ = std::move(*env);
  ks->inode_ = DataInode(dir);
  auto txn = LmdbTxn::Begin(*ks->env_, create);
  if (!txn.ok()) return txn.status();
  auto pepper = (*txn)->Get(ks->env_->dbi("meta"), "pepper");
  if (!pepper.ok()) return pepper.status();
  if (*pepper) {
    ks->pepper_ = std::string(**pepper);
  } else if (create) {
    ks->pepper_.resize(crypto_generichash_KEYBYTES);
    randombytes_buf(ks->pepper_.data(), ks->pepper_.size());
    if (auto s = (*txn)->Put(ks->env_->dbi("meta"), "pepper", ks->pepper_); !s.ok()) return s;
    if (auto s = (*txn)->Commit(); !s.ok()) return s;
  } else {
    return LedgerError("keystore at " + dir + " has no pepper");
  }
  return ks;
}

std::string Keystore::SubjectId(std::string_view ref) const {
  std::string id(16, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(id.data()), id.size(),
                     reinterpret_cast<const unsigned char*>(ref.data()), ref.size(),
                     reinterpret_cast<const unsigned char*>(pepper_.data()), pepper_.size());
  return id;
}

Result<std::optional<SubjectKey>> Keystore::Key(std::string_view subject_id) const {
  if (auto it = pending_.find(subject_id); it != pending_.end())
    return std::optional<SubjectKey>(it->second);
  auto txn = LmdbTxn::Begin(*env_, false);
  if (!txn.ok()) return txn.status();
  auto v = (*txn)->Get(env_->dbi("keys"), subject_id);
  if (!v.ok()) return v.status();
  if (!*v || (*v)->size() != 32) return std::optional<SubjectKey>();
  SubjectKey key;
  std::copy((*v)->begin(), (*v)->end(), key.begin());
  return std::optional<SubjectKey>(key);
}

Result<SubjectKey> Keystore::KeyOrCreate(std::string_view subject_id) {
  auto existing = Key(subject_id);
  if (!existing.ok()) return existing.status();
  if (*existing) return **existing;
  SubjectKey key = NewSubjectKey();
  pending_.emplace(std::string(subject_id), key);
  return key;
}

bool Keystore::Uncompacted() const {
  auto txn = LmdbTxn::Begin(*env_, false);
  if (!txn.ok()) return true;  // unknown: the caller compacts again, which is harmless
  auto v = (*txn)->Get(env_->dbi("meta"), "uncompacted");
  return !v.ok() || bool(*v);
}

Status Keystore::Refresh() {
  const ino_t now = DataInode(dir_);
  if (now == 0 || now == inode_) return Status::Ok();
  env_.reset();
  auto env = LmdbEnv::Open(dir_, kDbs, false, false);
  if (!env.ok()) return env.status();
  env_ = std::move(*env);
  inode_ = now;
  return Status::Ok();
}

Status Keystore::Flush() {
  while (!pending_.empty()) {
    auto txn = LmdbTxn::Begin(*env_, true);
    if (!txn.ok()) return txn.status();
    Status s;
    for (const auto& [id, key] : pending_) {
      s = (*txn)->Put(env_->dbi("keys"), id,
                      std::string_view(reinterpret_cast<const char*>(key.data()), key.size()));
      if (!s.ok()) break;
    }
    if (s.ok()) s = (*txn)->Commit();
    if (IsMapFull(s)) {
      (*txn)->Abort();
      if (auto g = env_->Grow(); !g.ok()) return g;
      continue;
    }
    if (!s.ok()) return s;
    pending_.clear();
  }
  return Status::Ok();
}

Status Keystore::CopyTo(const std::string& path) const {
  if (!pending_.empty()) return LedgerError("keystore: keys created but not flushed");
  return env_->CopyCompacted(path);
}

Status Keystore::Forget(std::string_view subject_id) {
  if (auto it = pending_.find(subject_id); it != pending_.end()) pending_.erase(it);
  {
    auto txn = LmdbTxn::Begin(*env_, true);
    if (!txn.ok()) return txn.status();
    if (auto s = (*txn)->Delete(env_->dbi("keys"), subject_id); !s.ok()) return s;
    // Cleared once the compacted file is in place: until then a later Forget must finish it.
    if (auto s = (*txn)->Put(env_->dbi("meta"), "uncompacted", "1"); !s.ok()) return s;
    if (auto s = (*txn)->Commit(); !s.ok()) return s;
  }
  // LMDB reuses freed pages without scrubbing them: rewrite the file so the key is gone. A
  // copy left by an attempt that failed before its rename is stale: start afresh.
  const std::string data = dir_ + "/data.mdb", copy = dir_ + "/data.mdb.compact";
  ::unlink(copy.c_str());
  if (auto s = env_->CopyCompacted(copy); !s.ok()) return s;
  env_.reset();
  Status renamed = std::rename(copy.c_str(), data.c_str()) == 0
                       ? Status::Ok()
                       : LedgerError("cannot replace " + data + ": " + std::strerror(errno));
  // Open again either way (the compacted file, or the old one when the rename failed), so that a
  // failure here leaves a usable keystore for the rest of the batch, never a null one.
  auto env = LmdbEnv::Open(dir_, kDbs, false, false);
  if (!env.ok()) return env.status();
  env_ = std::move(*env);
  inode_ = DataInode(dir_);
  if (!renamed.ok()) return renamed;
  auto txn = LmdbTxn::Begin(*env_, true);
  if (!txn.ok()) return txn.status();
  if (auto s = (*txn)->Delete(env_->dbi("meta"), "uncompacted"); !s.ok()) return s;
  return (*txn)->Commit();
}

}  // namespace rmc
