#include "codec/json_render.h"

#include "base/hex.h"
#include "base/clock.h"
#include "codec/schema_info.h"

namespace rmc {
namespace {

namespace si = schema_info;

// How the texts of a value are shown: as they are, as pseudonyms ($pseudonym), or redacted
// (inside a $reasoning field of the pseudonymised form).
enum class TextForm { kAsIs, kPseudonym, kReasoning };

Json RenderFields(capnp::DynamicStruct::Reader pub,
                  std::optional<capnp::DynamicStruct::Reader> unsealed, const RenderOptions& options,
                  std::vector<std::string>* hidden, const std::string& path, bool reasoning);

Json Text(std::string text, const RenderOptions& options, TextForm form) {
  if (!options.pseudonymous || form == TextForm::kAsIs) return text;
  if (form == TextForm::kPseudonym) return options.pseudonymous->Pseudonym(text);
  auto redacted = options.pseudonymous->Reasoning(text);
  return redacted ? Json(std::move(*redacted)) : Json(nullptr);
}

Json Value(capnp::DynamicValue::Reader value, capnp::Type type,
           std::optional<capnp::DynamicValue::Reader> unsealed, const RenderOptions& options,
           std::vector<std::string>* hidden, const std::string& path, TextForm form) {
  switch (type.which()) {
    case capnp::schema::Type::VOID: return nullptr;
    case capnp::schema::Type::BOOL: return value.as<bool>();
    case capnp::schema::Type::INT8:
    case capnp::schema::Type::INT16:
    case capnp::schema::Type::INT32:
    case capnp::schema::Type::INT64: return value.as<int64_t>();
    case capnp::schema::Type::UINT8:
    case capnp::schema::Type::UINT16:
    case capnp::schema::Type::UINT32:
    case capnp::schema::Type::UINT64: return value.as<uint64_t>();
    case capnp::schema::Type::FLOAT32:
    case capnp::schema::Type::FLOAT64: return value.as<double>();
    case capnp::schema::Type::TEXT: return Text(value.as<capnp::Text>().cStr(), options, form);
    case capnp::schema::Type::DATA: return Hex(value.as<capnp::Data>());
    case capnp::schema::Type::ENUM: {
      auto e = value.as<capnp::DynamicEnum>().getEnumerant();
      KJ_IF_MAYBE(en, e) { return si::EnumCode(*en); }
      return value.as<capnp::DynamicEnum>().getRaw();
    }
    case capnp::schema::Type::STRUCT: {
      auto s = value.as<capnp::DynamicStruct>();
      if (si::IsDate(type.asStruct())) {
        const Days days = s.get("days").as<int32_t>();
        if (options.pseudonymous) return options.pseudonymous->DayNumber(days);
        return FormatDate(days);
      }
      std::optional<capnp::DynamicStruct::Reader> u;
      if (unsealed) u = unsealed->as<capnp::DynamicStruct>();
      return RenderFields(s, u, options, hidden, path, form == TextForm::kReasoning);
    }
    case capnp::schema::Type::LIST: {
      auto list = value.as<capnp::DynamicList>();
      auto element = type.asList().getElementType();
      Json out = Json::array();
      for (uint32_t i = 0; i < list.size(); ++i)
        out.push_back(Value(list[i], element, std::nullopt, options, hidden,
                            path + "[" + std::to_string(i) + "]", form));
      return out;
    }
    default: return nullptr;
  }
}

bool Shown(capnp::DynamicStruct::Reader s, const capnp::StructSchema::Field& f) {
  if (si::IsPresenceFlag(f) || si::IsOmittedFlag(f)) return false;
  // Once required: shown whatever its value, unless it was left out.
  if (auto flag = si::OmittedFlagOf(f)) return !s.get(*flag).as<bool>();
  if (auto flag = si::PresenceFlagOf(f)) return s.get(*flag).as<bool>();
  if (!si::IsOptional(f)) return true;
  return s.has(f, capnp::HasMode::NON_DEFAULT);
}

// JSON objects for jsonMap fields: {"gezin": {...}} or {"wonen": "ok"}.
Json MapValue(capnp::DynamicList::Reader list, const si::MapSpec& spec,
              const RenderOptions& options, std::vector<std::string>* hidden,
              const std::string& path, TextForm form) {
  Json out = Json::object();
  for (auto item : list) {
    auto s = item.as<capnp::DynamicStruct>();
    auto key_field = s.getSchema().getFieldByName(spec.key);
    Json key = Value(s.get(key_field), key_field.getType(), std::nullopt, options, hidden, path,
                     form);
    std::string k = key.is_string() ? key.get<std::string>() : key.dump();
    if (!spec.value.empty()) {
      auto vf = s.getSchema().getFieldByName(spec.value);
      out[k] = Value(s.get(vf), vf.getType(), std::nullopt, options, hidden, path + "." + k, form);
    } else {
      Json inner = Json::object();
      for (auto f : s.getSchema().getFields()) {
        if (f.getIndex() == key_field.getIndex() || !Shown(s, f)) continue;
        inner[si::JsonName(f)] =
            Value(s.get(f), f.getType(), std::nullopt, options, hidden, path + "." + k, form);
      }
      out[k] = std::move(inner);
    }
  }
  return out;
}

// A field of `s` as JSON: a jsonMap list as an object keyed like the input, else its value.
Json FieldValue(capnp::DynamicStruct::Reader s, const capnp::StructSchema::Field& f,
                std::optional<capnp::DynamicValue::Reader> unsealed, const RenderOptions& options,
                std::vector<std::string>* hidden, const std::string& path, TextForm form) {
  if (auto spec = si::JsonMap(f))
    return MapValue(s.get(f).as<capnp::DynamicList>(), *spec, options, hidden, path, form);
  return Value(s.get(f), f.getType(), unsealed, options, hidden, path, form);
}

// The form of field `f`'s texts; `reasoning`: `f` lies inside a $reasoning field.
TextForm FormOf(const RenderOptions& options, const capnp::StructSchema::Field& f, bool reasoning) {
  if (!options.pseudonymous) return TextForm::kAsIs;
  if (si::IsPseudonym(f)) return TextForm::kPseudonym;
  return reasoning || si::IsReasoning(f) ? TextForm::kReasoning : TextForm::kAsIs;
}

// RenderStruct; `reasoning`: `pub` lies inside a $reasoning field, so its texts are redacted.
Json RenderFields(capnp::DynamicStruct::Reader pub,
                  std::optional<capnp::DynamicStruct::Reader> unsealed, const RenderOptions& options,
                  std::vector<std::string>* hidden, const std::string& path, bool reasoning) {
  auto schema = pub.getSchema();
  if (schema.getNonUnionFields().size() == 0 && schema.getUnionFields().size() > 0) {
    KJ_IF_MAYBE(member, pub.which()) {
      std::optional<capnp::DynamicValue::Reader> u;
      if (unsealed) u = unsealed->get(*member);
      return Value(pub.get(*member), member->getType(), u, options, hidden, path,
                   reasoning ? TextForm::kReasoning : TextForm::kAsIs);
    }
    return nullptr;
  }
  const bool pseudonymous = options.pseudonymous != nullptr;
  // A reasoning field of the pseudonymised form is shown only when the form keeps reasoning.
  const bool keeps_reasoning = pseudonymous && options.pseudonymous->KeepsReasoning();
  Json out = Json::object();
  for (auto f : schema.getFields()) {
    std::string name = si::JsonName(f);
    std::string field_path = path.empty() ? name : path + "." + name;
    const TextForm form = FormOf(options, f, reasoning);
    const bool redacted = form == TextForm::kReasoning;
    if (si::IsFormerlyPlain(f) && pub.has(f, capnp::HasMode::NON_DEFAULT)) {
      // Recorded in plain before the field was sealed: shown as $freeText was.
      if (pseudonymous && !(redacted && keeps_reasoning)) continue;
      out[name] = FieldValue(pub, f, std::nullopt, options, hidden, field_path, form);
      continue;
    }
    if (si::IsPersonal(f)) {
      const bool reveal = pseudonymous ? redacted && keeps_reasoning
                                       : options.personal == PersonalFields::kReveal;
      if (reveal && unsealed) {
        if (unsealed->has(f, capnp::HasMode::NON_NULL))
          out[name] = FieldValue(*unsealed, f, std::nullopt, options, hidden, field_path, form);
      } else if (hidden) {
        hidden->push_back(field_path);
      }
      continue;
    }
    if (!Shown(pub, f)) continue;
    if (pseudonymous && (si::IsFreeText(f) || redacted) && !(redacted && keeps_reasoning))
      continue;
    std::optional<capnp::DynamicValue::Reader> u;
    if (unsealed && f.getType().isStruct()) u = unsealed->get(f);
    out[name] = FieldValue(pub, f, u, options, hidden, field_path, form);
  }
  return out;
}

}  // namespace

std::string DumpJson(const Json& j, int indent) {
  return j.dump(indent, ' ', false, Json::error_handler_t::replace);
}

Json RenderStruct(capnp::DynamicStruct::Reader pub,
                  std::optional<capnp::DynamicStruct::Reader> unsealed, const RenderOptions& options,
                  std::vector<std::string>* hidden, const std::string& path) {
  return RenderFields(pub, unsealed, options, hidden, path, false);
}

}  // namespace rmc
