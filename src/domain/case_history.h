// A case's earlier events, as the fold reads them when a correction makes it fold the case again
// (fold.h). Storage implements it (ledger/ledger_case_history.h over a LedgerTxn,
// store/store_case_history.h over a StoreTxn); the domain knows no storage.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "base/status.h"
#include "event.capnp.h"

namespace rmc {

class CaseHistory {
 public:
  virtual ~CaseHistory() = default;

  // Calls `visit` with the events of case `case_id` whose position is below `before`, in version
  // order (oldest first), until it returns false. An event is valid during its visit only. An
  // event that cannot be read is an error; reading a damaged one may throw kj::Exception, as
  // reading any stored event does (codec/stored_message.h).
  virtual Status Walk(std::string_view case_id, uint64_t before,
                      const std::function<bool(schema::Event::Reader)>& visit) = 0;
};

}  // namespace rmc
