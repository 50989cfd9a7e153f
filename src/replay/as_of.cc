#include "replay/as_of.h"

#include <charconv>

#include "domain/fold.h"
#include "store/store_case_history.h"

namespace rmc {

Result<AsOf> ParseAsOf(const std::string& text) {
  AsOf a;
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), a.position);
    if (ec != std::errc() || a.position == UINT64_MAX)  // the largest means "no point"
      return Status(Code::kUsage, "--as-of: " + text +
                                      " is past every position; expected a position or an ISO "
                                      "date or time");
    return a;
  }
  auto t = ParseTime(text);
  if (!t.ok())
    return Status(Code::kUsage, "--as-of: expected a position or an ISO date or time; " +
                                    t.status().message());
  a.recorded = t->is_date ? EndOfLocalDay(LocalDate(t->ns)) : t->ns;
  return a;
}

Result<CaseState> CaseAsOf(StoreTxn& txn, const std::string& case_id, const AsOf& as_of,
                           Nanos* point_time) {
  Nanos last_recorded = 0;
  auto positions = txn.CasePositions(case_id);
  if (!positions.ok()) return positions.status();
  CaseState state;
  // A correction folds the case again from the events this fold sees.
  StoreCaseHistory history(txn, [&](schema::Event::Reader e) { return e.getRecordedAt() <= as_of.recorded; });
  for (uint64_t p : *positions) {
    if (p > as_of.position) break;
    auto view = txn.Event(p);
    if (!view.ok()) return view.status();
    if (!*view) return LedgerError("case_events points to a missing event");
    auto e = (*view)->event();
    if (e.getRecordedAt() > as_of.recorded) continue;  // the clock may have gone backwards
    if (auto s = Apply(state, e, history); !s.ok()) return s;
    last_recorded = e.getRecordedAt();
  }
  if (state.version == 0) return Status(Code::kUnknownCase, "no case " + case_id + " at that point");
  if (point_time) *point_time = as_of.recorded != INT64_MAX ? as_of.recorded : last_recorded;
  return state;
}

}  // namespace rmc
