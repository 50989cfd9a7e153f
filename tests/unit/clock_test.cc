// The clock's text forms (COMMANDS.md: ISO 8601, UTC with Z; dates Europe/Amsterdam).
#include <gtest/gtest.h>

#include "clock.h"

namespace rmc {
namespace {

TEST(Clock, TimesKeepTheirPrecision) {
  auto t = ParseTime("2026-11-20T09:00:00Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatTime(t->ns), "2026-11-20T09:00:00Z");
  EXPECT_EQ(FormatTime(t->ns + 120'000'000), "2026-11-20T09:00:00.120Z");
  EXPECT_EQ(FormatTime(t->ns + 123'456'789), "2026-11-20T09:00:00.123456789Z");
  EXPECT_EQ(FormatTime(0), "1970-01-01T00:00:00Z");
}

TEST(Clock, DatesRoundTrip) {
  for (const char* d : {"1969-12-31", "2000-02-29", "2026-01-01", "2027-12-31"}) {
    auto days = ParseDate(d);
    ASSERT_TRUE(days.ok()) << d;
    EXPECT_EQ(FormatDate(*days), d);
  }
}

TEST(Clock, LocalDatesAreAmsterdams) {
  // 23:30 UTC on 31 March 2026 is already 1 April in Amsterdam (summer time, UTC+2).
  EXPECT_EQ(FormatDate(LocalDate(ParseTime("2026-03-31T23:30:00Z")->ns)), "2026-04-01");
  EXPECT_EQ(FormatDate(LocalDate(ParseTime("2026-12-31T22:59:59Z")->ns)), "2026-12-31");
}

}  // namespace
}  // namespace rmc
