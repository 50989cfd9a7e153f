// Concurrency between processes on one ledger: LMDB serialises writers, and expected_version
// is checked inside the write transaction, so of several processes that expect the same
// version exactly one wins; without expected_version none of their events is lost.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "../test_dir.h"

namespace {

namespace fs = std::filesystem;

class TwoProcesses : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = rmc::testing::FreshTestDir("rmc-procs");
    env_ = "RMC_LEDGER=" + dir_ + " RMC_NOW=2026-11-20T09:00:00Z RMC_ACTOR=test ";
    ASSERT_EQ(Wait(Start("init")), 0);
    ASSERT_EQ(Wait(Start("signal --subject-ref J-1 --channel jongere --received 2026-11-01")), 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  FILE* Start(const std::string& args) {
    return popen((env_ + RMC_BINARY + " " + args + " 2>&1").c_str(), "r");
  }
  int Wait(FILE* p, std::string* out = nullptr) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
      if (out) out->append(buf, n);
    return WEXITSTATUS(pclose(p));
  }

  std::string dir_, env_;
};

TEST_F(TwoProcesses, OnlyOneOfThoseExpectingTheSameVersionWins) {
  const int kProcesses = 6;
  std::vector<FILE*> running;
  for (int i = 0; i < kProcesses; ++i)
    running.push_back(Start("note RMC-000001 --expected-version 2 --text gebeld-" + std::to_string(i)));
  int won = 0, conflicts = 0;
  for (FILE* p : running) {
    std::string out;
    int code = Wait(p, &out);
    if (code == 0) ++won;
    else if (code == 4 && out.find("version_conflict") != std::string::npos) ++conflicts;
    else ADD_FAILURE() << "exit " << code << ": " << out;
  }
  EXPECT_EQ(won, 1);
  EXPECT_EQ(conflicts, kProcesses - 1);
  std::string out;
  ASSERT_EQ(Wait(Start("show RMC-000001 --json"), &out), 0);
  EXPECT_NE(out.find("\"version\":3"), std::string::npos) << out;
  EXPECT_EQ(Wait(Start("verify")), 0);
}

TEST_F(TwoProcesses, WithoutExpectedVersionNoWriteIsLost) {
  const int kProcesses = 6;
  std::vector<FILE*> running;
  for (int i = 0; i < kProcesses; ++i)
    running.push_back(Start("--json note RMC-000001 --text gebeld-" + std::to_string(i)));
  std::set<std::string> versions;
  for (FILE* p : running) {
    std::string out;
    EXPECT_EQ(Wait(p, &out), 0) << out;
    auto at = out.find("\"version\":");
    if (at != std::string::npos) versions.insert(out.substr(at + 10, out.find_first_of(",}", at) - at - 10));
  }
  EXPECT_EQ(versions, (std::set<std::string>{"3", "4", "5", "6", "7", "8"}));
  EXPECT_EQ(Wait(Start("verify")), 0);
}

}  // namespace
