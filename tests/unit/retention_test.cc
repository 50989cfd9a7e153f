// The retention rule (docs/routekaart.md#retention): both conditions, on both sides of
// their dates, and what holds erasure back.
#include "domain/retention.h"

#include <gtest/gtest.h>

namespace rmc {
namespace {

Days D(const char* date) { return *ParseDate(date); }

CaseState Closed(const char* id, const char* closed_on, const char* aftercare_until = nullptr) {
  CaseState s;
  s.case_id = id;
  s.closed_on = D(closed_on);
  s.aftercare_until = aftercare_until ? D(aftercare_until) : kNoDay;
  s.status = aftercare_until ? CaseStatus::kNazorg : CaseStatus::kAfgesloten;
  return s;
}

CaseState Open(const char* id) {
  CaseState s;
  s.case_id = id;
  return s;
}

std::optional<RetentionDue> Due(const std::vector<CaseState>& cases, const char* birth,
                                const char* today, int max_age = 23) {
  Settings settings;  // retention 2 years after the max_age birthday, 2 years after the end
  settings.max_age = max_age;
  return RetentionDueOn(cases, birth ? std::optional<Days>(D(birth)) : std::nullopt, settings,
                        D(today));
}

TEST(Retention, DueOnceBothConditionsPassed) {
  // 23 on 2023-01-10, + 2 years: 2025-01-10. Closed 2023-06-01, + 2 years: 2025-06-01.
  auto due = Due({Closed("RMC-000001", "2023-06-01")}, "2000-01-10", "2026-11-20");
  ASSERT_TRUE(due);
  EXPECT_EQ(due->last_case, "RMC-000001");
  EXPECT_EQ(FormatDate(due->ended), "2023-06-01");
  EXPECT_EQ(FormatDate(due->end_passed), "2025-06-01");
  EXPECT_EQ(FormatDate(due->age_passed), "2025-01-10");
  EXPECT_EQ(FormatDate(due->passed), "2025-06-01");
  EXPECT_FALSE(due->birth_date_unknown());
}

TEST(Retention, TheEndConditionAloneDoesNotSuffice) {
  // Ended long ago, but 23 only on 2028-03-01: the age condition passes on 2030-03-01.
  EXPECT_FALSE(Due({Closed("RMC-000001", "2019-05-01")}, "2005-03-01", "2026-11-20"));
  EXPECT_TRUE(Due({Closed("RMC-000001", "2019-05-01")}, "2005-03-01", "2030-03-01"));
}

TEST(Retention, TheAgeConditionAloneDoesNotSuffice) {
  // 23 long ago, but the last case ended 2025-12-01: the end condition passes on 2027-12-01.
  EXPECT_FALSE(Due({Closed("RMC-000001", "2025-12-01")}, "1990-01-01", "2026-11-20"));
  auto due = Due({Closed("RMC-000001", "2025-12-01")}, "1990-01-01", "2027-12-01");
  ASSERT_TRUE(due);
  EXPECT_EQ(FormatDate(due->passed), "2027-12-01");
}

TEST(Retention, TheLastCaseToEndCounts) {
  auto due = Due({Closed("RMC-000001", "2020-01-01"), Closed("RMC-000002", "2024-02-03")},
                 "1990-01-01", "2026-11-20");
  ASSERT_TRUE(due);
  EXPECT_EQ(due->last_case, "RMC-000002");
  EXPECT_EQ(FormatDate(due->passed), "2026-02-03");
  EXPECT_FALSE(Due({Closed("RMC-000001", "2020-01-01"), Closed("RMC-000002", "2025-02-03")},
                   "1990-01-01", "2026-11-20"));
}

TEST(Retention, AnOpenCaseHoldsErasure) {
  EXPECT_FALSE(
      Due({Closed("RMC-000001", "2015-01-01"), Open("RMC-000002")}, "1990-01-01", "2026-11-20"));
  EXPECT_FALSE(Due({Open("RMC-000001")}, nullptr, "2040-01-01"));
}

TEST(Retention, AftercareHoldsErasureAndEndsTheCaseWhenItEnds) {
  const auto in_aftercare = Closed("RMC-000002", "2026-10-01", "2027-04-01");
  EXPECT_FALSE(Due({Closed("RMC-000001", "2015-01-01"), in_aftercare}, "1990-01-01", "2026-11-20"));
  EXPECT_EQ(CaseEnded(in_aftercare, D("2027-04-01")), kNoDay) << "the last day of aftercare";
  EXPECT_EQ(FormatDate(CaseEnded(in_aftercare, D("2027-04-02"))), "2027-04-01");
  // The aftercare counts as the case's end: + 2 years.
  EXPECT_FALSE(Due({in_aftercare}, "1990-01-01", "2029-03-31"));
  auto due = Due({in_aftercare}, "1990-01-01", "2029-04-01");
  ASSERT_TRUE(due);
  EXPECT_EQ(FormatDate(due->ended), "2027-04-01");
}

TEST(Retention, AnAftercareEndedEarlyEndsTheCaseThatDay) {
  auto ended = Closed("RMC-000001", "2026-10-01", "2027-04-01");
  ended.aftercare_ended = D("2026-12-01");
  ended.status = CaseStatus::kAfgesloten;
  EXPECT_EQ(FormatDate(CaseEnded(ended, D("2026-12-01"))), "2026-12-01");
  EXPECT_FALSE(Due({ended}, "1990-01-01", "2028-11-30"));
  auto due = Due({ended}, "1990-01-01", "2028-12-01");
  ASSERT_TRUE(due) << "two years after the early end, not after the planned one";
  EXPECT_EQ(FormatDate(due->ended), "2026-12-01");
  // Ended (as a fact recorded late) after the aftercare had run out: the planned end counts.
  ended.aftercare_ended = D("2027-05-01");
  EXPECT_EQ(FormatDate(CaseEnded(ended, D("2027-05-01"))), "2027-04-01");
  // Dated before the closing: never earlier than the closing day.
  ended.aftercare_ended = D("2026-09-01");
  EXPECT_EQ(FormatDate(CaseEnded(ended, D("2027-05-01"))), "2026-10-01");
}

TEST(Retention, ACaseEndedByAftercareEndAloneEndedThatDay) {
  CaseState s;  // aftercare_end with a reason on a case never closed (a deviation)
  s.case_id = "RMC-000001";
  s.status = CaseStatus::kAfgesloten;
  s.aftercare_ended = D("2026-03-01");
  EXPECT_EQ(FormatDate(CaseEnded(s, D("2026-11-20"))), "2026-03-01");
  EXPECT_TRUE(Due({s}, "1990-01-01", "2028-03-01")) << "not held forever for want of a closing day";
  EXPECT_FALSE(Due({s}, "1990-01-01", "2028-02-29"));
}

TEST(Retention, EachConditionPassesOnItsDate) {
  // End: closed 2024-11-20, passes 2026-11-20.
  EXPECT_FALSE(Due({Closed("RMC-000001", "2024-11-20")}, "1990-01-01", "2026-11-19"));
  EXPECT_TRUE(Due({Closed("RMC-000001", "2024-11-20")}, "1990-01-01", "2026-11-20"));
  // Age: born 2001-11-20, 23 on 2024-11-20, passes 2026-11-20.
  EXPECT_FALSE(Due({Closed("RMC-000001", "2020-01-01")}, "2001-11-20", "2026-11-19"));
  EXPECT_TRUE(Due({Closed("RMC-000001", "2020-01-01")}, "2001-11-20", "2026-11-20"));
}

TEST(Retention, MaxAge27HoldsFourYearsLonger) {
  const std::vector<CaseState> cases{Closed("RMC-000001", "2020-01-01")};
  EXPECT_TRUE(Due(cases, "2000-01-10", "2026-11-20", 23)) << "passed 2025-01-10";
  EXPECT_FALSE(Due(cases, "2000-01-10", "2026-11-20", 27)) << "passes 2029-01-10";
  EXPECT_FALSE(Due(cases, "2000-01-10", "2029-01-09", 27));
  auto due = Due(cases, "2000-01-10", "2029-01-10", 27);
  ASSERT_TRUE(due);
  EXPECT_EQ(FormatDate(due->age_passed), "2029-01-10");
}

TEST(Retention, AnUnknownBirthDateLeavesTheEndConditionToDecide) {
  auto due = Due({Closed("RMC-000001", "2023-06-01")}, nullptr, "2025-06-01");
  ASSERT_TRUE(due);
  EXPECT_TRUE(due->birth_date_unknown());
  EXPECT_EQ(FormatDate(due->passed), "2025-06-01");
  EXPECT_FALSE(Due({Closed("RMC-000001", "2023-06-01")}, nullptr, "2025-05-31"));
}

TEST(Retention, NoCasesNothingDue) { EXPECT_FALSE(Due({}, "1990-01-01", "2026-11-20")); }

}  // namespace
}  // namespace rmc
