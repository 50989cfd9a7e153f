// A Cap'n Proto struct written as JSON straight into a JsonWriter, driven by its field plans
// (field_plan.h): the same field names and codes that commands use (json_codec.h), personal
// fields omitted or revealed (json_render.h, PersonalFields). Not the pseudonymised form: that
// is rendered by json_render.h alone.
#pragma once

#include <capnp/any.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/json_writer.h"
#include "codec/field_plan.h"
#include "codec/json_render.h"

namespace rmc {

// The JSON paths of personal fields that were not shown ("subject.ref", "answers"), in the order
// they were met. Reused from event to event: Clear() keeps the memory.
class HiddenPaths {
 public:
  void Add(std::string_view prefix, std::string_view name);
  void Add(std::string_view path) { Add("", path); }
  bool Contains(std::string_view path) const;
  bool empty() const { return ends_.empty(); }
  void Clear() { text_.clear(), ends_.clear(); }
  // ["a","b.c"]
  void WriteArray(JsonWriter& out) const;

 private:
  std::string text_;          // the paths, one after the other
  std::vector<size_t> ends_;  // where each ends in text_
};

// Where a struct's fields landed in the output: what the change feed needs to cut a correction
// down to the fields it names (event_stream.cc).
struct WrittenFields {
  struct Field {
    const FieldPlan* plan;
    size_t value_begin, value_end;  // offsets in the JsonWriter
  };
  bool object = false;     // the struct was written, as an object
  size_t begin = 0, end = 0;  // where that object is
  std::vector<Field> fields;
};

class PayloadWriter {
 public:
  // Writes `pub` (of plan's struct type) as RenderStruct would render it: `unsealed` is the same
  // struct type holding the personal fields, when they are available; the paths of personal
  // fields not shown go to `hidden` (when given). With `capture`, the first struct written below
  // the field `capture_field` of `pub` (through a union) records where its fields went. Throws
  // where DynamicStruct would: a union member read that is not the active one, a pointer of the
  // wrong kind.
  void Write(const StructPlan& plan, capnp::AnyStruct::Reader pub,
             std::optional<capnp::AnyStruct::Reader> unsealed, PersonalFields mode,
             HiddenPaths* hidden, JsonWriter& out, const FieldPlan* capture_field = nullptr,
             WrittenFields* capture = nullptr);

  // `text` (up to its first NUL, as std::string(text.cStr()) holds it) as a JSON string.
  static void WriteText(capnp::Text::Reader text, JsonWriter& out);

 private:
  struct Walk;
  std::string path_;  // of the struct being written, while paths are collected
};

}  // namespace rmc
