// Deadlines of issue-15's reading of the source: youths kept in view after closing (§3.2), the
// contact frequency of the plan (§3.1), no_contact counted since the youth was last reached
// (§4.2), and no evaluation on the short route.
#include <gtest/gtest.h>

#include "case_harness.h"
#include "domain/deadlines.h"

namespace rmc::testing {
namespace {

std::optional<Deadline> Find(const CaseHarness& h, const std::string& code, const char* today,
                             const DeadlineFacts& facts = {}) {
  for (const auto& d : DeadlinesOf(h.state, h.settings, *ParseDate(today), facts))
    if (d.code == code) return d;
  return std::nullopt;
}

std::string Contact(const char* day, const char* channel, const char* outcome = "geen-reactie") {
  return std::string(R"({"type":"contact","case":"RMC-000001","occurred_at":")") + day +
         R"(","data":{"channel":")" + channel + R"(","outcome":")" + outcome + R"("}})";
}

// A case of `group` triaged on 2026-09-03.
void Triaged(CaseHarness& h, const std::string& group) {
  h.Ok(R"({"type":"signal","occurred_at":"2026-09-01","data":{"subject":{"ref":"J-1"},"channel":"duo-lijst","received":"2026-09-01"}})");
  h.Ok(R"({"type":"review","case":"RMC-000001","occurred_at":"2026-09-02","data":{"checked_with_youth":false,"checked_with_partners":[]}})");
  h.Ok(R"({"type":"triage","case":"RMC-000001","occurred_at":"2026-09-03","data":{"target_group":")" +
       group + R"(","action_required":true,"rationale":"r")" +
       (group == "jikp" ? R"(,"jikp_perspective":"arbeid")" : "") + "}}");
}

// A vsv-oud case closed geen-contact on 2026-10-20 after the effort of rule no-contact-effort.
void ClosedGeenContact(CaseHarness& h) {
  Triaged(h, "vsv-oud");
  h.Ok(Contact("2026-09-04", "brief"));
  h.Ok(Contact("2026-09-20", "huisbezoek-aangekondigd", "niet-thuis"));
  h.Ok(Contact("2026-10-01", "huisbezoek-onaangekondigd", "niet-thuis"));
  h.Ok(R"({"type":"close","case":"RMC-000001","occurred_at":"2026-10-20","data":{"reason":"geen-contact"}})");
}

const DeadlineFacts kBorn2004{*ParseDate("2004-06-01")};

TEST(KeptInView, AnOudVsvClosedWithoutContactKeepsItsYearlyDeadline) {
  CaseHarness h("2026-10-20");
  ClosedGeenContact(h);
  EXPECT_TRUE(KeepsInView(h.state));
  EXPECT_TRUE(InView(h.state, h.settings, *ParseDate("2026-11-01"), kBorn2004));
  auto yearly = Find(h, "oud_vsv_yearly", "2026-11-01", kBorn2004);
  ASSERT_TRUE(yearly);
  EXPECT_EQ(FormatDate(yearly->due), "2027-09-04") << "the older of the last letter and visit";
  EXPECT_TRUE(Find(h, "max_age", "2026-11-01", kBorn2004));
  EXPECT_FALSE(Find(h, "oud_vsv_yearly", "2026-11-01")) << "no birth date: not kept in view";
}

TEST(KeptInView, UntilTheMaximumAge) {
  CaseHarness h("2026-10-20");
  ClosedGeenContact(h);
  EXPECT_TRUE(InView(h.state, h.settings, *ParseDate("2027-05-31"), kBorn2004));
  EXPECT_FALSE(InView(h.state, h.settings, *ParseDate("2027-06-01"), kBorn2004)) << "23 then";
  DeadlineFacts later = kBorn2004;
  later.latest_case = false;
  EXPECT_FALSE(InView(h.state, h.settings, *ParseDate("2026-11-01"), later))
      << "a newer case takes over";
}

TEST(KeptInView, AJikpCaseKeepsItsYouthInViewButNotAfterAMove) {
  for (const char* reason : {"geen-ondersteuning-nodig", "verhuisd", "leeftijdsgrens"}) {
    CaseHarness h("2026-10-20");
    Triaged(h, "jikp");
    h.Ok(std::string(R"({"type":"close","case":"RMC-000001","occurred_at":"2026-10-20","data":{"reason":")") +
         reason + R"("}})");
    EXPECT_EQ(KeepsInView(h.state), std::string(reason) == "geen-ondersteuning-nodig") << reason;
  }
}

