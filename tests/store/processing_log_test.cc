// A youth's processing log on a real ledger: their writes and reads, in order, each with its
// activity, a read's purpose, a disclosure's partner and ground; no personal value; an unknown
// youth is not_found.
#include "audit/processing_log.h"

#include <gtest/gtest.h>

#include "processed_youth.h"

namespace rmc {
namespace {

class ProcessingLog : public ProcessedYouth {
 protected:
  void SetUp() override {
    ProcessedYouth::SetUp();
    Ok(Run(R"({"id":"s2","type":"signal","data":{"subject":{"ref":"J-78"},"channel":"jongere",)"
           R"("received":"2026-11-01"}})"));
  }
};

TEST_F(ProcessingLog, AProcessingLogHoldsTheYouthsWritesAndReadsAndDisclosures) {
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  auto log = ProcessingLogOf(**txn, SubjectId());
  ASSERT_TRUE(log.ok()) << log.status().message();
  std::vector<std::string> what;
  for (const auto& p : *log) what.push_back(p.what);
  EXPECT_EQ(what, (std::vector<std::string>{"CaseOpened", "SignalReceived", "NoteAdded",
                                            "DataShared", "show"}))
      << "not J-78's signal, not the read of the access log (about no youth)";
  const Processing& shared = (*log)[3];
  ASSERT_TRUE(shared.disclosure.has_value());
  EXPECT_EQ(shared.disclosure->partner, "leerplicht");
  EXPECT_EQ(shared.disclosure->grondslag, "wettelijke-taak");
  EXPECT_FALSE((*log)[2].disclosure.has_value());
  const Processing& read = (*log)[4];
  EXPECT_FALSE(read.write);
  EXPECT_EQ(read.purpose, "controle");
  EXPECT_EQ(read.activity_code, "rmc-verantwoording");
  std::string all;
  for (const auto& p : *log) all += ProcessingJson(p, ActivityRegister::Defaults()).dump();
  for (const char* secret : kSecrets) EXPECT_EQ(all.find(secret), std::string::npos) << secret;
  auto unknown = ProcessingLogOf(**txn, ledger_->keystore().SubjectId("J-404"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace rmc
