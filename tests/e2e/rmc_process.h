// Runs the real rmc binary for end-to-end tests: one ledger directory, the clock, the role.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace rmc::e2e {

struct RmcRun {
  int code;          // the exit code
  std::string text;  // standard output and standard error, together
};

// `rmc ARGS` on the ledger `dir` as actor "test" in `role`, with RMC_NOW = `now`.
inline RmcRun RunRmc(const std::string& dir, const std::string& args,
                     const std::string& role = "consulent",
                     const std::string& now = "2026-11-20T09:00:00Z") {
  const std::string cmd = "RMC_LEDGER=" + dir + " RMC_NOW=" + now +
                          " RMC_ACTOR=test RMC_ROLE=" + role + " " + RMC_BINARY + " " + args +
                          " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  return {WEXITSTATUS(pclose(p)), out};
}

}  // namespace rmc::e2e
