// Writing a file that holds personal data (`--output FILE`): private to its owner (mode 0600)
// and whole or not at all.
#pragma once

#include <string>
#include <string_view>

#include "status.h"

namespace rmc {

// Writes `bytes` to `path` with mode 0600 through a temporary file beside it, synced and then
// renamed over `path`: a reader sees the old file or the whole new one, and a failure leaves no
// partial file. An existing file at `path` is replaced (and its mode with it).
// Errors: usage when the file cannot be created or written (a missing directory, no permission,
// a full disk), with the system's reason.
Status WritePrivateFile(const std::string& path, std::string_view bytes);

}  // namespace rmc
