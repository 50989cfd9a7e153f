// The keys of the youths whose events one process reads or writes, and the opening of their
// sealed parts: the one place that decides whether a youth reads as erased.
//
// A subject without a key is erased only when the ledger recorded their erasure; a key missing
// for anyone else is a damaged keystore (ledger_error), never a youth who looks erased.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "privacy/event_sealing.h"
#include "privacy/keystore.h"
#include "store/store.h"

namespace rmc {

class Unsealer {
 public:
  // Both outlive this object.
  Unsealer(const Store& store, Keystore& keystore) : store_(store), keystore_(keystore) {}

  // The subject's key, from the cache or the keystore (then cached); nothing when erased.
  Result<std::optional<SubjectKey>> Key(std::string_view subject_id);
  // Whether the subject's key is gone (a damaged record is no erasure: Unseal reports it).
  bool IsErased(std::string_view subject_id);
  // What `event` sealed; nothing when it sealed nothing or its subject was erased.
  Result<std::optional<Unsealed>> Unseal(schema::Event::Reader event);

  // What the ledger's writes tell the cache: a key made or found for a subject, an erasure
  // (nothing), and a batch rolled back (forget everything cached).
  void Remember(const std::string& subject_id, std::optional<SubjectKey> key) {
    keys_[subject_id] = key;
  }
  void Clear() { keys_.clear(); }
  // A subject whose erasure is recorded but whose key may still be in the keystore (meta
  // "erasing" when the ledger was opened): erased for every read from now on.
  void MarkErasing(std::string subject_id) { erasing_.insert(std::move(subject_id)); }

 private:
  const Store& store_;
  Keystore& keystore_;
  std::map<std::string, std::optional<SubjectKey>, std::less<>> keys_;
  std::set<std::string, std::less<>> erasing_;
};

}  // namespace rmc
