// `rmc backup DIR`: a consistent hot copy of a ledger and its keystore (docs/storage.md,
// Backups). The copy is itself a ledger: `rmc --ledger DIR verify` checks it.
#pragma once

#include <string>

#include "ledger.h"

namespace rmc {

// permission_denied unless `role` is coordinator or system.
Status MayBackUp(schema::Role role);

// Copies the ledger's store to DIR/data.mdb and its keystore to DIR/keystore/data.mdb, each
// compacted (LmdbEnv::CopyCompacted) while writers go on. The ledger is copied first and the
// keystore after it: a batch makes its new keys durable before its events (Ledger::Execute), so
// every key an event in the copy was sealed with is in the copied keystore, unless the subject
// was erased in between (then its data reads as erased, as in the live ledger).
// `dir` is created (with its parents) when missing; it must be an empty directory of this user,
// not a symbolic link. Directories get mode 0700, files 0600.
// Errors: permission_denied (MayBackUp); usage when `dir` is not such a directory;
// ledger_error when a copy fails (what was copied is left for inspection).
Status Backup(Ledger& ledger, const std::string& dir, schema::Role role);

}  // namespace rmc
