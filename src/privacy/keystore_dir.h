// The keystore's directory and its generations (docs/storage.md, Keystore).
//
// The LMDB environment that holds the keys lives in a *generation*: the subdirectory that the
// file CURRENT names, or the keystore directory itself when there is no CURRENT (as `rmc init`
// and `rmc backup` write a keystore). An erasure never rewrites a data file in place or renames
// one over another (other processes map it, and share its lock file): it writes a compacted copy
// into a new generation, switches CURRENT to it atomically and removes the old generation. A
// process that still has the old generation open reads its own consistent snapshot until it
// opens the keystore again (Keystore::Refresh).
//
// Locking: opening the current generation holds a shared flock on the keystore directory and a
// switch an exclusive one, so no process can open a generation while it is being removed.
// Creating a generation, switching and removing are done only under the ledger's write lock,
// so there is one switcher at a time.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"

namespace rmc {

class KeystoreDir {
 public:
  explicit KeystoreDir(std::string dir) : dir_(std::move(dir)) {}

  const std::string& dir() const { return dir_; }
  // The directory of generation `name` ("" is the keystore directory itself).
  std::string Path(const std::string& name) const;

  // The name of the current generation ("" when there is no CURRENT); ledger_error when
  // CURRENT cannot be read or does not name a generation.
  Result<std::string> Current() const;
  // Calls `open` with the current generation's name while no switch can happen.
  Status WithCurrent(const std::function<Status(const std::string& name)>& open) const;

  // REQUIRES (all three): the ledger's write lock.
  // A new, empty, private (0700) generation with an unpredictable name.
  Result<std::string> NewGeneration() const;
  // Makes `name` current: CURRENT is written to a new file, synced and renamed into place, and
  // the directory synced. Then removes the generation that was current before (its files, or
  // the keystore's own data.mdb and lock.mdb when that was the directory itself).
  Status Switch(const std::string& name);
  // Removes every generation but the current one: what an interrupted erasure left behind. Such
  // a copy can hold keys erased since, so it must not outlive the next erasure.
  Status RemoveStale() const;
  // The generations that are not current, and temporary files of a switch that did not finish
  // (for `rmc verify`).
  Result<std::vector<std::string>> Stale() const;

 private:
  std::string dir_;
};

}  // namespace rmc
