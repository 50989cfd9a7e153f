#include "base/clock.h"

#include <date/date.h>
#include <date/tz.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <optional>

#include "base/local_time.h"

namespace rmc {
namespace {

using namespace std::chrono;

const date::time_zone* Zone() {
  static const date::time_zone* zone = date::locate_zone("Europe/Amsterdam");
  return zone;
}

// An instant on the region's wall clock. Within a day of the representable instants the zone's
// offset would overflow: such a time (only a damaged event holds one; ParseTime refuses them)
// is taken a day inside.
date::local_time<nanoseconds> ToLocal(Nanos ns) {
  constexpr Nanos kMargin = 2 * 86'400'000'000'000;
  ns = std::clamp(ns, std::numeric_limits<Nanos>::min() + kMargin,
                  std::numeric_limits<Nanos>::max() - kMargin);
  return Zone()->to_local(sys_time<nanoseconds>(nanoseconds(ns)));
}

bool Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (s[i] < '0' || s[i] > '9') return false;
  return true;
}

int Num(std::string_view s, size_t pos, size_t n) {
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
  return v;
}

std::optional<date::year_month_day> ParseYmd(std::string_view s) {
  if (!Digits(s, 0, 4) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2) || s[7] != '-' ||
      !Digits(s, 8, 2))
    return std::nullopt;
  date::year_month_day ymd{date::year{Num(s, 0, 4)}, date::month(Num(s, 5, 2)),
                           date::day(Num(s, 8, 2))};
  if (!ymd.ok()) return std::nullopt;
  return ymd;
}

// A time is nanoseconds since 1970 in an int64 (1677-09-21 to 2262-04-11): every date and time
// the ledger accepts lies in whole years well inside that, whatever its offset, so that neither
// it nor a date computed from it (a deadline, the end of a day) can wrap around.
constexpr int kFirstYear = 1678, kLastYear = 2261;
const char kRange[] = "expected a date from 1678-01-01 to 2261-12-31";

static_assert(date::sys_days(date::year(kFirstYear) / 1 / 1).time_since_epoch().count() == kFirstDay);
static_assert(date::sys_days(date::year(kLastYear) / 12 / 31).time_since_epoch().count() == kLastDay);

bool InRange(const date::year_month_day& ymd) {
  return int(ymd.year()) >= kFirstYear && int(ymd.year()) <= kLastYear;
}

Status OutOfRange(std::string_view text) {
  return InvalidInput("'" + std::string(text) + "' lies outside the times the ledger can hold; " +
                      kRange);
}

}  // namespace

Result<Days> ParseDate(std::string_view text) {
  auto ymd = ParseYmd(text);
  if (text.size() != 10 || !ymd)
    return InvalidInput("'" + std::string(text) + "' is not a date; expected YYYY-MM-DD");
  if (!InRange(*ymd)) return OutOfRange(text);
  return Days(date::sys_days(*ymd).time_since_epoch().count());
}

Result<TimePoint> ParseTime(std::string_view text) {
  const std::string bad = "'" + std::string(text) +
                          "' is not an ISO 8601 time; expected YYYY-MM-DD or "
                          "YYYY-MM-DDTHH:MM:SS with Z or an offset";
  auto ymd = ParseYmd(text);
  if (!ymd) return InvalidInput(bad);
  if (!InRange(*ymd)) return OutOfRange(text);
  if (text.size() == 10) return TimePoint{StartOfLocalDay(*ParseDate(text)), true};
  if (text[10] != 'T' && text[10] != ' ') return InvalidInput(bad);
  size_t p = 11;
  if (!Digits(text, p, 2) || text.size() < p + 5 || text[p + 2] != ':' || !Digits(text, p + 3, 2))
    return InvalidInput(bad);
  int hh = Num(text, p, 2), mm = Num(text, p + 3, 2), ss = 0;
  int64_t frac_ns = 0;
  p += 5;
  if (p < text.size() && text[p] == ':') {
    if (!Digits(text, p + 1, 2)) return InvalidInput(bad);
    ss = Num(text, p + 1, 2);
    p += 3;
    if (p < text.size() && (text[p] == '.' || text[p] == ',')) {
      ++p;
      int64_t scale = 100000000;
      size_t start = p;
      while (p < text.size() && text[p] >= '0' && text[p] <= '9') {
        if (scale > 0) frac_ns += (text[p] - '0') * scale;
        scale /= 10;
        ++p;
      }
      if (p == start) return InvalidInput(bad);
    }
  }
  if (hh > 23 || mm > 59 || ss > 60) return InvalidInput(bad);
  auto local = date::local_days(*ymd) + hours(hh) + minutes(mm) + seconds(ss);
  std::string_view zone = text.substr(p);
  Nanos ns;
  if (zone.empty()) {
    auto sys = Zone()->to_sys(local, date::choose::earliest);
    ns = duration_cast<nanoseconds>(sys.time_since_epoch()).count();
  } else {
    int offset_min = 0;
    if (zone == "Z" || zone == "z") {
      offset_min = 0;
    } else if ((zone[0] == '+' || zone[0] == '-') && Digits(zone, 1, 2) &&
               ((zone.size() == 6 && zone[3] == ':' && Digits(zone, 4, 2)) ||
                (zone.size() == 5 && Digits(zone, 3, 2)) || zone.size() == 3)) {
      int oh = Num(zone, 1, 2);
      int om = zone.size() == 3 ? 0 : Num(zone, zone.size() - 2, 2);
      // No offset in use lies beyond 14 hours (they run from -12:00 to +14:00).
      if (om > 59 || oh * 60 + om > 14 * 60)
        return InvalidInput("'" + std::string(text) + "': " + std::string(zone) +
                            " is not a UTC offset; expected one from -14:00 to +14:00");
      offset_min = (zone[0] == '-' ? -1 : 1) * (oh * 60 + om);
    } else {
      return InvalidInput(bad);
    }
    auto utc = local.time_since_epoch() - minutes(offset_min);
    ns = duration_cast<nanoseconds>(utc).count();
  }
  return TimePoint{ns + frac_ns, false};
}

