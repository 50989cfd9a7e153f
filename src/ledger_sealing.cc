// The ledger's side of sealing (DESIGN.md, Privacy; docs/storage.md, Sealing): an event's
// personal fields and reason sealed under the subject's key on write, opened on read, and whether
// a subject's key is gone. The cryptography itself is in sealing.cc.
#include <cstring>

#include "json_render.h"
#include "ledger.h"
#include "message_sizes.h"
#include "sealing.h"

namespace rmc {
namespace {

// The sealed reason is bound to its event and kept apart from the sealed payload.
std::string ReasonAssociatedData(capnp::Data::Reader event_id) {
  return std::string(reinterpret_cast<const char*>(event_id.begin()), event_id.size()) + "reason";
}

}  // namespace

Result<std::optional<SubjectKey>> Ledger::CachedKey(std::string_view subject_id) {
  if (auto it = keys_.find(std::string(subject_id)); it != keys_.end()) return it->second;
  if (erasing_.contains(subject_id)) return std::optional<SubjectKey>();  // erased; key not yet deleted
  auto key = keystore_->Key(subject_id);
  if (!key.ok()) return key;
  if (!*key) {
    // No key: erased, unless the ledger never erased them; then the keystore lost their record
    // (a damaged id, a keystore restored apart from its ledger), and saying "erased" would hide it.
    auto txn = store_->Read();
    if (!txn.ok()) return txn.status();
    auto record = (*txn)->Subject(subject_id);
    if (!record.ok()) return record.status();
    if (*record && !(*record)->erased)
      return LedgerError("the keystore has no key for a youth the ledger never erased (subject " +
                         Hex(capnp::Data::Reader(reinterpret_cast<const kj::byte*>(subject_id.data()),
                                                 subject_id.size())) +
                         "): the keystore is damaged; restore it from a backup (rmc verify lists "
                         "every such youth)");
  }
  keys_.emplace(std::string(subject_id), *key);
  return key;
}

bool Ledger::IsErased(std::string_view subject_id) {
  auto key = CachedKey(subject_id);
  return key.ok() && !key->has_value();  // a damaged record is no erasure: Unseal reports it
}

Result<std::optional<Unsealed>> Ledger::Unseal(schema::Event::Reader e) {
  if ((!e.hasSealed() && !e.hasSealedReason()) || !e.hasSubject()) return std::optional<Unsealed>();
  std::string_view subject(reinterpret_cast<const char*>(e.getSubject().begin()), e.getSubject().size());
  auto key = CachedKey(subject);
  if (!key.ok()) return key.status();
  if (!*key) return std::optional<Unsealed>();  // erased
  auto opened = OpenSealed(**key, e);
  if (!opened.ok()) return opened.status();
  return std::optional<Unsealed>(std::move(*opened));
}

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

Result<Ledger::SignalledSubject> Ledger::SubjectOfSignals(StoreTxn& txn, const CaseState& state) {
  SignalledSubject subject;
  for (uint64_t p : state.signals) {
    auto view = txn.Event(p);
    if (!view.ok()) return view.status();
    if (!*view) continue;
    auto personal = Unseal((*view)->event());
    if (!personal.ok()) return personal.status();
    if (!*personal || !(*personal)->payload) continue;
    auto payload = (*personal)->payload->getRoot<schema::Payload>();
    if (!payload.isSignalReceived()) continue;
    auto given = payload.getSignalReceived().getSubject();
    if (given.hasRef()) subject.ref = given.getRef();
    if (given.hasBirthDate()) subject.birth_date = given.getBirthDate().getDays();
  }
  return subject;
}

}  // namespace rmc
