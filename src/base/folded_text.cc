#include "base/folded_text.h"

namespace rmc {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

// The code point at `text[i]` and its length; {U+FFFD, 1} when it is not well-formed UTF-8
// (the ranges of Unicode's table 3-7).
std::pair<char32_t, size_t> Decode(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) return {b0, 1};
  size_t length = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // the range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF)
    length = 2;
  else if (b0 >= 0xE0 && b0 <= 0xEF)
    length = 3, lo = b0 == 0xE0 ? 0xA0 : 0x80, hi = b0 == 0xED ? 0x9F : 0xBF;
  else if (b0 >= 0xF0 && b0 <= 0xF4)
    length = 4, lo = b0 == 0xF0 ? 0x90 : 0x80, hi = b0 == 0xF4 ? 0x8F : 0xBF;
  if (length == 0 || i + length > text.size()) return {kReplacement, 1};
  if (byte(1) < lo || byte(1) > hi) return {kReplacement, 1};
  char32_t c = b0 & (0x7F >> length);
  for (size_t k = 1; k < length; ++k) {
    if (k > 1 && (byte(k) & 0xC0) != 0x80) return {kReplacement, 1};
    c = (c << 6) | (byte(k) & 0x3F);
  }
  return {c, length};
}

// The base letter of U+00C0..U+00FF and U+0100..U+017F; '.' where there is none (Æ, Ð, ×, Œ,
// ...): those only lose their case.
constexpr char kLatin1[] =
    "aaaaaa.ceeeeiiii.nooooo.ouuuuy.."   // U+00C0..U+00DF
    "aaaaaa.ceeeeiiii.nooooo.ouuuuy.y";  // U+00E0..U+00FF
constexpr char kLatinA[] =
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii..jjkkkllllllllll"  // U+0100..U+0142
    "nnnnnnnnnoooooo..rrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";       // U+0143..U+017F
static_assert(sizeof kLatin1 - 1 == 0x40 && sizeof kLatinA - 1 == 0x80);

}  // namespace

char32_t Fold(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + 32 : c;
  if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D)
    return U'-';                                                    // hyphens, dashes, minus
  if (c >= 0xFF10 && c <= 0xFF19) return U'0' + (c - 0xFF10);     // fullwidth digits
  if (c >= 0xFF21 && c <= 0xFF3A) return U'a' + (c - 0xFF21);     // fullwidth capitals
  if (c >= 0xFF41 && c <= 0xFF5A) return U'a' + (c - 0xFF41);     // fullwidth small letters
  if (c >= 0xC0 && c <= 0xFF) {
    if (char base = kLatin1[c - 0xC0]; base != '.') return char32_t(base);
    return c <= 0xDE && c != 0xD7 ? c + 0x20 : c;  // Æ -> æ, Ð -> ð, Þ -> þ
  }
  if (c >= 0x100 && c <= 0x17F) {
    if (char base = kLatinA[c - 0x100]; base != '.') return char32_t(base);
    return c | 1;  // Ĳ -> ĳ, Œ -> œ: capital even, small odd
  }
  if (c >= 0x218 && c <= 0x21B) return c <= 0x219 ? U's' : U't';  // Ș ș Ț ț
  if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 0x20;    // Greek capitals
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;                  // Cyrillic А..Я
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;                  // Cyrillic Ѐ..Џ
  return c;
}

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

bool IsWordChar(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  if (c < 0xC0 || c == 0xD7 || c == 0xF7) return false;
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation and spaces
  return !IsSpace(c) && c != kReplacement;
}

FoldedText::FoldedText(std::string_view utf8) {
  original.reserve(utf8.size());
  folded.reserve(utf8.size());
  for (size_t i = 0; i < utf8.size();) {
    auto [c, length] = Decode(utf8, i);
    original.push_back(c);
    folded.push_back(Fold(c));
    i += length;
  }
}

void AppendUtf8(std::u32string_view text, std::string& out) {
  for (char32_t c : text) {
    if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) c = kReplacement;
    if (c < 0x80) {
      out += char(c);
    } else if (c < 0x800) {
      out += char(0xC0 | (c >> 6));
      out += char(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += char(0xE0 | (c >> 12));
      out += char(0x80 | ((c >> 6) & 0x3F));
      out += char(0x80 | (c & 0x3F));
    } else {
      out += char(0xF0 | (c >> 18));
      out += char(0x80 | ((c >> 12) & 0x3F));
      out += char(0x80 | ((c >> 6) & 0x3F));
      out += char(0x80 | (c & 0x3F));
    }
  }
}

}  // namespace rmc
