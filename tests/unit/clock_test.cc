// The clock's text forms (docs/commands.md: ISO 8601, UTC with Z; dates Europe/Amsterdam).
#include <gtest/gtest.h>

#include <limits>

#include "base/clock.h"

namespace rmc {
namespace {

TEST(Clock, TimesKeepTheirPrecision) {
  auto t = ParseTime("2026-11-20T09:00:00Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(FormatTime(t->ns), "2026-11-20T09:00:00Z");
  EXPECT_EQ(FormatTime(t->ns + 120'000'000), "2026-11-20T09:00:00.120Z");
  EXPECT_EQ(FormatTime(t->ns + 123'456'789), "2026-11-20T09:00:00.123456789Z");
  EXPECT_EQ(FormatTime(0), "1970-01-01T00:00:00Z");
  // The first and last representable instants (a damaged event may hold them): the fuzzer found
  // chrono's floor overflowing before the first; the sanitized suite fails on that.
  EXPECT_EQ(FormatTime(std::numeric_limits<Nanos>::min()), "1677-09-21T00:12:43.145224192Z");
  EXPECT_EQ(FormatTime(std::numeric_limits<Nanos>::max()), "2262-04-11T23:47:16.854775807Z");
  EXPECT_EQ(FormatTime(-1), "1969-12-31T23:59:59.999999999Z");
  EXPECT_EQ(LocalDate(std::numeric_limits<Nanos>::max()), LocalDate(std::numeric_limits<Nanos>::max() - 172'800'000'000'000));
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

TEST(Clock, TimesOutsideTheNanosecondRangeAreRefused) {
  // Nanoseconds since 1970 in an int64 end on 2262-04-11: 2262-04-12 came back as 1677.
  for (const char* t : {"2262-04-12", "2262-04-12T00:00:00Z", "2262-01-01T00:00", "1677-09-21",
                        "1677-12-31T23:59:59Z", "0001-01-01", "9999-12-31T00:00:00+01:00"}) {
    auto parsed = ParseTime(t);
    ASSERT_FALSE(parsed.ok()) << t << " became " << FormatTime(parsed->ns);
    EXPECT_EQ(parsed.status().code(), Code::kInvalidInput);
    EXPECT_NE(parsed.status().message().find("expected a date from 1678-01-01 to 2261-12-31"),
              std::string::npos)
        << parsed.status().message();
  }
  // Dates in data too: a deadline computed from them is a time.
  for (const char* d : {"2262-04-12", "1677-01-01", "0001-01-01"}) {
    auto parsed = ParseDate(d);
    ASSERT_FALSE(parsed.ok()) << d;
    EXPECT_NE(parsed.status().message().find("1678-01-01 to 2261-12-31"), std::string::npos);
  }
  // The edges, with the widest offsets, still round-trip.
  EXPECT_EQ(FormatTime(ParseTime("1678-01-01T00:00:00+14:00")->ns), "1677-12-31T10:00:00Z");
  EXPECT_EQ(FormatTime(ParseTime("2261-12-31T23:59:59-14:00")->ns), "2262-01-01T13:59:59Z");
  EXPECT_EQ(FormatDate(*ParseDate("2261-12-31")), "2261-12-31");
  EXPECT_EQ(FormatDate(LocalDate(EndOfLocalDay(*ParseDate("2261-12-31")))), "2261-12-31");
}

TEST(Clock, OffsetsAreUtcOffsets) {
  for (const char* t : {"2026-11-20T09:00:00+25:00", "2026-11-20T09:00:00+14:01",
                        "2026-11-20T09:00:00-14:30", "2026-11-20T09:00:00+01:60",
                        "2026-11-20T09:00:00+0099", "2026-11-20T09:00+99"}) {
    auto parsed = ParseTime(t);
    ASSERT_FALSE(parsed.ok()) << t << " became " << FormatTime(parsed->ns);
    EXPECT_NE(parsed.status().message().find("expected one from -14:00 to +14:00"),
              std::string::npos)
        << parsed.status().message();
  }
  EXPECT_EQ(FormatTime(ParseTime("2026-11-20T09:00:00+14:00")->ns), "2026-11-19T19:00:00Z");
  EXPECT_EQ(FormatTime(ParseTime("2026-11-20T09:00:00-14:00")->ns), "2026-11-20T23:00:00Z");
  EXPECT_EQ(FormatTime(ParseTime("2026-11-20T09:00:00+05:45")->ns), "2026-11-20T03:15:00Z");
  EXPECT_EQ(FormatTime(ParseTime("2026-11-20T09:00:00+0530")->ns), "2026-11-20T03:30:00Z");
  EXPECT_EQ(FormatTime(ParseTime("2026-11-20T09:00:00-03")->ns), "2026-11-20T12:00:00Z");
}

}  // namespace
}  // namespace rmc
