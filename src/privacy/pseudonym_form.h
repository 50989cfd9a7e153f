// The pseudonymised form of one case (docs/roles.md, The pseudonymised form): what `show`,
// `history`, `events` and `list` give the evaluator role, and what replay, bundles and lessons
// give with --pseudonymize. Build one per case with ReadSession::FormOf
// (ledger/read_session.h), all the forms of one export over one Pseudonymizer, and pass a
// pointer to it in ViewOptions (views/case_view.h) and RenderOptions (codec/json_render.h):
// non-null there means pseudonymised.
//
//   - names and ids: by their pseudonym ($pseudonym fields, actors, the youth, ids);
//   - reasoning ($reasoning fields, the reason of a deviation or correction): redacted
//     (privacy/redactor.h), or removed when the region set pseudonymized_reasoning=off;
//   - other free text ($freeText, the other $personal text) and every personal field: removed;
//   - every date and time: the number of days since the origin, a whole number (a time loses
//     its time of day). The origin is the earliest `received` date of the case's signals, as
//     recorded; a case without a signal counts from the local date it was opened, and an
//     event of no case (settings, the register) from the ledger's creation.
#pragma once

#include "codec/pseudonym_rules.h"
#include "privacy/pseudonymizer.h"
#include "privacy/redactor.h"

namespace rmc {

class PseudonymForm final : public PseudonymRules {
 public:
  // `pseudonyms` must outlive the form.
  PseudonymForm(const Pseudonymizer& pseudonyms, Days origin, Redactor redactor,
                bool keep_reasoning)
      : pseudonyms_(&pseudonyms),
        origin_(origin),
        redactor_(std::move(redactor)),
        keep_reasoning_(keep_reasoning) {}

  std::string Pseudonym(std::string_view value) const override { return (*pseudonyms_)(value); }
  std::optional<std::string> Reasoning(std::string_view text) const override {
    if (!keep_reasoning_) return std::nullopt;
    return redactor_.Redact(text);
  }
  bool KeepsReasoning() const override { return keep_reasoning_; }
  int64_t DayNumber(Days day) const override { return int64_t(day) - origin_; }

  const Pseudonymizer& pseudonyms() const { return *pseudonyms_; }
  Days origin() const { return origin_; }
  const Redactor& redactor() const { return redactor_; }

 private:
  const Pseudonymizer* pseudonyms_;
  Days origin_;
  Redactor redactor_;
  bool keep_reasoning_;
};

}  // namespace rmc
