// rmc subject forget, rmc backup and rmc retention through the real binary: exit codes, roles,
// and retention listed and applied on a ledger whose cases ended years before "today".
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "../test_dir.h"
#include "rmc_cli.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using rmc::e2e::RmcRun;

constexpr char kThen[] = "2020-01-10T09:00:00Z";  // when the cases ran
constexpr char kNow[] = "2026-11-20T09:00:00Z";   // when retention is reviewed

// The ledger is initialised on kThen; commands run on kNow unless they say otherwise.
class ErasureCli : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init", "consulent", kThen).code, 0);
  }
  // A case on the short route (no target group), closed on kThen without aftercare.
  void ClosedCase(const std::string& id, const std::string& subject_flags) {
    const std::string c = "RMC-00000" + id;
    ASSERT_EQ(Rmc("signal " + subject_flags + " --channel jongere --received 2020-01-02",
                  "consulent", kThen)
                  .code,
              0);
    ASSERT_EQ(Rmc("triage " + c +
                      " --target-group geen --action-required false --rationale r --reason kort",
                  "consulent", kThen)
                  .code,
              0);
    ASSERT_EQ(Rmc("feedback " + c + " --partners leerplicht --summary s --limited-to-case true",
                  "consulent", kThen)
                  .code,
              0);
    ASSERT_EQ(Rmc("close " + c + " --close-reason geen-rmc-doelgroep", "consulent", kThen).code, 0);
  }
};

TEST_F(ErasureCli, SubjectForgetIsTheForgetSubjectCommand) {
  ASSERT_EQ(
      Rmc("signal --subject-ref J-1 --subject-name Yfke --channel jongere --received 2026-11-01")
          .code,
      0);
  EXPECT_EQ(Rmc("subject forget J-1 --grondslag avg-art17 --reason verzoek").code, 7)
      << "consulent";
  EXPECT_EQ(Rmc("subject forget J-1 --grondslag avg-art17 --reason verzoek", "system").code, 7)
      << "erasure is the coordinator's";
  EXPECT_EQ(Rmc("subject forget J-1 --grondslag avg-art17", "coordinator").code, 2)
      << "--reason is required";
  auto unknown = Rmc("subject forget J-404 --grondslag avg-art17 --reason verzoek", "coordinator");
  EXPECT_EQ(unknown.code, 5) << unknown.text;
  EXPECT_NE(unknown.text.find("unknown_case: no subject J-404"), std::string::npos) << unknown.text;

  auto r = Rmc(
      "--json subject forget J-1 --grondslag avg-art17 --reason 'verzoek van de jongere' --id f-1",
      "coordinator");
  ASSERT_EQ(r.code, 0) << r.text;
  auto out = json::parse(r.text);
  EXPECT_EQ(out["events"], json::parse(R"(["SubjectErased"])"));
  EXPECT_EQ(out["case"], "RMC-000001");
  auto again = Rmc(
      "--json subject forget J-1 --grondslag avg-art17 --reason 'verzoek van de jongere' --id f-1",
      "coordinator");
  EXPECT_EQ(json::parse(again.text)["duplicate"], true)
      << "the same id again: a duplicate (and a retried key deletion)";
  EXPECT_EQ(Rmc("subject forget J-1 --grondslag avg-art17 --reason nogmaals", "coordinator").code,
            8);
  EXPECT_EQ(Rmc("note RMC-000001 --text 'na wissen'").code, 8) << "subject_erased";
  auto consent = Rmc("consent RMC-000001 --given true --partners school --categories onderwijs "
                     "--purpose 'terug naar school' --reason 'na wissen'");
  EXPECT_EQ(consent.code, 8) << consent.text;
  EXPECT_NE(consent.text.find("holds personal data (purpose) and a reason"), std::string::npos)
      << "the refusal names what the command holds about the youth: " << consent.text;
  EXPECT_EQ(Rmc("contact RMC-000001 --channel telefoon --outcome bereikt").code, 0)
      << "no personal data";
  auto view = json::parse(Rmc("--json show RMC-000001").text);
  EXPECT_EQ(view["erased"], true);
  EXPECT_EQ(view.dump().find("Yfke"), std::string::npos);
  EXPECT_EQ(Rmc("verify").code, 0);
  EXPECT_EQ(json::parse(Rmc("stats --json").text)["cases"], 1);
}

