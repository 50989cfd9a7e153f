// A command (docs/commands.md, "JSON commands"): the one form in which every action reaches the
// ledger, whether it came from `rmc apply` or from `rmc <type>` flags.
#pragma once

#include <capnp/message.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"
#include "base/status.h"
#include "codec/schema_info.h"
#include "codec/trace_context.h"
#include "event.capnp.h"

namespace rmc {

struct CorrectedFields;  // codec/corrected_fields.h

struct Command {
  std::string id;
  std::string type;
  schema_info::Field member;    // the Payload member the type writes
  schema::Payload::Which kind;  // that member's discriminant: what the ledger dispatches on
  std::string case_id;      // "case"
  std::string subject_ref;  // "subject": addresses the subject's current case
  std::optional<uint32_t> expected_version;
  std::string actor;
  schema::Role role = schema::Role::CONSULENT;
  std::optional<TimePoint> occurred_at;
  std::string reason;
  TraceContext trace;          // "trace_id", "parent_span_id", "caller"
  std::string activity;        // "processing_activity": the register code to record under;
                               // empty: the event type's own (activities.h)
  std::string hash;            // BLAKE2b-256 of the canonical command (idempotency)

  // The data, filled into the Payload member of the type (absent for `correct`).
  std::unique_ptr<capnp::MallocMessageBuilder> payload;
  // `correct`: the target (event id in hex or a position) and its corrected fields, parsed.
  std::string correct_target;
  std::shared_ptr<const CorrectedFields> corrected;

  schema::Payload::Reader data() { return payload->getRoot<schema::Payload>().asReader(); }
};

struct CommandDefaults {
  std::string actor;
  schema::Role role = schema::Role::CONSULENT;
  std::string activity;  // --activity
  TraceContext trace;    // --trace-id, --parent-span-id, --caller: for a command with none
};

// Parses one JSON line. invalid_input for malformed JSON, a command over the limits of
// command_limits.h, unknown fields or types and data that does not fit the type's schema; the
// message names the field. `id_out` receives the id when one could be read, so that the result
// line can name it.
Result<Command> ParseCommand(std::string_view line, const CommandDefaults& defaults,
                             std::string* id_out = nullptr);

// The invalid_input of a command longer than kMaxCommandBytes (command_limits.h).
Status CommandTooLong();

const char* RoleName(schema::Role role);
std::optional<schema::Role> RoleFromName(std::string_view name);

}  // namespace rmc
