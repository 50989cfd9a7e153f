// `rmc apply` on oversized input (docs/commands.md, "Limits"): a line past the limit gets its
// invalid_input result line and the lines after it run; the line is never held whole, so a
// 200 MB line costs no more memory than a small one.
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>

#include "rmc_cli.h"

extern char** environ;

namespace {

using nlohmann::json;

class InputLimits : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
  }

  struct Applied {
    int code;
    std::string out;
    long peak_kib;  // the process's peak resident set
  };
  // `rmc apply` fed `before`, then `filler` bytes of `fill` (and no newline), then `after`,
  // through a pipe.
  Applied Apply(const std::string& before, size_t filler, char fill, const std::string& after) {
    int in[2], out[2];
    EXPECT_EQ(pipe(in), 0);
    EXPECT_EQ(pipe(out), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    for (int fd : {in[0], in[1], out[0], out[1]}) posix_spawn_file_actions_addclose(&actions, fd);
    std::vector<std::string> env{"RMC_LEDGER=" + dir_, "RMC_NOW=2026-11-20T09:00:00Z",
                                 "RMC_ACTOR=test", "RMC_ROLE=consulent"};
    for (char** e = environ; *e; ++e) {
      std::string_view var(*e);
      if (!var.starts_with("RMC_LEDGER=") && !var.starts_with("RMC_NOW=") &&
          !var.starts_with("RMC_ACTOR=") && !var.starts_with("RMC_ROLE=") &&
          !var.starts_with("RMC_KEYSTORE="))
        env.emplace_back(*e);
    }
    std::vector<char*> envp;
    for (auto& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    char* argv[] = {const_cast<char*>(RMC_BINARY), const_cast<char*>("apply"), nullptr};
    pid_t pid;
    EXPECT_EQ(posix_spawn(&pid, RMC_BINARY, &actions, nullptr, argv, envp.data()), 0);
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    close(out[1]);
    auto write_all = [&](const char* p, size_t n) {
      while (n > 0) {
        ssize_t w = write(in[1], p, n);
        if (w <= 0) return;
        p += w;
        n -= size_t(w);
      }
    };
    write_all(before.data(), before.size());
    const std::string block(1 << 16, fill);
    for (size_t left = filler; left > 0;) {
      size_t n = std::min(left, block.size());
      write_all(block.data(), n);
      left -= n;
    }
    write_all(after.data(), after.size());
    close(in[1]);
    Applied r{};
    char buf[4096];
    for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) r.out.append(buf, size_t(n));
    close(out[0]);
    int status = 0;
    rusage usage{};
    wait4(pid, &status, 0, &usage);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.peak_kib = usage.ru_maxrss;
    return r;
  }
};

const std::string kNote1 =
    R"({"id":"n1","type":"signal","data":{"subject":{"ref":"J-1"},"channel":"jongere","received":"2026-11-01"}})";
const std::string kNote2 =
    R"({"id":"n2","type":"signal","data":{"subject":{"ref":"J-2"},"channel":"jongere","received":"2026-11-01"}})";

TEST_F(InputLimits, ALineOfTheMostBytesIsRead) {
  // The command, then white space up to 1 MiB.
  auto r = Apply("", 0, ' ',
                 kNote1 + std::string((1 << 20) - kNote1.size(), ' ') + "\n" + kNote2 + "\n");
  EXPECT_EQ(r.code, 0) << r.out;
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0]["ok"], true) << r.out;
  EXPECT_EQ(lines[1]["ok"], true) << r.out;
}

TEST_F(InputLimits, ALongerLineIsRefusedAndTheNextOnesRun) {
  for (size_t extra : {size_t(1), size_t(3) << 20}) {  // past the limit by a byte, and by chunks
    SCOPED_TRACE(extra);
    auto r =
        Apply(kNote1 + "\n" + kNote2, (1 << 20) - kNote2.size() + extra, ' ', "\n" + kNote2 + "\n");
    EXPECT_EQ(r.code, 3) << r.out;
    auto lines = Lines(r.out);
    ASSERT_EQ(lines.size(), 3u) << r.out;
    EXPECT_EQ(lines[0]["ok"], true);
    EXPECT_EQ(lines[1]["ok"], false);
    EXPECT_EQ(lines[1]["id"], "");
    EXPECT_EQ(lines[1]["error"]["code"], "invalid_input");
    EXPECT_NE(lines[1]["error"]["message"].get<std::string>().find("longer than 1048576 bytes"),
              std::string::npos)
        << r.out;
    EXPECT_EQ(lines[2]["id"], "n2");
    EXPECT_EQ(lines[2]["ok"], true) << r.out;
    EXPECT_EQ(lines[2]["duplicate"], false) << "the refused line wrote nothing";
    ASSERT_EQ(Rmc("verify").code, 0);
    std::filesystem::remove_all(dir_);
    ASSERT_EQ(Rmc("init").code, 0);
  }
}

TEST_F(InputLimits, ALineThatEndsTheInputPastTheLimitIsRefused) {
  auto r = Apply(kNote1 + "\n" + kNote2, (1 << 20) - kNote2.size() + 1, ' ', "");  // no newline
  EXPECT_EQ(r.code, 3) << r.out;
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u) << r.out;
  EXPECT_EQ(lines[0]["ok"], true);
  EXPECT_EQ(lines[1]["error"]["code"], "invalid_input");
  EXPECT_NE(lines[1]["error"]["message"].get<std::string>().find("longer than 1048576 bytes"),
            std::string::npos)
      << r.out;
}

TEST_F(InputLimits, AHugeLineTakesNoMoreMemoryThanTheLimit) {
  const size_t huge = size_t(200) << 20;
  auto small = Apply(kNote1 + "\n", 0, ' ', "");
  auto r = Apply("", huge, 'x', "\n" + kNote2 + "\n");
  EXPECT_EQ(r.code, 3) << r.out;
  auto lines = Lines(r.out);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[1]["ok"], true);
  // Reading it whole would take 200 MB; the reader holds at most the limit and a chunk.
  EXPECT_LT(r.peak_kib, small.peak_kib + 16 * 1024) << "small input: " << small.peak_kib << " KiB";
}

TEST_F(InputLimits, ADeeplyNestedJsonFlagIsAUsageErrorNotACrash) {
  // 60,000 levels, within what one argument may hold: it used to overflow the stack.
  const std::string deep = std::string(60'000, '[') + std::string(60'000, ']');
  ASSERT_EQ(Rmc("signal --subject-ref J-1 --channel jongere --received 2026-11-01").code, 0);
  for (const std::string& flag :
       {"correct RMC-000001 --event 2 --reason x --data ", "intake RMC-000001 --answers "}) {
    auto r = Rmc(flag + "'" + deep + "'");
    EXPECT_EQ(r.code, 2) << flag << r.text.substr(0, 200);
    EXPECT_NE(r.text.find("nested deeper than 32 objects and lists"), std::string::npos)
        << r.text.substr(0, 200);
  }
}

}  // namespace
