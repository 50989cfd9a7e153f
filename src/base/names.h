// What a name that identifies something may hold: a command's id, a case id, a youth's ref, an
// actor, a region and a data category. Such names become LMDB keys or parts of them
// (docs/storage.md), are compared byte for byte, are read back as C strings (Cap'n Proto Text
// ends at its first NUL) and are printed on one line of text. So each is UTF-8 of 1 to `max`
// bytes without control characters (U+0000 to U+001F, U+007F to U+009F), direction marks or
// line separators (names.cc IsFormatMark).
#pragma once

#include <cstddef>
#include <string_view>

#include "base/status.h"

namespace rmc {

// Whether `text` is well-formed UTF-8.
bool IsUtf8(std::string_view text);

// Ok when `value` is a name as above; else invalid_input naming `what` and what a name may hold.
Status CheckName(std::string_view what, std::string_view value, size_t max);

}  // namespace rmc
