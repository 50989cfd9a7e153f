// `correct`'s data.data, parsed once by ParseCommand: the corrected fields by JSON name, in the
// order given, each the JSON value to fill into the target event's type once the target is known
// (domain/correction.h).
#pragma once

#include <simdjson.h>

#include <string_view>
#include <utility>
#include <vector>

namespace rmc {

struct CorrectedFields {
  simdjson::dom::document document;  // the command's JSON, which `fields` point into
  std::vector<std::pair<std::string_view, simdjson::dom::element>> fields;
};

}  // namespace rmc
