#include "privacy/personal_value_in.h"

#include "privacy/redactor.h"

namespace rmc {

std::optional<std::string> PersonalValueIn(std::string_view text, const YouthValues& values) {
  const Pseudonymizer pseudonyms;
  const std::string patterns_only = Redactor().Redact(text);
  // A redactor that knows one kind of value replaces it where the text holds it, and so
  // redacts the text otherwise than one that knows none.
  auto holds = [&](const KnownValues& known) {
    return Redactor(known, pseudonyms).Redact(text) != patterns_only;
  };
  KnownValues refs, names, births, addresses, others_phone, others_email;
  refs.youth = names.youth = "youth";
  refs.refs = values.refs;
  names.names = values.names;
  names.name_part_letters = 3;
  births.birth_dates = values.birth_dates;
  addresses.addresses = values.addresses;
  others_phone.others = values.phones;
  others_email.others = values.emails;
  if (holds(refs)) return "ref";
  if (holds(names)) return "name";
  if (holds(births)) return "birth_date";
  if (holds(addresses)) return "address";
  if (holds(others_phone)) return "phone";
  if (holds(others_email)) return "email";
  return std::nullopt;
}

}  // namespace rmc
