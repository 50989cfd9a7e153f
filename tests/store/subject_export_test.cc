// The right-of-access assembly (subject_export.h) and the disclosures scan (disclosures.h) on a
// real ledger: what the export holds, before and after an erasure, and what it leaves out.
#include "views/subject_export.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "audit/access_log.h"
#include "audit/disclosures.h"
#include "forgery.h"
#include "views/subject_export_html.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;

class SubjectExportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("rmc-export-" + std::to_string(getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    setenv("RMC_NOW", "2026-11-20T09:00:00Z", 1);
    auto l = Ledger::Create({dir_, dir_ + "/keystore"}, {{"region", "Utrecht"}}, "test");
    ASSERT_TRUE(l.ok()) << l.status().message();
    ledger_ = std::move(*l);
    for (const char* line : {
             R"({"id":"s1","type":"signal","data":{"subject":{"ref":"J-1","name":"Yfke","email":"y@example.nl"},"channel":"jongere","received":"2026-11-01"}})",
             R"({"id":"s2","type":"signal","data":{"subject":{"ref":"J-2","name":"Bram"},"channel":"duo-lijst","received":"2026-11-02"}})",
             R"({"id":"n1","type":"note","case":"RMC-000001","data":{"text":"Yfke belde zelf"}})",
             R"({"id":"d1","type":"share","case":"RMC-000001","data":{"partner":"ROC Midden","categories":["verzuim"],"grondslag":"wettelijke-taak","doel":"inschrijving","proportionaliteit":"p","subsidiariteit":"s"}})",
             R"({"id":"d2","type":"share","case":"RMC-000002","data":{"partner":"Gemeente","categories":["verzuim"],"grondslag":"wettelijke-taak","doel":"melding","proportionaliteit":"p","subsidiariteit":"s"}})",
             R"({"id":"s3","type":"signal","data":{"subject":{"ref":"J-1","name":"Yfke de Vries"},"channel":"jongere","received":"2026-11-10"}})",
         }) {
      auto c = ParseCommand(line, {"test", schema::Role::CONSULENT});
      ASSERT_TRUE(c.ok()) << c.status().message();
      std::vector<Command> cs;
      cs.push_back(std::move(*c));
      auto out = ledger_->Execute(cs, false)[0];
      ASSERT_TRUE(out.ok()) << line << ": " << out.error.message();
    }
  }
  void TearDown() override {
    ledger_.reset();
    fs::remove_all(dir_);
  }

  Result<SubjectExport> Build(const std::string& ref, bool name_actors = false) {
    auto txn = ledger_->store().Read();
    if (!txn.ok()) return txn.status();
    return BuildSubjectExport(*ledger_, **txn, ref, {name_actors, 0});
  }
  std::string Id(const std::string& ref) { return ledger_->keystore().SubjectId(ref); }
  // The position of J-1's one disclosure (d1), as it was recorded.
  uint64_t SharedWithRocMidden() {
    auto txn = ledger_->store().Read();
    EXPECT_TRUE(txn.ok());
    auto all = FindDisclosures(ledger_->unsealer(), **txn, {Id("J-1"), ""});
    EXPECT_TRUE(all.ok() && all->size() == 1u && (*all)[0].corrections.empty());
    return all.ok() && !all->empty() ? (*all)[0].position : 0;
  }
  void ForgetJ1() {
    auto c = ParseCommand(
        R"({"id":"f1","type":"forget_subject","reason":"verzoek","data":{"subject":"J-1","grondslag":"avg-art17"}})",
        {"test", schema::Role::COORDINATOR});
    ASSERT_TRUE(c.ok());
    std::vector<Command> cs;
    cs.push_back(std::move(*c));
    ASSERT_TRUE(ledger_->Execute(cs, false)[0].ok());
  }

  std::string dir_;
  std::unique_ptr<Ledger> ledger_;
};

TEST_F(SubjectExportTest, HoldsThePersonalDataAsOfNowAndTheFreeTextOfEvents) {
  auto x = Build("J-1");
  ASSERT_TRUE(x.ok()) << x.status().message();
  EXPECT_FALSE(x->erased);
  EXPECT_EQ(x->subject_id, Id("J-1"));
  EXPECT_EQ(x->cases, std::vector<std::string>{"RMC-000001"}) << "the second signal joined the open case";
  const Json& personal = x->json["subject"]["personal_data"];
  EXPECT_EQ(personal["name"], "Yfke de Vries") << "the later signal wins";
  EXPECT_EQ(personal["email"], "y@example.nl") << "and adds to the earlier one";
  bool note = false;
  for (const auto& e : x->json["events"])
    if (e["type"] == "NoteAdded") note = e["data"]["text"] == "Yfke belde zelf";
  EXPECT_TRUE(note) << "sealed free text is revealed to the youth it is about";
  EXPECT_EQ(x->json["region"], "Utrecht");
  EXPECT_EQ(x->json["disclosures"].size(), 1u);
  EXPECT_EQ(x->json.dump().find("Bram"), std::string::npos) << "nothing of another youth";
}

