// Dates as people write them in free text: the notations of one date (a youth's birth date, to
// be found wherever it is written) and the names of the months that make them, in Dutch and
// English. privacy/redactor.h uses both.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"

namespace rmc {

// The month (1-12) a word names: full or abbreviated, Dutch or English, in lower case and
// without a trailing dot ("maart", "mrt", "march", "mar", "okt", "oct", "mei", "may"); 0 for
// any other word.
int MonthOfName(std::u32string_view word);

// The ways `day` is commonly written: 2007-03-14, 14-03-2007, 14-3-2007, 14/03/2007,
// 14.03.2007, 14 03 2007, 14-03-07, 14032007, 20070314, 14 maart 2007, 14 mrt 2007,
// 14 mrt. 2007, 14-mrt-2007, 14 March 2007, March 14, 2007 ..., each with and without leading
// zeros. Lower case; matching is meant to ignore case (base/folded_text.h).
std::vector<std::string> DateNotations(Days day);

// Whether day `d` of month `m` can be a calendar date (1-31, 1-12; the month's length is not
// checked: a notation is masked whether or not the date exists).
inline bool IsDayOfMonth(int d, int m) { return d >= 1 && d <= 31 && m >= 1 && m <= 12; }

}  // namespace rmc
