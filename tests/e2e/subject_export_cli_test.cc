// `rmc subject export REF` through the real binary (AVG art. 15, docs/accountability.md): the
// youth's personal data, every case, every event in plain language, the disclosures, consents
// and reads; JSON or one escaped HTML page; itself a logged read; coordinator and system only.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "rmc_cli.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const char* kExport = "--purpose inzageverzoek subject export J-1";

class SubjectExport : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
    // J-1: RMC-000001 (consent given, refused and withdrawn; one disclosure; closed), then
    // RMC-000003. J-2: RMC-000002, with a disclosure of its own.
    for (const char* cmd : {
             "signal --subject-ref J-1 --subject-name 'Yfke <script>alert(1)</script>' --channel jongere "
             "--received 2026-11-01",
             "signal --subject-ref J-2 --subject-name Bram --channel jongere --received 2026-11-02",
             "triage RMC-000001 --target-group vsv-nieuw --action-required true --rationale r --reason vlot",
             "consent RMC-000001 --given true --partners 'ROC Midden' --categories verzuim "
             "--purpose 'terug naar school' --reason vlot",
             "consent RMC-000001 --given false --partners Gemeente --categories zorg --purpose 'hulp thuis'",
             "share RMC-000001 --partner 'ROC Midden' --categories verzuim --grondslag toestemming "
             "--doel 'inschrijving regelen' --proportionaliteit 'alleen verzuim' --subsidiariteit 'geen andere weg'",
             "consent_withdrawn RMC-000001 --partners 'ROC Midden' --reason 'belde zelf'",
             "close RMC-000001 --close-reason verhuisd",
             "signal --subject-ref J-1 --channel duo-lijst --received 2026-11-12",
             "share RMC-000002 --partner Gemeente --categories verzuim --grondslag wettelijke-taak "
             "--doel melding --proportionaliteit p --subsidiariteit s",
         }) {
      auto r = Rmc(cmd);
      ASSERT_EQ(r.code, 0) << cmd << ": " << r.text;
    }
  }
  json Export(const std::string& flags = "") {
    return JsonOf(std::string(kExport) + " " + flags, "coordinator");
  }
  json Reads(const std::string& filter = "") {
    return JsonOf("--purpose controle --json audit reads " + filter, "auditor");
  }
};

TEST_F(SubjectExport, HoldsThePersonalDataEveryCaseAndEveryEventInPlainLanguage) {
  json x = Export();
  EXPECT_EQ(x["subject"]["ref"], "J-1");
  EXPECT_FALSE(x["subject"]["erased"]);
  EXPECT_EQ(x["subject"]["personal_data"]["name"], "Yfke <script>alert(1)</script>");
  std::vector<std::string> cases;
  for (const auto& c : x["cases"]) cases.push_back(c["case"]);
  EXPECT_EQ(cases, (std::vector<std::string>{"RMC-000001", "RMC-000003"}));
  // Every event of both cases, in log order, none of J-2's.
  size_t expected = 0;
  for (const char* c : {"RMC-000001", "RMC-000003"})
    expected += json::parse(Rmc(std::string("--json history ") + c).text).size();
  ASSERT_EQ(x["events"].size(), expected);
  uint64_t last = 0;
  for (const auto& e : x["events"]) {
    EXPECT_NE(e["case"], "RMC-000002") << e.dump();
    EXPECT_GT(e["position"].get<uint64_t>(), last);
    last = e["position"];
    EXPECT_EQ(e["description"].get<std::string>().rfind("Gebeurtenis", 0), std::string::npos) << e.dump();
  }
  EXPECT_EQ(x["events"][1]["description"], "Signaal ontvangen via jongere op 2026-11-01");
}

TEST_F(SubjectExport, HoldsThePersonalDataAsCorrected) {
  auto c = Rmc("correct RMC-000001 --event " + PositionOf("SignalReceived") + " --data '{\"subject\":{\"ref\":\"J-1\",\"name\":\"Yfke Jansen\"}}' "
               "--reason typfout");
  ASSERT_EQ(c.code, 0) << c.text;
  EXPECT_EQ(Export()["subject"]["personal_data"]["name"], "Yfke Jansen");
}

TEST_F(SubjectExport, HoldsTheDisclosuresAndEveryConsent) {
  json x = Export();
  ASSERT_EQ(x["disclosures"].size(), 1u) << x["disclosures"].dump();
  const json& d = x["disclosures"][0];
  EXPECT_EQ(d["partner"], "ROC Midden");
  EXPECT_EQ(d["categories"], json::array({"verzuim"}));
  EXPECT_EQ(d["grondslag"], "toestemming");
  EXPECT_EQ(d["doel"], "inschrijving regelen");
  EXPECT_EQ(d["proportionaliteit"], "alleen verzuim");
  EXPECT_EQ(d["subsidiariteit"], "geen andere weg");
  std::vector<std::string> kinds;
  for (const auto& c : x["consents"]) kinds.push_back(c["kind"]);
  EXPECT_EQ(kinds, (std::vector<std::string>{"given", "refused", "withdrawn"}));
  EXPECT_EQ(x["consents"][0]["purpose"], "terug naar school");
  EXPECT_EQ(x["consents"][1]["partners"], json::array({"Gemeente"}));
}

