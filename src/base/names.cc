#include "base/names.h"

#include <simdjson.h>

#include <string>

namespace rmc {

bool IsUtf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

namespace {

// Marks that change how the text around them is shown without being seen: the bidirectional
// controls (U+061C, U+200E, U+200F, U+202A to U+202E, U+2066 to U+2069) and the line and
// paragraph separators (U+2028, U+2029). In a name they make it read as another ("Trojan
// Source"), or break it over lines.
bool IsFormatMark(std::string_view v, size_t i) {
  auto at = [&](size_t k) { return k < v.size() ? static_cast<unsigned char>(v[k]) : 0; };
  if (at(i) == 0xD8 && at(i + 1) == 0x9C) return true;  // U+061C
  if (at(i) != 0xE2) return false;
  const unsigned char b = at(i + 1), c = at(i + 2);
  if (b == 0x80) return c == 0x8E || c == 0x8F || (c >= 0xA8 && c <= 0xAE);
  return b == 0x81 && c >= 0xA6 && c <= 0xA9;
}

}  // namespace

Status CheckName(std::string_view what, std::string_view value, size_t max) {
  const std::string expected = "; expected 1 to " + std::to_string(max) +
                               " bytes of UTF-8 text without control characters or direction "
                               "marks";
  if (value.empty() || value.size() > max)
    return InvalidInput(std::string(what) + (value.empty() ? ": empty" : ": too long") + expected);
  if (!IsUtf8(value)) return InvalidInput(std::string(what) + ": not valid UTF-8" + expected);
  for (size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    // C1 controls are U+0080 to U+009F: 0xC2 0x80 to 0xC2 0x9F in UTF-8.
    const bool c1 = c == 0xC2 && i + 1 < value.size() &&
                    static_cast<unsigned char>(value[i + 1]) <= 0x9F;
    if (c < 0x20 || c == 0x7F || c1 || IsFormatMark(value, i))
      return InvalidInput(std::string(what) + ": holds a control character at byte " +
                          std::to_string(i) + expected);
  }
  return Status::Ok();
}

}  // namespace rmc
