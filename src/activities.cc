#include "activities.h"

namespace rmc {

const char* ActivityFor(schema::Payload::Which type) {
  using P = schema::Payload;
  switch (type) {
    case P::CASE_OPENED:
    case P::CASE_REOPENED:
    case P::SIGNAL_RECEIVED:
    case P::DOSSIER_REVIEWED:
    case P::TRIAGED: return "rmc-signalering";
    case P::CASE_CLOSED:
    case P::AFTERCARE_CHECKED:
    case P::AFTERCARE_ENDED: return "rmc-nazorg";
    case P::FEEDBACK_GIVEN:
    case P::CASE_EVALUATED: return "rmc-evaluatie";
    case P::LEDGER_CREATED:
    case P::SETTING_CHANGED:
    case P::EVENT_CORRECTED:
    case P::SUBJECT_ERASED: return "rmc-verantwoording";
    default: return "rmc-trajectbegeleiding";
  }
}

}  // namespace rmc
