#include "privacy/sealing.h"

#include <sodium.h>

#include "base/random.h"
#include "codec/schema_info.h"

namespace rmc {

bool SplitPersonal(capnp::DynamicStruct::Reader full, capnp::DynamicStruct::Builder pub,
                   capnp::DynamicStruct::Builder personal) {
  namespace si = schema_info;
  bool any = false;
  auto copy = [&](const capnp::StructSchema::Field& f) {
    if (!full.has(f, capnp::HasMode::NON_NULL)) return;  // keep unset fields unset
    if (si::IsPersonal(f)) {
      if (full.has(f, capnp::HasMode::NON_NULL)) {
        personal.set(f, full.get(f));
        any = true;
      }
      return;
    }
    if (si::NestsPersonal(f)) {
      any |= SplitPersonal(full.get(f).as<capnp::DynamicStruct>(),
                           pub.init(f).as<capnp::DynamicStruct>(),
                           personal.init(f).as<capnp::DynamicStruct>());
      return;
    }
    pub.set(f, full.get(f));
  };
  for (auto f : full.getSchema().getNonUnionFields()) copy(f);
  KJ_IF_MAYBE(member, full.which()) { copy(*member); }
  return any;
}

std::vector<std::string> PersonalFieldPaths(capnp::DynamicStruct::Reader personal) {
  namespace si = schema_info;
  std::vector<std::string> paths;
  auto visit = [&](const capnp::StructSchema::Field& f, const std::string& prefix, auto& self,
                   capnp::DynamicStruct::Reader s) -> void {
    if (!s.has(f, capnp::HasMode::NON_NULL)) return;
    if (si::IsPersonal(f)) return paths.push_back(prefix + si::JsonName(f));
    if (!si::NestsPersonal(f)) return;
    auto inner = s.get(f).as<capnp::DynamicStruct>();
    const bool union_only = s.getSchema().getNonUnionFields().size() == 0;
    const std::string next = union_only ? prefix : prefix + si::JsonName(f) + ".";
    for (auto g : inner.getSchema().getNonUnionFields()) self(g, next, self, inner);
    KJ_IF_MAYBE(member, inner.which()) { self(*member, next, self, inner); }
  };
  for (auto f : personal.getSchema().getNonUnionFields()) visit(f, "", visit, personal);
  KJ_IF_MAYBE(member, personal.which()) { visit(*member, "", visit, personal); }
  return paths;
}

SubjectKey NewSubjectKey() {
  SubjectKey key;
  RandomBytes(key.data(), key.size());  // what ..._keygen does, without a system call
  return key;
}

std::vector<uint8_t> Seal(const SubjectKey& key, const uint8_t* plain, size_t size,
                          const uint8_t* associated, size_t associated_size) {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  std::vector<uint8_t> out(kNonce + size + crypto_aead_xchacha20poly1305_ietf_ABYTES);
  RandomBytes(out.data(), kNonce);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out.data() + kNonce, &written, plain, size,
                                             associated, associated_size, nullptr, out.data(),
                                             key.data());
  out.resize(kNonce + written);
  return out;
}

Result<std::vector<uint8_t>> Unseal(const SubjectKey& key, const uint8_t* sealed, size_t size,
                                    const uint8_t* associated, size_t associated_size) {
  constexpr size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
  constexpr size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
  if (size < kNonce + kTag) return LedgerError("sealed data is truncated");
  std::vector<uint8_t> plain(size - kNonce - kTag);
  unsigned long long written = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &written, nullptr, sealed + kNonce,
                                                 size - kNonce, associated, associated_size,
                                                 sealed, key.data()) != 0)
    return LedgerError("sealed data does not authenticate under the subject's key");
  plain.resize(written);
  return plain;
}

}  // namespace rmc