TEST_F(ErasureCli, AnErasureReasonHoldsNoneOfTheYouthsData) {
  ASSERT_EQ(Rmc("signal --subject-ref J-1 --subject-name 'Mila van den Berg-Öztürk' "
                "--subject-birth-date 2008-03-14 --subject-phone 06-12345678 "
                "--subject-email mila@example.nl --subject-address 'Oudegracht 12, 3511 AB Utrecht' "
                "--channel jongere --received 2026-11-01")
                .code,
            0);
  const std::vector<std::pair<std::string, std::string>> refused{
      {"Verzoek van Mila, ontvangen 20 november 2026", "name"},
      {"verzoek van MILA VAN DEN BERG", "name"},
      {"brief van mevrouw Ozturk", "name"},  // a part, without its diacritics
      {"dossier J-1 op verzoek", "ref"},
      {"geboren 14-03-2008, verzoek", "birth_date"},
      {"geboren 14 maart 2008", "birth_date"},
      {"verzoek per brief naar Oudegracht 12", "address"},
      {"gebeld op 06-12345678", "phone"},
      {"mail van mila@example.nl", "email"},
  };
  for (const auto& [reason, field] : refused) {
    auto r = Rmc("subject forget J-1 --grondslag avg-art17 --reason '" + reason + "'", "coordinator");
    EXPECT_EQ(r.code, 3) << reason << ": " << r.text;
    EXPECT_NE(r.text.find("invalid_input: reason: holds the youth's " + field + ";"),
              std::string::npos)
        << reason << ": " << r.text;
    for (const char* value : {"Mila", "J-1 ", "14-03-2008", "06-12345678", "Oudegracht", "mila@"})
      EXPECT_EQ(r.text.find(value), std::string::npos) << "the refusal names no value: " << r.text;
  }
  EXPECT_EQ(json::parse(Rmc("--json show RMC-000001").text).value("erased", false), false)
      << "nothing was erased";
  // Words that are no part of three letters or more of the name, and other dates, are fine.
  auto r = Rmc("subject forget J-1 --grondslag avg-art17 --reason 'Verzoek van de jongere (AVG "
               "art. 17), ontvangen op 20-11-2026'",
               "coordinator");
  EXPECT_EQ(r.code, 0) << r.text;
}

TEST_F(ErasureCli, AnErasedYouthsRefNoLongerLeadsToTheirCase) {
  // J-1's case is open when erased, J-2's closed: neither may be found, or named, by ref.
  ASSERT_EQ(Rmc("signal --subject-ref J-1 --subject-name Yfke --channel jongere --received 2026-11-01").code, 0);
  ClosedCase("2", "--subject-ref J-2 --subject-name Bram");
  for (const char* ref : {"J-1", "J-2"}) {
    auto forget = Rmc(std::string("subject forget ") + ref + " --grondslag avg-art17 --reason verzoek",
                      "coordinator");
    ASSERT_EQ(forget.code, 0) << forget.text;
    for (const std::string& command :
         {"note --subject " + std::string(ref) + " --text 'na wissen'",
          "contact --subject " + std::string(ref) + " --channel telefoon --outcome bereikt"}) {
      auto r = Rmc(command);
      EXPECT_EQ(r.code, 8) << command << ": " << r.text;
      EXPECT_EQ(r.text.find("RMC-"), std::string::npos) << "names the case: " << r.text;
      EXPECT_NE(r.text.find("subject_erased"), std::string::npos) << r.text;
    }
  }
}

