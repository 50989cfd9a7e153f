// Linked into every program of a sanitizer build (-DRMC_SANITIZE=ON; not the fuzzers, which have
// libFuzzer's): any report stops the process at once, by abort, which no exit code of rmc looks
// like. With RMC_SANITIZER_REPORTS set (ctest sets it), reports go to files in that folder, also
// those of an rmc run whose exit a test ignores; the test sanitizer_reports, run last, fails when
// any is there. ASAN_OPTIONS and UBSAN_OPTIONS still override these.
#include <cstdlib>

namespace {

// `options`, then ":log_path=DIR/tool" when RMC_SANITIZER_REPORTS is DIR. Runs while the
// sanitizer starts, before anything is set up: no allocation, nothing instrumented.
__attribute__((no_sanitize("address", "undefined"))) const char* WithLogPath(char* buffer,
                                                                             size_t size,
                                                                             const char* options,
                                                                             const char* tool) {
  const char* dir = std::getenv("RMC_SANITIZER_REPORTS");
  size_t n = 0;
  auto append = [&](const char* s) {
    while (*s && n + 1 < size) buffer[n++] = *s++;
  };
  append(options);
  if (dir && *dir) {
    append(":log_path=");
    append(dir);
    append("/");
    append(tool);
  }
  buffer[n] = '\0';
  return buffer;
}

}  // namespace

extern "C" __attribute__((no_sanitize("address", "undefined"))) const char*
__asan_default_options() {
  static char buffer[4096];
  return WithLogPath(buffer, sizeof buffer, "halt_on_error=1:abort_on_error=1:detect_leaks=1",
                     "asan");
}

extern "C" __attribute__((no_sanitize("address", "undefined"))) const char*
__ubsan_default_options() {
  static char buffer[4096];
  return WithLogPath(buffer, sizeof buffer, "halt_on_error=1:abort_on_error=1:print_stacktrace=1",
                     "ubsan");
}
