#include "base/names.h"

#include <simdjson.h>

#include <string>

namespace rmc {

bool IsUtf8(std::string_view text) { return simdjson::validate_utf8(text.data(), text.size()); }

Status CheckName(std::string_view what, std::string_view value, size_t max) {
  const std::string expected = "; expected 1 to " + std::to_string(max) +
                               " bytes of UTF-8 text without control characters";
  if (value.empty() || value.size() > max)
    return InvalidInput(std::string(what) + (value.empty() ? ": empty" : ": too long") + expected);
  if (!IsUtf8(value)) return InvalidInput(std::string(what) + ": not valid UTF-8" + expected);
  for (size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    // C1 controls are U+0080 to U+009F: 0xC2 0x80 to 0xC2 0x9F in UTF-8.
    const bool c1 = c == 0xC2 && i + 1 < value.size() &&
                    static_cast<unsigned char>(value[i + 1]) <= 0x9F;
    if (c < 0x20 || c == 0x7F || c1)
      return InvalidInput(std::string(what) + ": holds a control character at byte " +
                          std::to_string(i) + expected);
  }
  return Status::Ok();
}

}  // namespace rmc
