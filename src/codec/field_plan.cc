#include "codec/field_plan.h"

#include <map>
#include <mutex>

#include <kj/debug.h>

#include "base/json_writer.h"
#include "codec/schema_info.h"

namespace rmc {
namespace {

namespace si = schema_info;

std::string Quoted(std::string_view text) {
  JsonWriter w(text.size() * 6 + 2);
  w.String(text);
  return std::string(w.view());
}

// Builds plans; plans refer to each other by pointer, so a struct that reaches itself (Payload
// -> EventCorrected -> Payload) is planned once.
class Planner {
 public:
  const StructPlan& Struct(capnp::StructSchema schema) {
    const uint64_t id = schema.getProto().getId();
    if (auto it = structs_.find(id); it != structs_.end()) return *it->second;
    auto& plan = *(structs_[id] = std::make_unique<StructPlan>());
    plan.schema = schema;
    plan.union_only = schema.getNonUnionFields().size() == 0 && schema.getUnionFields().size() > 0;
    auto fields = schema.getFields();
    plan.fields.resize(fields.size());
    plan.discriminant = schema.getProto().getStruct().getDiscriminantOffset();
    plan.members.resize(schema.getUnionFields().size());
    for (auto f : fields) {
      FieldPlan& field = plan.fields[f.getIndex()];
      Field(f, field);
      if (field.discriminant != FieldPlan::kNoDiscriminant) plan.members.at(field.discriminant) = &field;
    }
    return plan;
  }

 private:
  void Field(capnp::StructSchema::Field f, FieldPlan& plan) {
    auto proto = f.getProto();
    KJ_REQUIRE(proto.isSlot() && !proto.getSlot().getHadExplicitDefault(),
               "field plans read neither groups nor default values", proto.getName());
    plan.field = f;
    plan.offset = proto.getSlot().getOffset();
    if (proto.getDiscriminantValue() != capnp::schema::Field::NO_DISCRIMINANT) {
      plan.discriminant = proto.getDiscriminantValue();
      plan.discriminant_offset = f.getContainingStruct().getProto().getStruct().getDiscriminantOffset();
    }
    plan.name = si::JsonName(f);
    plan.key = Quoted(plan.name) + ":";
    plan.personal = si::IsPersonal(f);
    plan.optional = si::IsOptional(f);
    plan.formerly_plain = si::IsFormerlyPlain(f);
    plan.presence_flag = si::IsPresenceFlag(f) || si::IsOmittedFlag(f);
    if (auto flag = si::PresenceFlagOf(f)) plan.presence = flag->getProto().getSlot().getOffset();
    if (auto flag = si::OmittedFlagOf(f)) plan.omitted = flag->getProto().getSlot().getOffset();
    Value(f.getType(), plan.value);
    if (auto spec = si::JsonMap(f)) {
      auto entry = f.getType().asList().getElementType().asStruct();
      plan.map = std::make_unique<MapPlan>();
      plan.map->entry = &Struct(entry);
      plan.map->key = entry.getFieldByName(spec->key).getIndex();
      if (!spec->value.empty()) plan.map->value = entry.getFieldByName(spec->value).getIndex();
    }
  }

  void Value(capnp::Type type, ValuePlan& plan) {
    using K = ValuePlan::Kind;
    switch (type.which()) {
      case capnp::schema::Type::BOOL: plan.kind = K::kBool; break;
      case capnp::schema::Type::INT8: plan.kind = K::kInt, plan.bytes = 1; break;
      case capnp::schema::Type::INT16: plan.kind = K::kInt, plan.bytes = 2; break;
      case capnp::schema::Type::INT32: plan.kind = K::kInt, plan.bytes = 4; break;
      case capnp::schema::Type::INT64: plan.kind = K::kInt, plan.bytes = 8; break;
      case capnp::schema::Type::UINT8: plan.kind = K::kUint, plan.bytes = 1; break;
      case capnp::schema::Type::UINT16: plan.kind = K::kUint, plan.bytes = 2; break;
      case capnp::schema::Type::UINT32: plan.kind = K::kUint, plan.bytes = 4; break;
      case capnp::schema::Type::UINT64: plan.kind = K::kUint, plan.bytes = 8; break;
      case capnp::schema::Type::FLOAT32: plan.kind = K::kFloat, plan.bytes = 4; break;
      case capnp::schema::Type::FLOAT64: plan.kind = K::kFloat, plan.bytes = 8; break;
      case capnp::schema::Type::TEXT: plan.kind = K::kText; break;
      case capnp::schema::Type::DATA: plan.kind = K::kData; break;
      case capnp::schema::Type::ENUM:
        plan.kind = K::kEnum;
        plan.codes = &Codes(type.asEnum());
        break;
      case capnp::schema::Type::STRUCT:
        if (si::IsDate(type.asStruct())) {
          plan.kind = K::kDate;
          plan.days = type.asStruct().getFieldByName("days").getProto().getSlot().getOffset();
        } else {
          plan.kind = K::kStruct;
          plan.structure = &Struct(type.asStruct());
        }
        break;
      case capnp::schema::Type::LIST:
        plan.kind = K::kList;
        plan.element = std::make_unique<ValuePlan>();
        Value(type.asList().getElementType(), *plan.element);
        break;
      default: plan.kind = K::kNull;  // void, interfaces, AnyPointer
    }
  }

  const std::vector<std::string>& Codes(capnp::EnumSchema schema) {
    auto& codes = enums_[schema.getProto().getId()];
    if (codes.empty())
      for (auto e : schema.getEnumerants()) codes.push_back(Quoted(si::EnumCode(e)));
    return codes;
  }

  std::map<uint64_t, std::unique_ptr<StructPlan>> structs_;
  std::map<uint64_t, std::vector<std::string>> enums_;  // std::map: references stay valid
};

}  // namespace

const StructPlan& PlanOf(capnp::StructSchema schema) {
  static std::mutex mu;
  static Planner planner;
  std::lock_guard<std::mutex> lock(mu);
  return planner.Struct(schema);
}

}  // namespace rmc
