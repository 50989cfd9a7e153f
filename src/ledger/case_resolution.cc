// How a command finds its case's youth: the subject as the case's signals gave it.
#include "ledger/ledger.h"

namespace rmc {

Result<Ledger::SignalledSubject> Ledger::SubjectOfSignals(StoreTxn& txn, const CaseState& state) {
  SignalledSubject subject;
  for (uint64_t p : state.signals) {
    auto view = txn.Event(p);
    if (!view.ok()) return view.status();
    if (!*view) continue;
    auto personal = Unseal((*view)->event());
    if (!personal.ok()) return personal.status();
    if (!*personal || !(*personal)->payload) continue;
    auto payload = (*personal)->payload->getRoot<schema::Payload>();
    if (!payload.isSignalReceived()) continue;
    auto given = payload.getSignalReceived().getSubject();
    if (given.hasRef()) subject.ref = given.getRef();
    if (given.hasBirthDate()) subject.birth_date = given.getBirthDate().getDays();
  }
  return subject;
}

}  // namespace rmc
