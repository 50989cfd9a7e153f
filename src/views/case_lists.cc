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

namespace {

// What the deadlines of a closed case that keeps its youth in view need: whether it is the
// youth's latest case, and their birth date (sealed: a read of personal data).
Result<DeadlineFacts> InViewFacts(Ledger& ledger, StoreTxn& txn, const CaseState& state) {
  DeadlineFacts facts;
  auto record = txn.Subject(state.subject);
  if (!record.ok()) return record.status();
  facts.latest_case = *record && !(*record)->erased && !(*record)->cases.empty() &&
                      (*record)->cases.back() == state.case_id;
  if (!facts.latest_case) return facts;
  auto subject = ledger.SubjectOfSignals(txn, state);
  if (!subject.ok()) return subject.status();
  facts.birth = subject->birth_date;
  return facts;
}

}  // namespace

Result<CaseList> ListCases(Ledger& ledger, const ListFilter& filter, Days today,
                           const Pseudonymizer* pseudonyms) {
  CaseList list;
  auto txn = ledger.store().Read();
  if (!txn.ok()) return txn.status();
  Status failure;
  auto s = ForEachCase(**txn, [&](const CaseState& c) {
    if (!failure.ok()) return;
    const char* status = StatusName(EffectiveStatus(c, today));
    std::string tg;
    if (c.target_group >= 0)
      tg = schema_info::EnumCode(
          capnp::Schema::from<schema::TargetGroup>().getEnumerants()[c.target_group]);
    if (!filter.status.empty() && filter.status != status) return;
    if (filter.phase && PhaseOf(c.step) != filter.phase) return;
    if (!filter.target_group.empty() && filter.target_group != tg) return;
    if (!filter.consulent.empty() && filter.consulent != c.consulent) return;
    DeadlineFacts facts;
    if (KeepsInView(c) && EffectiveStatus(c, today) == CaseStatus::kAfgesloten) {
      auto in_view = InViewFacts(ledger, **txn, c);
      if (!in_view.ok()) return void(failure = in_view.status());
      facts = *in_view;
    }
    bool overdue = false;
    for (const auto& d : DeadlinesOf(c, ledger.settings(), today, facts))
      overdue |= d.overdue && d.code != "max_age";
    const bool in_beeld = InView(c, ledger.settings(), today, facts);
    // A birth date read is accounted for, also of a case that --overdue then leaves out.
    if (filter.overdue && !overdue) {
      if (facts.latest_case && KeepsInView(c)) list.consulted.push_back({c.case_id, c.subject});
      return;
    }
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
                         {"overdue", overdue},
                         {"in_beeld", in_beeld}});
  });
  if (!s.ok()) return s;
  if (!failure.ok()) return failure;
  return list;
}

Result<DueList> DueDeadlines(Ledger& ledger, Days today, int within) {
  DueList due;
  auto txn = ledger.store().Read();
  if (!txn.ok()) return txn.status();
  Status failure;
  auto s = ForEachCase(**txn, [&](const CaseState& state) {
    if (!failure.ok()) return;
    DeadlineFacts facts;
    bool read_birth = false;
    if (KeepsInView(state) && EffectiveStatus(state, today) == CaseStatus::kAfgesloten) {
      auto in_view = InViewFacts(ledger, **txn, state);
      if (!in_view.ok()) return void(failure = in_view.status());
      facts = *in_view;
      read_birth = facts.latest_case;
    }
    const size_t before = due.rows.size();
    // max_age, known only for the youths kept in view, is no task: it is left out as for all.
    for (auto& d : DeadlinesOf(state, ledger.settings(), today, facts))
      if (d.met == kNoDay && d.due <= today + within && d.code != "max_age")
        due.rows.push_back({state.case_id, d});
    if (due.rows.size() > before || read_birth) due.cases.push_back({state.case_id, state.subject});
  });
  if (!s.ok()) return s;
  if (!failure.ok()) return failure;
  std::stable_sort(
      due.rows.begin(), due.rows.end(),
      [](const DueDeadline& a, const DueDeadline& b) { return a.deadline.due < b.deadline.due; });
  return due;
}

}  // namespace rmc
