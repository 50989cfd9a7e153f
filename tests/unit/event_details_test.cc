// An event's data as the youth reads it (views/event_details.h): Dutch labels, plain values, no
// bookkeeping.
#include "views/event_details.h"

#include <gtest/gtest.h>

namespace rmc {
namespace {

std::string Lines(const std::vector<Detail>& details) {
  std::string out;
  for (const auto& d : details) out += d.label + ": " + d.text + "\n";
  return out;
}

TEST(EventDetails, ASignalsFieldsHaveLabelsAndTheBookkeepingIsLeftOut) {
  const Json signal = Json::parse(R"({
    "subject": {"ref": "J-1", "name": "Sanne", "birth_date": "2007-09-04", "enrolled": true},
    "channel": "jongere", "received": "2026-11-01", "info_items": 99, "contacts": ["moeder"],
    "absence": {"kind": "16u-4w", "hours": 20, "from": "2026-10-01"}, "care": null})");
  EXPECT_EQ(Lines(EventDetails(signal)),
            "naam: Sanne\n"
            "geboortedatum: 4 sep 2007\n"
            "ingeschreven op een school: ja\n"
            "kanaal: jongere\n"
            "ontvangen op: 1 nov 2026\n"
            "contactpersonen: moeder\n"
            "verzuim: soort: 16u-4w, uren: 20, van: 1 okt 2026\n");
}

TEST(EventDetails, AnAgeOfZeroIsUnknownAndReasoningHasItsLabel) {
  const Json triage = Json::parse(
      R"({"target_group": "vsv-nieuw", "action_required": true, "rationale": "r",
          "missing_info": ["care"], "age_at_triage": 0, "has_jikp_perspective": false})");
  EXPECT_EQ(Lines(EventDetails(triage)),
            "doelgroep: vsv-nieuw\nactie nodig: ja\nmotivering: r\n"
            "ontbrekende informatie: zorg en hulp\n");
}

TEST(EventDetails, ACorrectionShowsTheNewValuesByTheirLabels) {
  const Json correction = Json::parse(
      R"({"target": 3, "fields": ["subject"], "corrected": {"subject": {"ref": "J-1", "name": "S"}}})");
  EXPECT_EQ(Lines(EventDetails(correction)), "nieuwe waarde: naam: S\n");
}

TEST(EventDetails, ListsOfObjectsArePhrases) {
  const Json plan = Json::parse(
      R"({"trajectories": ["onderwijs"], "youth_contact": {"frequency": "wekelijks", "channel": "app"},
          "made_with_youth": true})");
  EXPECT_EQ(Lines(EventDetails(plan)),
            "trajecten: onderwijs\ncontact met de jongere: hoe vaak: wekelijks, kanaal: app\n"
            "samen met de jongere gemaakt: ja\n");
}

}  // namespace
}  // namespace rmc
