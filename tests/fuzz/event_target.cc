// A stored event, walked as its readers walk it: the change feed and history (EventToJson, in
// each way of showing personal fields), the fold, and unsealing.
//
// Cap'n Proto reports a message that does not decode (a pointer out of bounds, text without its
// NUL) by throwing kj::Exception from the accessor that meets it; rmc turns that into an error
// with its exit code (at the latest where the command ends, in main). So here it is an outcome,
// not a finding: the target looks for what no exception covers, such as reads out of bounds,
// undefined behaviour and other exceptions.
#include <cstring>

#include "../memory_case_history.h"
#include "base/hex.h"
#include "domain/fold.h"
#include "ledger/ledger.h"
#include "privacy/pseudonym_form.h"
#include "store/store.h"
#include "targets.h"
#include "views/event_json.h"

namespace rmc::fuzz {
namespace {

// The subject keys of tests/golden/v3 (keys.json), so that the sealed part of an event seeded
// from there opens and its personal fields render; and a key that opens nothing.
std::vector<SubjectKey> Keys() {
  std::vector<SubjectKey> keys(1);
  for (const char* hex : {"d0103e15e04e209f8055bda3dd61884c0c39d761ab8d36e2cc55fad45d134ab9",
                          "652b10ca59c11c96591e4418a546fb4142e321a23bb77c42f907e7d53fd8e710"}) {
    std::string bytes = FromHex(hex).value();
    std::memcpy(keys.emplace_back().data(), bytes.data(), bytes.size());
  }
  return keys;
}

// The pseudonymised form of a case with some known values, as ReadSession::FormOf builds one.
const PseudonymForm& Form() {
  static const Pseudonymizer pseudonyms;
  static const PseudonymForm form = [] {
    KnownValues known;
    known.names = {"Zoë de Vries"};
    known.refs = {"J-1"};
    known.birth_dates = {13952};  // 2008-03-14
    known.others = {"ROC Midden", "06-12345678"};
    return PseudonymForm(pseudonyms, 0, Redactor(known, pseudonyms), true);
  }();
  return form;
}

void Walk(std::string_view bytes) {
  static const std::vector<SubjectKey> keys = Keys();
  const PseudonymForm& form = Form();
  (void)form.Reasoning(bytes);  // any bytes, as the reasoning of a damaged event may hold
  EventView view(bytes);
  schema::Event::Reader event = view.event();
  EventType(event);
  std::optional<Unsealed> unsealed;
  for (const auto& key : keys)
    if (auto opened = OpenSealed(key, event); opened.ok()) unsealed = std::move(*opened);
  for (const RenderOptions& options :
       {RenderOptions{PersonalFields::kOmit, nullptr},
        RenderOptions{PersonalFields::kReveal, nullptr},
        RenderOptions{PersonalFields::kOmit, &form}})
    for (const Unsealed* personal :
         std::vector<const Unsealed*>{nullptr, unsealed ? &*unsealed : nullptr})
      EventToJson(event, personal, options).dump(-1, ' ', false, Json::error_handler_t::replace);
  CaseState state;
  testing::MemoryCaseHistory none;  // a correction folds the case again from no earlier events
  (void)Apply(state, event, none);
}

}  // namespace

void Event(std::string_view bytes) {
  try {
    Walk(bytes);
  } catch (const kj::Exception&) {
  }
}

}  // namespace rmc::fuzz
