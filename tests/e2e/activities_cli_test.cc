// The register of processing activities through the real binary: every role reads it, the
// coordinator changes it, and --activity records a write or a read under a registered activity
// and refuses an unknown one before anything is written or shown.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "rmc_cli.h"

namespace {

using nlohmann::json;

class ActivitiesCli : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
    ASSERT_EQ(Rmc("signal --subject-ref J-1 --subject-name Yfke --channel jongere --received 2026-11-01").code, 0);
  }
  json Reads() { return json::parse(Rmc("--purpose controle --json audit reads", "auditor").text); }
};

TEST_F(ActivitiesCli, EveryRoleReadsTheRegisterWithoutAPurpose) {
  for (const char* role : {"consulent", "evaluator", "auditor"}) {
    auto r = Rmc("--json audit activities", role);
    ASSERT_EQ(r.code, 0) << role << ": " << r.text;
    json list = json::parse(r.text);
    ASSERT_EQ(list.size(), 6u) << r.text;
    EXPECT_EQ(list[0]["code"], "rmc-begeleiding-23-27");
    EXPECT_EQ(list[0]["legal_ground"], "toestemming");
    for (const auto& a : list)
      for (const char* field : {"version", "name", "purpose", "legal_ground", "retention", "data_categories", "recipient_categories"})
        EXPECT_TRUE(a.contains(field)) << a.dump();
  }
  EXPECT_EQ(Reads().size(), 0u) << "the register holds no personal data: reading it is not logged";
}

TEST_F(ActivitiesCli, TheCoordinatorRegistersANewVersionKeepingWhatIsNotGiven) {
  auto r = Rmc("--json audit register-activity --code rmc-nazorg --retention '5 jaar'", "coordinator");
  ASSERT_EQ(r.code, 0) << r.text;
  json v2 = json::parse(r.text);
  EXPECT_EQ(v2["version"], 2);
  EXPECT_EQ(v2["retention"], "5 jaar");
  EXPECT_EQ(v2["name"], "Nazorg en afsluiting") << "kept from version 1";
  auto all = json::parse(Rmc("--json audit activities --all").text);
  EXPECT_EQ(all.size(), 7u);
  auto current = json::parse(Rmc("--json audit activities").text);
  for (const auto& a : current)
    if (a["code"] == "rmc-nazorg") EXPECT_EQ(a["version"], 2);
  EXPECT_EQ(Rmc("verify").code, 0);
}

TEST_F(ActivitiesCli, OthersMayNotChangeItAndABadEntryIsRefused) {
  EXPECT_EQ(Rmc("audit register-activity --code rmc-nazorg --retention x").code, 7);
  EXPECT_EQ(Rmc("audit register-activity --code rmc-nazorg --retention x", "auditor").code, 7);
  auto no_ground = Rmc("audit register-activity --code regio-x --name X --processing-purpose p --retention r", "coordinator");
  EXPECT_EQ(no_ground.code, 3) << no_ground.text;
  EXPECT_NE(no_ground.text.find("legal-ground"), std::string::npos) << no_ground.text;
  EXPECT_EQ(Rmc("audit register-activity --code regio-x --name X --processing-purpose p --retention r "
                "--legal-ground willekeur", "coordinator").code, 3);
  EXPECT_EQ(json::parse(Rmc("--json audit activities --all").text).size(), 6u) << "nothing registered";
  EXPECT_EQ(Rmc("audit register-activity --code regio-x --name X --processing-purpose p --retention r "
                "--legal-ground toestemming --data-categories verzuim", "coordinator").code, 0);
}

TEST_F(ActivitiesCli, AWriteOrReadIsRecordedUnderTheActivityItNames) {
  ASSERT_EQ(Rmc("--activity rmc-begeleiding-23-27 note RMC-000001 --text 'toestemming gegeven'").code, 0);
  ASSERT_EQ(Rmc("--activity rmc-begeleiding-23-27 show RMC-000001").code, 0);
  json note;
  for (const auto& e : json::parse(Rmc("--json history RMC-000001").text))
    if (e["type"] == "NoteAdded") note = e;
  EXPECT_EQ(note["processing_activity"], json::parse(R"({"code":"rmc-begeleiding-23-27","version":1})"));
  auto reads = Reads();
  ASSERT_GE(reads.size(), 2u);
  EXPECT_EQ(reads[0]["action"], "show");
  EXPECT_EQ(reads[0]["processing_activity"]["code"], "rmc-begeleiding-23-27");
  EXPECT_EQ(reads[1]["processing_activity"]["code"], "rmc-trajectbegeleiding") << "history without --activity";
}

TEST_F(ActivitiesCli, AnUnknownActivityIsRefusedAndNothingIsWrittenOrShown) {
  auto write = Rmc("--activity regio-onbekend note RMC-000001 --text x");
  EXPECT_EQ(write.code, 3) << write.text;
  EXPECT_NE(write.text.find("regio-onbekend"), std::string::npos) << write.text;
  auto read = Rmc("--activity regio-onbekend show RMC-000001");
  EXPECT_EQ(read.code, 3) << read.text;
  EXPECT_EQ(read.text.find("Yfke"), std::string::npos) << read.text;
  EXPECT_EQ(json::parse(Rmc("--json history RMC-000001").text).size(), 2u) << "CaseOpened and SignalReceived only";
  EXPECT_EQ(Reads().size(), 1u) << "the history above, not the refused show";
}

}  // namespace
