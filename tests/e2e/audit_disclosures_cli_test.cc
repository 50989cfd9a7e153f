// `rmc audit disclosures` through the real binary (docs/routekaart.md#privacy;
// docs/accountability.md): every disclosure to a partner with its four thinking steps, filtered
// by youth and partner; each youth shown is an accounted read; auditor, coordinator and system
// only, with a purpose.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "rmc_cli.h"

namespace {

using nlohmann::json;

class AuditDisclosures : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
    for (const char* cmd : {
             "signal --subject-ref J-1 --subject-name Yfke --channel jongere --received 2026-11-01",
             "signal --subject-ref J-2 --subject-name Bram --channel jongere --received 2026-11-02",
             "share RMC-000001 --partner 'ROC Midden' --categories verzuim,onderwijs --grondslag wettelijke-taak "
             "--doel 'inschrijving regelen' --proportionaliteit 'alleen verzuim' --subsidiariteit 'geen andere weg'",
             "share RMC-000002 --partner Gemeente --categories verzuim --grondslag wettelijke-taak "
             "--doel melding --proportionaliteit p --subsidiariteit s",
             "share RMC-000001 --partner Gemeente --categories verzuim --grondslag wettelijke-taak "
             "--doel 'tweede melding' --proportionaliteit p --subsidiariteit s",
         }) {
      auto r = Rmc(cmd);
      ASSERT_EQ(r.code, 0) << cmd << ": " << r.text;
    }
  }
  json List(const std::string& filter = "", const std::string& role = "auditor") {
    return JsonOf("--purpose controle --json audit disclosures " + filter, role);
  }
  json Reads(const std::string& filter = "") {
    return JsonOf("--purpose controle --json audit reads " + filter, "auditor");
  }
};

TEST_F(AuditDisclosures, ListsEveryDisclosureWithItsFourThinkingSteps) {
  json all = List();
  ASSERT_EQ(all.size(), 3u) << all.dump();
  const json& d = all[0];
  EXPECT_EQ(d["case"], "RMC-000001");
  EXPECT_EQ(d["partner"], "ROC Midden");
  EXPECT_EQ(d["categories"], json::array({"verzuim", "onderwijs"}));
  EXPECT_EQ(d["grondslag"], "wettelijke-taak");
  EXPECT_EQ(d["doel"], "inschrijving regelen");
  EXPECT_EQ(d["proportionaliteit"], "alleen verzuim");
  EXPECT_EQ(d["subsidiariteit"], "geen andere weg");
  EXPECT_EQ(d["actor"], "test");
  EXPECT_EQ(d["role"], "consulent");
  EXPECT_EQ(d["date"], "2026-11-20T09:00:00Z");
  EXPECT_EQ(d["subject"].get<std::string>().size(), 32u) << "the pseudonymous id, never the ref";
  EXPECT_EQ(all.dump().find("Yfke"), std::string::npos);
  EXPECT_EQ(all.dump().find("J-1"), std::string::npos);
  auto text = Rmc("--purpose controle audit disclosures", "auditor");
  ASSERT_EQ(text.code, 0) << text.text;
  for (const char* s : {"ROC Midden", "verzuim,onderwijs", "doel: inschrijving regelen", "subsidiariteit: s"})
    EXPECT_NE(text.text.find(s), std::string::npos) << s << " in\n" << text.text;
}

// The table shows the local Dutch date, as history and the case view do; the JSON the time.
TEST_F(AuditDisclosures, TheTableShowsTheLocalDateOfADisclosure) {
  auto late = Rmc("share RMC-000002 --partner Wijkteam --categories verzuim --grondslag "
                  "wettelijke-taak --doel d --proportionaliteit p --subsidiariteit s "
                  "--occurred-at 2026-11-20T23:30:00Z",
                  "consulent", "2026-11-21T08:00:00Z");
  ASSERT_EQ(late.code, 0) << late.text;
  json all = List("--partner Wijkteam");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0]["date"], "2026-11-20T23:30:00Z") << "the JSON keeps the time";
  auto text = Rmc("--purpose controle audit disclosures --partner Wijkteam", "auditor");
  EXPECT_NE(text.text.find(" 2026-11-21 "), std::string::npos) << "00:30 in Amsterdam:\n" << text.text;
  EXPECT_EQ(text.text.find("2026-11-20"), std::string::npos) << text.text;
}

