// Cap'n Proto -> JSON for output, driven by the schema: the same field names and codes that
// commands use (json_codec.h), so that what a script writes is what it reads back.
#pragma once

#include <capnp/dynamic.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/pseudonym_rules.h"

namespace rmc {

using Json = nlohmann::ordered_json;

enum class PersonalFields {
  kOmit,    // left out and named in `hidden` (the change feed without --personal)
  kReveal,  // taken from the unsealed copy; named in `hidden` when there is none (erased)
};

struct RenderOptions {
  PersonalFields personal = PersonalFields::kOmit;
  // Non-null: the pseudonymised form of the case rendered (privacy/pseudonym_form.h), and then
  // `personal` plays no part. Personal fields are left out and named in `hidden`, $freeText
  // and formerly plain fields are left out, $pseudonym texts are pseudonyms, dates are day
  // numbers, and $reasoning fields are shown redacted (from the unsealed copy when personal;
  // named in `hidden` when there is none or the form keeps no reasoning).
  const PseudonymRules* pseudonymous = nullptr;
};

// Renders `pub`. `unsealed` is the same struct type holding the personal fields (absent when
// they are not available). JSON paths of personal fields that were not shown go to `hidden`.
// A struct that is only a union (Payload) renders as its active member's value.
Json RenderStruct(capnp::DynamicStruct::Reader pub,
                  std::optional<capnp::DynamicStruct::Reader> unsealed, const RenderOptions& options,
                  std::vector<std::string>* hidden, const std::string& path = "");

// `j` as JSON text, never throwing: bytes that are not UTF-8 (in text an earlier version
// stored, or an actor name from an odd terminal) become U+FFFD. Every dump of ledger content
// goes through here or through JsonWriter, which writes the same.
std::string DumpJson(const Json& j, int indent = -1);


}  // namespace rmc
