// Field plans: what the schema's annotations say about every field of a struct, worked out once
// per struct type and kept for the life of the process, so that writing an event as JSON asks
// no annotation, builds no name and looks nothing up by name (payload_writer.h).
#pragma once

#include <capnp/schema.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rmc {

struct StructPlan;

// How a value of one Cap'n Proto type is read and written.
struct ValuePlan {
  enum class Kind : uint8_t { kNull, kBool, kInt, kUint, kFloat, kText, kData, kEnum, kDate,
                              kStruct, kList };
  Kind kind = Kind::kNull;
  uint8_t bytes = 0;                           // kInt, kUint, kFloat: the width
  const StructPlan* structure = nullptr;       // kStruct
  std::unique_ptr<ValuePlan> element;          // kList
  const std::vector<std::string>* codes = nullptr;  // kEnum: the quoted $code of each value
  uint32_t days = 0;                           // kDate: the Int32 offset of `days`
};

// A $jsonMap field: a list of structs written as an object keyed by one of their fields.
struct MapPlan {
  const StructPlan* entry = nullptr;  // the element struct
  uint32_t key = 0;                   // index of the key field in entry->fields
  std::optional<uint32_t> value;      // index of the value field; none: the other fields
};

// A field of a struct. Its value is read by offset, as the generated code reads it: a field with
// a default value other than zero or null, or a group, has no plan (PlanOf throws).
struct FieldPlan {
  capnp::StructSchema::Field field;
  uint32_t offset = 0;  // in the data section, in units of its width (bits for Bool); or the
                        // index in the pointer section
  static constexpr uint32_t kNoDiscriminant = 0xffff;
  uint32_t discriminant = kNoDiscriminant;  // a union member's value of the discriminant,
  uint32_t discriminant_offset = 0;         // and the discriminant's UInt16 offset
  std::string name;  // the JSON name
  std::string key;   // "\"name\":", as written
  bool personal = false, optional = false;
  bool formerly_plain = false;  // $formerlyPlain: older events hold it in the public payload
  bool presence_flag = false;       // a derived hasX or xOmitted: never written
  std::optional<uint32_t> presence;  // the bit of the hasX that says it was given
  std::optional<uint32_t> omitted;   // the bit of the xOmitted that says it was left out
  ValuePlan value;
  std::unique_ptr<MapPlan> map;  // $jsonMap
};

struct StructPlan {
  capnp::StructSchema schema;
  bool union_only = false;         // no fields outside its union (Payload): written as the
                                   // active member's value
  std::vector<FieldPlan> fields;   // in the order of schema.getFields(): fields[f.getIndex()]
  uint32_t discriminant = 0;       // the union's discriminant: its UInt16 offset
  std::vector<const FieldPlan*> members;  // the union's members, by discriminant value
};

// The plan of `schema` and of every struct it reaches. Built on first use; never freed.
// Thread-safe.
const StructPlan& PlanOf(capnp::StructSchema schema);

}  // namespace rmc
