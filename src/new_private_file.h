// A file that must never replace another: a signing key, an export of the logs. Created
// exclusively, private to its owner (mode 0600), synced, and whole or not at all.
#pragma once

#include <string>
#include <string_view>

#include "status.h"

namespace rmc {

// Creates `path` (O_EXCL, mode 0600), writes `bytes` and syncs it. Refuses a path that exists
// (usage: "PATH exists; KIND is never overwritten", e.g. KIND "a key file"). usage also when
// it cannot be created or written, with the system's reason; a file that could not be written
// whole is removed again.
Status WriteNewPrivateFile(const std::string& path, std::string_view bytes, std::string_view kind);

}  // namespace rmc
