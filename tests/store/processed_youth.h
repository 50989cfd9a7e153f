// A ledger in which one youth's data was processed in every way the accountability reads must
// show: J-77 signalled with personal data, a note whose command passed a caller's trace and
// span, a disclosure to a partner, a read of their case, and a read of the access log (of no
// youth). For the tests of the LDV export and of a youth's processing log.
#pragma once

#include "audit/access_log.h"
#include "temp_ledger.h"

namespace rmc {

class ProcessedYouth : public TempLedger {
 protected:
  void SetUp() override {
    TempLedger::SetUp();
    Ok(Run(R"({"id":"s1","type":"signal","data":{"subject":{"ref":"J-77","name":"Yfke de Vries",)"
           R"("phone":"0612345678"},"channel":"jongere","received":"2026-11-01",)"
           R"("suspected_reason":"pesten op school"}})"));
    Ok(Run(R"({"id":"n1","type":"note","case":"RMC-000001",)"
           R"("trace_id":"4bf92f3577b34da6a3ce929d0e0e4736","parent_span_id":"00f067aa0ba902b7",)"
           R"("data":{"text":"moeder gebeld over Yfke"}})"));
    Ok(Run(R"({"id":"sh1","type":"share","case":"RMC-000001","data":{"partner":"leerplicht",)"
           R"("categories":["onderwijs"],"grondslag":"wettelijke-taak","doel":"overdracht",)"
           R"("proportionaliteit":"alleen inschrijving","subsidiariteit":"geen"}})"));
    const Reader auditor{"auditor.a", schema::Role::AUDITOR, "controle", "show"};
    ASSERT_TRUE(RecordAccess(ledger_->store(), auditor,
                             {{"RMC-000001", SubjectId(), schema::AccessResult::OK}})
                    .ok());
    Reader log_reader = auditor;
    log_reader.action = "audit reads";
    ASSERT_TRUE(
        RecordAccess(ledger_->store(), log_reader, {{"access-log", "", schema::AccessResult::OK}})
            .ok());
  }
  static void Ok(const Outcome& o) { ASSERT_TRUE(o.ok()) << o.error.message(); }
  std::string SubjectId() const { return ledger_->keystore().SubjectId("J-77"); }

  // What was recorded about J-77 that must never leave in an export: their ref and personal
  // values.
  static constexpr const char* kSecrets[] = {"J-77",       "Yfke",   "Vries",
                                             "0612345678", "pesten", "moeder gebeld"};
};

}  // namespace rmc
