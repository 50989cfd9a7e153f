#include "privacy/keystore.h"

#include <sodium.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <functional>

namespace rmc {
namespace {

const auto kDbs = {"keys", "meta"};
constexpr size_t kTagSize = 16;
constexpr char kTagContext[] = "rmc keystore record";
constexpr char kPepperContext[] = "rmc keystore pepper";
// meta keys: "pepper"; "pepper_check" (the pepper's BLAKE2b-128, so a damaged pepper is found
// rather than every youth's id changing); "ledger_id" (the ledger served); "tagged" (every
// record carries its tag); "uncompacted" (written by earlier versions: a key deleted whose
// bytes may still lie in a freed page).

std::string PepperCheck(std::string_view pepper) {
  std::string out(kTagSize, '\0');
  std::string in = kPepperContext + std::string(pepper);
  crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), out.size(),
                     reinterpret_cast<const unsigned char*>(in.data()), in.size(), nullptr, 0);
  return out;
}

std::string HexId(std::string_view id) {
  std::string hex(id.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(id.data()), id.size());
  hex.pop_back();
  return hex;
}

bool Exists(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0;
}

// Runs `body` in a write transaction of `env` and commits it, growing the map when it is full.
Status WriteTxn(LmdbEnv& env, const std::function<Status(LmdbTxn&)>& body) {
  for (;;) {
    auto txn = LmdbTxn::Begin(env, true);
    if (!txn.ok()) return txn.status();
    Status s = body(**txn);
    if (s.ok()) s = (*txn)->Commit();
    if (!IsMapFull(s)) return s;
    (*txn)->Abort();
    if (auto g = env.Grow(); !g.ok()) return g;
  }
}

}  // namespace

