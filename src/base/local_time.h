// The local wall-clock time of an instant (Europe/Amsterdam), for the pages that print a time of
// day ("4 sep 2026 om 14:05"). A header of its own rather than a line in clock.h, which nearly
// every file includes; it is implemented in clock.cc, beside LocalDate, with the ledger's one
// time zone.
#pragma once

#include "base/clock.h"

namespace rmc {

struct LocalTime {
  Days day = 0;              // LocalDate(ns)
  int hour = 0, minute = 0;  // on the wall clock that day: summer time included
};

LocalTime LocalTimeOf(Nanos ns);

}  // namespace rmc
