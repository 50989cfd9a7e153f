// rmc retention [--apply]: the subjects whose retention has passed (src/ledger/due_for_erasure.h,
// src/domain/retention.h); with --apply each is erased by a forget_subject command, all in one batch
// on the one write path. The list shows refs and the day the age condition passed (from which
// the birth date follows), so it is a read of personal data: --purpose is required, as for
// every read by a role other than consulent.
#include <cstdio>

#include "context.h"
#include "ledger/due_for_erasure.h"

namespace rmc::cli {
namespace {

Json SubjectJson(const DueSubject& s) {
  Json j = {{"subject", s.ref},
            {"cases", s.cases},
            {"last_case", s.due.last_case},
            {"ended", FormatDate(s.due.ended)},
            {"end_condition_passed", FormatDate(s.due.end_passed)},
            {"age_condition_passed", nullptr},
            {"birth_date_unknown", s.due.birth_date_unknown()},
            {"retention_passed", FormatDate(s.due.passed)}};
  if (!s.due.birth_date_unknown()) j["age_condition_passed"] = FormatDate(s.due.age_passed);
  return j;
}

void PrintTable(const std::vector<DueSubject>& due, const std::vector<Outcome>& erasures) {
  if (due.empty()) return void(std::printf("no subject's retention has passed\n"));
  std::printf("%-16s %-24s %-10s %-18s %-10s %s\n", "subject", "cases", "ended", "age passed",
              "passed", erasures.empty() ? "" : "erasure");
  for (size_t i = 0; i < due.size(); ++i) {
    const auto& s = due[i];
    std::string cases;
    for (const auto& c : s.cases) cases += (cases.empty() ? "" : ",") + c;
    std::string age =
        s.due.birth_date_unknown() ? "birth date unknown" : FormatDate(s.due.age_passed);
    std::printf("%-16s %-24s %-10s %-18s %-10s", s.ref.c_str(), cases.c_str(),
                FormatDate(s.due.ended).c_str(), age.c_str(), FormatDate(s.due.passed).c_str());
    if (i < erasures.size())
      std::printf(" %s", erasures[i].ok() ? "erased"
                                          : (std::string(CodeName(erasures[i].error.code())) +
                                             ": " + erasures[i].error.message())
                                                .c_str());
    std::printf("\n");
  }
}

int Run(Globals& g, bool apply) {
  auto session = ReadSession::Begin(
      g.Reader(), {"retention", apply ? Action::kApplyRetention : Action::kReviewRetention, true});
  if (!session.ok()) return Fail(g, session.status());
  auto today = Today();
  if (!today.ok()) return Fail(g, today.status());
  auto ledger = Ledger::Open(g.Paths());
  if (!ledger.ok()) return Fail(g, ledger.status());
  auto review = SubjectsDueForErasure(**ledger, *today);
  if (!review.ok()) return Fail(g, review.status());
  // Refs and birth dates were read from sealed fields to decide, whether due or not: an
  // accounted read per youth.
  TraceContext reviewed;
  if (auto a = session->AccountCases(**ledger, review->unsealed, &reviewed); !a.ok())
    return Fail(g, a);
  const std::vector<DueSubject>* due = &review->due;
  std::vector<Outcome> erasures;
  if (apply && !due->empty()) {
    auto commands = RetentionErasures(*due, (*ledger)->settings(), *today, g.Defaults());
    if (!commands.ok()) return Fail(g, commands.status());
    // One processing: each erasure is a child of the review that chose it, in its trace.
    for (Command& c : *commands) c.trace = reviewed;
    erasures = (*ledger)->Execute(*commands, false);
    g.recorded = "the erasures were executed; rmc retention lists whose retention has passed "
                 "and rmc history CASE shows each SubjectErased";
  }
  bool all_erased = true;
  for (const auto& o : erasures) all_erased &= o.ok();
  if (g.json) {
    Json list = Json::array();
    for (size_t i = 0; i < due->size(); ++i) {
      Json j = SubjectJson((*due)[i]);
      if (i < erasures.size()) j["erasure"] = OutcomeJson(erasures[i]);
      list.push_back(j);
    }
    PrintJson(list);
  } else {
    PrintTable(*due, erasures);
  }
  return all_erased ? 0 : 3;  // as rmc apply: a failed erasure is named in its own line
}

}  // namespace

void RegisterRetention(CLI::App& app, Globals& g, int& exit_code) {
  auto apply = std::make_shared<bool>(false);
  auto* sub =
      app.add_subcommand("retention",
                         "subjects whose retention has passed (roles coordinator, auditor, system; "
                         "needs --purpose); --apply erases them");
  sub->add_flag("--apply", *apply,
                "erase every listed subject, ground bewaartermijn, in one batch "
                "(roles coordinator and system)");
  sub->callback([&g, &exit_code, apply] { exit_code = Run(g, *apply); });
}

}  // namespace rmc::cli
