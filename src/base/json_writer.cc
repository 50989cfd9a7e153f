#include "base/json_writer.h"

#include <array>
#include <charconv>
#include <nlohmann/json.hpp>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace rmc {
namespace {

// What String does with a byte: 0 copies it, 1 escapes it, 2 starts a multi-byte sequence.
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> c{};
  for (int b = 0; b < 0x20; ++b) c[b] = 1;
  c['"'] = c['\\'] = 1;
  for (int b = 0x80; b < 0x100; ++b) c[b] = 2;
  return c;
}();

// The length of the well-formed UTF-8 sequence at `p` (Unicode 15, table 3-7: no overlong
// forms, no surrogates, nothing above U+10FFFF), 0 when it is not one. nlohmann's decoder
// accepts exactly these sequences.
size_t SequenceLength(const uint8_t* p, const uint8_t* end) {
  auto in = [&](size_t i, uint8_t lo, uint8_t hi) { return p + i < end && p[i] >= lo && p[i] <= hi; };
  auto tail = [&](size_t i) { return in(i, 0x80, 0xBF); };
  const uint8_t c = p[0];
  if (c >= 0xC2 && c <= 0xDF) return tail(1) ? 2 : 0;
  if (c == 0xE0) return in(1, 0xA0, 0xBF) && tail(2) ? 3 : 0;
  if (c == 0xED) return in(1, 0x80, 0x9F) && tail(2) ? 3 : 0;
  if (c >= 0xE1 && c <= 0xEF) return tail(1) && tail(2) ? 3 : 0;
  if (c == 0xF0) return in(1, 0x90, 0xBF) && tail(2) && tail(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return tail(1) && tail(2) && tail(3) ? 4 : 0;
  if (c == 0xF4) return in(1, 0x80, 0x8F) && tail(2) && tail(3) ? 4 : 0;
  return 0;
}

// Whether none of the eight bytes of `word` needs escaping or is part of a multi-byte sequence:
// every byte is at least 0x20, below 0x80, and neither '"' nor '\\'.
bool Plain(uint64_t word) {
  constexpr uint64_t kOnes = 0x0101010101010101, kHigh = 0x8080808080808080;
  auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
  const uint64_t below_space = (word - 0x20 * kOnes) & ~word & kHigh;
  return ((word & kHigh) | below_space | has_zero(word ^ ('"' * kOnes)) |
          has_zero(word ^ ('\\' * kOnes))) == 0;
}

// The escape of an ASCII byte of class 1, written at `out`; the end of it.
char* Escape(uint8_t c, char* out) {
  static const char* kHex = "0123456789abcdef";
  *out++ = '\\';
  switch (c) {
    case '"': *out++ = '"'; break;
    case '\\': *out++ = '\\'; break;
    case '\b': *out++ = 'b'; break;
    case '\t': *out++ = 't'; break;
    case '\n': *out++ = 'n'; break;
    case '\f': *out++ = 'f'; break;
    case '\r': *out++ = 'r'; break;
    default:
      std::memcpy(out, "u00", 3);
      out[3] = kHex[c >> 4];
      out[4] = kHex[c & 15];
      out += 5;
  }
  return out;
}

}  // namespace

template <bool kToNul>
void JsonWriter::Quote(std::string_view s) {
  const size_t start = size_;
  char* out = Extend(s.size() * 6 + 2);  // the most an escape takes: \u00xx for one byte
  *out++ = '"';
  const auto* in = reinterpret_cast<const uint8_t*>(s.data());
  const auto* end = in + s.size();
  const auto* begin = in;
  while (in < end) {
    // Plain ASCII is copied as it is, eight bytes at a time while none needs a look; the last
    // eight bytes of the string at once when they are plain (overlapping bytes already copied).
    uint64_t word;
    for (; end - in >= 8; in += 8, out += 8) {
      std::memcpy(&word, in, 8);
      if (!Plain(word)) break;
      std::memcpy(out, in, 8);
    }
    if (end - in < 8 && end - begin >= 8) {
      std::memcpy(&word, end - 8, 8);
      if (Plain(word)) {
        std::memcpy(out - (8 - (end - in)), end - 8, 8);
        out += end - in;
        break;
      }
    }
    while (in < end && kByteClass[*in] == 0) *out++ = char(*in++);
    if (in == end) break;
    if (kByteClass[*in] == 1) {
      if (kToNul && *in == 0) break;
      out = Escape(*in++, out);
      continue;
    }
    const size_t n = SequenceLength(in, end);
    if (n == 0) {
      // Invalid UTF-8 (never written by rmc's own parsers): nlohmann's own replacement rules.
      size_ = start;
      if (kToNul) s = s.substr(0, s.find('\0'));
      Raw(nlohmann::json(std::string(s)).dump(-1, ' ', false,
                                               nlohmann::json::error_handler_t::replace));
      return;
    }
    std::memcpy(out, in, n);
    out += n;
    in += n;
  }
  *out++ = '"';
  size_ = out - buf_.data();
}

template void JsonWriter::Quote<false>(std::string_view);
template void JsonWriter::Quote<true>(std::string_view);

void JsonWriter::Uint(uint64_t v) {
  char* at = Extend(20);
  size_ = std::to_chars(at, at + 20, v).ptr - buf_.data();
}

void JsonWriter::Int(int64_t v) {
  char* at = Extend(20);
  size_ = std::to_chars(at, at + 20, v).ptr - buf_.data();
}

void JsonWriter::Double(double v) { Raw(nlohmann::json(v).dump()); }  // no Float in the schema

void JsonWriter::Hex(const uint8_t* bytes, size_t size) {
  static constexpr std::array<char, 512> kPairs = [] {  // "000102...ff"
    std::array<char, 512> pairs{};
    for (int b = 0; b < 256; ++b) {
      pairs[2 * b] = "0123456789abcdef"[b >> 4];
      pairs[2 * b + 1] = "0123456789abcdef"[b & 15];
    }
    return pairs;
  }();
  char* out = Extend(size * 2 + 2);
  *out++ = '"';
  size_t i = 0;
#ifdef __SSE2__
  // Sixteen bytes at a time: split into nibbles, add '0' (and 'a' - '0' - 10 above 9),
  // interleave the high and low nibbles.
  const __m128i mask = _mm_set1_epi8(0x0f), nine = _mm_set1_epi8(9);
  const __m128i zero = _mm_set1_epi8('0'), letters = _mm_set1_epi8('a' - '0' - 10);
  auto digits = [&](__m128i n) {
    return _mm_add_epi8(_mm_add_epi8(n, zero), _mm_and_si128(_mm_cmpgt_epi8(n, nine), letters));
  };
  for (; size - i >= 16; i += 16, out += 32) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + i));
    const __m128i high = digits(_mm_and_si128(_mm_srli_epi16(v, 4), mask));
    const __m128i low = digits(_mm_and_si128(v, mask));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), _mm_unpacklo_epi8(high, low));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + 16), _mm_unpackhi_epi8(high, low));
  }
#endif
  for (; i < size; ++i, out += 2) std::memcpy(out, &kPairs[2 * bytes[i]], 2);
  *out = '"';
}

bool JsonWriter::FlushTo(std::FILE* out) {
  const bool ok = size_ == 0 || std::fwrite(buf_.data(), 1, size_, out) == size_;
  size_ = 0;
  return ok;
}

void JsonWriter::Grow(size_t more) { buf_.resize(std::max(buf_.size() * 2, size_ + more)); }

}  // namespace rmc
