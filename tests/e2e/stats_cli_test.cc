// `rmc stats` through the real binary: every role reads it without --purpose, it needs no keys,
// and a case whose subject was erased still counts.
#include "rmc_cli.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "rmc_process.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class StatsCli : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
  }
  json Stats(const std::string& role = "consulent") {
    auto r = Rmc("stats --json", role);
    EXPECT_EQ(r.code, 0) << role << ": " << r.text;
    return r.code == 0 ? json::parse(r.text) : json();
  }
  void OneTriagedCase() {
    ASSERT_EQ(
        Rmc("signal --subject-ref J-1 --subject-name Yfke --channel jongere --received 2026-11-01 "
            "--suspected-reason 'gestopt met school'")
            .code,
        0);
    ASSERT_EQ(
        Rmc("review RMC-000001 --checked-with-youth true --checked-with-partners 'ROC Midden'")
            .code,
        0);
    ASSERT_EQ(
        Rmc("triage RMC-000001 --target-group vsv-nieuw --action-required true --rationale r").code,
        0);
  }
};

TEST_F(StatsCli, AnEmptyLedgerCountsNothing) {
  json j = Stats();
  EXPECT_EQ(j["date"], "2026-11-20");
  EXPECT_EQ(j["cases"], 0);
  EXPECT_EQ(j["target_group"]["vsv-nieuw"], 0);
  auto text = Rmc("stats");
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.text.find("RMC-cijfers op 2026-11-20"), std::string::npos) << text.text;
}

TEST_F(StatsCli, EveryRoleReadsItWithoutAPurpose) {
  OneTriagedCase();
  for (const char* role : {"consulent", "coordinator", "auditor", "evaluator", "system"}) {
    json j = Stats(role);
    EXPECT_EQ(j["cases"], 1) << role;
    EXPECT_EQ(j["target_group"]["vsv-nieuw"], 1) << role;
    EXPECT_EQ(j["channel"]["jongere"], 1) << role;
  }
  auto text = Rmc("stats", "evaluator");
  ASSERT_EQ(text.code, 0) << text.text;
  for (const char* personal : {"Yfke", "J-1", "gestopt", "ROC Midden", "test"})
    EXPECT_EQ(text.text.find(personal), std::string::npos) << personal << " in:\n" << text.text;
}

TEST_F(StatsCli, AnErasedSubjectStillCounts) {
  OneTriagedCase();
  auto f =
      Rmc("forget-subject --subject J-1 --grondslag avg-art17 --reason verzoek", "coordinator");
  ASSERT_EQ(f.code, 0) << f.text;
  json j = Stats();
  EXPECT_EQ(j["cases"], 1);
  EXPECT_EQ(j["status"]["open"], 1);
  EXPECT_EQ(j["report_quality"]["triaged"], 1);
  EXPECT_EQ(j["report_quality"]["channel"]["jongere"]["missing"]["reason"], 0);
  EXPECT_EQ(j["report_quality"]["channel"]["jongere"]["missing"]["youth_agreements"], 1);
}

TEST_F(StatsCli, ItNeedsNoKeys) {
  OneTriagedCase();
  fs::rename(dir_ + "/keystore", dir_ + "-keys");
  json j = Stats();
  fs::rename(dir_ + "-keys", dir_ + "/keystore");
  EXPECT_EQ(j["cases"], 1) << "stats opens the store only, never the keystore";
}

TEST_F(StatsCli, NoLedgerIsNotFound) {
  fs::remove_all(dir_);
  auto r = Rmc("stats");
  EXPECT_EQ(r.code, 5) << r.text;
  EXPECT_NE(r.text.find("not_found"), std::string::npos) << r.text;
}

}  // namespace
