#include "store/chain.h"

#include "base/digest.h"

namespace rmc {

std::string Genesis(Chain chain, std::string_view ledger_id) {
  return Blake2b(chain == Chain::kAccess ? "access" + std::string(ledger_id) : std::string(ledger_id));
}

}  // namespace rmc
