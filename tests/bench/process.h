// Running a program as a measured child process: wall time, CPU time and peak memory, with
// stdin and stdout redirected to files. The benchmark times what users run: whole processes.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace rmc::bench {

struct ProcessRun {
  int exit_code = -1;
  double wall_s = 0, cpu_s = 0;
  long max_rss_kib = 0;   // peak resident set, mapped ledger pages included (page cache)
  long max_anon_kib = 0;  // peak private memory (heap, stacks), sampled every 20 ms
};

// Runs `argv` with `env` added to the environment; stdin from `in` and stdout to `out` (paths;
// empty: /dev/null). Stderr is kept in `err` when not empty, else /dev/null.
ProcessRun Run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
               const std::string& in = "", const std::string& out = "", const std::string& err = "");

// The median of `runs` wall times of the same command (it must exit 0; -1 otherwise).
double MedianWall(int runs, const std::vector<std::string>& argv,
                  const std::map<std::string, std::string>& env);

// Bytes a directory's files take on disk (allocated blocks, recursively).
unsigned long long DiskBytes(const std::string& dir);
// Bytes one file takes on disk (allocated blocks).
unsigned long long FileBytes(const std::string& file);

}  // namespace rmc::bench