TEST_F(AuditDisclosures, FiltersByYouthAndByPartner) {
  json j1 = List("--subject J-1");
  ASSERT_EQ(j1.size(), 2u) << j1.dump();
  for (const auto& d : j1) EXPECT_EQ(d["case"], "RMC-000001");
  json gemeente = List("--partner Gemeente");
  ASSERT_EQ(gemeente.size(), 2u);
  for (const auto& d : gemeente) EXPECT_EQ(d["partner"], "Gemeente");
  EXPECT_EQ(List("--subject J-2 --partner 'ROC Midden'").size(), 0u);
  EXPECT_EQ(List("--partner 'Nobody'").size(), 0u);
  auto unknown = Rmc("--purpose controle audit disclosures --subject J-404", "auditor");
  EXPECT_EQ(unknown.code, 5) << unknown.text;
  EXPECT_NE(unknown.text.find("J-404"), std::string::npos);
}

TEST_F(AuditDisclosures, ACorrectedDisclosureIsListedAsCorrected) {
  const auto position = List()[0]["position"].get<uint64_t>();
  auto r = Rmc("correct RMC-000001 --event " + std::to_string(position) +
               " --data '{\"partner\":\"ROC Utrecht\"}' --reason 'verkeerde school'");
  ASSERT_EQ(r.code, 0) << r.text;
  json utrecht = List("--partner 'ROC Utrecht'");
  ASSERT_EQ(utrecht.size(), 1u) << utrecht.dump();
  EXPECT_EQ(utrecht[0]["position"], position);
  EXPECT_EQ(utrecht[0]["doel"], "inschrijving regelen");
  EXPECT_EQ(utrecht[0]["corrections"].size(), 1u);
  EXPECT_EQ(List("--partner 'ROC Midden'").size(), 0u);
  auto text = Rmc("--purpose controle audit disclosures --partner 'ROC Utrecht'", "auditor");
  EXPECT_NE(text.text.find("corrected by: " + utrecht[0]["corrections"][0].dump()), std::string::npos)
      << text.text;
}

TEST_F(AuditDisclosures, EachYouthShownIsAnAccountedRead) {
  List();
  auto reads = Reads();
  ASSERT_EQ(reads.size(), 2u) << "one per case shown, not per disclosure: " << reads.dump();
  EXPECT_EQ(reads[0]["action"], "audit disclosures");
  EXPECT_EQ(reads[0]["object"], "RMC-000001");
  EXPECT_EQ(reads[1]["object"], "RMC-000002");
  EXPECT_EQ(reads[0]["purpose"], "controle");
  EXPECT_EQ(reads[0]["processing_activity"]["code"], "rmc-verantwoording");
  List("--subject J-2");
  EXPECT_EQ(Reads("--subject J-2").size(), 2u) << "the earlier listing and this one";
  EXPECT_EQ(Reads("--subject J-1").size(), 1u) << "J-1 was not shown the second time";
  List("--partner Nobody");
  // 2 + 1 listing records and 3 reads of the log: the empty listing showed no youth.
  EXPECT_EQ(Reads("--since 2026-11-20").size(), 2u + 1u + 3u);
}

TEST_F(AuditDisclosures, AnErasedYouthsDisclosuresRemainAsFactsAndTheReadSaysErased) {
  ASSERT_EQ(Rmc("forget_subject --subject J-2 --grondslag avg-art17 --reason verzoek", "coordinator").code, 0);
  json gemeente = List("--partner Gemeente");
  ASSERT_EQ(gemeente.size(), 2u);
  const json& erased = gemeente[0];
  EXPECT_EQ(erased["case"], "RMC-000002");
  EXPECT_EQ(erased["partner"], "Gemeente");
  EXPECT_EQ(erased["categories"], json::array({"verzuim"}));
  EXPECT_EQ(erased["grondslag"], "wettelijke-taak");
  EXPECT_EQ(erased["erased"], true);
  for (const char* step : {"doel", "proportionaliteit", "subsidiariteit"})
    EXPECT_TRUE(erased[step].is_null()) << step << " went with the key: " << erased.dump();
  EXPECT_EQ(gemeente[1]["erased"], false);
  EXPECT_EQ(gemeente[1]["doel"], "tweede melding") << "another youth's are still unsealed";
  auto text = Rmc("--purpose controle audit disclosures --partner Gemeente", "auditor");
  EXPECT_NE(text.text.find("doel: (erased)"), std::string::npos) << text.text;
  auto reads = Reads("--subject J-2");
  ASSERT_EQ(reads.size(), 2u);
  EXPECT_EQ(reads[1]["result"], "erased");
}

