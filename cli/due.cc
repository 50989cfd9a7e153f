// rmc due: the deadlines of every case (docs/routekaart.md#deadlines) that are overdue or fall due
// within the coming days, earliest first — the consultant's morning list. The query is
// src/views/case_lists.h; this file prints.
#include <cstdio>

#include "context.h"
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
    if (auto a = session->AccountCases(*ledger, due->cases); !a.ok()) return void(exit_code = Fail(g, a));
    const auto& rows = due->rows;
    if (g.json) {
      Json out = Json::array();
      for (const auto& r : rows)
        out.push_back({{"case", r.case_id}, {"code", r.deadline.code},
                       {"due", FormatDate(r.deadline.due)}, {"overdue", r.deadline.overdue},
                       {"days_left", r.deadline.due - today}});
      return PrintJson(out);
    }
    std::printf("%-12s %-16s %-10s %s\n", "case", "deadline", "due", "");
    for (const auto& r : rows) {
      const Days left = r.deadline.due - today;
      std::string when = r.deadline.overdue ? "overdue"
                         : left == 0        ? "due today"
                                            : "in " + std::to_string(left) + " day(s)";
      std::printf("%-12s %-16s %-10s %s\n", r.case_id.c_str(), r.deadline.code.c_str(),
                  FormatDate(r.deadline.due).c_str(), when.c_str());
    }
  });
}

}  // namespace rmc::cli
