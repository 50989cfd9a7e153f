// Linked into every program of a sanitizer build (-DRMC_SANITIZE=ON; not the fuzzers, which have
// libFuzzer's): any report stops the process at once, by abort, which no exit code of rmc looks
// like. Under ctest, ASAN_OPTIONS=log_path=... (CMakeLists.txt) sends every report to a file, also
// UBSan's in clang's combined runtime, and also that of an rmc run whose exit a test ignores; the
// test sanitizer_reports, run last, fails when any is there. ASAN_OPTIONS and UBSAN_OPTIONS
// override these defaults.

// Called while the sanitizer starts, before anything is set up: constants only.
extern "C" const char* __asan_default_options() {
  return "halt_on_error=1:abort_on_error=1:detect_leaks=1";
}

extern "C" const char* __ubsan_default_options() {
  return "halt_on_error=1:abort_on_error=1:print_stacktrace=1";
}
