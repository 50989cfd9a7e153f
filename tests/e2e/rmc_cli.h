// The fixture of the end-to-end tests: a ledger directory of the test's own and the real `rmc`
// binary run in it, with a fixed clock, actor and role.
#pragma once

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace rmc::testing {

class RmcCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("rmc-e2e-" + std::to_string(getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  struct Out {
    int code;
    std::string text;  // standard output and standard error
  };
  // `args` as a shell would split them, in the test's ledger.
  Out Rmc(const std::string& args, const std::string& role = "consulent") const {
    std::string cmd = "RMC_LEDGER=" + dir_ + " RMC_NOW=2026-11-20T09:00:00Z RMC_ACTOR=test RMC_ROLE=" +
                      role + " " + RMC_BINARY + " " + args + " 2>&1";
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    return {WEXITSTATUS(pclose(p)), out};
  }
  // What a command that must succeed printed, as one JSON value (null when it failed the test).
  nlohmann::json JsonOf(const std::string& args, const std::string& role = "consulent") const {
    Out r = Rmc(args, role);
    EXPECT_EQ(r.code, 0) << args << ": " << r.text;
    return r.code == 0 ? nlohmann::json::parse(r.text) : nlohmann::json();
  }
  // JSON Lines as JSON values.
  static std::vector<nlohmann::json> Lines(const std::string& text) {
    std::vector<nlohmann::json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(nlohmann::json::parse(line));
    return out;
  }

  std::string dir_;
};

}  // namespace rmc::testing
