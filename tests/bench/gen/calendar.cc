#include "calendar.h"

#include <algorithm>
#include <cstdio>

#include "decimal.h"

namespace rmc::gen {

int DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = unsigned(y - era * 400);
  const unsigned doy = unsigned((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + int(doe) - 719468;
}

void CivilFromDays(int z, int& y, int& m, int& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = unsigned(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = int(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = int(doy - (153 * mp + 2) / 5 + 1);
  m = int(mp < 10 ? mp + 3 : mp - 9);
  y += m <= 2;
}

static bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int MonthDays(int y, int m) {
  static const int k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : k[m - 1];
}

int AddMonths(int day, int months) {
  int y, m, d;
  CivilFromDays(day, y, m, d);
  int total = y * 12 + (m - 1) + months;
  y = total / 12;
  m = total % 12 + 1;
  return DaysFromCivil(y, m, std::min(d, MonthDays(y, m)));
}
int AddYears(int day, int years) { return AddMonths(day, 12 * years); }

int AgeOn(int birth, int on) {
  int by, bm, bd, oy, om, od;
  CivilFromDays(birth, by, bm, bd);
  CivilFromDays(on, oy, om, od);
  int age = oy - by;
  if (om < bm || (om == bm && od < bd)) --age;
  return age;
}

bool ParseDate(const char* s, int& out) {
  int y, m, d;
  char tail;
  if (std::sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return false;
  if (m < 1 || m > 12 || d < 1 || d > MonthDays(y, m)) return false;
  out = DaysFromCivil(y, m, d);
  return true;
}

void PutDate(std::string& b, int day) {
  int y, m, d;
  CivilFromDays(day, y, m, d);
  PutDigits(b, unsigned(y), 4);
  b.push_back('-');
  PutDigits(b, unsigned(m), 2);
  b.push_back('-');
  PutDigits(b, unsigned(d), 2);
}

}  // namespace rmc::gen