TEST_F(ErasureCli, ABackupIsALedgerThatVerifies) {
  ClosedCase("1", "--subject-ref J-1 --subject-name Yfke");
  const rmc::testing::TempDir elsewhere("rmc-erasure-backup");
  const std::string backup = elsewhere.path() + "/backup";
  EXPECT_EQ(Rmc("backup " + backup).code, 7);
  EXPECT_EQ(Rmc("backup " + backup, "auditor").code, 7);
  EXPECT_FALSE(fs::exists(backup));
  auto r = Rmc("backup " + backup, "coordinator");
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(Rmc("backup " + backup, "system").code, 2) << "not empty";
  EXPECT_EQ(fs::status(backup).permissions() & fs::perms::all, fs::perms::owner_all);
  EXPECT_EQ(fs::status(backup + "/data.mdb").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  auto copy = rmc::e2e::RunRmc(backup, "--json verify");
  ASSERT_EQ(copy.code, 0) << copy.text;
  EXPECT_EQ(json::parse(copy.text)["events"], json::parse(Rmc("--json verify").text)["events"]);
  auto shown = rmc::e2e::RunRmc(backup, "--json show RMC-000001");
  EXPECT_NE(shown.text.find("Yfke"), std::string::npos)
      << "the copy's keystore opens it: " << shown.text;
}

TEST_F(ErasureCli, RetentionListsAndErasesWhatHasPassed) {
  ClosedCase("1", "--subject-ref J-1 --subject-name Piet --subject-birth-date 1995-05-05");
  ClosedCase("2", "--subject-ref J-2 --subject-name Kees");              // birth date unknown
  ClosedCase("3", "--subject-ref J-3 --subject-birth-date 2010-01-01");  // 23 only in 2033
  ASSERT_EQ(
      Rmc("signal --subject-ref J-4 --channel jongere --received 2020-01-02", "consulent", kThen)
          .code,
      0);

  EXPECT_EQ(Rmc("--purpose x retention").code, 7) << "consulent";
  EXPECT_EQ(Rmc("--purpose x retention", "evaluator").code, 7);
  EXPECT_EQ(Rmc("retention", "coordinator").code, 2) << "the list is a read of personal data";
  EXPECT_EQ(Rmc("--purpose x retention --apply", "auditor").code, 7);
  EXPECT_EQ(Rmc("--purpose controle retention", "auditor").code, 0);
  EXPECT_EQ(Rmc("--purpose bewaartermijn retention", "coordinator", "2022-01-09T12:00:00Z").text,
            "no subject's retention has passed\n")
      << "the end condition passes on 2022-01-10";

  auto r = Rmc("--purpose bewaartermijn --json retention", "coordinator");
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(json::parse(r.text), json::parse(R"([
      {"subject":"J-1","cases":["RMC-000001"],"last_case":"RMC-000001","ended":"2020-01-10",
       "end_condition_passed":"2022-01-10","age_condition_passed":"2020-05-05",
       "birth_date_unknown":false,"retention_passed":"2022-01-10"},
      {"subject":"J-2","cases":["RMC-000002"],"last_case":"RMC-000002","ended":"2020-01-10",
       "end_condition_passed":"2022-01-10","age_condition_passed":null,
       "birth_date_unknown":true,"retention_passed":"2022-01-10"}])"));
  auto text = Rmc("--purpose bewaartermijn retention", "coordinator").text;
  EXPECT_NE(text.find("birth date unknown"), std::string::npos) << text;
  // The list reveals refs and dates from sealed fields: each listing is an accounted read.
  int listed = 0;
  for (const auto& read : json::parse(Rmc("--purpose controle --json audit reads", "auditor").text))
    if (read["action"] == "retention") {
      ++listed;
      EXPECT_TRUE(read["purpose"] == "bewaartermijn" || read["purpose"] == "controle") << read.dump();
      EXPECT_EQ(read["subject"].get<std::string>().size(), 32u) << read.dump();
    }
  EXPECT_EQ(listed, 9) << "three listings (the auditor's, the JSON and the text one), each of "
                          "the three youths whose sealed data it read: J-3 too, whose birth date "
                          "it read to find them not due";

  EXPECT_EQ(Rmc("--purpose bewaartermijn retention --apply", "system").code, 7)
      << "erasure is the coordinator's (docs/roles.md), also on retention grounds";
  auto applied = Rmc("--purpose bewaartermijn --json retention --apply", "coordinator");
  ASSERT_EQ(applied.code, 0) << applied.text;
  auto list = json::parse(applied.text);
  ASSERT_EQ(list.size(), 2u);
  for (const auto& s : list) {
    EXPECT_EQ(s["erasure"]["ok"], true) << s.dump();
    EXPECT_EQ(s["erasure"]["events"], json::parse(R"(["SubjectErased"])"));
  }
  EXPECT_EQ(json::parse(Rmc("--purpose b --json retention", "coordinator").text), json::array())
      << "erased subjects are not listed again";
  for (const char* c : {"RMC-000001", "RMC-000002"})
    EXPECT_EQ(json::parse(Rmc(std::string("--json show ") + c).text)["erased"], true) << c;
  EXPECT_EQ(json::parse(Rmc("--json show RMC-000003").text)["erased"], false);
  EXPECT_EQ(json::parse(Rmc("--json show RMC-000004").text)["erased"], false) << "still open";

  // The erasure's reason stays readable; it names the rule and the dates, not the birth date.
  std::string reasons;
  for (const char* c : {"RMC-000001", "RMC-000002"})
    for (const auto& e : json::parse(Rmc(std::string("--json history ") + c).text))
      if (e["type"] == "SubjectErased") reasons += e["reason"].get<std::string>() + "\n";
  EXPECT_NE(reasons.find("last case RMC-000001 ended 2020-01-10, + 2 years = 2022-01-10"),
            std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("birth date unknown"), std::string::npos) << reasons;
  EXPECT_EQ(reasons.find("2020-05-05"), std::string::npos)
      << "the age date gives the birth date away";
  EXPECT_EQ(Rmc("verify").code, 0);
}

TEST_F(ErasureCli, RetentionFollowsMaxAge) {
  ASSERT_EQ(Rmc("config max_age 27", "coordinator", kThen).code, 0);
  // 27 on 2022-05-05, + 2 years: 2024-05-05; with 23 it would have been 2020-05-05.
  ClosedCase("1", "--subject-ref J-1 --subject-birth-date 1995-05-05");
  auto r = json::parse(Rmc("--purpose b --json retention", "coordinator").text);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0]["age_condition_passed"], "2024-05-05");
  EXPECT_EQ(r[0]["retention_passed"], "2024-05-05");
}

}  // namespace

