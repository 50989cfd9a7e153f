#include "codec/json_codec.h"

#include <cctype>
#include <set>

#include "base/clock.h"
#include "codec/schema_info.h"

namespace rmc {
namespace {

namespace si = schema_info;
using simdjson::dom::element;
using simdjson::dom::element_type;

constexpr size_t kMaxText = 64 * 1024;

Status Wrong(const std::string& path, const std::string& expected) {
  return InvalidInput(path + ": expected " + expected);
}

Result<int64_t> Integer(element json, const std::string& path) {
  int64_t v;
  if (json.get_int64().get(v) != simdjson::SUCCESS) return Wrong(path, "a whole number");
  return v;
}

// Text is read back as a C string (Cap'n Proto Text ends at its first NUL): what followed a NUL
// would be stored, sealed, and never shown.
Status NoNul(std::string_view text, const std::string& path) {
  if (text.find('\0') == std::string_view::npos) return Status::Ok();
  return InvalidInput(path + ": holds a NUL character (\\u0000); expected text without it");
}

Result<std::string_view> String(element json, const std::string& path) {
  std::string_view s;
  if (json.get_string().get(s) != simdjson::SUCCESS) return Wrong(path, "a string");
  if (s.size() > kMaxText) return InvalidInput(path + ": longer than 64 KiB");
  if (auto nul = NoNul(s, path); !nul.ok()) return nul;
  return s;
}

// A value for a non-struct, non-list type (a list element or a scalar field).
Result<capnp::DynamicValue::Builder> Scalar(capnp::Type type, element json, const std::string& path,
                                            std::string* text_storage) {
  switch (type.which()) {
    case capnp::schema::Type::BOOL: {
      bool b;
      if (json.get_bool().get(b) != simdjson::SUCCESS) return Wrong(path, "true or false");
      return capnp::DynamicValue::Builder(b);
    }
    case capnp::schema::Type::INT8:
    case capnp::schema::Type::INT16:
    case capnp::schema::Type::INT32:
    case capnp::schema::Type::INT64:
    case capnp::schema::Type::UINT8:
    case capnp::schema::Type::UINT16:
    case capnp::schema::Type::UINT32:
    case capnp::schema::Type::UINT64: {
      auto v = Integer(json, path);
      if (!v.ok()) return v.status();
      if (*v < 0 && type.which() >= capnp::schema::Type::UINT8)
        return Wrong(path, "a number of 0 or more");
      return capnp::DynamicValue::Builder(*v);
    }
    case capnp::schema::Type::TEXT: {
      auto s = String(json, path);
      if (!s.ok()) return s.status();
      *text_storage = std::string(*s);
      return capnp::DynamicValue::Builder(capnp::Text::Builder(
          text_storage->data(), text_storage->size()));
    }
    case capnp::schema::Type::ENUM: {
      auto schema = type.asEnum();
      std::string_view s;
      if (json.get_string().get(s) != simdjson::SUCCESS || !si::EnumFromCode(schema, s))
        return Wrong(path, "one of " + si::EnumCodes(schema));
      auto enumerant = *si::EnumFromCode(schema, s);
      if (const auto& retired = si::RetiredReason(enumerant); !retired.empty())
        return InvalidInput(path + ": " + std::string(s) + " cannot be used: " + retired +
                            "; expected one of " + si::EnumCodes(schema));
      return capnp::DynamicValue::Builder(capnp::DynamicEnum(enumerant));
    }
    default:
      return InvalidInput(path + ": this field cannot be given in JSON");
  }
}

// A $pseudonym text names a person or organisation: never empty, nor only white space.
Status NamesSomeone(capnp::StructSchema::Field field, capnp::Type type, const std::string& text,
                    const std::string& path) {
  if (!si::IsPseudonym(field) || type.which() != capnp::schema::Type::TEXT) return Status::Ok();
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c))) return Status::Ok();
  return Wrong(path, "a name (not empty)");
}

Status FillList(capnp::DynamicStruct::Builder out, capnp::StructSchema::Field field, element json,
                const std::string& path);
Status FillMap(capnp::DynamicStruct::Builder out, capnp::StructSchema::Field field,
               const si::MapSpec& spec, element json, const std::string& path);

Status FillField(capnp::DynamicStruct::Builder out, capnp::StructSchema::Field field,
                 element json, const std::string& path) {
  auto type = field.getType();
  if (type.isStruct()) {
    auto schema = type.asStruct();
    if (si::IsDate(schema)) {
      auto s = String(json, path);
      if (!s.ok()) return s.status();
      auto d = ParseDate(*s);
      if (!d.ok()) return InvalidInput(path + ": " + d.status().message());
      out.init(field).as<capnp::DynamicStruct>().set("days", *d);
      return Status::Ok();
    }
    if (json.type() != element_type::OBJECT) return Wrong(path, "an object");
    return FillFromJson(out.init(field).as<capnp::DynamicStruct>(), json, path);
  }
  if (type.isList()) {
    if (auto spec = si::JsonMap(field)) return FillMap(out, field, *spec, json, path);
    return FillList(out, field, json, path);
  }
  std::string text;
  auto value = Scalar(type, json, path, &text);
  if (!value.ok()) return value.status();
  if (auto named = NamesSomeone(field, type, text, path); !named.ok()) return named;
  if (auto range = si::RangeOf(field)) {
    int64_t v = value->as<int64_t>();
    if (v < range->min || v > range->max)
      return Wrong(path, "a number from " + std::to_string(range->min) + " to " +
                             std::to_string(range->max));
  }
  try {
    out.set(field, value->asReader());
  } catch (const kj::Exception&) {
    return Wrong(path, "a smaller number");
  }
  if (auto flag = si::PresenceFlagOf(field)) out.set(*flag, true);
  return Status::Ok();
}

