#include "ledger/case_form.h"

#include <capnp/dynamic.h>

#include <algorithm>

#include "codec/schema_info.h"

namespace rmc {
namespace {

namespace si = schema_info;

void PseudonymTexts(capnp::DynamicStruct::Reader s, std::vector<std::string>& out);

// The $pseudonym texts of field `f` of `s`, or of the structs it holds.
void PseudonymTexts(capnp::DynamicStruct::Reader s, const capnp::StructSchema::Field& f,
                    std::vector<std::string>& out) {
  const capnp::Type type = f.getType();
  const bool list = type.isList();
  const capnp::Type element = list ? type.asList().getElementType() : type;
  if (si::IsPseudonym(f) && element.isText()) {
    if (!list) return void(out.emplace_back(s.get(f).as<capnp::Text>().cStr()));
    for (auto t : s.get(f).as<capnp::DynamicList>()) out.emplace_back(t.as<capnp::Text>().cStr());
  } else if (element.isStruct() && !si::IsDate(element.asStruct())) {
    if (!list) return PseudonymTexts(s.get(f).as<capnp::DynamicStruct>(), out);
    for (auto item : s.get(f).as<capnp::DynamicList>())
      PseudonymTexts(item.as<capnp::DynamicStruct>(), out);
  }
}

// Every $pseudonym text in `s` (reporters, partners, participants, the consultant assigned),
// at any depth: the names of people and organisations around the case.
void PseudonymTexts(capnp::DynamicStruct::Reader s, std::vector<std::string>& out) {
  for (auto f : s.getSchema().getNonUnionFields()) PseudonymTexts(s, f, out);
  KJ_IF_MAYBE (member, s.which()) {
    PseudonymTexts(s, *member, out);
  }
}

// The youth's personal values in the unsealed part of an event's payload.
void PersonalValues(schema::Payload::Reader p, KnownValues& known) {
  auto all = [&](capnp::List<capnp::Text>::Reader texts) {
    for (auto t : texts) known.others.emplace_back(t.cStr());
  };
  switch (p.which()) {
    case schema::Payload::SIGNAL_RECEIVED: {
      auto subject = p.getSignalReceived().getSubject();
      if (subject.hasRef()) known.refs.emplace_back(subject.getRef().cStr());
      if (subject.hasName()) known.names.emplace_back(subject.getName().cStr());
      if (subject.hasBirthDate()) known.birth_dates.push_back(subject.getBirthDate().getDays());
      if (subject.hasAddress()) known.addresses.emplace_back(subject.getAddress().cStr());
      if (subject.hasPhone()) known.others.emplace_back(subject.getPhone().cStr());
      if (subject.hasEmail()) known.others.emplace_back(subject.getEmail().cStr());
      if (subject.hasSchool()) known.others.emplace_back(subject.getSchool().cStr());
      all(p.getSignalReceived().getContacts());
      break;
    }
    case schema::Payload::DOSSIER_REVIEWED: all(p.getDossierReviewed().getContacts()); break;
    case schema::Payload::SUBJECT_ERASED:
      known.refs.emplace_back(p.getSubjectErased().getSubject().cStr());
      break;
    case schema::Payload::EVENT_CORRECTED:
      PersonalValues(p.getEventCorrected().getCorrected(), known);
      break;
    default: break;
  }
}

void Unique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

Result<PseudonymForm> BuildCaseForm(Ledger& ledger, StoreTxn& txn, const CaseState& state,
                                    const Pseudonymizer& pseudonyms, bool keep_reasoning) {
  if (state.case_id.empty()) {
    auto first = txn.Event(1);
    if (!first.ok()) return first.status();
    const Days created = *first ? LocalDate((*first)->event().getRecordedAt()) : 0;
    return PseudonymForm(pseudonyms, created, Redactor(), keep_reasoning);
  }
  auto positions = txn.CasePositions(state.case_id);
  if (!positions.ok()) return positions.status();
  std::optional<Days> origin;
  KnownValues known;
  known.youth = state.subject;
  for (uint64_t position : *positions) {
    auto view = txn.Event(position);
    if (!view.ok()) return view.status();
    if (!*view) continue;
    auto e = (*view)->event();
    const auto payload = e.getPayload();
    if (payload.isSignalReceived()) {
      const Days received = payload.getSignalReceived().getReceived().getDays();
      origin = origin ? std::min(*origin, received) : received;
    }
    if (!keep_reasoning) continue;
    known.others.emplace_back(e.getActor().getId().cStr());
    PseudonymTexts(capnp::toDynamic(payload), known.others);
    auto unsealed = ledger.Unseal(e);
    if (!unsealed.ok()) return unsealed.status();
    if (*unsealed && (*unsealed)->payload)
      PersonalValues((*unsealed)->payload->getRoot<schema::Payload>(), known);
  }
  if (!origin) origin = LocalDate(state.opened_at);
  if (!keep_reasoning) return PseudonymForm(pseudonyms, *origin, Redactor(), false);
  if (!state.consulent.empty()) known.others.push_back(state.consulent);
  Unique(known.others);
  return PseudonymForm(pseudonyms, *origin, Redactor(known, pseudonyms), true);
}

}  // namespace rmc
