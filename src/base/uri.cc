#include "base/uri.h"

#include <algorithm>

namespace rmc {
namespace {

bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool IsAbsoluteUri(std::string_view v) {
  const size_t colon = v.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon + 1 == v.size()) return false;
  if (!IsAlpha(v[0])) return false;
  for (char c : v.substr(0, colon))
    if (!IsAlpha(c) && !IsDigit(c) && c != '+' && c != '-' && c != '.') return false;
  constexpr std::string_view kMarks = "-._~:/?#[]@!$&'()*+,;=%";
  return std::all_of(v.begin(), v.end(), [&](char c) {
    return IsAlpha(c) || IsDigit(c) || kMarks.find(c) != std::string_view::npos;
  });
}

}  // namespace rmc