TEST_F(SubjectExport, HoldsEveryReadByRoleAndNamesActorsOnlyWhenAsked) {
  ASSERT_EQ(Rmc("--actor a.collega show RMC-000001").code, 0);
  ASSERT_EQ(Rmc("--actor b.auditor --purpose steekproef show RMC-000003", "auditor").code, 0);
  ASSERT_EQ(Rmc("show RMC-000002").code, 0) << "J-2's read is not J-1's";
  json x = Export();
  ASSERT_EQ(x["reads"].size(), 2u) << x["reads"].dump();
  EXPECT_EQ(x["reads"][0]["role"], "consulent");
  EXPECT_EQ(x["reads"][0]["action"], "show");
  EXPECT_EQ(x["reads"][1]["purpose"], "steekproef");
  EXPECT_FALSE(x["reads"][0].contains("actor"));
  EXPECT_EQ(x.dump().find("a.collega"), std::string::npos);
  EXPECT_FALSE(x["actors_named"]);
  json named = Export("--name-actors");
  EXPECT_TRUE(named["actors_named"]);
  EXPECT_EQ(named["reads"][0]["actor"], "a.collega");
  EXPECT_EQ(named["reads"][1]["actor"], "b.auditor");
  EXPECT_EQ(named["events"][0]["actor"], "test");
}

TEST_F(SubjectExport, IsALoggedReadThatTheNextExportShows) {
  Export();
  auto reads = Reads("--subject J-1");
  ASSERT_EQ(reads.size(), 2u) << "one record per case: " << reads.dump();
  for (const auto& r : reads) {
    EXPECT_EQ(r["action"], "subject export");
    EXPECT_EQ(r["role"], "coordinator");
    EXPECT_EQ(r["purpose"], "inzageverzoek");
  }
  EXPECT_EQ(reads[0]["object"], "RMC-000001");
  EXPECT_EQ(reads[1]["object"], "RMC-000003");
  EXPECT_EQ(reads[0]["trace_id"], reads[1]["trace_id"]);
  json again = Export();
  ASSERT_EQ(again["reads"].size(), 3u) << "the export's two, and the look at J-1's reads";
  EXPECT_EQ(again["reads"][0]["action"], "subject export");
  EXPECT_EQ(again["reads"][2]["action"], "audit reads");
}

// The results fed back in step 12 are a disclosure too: the youth sees to whom, of what and why.
TEST_F(SubjectExport, HoldsTheFeedbackToPartnersAsADisclosure) {
  auto fed = Rmc("feedback RMC-000001 --partners leerplicht --summary 'verhuisd naar Zwolle' "
                 "--limited-to-case true");
  ASSERT_EQ(fed.code, 0) << fed.text;
  json x = Export();
  ASSERT_EQ(x["disclosures"].size(), 2u) << x["disclosures"].dump();
  const json& d = x["disclosures"][1];
  EXPECT_EQ(d["kind"], "feedback");
  EXPECT_EQ(d["partner"], "leerplicht");
  EXPECT_EQ(d["categories"], json::array({"verzuim"}));
  EXPECT_EQ(d["grondslag"], "wettelijke-taak");
  EXPECT_EQ(x["disclosures"][0]["kind"], "share");
  auto page = Rmc(std::string(kExport) + " --format html", "coordinator");
  ASSERT_EQ(page.code, 0) << page.text;
  EXPECT_NE(page.text.find("terugkoppeling van de uitkomst van uw traject"), std::string::npos);
}

