// Dates and values in plain Dutch (views/dutch_text.h); the older tests of its dates and values
// are in page_text_test.cc, from when the replay page alone used them.
#include "views/dutch_text.h"

#include <gtest/gtest.h>

#include <utility>

namespace rmc {
namespace {

TEST(DutchText, ATimeIsTheLocalDateAndTheWallClock) {
  const std::pair<Json, const char*> kTimes[] = {
      {"2026-11-20T09:00:00Z", "20 nov 2026 om 10:00"},  // winter time, UTC+1
      {"2026-09-04T12:05:30Z", "4 sep 2026 om 14:05"},   // summer time, UTC+2
      {"2026-11-04T23:30:00Z", "5 nov 2026 om 00:30"},   // the next day in Amsterdam
      {"2026-03-29T01:30:00Z", "29 mrt 2026 om 03:30"},  // summer time begins: not 02:30
      // What is no time is a date, as DutchDate writes it.
      {"2026-09-04", "4 sep 2026"},
      {12, "dag 12"},
      {Json(), ""},
      {"morgen", "morgen"},
  };
  for (const auto& [time, dutch] : kTimes) EXPECT_EQ(DutchDateTime(time), dutch) << time.dump();
}

}  // namespace
}  // namespace rmc
