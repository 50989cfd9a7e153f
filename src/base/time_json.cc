#include "base/time_json.h"

#include <cstring>

namespace rmc {
namespace {

constexpr int64_t kNanosPerSecond = 1000000000;
constexpr int64_t kNanosPerDay = 86400 * kNanosPerSecond;

char* Digits(uint64_t v, int width, char* out) {
  for (int i = width - 1; i >= 0; --i, v /= 10) out[i] = char('0' + v % 10);
  return out + width;
}

// "YYYY-MM-DD" at `out` (the civil calendar of date::year_month_day); nothing for a year outside
// 0..9999, which FormatDate writes otherwise. Recent dates are remembered: consecutive events
// mostly share their days.
char* DateText(Days days, char* out) {
  struct Recent {
    Days days = 0;
    char text[10] = {'1', '9', '7', '0', '-', '0', '1', '-', '0', '1'};
  };
  thread_local Recent recent[8];
  Recent& r = recent[uint32_t(days) % 8];
  if (days == r.days) {
    std::memcpy(out, r.text, 10);
    return out + 10;
  }
  const int64_t z = int64_t(days) + 719468;  // days since 0000-03-01
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const uint64_t doe = uint64_t(z - era * 146097);
  const uint64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const uint64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const uint64_t mp = (5 * doy + 2) / 153;
  const uint64_t day = doy - (153 * mp + 2) / 5 + 1;
  const uint64_t month = mp < 10 ? mp + 3 : mp - 9;
  const int64_t year = int64_t(yoe) + era * 400 + (month <= 2);
  if (year < 0 || year > 9999) return nullptr;
  out = Digits(year, 4, out);
  *out++ = '-';
  out = Digits(month, 2, out);
  *out++ = '-';
  out = Digits(day, 2, out);
  r.days = days;
  std::memcpy(r.text, out - 10, 10);
  return out;
}

}  // namespace

void WriteDate(Days days, JsonWriter& out) {
  const size_t size = out.size();
  char* at = out.Extend(12);
  *at = '"';
  if (char* end = DateText(days, at + 1)) {
    *end = '"';
    return;
  }
  out.Truncate(size);
  out.String(FormatDate(days));
}

void WriteTime(Nanos ns, JsonWriter& out) {
  int64_t days = ns / kNanosPerDay, time = ns % kNanosPerDay;
  if (time < 0) time += kNanosPerDay, --days;
  const size_t size = out.size();
  char* at = out.Extend(33);
  *at = '"';
  char* p = DateText(Days(days), at + 1);
  if (!p) {
    out.Truncate(size);
    out.String(FormatTime(ns));
    return;
  }
  const int64_t seconds = time / kNanosPerSecond, sub = time % kNanosPerSecond;
  *p++ = 'T';
  p = Digits(seconds / 3600, 2, p);
  *p++ = ':';
  p = Digits(seconds / 60 % 60, 2, p);
  *p++ = ':';
  p = Digits(seconds % 60, 2, p);
  if (sub % 1000000 == 0 && sub != 0) {  // as precise as needed: s, ms or ns
    *p++ = '.';
    p = Digits(sub / 1000000, 3, p);
  } else if (sub != 0) {
    *p++ = '.';
    p = Digits(sub, 9, p);
  }
  *p++ = 'Z';
  *p++ = '"';
  out.Truncate(p - out.view().data());
}

}  // namespace rmc