TEST(KeptInView, AMonitoringNoteMeetsTheInBeeldCheck) {
  CaseHarness h("2026-10-20");
  Triaged(h, "jikp");
  h.Ok(R"({"type":"close","case":"RMC-000001","occurred_at":"2026-10-20","data":{"reason":"geen-ondersteuning-nodig"}})");
  auto check = Find(h, "in_beeld_check", "2026-11-01", kBorn2004);
  ASSERT_TRUE(check);
  EXPECT_EQ(FormatDate(check->due), "2027-10-20");
  h.Ok(R"({"type":"note","case":"RMC-000001","occurred_at":"2027-03-01","data":{"text":"gesproken in de wijkronde","category":"monitoring"}})");
  EXPECT_EQ(FormatDate(Find(h, "in_beeld_check", "2027-03-02", kBorn2004)->due), "2028-03-01");
  h.Ok(R"({"type":"note","case":"RMC-000001","occurred_at":"2027-04-01","data":{"text":"adres gewijzigd"}})");
  EXPECT_EQ(FormatDate(Find(h, "in_beeld_check", "2027-04-02", kBorn2004)->due), "2028-03-01")
      << "another note is no monitoring";
}

TEST(KeptInView, OtherGroupsAreNot) {
  CaseHarness h("2026-10-20");
  Triaged(h, "vsv-nieuw");
  h.Ok(Contact("2026-09-04", "brief"));
  h.Ok(Contact("2026-09-20", "huisbezoek-aangekondigd", "niet-thuis"));
  h.Ok(Contact("2026-10-01", "huisbezoek-onaangekondigd", "niet-thuis"));
  h.Ok(R"({"type":"close","case":"RMC-000001","occurred_at":"2026-10-20","data":{"reason":"geen-contact"}})");
  EXPECT_FALSE(KeepsInView(h.state));
  EXPECT_FALSE(Find(h, "oud_vsv_yearly", "2026-11-01", kBorn2004));
  EXPECT_FALSE(Find(h, "max_age", "2026-11-01", kBorn2004)) << "ended and not in view";
}

TEST(NoContactDeadline, RunsAgainWhenTheYouthIsLostAgain) {
  CaseHarness h("2026-11-20");
  Triaged(h, "vsv-oud");
  h.Ok(Contact("2026-09-04", "brief"));
  h.Ok(Contact("2026-09-10", "telefoon", "bereikt"));
  EXPECT_EQ(FormatDate(Find(h, "no_contact", "2026-09-11")->met), "2026-09-10");
  h.Ok(Contact("2026-10-05", "telefoon", "niet-bereikt"));
  auto again = Find(h, "no_contact", "2026-10-06");
  EXPECT_EQ(FormatDate(again->due), "2026-11-02");
  EXPECT_EQ(again->met, kNoDay);
}

TEST(ContactDue, DuringStepsNineAndTenWhenThePlanSetsIt) {
  CaseHarness h("2026-11-01");
  h.WalkTo(7);
  h.Ok(R"({"type":"plan","case":"RMC-000001","data":{"trajectories":["onderwijs"],"case_director":"school","asked_youth_for_director":true,"made_with_youth":true,"contact_every_days":14}})");
  EXPECT_FALSE(Find(h, "contact_due", "2026-10-02")) << "not before the trajectory starts";
  h.Ok(R"({"type":"plan_started","case":"RMC-000001","data":{"date":"2026-10-05"}})");
  EXPECT_EQ(FormatDate(Find(h, "contact_due", "2026-10-06")->due), "2026-10-19");
  h.Ok(Contact("2026-10-15", "telefoon", "bereikt"));
  EXPECT_EQ(FormatDate(Find(h, "contact_due", "2026-10-16")->due), "2026-10-29");
  EXPECT_TRUE(Find(h, "contact_due", "2026-10-30")->overdue);
  h.Ok(R"({"type":"monitor","case":"RMC-000001","data":{"status":"op-koers"}})");
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"doel-bereikt","outcome":["onderwijs"]}})");
  EXPECT_FALSE(Find(h, "contact_due", "2026-10-30")) << "closed";
}

TEST(EvaluationDeadline, TheShortRouteHasNone) {
  CaseHarness h("2026-10-01");
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"jongere","received":"2026-09-01"}})");
  h.Ok(R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[]}})");
  h.Ok(R"({"type":"triage","case":"RMC-000001","data":{"target_group":"geen","action_required":false,"rationale":"r"}})");
  h.Ok(R"({"type":"feedback","case":"RMC-000001","data":{"partners":["leerplicht"],"summary":"s","limited_to_case":true}})");
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"geen-rmc-doelgroep"}})");
  EXPECT_FALSE(Find(h, "evaluation", "2026-12-31"));
  CaseHarness full("2026-10-01");
  full.WalkTo(12);
  EXPECT_TRUE(Find(full, "evaluation", "2026-12-31"));
}

}  // namespace
}  // namespace rmc::testing
