// rmc due: the deadlines of every case (docs/routekaart.md#deadlines) that are overdue or fall due
// within the coming days, earliest first — the consultant's morning list. The query is
// src/views/case_lists.h; this file prints.
#include <cstdio>

#include "context.h"
#include "ledger/pseudonym_export.h"
#include "views/case_lists.h"

namespace rmc::cli {

void RegisterDue(CLI::App& app, Globals& g, int& exit_code) {
  auto within = std::make_shared<int>(14);
  auto* sub = app.add_subcommand("due", "deadlines overdue and falling due soon, earliest first");
  sub->add_option("--within", *within, "days ahead to look (default 14)")->check(CLI::Range(0, 3650));
  sub->callback([&g, &exit_code, within] {
    auto session = BeginRead(g, {"due", Action::kReadCases, true}, exit_code);
    if (!session) return;
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    auto clock = Today();
    if (!clock.ok()) return void(exit_code = Fail(g, clock.status()));
    const Days today = *clock;
    auto due = DueDeadlines(*ledger, today, *within);
    if (!due.ok()) return void(exit_code = Fail(g, due.status()));
    // Pseudonymised (the evaluator): a due date is the day number of its case's form, which
    // needs no reasoning.
    PseudonymExport pseudonymous(*session, false);
    std::vector<Json> dates;
    auto txn = ledger->store().Read();
    if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
    for (const auto& r : due->rows) {
      if (!session->pseudonymize()) {
        dates.emplace_back(FormatDate(r.deadline.due));
        continue;
      }
      auto form = pseudonymous.Form(*ledger, **txn, r.case_id);
      if (!form.ok()) return void(exit_code = Fail(g, form.status()));
      dates.emplace_back((*form)->DayNumber(r.deadline.due));
    }
    if (auto a = session->AccountCases(*ledger, due->cases); !a.ok()) return void(exit_code = Fail(g, a));
    const auto& rows = due->rows;
    if (g.json) {
      Json out = Json::array();
      for (size_t i = 0; i < rows.size(); ++i)
        out.push_back({{"case", rows[i].case_id}, {"code", rows[i].deadline.code},
                       {"due", dates[i]}, {"overdue", rows[i].deadline.overdue},
                       {"days_left", rows[i].deadline.due - today}});
      return PrintJson(out);
    }
    std::printf("%-12s %-16s %-10s %s\n", "case", "deadline", "due", "");
    for (size_t i = 0; i < rows.size(); ++i) {
      const auto& r = rows[i];
      const Days left = r.deadline.due - today;
      std::string when = r.deadline.overdue ? "overdue"
                         : left == 0        ? "due today"
                                            : "in " + std::to_string(left) + " day(s)";
      const std::string date = dates[i].is_string() ? dates[i].get<std::string>() : dates[i].dump();
      std::printf("%-12s %-16s %-10s %s\n", r.case_id.c_str(), r.deadline.code.c_str(),
                  date.c_str(), when.c_str());
    }
  });
}

}  // namespace rmc::cli
