#include "privacy/unsealer.h"

#include "base/hex.h"
#include "codec/bytes.h"

namespace rmc {

Result<std::optional<SubjectKey>> Unsealer::Key(std::string_view subject_id) {
  if (auto it = keys_.find(subject_id); it != keys_.end()) return it->second;
  if (erasing_.contains(subject_id)) return std::optional<SubjectKey>();  // erased; key not yet deleted
  auto key = keystore_.Key(subject_id);
  if (!key.ok()) return key;
  if (!*key) {
    // No key: erased, unless the ledger never erased them; then the keystore lost their record
    // (a damaged id, a keystore restored apart from its ledger), and saying "erased" would hide it.
    auto txn = store_.Read();
    if (!txn.ok()) return txn.status();
    auto record = (*txn)->Subject(subject_id);
    if (!record.ok()) return record.status();
    if (*record && !(*record)->erased)
      return LedgerError("the keystore has no key for a youth the ledger never erased (subject " +
                         Hex(subject_id) +
                         "): the keystore is damaged; restore it from a backup (rmc verify lists "
                         "every such youth)");
  }
  keys_.emplace(std::string(subject_id), *key);
  return key;
}

bool Unsealer::IsErased(std::string_view subject_id) {
  auto key = Key(subject_id);
  return key.ok() && !key->has_value();
}

Result<std::optional<Unsealed>> Unsealer::Unseal(schema::Event::Reader e) {
  if ((!e.hasSealed() && !e.hasSealedReason()) || !e.hasSubject()) return std::optional<Unsealed>();
  const std::string_view subject = Bytes(e.getSubject());
  auto key = Key(subject);
  if (!key.ok()) return key.status();
  if (!*key) return std::optional<Unsealed>();  // erased
  auto opened = OpenSealed(**key, e);
  if (!opened.ok()) return opened.status();
  return std::optional<Unsealed>(std::move(*opened));
}

}  // namespace rmc
