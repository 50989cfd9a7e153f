// The register of processing activities in the ledger (AVG art. 30; activities.h): the defaults
// of `rmc init`, versions instead of edits, the activity version every event names, commands
// that name an activity, and what verify finds when the log and the register disagree.
#include <gtest/gtest.h>

#include "audit/verify.h"
#include "forgery.h"
#include "temp_ledger.h"

namespace rmc {
namespace {

class Register : public TempLedger {
 protected:
  // The processing activity the event at `position` names.
  std::pair<std::string, uint32_t> ActivityAt(uint64_t position) {
    auto txn = ledger_->store().Read();
    EXPECT_TRUE(txn.ok());
    auto view = (*txn)->Event(position);
    EXPECT_TRUE(view.ok() && *view);
    auto ref = (*view)->event().getProcessingActivity();
    return {ref.getCode().cStr(), ref.getVersion()};
  }
  uint64_t Last() {
    auto txn = ledger_->store().Read();
    return (*txn)->LastPosition();
  }
  std::vector<std::string> Problems() {
    auto report = Verify(ledger_->store());
    EXPECT_TRUE(report.ok());
    return report.ok() ? report->problems : std::vector<std::string>{"verify failed"};
  }
  Activity Changed(const std::string& code) {
    Activity a = *ledger_->activities().Current(code);
    a.retention = "5 jaar na het einde van de nazorg";
    return a;
  }
  static constexpr const char* kSignal =
      R"({"id":"s1","type":"signal","data":{"subject":{"ref":"J-1"},"channel":"jongere","received":"2026-11-01"}})";
};

TEST_F(Register, InitRegistersTheDefaultsOfAnRmcRegion) {
  std::vector<std::string> codes;
  for (const Activity* a : ledger_->activities().Latest()) {
    codes.push_back(a->code);
    EXPECT_EQ(a->version, 1u) << a->code;
    EXPECT_FALSE(a->purpose.empty()) << a->code;
    EXPECT_FALSE(a->retention.empty()) << a->code;
  }
  EXPECT_EQ(codes, (std::vector<std::string>{"rmc-begeleiding-23-27", "rmc-evaluatie", "rmc-nazorg",
                                             "rmc-signalering", "rmc-trajectbegeleiding", "rmc-verantwoording"}));
  EXPECT_EQ(ledger_->activities().Current("rmc-begeleiding-23-27")->legal_ground, schema::LegalGround::TOESTEMMING)
      << "the 23-27 group has no statutory ground (routekaart, Aanleiding)";
  EXPECT_EQ(ActivityAt(2), (std::pair<std::string, uint32_t>{"rmc-verantwoording", 1}));
  EXPECT_TRUE(Problems().empty());
}

TEST_F(Register, AChangeIsANewVersionThatLaterEventsNameAndEarlierOnesKeep) {
  ASSERT_TRUE(Run(kSignal).ok());
  const uint64_t signal = Last();
  EXPECT_EQ(ActivityAt(signal), (std::pair<std::string, uint32_t>{"rmc-signalering", 1}));

  auto added = ledger_->RegisterActivity(Changed("rmc-signalering"), "f.coordinator", schema::Role::COORDINATOR);
  ASSERT_TRUE(added.ok()) << added.status().message();
  EXPECT_EQ(added->version, 2u);
  ASSERT_TRUE(Run(R"({"id":"r1","type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[]}})").ok());
  EXPECT_EQ(ActivityAt(Last()), (std::pair<std::string, uint32_t>{"rmc-signalering", 2}));
  EXPECT_EQ(ActivityAt(signal).second, 1u) << "an event keeps the version it was recorded under";
  EXPECT_EQ(ledger_->activities().versions().size(), 7u) << "version 1 is kept";
  EXPECT_TRUE(Problems().empty());

