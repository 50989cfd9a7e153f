// The events as the ledger stores them: the envelope of every event is filled here and nowhere
// else (docs/storage.md, "Events"), the personal fields and the reason sealed with the youth's
// key, and the chain link set as the event is appended.
#pragma once

#include <capnp/message.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "audit/activities.h"
#include "base/clock.h"
#include "base/status.h"
#include "codec/command.h"
#include "domain/decide.h"
#include "domain/settings.h"
#include "ledger/case_resolution.h"
#include "ledger/ledger_txn.h"

namespace rmc {

// When a command happens: the clock's time and local date, and the business time it names
// (occurred_at, else now) with its local date.
struct CommandTime {
  Nanos now = 0;
  TimePoint occurred;
  Days today = 0, business_day = 0;
};

// The events of a command, built and sealed, waiting for their positions (Link).
struct BuiltEvents {
  std::vector<std::unique_ptr<capnp::MallocMessageBuilder>> messages;
  std::vector<std::string> types;  // "SignalReceived", … in order
};

// One event per draft, versions following the case's: the command's envelope (ids, actor, times,
// trace, processing activity in force, reason, overrides), the youth's pseudonymous id, and the
// personal fields and the reason sealed with the youth's key (made on first use). An erasure's
// reason stays plain: it accounts for the erasure and must outlive the key. invalid_input for a
// processing activity the register does not have.
Result<BuiltEvents> BuildCaseEvents(LedgerTxn& txn, const ActivityRegister& activities,
                                    const Command& command, const CaseTarget& target,
                                    std::vector<Draft>& drafts, const CommandTime& time);

// Sets the event's position and prevHash to follow the end of `txn`'s log: just before Append.
void Link(schema::Event::Builder event, const LedgerTxn& txn);

// Appends a ledger-wide event (no case): LedgerCreated, SettingChanged, ActivityRegistered; all
// under rmc-verantwoording, at `activity_version`.
Status AppendLedgerEvent(LedgerTxn& txn, Nanos now, const std::string& actor, schema::Role role,
                         const std::string& command_id, const std::string& trace,
                         uint32_t activity_version,
                         const std::function<void(schema::Payload::Builder)>& fill);

// The start of a ledger, as `rmc init` writes it: LedgerCreated, one ActivityRegistered per entry
// of `activities`, one SettingChanged per setting (every one with its value), all by `actor` as
// system in one trace; and the meta values ledger_id, register, settings and next_case.
Status AppendLedgerStart(LedgerTxn& txn, Nanos now, const std::string& actor,
                         const std::string& ledger_id, const Settings& settings,
                         const ActivityRegister& activities);

// A new event id: a UUIDv7 (48 bits of milliseconds, then random bits).
std::string NewEventId(Nanos now);

}  // namespace rmc
