// A ledger in a temporary directory for store tests: created in SetUp (RMC_NOW fixed), removed
// in TearDown, commands run through Ledger::Execute as `rmc apply` would.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "../test_dir.h"
#include "ledger/ledger.h"

namespace rmc {

inline std::string Slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

inline Command Parsed(const std::string& line, schema::Role role = schema::Role::CONSULENT) {
  auto c = ParseCommand(line, {"test", role});
  EXPECT_TRUE(c.ok()) << c.status().message();
  return std::move(*c);
}

class TempLedger : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = rmc::testing::FreshTestDir("rmc-store");
    setenv("RMC_NOW", "2026-11-20T09:00:00Z", 1);
    auto l = Ledger::Create({dir_, dir_ + "/keystore"}, {{"region", "Test"}}, "test");
    ASSERT_TRUE(l.ok()) << l.status().message();
    ledger_ = std::move(*l);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  Outcome Run(const std::string& line, schema::Role role = schema::Role::CONSULENT) {
    std::vector<Command> cs;
    cs.push_back(Parsed(line, role));
    return ledger_->Execute(cs, false)[0];
  }

  std::string dir_;
  std::unique_ptr<Ledger> ledger_;
};

}  // namespace rmc
