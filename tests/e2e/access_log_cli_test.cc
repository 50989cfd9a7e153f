// The access log through the real binary (docs/accountability.md): every read that shows a
// youth's data leaves one record per youth before it shows anything; the log is chained,
// checked by verify, and readable by the roles that account for it, which is itself logged.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "rmc_cli.h"

namespace {

using nlohmann::json;

class AccessLog : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
    for (const char* ref : {"J-1", "J-2", "J-3"})
      ASSERT_EQ(Rmc(std::string("signal --subject-ref ") + ref + " --subject-name Yfke --channel jongere --received 2026-11-01").code, 0);
  }
  json Reads(const std::string& filter = "") {
    auto r = Rmc("--purpose controle --json audit reads " + filter, "auditor");
    EXPECT_EQ(r.code, 0) << r.text;
    return r.code == 0 ? json::parse(r.text) : json::array();
  }
};

TEST_F(AccessLog, WritesLeaveNoAccessRecords) { EXPECT_EQ(Reads().size(), 0u); }

TEST_F(AccessLog, EachReadRecordsWhoWhatWhyAndUnderWhichActivity) {
  ASSERT_EQ(Rmc("--purpose 'leersessie november' show RMC-000002", "evaluator").code, 0);
  auto reads = Reads();
  ASSERT_EQ(reads.size(), 1u) << reads.dump();
  const json& r = reads[0];
  EXPECT_EQ(r["actor"], "test");
  EXPECT_EQ(r["role"], "evaluator");
  EXPECT_EQ(r["action"], "show");
  EXPECT_EQ(r["object"], "RMC-000002");
  EXPECT_EQ(r["purpose"], "leersessie november");
  EXPECT_EQ(r["processing_activity"]["code"], "rmc-evaluatie");
  EXPECT_EQ(r["result"], "ok");
  EXPECT_EQ(r["subject"].get<std::string>().size(), 32u) << "a pseudonymous id, never the ref";
  EXPECT_EQ(r["recorded_at"], "2026-11-20T09:00:00Z");
}

TEST_F(AccessLog, AListWritesOneRecordPerYouthShown) {
  ASSERT_EQ(Rmc("list").code, 0);
  auto reads = Reads("--actor test");
  ASSERT_EQ(reads.size(), 3u) << reads.dump();
  for (const auto& r : reads) EXPECT_EQ(r["action"], "list");
  EXPECT_EQ(reads[0]["trace_id"], reads[2]["trace_id"]) << "one command, one trace";
  EXPECT_NE(reads[0]["span_id"], reads[2]["span_id"]);
  // A filtered list shows, and logs, fewer.
  ASSERT_EQ(Rmc("list --status afgesloten").code, 0);
  EXPECT_EQ(Reads().size(), 3u + 1u) << "3 list records and the audit read before";
}

