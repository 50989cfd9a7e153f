// What the schema's annotations (schema/annotations.capnp) say about a field, struct or
// enumerant. Every generic mechanism (JSON and CLI conversion, sealing, pseudonymisation) asks
// here, so that the schema stays the single place where a field is declared personal.
#pragma once

#include <capnp/schema.h>

#include "event.capnp.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rmc::schema_info {

using Field = capnp::StructSchema::Field;

// $personal, $special or $criminal: stored sealed, erased with the subject's key.
bool IsPersonal(const Field& field);
bool IsOptional(const Field& field);
bool IsDerived(const Field& field);
// $pseudonym: a name of a person or organisation around the case.
bool IsPseudonym(const Field& field);
bool IsFreeText(const Field& field);  // $freeText: removed by pseudonymisation
// $reasoning: kept, redacted, by pseudonymisation (on a struct or list: every text inside).
bool IsReasoning(const Field& field);
// $formerlyPlain: a personal field that older events hold in their public payload.
bool IsFormerlyPlain(const Field& field);
// A struct field (not a Date) whose struct holds personal fields, directly or deeper.
bool NestsPersonal(const Field& field);
// A derived Bool `hasX` recording that the optional field X was given (enums have no "unset").
bool IsPresenceFlag(const Field& field);
// The presence flag of `field` in its struct, if it has one.
std::optional<Field> PresenceFlagOf(const Field& field);
// A derived Bool `xOmitted` recording that the optional field x was left out: for a field that
// was once required, whose zero value events from before show (so a presence flag cannot do).
bool IsOmittedFlag(const Field& field);
// The omitted flag of `field` in its struct, if it has one.
std::optional<Field> OmittedFlagOf(const Field& field);

// Every answer about a field or an enumerant is computed once per thread and then looked up:
// the hot paths ask for every field of every command and event.

// The JSON name: $code, else camelCase turned into snake_case ("birthDate" -> "birth_date").
const std::string& JsonName(const Field& field);
// The field of `schema` that JSON names `name`, derived fields excepted.
std::optional<Field> FieldByJsonName(capnp::StructSchema schema, std::string_view name);
// The JSON spelling of an enumerant: $code, else camelCase into kebab-case.
const std::string& EnumCode(const capnp::EnumSchema::Enumerant& e);
std::optional<capnp::EnumSchema::Enumerant> EnumFromCode(capnp::EnumSchema schema, std::string_view code);
// All codes of an enum that a command may give, for messages that say what was expected.
std::string EnumCodes(capnp::EnumSchema schema);
// Why a command may no longer give this enumerant ($retired); empty when it may.
const std::string& RetiredReason(const capnp::EnumSchema::Enumerant& enumerant);

struct MapSpec {
  std::string key, value;
};
std::optional<MapSpec> JsonMap(const Field& field);

struct Range {
  int64_t min, max;
};
std::optional<Range> RangeOf(const Field& field);

bool IsDate(capnp::StructSchema schema);
// Whether a struct holds $personal fields, directly or in nested struct fields.
bool HasPersonalFields(capnp::StructSchema schema);

// The Payload member that a command type writes (its $command), or nothing for an unknown type.
std::optional<Field> PayloadMemberForCommand(std::string_view command_type);
// The command types in schema order.
const std::vector<std::string>& CommandTypes();
// The routekaart step of a Payload member ($step), 0 for any-time and ledger events.
int StepOf(const Field& payload_member);
// "SignalReceived" for the member signalReceived.
std::string EventTypeName(const Field& payload_member);

}  // namespace rmc::schema_info

namespace rmc {

// "SignalReceived" for the event's payload ("Unknown" for a member this version does not know).
std::string EventType(schema::Event::Reader event);

}  // namespace rmc
