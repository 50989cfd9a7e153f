#include "store/subject_events.h"

#include <algorithm>

namespace rmc {

Status ScanEventsOfCases(StoreTxn& txn, const std::vector<std::string>& cases,
                         const std::function<bool(EventView&)>& visit) {
  std::vector<uint64_t> positions;
  for (const auto& case_id : cases) {
    auto p = txn.CasePositions(case_id);
    if (!p.ok()) return p.status();
    positions.insert(positions.end(), p->begin(), p->end());
  }
  std::sort(positions.begin(), positions.end());
  for (uint64_t p : positions) {
    auto view = txn.Event(p);
    if (!view.ok()) return view.status();
    if (!*view)
      return LedgerError("the case index names position " + std::to_string(p) +
                         ", which holds no event");
    Status damaged;
    const bool more = Decoding([&] { return visit(**view); }, [&](const kj::Exception& e) {
      damaged = Undecodable("event " + std::to_string(p), e);
      return false;
    });
    if (!more) return damaged;
  }
  return Status::Ok();
}

}  // namespace rmc
