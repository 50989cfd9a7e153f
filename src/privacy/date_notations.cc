#include "privacy/date_notations.h"

#include <cstdio>
#include <set>

namespace rmc {
namespace {

struct MonthName {
  std::u32string_view name;
  int month;
};

// Every spelling, each once; the abbreviations as Dutch and English texts use them.
constexpr MonthName kMonthNames[] = {
    {U"januari", 1},   {U"january", 1},  {U"jan", 1},       {U"februari", 2},  {U"february", 2},
    {U"feb", 2},       {U"maart", 3},    {U"march", 3},     {U"mrt", 3},       {U"mar", 3},
    {U"april", 4},     {U"apr", 4},      {U"mei", 5},       {U"may", 5},       {U"juni", 6},
    {U"june", 6},      {U"jun", 6},      {U"juli", 7},      {U"july", 7},      {U"jul", 7},
    {U"augustus", 8},  {U"august", 8},   {U"aug", 8},       {U"september", 9}, {U"sept", 9},
    {U"sep", 9},       {U"oktober", 10}, {U"october", 10},  {U"okt", 10},      {U"oct", 10},
    {U"november", 11}, {U"nov", 11},     {U"december", 12}, {U"dec", 12},
};

std::string Narrow(std::u32string_view ascii) { return std::string(ascii.begin(), ascii.end()); }

}  // namespace

int MonthOfName(std::u32string_view word) {
  for (const auto& m : kMonthNames)
    if (m.name == word) return m.month;
  return 0;
}

std::vector<std::string> DateNotations(Days day) {
  const std::string iso = FormatDate(day);  // YYYY-MM-DD
  int y = 0, m = 0, d = 0;
  if (std::sscanf(iso.c_str(), "%d-%d-%d", &y, &m, &d) != 3) return {};
  const std::string yyyy = iso.substr(0, 4), yy = iso.substr(2, 2);
  const std::string mm = iso.substr(5, 2), dd = iso.substr(8, 2);
  const std::vector<std::string> days{dd, std::to_string(d)}, months{mm, std::to_string(m)};
  std::set<std::string> out{dd + mm + yyyy, yyyy + mm + dd, dd + mm + yy};
  for (const std::string sep : {"-", "/", ".", " "})
    for (const auto& D : days)
      for (const auto& M : months) {
        out.insert(D + sep + M + sep + yyyy);
        out.insert(yyyy + sep + M + sep + D);
        if (sep != " ") out.insert(D + sep + M + sep + yy);
      }
  for (const auto& n : kMonthNames) {
    if (n.month != m) continue;
    const std::string name = Narrow(n.name);
    for (const std::string& N : {name, name + "."})
      for (const auto& D : days) {
        out.insert(D + " " + N + " " + yyyy);
        out.insert(D + "-" + N + "-" + yyyy);
        out.insert(N + " " + D + ", " + yyyy);
        out.insert(N + " " + D + " " + yyyy);
      }
  }
  return {out.begin(), out.end()};
}

}  // namespace rmc
