// The right-of-access page (`rmc subject export REF --format html`) as the youth reads it: its
// visible text is plain Dutch, for a case with every kind of event and for an erased youth: no
// JSON key, no snake_case identifier, no ISO date or time; every date is the local Dutch date
// that `history` and the case view show; the region's contact settings are on it, or what to do
// without them. The JSON form keeps its machine fields (ISO, UTC).
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "rmc_cli.h"

namespace {

using nlohmann::json;

const char* kExport = "--purpose inzageverzoek subject export J-1";

// One youth's route through every step: a signal with every subject field and §1.2 item, review,
// triage, contacts (one at 23:30 UTC on 4 November: 00:30 on 5 November in Amsterdam), intake,
// consent, a disclosure, assessment, inquiry, plan, start, monitoring, closing, a note and a
// correction of the youth's name.
const char*
    kRichCase
        [] =
            {
                R"({"id":"p1","type":"signal","occurred_at":"2026-10-01","data":{"subject":{"ref":"J-1","name":"Sanne de Wit","birth_date":"2007-09-04","address":"Kanaalweg 12, Utrecht","phone":"06-12345678","email":"sanne@example.org","school":"ROC Midden","enrolled":true},"channel":"duo-verzuimloket","reporter":"ROC Midden","received":"2026-10-01","absence":{"kind":"4w-aaneengesloten","hours":64,"from":"2026-09-01","to":"2026-09-29"},"action_wanted":true,"expected_action":"contact opnemen","suspected_reason":"motivatie","partner_actions":"gesprek met mentor","youth_agreements":"komt op gesprek","contacts":["moeder"],"care":"geen"}})",
                R"({"id":"p2","type":"review","case":"RMC-000001","occurred_at":"2026-10-02","data":{"checked_with_youth":true,"checked_with_partners":["ROC Midden"],"school_contacted":true,"school_measures":"verzuimgesprek","enrolled":true}})",
                R"({"id":"p3","type":"triage","case":"RMC-000001","occurred_at":"2026-10-03","data":{"target_group":"verzuim-18plus","action_required":true,"rationale":"veel verzuim"}})",
                R"({"id":"p4","type":"contact","case":"RMC-000001","occurred_at":"2026-10-05","data":{"channel":"brief","outcome":"geen-reactie","note":"uitnodiging"}})",
                R"({"id":"p5","type":"contact","case":"RMC-000001","occurred_at":"2026-11-04T23:30:00Z","data":{"channel":"telefoon","outcome":"afspraak-gemaakt"}})",
                R"({"id":"p6","type":"intake_scheduled","case":"RMC-000001","occurred_at":"2026-11-05","data":{"date":"2026-11-06","participants":["jongere","school"],"asked_youth_about_involvement":true}})",
                R"({"id":"p7","type":"intake","case":"RMC-000001","occurred_at":"2026-11-06","data":{"date":"2026-11-06","participants":["jongere","school"],"support_question":"weer naar school","wish":"school","answers":{"Wat wil je?":"een diploma"}}})",
                R"({"id":"p8","type":"consent","case":"RMC-000001","occurred_at":"2026-11-06","data":{"given":true,"partners":["ROC Midden"],"categories":["contactgegevens","onderwijs"],"purpose":"aanmelding opleiding","signed":true,"valid_until":"2027-11-06"}})",
                R"({"id":"p9","type":"share","case":"RMC-000001","occurred_at":"2026-11-06","data":{"partner":"ROC Midden","categories":["onderwijs"],"grondslag":"toestemming","doel":"aanmelding","proportionaliteit":"alleen opleiding","subsidiariteit":"kan niet zelf"}})",
                R"({"id":"p10","type":"assessment","case":"RMC-000001","occurred_at":"2026-11-09","data":{"instrument":"zrm","domains":{"werk-opleiding":{"score":2,"note":"geen opleiding"},"gezin":{"score":4}},"big5":{"support":"ok","school-werk":"probleem"}}})",
                R"({"id":"p11","type":"inquiry_completed","case":"RMC-000001","occurred_at":"2026-11-10","data":{"reasons":"paste niet","education_reasons":"te veel theorie","interventions":[{"what":"mentorgesprek","effect":"geen"}],"care":[],"next_steps":"beroepskeuzetest"}})",
                R"({"id":"p12","type":"plan","case":"RMC-000001","occurred_at":"2026-11-11","data":{"trajectories":["onderwijs"],"career_tests":"test","youth_contact":{"frequency":"wekelijks","channel":"app"},"partner_feedback":{"partners":["ROC Midden"],"how":"mail"},"case_director":"ROC Midden","asked_youth_for_director":true,"responsibilities":[{"partner":"ROC Midden","task":"plaatsing"}],"made_with_youth":true}})",
                R"({"id":"p13","type":"plan_started","case":"RMC-000001","occurred_at":"2026-11-12","data":{"date":"2026-11-12","partner":"ROC Midden"}})",
                R"({"id":"p14","type":"monitor","case":"RMC-000001","occurred_at":"2026-11-16","data":{"status":"op-koers","feedback_from":["ROC Midden"],"follow_up":"gaat goed"}})",
                R"({"id":"p15","type":"note","case":"RMC-000001","occurred_at":"2026-11-17","data":{"text":"belde zelf","category":"contact"}})",
                R"({"id":"p16","type":"close","case":"RMC-000001","occurred_at":"2026-11-18","data":{"reason":"doel-bereikt","outcome":["onderwijs"]}})",
};

class SubjectPage : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init --region Utrecht").code, 0);
    const std::string in = dir_ + "-rich.jsonl";
    {
      std::ofstream f(in);
      for (const char* line : kRichCase) f << line << "\n";
    }
    auto applied = Rmc("apply " + in);
    std::remove(in.c_str());
    ASSERT_EQ(applied.code, 0) << applied.text;
    auto corrected = Rmc("correct RMC-000001 --event " + PositionOf("SignalReceived") +
                         R"( --data '{"subject":{"ref":"J-1","name":"Sanne de Wit-Jansen"}}' )"
                         "--reason 'typfout in de naam'");
    ASSERT_EQ(corrected.code, 0) << corrected.text;
    // Reads of every kind the page explains.
    for (const auto& [cmd, role] : std::vector<std::pair<std::string, std::string>>{
             {"show RMC-000001", "consulent"},
             {"--purpose steekproef list", "auditor"},
             {"--purpose controle audit reads --subject J-1", "auditor"},
             {"--purpose controle audit log --subject J-1", "auditor"},
             {"--purpose controle audit disclosures --subject J-1", "coordinator"}}) {
      auto r = Rmc(cmd, role);
      ASSERT_EQ(r.code, 0) << cmd << ": " << r.text;
    }
  }

  std::string Page() {
    auto r = Rmc(std::string(kExport) + " --format html", "coordinator");
    EXPECT_EQ(r.code, 0) << r.text;
    return r.text;
  }

  // The text a browser shows: outside <style>, tags removed, entities as characters.
  static std::string Visible(std::string html) {
    html = std::regex_replace(html, std::regex("<style>[\\s\\S]*?</style>"), " ");
    html = std::regex_replace(html, std::regex("<[^>]*>"), " ");
    for (const auto& [entity, c] :
         {std::pair{"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}})
      html = std::regex_replace(html, std::regex(entity), c);
    return html;
  }

  // What a youth should never read: an identifier of the code or a machine date.
  static void ExpectPlain(const std::string& what, const std::string& text) {
    std::smatch m;
    EXPECT_FALSE(std::regex_search(text, m, std::regex("\\b[a-z0-9]+_[a-z0-9_]+\\b")))
        << what << ": a snake_case key: " << m.str() << " in …"
        << m.prefix().str().substr(m.prefix().length() > 80 ? m.prefix().length() - 80 : 0);
    EXPECT_FALSE(std::regex_search(text, m, std::regex("\\d{4}-\\d{2}-\\d{2}")))
        << what << ": an ISO date: " << m.str() << " in …"
        << m.prefix().str().substr(m.prefix().length() > 80 ? m.prefix().length() - 80 : 0);
    for (const char* english :
         {"info_items", "age_at_triage", "subject", "erased", "sealed", "position", "true", "false",
          "null", "audit log", "access-log", "access log", "{", "}"})
      EXPECT_EQ(text.find(english), std::string::npos) << what << ": '" << english << "'";
  }
};

TEST_F(SubjectPage, TheRichCaseReadsAsPlainDutch) {
  Page();  // a read of its own, which the next page shows
  const std::string page = Visible(Page());
  ExpectPlain("rich case", page);
  // Labels and values where keys and codes were.
  for (const char* text :
       {"geboortedatum", "4 sep 2007", "Sanne de Wit-Jansen", "leeftijd bij de beoordeling",
        "jongere gevraagd wie mag meepraten", "contactpersonen", "nieuwe waarde: naam",
        "uw dossier bekeken", "het logboek bekeken van alles wat met uw gegevens is gedaan",
        "de lijst van dossiers bekeken", "steekproef", "een inzageoverzicht gemaakt",
        "inzageverzoek", "verantwoording en controle van het gebruik van gegevens",
        "waarom geen lichtere weg"})
    EXPECT_NE(page.find(text), std::string::npos) << text;
  // Reads are dated to the minute on the Dutch wall clock: 09:00 UTC is 10:00 in November.
  EXPECT_NE(page.find("20 nov 2026 om 10:00"), std::string::npos);
}

TEST_F(SubjectPage, EveryDateIsTheLocalDateThatHistoryShows) {
  // 23:30 UTC on 4 November is 5 November in the Netherlands: the case view, history and the
  // page all say so.
  const json view = JsonOf("show RMC-000001 --json");
  bool found = false;
  for (const auto& c : view["contacts"]) found = found || c["date"] == "2026-11-05";
  ASSERT_TRUE(found) << view["contacts"].dump();
  EXPECT_NE(Rmc("history RMC-000001").text.find("2026-11-05"), std::string::npos);
  const std::string page = Visible(Page());
  const auto at = page.find("Contact gezocht via telefoon");
  ASSERT_NE(at, std::string::npos) << page;
  // The text just before the sentence: the event's number and date.
  const std::string row = page.substr(at > 60 ? at - 60 : 0, std::min<size_t>(at, 60));
  EXPECT_NE(row.find("5 nov 2026"), std::string::npos) << row;
  EXPECT_EQ(row.find("4 nov 2026"), std::string::npos) << row;
}

TEST_F(SubjectPage, TheJsonFormKeepsItsMachineFields) {
  const json x = JsonOf(kExport, "coordinator");
  for (const auto& e : x["events"])
    if (e["type"] == "ContactAttempted" && e["data"]["channel"] == "telefoon")
      EXPECT_EQ(e["date"], "2026-11-04T23:30:00Z");
  EXPECT_EQ(x["generated_at"], "2026-11-20T09:00:00Z");
  EXPECT_EQ(x["reads"][0]["recorded_at"], "2026-11-20T09:00:00Z");
  EXPECT_EQ(x["reads"][0]["action"], "show");
  EXPECT_EQ(x["subject"]["personal_data"]["birth_date"], "2007-09-04");
  EXPECT_EQ(x["reads"][0]["processing_activity"]["code"], "rmc-trajectbegeleiding");
  EXPECT_TRUE(x["contact"]["rmc"].is_null()) << "not set";
}

TEST_F(SubjectPage, ShowsTheContactSettingsOrWhatToDoWithoutThem) {
  const std::string unset = Visible(Page());
  EXPECT_NE(unset.find("Vraag uw RMC-consulent"), std::string::npos);
  EXPECT_NE(unset.find("Autoriteit Persoonsgegevens"), std::string::npos);
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"contact_rmc", "RMC Utrecht, Postbus 16200, 3500 CE Utrecht, 030 286 10 00"},
           {"contact_privacy_officer", "fg@regio-utrecht.example"},
           {"contact_requests", "Schrijf aan het RMC, Postbus 16200, 3500 CE Utrecht."}}) {
    auto r = Rmc("config " + key + " '" + value + "'", "coordinator");
    ASSERT_EQ(r.code, 0) << key << ": " << r.text;
  }
  const std::string page = Visible(Page());
  for (const char* text :
       {"RMC Utrecht, Postbus 16200, 3500 CE Utrecht, 030 286 10 00", "fg@regio-utrecht.example",
        "Schrijf aan het RMC, Postbus 16200, 3500 CE Utrecht."})
    EXPECT_NE(page.find(text), std::string::npos) << text;
  EXPECT_EQ(page.find("Vraag uw RMC-consulent"), std::string::npos);
  ExpectPlain("with contacts", page);
  EXPECT_EQ(JsonOf(kExport, "coordinator")["contact"]["privacy_officer"],
            "fg@regio-utrecht.example");
}