TEST_F(SubjectExportTest, ReadsOfTheYouthAreListedByRoleActorsOnlyWhenNamed) {
  ASSERT_TRUE(RecordAccess(ledger_->store(), {"a.collega", schema::Role::CONSULENT, "", "show"},
                           {{"RMC-000001", Id("J-1"), schema::AccessResult::OK},
                            {"RMC-000002", Id("J-2"), schema::AccessResult::OK}})
                  .ok());
  auto x = Build("J-1");
  ASSERT_TRUE(x.ok());
  ASSERT_EQ(x->json["reads"].size(), 1u);
  EXPECT_EQ(x->json["reads"][0]["object"], "RMC-000001");
  EXPECT_EQ(x->json["reads"][0]["description"], "dossier bekeken");
  EXPECT_EQ(x->json.dump().find("a.collega"), std::string::npos);
  EXPECT_EQ(x->json.dump().find("\"actor\""), std::string::npos);
  auto named = Build("J-1", true);
  ASSERT_TRUE(named.ok());
  EXPECT_EQ(named->json["reads"][0]["actor"], "a.collega");
  EXPECT_EQ(named->json["disclosures"][0]["actor"], "test");
}

TEST_F(SubjectExportTest, AnUnknownRefIsNotFound) {
  auto x = Build("J-404");
  ASSERT_FALSE(x.ok());
  EXPECT_EQ(x.status().code(), Code::kNotFound);
}

TEST_F(SubjectExportTest, AfterAnErasureNoPersonalValueRemains) {
  ForgetJ1();
  auto x = Build("J-1");
  ASSERT_TRUE(x.ok()) << x.status().message();
  EXPECT_TRUE(x->erased);
  const std::string all = x->json.dump() + SubjectExportHtml(x->json);
  for (const char* value : {"Yfke", "y@example.nl", "J-1", "belde zelf"})
    EXPECT_EQ(all.find(value), std::string::npos) << value;
  EXPECT_EQ(x->json["events"].size(), 6u) << "the facts remain: opened, 2 signals, note, share, erasure";
  const Json& disclosure = x->json["disclosures"][0];
  EXPECT_EQ(disclosure["partner"], "ROC Midden") << "a disclosure stays accountable by its facts";
  EXPECT_EQ(disclosure["grondslag"], "wettelijke-taak");
  EXPECT_EQ(disclosure["erased"], true);
  EXPECT_TRUE(disclosure["doel"].is_null()) << "its reasoning went with the key";
  EXPECT_EQ(all.find("inschrijving"), std::string::npos);
}

TEST_F(SubjectExportTest, TheHtmlPageEscapesWhatTheLedgerHolds) {
  auto x = Build("J-1");
  ASSERT_TRUE(x.ok());
  x->json["subject"]["personal_data"]["name"] = "<b onmouseover=\"x()\">Yfke</b>";
  const std::string html = SubjectExportHtml(x->json);
  EXPECT_NE(html.find("&lt;b onmouseover=&quot;x()&quot;&gt;Yfke&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b "), std::string::npos);
  EXPECT_NE(html.find("RMC-regio Utrecht"), std::string::npos);
}

TEST_F(SubjectExportTest, DisclosuresAreFoundByYouthAndByPartner) {
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  auto all = FindDisclosures(ledger_->unsealer(), **txn, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].partner, "ROC Midden");
  EXPECT_EQ((*all)[0].grondslag, "wettelijke-taak");
  EXPECT_EQ((*all)[1].subject_id, Id("J-2"));
  auto j2 = FindDisclosures(ledger_->unsealer(), **txn, {Id("J-2"), ""});
  ASSERT_TRUE(j2.ok());
  ASSERT_EQ(j2->size(), 1u);
  EXPECT_EQ((*j2)[0].case_id, "RMC-000002");
  EXPECT_EQ(FindDisclosures(ledger_->unsealer(), **txn, {"", "Gemeente"})->size(), 1u);
  EXPECT_EQ(FindDisclosures(ledger_->unsealer(), **txn, {Id("J-1"), "Gemeente"})->size(), 0u);
  EXPECT_EQ(FindDisclosures(ledger_->unsealer(), **txn, {Id("J-404"), ""})->size(), 0u) << "an unknown youth has none";
  Json j = DisclosureJson((*all)[0], false);
  EXPECT_FALSE(j.contains("actor"));
  EXPECT_EQ(j["doel"], "inschrijving") << "unsealed";
  EXPECT_EQ(j["erased"], false);
}

