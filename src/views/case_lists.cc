#include "views/case_lists.h"

#include <algorithm>

#include "codec/schema_info.h"
#include "domain/routing.h"
#include "domain/state_codec.h"

namespace rmc {

Status ForEachCase(Ledger& ledger, const std::function<void(const CaseState&)>& visit) {
  auto txn = ledger.store().Read();
  if (!txn.ok()) return txn.status();
  return ForEachCase(**txn, visit);
}

Status ForEachCase(StoreTxn& txn, const std::function<void(const CaseState&)>& visit) {
  Status failure;
  auto s = txn.ScanCases([&](std::string_view, std::string_view bytes) {
    auto state = DecodeCaseState(bytes);
    if (!state.ok()) {
      failure = state.status();
      return false;
    }
    visit(*state);
    return true;
  });
  return s.ok() ? failure : s;
}

Result<CaseList> ListCases(Ledger& ledger, const ListFilter& filter, Days today,
                           const Pseudonymizer* pseudonyms) {
  CaseList list;
  auto s = ForEachCase(ledger, [&](const CaseState& c) {
    const char* status = StatusName(EffectiveStatus(c, today));
    std::string tg;
    if (c.target_group >= 0)
      tg = schema_info::EnumCode(
          capnp::Schema::from<schema::TargetGroup>().getEnumerants()[c.target_group]);
    bool overdue = false;
    for (const auto& d : DeadlinesOf(c, ledger.settings(), today, {}))
      overdue |= d.overdue;
    if (!filter.status.empty() && filter.status != status) return;
    if (filter.phase && PhaseOf(c.step) != filter.phase) return;
    if (!filter.target_group.empty() && filter.target_group != tg) return;
    if (!filter.consulent.empty() && filter.consulent != c.consulent) return;
    if (filter.overdue && !overdue) return;
    int next = NextStep(c);
    list.cases.push_back({c.case_id, c.subject});
    list.rows.push_back({{"case", c.case_id},
                         {"version", c.version},
                         {"status", status},
                         {"phase", PhaseOf(c.step)},
                         {"step", c.step},
                         {"next_step", next ? Json(next) : Json(nullptr)},
                         {"target_group", tg.empty() ? Json(nullptr) : Json(tg)},
                         {"consulent", c.consulent.empty() ? Json(nullptr)
                                       : pseudonyms        ? Json((*pseudonyms)(c.consulent))
                                                           : Json(c.consulent)},
                         {"overdue", overdue}});
  });
  if (!s.ok()) return s;
  return list;
}

Result<DueList> DueDeadlines(Ledger& ledger, Days today, int within) {
  DueList due;
  auto s = ForEachCase(ledger, [&](const CaseState& state) {
    const size_t before = due.rows.size();
    for (auto& d : DeadlinesOf(state, ledger.settings(), today, {}))
      if (d.met == kNoDay && d.due <= today + within) due.rows.push_back({state.case_id, d});
    if (due.rows.size() > before) due.cases.push_back({state.case_id, state.subject});
  });
  if (!s.ok()) return s;
  std::stable_sort(
      due.rows.begin(), due.rows.end(),
      [](const DueDeadline& a, const DueDeadline& b) { return a.deadline.due < b.deadline.due; });
  return due;
}

}  // namespace rmc
