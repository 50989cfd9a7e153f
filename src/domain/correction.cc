#include "domain/correction.h"

#include <capnp/dynamic.h>

#include <string>
#include <vector>

#include "codec/json_codec.h"
#include "codec/message_sizes.h"
#include "codec/schema_info.h"

namespace rmc {
namespace {

using P = schema::Payload;

// The field of `schema` that JSON names `name`, derived fields included (a correction names
// "info_items" when it records them again).
std::optional<schema_info::Field> NamedField(capnp::StructSchema schema, std::string_view name) {
  if (auto field = schema_info::FieldByJsonName(schema, name)) return field;
  for (auto field : schema.getFields())
    if (schema_info::IsDerived(field) && schema_info::JsonName(field) == name) return field;
  return std::nullopt;
}

void CopyField(capnp::DynamicStruct::Reader from, capnp::DynamicStruct::Builder to,
               schema_info::Field field) {
  if (from.has(field)) to.set(field, from.get(field));
  else to.clear(field);
}

bool IsConsent(unsigned member_index) {
  return member_index == capnp::Schema::from<P>().getFieldByName("consentGiven").getIndex() ||
         member_index == capnp::Schema::from<P>().getFieldByName("consentRefused").getIndex();
}

// The member struct of `payload` that is set, if it is `member`'s (a consent given or refused
// for either: a corrected `given` may have moved it).
std::optional<capnp::DynamicStruct::Builder> Member(P::Builder payload, schema_info::Field member) {
  auto dynamic = capnp::toDynamic(payload);
  KJ_IF_MAYBE(set, dynamic.which()) {
    if (set->getIndex() == member.getIndex() || (IsConsent(set->getIndex()) && IsConsent(member.getIndex())))
      return dynamic.get(*set).as<capnp::DynamicStruct>();
  }
  return std::nullopt;
}

void SetNames(schema::EventCorrected::Builder correction, const std::vector<std::string>& names) {
  auto list = correction.initFields(names.size());
  for (size_t i = 0; i < names.size(); ++i)
    list.set(i, capnp::Text::Reader(names[i].data(), names[i].size()));
}

// Copies the top-level personal fields that `personal` (a sealed part, opened) holds into the
// same member of `payload`: the fields the §1.2 items are derived from.
void AddPersonal(P::Builder payload, P::Reader personal) {
  auto from = capnp::toDynamic(personal);
  KJ_IF_MAYBE(member, from.which()) {
    auto into = Member(payload, *member);
    if (!into) return;
    auto source = from.get(*member).as<capnp::DynamicStruct>();
    for (auto field : source.getSchema().getFields())
      if (schema_info::IsPersonal(field) && source.has(field)) into->set(field, source.get(field));
  }
}

// The items a signal's or review's fields hold, and the items it records (`info_items`).
uint8_t InfoItemsOf(P::Reader payload) {
  if (payload.isSignalReceived()) return InfoItemsOfSignal(payload.getSignalReceived());
  if (payload.isDossierReviewed()) return InfoItemsOfReview(payload.getDossierReviewed());
  return 0;
}
uint8_t RecordedInfoItems(P::Reader payload) {
  if (payload.isSignalReceived()) return payload.getSignalReceived().getInfoItems();
  if (payload.isDossierReviewed()) return payload.getDossierReviewed().getInfoItems();
  return 0;
}

// The items of the corrected signal or review; when they differ from the items before, set in
// the correction, and true (see DecideCorrection).
bool RecordInfoItems(P::Reader target, std::optional<P::Reader> current,
                     schema::EventCorrected::Builder correction) {
  capnp::MallocMessageBuilder message(kPayloadWords);
  message.setRoot(current ? *current : target);
  auto merged = message.getRoot<P>();
  const uint8_t before = RecordedInfoItems(merged.asReader());  // what the fold holds
  MergeCorrection(merged, correction.asReader());
  uint8_t after = InfoItemsOf(merged.asReader());
  if (!current) after |= before;  // what sealed fields held is not known any more
  if (after == before) return false;
  auto fixed = correction.getCorrected();
  if (fixed.isSignalReceived()) fixed.getSignalReceived().setInfoItems(after);
  else fixed.getDossierReviewed().setInfoItems(after);
  return true;
}

}  // namespace

CorrectedTarget::CorrectedTarget(P::Reader stored, P::Reader personal) : message_(kPayloadWords) {
  message_.setRoot(stored);
  AddPersonal(message_.getRoot<P>(), personal);
}

void CorrectedTarget::Merge(schema::EventCorrected::Reader correction, P::Reader personal) {
  capnp::MallocMessageBuilder whole(kPayloadWords);
  whole.setRoot(correction);
  auto fix = whole.getRoot<schema::EventCorrected>();
  if (personal.isEventCorrected()) AddPersonal(fix.getCorrected(), personal.getEventCorrected().getCorrected());
  MergeCorrection(message_.getRoot<P>(), fix.asReader());
}

Result<Draft> DecideCorrection(P::Reader target, std::optional<P::Reader> current,
                               uint64_t position, const CorrectedFields& corrected) {
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
    std::vector<std::string> names;
    for (const auto& [name, value] : corrected.fields) {
      const std::string path = "data.data." + std::string(name);
      auto field = schema_info::FieldByJsonName(fixed.getSchema(), name);
      if (!field) return InvalidInput(path + ": no such field of " + schema_info::EventTypeName(*m));
      if (auto s = FillFieldFromJson(fixed, *field, value, path); !s.ok()) return s;
      names.emplace_back(name);
    }
    if (names.empty()) return InvalidInput("data.data: name at least one corrected field");
    SetNames(correction, names);  // RecordInfoItems merges what they name
    if ((type == P::SIGNAL_RECEIVED || type == P::DOSSIER_REVIEWED) &&
        RecordInfoItems(target, current, correction)) {
      names.emplace_back("info_items");
      SetNames(correction, names);
    }
    return draft;
  }
  return InvalidInput("data.event: an event of a type this version of rmc does not know");
}

void MergeCorrection(P::Builder payload, schema::EventCorrected::Reader correction) {
  auto fixed = capnp::toDynamic(correction.getCorrected());
  KJ_IF_MAYBE(m, fixed.which()) {
    auto into = Member(payload, *m);
    if (!into) return;
    auto from = fixed.get(*m).as<capnp::DynamicStruct>();
    for (auto name : correction.getFields()) {
      auto field = NamedField(from.getSchema(), std::string_view(name.cStr(), name.size()));
      if (!field) continue;
      CopyField(from, *into, *field);
      if (auto flag = schema_info::PresenceFlagOf(*field)) CopyField(from, *into, *flag);
      if (auto flag = schema_info::OmittedFlagOf(*field)) CopyField(from, *into, *flag);
    }
  }
  // `consent` records given: false as ConsentRefused; a corrected `given` moves the event over.
  if (payload.isConsentGiven() || payload.isConsentRefused()) {
    auto consent = payload.isConsentGiven() ? payload.getConsentGiven() : payload.getConsentRefused();
    if (consent.getGiven() == payload.isConsentGiven()) return;
    capnp::MallocMessageBuilder copy(kPayloadWords);
    copy.setRoot(consent.asReader());
    auto moved = copy.getRoot<schema::Consent>().asReader();
    if (payload.isConsentGiven()) payload.setConsentRefused(moved);
    else payload.setConsentGiven(moved);
  }
}

}  // namespace rmc
