// The right-of-access assembly (subject_export.h) on a real ledger: what the export holds, before
// and after an erasure, and what it leaves out.
#include "views/subject_export.h"

#include <gtest/gtest.h>

#include "audit/access_log.h"
#include "two_youths.h"
#include "views/subject_export_html.h"

namespace rmc {
namespace {

class SubjectExportTest : public TwoYouths {
 protected:
  SubjectExportTest() { region_ = "Utrecht"; }

  Result<SubjectExport> Build(const std::string& ref, bool name_actors = false) {
    auto txn = ledger_->store().Read();
    if (!txn.ok()) return txn.status();
    return BuildSubjectExport(*ledger_, **txn, ref, {name_actors, 0});
  }
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
  EXPECT_EQ(x->json["reads"][0]["description"], "uw dossier bekeken");
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

}  // namespace
}  // namespace rmc
