// Deadlines (docs/routekaart.md#deadlines): due dates, met and overdue, on the harness's cases.
#include <gtest/gtest.h>

#include "case_harness.h"
#include "domain/deadlines.h"

namespace rmc::testing {
namespace {

std::optional<Deadline> Find(const CaseHarness& h, const std::string& code, const char* today) {
  for (const auto& d : DeadlinesOf(h.state, h.settings, *ParseDate(today), {}))
    if (d.code == code) return d;
  return std::nullopt;
}

std::string Contact(const char* day, const char* channel, const char* outcome = "geen-reactie") {
  return std::string(R"({"type":"contact","case":"RMC-000001","occurred_at":")") + day +
         R"(","data":{"channel":")" + channel + R"(","outcome":")" + outcome + R"("}})";
}

TEST(Deadlines, PickupCountsWorkingDaysAroundHolidays) {
  CaseHarness h("2026-12-23");
  // Wednesday 23 December: 24, 28, 29, 30, 31 December (25 and 26 are Christmas).
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"jongere","received":"2026-12-23"}})");
  auto d = Find(h, "pickup", "2026-12-31");
  ASSERT_TRUE(d);
  EXPECT_EQ(FormatDate(d->due), "2026-12-31");
  EXPECT_FALSE(d->overdue);
  EXPECT_TRUE(Find(h, "pickup", "2027-01-01")->overdue);
  h.Ok(Contact("2026-12-30", "telefoon", "bereikt"));
  EXPECT_EQ(FormatDate(Find(h, "pickup", "2027-01-04")->met), "2026-12-30");
  EXPECT_FALSE(Find(h, "pickup", "2027-01-04")->overdue);
}

TEST(Deadlines, ClosingEndsAPickupThatNeverCame) {
  CaseHarness h("2026-10-01");
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"jongere","received":"2026-09-01"}})");
  h.Ok(R"({"type":"triage","case":"RMC-000001","reason":"bekend dossier","data":{"target_group":"geen","action_required":false,"rationale":"r"}})");
  EXPECT_TRUE(Find(h, "pickup", "2026-10-01")->overdue);
  h.Ok(R"({"type":"feedback","case":"RMC-000001","data":{"partners":["leerplicht"],"summary":"s","limited_to_case":true}})");
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"geen-rmc-doelgroep"}})");
  auto d = Find(h, "pickup", "2026-10-02");
  EXPECT_FALSE(d->overdue);
  EXPECT_EQ(FormatDate(d->met), "2026-10-01");
}

TEST(Deadlines, AnUnansweredLetterIsFollowedByAHomeVisit) {
  CaseHarness h("2026-10-01");
  h.WalkTo(3);
  h.Ok(Contact("2026-09-10", "brief"));
  auto d = Find(h, "letter_reply", "2026-09-25");
  ASSERT_TRUE(d);
  EXPECT_EQ(FormatDate(d->due), "2026-09-24");
  EXPECT_TRUE(d->overdue);
  h.Ok(Contact("2026-09-26", "huisbezoek-aangekondigd", "niet-thuis"));
  EXPECT_FALSE(Find(h, "letter_reply", "2026-09-27")) << "the visit answered the letter";
}

TEST(Deadlines, NoContactIsMetByReachingTheYouth) {
  CaseHarness h("2026-10-30");
  h.WalkTo(3);
  h.Ok(Contact("2026-09-10", "telefoon", "niet-bereikt"));
  auto d = Find(h, "no_contact", "2026-10-30");
  EXPECT_EQ(FormatDate(d->due), "2026-10-08");
  EXPECT_TRUE(d->overdue);
  h.Ok(Contact("2026-10-29", "app", "bereikt"));
  d = Find(h, "no_contact", "2026-10-30");
  EXPECT_FALSE(d->overdue);
  EXPECT_GT(d->met, d->due) << "met late";
}

TEST(Deadlines, OudVsvNeedsBothALetterAndAHomeVisitEveryPeriod) {
  CaseHarness h("2026-09-03");
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"duo-lijst","received":"2026-09-01"}})");
  h.Ok(R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":false,"checked_with_partners":[]}})");
  h.Ok(R"({"type":"triage","case":"RMC-000001","data":{"target_group":"vsv-oud","action_required":true,"rationale":"r"}})");
  EXPECT_EQ(FormatDate(Find(h, "oud_vsv_yearly", "2026-09-03")->due), "2027-09-01");
  h.Ok(Contact("2027-03-01", "brief"));
  EXPECT_EQ(FormatDate(Find(h, "oud_vsv_yearly", "2027-03-02")->due), "2027-09-01")
      << "a letter alone does not reset it";
  h.Ok(Contact("2027-04-01", "huisbezoek-onaangekondigd", "niet-thuis"));
  EXPECT_EQ(FormatDate(Find(h, "oud_vsv_yearly", "2027-04-02")->due), "2028-03-01");
}

TEST(Deadlines, EvaluationFollowsFeedback) {
  CaseHarness h("2026-10-01");
  h.WalkTo(12);
  auto d = Find(h, "evaluation", "2026-12-01");
  ASSERT_TRUE(d);
  EXPECT_EQ(FormatDate(d->due), "2026-11-30");
  EXPECT_TRUE(d->overdue);
  h.Ok(R"({"type":"evaluation","case":"RMC-000001","data":{"resolved":"ja","partners_followed_up":"ja","bottlenecks":[],"right_decision":"ja","do_differently":"-","went_well":"-"}})");
  EXPECT_FALSE(Find(h, "evaluation", "2026-12-01")->overdue);
}

}  // namespace
}  // namespace rmc::testing
