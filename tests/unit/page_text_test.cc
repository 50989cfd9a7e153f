// The words of the replay page (replay/page_text.h): Dutch dates, day numbers in the
// pseudonymised form, values and list elements with labels instead of keys.
#include "replay/page_text.h"

#include <gtest/gtest.h>

#include <set>

#include "codec/schema_info.h"
#include "event.capnp.h"

namespace rmc {
namespace {

TEST(PageText, DatesAreLocalAndDutch) {
  EXPECT_EQ(DutchDate("2026-09-04"), "4 sep 2026");
  EXPECT_EQ(DutchDate("2026-03-01"), "1 mrt 2026");
  // 23:30 UTC on 3 September is 01:30 on 4 September in Amsterdam (summer time).
  EXPECT_EQ(DutchDate("2026-09-03T23:30:00Z"), "4 sep 2026");
  EXPECT_EQ(DutchDate("2026-12-31T22:59:59Z"), "31 dec 2026");
  EXPECT_EQ(DutchDate("2026-12-31T23:00:00Z"), "1 jan 2027");
  EXPECT_EQ(DayOf("2026-09-03T23:30:00Z"), DayOf("2026-09-04"));
}

TEST(PageText, DayNumbersOfThePseudonymisedFormAreDays) {
  EXPECT_EQ(DutchDate(12), "dag 12");
  EXPECT_EQ(DutchDate(0), "dag 0");
  EXPECT_EQ(DayOf(12), 12);
}

TEST(PageText, WhatIsNoDateStaysAsItIs) {
  EXPECT_EQ(DutchDate("2026-13-01"), "2026-13-01");
  EXPECT_EQ(DutchDate("morgen"), "morgen");
  EXPECT_EQ(DutchDate(nullptr), "");
  EXPECT_FALSE(DayOf("2026-09-04x").has_value());
  EXPECT_FALSE(DayOf(true).has_value());
}

TEST(PageText, DatesInsideASentenceBecomeDutch) {
  EXPECT_EQ(LocalizeDates("Signaal ontvangen op 2026-11-01; verzuim"),
            "Signaal ontvangen op 1 nov 2026; verzuim");
  EXPECT_EQ(LocalizeDates("2026-09-04 en 2026-09-05"), "4 sep 2026 en 5 sep 2026");
  // Not a date: more digits around it, or no real day.
  EXPECT_EQ(LocalizeDates("12026-09-04"), "12026-09-04");
  EXPECT_EQ(LocalizeDates("2026-09-045"), "2026-09-045");
  EXPECT_EQ(LocalizeDates("2026-02-30"), "2026-02-30");
}

TEST(PageText, ValuesReadAsDutch) {
  EXPECT_EQ(ValueText(true), "ja");
  EXPECT_EQ(ValueText(false), "nee");
  EXPECT_EQ(ValueText(nullptr), "–");
  EXPECT_EQ(ValueText("*"), "alle partners");
  EXPECT_EQ(ValueText("2026-09-04"), "4 sep 2026");
  EXPECT_EQ(ValueText(Json::array({"a", "b"})), "a, b");
  EXPECT_EQ(ValueText(Json::array()), "geen");
}

TEST(PageText, ListElementsAreOnePhraseWithLabels) {
  EXPECT_EQ(ElementText({{"position", 4}, {"date", "2026-09-12"}, {"channel", "brief"}, {"outcome", "geen-reactie"}}),
            "12 sep 2026 brief: geen-reactie");
  EXPECT_EQ(ElementText({{"code", "letter_reply"}, {"due", "2026-09-26"}, {"overdue", true}, {"met", false}}),
            "reactie op brief, uiterlijk 26 sep 2026 (verlopen)");
  EXPECT_EQ(ElementText({{"code", "pickup"}, {"due", "2026-09-08"}, {"overdue", false}, {"met", true}}),
            "signaal oppakken, uiterlijk 8 sep 2026 (gehaald)");
  EXPECT_EQ(ElementText({{"kind", "given"}, {"partners", {"ROC"}}, {"categories", {"verzuim"}}}),
            "toestemming gegeven voor ROC (verzuim)");
  // Any other object: its keys by label, its position left out.
  EXPECT_EQ(ElementText({{"position", 3}, {"target_group", "vsv-nieuw"}, {"onbekend", 1}}),
            "doelgroep: vsv-nieuw, onbekend: 1");
}

TEST(PageText, ChangedValuesByWhatTheyAre) {
  EXPECT_EQ(ChangeValueText("next_step", 3), "3 oordeel signalering");
  EXPECT_EQ(ChangeValueText("expected_steps", Json::array({2, 3})), "2 dossier bekijken, 3 oordeel signalering");
  EXPECT_EQ(ChangeValueText("step", 0), "nog geen stap");
  EXPECT_EQ(ChangeValueText("info_completeness.missing", "youth_agreements"), "afspraken met de jongere");
  EXPECT_EQ(ChangeValueText("corrections", 36), "#36");
  EXPECT_EQ(ChangeValueText("reopened", 3), "3") << "a number of another field as it is";
  EXPECT_EQ(ChangeValueText("target_group", "youth_agreements"), "youth_agreements");
}

TEST(PageText, ChangedFieldsByLabel) {
  EXPECT_EQ(ChangeFieldLabel("target_group"), "doelgroep");
  EXPECT_EQ(ChangeFieldLabel("subject.name"), "jongere: naam");
  EXPECT_EQ(ChangeFieldLabel("info_completeness.missing"), "informatie (§1.2): ontbreekt");
  EXPECT_EQ(ChangeFieldLabel("nieuw_veld"), "nieuw_veld") << "an unknown key as it is";
}

TEST(PageText, TheReasoningShownIsEveryReasoningFieldOfTheSchema) {
  std::set<std::string> in_schema;
  for (auto type : capnp::Schema::from<schema::Payload>().getUnionFields()) {
    if (type.getType().which() != capnp::schema::Type::STRUCT) continue;
    for (auto f : type.getType().asStruct().getFields())
      if (schema_info::IsReasoning(f)) in_schema.insert(schema_info::JsonName(f));
  }
  EXPECT_EQ(in_schema, std::set<std::string>(std::begin(kReasoningFields), std::end(kReasoningFields)));
}

TEST(PageText, ReasoningIsShownWithDutchLabels) {
  Json data = {{"rationale", "geen opleiding"},
               {"learning_points", {"eerst bellen", "dan schrijven"}},
               {"bottlenecks", {{{"issue", "wachtlijst"}, {"owner", "P-1"}, {"solution", "voorrang"}}}},
               {"improvements", {{{"text", "ketenoverleg"}, {"tags", {"vsv"}}}}},
               {"responsibilities", {{{"partner", "P-2"}, {"task", "stage zoeken"}}}},
               {"note", "niet getoond"}};
  auto shown = ReasoningOf(data);
  ASSERT_EQ(shown.size(), 5u);
  EXPECT_EQ(shown[0].label, "motivering");
  EXPECT_EQ(shown[0].text, "geen opleiding");
  EXPECT_EQ(shown[1].label, "afspraken met partners");
  EXPECT_EQ(shown[1].text, "P-2: stage zoeken");
  EXPECT_EQ(shown[2].text, "eerst bellen · dan schrijven");
  EXPECT_EQ(shown[3].text, "wachtlijst; wie: P-1; oplossing: voorrang");
  EXPECT_EQ(shown[4].text, "ketenoverleg (vsv)");
  EXPECT_TRUE(ReasoningOf(Json::object()).empty());
}

}  // namespace
}  // namespace rmc
