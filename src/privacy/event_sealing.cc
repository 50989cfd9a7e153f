#include "privacy/event_sealing.h"

#include <cstring>

#include "base/hex.h"
#include "codec/bytes.h"
#include "codec/json_render.h"
#include "codec/message_sizes.h"
#include "privacy/sealing.h"

namespace rmc {
namespace {

// The sealed reason is bound to its event and kept apart from the sealed payload.
std::string ReasonAssociatedData(capnp::Data::Reader event_id) {
  return std::string(Bytes(event_id)) + "reason";
}

}  // namespace

void SealEvent(const SubjectKey& key, schema::Event::Builder e, capnp::MessageBuilder* personal,
               const std::string& reason) {
  auto id = e.getEventId();
  if (personal) {
    auto words = capnp::messageToFlatArray(*personal);
    auto bytes = words.asBytes();
    auto sealed = Seal(key, bytes.begin(), bytes.size(), id.begin(), id.size());
    e.setSealed(capnp::Data::Reader(sealed.data(), sealed.size()));
  }
  if (!reason.empty()) {
    const std::string ad = ReasonAssociatedData(id);
    auto sealed = Seal(key, reinterpret_cast<const uint8_t*>(reason.data()), reason.size(),
                       reinterpret_cast<const uint8_t*>(ad.data()), ad.size());
    e.setSealedReason(capnp::Data::Reader(sealed.data(), sealed.size()));
  }
}

Result<Unsealed> OpenSealed(const SubjectKey& key, schema::Event::Reader e) {
  Unsealed out;
  auto id = e.getEventId();
  if (e.hasSealed()) {
    auto sealed = e.getSealed();
    auto plain = rmc::Unseal(key, sealed.begin(), sealed.size(), id.begin(), id.size());
    if (!plain.ok()) return plain.status();
    auto words = kj::heapArray<capnp::word>(plain->size() / sizeof(capnp::word));
    std::memcpy(words.begin(), plain->data(), words.size() * sizeof(capnp::word));
    struct Owned : capnp::FlatArrayMessageReader {
      Owned(kj::Array<capnp::word> w)
          : capnp::FlatArrayMessageReader(w, ReadLimits(w.size())), words(kj::mv(w)) {}
      kj::Array<capnp::word> words;
    };
    out.payload = std::make_unique<Owned>(kj::mv(words));
  }
  if (e.hasSealedReason()) {
    auto sealed = e.getSealedReason();
    const std::string ad = ReasonAssociatedData(id);
    auto plain = rmc::Unseal(key, sealed.begin(), sealed.size(),
                             reinterpret_cast<const uint8_t*>(ad.data()), ad.size());
    if (!plain.ok()) return plain.status();
    out.reason = std::string(plain->begin(), plain->end());
  }
  return out;
}

}  // namespace rmc
