// An event's personal part sealed under its subject's key, and opened again (docs/storage.md,
// Sealing): the payload's personal fields and the reason, each bound to the event's id. The
// cryptography itself is in sealing.h.
#pragma once

#include <capnp/message.h>
#include <capnp/serialize.h>

#include <memory>
#include <optional>
#include <string>

#include "base/status.h"
#include "event.capnp.h"
#include "privacy/sealing.h"

namespace rmc {

// What an event sealed, decrypted: a Payload holding only its personal fields (null when it
// sealed none), and its reason when that was sealed.
struct Unsealed {
  std::unique_ptr<capnp::FlatArrayMessageReader> payload;
  std::optional<std::string> reason;
};

// Seals into `event` (its event id set) the personal fields in `personal` (when given) and
// `reason` (when not empty) with `key`: the counterpart of OpenSealed.
void SealEvent(const SubjectKey& key, schema::Event::Builder event,
               capnp::MessageBuilder* personal, const std::string& reason);

// What `event` sealed with `key`; ledger_error when it does not authenticate.
Result<Unsealed> OpenSealed(const SubjectKey& key, schema::Event::Reader event);

}  // namespace rmc