Result<TimePoint> Now() {
  static const std::optional<Result<TimePoint>> fixed = []() -> std::optional<Result<TimePoint>> {
    const char* env = std::getenv("RMC_NOW");
    if (!env || !*env) return std::nullopt;
    auto t = ParseTime(env);
    if (!t.ok()) return Result<TimePoint>(Status(Code::kUsage, "RMC_NOW: " + t.status().message()));
    t->is_date = false;
    return t;
  }();
  if (fixed) return *fixed;
  return TimePoint{duration_cast<nanoseconds>(system_clock::now().time_since_epoch()).count(),
                   false};
}

// Calendar arithmetic by date's year_month_day; the text by hand: date::format goes through an
// ostringstream, which was the largest cost of the change feed.
std::string FormatDate(Days days) {
  date::year_month_day ymd{date::sys_days(date::days(days))};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", int(ymd.year()), unsigned(ymd.month()),
                unsigned(ymd.day()));
  return buf;
}

std::string FormatTime(Nanos ns) {
  // The day and the time in it by integer division: the day's start in nanoseconds may lie
  // before the first representable instant (1677-09-21T00:12:43Z), so chrono's floor overflows.
  constexpr Nanos kDay = 86'400'000'000'000;
  Nanos in_day = ns % kDay;
  Days day = Days(ns / kDay);
  if (in_day < 0) in_day += kDay, --day;
  date::hh_mm_ss<nanoseconds> t{nanoseconds(in_day)};
  std::string out = FormatDate(day);
  char buf[32];
  int n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", int(t.hours().count()),
                        int(t.minutes().count()), int(t.seconds().count()));
  const int64_t sub = t.subseconds().count();  // as precise as needed: s, ms or ns
  if (sub % 1000000000 == 0) {
  } else if (sub % 1000000 == 0) {
    n += std::snprintf(buf + n, sizeof buf - n, ".%03lld", (long long)(sub / 1000000));
  } else {
    n += std::snprintf(buf + n, sizeof buf - n, ".%09lld", (long long)sub);
  }
  out.append(buf, n);
  out += 'Z';
  return out;
}

std::string FormatTimePoint(const TimePoint& t) {
  return t.is_date ? FormatDate(LocalDate(t.ns)) : FormatTime(t.ns);
}

Days LocalDate(Nanos ns) { return Days(floor<date::days>(ToLocal(ns)).time_since_epoch().count()); }

LocalTime LocalTimeOf(Nanos ns) {
  const auto local = ToLocal(ns);
  const auto day = floor<date::days>(local);
  const date::hh_mm_ss<nanoseconds> t{local - day};
  return {Days(day.time_since_epoch().count()), int(t.hours().count()), int(t.minutes().count())};
}

Nanos StartOfLocalDay(Days days) {
  auto local = date::local_days(date::days(days));
  auto sys = Zone()->to_sys(local, date::choose::earliest);
  return duration_cast<nanoseconds>(sys.time_since_epoch()).count();
}

Nanos EndOfLocalDay(Days days) { return StartOfLocalDay(days + 1) - 1; }

int AgeOn(Days birth, Days on) {
  date::year_month_day b{date::sys_days(date::days(birth))};
  date::year_month_day o{date::sys_days(date::days(on))};
  int age = int(o.year()) - int(b.year());
  if (o.month() < b.month() || (o.month() == b.month() && o.day() < b.day())) --age;
  return age;
}

Days AddYears(Days from, int years) {
  date::year_month_day d{date::sys_days(date::days(from))};
  auto r = d + date::years(years);
  if (!r.ok()) r = r.year() / r.month() / date::last;
  return Days(date::sys_days(r).time_since_epoch().count());
}

Days AddMonths(Days from, int months) {
  date::year_month_day d{date::sys_days(date::days(from))};
  auto r = d + date::months(months);
  if (!r.ok()) r = r.year() / r.month() / date::last;
  return Days(date::sys_days(r).time_since_epoch().count());
}

}  // namespace rmc
