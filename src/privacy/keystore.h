// The keystore (docs/storage.md, Keystore): an LMDB environment of its own holding one random
// data key per subject and the pepper that turns a subject's ref into its pseudonymous id.
//
// - Bound to its ledger: it records the ledger's id, and opening it for another ledger fails.
// - Every record carries a tag (BLAKE2b keyed with the pepper over the subject id and the key),
//   so a damaged record is an error, never a youth who looks erased.
// - Forgetting subjects deletes their keys and writes the keys that remain into a new
//   generation (keystore_dir.h), compacted, so no copy of a forgotten key remains in any file.
//
// Writes (Flush, Bind, Forget) REQUIRE the ledger's write lock: it serialises them across
// processes, and every process opens the current generation again under it (Refresh) before
// writing, so no key is ever written into a generation that has been replaced.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/keystore_dir.h"
#include "privacy/sealing.h"
#include "store/lmdb_env.h"

namespace rmc {

class Keystore {
 public:
  // Creates the keystore of a new ledger with id `ledger_id` in `dir` (created when missing):
  // usage when a keystore is there already.
  static Result<std::unique_ptr<Keystore>> Create(const std::string& dir, std::string_view ledger_id);
  // Opens the keystore in `dir` for the ledger with id `ledger_id`: not_found when there is
  // none, ledger_error when it is damaged or another ledger's.
  static Result<std::unique_ptr<Keystore>> Open(const std::string& dir, std::string_view ledger_id);

  // 16 bytes: keyed BLAKE2b of the ref under the pepper. Stable for the life of the keystore.
  std::string SubjectId(std::string_view ref) const;
  // The subject's key; nothing when it never existed or was forgotten; ledger_error when its
  // record fails its check.
  Result<std::optional<SubjectKey>> Key(std::string_view subject_id) const;
  // The subject's key. A new one is held in memory until Flush, so that a batch makes all its
  // new keys durable in one transaction.
  Result<SubjectKey> KeyOrCreate(std::string_view subject_id);

  // Opens the current generation again when an erasure by another process replaced the one this
  // process opened. Reads CURRENT; call at the start of a batch.
  Status Refresh();
  // Whether the keystore records its ledger and tags all its records; keystores written before
  // either are brought up to date by Bind.
  bool bound() const { return bound_; }
  // REQUIRES the ledger's write lock. Records the ledger's id and tags every untagged record.
  Status Bind();
  // REQUIRES the ledger's write lock. Commits the keys created since the last Flush (one
  // durable transaction).
  Status Flush();
  // REQUIRES the ledger's write lock. Deletes the subjects' keys (those still there) and moves
  // the keystore into a new compacted generation; removes generations an interrupted erasure
  // left behind first. Idempotent: repeating it after a crash at any point completes it.
  Status Forget(const std::vector<std::string>& subject_ids);
  // Writes a compacted copy of the current generation's data file to the new file `path` (mode
  // 0600): LmdbEnv::CopyCompacted. REQUIRES: no unflushed keys (they would be missing).
  Status CopyTo(const std::string& path);

  // What `rmc verify` checks of the keystore itself.
  struct Check {
    uint64_t keys = 0;
    std::vector<std::string> damaged;   // records whose size or tag is wrong
    // What an unfinished erasure leaves, which may hold erased keys: generations left behind,
    // and a key deleted by an earlier version but never rewritten out of its file.
    std::vector<std::string> leftovers;
  };
  Result<Check> CheckRecords() const;

 private:
  explicit Keystore(std::string dir) : dir_(std::move(dir)) {}
  // Opens generation `name` and reads its pepper and binding; ledger_error for another ledger's.
  Status OpenGeneration(const std::string& name);
  // The tag of a record: keyed BLAKE2b-128 under the pepper over the id and the key.
  std::string Tag(std::string_view subject_id, const SubjectKey& key) const;
  std::string Record(std::string_view subject_id, const SubjectKey& key) const;

  KeystoreDir dir_;
  std::string ledger_id_;   // the ledger this keystore serves
  std::string generation_;  // the generation env_ maps ("" : the directory itself)
  std::unique_ptr<LmdbEnv> env_;
  std::string pepper_;
  bool bound_ = false;
  std::map<std::string, SubjectKey, std::less<>> pending_;  // created, not yet flushed
};

}  // namespace rmc