TEST_F(SubjectExportTest, DisclosuresAreListedAsCorrected) {
  const uint64_t position = SharedWithRocMidden();
  auto c = ParseCommand(R"({"id":"k1","type":"correct","case":"RMC-000001","reason":"verkeerde school",)"
                        R"("data":{"event":")" + std::to_string(position) +
                            R"(","data":{"partner":"ROC Utrecht","doel":"inschrijving bij ROC Utrecht"}}})",
                        {"test", schema::Role::CONSULENT});
  ASSERT_TRUE(c.ok()) << c.status().message();
  std::vector<Command> cs;
  cs.push_back(std::move(*c));
  auto corrected = ledger_->Execute(cs, false)[0];
  ASSERT_TRUE(corrected.ok()) << corrected.error.message();

  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  auto utrecht = FindDisclosures(ledger_->unsealer(), **txn, {"", "ROC Utrecht"});
  ASSERT_TRUE(utrecht.ok());
  ASSERT_EQ(utrecht->size(), 1u) << "the partner filter matches the corrected partner";
  const Disclosure& d = (*utrecht)[0];
  EXPECT_EQ(d.position, position) << "listed where it was recorded";
  EXPECT_EQ(d.doel, "inschrijving bij ROC Utrecht") << "a sealed step, corrected and unsealed";
  EXPECT_EQ(d.proportionaliteit, "p") << "fields the correction did not name stay";
  EXPECT_EQ(d.categories, std::vector<std::string>{"verzuim"});
  ASSERT_EQ(d.corrections.size(), 1u);
  EXPECT_GT(d.corrections[0], position);
  EXPECT_EQ(DisclosureJson(d, false)["corrections"], Json::array({d.corrections[0]}));
  EXPECT_EQ(FindDisclosures(ledger_->unsealer(), **txn, {"", "ROC Midden"})->size(), 0u)
      << "no longer listed under the partner first recorded";
  auto other = FindDisclosures(ledger_->unsealer(), **txn, {Id("J-2"), ""});
  ASSERT_TRUE(other.ok() && other->size() == 1u);
  EXPECT_TRUE((*other)[0].corrections.empty()) << "another disclosure is left as it was";
}

// Events recorded before the thinking steps were sealed hold them in the public payload, and no
// sealed part: they are listed as they are, also after an erasure (nothing can reach them).
TEST_F(SubjectExportTest, ThinkingStepsRecordedInPlainBeforeTheyWereSealedAreListedAsTheyAre) {
  const uint64_t position = SharedWithRocMidden();
  ASSERT_TRUE(testing::RewriteAndRechain(ledger_->store(), position, [](schema::Event::Builder e) {
                auto shared = e.getPayload().getDataShared();
                shared.setDoel("inschrijving van Yfke");
                shared.setProportionaliteit("alleen verzuim");
                e.disownSealed();
              }).ok());
  auto listed = [&] {
    auto txn = ledger_->store().Read();
    EXPECT_TRUE(txn.ok());
    auto found = FindDisclosures(ledger_->unsealer(), **txn, {Id("J-1"), ""});
    EXPECT_TRUE(found.ok());
    return found.ok() && found->size() == 1 ? (*found)[0] : Disclosure{};
  };
  Disclosure before = listed();
  EXPECT_EQ(before.doel, "inschrijving van Yfke");
  EXPECT_EQ(before.proportionaliteit, "alleen verzuim");
  EXPECT_EQ(before.subsidiariteit, "") << "not in the plain part, and nothing sealed";
  EXPECT_FALSE(before.erased);

  ForgetJ1();
  Disclosure after = listed();
  EXPECT_FALSE(after.erased) << "nothing of it was sealed, so nothing went with the key";
  EXPECT_EQ(after.doel, "inschrijving van Yfke") << "what is in plain text is shown, not hidden";
  EXPECT_EQ(after.subsidiariteit, "") << "never given, not erased";
}

}  // namespace
}  // namespace rmc