  // The register is read back from the ledger.
  ledger_.reset();
  auto reopened = Ledger::Open({dir_, dir_ + "/keystore"});
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ((*reopened)->activities().Current("rmc-signalering")->retention, "5 jaar na het einde van de nazorg");
}

TEST_F(Register, TwoProcessesChangingItGetConsecutiveVersions) {
  auto other = Ledger::Open({dir_, dir_ + "/keystore"});  // opened before either change
  ASSERT_TRUE(other.ok());
  ASSERT_TRUE(ledger_->RegisterActivity(Changed("rmc-nazorg"), "a", schema::Role::COORDINATOR).ok());
  auto second = (*other)->RegisterActivity(Changed("rmc-nazorg"), "b", schema::Role::COORDINATOR);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(second->version, 3u) << "read from the ledger, not from what the process saw at open";
  EXPECT_TRUE(Problems().empty()) << ::testing::PrintToString(Problems());
}

TEST_F(Register, OnlyTheCoordinatorAndSystemChangeItAndABadEntryIsRefused) {
  const uint64_t before = Last();
  for (auto role : {schema::Role::CONSULENT, schema::Role::AUDITOR, schema::Role::EVALUATOR})
    EXPECT_EQ(ledger_->RegisterActivity(Changed("rmc-nazorg"), "x", role).status().code(), Code::kPermissionDenied);
  Activity bad = Changed("rmc-nazorg");
  bad.purpose.clear();
  EXPECT_EQ(ledger_->RegisterActivity(bad, "x", schema::Role::SYSTEM).status().code(), Code::kInvalidInput);
  bad = Changed("rmc-nazorg");
  bad.data_categories.push_back("schoenmaat");
  auto refused = ledger_->RegisterActivity(bad, "x", schema::Role::SYSTEM);
  EXPECT_NE(refused.status().message().find("schoenmaat"), std::string::npos) << refused.status().message();
  bad = Changed("rmc-nazorg");
  bad.code = "Regio X";
  EXPECT_EQ(ledger_->RegisterActivity(bad, "x", schema::Role::SYSTEM).status().code(), Code::kInvalidInput);
  EXPECT_EQ(Last(), before) << "a refused change writes nothing";
  EXPECT_EQ(ledger_->activities().Current("rmc-nazorg")->version, 1u);
  EXPECT_TRUE(ledger_->RegisterActivity(Changed("rmc-nazorg"), "x", schema::Role::SYSTEM).ok());
}

TEST_F(Register, ACommandMayNameARegisteredActivityNotAnUnknownOne) {
  ASSERT_TRUE(Run(kSignal).ok());
  const uint64_t before = Last();
  auto unknown = Run(R"({"id":"n1","type":"note","case":"RMC-000001","processing_activity":"regio-onbekend","data":{"text":"x"}})");
  EXPECT_EQ(unknown.error.code(), Code::kInvalidInput);
  EXPECT_NE(unknown.error.message().find("rmc-nazorg"), std::string::npos) << "names the known codes: " << unknown.error.message();
  EXPECT_EQ(Last(), before);
  auto named = Run(R"({"id":"n2","type":"note","case":"RMC-000001","processing_activity":"rmc-begeleiding-23-27","data":{"text":"x"}})");
  ASSERT_TRUE(named.ok()) << named.error.message();
  EXPECT_EQ(ActivityAt(Last()), (std::pair<std::string, uint32_t>{"rmc-begeleiding-23-27", 1}));
}

TEST_F(Register, VerifyFindsAnEventNamingAVersionTheRegisterDidNotHold) {
  ASSERT_TRUE(Run(kSignal).ok());
  ASSERT_TRUE(testing::RewriteAndRechain(ledger_->store(), Last(), [](schema::Event::Builder e) {
                e.getProcessingActivity().setVersion(2);
              }).ok());
  auto problems = Problems();
  ASSERT_EQ(problems.size(), 1u) << ::testing::PrintToString(problems);
  EXPECT_NE(problems[0].find("names processing activity rmc-signalering version 2"), std::string::npos) << problems[0];
}

TEST_F(Register, VerifyFindsARegisterThatDoesNotMatchTheLog) {
  auto s = ledger_->store().Write([](StoreTxn& txn) {
    ActivityRegister other = ActivityRegister::Defaults();
    Activity extra = *other.Current("rmc-nazorg");
    other.Add(extra);
    return txn.PutMeta("register", other.Encode());
  });
  ASSERT_TRUE(s.ok());
  auto problems = Problems();
  ASSERT_EQ(problems.size(), 1u) << ::testing::PrintToString(problems);
  EXPECT_NE(problems[0].find("register of processing activities does not match"), std::string::npos);
}

}  // namespace
}  // namespace rmc
