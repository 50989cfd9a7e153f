// Whether a text holds a youth's own personal values: for what stays readable after the youth's
// data is erased (the reason of an erasure), which must not hold them. The same matching as
// redaction (privacy/redactor.h): ignoring case and diacritics, whole words, the birth date in
// every common notation.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"

namespace rmc {

struct YouthValues {
  std::vector<std::string> refs, names, addresses, phones, emails;
  std::vector<Days> birth_dates;
};

// The field of the first kind of value `text` holds, in this order: "ref", "name" (whole, or a
// part of three letters or more), "birth_date", "address" (whole, or a part between commas),
// "phone", "email"; nothing when it holds none. Never the value itself.
std::optional<std::string> PersonalValueIn(std::string_view text, const YouthValues& values);

}  // namespace rmc
