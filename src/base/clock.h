// Time on the ledger: the clock ($RMC_NOW), ISO 8601 parsing and formatting, and local dates
// in the region's time zone (Europe/Amsterdam). Nothing else reads the wall clock.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace rmc {

using Nanos = int64_t;  // since the Unix epoch, UTC
using Days = int32_t;   // a calendar date: days since 1970-01-01

// An instant as given: a date ("2026-11-20") stands for local midnight and keeps is_date.
struct TimePoint {
  Nanos ns = 0;
  bool is_date = false;
};

// Now: $RMC_NOW when set (ISO 8601; read once per process), else the system clock.
Result<TimePoint> Now();

// The calendar dates the ledger holds, 1678-01-01 to 2261-12-31 (ParseDate): a stored day
// outside them is damage.
constexpr Days kFirstDay = -106'650, kLastDay = 106'650;

// "YYYY-MM-DD" (a real calendar date from 1678-01-01 to 2261-12-31: a time in nanoseconds
// cannot hold more) into days.
Result<Days> ParseDate(std::string_view text);
// ISO 8601: a date, "YYYY-MM-DDTHH:MM[:SS[.frac]]" with "Z", "+HH:MM" (-14:00 to +14:00) or
// nothing (local time); dates as ParseDate.
Result<TimePoint> ParseTime(std::string_view text);

std::string FormatDate(Days days);
// "2026-11-20T09:30:00Z", with fractional seconds only where they are not zero.
std::string FormatTime(Nanos ns);
// A date-only TimePoint as its date, else as FormatTime.
std::string FormatTimePoint(const TimePoint& t);

// The local date (Europe/Amsterdam) of an instant.
Days LocalDate(Nanos ns);
// Local midnight at the start of `days`, and the last nanosecond of that day.
Nanos StartOfLocalDay(Days days);
Nanos EndOfLocalDay(Days days);

// Whole years between a birth date and a date (age on that date).
int AgeOn(Days birth, Days on);
// The date `years` after `birth` (29 February births fall on 28 February).
Days AddYears(Days from, int years);
Days AddMonths(Days from, int months);

}  // namespace rmc
