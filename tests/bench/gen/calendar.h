// Dates as rmc's clock counts them: days since 1970-01-01 (proleptic Gregorian), with rmc's
// rules for adding months and years and for a youth's age.
#pragma once

#include <string>

namespace rmc::gen {

int DaysFromCivil(int y, int m, int d);
void CivilFromDays(int z, int& y, int& m, int& d);
int MonthDays(int y, int m);
// As rmc's AddMonths/AddYears: a day past the month's end becomes its last day.
int AddMonths(int day, int months);
int AddYears(int day, int years);
// As rmc's AgeOn.
int AgeOn(int birth, int on);
// YYYY-MM-DD, a real date; false otherwise.
bool ParseDate(const char* s, int& out);
// Appends `day` as YYYY-MM-DD.
void PutDate(std::string& b, int day);

}  // namespace rmc::gen
