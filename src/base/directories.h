// Directories the tool creates (a ledger's parents, a backup's): new ones private to their
// owner (mode 0700), existing ones left as they are, and their entries made durable.
#pragma once

#include <string>

#include "base/status.h"

namespace rmc {

// Creates the missing parent directories of `path`, as `mkdir -p` would, each with mode 0700
// (less what the umask takes away); existing ones are left alone. ledger_error with the system's
// reason when one cannot be created.
Status MakeParentDirectories(const std::string& path);

// The directory `path` would be placed in ("." for a bare name).
std::string ParentOf(const std::string& path);

// Makes the entries of directory `dir` durable (fsync of the directory): after a rename or a
// new file in it. ledger_error with the system's reason.
Status SyncDirectory(const std::string& dir);

}  // namespace rmc
