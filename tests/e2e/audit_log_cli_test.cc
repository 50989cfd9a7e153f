// rmc audit log --subject REF through the real binary: a youth's writes and reads in time order
// with activity and purpose, disclosures flagged, no personal value, the accounting roles only,
// and itself a logged read of that youth.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "rmc_cli.h"

namespace {

using nlohmann::json;

class AuditLog : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
    for (const char* ref : {"J-1", "J-2"})
      ASSERT_EQ(Rmc(std::string("signal --subject-ref ") + ref +
                    " --subject-name Yfke --channel jongere --received 2026-11-01")
                    .code,
                0);
    auto share = At("2026-11-20T10:00:00Z",
                    "share RMC-000001 --partner leerplicht --categories onderwijs "
                    "--grondslag wettelijke-taak --doel overdracht --proportionaliteit minimaal "
                    "--subsidiariteit geen");
    ASSERT_EQ(share.code, 0) << share.text;
    ASSERT_EQ(
        At("2026-11-21T09:00:00Z", "--purpose werkoverleg show RMC-000001", "coordinator").code, 0);
    ASSERT_EQ(At("2026-11-21T09:00:00Z", "show RMC-000002").code, 0);
  }
  Out At(const std::string& now, const std::string& args, const std::string& role = "consulent") {
    return rmc::e2e::RunRmc(dir_, args, role, now);
  }
  Out Log(const std::string& ref, const std::string& role = "auditor") {
    return At("2026-11-22T09:00:00Z", "--purpose inzageverzoek --json audit log --subject " + ref,
              role);
  }
};

TEST_F(AuditLog, TheYouthsWritesAndReadsInTimeOrderWithTheirDisclosures) {
  auto r = Log("J-1");
  ASSERT_EQ(r.code, 0) << r.text;
  auto log = json::parse(r.text);
  std::vector<std::string> what;
  for (const auto& p : log) what.push_back(p["what"]);
  EXPECT_EQ(what, (std::vector<std::string>{"CaseOpened", "SignalReceived", "DataShared", "show"}))
      << "J-2's case and read are not in it";
  EXPECT_EQ(log[1]["kind"], "write");
  EXPECT_EQ(log[1]["processing_activity"]["code"], "rmc-signalering");
  EXPECT_EQ(log[1]["processing_activity"]["legal_ground"], "wettelijke-taak (AVG 6.1.e)")
      << "the ground that applied, from the register version the event names";
  EXPECT_FALSE(log[1]["processing_activity"]["purpose"].get<std::string>().empty());
  EXPECT_EQ(log[1]["actor"], "test");
  EXPECT_TRUE(log[1]["disclosure"].is_null());
  EXPECT_EQ(log[2]["disclosure"]["partner"], "leerplicht");
  EXPECT_EQ(log[2]["disclosure"]["grondslag"], "wettelijke-taak");
  EXPECT_EQ(log[3]["kind"], "read");
  EXPECT_EQ(log[3]["role"], "coordinator");
  EXPECT_EQ(log[3]["purpose"], "werkoverleg");
  EXPECT_EQ(log[3]["recorded_at"], "2026-11-21T09:00:00Z");
  EXPECT_EQ(r.text.find("Yfke"), std::string::npos) << "no personal value";
  auto text =
      At("2026-11-22T09:00:00Z", "--purpose inzageverzoek audit log --subject J-1", "coordinator");
  ASSERT_EQ(text.code, 0) << text.text;
  EXPECT_NE(text.text.find("shared with leerplicht (wettelijke-taak)"), std::string::npos)
      << text.text;
}

TEST_F(AuditLog, RefusedForOtherRolesWithoutPurposeAndForAnUnknownRef) {
  for (const char* role : {"consulent", "evaluator"}) {
    auto r = Log("J-1", role);
    EXPECT_EQ(r.code, 7) << role << ": " << r.text;
  }
  EXPECT_EQ(At("2026-11-22T09:00:00Z", "audit log --subject J-1", "auditor").code, 2)
      << "no purpose";
  EXPECT_EQ(At("2026-11-22T09:00:00Z", "--purpose x audit log", "auditor").code, 2) << "no subject";
  auto unknown = Log("J-404");
  EXPECT_EQ(unknown.code, 5) << unknown.text;
  EXPECT_NE(unknown.text.find("J-404"), std::string::npos) << unknown.text;
  EXPECT_EQ(Log("J-1", "system").code, 0);
}

TEST_F(AuditLog, ItIsItselfALoggedReadOfThatYouth) {
  ASSERT_EQ(Log("J-1").code, 0);
  auto reads =
      At("2026-11-23T09:00:00Z", "--purpose controle --json audit reads --subject J-1", "auditor");
  ASSERT_EQ(reads.code, 0) << reads.text;
  auto j = json::parse(reads.text);
  ASSERT_EQ(j.size(), 2u) << j.dump();
  EXPECT_EQ(j[1]["action"], "audit log");
  EXPECT_EQ(j[1]["purpose"], "inzageverzoek");
  // and so it shows in the youth's next log, and so does the look at J-1's reads
  auto again = json::parse(Log("J-1").text);
  ASSERT_GE(again.size(), 2u);
  EXPECT_EQ(again[again.size() - 2]["what"], "audit log");
  EXPECT_EQ(again.back()["what"], "audit reads");
}

}  // namespace
