// Sizes of the Cap'n Proto messages: the first segment of those built for every command, and
// how much reading one that is stored may cost.
#pragma once

#include <capnp/message.h>

#include <cstddef>

namespace rmc {

// First segments. Cap'n Proto's default is 1024 words (8 KiB), zeroed by calloc: with five or
// six messages per command that zeroing was a tenth of `rmc apply`. These fit the usual message
// in its first segment; a larger one simply grows a second.

constexpr unsigned kPayloadWords = 128;     // a command's data (1 KiB)
constexpr unsigned kEventWords = 256;       // an event: envelope, public payload, sealed part
constexpr unsigned kProjectionWords = 256;  // a case projection


// The reading limit of a stored message of `words` words. Cap'n Proto charges every object a
// reader visits against it, and a list of empty structs one word an element. Its default (8 Mi
// words whatever the message's size) lets a damaged message of a few hundred bytes claim
// millions of elements, which a reader would then copy or render into gigabytes. A message rmc
// wrote is read in full a few times at most (rendered, folded, checked); 64 times and 512 KiB
// more is far above that, and bounds what a damaged one can cost.
inline capnp::ReaderOptions ReadLimits(size_t words) {
  capnp::ReaderOptions options;
  options.traversalLimitInWords = 64 * uint64_t(words) + 64 * 1024;
  return options;
}

}  // namespace rmc
