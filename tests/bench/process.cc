#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>

namespace rmc::bench {

ProcessRun Run(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
               const std::string& in, const std::string& out, const std::string& err) {
  ProcessRun r;
  // Each process starts on a quiet disk: the writeback of what ran before is not charged to it.
  sync();
  // Closed by a successful exec: until then the child is a copy of this process, whose memory
  // is not the measured program's.
  int exec_pipe[2];
  if (pipe2(exec_pipe, O_CLOEXEC) != 0) return r;
  auto start = std::chrono::steady_clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    close(exec_pipe[0]);
    for (const auto& [k, v] : env) setenv(k.c_str(), v.c_str(), 1);
    int fd_in = open(in.empty() ? "/dev/null" : in.c_str(), O_RDONLY);
    int fd_out = open(out.empty() ? "/dev/null" : out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int fd_err = open(err.empty() ? "/dev/null" : err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd_in < 0 || fd_out < 0 || fd_err < 0) _exit(127);
    dup2(fd_in, 0);
    dup2(fd_out, 1);
    dup2(fd_err, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(exec_pipe[1]);
  char byte;
  while (read(exec_pipe[0], &byte, 1) < 0 && errno == EINTR) {
  }
  close(exec_pipe[0]);
  int status = 0;
  rusage usage{};
  // Resident memory of an LMDB reader includes the pages of the map it touched, which belong
  // to the page cache; the private part (RssAnon) is what the process itself holds.
  // Sampled every 20 ms; the wait for the exit itself wakes at once (a pidfd), so that short
  // processes are timed to the microsecond, not to the sampling period.
  const std::string status_file = "/proc/" + std::to_string(pid) + "/status";
  const int pidfd = int(syscall(SYS_pidfd_open, pid, 0));
  while (wait4(pid, &status, WNOHANG, &usage) == 0) {
    if (FILE* f = std::fopen(status_file.c_str(), "r")) {
      char line[256];
      long kib;
      while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "RssAnon: %ld kB", &kib) == 1) r.max_anon_kib = std::max(r.max_anon_kib, kib);
      std::fclose(f);
    }
    if (pidfd >= 0) {
      pollfd exited{pidfd, POLLIN, 0};
      poll(&exited, 1, 20);
    } else {
      usleep(20000);
    }
  }
  if (pidfd >= 0) close(pidfd);
  r.wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  r.cpu_s = usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
            (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  r.max_rss_kib = usage.ru_maxrss;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

double MedianWall(int runs, const std::vector<std::string>& argv,
                  const std::map<std::string, std::string>& env) {
  std::vector<double> walls;
  for (int i = 0; i < runs; ++i) {
    auto r = Run(argv, env);
    if (r.exit_code != 0) return -1;
    walls.push_back(r.wall_s);
  }
  std::sort(walls.begin(), walls.end());
  return walls[walls.size() / 2];
}

unsigned long long FileBytes(const std::string& file) {
  struct stat st;
  return stat(file.c_str(), &st) == 0 ? st.st_blocks * 512ull : 0;
}

unsigned long long DiskBytes(const std::string& dir) {
  unsigned long long total = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(dir)) {
    struct stat st;
    if (f.is_regular_file() && stat(f.path().c_str(), &st) == 0) total += st.st_blocks * 512ull;
  }
  return total;
}

}  // namespace rmc::bench
