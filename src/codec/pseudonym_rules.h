// What a renderer (json_render.h, views/) asks of the pseudonymised form of one case, the form
// the evaluator role only ever gets (docs/roles.md, The pseudonymised form). The form itself is
// privacy/pseudonym_form.h, which the codec may not include; this is its face here.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"

namespace rmc {

class PseudonymRules {
 public:
  // A name or id ($pseudonym fields, actors, the youth's subject id, event and command ids) as
  // its pseudonym, stable within one export.
  virtual std::string Pseudonym(std::string_view value) const = 0;
  // Reasoning text ($reasoning fields, the reason of a deviation or a correction) redacted;
  // nothing when the region keeps no reasoning in pseudonymised output.
  virtual std::optional<std::string> Reasoning(std::string_view text) const = 0;
  // Whether Reasoning gives anything: the region keeps reasoning in pseudonymised output.
  virtual bool KeepsReasoning() const = 0;
  // A date as the number of days since the case's origin (its first signal).
  virtual int64_t DayNumber(Days day) const = 0;
  // An instant likewise, by its local date: the time of day is dropped.
  int64_t TimeDayNumber(Nanos time) const { return DayNumber(LocalDate(time)); }

 protected:
  ~PseudonymRules() = default;
};

}  // namespace rmc
