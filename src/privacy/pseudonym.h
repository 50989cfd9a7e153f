// Pseudonyms: what the evaluator role sees in place of a personal value (a ref, a consultant's
// name), so that it can tell values apart without learning them.
#pragma once

#include <string>

namespace rmc {

// "P-" and 16 hex digits: the first 8 bytes of BLAKE2b of `value`, keyed with a random key made
// once per process and never stored. So the same value gets the same pseudonym within one
// process (one view, one list, one export) and an unrelated one in every other process: never
// linkable across them, and not reversible by hashing a list of likely names.
std::string Pseudonym(const std::string& value);

}  // namespace rmc
