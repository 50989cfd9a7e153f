#include "domain/correction.h"

#include <capnp/dynamic.h>

#include "codec/json_codec.h"
#include "codec/message_sizes.h"
#include "codec/schema_info.h"

namespace rmc {

Result<Draft> DecideCorrection(schema::Payload::Reader target, uint64_t position,
                               const CorrectedFields& corrected) {
  using P = schema::Payload;
  auto member = capnp::toDynamic(target).which();
  KJ_IF_MAYBE(m, member) {
    const P::Which type = target.which();
    if (type == P::EVENT_CORRECTED || type == P::STEP_DEVIATED || type == P::CASE_OPENED ||
        type == P::CASE_REOPENED || type == P::SUBJECT_ERASED)
      return InvalidInput("data.event: a " + schema_info::EventTypeName(*m) +
                          " event records the ledger's own decision and cannot be corrected");
    Draft draft{std::make_unique<capnp::MallocMessageBuilder>(kPayloadWords), {}};
    auto correction = draft.root().initEventCorrected();
    correction.setTarget(position);
    auto fixed = capnp::toDynamic(correction.initCorrected()).init(*m).as<capnp::DynamicStruct>();
    for (const auto& [name, value] : corrected.fields) {
      const std::string path = "data.data." + std::string(name);
      auto field = schema_info::FieldByJsonName(fixed.getSchema(), name);
      if (!field) return InvalidInput(path + ": no such field of " + schema_info::EventTypeName(*m));
      if (auto s = FillFieldFromJson(fixed, *field, value, path); !s.ok()) return s;
    }
    if (corrected.fields.empty()) return InvalidInput("data.data: name at least one corrected field");
    auto names = correction.initFields(corrected.fields.size());
    for (size_t i = 0; i < corrected.fields.size(); ++i) names.set(i, capnp::Text::Reader(corrected.fields[i].first.data(), corrected.fields[i].first.size()));
    return draft;
  }
  return InvalidInput("data.event: an event of a type this version of rmc does not know");
}

}  // namespace rmc
