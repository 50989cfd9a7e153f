// Working days: Monday to Friday without Dutch public holidays (docs/routekaart.md#deadlines).
#pragma once

#include "base/clock.h"

namespace rmc {

// New Year, Easter Monday, King's Day (27 April, 26 April when that is a Sunday), Liberation
// Day in lustrum years, Ascension Day, Whit Monday, Christmas Day and Boxing Day.
bool IsDutchPublicHoliday(Days day);
bool IsWorkingDay(Days day);
// The end of the Nth working day after `trigger` (the trigger day itself not counted).
Days AddWorkingDays(Days trigger, int n);

}  // namespace rmc
