// Random bytes for event, trace and span ids, nonces and subject keys: the kernel's CSPRNG
// (through libsodium), read in 4 KiB blocks so that writing an event makes no system call of
// its own (getrandom per id was an eighth of `rmc apply`'s time).
#pragma once

#include <cstddef>
#include <string>

namespace rmc {

void RandomBytes(void* out, size_t size);
std::string RandomString(size_t size);

}  // namespace rmc
