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

void Walk(std::string_view bytes) {
  static const std::vector<SubjectKey> keys = Keys();
  EventView view(bytes);
  schema::Event::Reader event = view.event();
  EventType(event);
  std::optional<Unsealed> unsealed;
  for (const auto& key : keys)
    if (auto opened = OpenSealed(key, event); opened.ok()) unsealed = std::move(*opened);
  RenderOptions pseudonymize{PersonalFields::kPseudonymize, [](const std::string& v) { return v; }};
  for (const RenderOptions& options :
       {RenderOptions{PersonalFields::kOmit, nullptr},
        RenderOptions{PersonalFields::kReveal, nullptr}, pseudonymize})
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
