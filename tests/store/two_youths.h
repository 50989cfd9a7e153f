// A ledger with two youths for the tests of what is shown about one youth: J-1 (Yfke, signalled
// twice, a note, shared with ROC Midden) and J-2 (Bram, shared with the Gemeente). For the tests
// of the right-of-access export and of the disclosures scan.
#pragma once

#include <string>

#include "temp_ledger.h"

namespace rmc {

class TwoYouths : public TempLedger {
 protected:
  void SetUp() override {
    TempLedger::SetUp();
    for (const char* line : {
             R"({"id":"s1","type":"signal","data":{"subject":{"ref":"J-1","name":"Yfke","email":"y@example.nl"},"channel":"jongere","received":"2026-11-01"}})",
             R"({"id":"s2","type":"signal","data":{"subject":{"ref":"J-2","name":"Bram"},"channel":"duo-lijst","received":"2026-11-02"}})",
             R"({"id":"n1","type":"note","case":"RMC-000001","data":{"text":"Yfke belde zelf"}})",
             R"({"id":"d1","type":"share","case":"RMC-000001","data":{"partner":"ROC Midden","categories":["verzuim"],"grondslag":"wettelijke-taak","doel":"inschrijving","proportionaliteit":"p","subsidiariteit":"s"}})",
             R"({"id":"d2","type":"share","case":"RMC-000002","data":{"partner":"Gemeente","categories":["verzuim"],"grondslag":"wettelijke-taak","doel":"melding","proportionaliteit":"p","subsidiariteit":"s"}})",
             R"({"id":"s3","type":"signal","data":{"subject":{"ref":"J-1","name":"Yfke de Vries"},"channel":"jongere","received":"2026-11-10"}})",
         }) {
      auto out = Run(line);
      ASSERT_TRUE(out.ok()) << line << ": " << out.error.message();
    }
  }

  std::string Id(const std::string& ref) { return ledger_->keystore().SubjectId(ref); }
  void ForgetJ1() {
    ASSERT_TRUE(
        Run(R"({"id":"f1","type":"forget_subject","reason":"verzoek","data":{"subject":"J-1","grondslag":"avg-art17"}})",
            schema::Role::COORDINATOR)
            .ok());
  }
};

}  // namespace rmc
