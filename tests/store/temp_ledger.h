// The temporary ledger of the store tests: created in SetUp (RMC_NOW fixed) in a directory of
// the test's own (test_dir.h), removed in TearDown, commands run through Ledger::Execute as
// `rmc apply` would. A fixture that needs another region sets region_ in its constructor.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "../file_facts.h"
#include "../test_dir.h"
#include "ledger/ledger.h"

namespace rmc {

using rmc::testing::Slurp;

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
    auto l = Ledger::Create(Paths(), {{"region", region_}}, "test");
    ASSERT_TRUE(l.ok()) << l.status().message();
    ledger_ = std::move(*l);
  }
  void TearDown() override {
    ledger_.reset();
    std::filesystem::remove_all(dir_);
  }

  LedgerPaths Paths() const { return {dir_, dir_ + "/keystore"}; }

  Outcome Run(const std::string& line, schema::Role role = schema::Role::CONSULENT) {
    std::vector<Command> cs;
    cs.push_back(Parsed(line, role));
    return ledger_->Execute(cs, false)[0];
  }

  std::string region_ = "Test";
  std::string dir_;
  std::unique_ptr<Ledger> ledger_;
};

}  // namespace rmc