TEST_F(AuditDisclosures, NothingCanBeSharedOfAYouthWhoseDataWasErased) {
  ASSERT_EQ(Rmc("forget_subject --subject J-2 --grondslag avg-art17 --reason verzoek", "coordinator").code, 0);
  auto r = Rmc("share RMC-000002 --partner Gemeente --categories verzuim --grondslag wettelijke-taak "
               "--doel 'nog een melding' --proportionaliteit p --subsidiariteit s");
  EXPECT_EQ(r.code, 8) << r.text;
  EXPECT_NE(r.text.find("subject_erased"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("(doel, proportionaliteit, subsidiariteit)"), std::string::npos)
      << "the refusal names what the command holds about the youth: " << r.text;
  EXPECT_EQ(List("--partner Gemeente").size(), 2u) << "nothing was written";
}

TEST_F(AuditDisclosures, OnlyTheRolesThatAccountMayListThemAndOnlyWithAPurpose) {
  for (const char* role : {"consulent", "evaluator"}) {
    auto r = Rmc("--purpose nieuwsgierig audit disclosures", role);
    EXPECT_EQ(r.code, 7) << role << ": " << r.text;
    EXPECT_NE(r.text.find("permission_denied"), std::string::npos) << r.text;
  }
  EXPECT_EQ(Rmc("audit disclosures", "auditor").code, 2) << "no purpose";
  EXPECT_EQ(Reads().size(), 0u) << "refused listings log nothing";
  EXPECT_EQ(List("", "coordinator").size(), 3u);
  EXPECT_EQ(List("", "system").size(), 3u);
}

// Step 12 feeds results back to partners (§5.1): a disclosure too, one per partner, on the
// statutory task, of what relates to the absence unless the feedback names its categories.
TEST_F(AuditDisclosures, FeedbackToPartnersIsListedAsADisclosure) {
  for (const char* cmd :
       {"triage RMC-000002 --target-group geen --action-required false --rationale 'geen doelgroep' "
        "--reason 'bekend bij het wijkteam'",
        "feedback RMC-000002 --partners Gemeente,leerplicht --summary 'geen RMC-doelgroep' "
        "--limited-to-case true",
        "feedback RMC-000001 --partners ROC --summary s --limited-to-case true --categories "
        "onderwijs --reason 'tussentijds'"}) {
    auto r = Rmc(cmd);
    ASSERT_EQ(r.code, 0) << cmd << ": " << r.text;
  }
  json all = List();
  ASSERT_EQ(all.size(), 6u) << all.dump();
  std::vector<json> feedback;
  for (const auto& d : all) {
    if (d["kind"] == "feedback") feedback.push_back(d);
    else EXPECT_EQ(d["kind"], "share");
  }
  ASSERT_EQ(feedback.size(), 3u);
  EXPECT_EQ(feedback[0]["case"], "RMC-000002");
  EXPECT_EQ(feedback[0]["partner"], "Gemeente");
  EXPECT_EQ(feedback[1]["partner"], "leerplicht");
  EXPECT_EQ(feedback[0]["categories"], json::array({"verzuim"})) << "the default";
  EXPECT_EQ(feedback[0]["grondslag"], "wettelijke-taak");
  EXPECT_TRUE(feedback[0]["doel"].is_null());
  EXPECT_EQ(feedback[2]["categories"], json::array({"onderwijs"}));
  EXPECT_EQ(List("--partner leerplicht").size(), 1u);
  auto text = Rmc("--purpose controle audit disclosures --subject J-2", "auditor");
  EXPECT_NE(text.text.find("feedback: results fed back in step 12"), std::string::npos) << text.text;
}

}  // namespace