Result<std::unique_ptr<Keystore>> Keystore::Create(const std::string& dir, std::string_view ledger_id) {
  if (Exists(dir + "/data.mdb") || Exists(dir + "/CURRENT"))
    return Status(Code::kUsage, "a keystore exists at " + dir +
                                    "; a new ledger needs a keystore of its own (--keystore)");
  std::unique_ptr<Keystore> ks(new Keystore(dir));
  ks->ledger_id_ = std::string(ledger_id);
  auto env = LmdbEnv::Open(dir, kDbs, true, false);
  if (!env.ok()) return env.status();
  ks->env_ = std::move(*env);
  ks->pepper_.resize(crypto_generichash_KEYBYTES);
  randombytes_buf(ks->pepper_.data(), ks->pepper_.size());
  auto s = WriteTxn(*ks->env_, [&](LmdbTxn& txn) -> Status {
    const MDB_dbi meta = ks->env_->dbi("meta");
    for (auto [key, value] : {std::pair<const char*, std::string>{"pepper", ks->pepper_},
                              {"pepper_check", PepperCheck(ks->pepper_)},
                              {"ledger_id", ks->ledger_id_},
                              {"tagged", "1"}})
      if (auto st = txn.Put(meta, key, value); !st.ok()) return st;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  ks->bound_ = true;
  return ks;
}

Result<std::unique_ptr<Keystore>> Keystore::Open(const std::string& dir, std::string_view ledger_id) {
  std::unique_ptr<Keystore> ks(new Keystore(dir));
  ks->ledger_id_ = std::string(ledger_id);
  auto s = ks->dir_.WithCurrent([&](const std::string& name) { return ks->OpenGeneration(name); });
  if (!s.ok()) return s;
  return ks;
}

Status Keystore::OpenGeneration(const std::string& name) {
  const std::string path = dir_.Path(name);
  // A link would take the keys (and an erasure's deletions) to a file that no erasure removes.
  struct stat st;
  if ((!name.empty() && ::lstat(path.c_str(), &st) == 0 && !S_ISDIR(st.st_mode)) ||
      (::lstat((path + "/data.mdb").c_str(), &st) == 0 && !S_ISREG(st.st_mode)))
    return LedgerError("the keystore at " + path + " is not a directory holding a data file (a "
                       "symbolic link is not followed); restore the keystore from a backup");
  // LMDB would create a missing data file: an empty keystore is never made by opening one.
  if (!Exists(path + "/data.mdb"))
    return name.empty() ? Status(Code::kNotFound, "no keystore at " + dir_.dir())
                        : LedgerError("the keystore generation " + path +
                                      " named by CURRENT is missing; the keystore is damaged "
                                      "(restore it from a backup)");
  auto env = LmdbEnv::Open(path, kDbs, false, false);
  if (!env.ok()) return env.status();
  auto txn = LmdbTxn::Begin(**env, false);
  if (!txn.ok()) return txn.status();
  const MDB_dbi meta = (*env)->dbi("meta");
  auto get = [&](const char* key) -> std::string {
    auto v = (*txn)->Get(meta, key);
    return v.ok() && *v ? std::string(**v) : std::string();
  };
  const std::string pepper = get("pepper"), check = get("pepper_check"), bound_to = get("ledger_id");
  const bool tagged = get("tagged") == "1";
  txn->reset();
  if (pepper.size() != crypto_generichash_KEYBYTES || (!check.empty() && check != PepperCheck(pepper)))
    return LedgerError("the keystore at " + path + " has a damaged pepper; every youth's id depends "
                       "on it (restore the keystore from a backup)");
  if (!bound_to.empty() && !ledger_id_.empty() && bound_to != ledger_id_)
    return LedgerError("the keystore at " + dir_.dir() + " belongs to another ledger (ledger id " +
                       HexId(bound_to) + ", not " + HexId(ledger_id_) +
                       "); give this ledger's own keystore (--keystore)");
  env_ = std::move(*env);
  generation_ = name;
  pepper_ = pepper;
  bound_ = tagged && !bound_to.empty() && !check.empty();
  return Status::Ok();
}

std::string Keystore::SubjectId(std::string_view ref) const {
  std::string id(16, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(id.data()), id.size(),
                     reinterpret_cast<const unsigned char*>(ref.data()), ref.size(),
                     reinterpret_cast<const unsigned char*>(pepper_.data()), pepper_.size());
  return id;
}

std::string Keystore::Tag(std::string_view subject_id, const SubjectKey& key) const {
  std::string in = kTagContext + std::string(subject_id);
  in.append(reinterpret_cast<const char*>(key.data()), key.size());
  std::string tag(kTagSize, '\0');
  crypto_generichash(reinterpret_cast<unsigned char*>(tag.data()), tag.size(),
                     reinterpret_cast<const unsigned char*>(in.data()), in.size(),
                     reinterpret_cast<const unsigned char*>(pepper_.data()), pepper_.size());
  return tag;
}

std::string Keystore::Record(std::string_view subject_id, const SubjectKey& key) const {
  return std::string(reinterpret_cast<const char*>(key.data()), key.size()) + Tag(subject_id, key);
}

Result<std::optional<SubjectKey>> Keystore::Key(std::string_view subject_id) const {
  if (auto it = pending_.find(subject_id); it != pending_.end())
    return std::optional<SubjectKey>(it->second);
  auto txn = LmdbTxn::Begin(*env_, false);
  if (!txn.ok()) return txn.status();
  auto v = (*txn)->Get(env_->dbi("keys"), subject_id);
  if (!v.ok()) return v.status();
  if (!*v) return std::optional<SubjectKey>();
  std::string_view record = **v;
  SubjectKey key;
  const bool legacy = record.size() == key.size() && !bound_;  // written before records had tags
  if (record.size() != key.size() + kTagSize && !legacy)
    return LedgerError("the keystore record of subject " + HexId(subject_id) + " is damaged (" +
                       std::to_string(record.size()) + " bytes); restore the keystore from a backup");
  std::memcpy(key.data(), record.data(), key.size());
  if (!legacy && record.substr(key.size()) != Tag(subject_id, key))
    return LedgerError("the keystore record of subject " + HexId(subject_id) +
                       " fails its check; restore the keystore from a backup");
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

Status Keystore::Refresh() {
  auto current = dir_.Current();
  if (!current.ok()) return current.status();
  if (*current == generation_) return Status::Ok();
  return dir_.WithCurrent([&](const std::string& name) {
    env_.reset();
    return OpenGeneration(name);
  });
}

Status Keystore::Bind() {
  if (bound_) return Status::Ok();
  bool uncompacted = false;
  auto s = WriteTxn(*env_, [&](LmdbTxn& txn) -> Status {
    const MDB_dbi keys = env_->dbi("keys"), meta = env_->dbi("meta");
    std::vector<std::pair<std::string, SubjectKey>> untagged;
    auto scan = txn.Scan(keys, "", [&](std::string_view id, std::string_view value) {
      if (value.size() != sizeof(SubjectKey)) return true;
      SubjectKey key;
      std::memcpy(key.data(), value.data(), key.size());
      untagged.emplace_back(std::string(id), key);
      return true;
    });
    if (!scan.ok()) return scan;
    auto marker = txn.Get(meta, "uncompacted");
    if (!marker.ok()) return marker.status();
    uncompacted = bool(*marker);
    for (const auto& [id, key] : untagged)
      if (auto st = txn.Put(keys, id, Record(id, key)); !st.ok()) return st;
    for (auto [key, value] : {std::pair<const char*, std::string>{"pepper_check", PepperCheck(pepper_)},
                              {"ledger_id", ledger_id_},
                              {"tagged", "1"}})
      if (auto st = txn.Put(meta, key, value); !st.ok()) return st;
    return Status::Ok();
  });
  if (!s.ok()) return s;
  bound_ = true;
  // An earlier version deleted a key but failed to rewrite the file: finish that now.
  return uncompacted ? Forget({}) : Status::Ok();
}

Status Keystore::Flush() {
  if (pending_.empty()) return Status::Ok();
  auto s = WriteTxn(*env_, [&](LmdbTxn& txn) -> Status {
    for (const auto& [id, key] : pending_)
      if (auto st = txn.Put(env_->dbi("keys"), id, Record(id, key)); !st.ok()) return st;
    return Status::Ok();
  });
  if (s.ok()) pending_.clear();
  return s;
}

Status Keystore::CopyTo(const std::string& path) {
  if (!pending_.empty()) return LedgerError("keystore: keys created but not flushed");
  if (auto s = Refresh(); !s.ok()) return s;
  return env_->CopyCompacted(path);
}

Status Keystore::Forget(const std::vector<std::string>& subject_ids) {
  for (const auto& id : subject_ids) pending_.erase(id);
  // A copy an interrupted erasure left may hold keys erased since: it goes first.
  if (auto s = dir_.RemoveStale(); !s.ok()) return s;
  auto deleted = WriteTxn(*env_, [&](LmdbTxn& txn) -> Status {
    for (const auto& id : subject_ids)
      if (auto st = txn.Delete(env_->dbi("keys"), id); !st.ok()) return st;
    return txn.Delete(env_->dbi("meta"), "uncompacted");
  });
  if (!deleted.ok()) return deleted;
  // LMDB reuses freed pages without scrubbing them, so the deleted keys may still lie in this
  // generation's file: the keys that remain go into a new one, compacted (free pages are not
  // copied), and this one is removed.
  auto name = dir_.NewGeneration();
  if (!name.ok()) return name.status();
  Status s = env_->CopyCompacted(dir_.Path(*name) + "/data.mdb");
  if (s.ok()) s = dir_.Switch(*name);
  if (!s.ok()) {
    dir_.RemoveStale();  // the new generation, unless it became current
    return s;
  }
  env_.reset();
  return OpenGeneration(*name);
}

Result<Keystore::Check> Keystore::CheckRecords() const {
  Check check;
  auto txn = LmdbTxn::Begin(*env_, false);
  if (!txn.ok()) return txn.status();
  auto s = (*txn)->Scan(env_->dbi("keys"), "", [&](std::string_view id, std::string_view) {
    ++check.keys;
    auto key = Key(id);
    if (!key.ok()) check.damaged.push_back(key.status().message());
    return true;
  });
  if (!s.ok()) return s;
  auto marker = (*txn)->Get(env_->dbi("meta"), "uncompacted");
  if (!marker.ok()) return marker.status();
  if (*marker)
    check.leftovers.push_back("a key was deleted but the keystore not rewritten since, so its bytes "
                              "may remain in a freed page");
  auto stale = dir_.Stale();
  if (!stale.ok()) return stale.status();
  for (const auto& name : *stale)
    check.leftovers.push_back(dir_.Path(name) + " is left from an erasure that did not finish and "
                              "may hold erased keys (the next erasure removes it; or remove it by hand)");
  return check;
}

}  // namespace rmc