// Erasures while other processes have the ledger and its keystore open (an apply waiting for its
// input, a follower of the change feed) delete those youths' keys and nothing else, whether the
// keystore made an odd or an even number of transactions before (an earlier design renamed the
// compacted file over the one the others mapped, and lost every key in one of the two); the
// waiting apply's later signal gets a key that lasts.
void EraseWhileOthersRead(int youths) {
  const rmc::testing::TempDir tmp("rmc-erasure-busy");
  const std::string& dir = tmp.path();
  auto rmc = [&](const std::string& args, const std::string& role = "consulent") {
    return rmc::e2e::RunRmc(dir, args, role, kNow);
  };
  ASSERT_EQ(rmc("init").code, 0);
  for (int i = 1; i <= youths; ++i)
    ASSERT_EQ(rmc("signal --subject-ref J-" + std::to_string(i) + " --subject-name Naam" + std::to_string(i) +
                  " --channel jongere --received 2026-11-02")
                  .code,
              0);
  const std::string env = "RMC_LEDGER=" + dir + " RMC_NOW=" + kNow + " RMC_ACTOR=test ";
  FILE* waiting = popen(("(sleep 2; echo '{\"id\":\"late\",\"type\":\"signal\",\"data\":{\"subject\":{\"ref\":\"J-9\","
                         "\"name\":\"Laatkomer\"},\"channel\":\"jongere\",\"received\":\"2026-11-02\"}}') | " +
                         env + RMC_BINARY + " apply 2>&1")
                            .c_str(),
                        "r");
  FILE* follower = popen((env + "timeout 4 " + RMC_BINARY + " events --follow --personal >/dev/null 2>&1").c_str(), "r");
  ASSERT_TRUE(waiting && follower);
  sleep(1);  // both have opened the ledger and the keystore
  for (int i = 1; i <= 2; ++i) {
    auto forgot = rmc("subject forget J-" + std::to_string(i) + " --grondslag avg-art17 --reason verzoek",
                      "coordinator");
    EXPECT_EQ(forgot.code, 0) << forgot.text;
    // A new process, while the others still hold the old keystore open.
    auto shown = rmc("show RMC-00000" + std::to_string(youths));
    EXPECT_NE(shown.text.find("Naam" + std::to_string(youths)), std::string::npos)
        << "after erasure " << i << ": " << shown.text;
  }
  std::string applied;
  char buf[4096];
  for (size_t n; (n = fread(buf, 1, sizeof buf, waiting)) > 0;) applied.append(buf, n);
  EXPECT_EQ(WEXITSTATUS(pclose(waiting)), 0) << applied;
  EXPECT_NE(applied.find("\"ok\":true"), std::string::npos) << applied;
  pclose(follower);

  auto verified = rmc("verify");
  EXPECT_EQ(verified.code, 0) << verified.text;
  for (int i = 3; i <= youths; ++i) {
    auto shown = rmc("show RMC-00000" + std::to_string(i));
    EXPECT_EQ(shown.code, 0) << shown.text;
    EXPECT_NE(shown.text.find("Naam" + std::to_string(i)), std::string::npos) << shown.text;
  }
  auto late = rmc("show RMC-00000" + std::to_string(youths + 1));
  EXPECT_NE(late.text.find("Laatkomer"), std::string::npos) << "the key made after the erasures lasts: " << late.text;
  auto erased = rmc("show RMC-000001");
  EXPECT_EQ(erased.text.find("Naam1"), std::string::npos) << erased.text;
}

TEST(ErasureWhileOthersRead, AfterAnOddNumberOfKeystoreTransactions) { EraseWhileOthersRead(5); }
TEST(ErasureWhileOthersRead, AfterAnEvenNumberOfKeystoreTransactions) { EraseWhileOthersRead(6); }
