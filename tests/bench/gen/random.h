// rmc-gen's random numbers: xoshiro256** seeded with splitmix64, so that the output depends on
// the options alone (no std:: distribution, whose results differ between standard libraries).
// In a header: the generator draws millions of numbers and these must inline.
#pragma once

#include <cstddef>
#include <cstdint>

namespace rmc::gen {

inline uint64_t SplitMix(uint64_t& x) {
  uint64_t z = (x += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    for (auto& v : s_) v = SplitMix(seed);
  }
  uint64_t Next() {
    const uint64_t r = Rotl(s_[1] * 5, 7) * 9;
    const uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = Rotl(s_[3], 45);
    return r;
  }
  // 0 .. n-1
  uint32_t Below(uint32_t n) { return uint32_t(((Next() >> 32) * uint64_t(n)) >> 32); }
  // lo .. hi, inclusive
  int Range(int lo, int hi) { return hi <= lo ? lo : lo + int(Below(uint32_t(hi - lo + 1))); }
  bool Chance(double p) { return double(Next() >> 11) * 0x1.0p-53 < p; }
  template <class T, size_t N>
  const T& Pick(const T (&a)[N]) {
    return a[Below(N)];
  }
  // An index by integer weights.
  template <size_t N>
  int Weighted(const int (&w)[N]) {
    int total = 0;
    for (int x : w) total += x;
    int r = int(Below(uint32_t(total)));
    for (size_t i = 0; i < N; ++i) {
      if (r < w[i]) return int(i);
      r -= w[i];
    }
    return int(N - 1);
  }

 private:
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  uint64_t s_[4];
};

}  // namespace rmc::gen
