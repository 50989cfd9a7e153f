@0xb9562cf23b7d8686;
# Annotations that drive the generic machinery: sealing, erasure, pseudonymisation, JSON and CLI
# conversion all read these, never a list of field names kept elsewhere (docs/architecture.md).

$import "/capnp/c++.capnp".namespace("rmc::schema");

annotation personal @0x8177a5c089aa112a (field) :Void;
# Personal data of the youth (AVG art. 4(1)). Stored only as ciphertext under the subject's key;
# shown as erased once the key is gone; removed by pseudonymisation.

annotation special @0x83ffa931c3d29dab (field) :Void;
# Special category data (AVG art. 9, e.g. health or care). Implies $personal.

annotation criminal @0x86146e3e5b3978af (field) :Void;
# Criminal-law data (AVG art. 10, e.g. justice contacts). Implies $personal.

annotation optional @0xc61c7d56105e9d95 (field) :Void;
# The JSON field may be left out. Every field without it is required in a command.

annotation code @0xa8b8a04c77cb24d6 (enumerant, field) :Text;
# The JSON spelling of an enumerant or field where the default (camelCase -> kebab-case for
# enumerants, camelCase -> snake_case for fields) does not give it.

annotation retired @0xe3b5a6f1c2d49a07 (enumerant) :Text;
# An enumerant that commands may no longer use, with the reason given to whoever tries: events
# that already carry it still read and render as before.

annotation jsonMap @0x82782b705e72fc46 (field) :MapSpec;
# A List(Struct) field written in JSON as an object keyed by one of the struct's fields:
# {"gezin": {"score": 3}} for key "domain", or {"wonen": "ok"} with value "rating".
struct MapSpec {
  key @0 :Text;
  value @1 :Text;  # empty: the JSON value is an object holding the other fields
}

annotation range @0x9c720d6e571d2f07 (field) :Range;
# Inclusive bounds for an integer field; 0 stands for "not given" on $optional fields.
struct Range {
  min @0 :Int64;
  max @1 :Int64;
}

annotation command @0xd295bce43a626158 (field) :Text;
# On a Payload member: the command type (docs/commands.md) whose `data` fills this struct.

annotation step @0xd8d53f1a8d34030d (field) :UInt8;
# On a Payload member: the routekaart step (1-13) the event records; none for any-time actions.

annotation pseudonym @0xf74c68c34579bfc6 (field) :Void;
# Not personal data of the youth, but a name of a person or organisation around the case
# (reporter, school, partner): replaced by a stable pseudonym in pseudonymised views.

annotation freeText @0xacb878ab1fa443f3 (field) :Void;
# Free text that accounts for the work rather than describing the youth (a purpose, the
# reasoning of a disclosure, a task): readable to those who may read the case, kept after an
# erasure, but removed by pseudonymisation, since free text may name anyone (docs/commands.md,
# Permissions).

struct Date {
  # A calendar date in Europe/Amsterdam, written YYYY-MM-DD in JSON.
  days @0 :Int32;  # days since 1970-01-01
}

annotation formerlyPlain @0xc8384235f137d3be (field) :Void;
# On a $personal field that was stored in plain text before it was declared personal: events
# recorded before hold it in their public payload, and it is shown from there as $freeText was
# (it cannot be sealed afterwards: events are immutable). Without this annotation a personal
# value in a public payload is never shown (docs/architecture.md, "Schema evolution").

annotation derived @0xa2c4747c93ac5084 (field) :Void;
# Set by the ledger, never by a command: a command that names it is refused as invalid_input.
# A derived Bool `xOmitted` next to an optional field `x` records that x was left out (for
# fields that were once required, whose zero value old events show): the field is then not
# shown. A derived Bool `hasX` records that the optional field x was given.

annotation reasoning @0x8c4a487d295bc930 (field) :Void;
# The reasoning a learning session is about (a triage's rationale, an inquiry's conclusions, an
# evaluation's learning points): the pseudonymised form keeps it *redacted* (every known
# personal value of the case replaced by its pseudonym, identifying patterns masked;
# privacy/redactor.h) where other free text, $personal or $freeText, is removed. On a struct or
# list field it covers every text inside ($pseudonym ones are still pseudonymised). The region
# setting pseudonymized_reasoning=off removes it too (docs/roles.md, The pseudonymised form).
