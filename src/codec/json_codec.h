// JSON -> Cap'n Proto, driven by the schema (schema_info.h): the one place where command data
// is checked for shape. Unknown fields, wrong types, enum values outside the schema, impossible
// dates, out-of-range numbers, derived fields and missing required fields are invalid_input,
// with the path of the offending field in the message.
#pragma once

#include <capnp/dynamic.h>
#include <simdjson.h>

#include <string>

#include "base/status.h"

namespace rmc {

// Fills the struct `out` from the JSON object `json`. `path` prefixes messages ("data").
// On error `out` may be partly filled; the caller discards it.
// `preset` names a field already set by the caller (a jsonMap key), not expected in `json`.
Status FillFromJson(capnp::DynamicStruct::Builder out, simdjson::dom::element json,
                    const std::string& path, const std::string& preset = "");

// Fills one field of `out` from `json` (used by `correct`, which names fields one by one).
Status FillFieldFromJson(capnp::DynamicStruct::Builder out, capnp::StructSchema::Field field,
                         simdjson::dom::element json, const std::string& path);

}  // namespace rmc
