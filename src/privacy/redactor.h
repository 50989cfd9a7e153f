// Redaction of the reasoning text of the pseudonymised form (docs/roles.md, The pseudonymised
// form): every personal value known of a case is replaced by its pseudonym, and the patterns
// that identify anyone (privacy/identifying_patterns.h) are masked. Pure: the same text gives
// the same result; no I/O, no key material kept (the pseudonyms are made when it is built).
//
// What it cannot catch, by construction: a name or detail that occurs nowhere in the case's
// fields ("haar broer Ahmed"), a misspelling of a known value, or an identifying fact told in
// words ("de enige leerling uit Urk"). That residual risk is why the region may turn reasoning
// off in pseudonymised output altogether (setting pseudonymized_reasoning).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "privacy/pseudonymizer.h"

namespace rmc {

// The personal values known of one case, as its events hold them (ledger/read_session.h,
// ReadSession::FormOf, gathers them).
struct KnownValues {
  // What the youth's pseudonym is made of: the subject id, as the pseudonymised case view's
  // `subject.ref` shows it; every ref and name of the youth becomes that one pseudonym.
  std::string youth;
  std::vector<std::string> refs;
  // Whole, and each part of `name_part_letters` or more letters ("Yfke", "Zwartberg"), except
  // the particles of Dutch and other surnames (van, de, der, el, ...), which alone identify no
  // one.
  std::vector<std::string> names;
  size_t name_part_letters = 2;
  // In every common notation (privacy/date_notations.h), each by the pseudonym of its ISO form.
  std::vector<Days> birth_dates;
  // Whole, and each part between commas or line breaks ("Oudegracht 12", "3511 AB Utrecht").
  std::vector<std::string> addresses;
  // Whole, each by its own pseudonym, as the pseudonymised form shows it where it is a field:
  // phone, e-mail, school, contact details, reporters, partners, consultants, actors. A generic
  // role among them ("jongere", "ouders", "school": intake participants) names no one and is
  // left alone.
  std::vector<std::string> others;
};

class Redactor {
 public:
  // What stands for an identifying pattern.
  static constexpr std::string_view kMask = "[***]";

  // A redactor that knows no values: it masks the patterns only.
  Redactor() = default;
  // `pseudonyms` is used here only, to make the replacements.
  Redactor(const KnownValues& values, const Pseudonymizer& pseudonyms);

  // `text` with every known value (ignoring case and diacritics, whole words, any run of white
  // space for a space; the longest first) replaced by its pseudonym, then every identifying
  // pattern left replaced by kMask. Any bytes are accepted: text that is not UTF-8 comes back
  // with U+FFFD in place of each bad byte. Never throws.
  std::string Redact(std::string_view text) const;

 private:
  struct Target {
    std::u32string value;  // folded (base/folded_text.h), white space runs as one ' '
    std::string replacement;
  };
  // Adds `value` (folded) unless it is known already or has fewer than two letters or digits.
  void Add(std::u32string value, const std::string& replacement);
  // Where a known value starting at `i` of `text` ends, and the target; `i` when none does.
  size_t MatchAt(const std::u32string& text, size_t i, const Target** target) const;

  std::vector<Target> targets_;  // longest first
};

}  // namespace rmc
