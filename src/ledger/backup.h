// `rmc backup DIR`: a consistent hot copy of a ledger and its keystore (docs/storage.md,
// Backups). The copy is itself a ledger: `rmc --ledger DIR verify` checks it.
#pragma once

#include <string>

#include "ledger/ledger.h"

namespace rmc {

// permission_denied unless `role` is coordinator or system.
Status MayBackUp(schema::Role role);

// Copies the ledger's store to DIR/data.mdb and its keystore to DIR/keystore/data.mdb, each
// compacted (LmdbEnv::CopyCompacted), under the ledger's write lock (Ledger::Exclusive): readers
// go on, writers wait for the copy, and the two copies agree (every key an event in the copy was
// sealed with is in the copied keystore, and no erased youth's key is). The copy is written into
// DIR.partial-XXXXXX beside DIR and renamed onto DIR once whole and synced.
// `dir` is created (with its parents) when missing; it must be an empty directory of this user,
// not a symbolic link. Directories get mode 0700, files 0600.
// Errors: permission_denied (MayBackUp); usage when `dir` is not such a directory;
// ledger_error when a copy fails (nothing is left at DIR but the empty directory).
Status Backup(Ledger& ledger, std::string dir, schema::Role role);

}  // namespace rmc
