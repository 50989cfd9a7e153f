// Files the tool writes that hold personal data, secrets or evidence (`--output FILE`, a
// signing key, a checkpoint, an LDV export): private to their owner (mode 0600), whole or not
// at all, durable, and never written through a symbolic link.
//
// The bytes go to a new file beside `path` with an unpredictable name (`NAME.tmp-` and 16
// random hex digits, created with O_EXCL | O_NOFOLLOW: nothing planted under any name is
// followed or reused), which is synced and then renamed (or linked) to `path`; then the
// directory is synced. A crash may leave such a temporary file (mode 0600) beside `path`,
// never a partial `path`. Symbolic links in the directories of `path` are the caller's choice
// and are followed.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace rmc {

// Writes `bytes` to `path`, replacing whatever is there: an existing file (and its mode) or a
// symbolic link (the link itself, never its target). A reader sees the old file or the whole
// new one.
// Errors: usage when the file cannot be created or written (a missing directory, no
// permission, a full disk), with the system's reason.
// Refuses (CheckReplaceable) what it must not replace.
Status WritePrivateFile(const std::string& path, std::string_view bytes);

// usage when the folder of `path` is not there (or is no folder), or `path` holds what
// WritePrivateFile must not replace: anything but a regular file, a symbolic link to one, or a
// dangling link. A device, a pipe or a socket (or a link to one, such
// as /dev/stdout) is where the caller meant the bytes to go *into*: replacing it by a file would
// leave them in a file nobody reads. Callers check before they read what they will write, so
// that a refused command has read nothing.
Status CheckReplaceable(const std::string& path);

// Writes `bytes` to `path`, which must not exist: a file, directory or symbolic link (even a
// dangling one) there is refused with usage "PATH exists; KIND is never overwritten" (KIND,
// e.g., "a key file"). Of several processes creating `path` at once, one succeeds.
// usage also when it cannot be created or written, with the system's reason.
Status WriteNewPrivateFile(const std::string& path, std::string_view bytes, std::string_view kind);

}  // namespace rmc
