#include "ledger/due_for_erasure.h"

#include <algorithm>

#include "base/hex.h"
#include "codec/json_render.h"

namespace rmc {

Result<RetentionReview> SubjectsDueForErasure(Ledger& ledger, Days today) {
  auto txn = ledger.store().Read();
  if (!txn.ok()) return txn.status();
  RetentionReview review;
  std::vector<DueSubject>& due = review.due;
  Status failure;
  auto visit = [&](std::string_view id, SubjectRecord record) -> Status {
    if (record.erased) return Status::Ok();
    std::vector<CaseState> cases;
    for (const auto& case_id : record.cases) {
      auto state = ledger.LoadCase(**txn, case_id);
      if (!state.ok()) return state.status();
      cases.push_back(std::move(*state));
    }
    // Not due without a birth date: not due with one (retention.h); nothing is unsealed.
    if (!RetentionDueOn(cases, std::nullopt, ledger.settings(), today)) return Status::Ok();
    DueSubject subject{std::string(id), "", record.cases, {}};
    review.unsealed.push_back({record.cases.empty() ? "" : record.cases.back(), std::string(id)});
    std::optional<Days> birth;
    for (const auto& state : cases) {  // oldest first: a later signal's value wins
      auto given = ledger.SubjectOfSignals(**txn, state);
      if (!given.ok()) return given.status();
      if (!given->ref.empty()) subject.ref = given->ref;
      if (given->birth_date) birth = given->birth_date;
    }
    auto dates = RetentionDueOn(cases, birth, ledger.settings(), today);
    if (!dates) return Status::Ok();
    subject.due = *dates;
    due.push_back(std::move(subject));
    return Status::Ok();
  };
  auto s = (*txn)->ScanSubjects([&](std::string_view id, SubjectRecord record) {
    failure = visit(id, std::move(record));
    return failure.ok();
  });
  if (!s.ok()) return s;
  if (!failure.ok()) return failure;
  std::sort(due.begin(), due.end(), [](const DueSubject& a, const DueSubject& b) {
    return a.due.last_case.size() != b.due.last_case.size()
               ? a.due.last_case.size() < b.due.last_case.size()
               : a.due.last_case < b.due.last_case;
  });
  return review;
}

Result<std::vector<Command>> RetentionErasures(const std::vector<DueSubject>& subjects,
                                               const Settings& settings, Days today,
                                               const CommandDefaults& defaults) {
  std::vector<Command> commands;
  for (const auto& s : subjects) {
    std::string reason =
        "retention passed (rmc retention on " + FormatDate(today) + "): last case " +
        s.due.last_case + " ended " + FormatDate(s.due.ended) + ", + " +
        std::to_string(settings.retention_after_end_years) +
        " years = " + FormatDate(s.due.end_passed) + "; the age condition (max_age " +
        std::to_string(settings.max_age) + " birthday + " +
        std::to_string(settings.retention_after_age_years) + " years) " +
        (s.due.birth_date_unknown() ? "cannot hold it: birth date unknown" : "passed");
    Json command = {{"id", "retention-" + FormatDate(today) + "-" + Hex(s.subject_id)},
                    {"type", "forget_subject"},
                    {"reason", reason},
                    {"data", {{"subject", s.ref}, {"grondslag", "bewaartermijn"}}}};
    auto parsed = ParseCommand(DumpJson(command), defaults);
    if (!parsed.ok()) return parsed.status();
    commands.push_back(std::move(*parsed));
  }
  return commands;
}

}  // namespace rmc
