// The keystore (DESIGN.md, Privacy): a separate LMDB environment holding one random data key
// per subject and the pepper that turns a subject's ref into its pseudonymous id. Forgetting a
// subject deletes its key and rewrites the keystore compacted, so no copy of the key remains in
// any of its files.
#pragma once

#include <sys/types.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lmdb_env.h"
#include "sealing.h"

namespace rmc {

class Keystore {
 public:
  static Result<std::unique_ptr<Keystore>> Open(const std::string& dir, bool create);

  // 16 bytes: keyed BLAKE2b of the ref under the pepper. Stable for the life of the keystore.
  std::string SubjectId(std::string_view ref) const;
  // The subject's key; nothing when it never existed or was forgotten.
  Result<std::optional<SubjectKey>> Key(std::string_view subject_id) const;
  // The subject's key. A new one is held in memory until Flush, so that a batch makes all its
  // new keys durable in one transaction.
  Result<SubjectKey> KeyOrCreate(std::string_view subject_id);
  // Commits the keys created since the last Flush (one durable transaction).
  Status Flush();
  // Writes a compacted copy of the keystore's data file to the new file `path` (mode 0600):
  // LmdbEnv::CopyCompacted. REQUIRES: no unflushed keys (they would be missing from the copy).
  Status CopyTo(const std::string& path) const;
  // Deletes the key and compacts the keystore files. REQUIRES: the caller holds the ledger's
  // write lock (Ledger::Execute), so that no other process is between its Refresh and Flush.
  Status Forget(std::string_view subject_id);
  // Whether a key was deleted but the file not yet rewritten (a Forget that failed half way): its
  // bytes may still lie in a freed page.
  bool Uncompacted() const;
  // Opens the keystore file again when another process replaced it (an erasure compacts it into a
  // new file): keys flushed into the old one would be lost. One stat; call at the start of a batch.
  Status Refresh();

 private:
  std::string dir_;
  std::unique_ptr<LmdbEnv> env_;
  ino_t inode_ = 0;  // of data.mdb as env_ opened it
  std::string pepper_;
  std::map<std::string, SubjectKey, std::less<>> pending_;  // created, not yet flushed
};

}  // namespace rmc
