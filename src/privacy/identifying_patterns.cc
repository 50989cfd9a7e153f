#include "privacy/identifying_patterns.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "privacy/date_notations.h"

namespace rmc {
namespace {

bool Digit(char32_t c) { return c >= '0' && c <= '9'; }
bool Letter(char32_t c) { return IsWordChar(c) && !Digit(c); }
// Whether a match ending at `end` ends a word.
bool EndsWord(const std::u32string& s, size_t end) {
  return end >= s.size() || !IsWordChar(s[end]);
}

// The end of the run of letters from j.
size_t WordEnd(const std::u32string& s, size_t j) {
  while (j < s.size() && Letter(s[j])) ++j;
  return j;
}
size_t DigitsEnd(const std::u32string& s, size_t j) {
  while (j < s.size() && Digit(s[j])) ++j;
  return j;
}
int Number(const std::u32string& s, size_t begin, size_t end) {
  int v = 0;
  for (size_t k = begin; k < end && k < begin + 4; ++k) v = v * 10 + int(s[k] - '0');
  return v;
}
// Past up to `most` characters for which `is` holds, from j.
template <typename Pred>
size_t Skip(const std::u32string& s, size_t j, size_t most, Pred is) {
  size_t k = j;
  while (k < s.size() && k - j < most && is(s[k])) ++k;
  return k;
}
bool SpaceOrDash(char32_t c) { return IsSpace(c) || c == '-'; }

// At most 64 characters before the "@" and 255 after it (RFC 5321), which also keeps a text of
// one long run of letters and dots from being scanned from each of its word starts to its end.
size_t EmailEnd(const std::u32string& s, size_t i) {
  auto local = [](char32_t c) {
    return IsWordChar(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
  };
  const size_t j = Skip(s, i, 64, local);
  if (j == i || j >= s.size() || s[j] != '@') return i;
  size_t k = j + 1, label = k, last_dot = 0;
  while (k < s.size() && k - j <= 255) {
    if (IsWordChar(s[k]) || s[k] == '-') {
      ++k;
    } else if (s[k] == '.' && k > label && k + 1 < s.size() && IsWordChar(s[k + 1])) {
      last_dot = k++;
      label = k;
    } else {
      break;
    }
  }
  if (last_dot == 0) return i;
  const auto top = std::count_if(s.begin() + last_dot + 1, s.begin() + k, Letter);
  return top >= 2 ? k : i;
}

size_t PostcodeEnd(const std::u32string& o, size_t i) {
  if (i + 6 > o.size() || o[i] < '1' || o[i] > '9') return i;
  if (!Digit(o[i + 1]) || !Digit(o[i + 2]) || !Digit(o[i + 3])) return i;
  size_t j = i + 4;
  const bool space = o[j] == ' ';
  if (space) ++j;
  if (j + 2 > o.size()) return i;
  auto upper = [](char32_t c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char32_t c) { return c >= 'a' && c <= 'z'; };
  // "2026 en 2027", "1200 op de lijst": a number and a two-letter word are no postcode.
  static constexpr std::u32string_view kWords[] = {U"en", U"in", U"op", U"of", U"om", U"na",
                                                   U"te", U"is", U"al", U"ja", U"nu", U"zo",
                                                   U"we", U"je", U"ze", U"me", U"er", U"ik",
                                                   U"de", U"at", U"to", U"on", U"or", U"an"};
  const std::u32string_view pair(o.data() + j, 2);
  const bool word = std::find(std::begin(kWords), std::end(kWords), pair) != std::end(kWords);
  const bool letters = (upper(o[j]) && upper(o[j + 1])) ||
                       (lower(o[j]) && lower(o[j + 1]) && (!space || !word));
  return letters && EndsWord(o, j + 2) ? j + 2 : i;
}

// Past an ordinal suffix of a day at j ("st", "nd", "rd", "th", "e", "ste", "de"), when one
// ends the word there; else j.
size_t OrdinalEnd(const std::u32string& s, size_t j) {
  for (std::u32string_view suffix : {U"ste", U"st", U"nd", U"rd", U"th", U"de", U"e"})
    if (s.compare(j, suffix.size(), suffix) == 0 && EndsWord(s, j + suffix.size()))
      return j + suffix.size();
  return j;
}

// 14 maart 2007, 14 mrt., 14-mrt-2007, maart 2007, March 14, 2007, 14th of March 2007, 14e
// maart, Sept 1st, 2026.
size_t NamedDateEnd(const std::u32string& s, size_t i) {
  if (Digit(s[i])) {  // the day first
    const size_t day_end = DigitsEnd(s, i);
    if (day_end - i > 2) return i;
    size_t after = OrdinalEnd(s, day_end);  // 14th, 1st, 14e, 1ste
    if (const size_t of = Skip(s, after, 3, IsSpace);
        of > after && of + 2 <= s.size() && s.compare(of, 2, U"of") == 0 && !IsWordChar(s[of + 2]))
      after = of + 2;                       // 14th of March
    const size_t word = Skip(s, after, 3, SpaceOrDash);
    if (word == after) return i;
    const size_t word_end = WordEnd(s, word);
    const int month = MonthOfName(std::u32string_view(s).substr(word, word_end - word));
    if (!month || !IsDayOfMonth(Number(s, i, day_end), month)) return i;
    size_t end = word_end < s.size() && s[word_end] == '.' ? word_end + 1 : word_end;
    if (!EndsWord(s, end)) return i;
    const size_t year = Skip(s, end, 3, [](char32_t c) { return SpaceOrDash(c) || c == ','; });
    if (year > end && DigitsEnd(s, year) == year + 4 && EndsWord(s, year + 4)) end = year + 4;
    return end;
  }
  const size_t word_end = WordEnd(s, i);  // the month first: only with a year
  if (!MonthOfName(std::u32string_view(s).substr(i, word_end - i))) return i;
  size_t j = word_end < s.size() && s[word_end] == '.' ? word_end + 1 : word_end;
  size_t k = Skip(s, j, 3, IsSpace);
  if (k == j) return i;
  if (const size_t day_end = DigitsEnd(s, k); day_end > k && day_end - k <= 2) {
    const size_t ordinal_end = OrdinalEnd(s, day_end);
    j = ordinal_end < s.size() && s[ordinal_end] == ',' ? ordinal_end + 1 : ordinal_end;
    const size_t year = Skip(s, j, 3, IsSpace);
    if (year == j) return i;  // a month and a day without a year: too often no date
    k = year;
  }
  return DigitsEnd(s, k) == k + 4 && EndsWord(s, k + 4) ? k + 4 : i;
}

bool NumberSeparator(char32_t c) {
  return c == ' ' || c == 0xA0 || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
}

struct Group {
  size_t begin, end;
  size_t size() const { return end - begin; }
};

// Whether the first `count` groups of digits are a date, a phone number or nine digits.
bool IsIdentifyingNumber(const std::u32string& s, bool plus, const std::vector<Group>& g,
                         const std::vector<std::u32string>& separators, size_t count) {
  auto n = [&](size_t k, size_t from = 0, size_t length = 4) {
    return Number(s, g[k].begin + from, std::min(g[k].end, g[k].begin + from + length));
  };
  if (!plus && count == 3 && separators[0] == separators[1] && separators[0].size() == 1 &&
      std::u32string_view(U"-/. ").find(separators[0][0]) != std::u32string_view::npos) {
    if (g[0].size() <= 2 && g[1].size() <= 2 && (g[2].size() == 4 || g[2].size() == 2) &&
        IsDayOfMonth(n(0), n(1)))
      return true;
    if (g[0].size() == 4 && g[1].size() <= 2 && g[2].size() <= 2 && IsDayOfMonth(n(2), n(1)))
      return true;
  }
  if (!plus && count == 2 && separators[0].size() == 1 &&
      std::u32string_view(U"-/.").find(separators[0][0]) != std::u32string_view::npos) {
    auto year = [](int y) { return y >= 1900 && y < 2100; };
    if (g[0].size() == 4 && g[1].size() == 2 && year(n(0)) && n(1) >= 1 && n(1) <= 12)
      return true;  // 2026-09
    if (g[0].size() == 2 && g[1].size() == 4 && year(n(1)) && n(0) >= 1 && n(0) <= 12)
      return true;  // 09-2026
    if (g[0].size() == 2 && g[1].size() == 2 && IsDayOfMonth(n(0), n(1)))
      return true;  // 01-09: a day and a month (single digits, "1/9", are too often no date)
  }
  if (!plus && count == 1 && g[0].size() == 8) {
    const bool dmy =
        IsDayOfMonth(n(0, 0, 2), n(0, 2, 2)) && n(0, 4, 4) >= 1900 && n(0, 4, 4) < 2100;
    const bool ymd =
        IsDayOfMonth(n(0, 6, 2), n(0, 4, 2)) && n(0, 0, 4) >= 1900 && n(0, 0, 4) < 2100;
    if (dmy || ymd) return true;
  }
  std::u32string digits;
  for (size_t k = 0; k < count; ++k) digits.append(s, g[k].begin, g[k].size());
  if (plus) return digits.size() >= 8 && digits.size() <= 15;
  if (digits.compare(0, 2, U"00") == 0) return digits.size() >= 11 && digits.size() <= 15;
  if (digits[0] == '0' && digits.size() == 10) return true;
  return digits.size() == 9;
}

// Past the time of an ISO date-time at j ("t10:00", "t10:00:00z", "t10:00:00.123+02:00", as
// folded: lower case), when it ends a word; else j.
size_t TimeEnd(const std::u32string& s, size_t j) {
  if (j + 3 > s.size() || s[j] != 't' || !Digit(s[j + 1])) return j;
  size_t k = Skip(s, j + 1, 18, [](char32_t c) { return Digit(c) || c == ':' || c == '.'; });
  if (k < s.size() && s[k] == 'z') {
    ++k;
  } else if (k < s.size() && (s[k] == '+' || s[k] == '-') && k + 1 < s.size() && Digit(s[k + 1])) {
    k = Skip(s, k + 1, 5, [](char32_t c) { return Digit(c) || c == ':'; });
  }
  return EndsWord(s, k) ? k : j;
}

size_t NumberEnd(const std::u32string& s, size_t i) {
  const bool plus = s[i] == '+';
  size_t j = plus ? i + 1 : i;
  if (j >= s.size() || !Digit(s[j])) return i;
  std::vector<Group> groups;
  std::vector<std::u32string> separators;
  for (;;) {
    const size_t begin = j;
    j = DigitsEnd(s, j);
    groups.push_back({begin, j});
    const size_t next = Skip(s, j, 3, NumberSeparator);
    if (next == j || next >= s.size() || !Digit(s[next]) || groups.size() == 8) break;
    separators.emplace_back(s, j, next - j);
    j = next;
  }
  // A date with a time: 2026-09-01T10:00, 2026-09-01T10:00:00.5+02:00.
  if (groups.size() >= 3 && IsIdentifyingNumber(s, plus, groups, separators, 3))
    if (const size_t end = TimeEnd(s, groups[2].end); end > groups[2].end) return end;
  // The longest run of groups that is a pattern: "bel 06-12345678 2 keer" is a phone number.
  // But one that leaves digits of the run behind while the run starts with a date is two
  // dates, or a date and more: "06-11-2008 / 1-1-2009" is not 061120081 1 and a year.
  for (size_t count = groups.size(); count > 0; --count) {
    if (!EndsWord(s, groups[count - 1].end) ||
        !IsIdentifyingNumber(s, plus, groups, separators, count))
      continue;
    if (count < groups.size() && count > 3 && IsIdentifyingNumber(s, plus, groups, separators, 3))
      return groups[2].end;
    return groups[count - 1].end;
  }
  return i;
}

// A case id as the ledger numbers them, RMC-000001: it names a case another export may show
// by its id, so it would link the two.
size_t CaseIdEnd(const std::u32string& s, size_t i) {
  if (s.compare(i, 4, U"rmc-") != 0) return i;
  const size_t end = DigitsEnd(s, i + 4);
  return end - (i + 4) >= 6 && EndsWord(s, end) ? end : i;
}

}  // namespace

size_t IdentifyingPatternEnd(const FoldedText& text, size_t i) {
  const std::u32string& s = text.folded;
  return std::max({EmailEnd(s, i), PostcodeEnd(text.original, i), NamedDateEnd(s, i),
                   NumberEnd(s, i), CaseIdEnd(s, i)});
}

}  // namespace rmc
