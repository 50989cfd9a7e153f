// The libFuzzer entry point of one target of targets.h, chosen by RMC_FUZZ_TARGET (CMakeLists.txt).
#include <cstddef>
#include <cstdint>

#include "targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  RMC_FUZZ_TARGET({reinterpret_cast<const char*>(data), size});
  return 0;
}