TEST_F(SubjectExport, HtmlIsOneSelfContainedPageWithEverythingEscaped) {
  auto r = Rmc(std::string(kExport) + " --format html", "coordinator");
  ASSERT_EQ(r.code, 0) << r.text;
  const std::string& html = r.text;
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("Yfke &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos) << "no script, not even the youth's name";
  for (const char* external : {"<link", "src=", "href=", "url(", "@import"})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  for (const char* text :
       {"RMC-000001", "RMC-000003", "ROC Midden", "inschrijving regelen", "ingetrokken",
        "Signaal ontvangen via jongere op 1 nov 2026", "Autoriteit Persoonsgegevens"})
    EXPECT_NE(html.find(text), std::string::npos) << text;
}

TEST_F(SubjectExport, AfterAnErasureHoldsNoPersonalValueAndSaysSo) {
  ASSERT_EQ(Rmc("show RMC-000001").code, 0);
  ASSERT_EQ(Rmc("forget_subject --subject J-1 --grondslag avg-art17 --reason verzoek", "coordinator").code, 0);
  json x = Export();
  EXPECT_TRUE(x["subject"]["erased"]);
  EXPECT_TRUE(x["subject"]["ref"].is_null());
  EXPECT_TRUE(x["subject"]["personal_data"].is_null());
  EXPECT_EQ(x.dump().find("Yfke"), std::string::npos);
  EXPECT_EQ(x.dump().find("J-1"), std::string::npos) << "not even the ref";
  EXPECT_EQ(x["cases"].size(), 2u);
  EXPECT_EQ(x["disclosures"].size(), 1u) << "the facts remain";
  EXPECT_EQ(x["disclosures"][0]["partner"], "ROC Midden");
  EXPECT_TRUE(x["disclosures"][0]["doel"].is_null()) << "the reasoning is gone";
  EXPECT_EQ(x.dump().find("inschrijving regelen"), std::string::npos);
  EXPECT_EQ(x["consents"].size(), 3u);
  EXPECT_EQ(x["consents"][0]["erased"], json::array({"purpose", "reason"}));
  EXPECT_EQ(x.dump().find("terug naar school"), std::string::npos) << "nor a consent's purpose";
  EXPECT_EQ(x["reads"].size(), 1u);
  EXPECT_EQ(x["events"].back()["type"], "SubjectErased");
  auto html = Rmc(std::string(kExport) + " --format html", "coordinator");
  ASSERT_EQ(html.code, 0) << html.text;
  EXPECT_EQ(html.text.find("Yfke"), std::string::npos);
  EXPECT_NE(html.text.find("Uw persoonsgegevens zijn gewist"), std::string::npos);
  EXPECT_EQ(html.text.find("inschrijving regelen"), std::string::npos);
  EXPECT_NE(
      html.text.find(
          "gewist<br><span class=\"label\">waarom niet meer gegevens dan nodig:</span> "
          "gewist<br><span class=\"label\">waarom geen lichtere weg:</span> gewist</td></tr>"),
      std::string::npos)
      << "a disclosure's three thinking steps are marked erased";
  EXPECT_NE(html.text.find("<td>zorg</td><td>gewist</td>"), std::string::npos)
      << "and the purpose of the refused consent (categories zorg)";
  EXPECT_NE(html.text.find("<td>ROC Midden</td><td>alle gegevens</td><td></td>"), std::string::npos)
      << "a withdrawal has no purpose to erase";
  auto reads = Reads("--subject J-1 --since 2026-11-20");
  ASSERT_FALSE(reads.empty());
  EXPECT_EQ(reads.back()["result"], "erased");
}

TEST_F(SubjectExport, AnUnknownRefIsNotFoundAndLogsNothing) {
  auto r = Rmc("--purpose inzageverzoek subject export J-404", "coordinator");
  EXPECT_EQ(r.code, 5) << r.text;
  EXPECT_NE(r.text.find("not_found"), std::string::npos) << r.text;
  EXPECT_NE(r.text.find("J-404"), std::string::npos) << r.text;
  EXPECT_EQ(Reads().size(), 0u);
}

TEST_F(SubjectExport, OnlyCoordinatorAndSystemMayAndOnlyWithAPurpose) {
  for (const char* role : {"consulent", "auditor", "evaluator"}) {
    auto r = Rmc(kExport, role);
    EXPECT_EQ(r.code, 7) << role << ": " << r.text;
    EXPECT_NE(r.text.find("permission_denied"), std::string::npos) << r.text;
  }
  auto none = Rmc("subject export J-1", "coordinator");
  EXPECT_EQ(none.code, 2) << none.text;
  EXPECT_EQ(Rmc("subject export J-404", "consulent").code, 7) << "permission before anything else";
  EXPECT_EQ(Reads().size(), 0u) << "refusals show nothing and log nothing";
  EXPECT_EQ(Rmc(kExport, "system").code, 0);
  EXPECT_EQ(Rmc(std::string(kExport) + " --format pdf", "coordinator").code, 2);
}

TEST_F(SubjectExport, OutputWritesAPrivateFileAndPrintsNothing) {
  const std::string file = dir_ + "-inzage.html";
  auto r = Rmc(std::string(kExport) + " --format html --output " + file, "coordinator");
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(r.text, "");
  struct stat st;
  ASSERT_EQ(stat(file.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  std::stringstream content;
  content << std::ifstream(file).rdbuf();
  EXPECT_NE(content.str().find("Yfke &lt;script&gt;"), std::string::npos);
  fs::remove(file);
  // A file that cannot be written: an error, no file, no partial one.
  const std::string nowhere = dir_ + "-no-such-dir/inzage.json";
  auto bad = Rmc(std::string(kExport) + " --output " + nowhere, "coordinator");
  EXPECT_EQ(bad.code, 2) << bad.text;
  EXPECT_FALSE(fs::exists(nowhere));
}

}  // namespace
