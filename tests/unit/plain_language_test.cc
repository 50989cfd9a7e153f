// The plain-language tables (plain_language.h): every event type has its own sentence, built from
// non-personal fields only.
#include "views/plain_language.h"

#include <gtest/gtest.h>

#include "codec/schema_info.h"
#include "event.capnp.h"

namespace rmc {
namespace {

// A payload of `type` with each field holding a marker "M-<json name>", structs nested `depth`
// levels (a correction holds a whole Payload: not deeper).
Json MarkedData(capnp::StructSchema type, int depth = 1) {
  Json data = Json::object();
  for (auto f : type.getFields()) {
    const std::string& name = schema_info::JsonName(f);
    auto t = f.getType();
    if (depth > 0 && t.isStruct() && !schema_info::IsDate(t.asStruct()))
      data[name] = MarkedData(t.asStruct(), depth - 1);
    else data[name] = "M-" + name;
  }
  return data;
}

TEST(PlainLanguage, EveryEventTypeOfACaseHasASentenceOfItsOwn) {
  for (auto member : capnp::Schema::from<schema::Payload>().getUnionFields()) {
    const std::string type = schema_info::EventTypeName(member);
    if (type == "LedgerCreated" || type == "SettingChanged" || type == "ActivityRegistered")
      continue;  // not about a case
    const std::string sentence = DescribeEvent(type, Json::object());
    EXPECT_EQ(sentence.rfind("Gebeurtenis", 0), std::string::npos) << type << " has no sentence";
  }
  EXPECT_EQ(DescribeEvent("NoSuchEvent", Json::object()), "Gebeurtenis NoSuchEvent");
}

TEST(PlainLanguage, SentencesUseNoPersonalField) {
  for (auto member : capnp::Schema::from<schema::Payload>().getUnionFields()) {
    auto type = member.getType().asStruct();
    const std::string sentence = DescribeEvent(schema_info::EventTypeName(member), MarkedData(type));
    for (auto f : type.getFields())
      if (schema_info::IsPersonal(f))
        EXPECT_EQ(sentence.find("M-" + schema_info::JsonName(f)), std::string::npos)
            << schema_info::EventTypeName(member) << ": " << sentence;
    auto subject = capnp::Schema::from<schema::Subject>();
    for (auto f : subject.getFields())
      if (schema_info::IsPersonal(f))
        EXPECT_EQ(sentence.find("M-" + schema_info::JsonName(f)), std::string::npos) << sentence;
  }
  // The markers do reach the sentences: the facts are read from the same data.
  EXPECT_EQ(DescribeEvent("SignalReceived", MarkedData(capnp::Schema::from<schema::SignalReceived>())),
            "Signaal ontvangen via M-channel op M-received; verzuim: M-kind");
}

TEST(PlainLanguage, AClosingAndAReopeningSayWhyInDutch) {
  EXPECT_EQ(DescribeEvent("CaseClosed", {{"reason", "wijst-ondersteuning-af"}}),
            "Dossier afgesloten: jongere wijst ondersteuning af");
  EXPECT_EQ(DescribeEvent("CaseReopened", {{"previous_step", 11}, {"by_aftercare_check", true}}),
            "Dossier heropend: tijdens de nazorg bleek de jongere uitgevallen");
  EXPECT_EQ(DescribeEvent("CaseReopened", {{"previous_step", 11}}),
            "Dossier heropend na een nieuw signaal");
}

TEST(PlainLanguage, SentencesReadTheFacts) {
  Json signal = {{"channel", "jongere"}, {"received", "2026-11-01"}, {"absence", {{"kind", "16u-4w"}}}};
  EXPECT_EQ(DescribeEvent("SignalReceived", signal),
            "Signaal ontvangen via jongere op 2026-11-01; verzuim: 16u-4w");
  Json share = {{"partner", "ROC Midden"}, {"categories", {"verzuim", "onderwijs"}}, {"grondslag", "toestemming"}};
  EXPECT_EQ(DescribeEvent("DataShared", share),
            "Gegevens (verzuim, onderwijs) gedeeld met ROC Midden op grond van toestemming");
  EXPECT_EQ(DescribeEvent("ConsentWithdrawn", {{"partners", {"*"}}}),
            "Toestemming ingetrokken voor alle partners (alle gegevens)");
  EXPECT_EQ(DescribeEvent("DossierReviewed", {{"checked_with_youth", false}}),
            "Dossier nagelopen; nagegaan bij de jongere: nee");
}

TEST(PlainLanguage, LabelsForRolesReadsAndActivitiesFallBackToTheCode) {
  EXPECT_EQ(RoleLabel("consulent"), "RMC-consulent");
  EXPECT_EQ(RoleLabel("nobody"), "nobody");
  EXPECT_EQ(ReadActionLabel("subject export"), "een inzageoverzicht gemaakt, zoals dit");
  EXPECT_EQ(ReadActionLabel("replay"), "het verloop van uw dossier nagelopen");
  EXPECT_EQ(ReadActionLabel("nonsense"), "nonsense");
  EXPECT_EQ(ActivityLabel("rmc-nazorg"), "nazorg na het afsluiten van het dossier");
  EXPECT_EQ(FieldLabel("birth_date"), "geboortedatum");
}

}  // namespace
}  // namespace rmc
