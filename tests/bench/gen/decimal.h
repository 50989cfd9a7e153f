// Numbers appended to a buffer as decimal text, without the locale or a temporary string.
#pragma once

#include <cstdint>
#include <string>

namespace rmc::gen {

// The last `width` digits of `v`, with leading zeros.
inline void PutDigits(std::string& b, unsigned v, int width) {
  char tmp[12];
  for (int i = width - 1; i >= 0; --i) {
    tmp[i] = char('0' + v % 10);
    v /= 10;
  }
  b.append(tmp, size_t(width));
}

// All digits of `v`, with leading zeros up to `width` digits.
inline void PutPadded(std::string& b, uint64_t v, int width) {
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = char('0' + v % 10);
    v /= 10;
  } while (v);
  for (int i = n; i < width; ++i) b.push_back('0');
  while (n) b.push_back(tmp[--n]);
}

inline void PutUint(std::string& b, uint64_t v) { PutPadded(b, v, 0); }

}  // namespace rmc::gen