TEST_F(SubjectPage, AContactSettingIsCheckedWhenSet) {
  for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
           {"contact_rmc", "het RMC"},            // no way to reach it
           {"contact_privacy_officer", "de FG"},  // too short, no address
           {"contact_requests", "kort"}}) {       // too short to say anything
    auto r = Rmc("config " + key + " '" + value + "'", "coordinator");
    EXPECT_EQ(r.code, 3) << key << ": " << r.text;
    EXPECT_NE(r.text.find("invalid_input"), std::string::npos) << r.text;
    EXPECT_NE(r.text.find(key), std::string::npos) << r.text;
  }
  EXPECT_EQ(Rmc("config contact_rmc ''", "coordinator").code, 0) << "empty: not set";
}

TEST_F(SubjectPage, TheErasedFormIsPlainAndTruthful) {
  auto forget =
      Rmc("forget_subject --subject J-1 --grondslag avg-art17 --reason 'verzoek per brief'",
          "coordinator");
  ASSERT_EQ(forget.code, 0) << forget.text;
  const std::string page = Visible(Page());
  ExpectPlain("erased", page);
  EXPECT_EQ(page.find("Sanne"), std::string::npos);
  EXPECT_EQ(page.find("J-1"), std::string::npos);
  EXPECT_NE(page.find("Uw persoonsgegevens zijn gewist op 20 nov 2026, op uw verzoek"),
            std::string::npos);
  EXPECT_NE(page.find("wie uw gegevens heeft bekeken"), std::string::npos) << "what remains";
  EXPECT_EQ(page.find("daarna wissen wij ze"), std::string::npos) << "they are erased already";
  EXPECT_EQ(page.find("Daarna wissen"), std::string::npos);
  EXPECT_EQ(page.find("uw gegevens te wissen"), std::string::npos) << "nor offers to";
  EXPECT_EQ(page.find("wissen of bezwaar"), std::string::npos);
  EXPECT_NE(page.find("Uw persoonsgegevens zijn al gewist. U mag altijd zien wat er nog over u is"),
            std::string::npos);
  for (const char* field : {"birth_date", "name", "purpose", "doel,", "reason"})
    EXPECT_EQ(page.find(std::string("gewist: ") + field), std::string::npos) << field;
}

}  // namespace
