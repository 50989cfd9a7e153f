// First-segment sizes of the Cap'n Proto messages built for every command. Cap'n Proto's
// default first segment is 1024 words (8 KiB), zeroed by calloc: with five or six messages per
// command that zeroing was a tenth of `rmc apply`. These fit the usual message in its first
// segment; a larger one simply grows a second.
#pragma once

namespace rmc {

constexpr unsigned kPayloadWords = 128;     // a command's data (1 KiB)
constexpr unsigned kEventWords = 256;       // an event: envelope, public payload, sealed part
constexpr unsigned kProjectionWords = 256;  // a case projection

}  // namespace rmc