TEST_F(AccessLog, HistoryAndThePersonalFeedAreAccountedReadsThePlainFeedIsNot) {
  ASSERT_EQ(Rmc("history RMC-000001").code, 0);
  ASSERT_EQ(Rmc("events").code, 0);
  ASSERT_EQ(Rmc("events --personal").code, 0);
  std::vector<std::string> actions;
  for (const auto& r : Reads()) actions.push_back(r["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"history", "events", "events", "events"}));
}

TEST_F(AccessLog, ReadsOfOneYouthAreFoundByTheirRef) {
  ASSERT_EQ(Rmc("show RMC-000001").code, 0);
  ASSERT_EQ(Rmc("show RMC-000003").code, 0);
  auto reads = Reads("--subject J-3");
  ASSERT_EQ(reads.size(), 1u) << reads.dump();
  EXPECT_EQ(reads[0]["object"], "RMC-000003");
  EXPECT_EQ(Reads("--subject J-3 --since 2026-11-21").size(), 0u);
  // Who looked at J-3's data is about J-3: that read is in J-3's reads too.
  auto again = Reads("--subject J-3");
  ASSERT_EQ(again.size(), 3u) << again.dump();
  EXPECT_EQ(again[1]["action"], "audit reads");
  EXPECT_EQ(again[1]["object"], "access-log");
  EXPECT_EQ(again[1]["subject"], reads[0]["subject"]);
  auto unknown = Rmc("--purpose controle audit reads --subject J-404", "auditor");
  EXPECT_EQ(unknown.code, 5) << unknown.text;
  EXPECT_NE(unknown.text.find("J-404"), std::string::npos) << unknown.text;
}

TEST_F(AccessLog, ReadingTheAccessLogIsItselfLogged) {
  Reads();
  auto second = Reads();
  ASSERT_EQ(second.size(), 1u) << second.dump();
  EXPECT_EQ(second[0]["action"], "audit reads");
  EXPECT_EQ(second[0]["object"], "access-log");
  EXPECT_TRUE(second[0]["subject"].is_null());
  EXPECT_EQ(second[0]["processing_activity"]["code"], "rmc-verantwoording");
}

TEST_F(AccessLog, OnlyTheRolesThatAccountMayReadItAndOnlyWithAPurpose) {
  for (const char* role : {"consulent", "evaluator"}) {
    auto r = Rmc("--purpose nieuwsgierig audit reads", role);
    EXPECT_EQ(r.code, 7) << role << ": " << r.text;
    EXPECT_NE(r.text.find("permission_denied"), std::string::npos) << r.text;
  }
  EXPECT_EQ(Rmc("audit reads", "auditor").code, 2) << "no purpose";
  EXPECT_EQ(Rmc("--purpose controle audit reads", "coordinator").code, 0);
  // Refused reads of the log leave nothing in it.
  EXPECT_EQ(Reads().size(), 1u) << "only the coordinator's read";
}

TEST_F(AccessLog, AccountingReadsAreDoneUnderTheAccountabilityActivityWhateverTheRole) {
  ASSERT_EQ(Rmc("--purpose controle audit reads", "coordinator").code, 0);
  ASSERT_EQ(Rmc("--purpose overdracht show RMC-000001", "coordinator").code, 0);
  auto reads = Reads();
  ASSERT_GE(reads.size(), 2u);
  EXPECT_EQ(reads[0]["processing_activity"]["code"], "rmc-verantwoording") << reads[0].dump();
  EXPECT_EQ(reads[1]["processing_activity"]["code"], "rmc-trajectbegeleiding") << "case work";
}

TEST_F(AccessLog, AReadThatFailsShowsNothingAndLogsNothing) {
  EXPECT_EQ(Rmc("show RMC-000099").code, 5);
  EXPECT_EQ(Rmc("show RMC-000001", "auditor").code, 2) << "no purpose";
  EXPECT_EQ(Reads().size(), 0u);
}

TEST_F(AccessLog, WhatCannotBeRecordedFaithfullyIsRefusedAndLogsNothing) {
  // Found by attack: reads took any actor and purpose, so a line break in either forged rows of
  // `audit reads`, and a misspelt $RMC_ROLE read as a consulent, without a purpose.
  auto actor = Rmc("--actor \"$(printf 'a\\nb')\" show RMC-000001");
  EXPECT_EQ(actor.code, 3) << actor.text;
  EXPECT_NE(actor.text.find("invalid_input: actor: holds a control character"), std::string::npos)
      << actor.text;
  EXPECT_EQ(Rmc("--actor \"$(printf 'a\\377')\" list").code, 3) << "not UTF-8";
  auto purpose = Rmc("--purpose \"$(printf 'x\\033[31m')\" show RMC-000001", "auditor");
  EXPECT_EQ(purpose.code, 2) << purpose.text;
  EXPECT_NE(purpose.text.find("--purpose: holds a control character"), std::string::npos)
      << purpose.text;
  auto role = Rmc("show RMC-000001", "auditr");
  EXPECT_EQ(role.code, 2) << role.text;
  EXPECT_NE(role.text.find("auditr not in"), std::string::npos) << role.text;
  EXPECT_EQ(Reads().size(), 0u);
  EXPECT_EQ(Rmc("--actor 'Anna de Vries' --purpose 'controle dossier' show RMC-000001", "auditor").code, 0)
      << "spaces are text, not control characters";
}

TEST_F(AccessLog, VerifyChecksTheAccessChain) {
  ASSERT_EQ(Rmc("list").code, 0);
  auto v = Rmc("--json verify");
  ASSERT_EQ(v.code, 0) << v.text;
  EXPECT_EQ(json::parse(v.text)["access_records"], 3);
}

}  // namespace
