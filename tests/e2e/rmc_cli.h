// The fixture of the end-to-end tests: a ledger directory of the test's own and the real `rmc`
// binary run in it, with a fixed clock, actor and role.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "../test_dir.h"
#include "rmc_process.h"

namespace rmc::testing {

class RmcCli : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = FreshTestDir("rmc-e2e"); }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  using Out = rmc::e2e::RmcRun;
  // `args` as a shell would split them, in the test's ledger, at `now`.
  Out Rmc(const std::string& args, const std::string& role = "consulent",
          const std::string& now = "2026-11-20T09:00:00Z") const {
    return rmc::e2e::RunRmc(dir_, args, role, now);
  }
  // What a command that must succeed printed, as one JSON value (null when it failed the test).
  nlohmann::json JsonOf(const std::string& args, const std::string& role = "consulent") const {
    Out r = Rmc(args, role);
    EXPECT_EQ(r.code, 0) << args << ": " << r.text;
    return r.code == 0 ? nlohmann::json::parse(r.text) : nlohmann::json();
  }
  // The position of the first event of `type` in the change feed, as text for a flag.
  std::string PositionOf(const std::string& type) const {
    for (const auto& e : Lines(Rmc("events").text))
      if (e["type"] == type) return e["position"].dump();
    ADD_FAILURE() << "no " << type << " in the feed";
    return "0";
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