Status FillList(capnp::DynamicStruct::Builder out, capnp::StructSchema::Field field, element json,
                const std::string& path) {
  simdjson::dom::array array;
  if (json.get_array().get(array) != simdjson::SUCCESS) return Wrong(path, "a list");
  auto element_type = field.getType().asList().getElementType();
  auto list = out.init(field, uint32_t(array.size())).as<capnp::DynamicList>();
  uint32_t i = 0;
  for (element item : array) {
    std::string item_path = path + "[" + std::to_string(i) + "]";
    if (element_type.isStruct()) {
      if (item.type() != element_type::OBJECT) return Wrong(item_path, "an object");
      auto s = FillFromJson(list[i].as<capnp::DynamicStruct>(), item, item_path);
      if (!s.ok()) return s;
    } else {
      std::string text;
      auto value = Scalar(element_type, item, item_path, &text);
      if (!value.ok()) return value.status();
      if (auto named = NamesSomeone(field, element_type, text, item_path); !named.ok()) return named;
      list.set(i, value->asReader());
    }
    ++i;
  }
  return Status::Ok();
}

Status FillMap(capnp::DynamicStruct::Builder out, capnp::StructSchema::Field field,
               const si::MapSpec& spec, element json, const std::string& path) {
  simdjson::dom::object object;
  if (json.get_object().get(object) != simdjson::SUCCESS) return Wrong(path, "an object");
  auto list = out.init(field, uint32_t(object.size())).as<capnp::DynamicList>();
  uint32_t i = 0;
  std::set<std::string_view> seen;
  for (auto [key, value] : object) {
    std::string item_path = path + "." + std::string(key);
    if (!seen.insert(key).second) return InvalidInput(item_path + ": given twice");
    auto item = list[i++].as<capnp::DynamicStruct>();
    auto key_field = item.getSchema().getFieldByName(spec.key);
    if (key_field.getType().isEnum()) {
      auto e = si::EnumFromCode(key_field.getType().asEnum(), key);
      if (!e)
        return InvalidInput(item_path + ": unknown key; expected one of " +
                            si::EnumCodes(key_field.getType().asEnum()));
      item.set(key_field, capnp::DynamicEnum(*e));
    } else {
      if (auto s = NoNul(key, item_path); !s.ok()) return s;
      item.set(key_field, capnp::Text::Reader(key.data(), key.size()));
    }
    if (spec.value.empty()) {
      if (value.type() != element_type::OBJECT) return Wrong(item_path, "an object");
      auto s = FillFromJson(item, value, item_path, spec.key);
      if (!s.ok()) return s;
    } else {
      auto s = FillField(item, item.getSchema().getFieldByName(spec.value), value, item_path);
      if (!s.ok()) return s;
    }
  }
  return Status::Ok();
}

}  // namespace

Status FillFieldFromJson(capnp::DynamicStruct::Builder out, capnp::StructSchema::Field field,
                         element json, const std::string& path) {
  if (json.type() == element_type::NULL_VALUE) {
    if (si::IsOptional(field)) {
      if (auto flag = si::OmittedFlagOf(field)) out.set(*flag, true);
      return Status::Ok();
    }
    return Wrong(path, "a value (it is required)");
  }
  return FillField(out, field, json, path);
}

Status FillFromJson(capnp::DynamicStruct::Builder out, element json, const std::string& path,
                    const std::string& preset) {
  simdjson::dom::object object;
  if (json.get_object().get(object) != simdjson::SUCCESS) return Wrong(path, "an object");
  auto schema = out.getSchema();
  std::set<std::string_view> seen;
  for (auto [key, value] : object) {
    std::string field_path = path.empty() ? std::string(key) : path + "." + std::string(key);
    if (!seen.insert(key).second) return InvalidInput(field_path + ": given twice");
    auto found = si::FieldByJsonName(schema, key);
    if (!found) {
      std::string known;
      for (auto f : schema.getFields())
        if (!si::IsDerived(f)) known += (known.empty() ? "" : ", ") + si::JsonName(f);
      return InvalidInput(field_path + ": unknown field; expected one of " + known);
    }
    auto s = FillFieldFromJson(out, *found, value, field_path);
    if (!s.ok()) return s;
  }
  for (auto f : schema.getFields()) {
    if (auto flag = si::OmittedFlagOf(f); flag && !seen.count(si::JsonName(f)))
      out.set(*flag, true);
    if (si::IsOptional(f) || si::IsDerived(f) || si::JsonName(f) == preset) continue;
    if (!seen.count(si::JsonName(f)))
      return InvalidInput((path.empty() ? "" : path + ".") + si::JsonName(f) +
                          ": missing; this field is required");
  }
  return Status::Ok();
}

}  // namespace rmc
