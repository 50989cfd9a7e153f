// Youths kept in view after their case closed (docs/routekaart.md#youths-kept-in-view), through
// the real binary: `rmc due` and `rmc list` read the birth date to know, show the deadline, and
// account for the read; the evaluator's pseudonymised view reads no birth date, so cannot tell.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <cstdio>
#include <string>

#include "rmc_cli.h"

namespace {

using nlohmann::json;

class KeptInViewCli : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
    // RMC-000001: a jikp youth who needed no support, closed before any intake: kept in view.
    // RMC-000002: a vsv-nieuw youth, closed the same way: not kept in view.
    for (const char* cmd : {
             "signal --subject-ref J-1 --subject-birth-date 2007-03-03 --channel exitgesprek "
             "--received 2025-10-01",
             "review RMC-000001 --checked-with-youth true --checked-with-partners school",
             "triage RMC-000001 --target-group jikp --jikp-perspective arbeid --action-required "
             "true --rationale r",
             "close RMC-000001 --close-reason geen-ondersteuning-nodig",
             "signal --subject-ref J-2 --subject-birth-date 2006-06-06 --channel duo-lijst "
             "--received 2025-10-01",
             "review RMC-000002 --checked-with-youth true --checked-with-partners school",
             "triage RMC-000002 --target-group vsv-nieuw --action-required true --rationale r",
             "close RMC-000002 --close-reason geen-ondersteuning-nodig",
         }) {
      auto r = Rmc(cmd, "consulent", "2025-10-02T09:00:00Z");
      ASSERT_EQ(r.code, 0) << cmd << ": " << r.text;
    }
  }
  int AccessRecords() const {
    auto r = Rmc("--json verify");
    EXPECT_EQ(r.code, 0) << r.text;
    return r.code == 0 ? json::parse(r.text)["access_records"].get<int>() : -1;
  }
};

TEST_F(KeptInViewCli, DueListsTheInBeeldCheckAndAccountsForTheBirthDateRead) {
  const int before = AccessRecords();
  json due = JsonOf("--json due --within 0");
  ASSERT_TRUE(due.is_array()) << due.dump();
  ASSERT_EQ(due.size(), 1u) << due.dump();
  EXPECT_EQ(due[0]["case"], "RMC-000001");
  EXPECT_EQ(due[0]["code"], "in_beeld_check");
  EXPECT_EQ(due[0]["due"], "2026-10-02");
  EXPECT_EQ(AccessRecords(), before + 1) << "one youth's birth date read";
}

TEST_F(KeptInViewCli, ListSaysInBeeld) {
  json list = JsonOf("--json list");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["in_beeld"], true);
  EXPECT_EQ(list[0]["overdue"], true) << "the yearly check was due on 2 October";
  EXPECT_EQ(list[1]["in_beeld"], false);
  auto text = Rmc("list");
  EXPECT_NE(text.text.find("overdue in beeld"), std::string::npos) << text.text;
}

TEST_F(KeptInViewCli, AContactBySubjectMeetsTheCheck) {
  ASSERT_EQ(Rmc("contact --subject J-1 --channel telefoon --outcome bereikt").code, 0);
  EXPECT_EQ(JsonOf("--json due --within 0").size(), 0u);
  auto other = Rmc("contact --subject J-2 --channel telefoon --outcome bereikt");
  EXPECT_EQ(other.code, 5) << other.text;
  EXPECT_NE(other.text.find("unknown_case"), std::string::npos) << other.text;
}

TEST_F(KeptInViewCli, ThePseudonymisedFormReadsNoBirthDateSoCannotTell) {
  json view = JsonOf("--purpose leren --json show RMC-000001", "evaluator");
  EXPECT_TRUE(view["in_beeld"].is_null()) << view.dump();
  for (const auto& d : view["deadlines"]) EXPECT_NE(d["code"], "max_age") << view.dump();
  EXPECT_EQ(view["previous_cases"], json::array());
  json mine = JsonOf("--json show RMC-000001");
  bool max_age = false;
  for (const auto& d : mine["deadlines"]) max_age |= d["code"] == "max_age";
  EXPECT_TRUE(max_age) << mine.dump();
}

// People read labels, scripts read codes (the JSON keeps them).
TEST_F(KeptInViewCli, TheTerminalViewSaysItInDutch) {
  // On a terminal (script(1) gives it one) `show` prints its summary rather than JSON.
  const std::string cmd = "script -qec 'RMC_LEDGER=" + dir_ +
                          " RMC_NOW=2026-11-20T09:00:00Z RMC_ACTOR=test RMC_ROLE=consulent " +
                          RMC_BINARY + " show RMC-000001' /dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  std::string out;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
  ASSERT_EQ(WEXITSTATUS(pclose(p)), 0) << out;
  for (const char* words : {"afgesloten   2025-10-02: geen ondersteuning meer nodig",
                            "in beeld     de jongere wordt na het afsluiten in beeld gehouden",
                            "jongere in beeld houden", "signaal oppakken", "3 oordeel signalering"})
    EXPECT_NE(out.find(words), std::string::npos) << words << "\n" << out;
  for (const char* code : {"in_beeld_check", "pickup", "geen-ondersteuning-nodig", "triage"})
    EXPECT_EQ(out.find(code), std::string::npos) << code << "\n" << out;
}

}  // namespace
