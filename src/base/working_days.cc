#include "base/working_days.h"

#include <date/date.h>

namespace rmc {
namespace {

Days ToDays(int y, unsigned m, unsigned d) {
  return Days(date::sys_days(date::year{y} / date::month{m} / date::day{d}).time_since_epoch().count());
}

// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm).
Days EasterSunday(int y) {
  int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25;
  int g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return ToDays(y, unsigned(month), unsigned(day));
}

}  // namespace

bool IsDutchPublicHoliday(Days day) {
  date::year_month_day ymd{date::sys_days(date::days(day))};
  int y = int(ymd.year());
  unsigned m = unsigned(ymd.month()), d = unsigned(ymd.day());
  if ((m == 1 && d == 1) || (m == 12 && (d == 25 || d == 26))) return true;
  if (m == 5 && d == 5 && y % 5 == 0) return true;
  Days kings = ToDays(y, 4, 27);
  if (date::weekday(date::sys_days(date::days(kings))) == date::Sunday) kings -= 1;
  if (day == kings) return true;
  Days easter = EasterSunday(y);
  return day == easter + 1 || day == easter + 39 || day == easter + 50;
}

bool IsWorkingDay(Days day) {
  date::weekday wd{date::sys_days(date::days(day))};
  return wd != date::Saturday && wd != date::Sunday && !IsDutchPublicHoliday(day);
}

Days AddWorkingDays(Days trigger, int n) {
  Days day = trigger;
  while (n > 0) {
    ++day;
    if (IsWorkingDay(day)) --n;
  }
  return day;
}

}  // namespace rmc
