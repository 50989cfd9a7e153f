// Runs the real rmc binary for end-to-end tests: one ledger directory, the clock, the role.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <string>
#include <vector>

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

// A process started without a shell, for what a shell cannot set up as wanted: a closed
// standard output, a kill at a chosen moment, another user.
struct RmcProcess {
  std::vector<std::string> args;     // after the binary
  std::vector<std::string> env;      // NAME=VALUE, e.g. RMC_LEDGER=...
  std::vector<std::string> wrapper;  // a command that runs the binary (e.g. setpriv ...)
  std::string stdin_file = "/dev/null";
  // kBrokenPipe: a pipe whose reader is gone (`rmc apply … | head -1` once head has ended).
  enum class Stdout { kCaptured, kClosed, kFull, kBrokenPipe } stdout_to = Stdout::kCaptured;
};

// Starts `p`; its standard error (and standard output when captured) can be read from `output`.
inline pid_t Spawn(const RmcProcess& p, int& output) {
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return -1;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, p.stdin_file.c_str(), O_RDONLY, 0);
  if (p.stdout_to == RmcProcess::Stdout::kCaptured)
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 1);
  else if (p.stdout_to == RmcProcess::Stdout::kClosed)
    posix_spawn_file_actions_addclose(&actions, 1);
  else if (p.stdout_to == RmcProcess::Stdout::kFull)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/full", O_WRONLY, 0);
  int broken[2] = {-1, -1};
  if (p.stdout_to == RmcProcess::Stdout::kBrokenPipe) {
    if (pipe2(broken, O_CLOEXEC) != 0) return -1;
    close(broken[0]);
    posix_spawn_file_actions_adddup2(&actions, broken[1], 1);
  }
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], 2);
  std::vector<std::string> all = p.wrapper;
  all.push_back(RMC_BINARY);
  all.insert(all.end(), p.args.begin(), p.args.end());
  std::vector<char*> argv, envp;
  for (auto& a : all) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<std::string> env = p.env;
  env.push_back("PATH=/usr/sbin:/usr/bin:/sbin:/bin");
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  // SIGPIPE as a shell leaves it (default), whatever the test runner does with it.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t pipe_signal;
  sigemptyset(&pipe_signal);
  sigaddset(&pipe_signal, SIGPIPE);
  posix_spawnattr_setsigdefault(&attr, &pipe_signal);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), envp.data()) != 0) pid = -1;
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  if (broken[1] >= 0) close(broken[1]);
  close(pipe_fds[1]);
  output = pipe_fds[0];
  return pid;
}

// Reads what a spawned process writes until it ends, and its exit code (128 + N when signal N
// ended it; -1 when it could not be started).
inline RmcRun Finish(pid_t pid, int output) {
  std::string text;
  char buf[4096];
  for (ssize_t n; (n = read(output, buf, sizeof buf)) != 0;)
    if (n > 0) text.append(buf, size_t(n));
    else if (errno != EINTR) break;
  close(output);
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid) return {-1, text};
  return {WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status), text};
}

inline RmcRun Run(const RmcProcess& p) {
  int output;
  pid_t pid = Spawn(p, output);
  return Finish(pid, output);
}

}  // namespace rmc::e2e
