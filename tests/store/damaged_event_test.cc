// A stored event whose bytes do not decode: each read path turns Cap'n Proto's kj::Exception
// into an error that names it (src/store/store.h, EventView), and a batch refuses only the command
// that reads it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "audit/access_log.h"
#include "audit/verify.h"
#include "forgery.h"
#include "temp_ledger.h"
#include "views/event_json.h"

namespace rmc {
namespace {

class DamagedStoredEvent : public TempLedger {
 protected:
  void SetUp() override {
    TempLedger::SetUp();
    auto signal = Run(R"({"id":"s1","type":"signal","data":{"subject":{"ref":"J-1","birth_date":"2005-01-10"},"channel":"jongere","received":"2026-11-01"}})");
    ASSERT_TRUE(signal.ok()) << signal.error.message();
    position_ = signal.position;
    auto s = testing::WriteRawEntry(ledger_->store(), "events", position_, kDamaged);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  // A segment table that claims more than the bytes hold.
  const std::string kDamaged = std::string("\x05\0\0\0\xff\xff\0\0", 8);
  uint64_t position_ = 0;
};

TEST_F(DamagedStoredEvent, AViewThrowsOnlyWhenRead) {
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  auto view = (*txn)->Event(position_);
  ASSERT_TRUE(view.ok() && *view) << "constructing the view reads nothing yet";
  EXPECT_THROW((*view)->event(), kj::Exception);
}

TEST_F(DamagedStoredEvent, AScanEndsWithAnErrorNamingIt) {
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  uint64_t seen = 0;
  auto s = (*txn)->ScanEvents(1, [&](uint64_t, EventView& view) {
    view.event().getPosition();
    ++seen;
    return true;
  });
  EXPECT_EQ(s.code(), Code::kLedgerError);
  EXPECT_NE(s.message().find("event " + std::to_string(position_) + " does not decode"), std::string::npos)
      << s.message();
  EXPECT_EQ(seen, position_ - 1) << "the events before it were read";
}

TEST_F(DamagedStoredEvent, VerifyNamesIt) {
  auto report = Verify(ledger_->store());
  ASSERT_TRUE(report.ok()) << report.status().message();
  bool named = false;
  for (const auto& p : report->problems)
    named |= p.find("event " + std::to_string(position_) + ": cannot be decoded") != std::string::npos;
  EXPECT_TRUE(named);
}

TEST_F(DamagedStoredEvent, ARebuildRefusesToFoldAroundIt) {
  auto rebuilt = Rebuild(ledger_->store(), false);
  ASSERT_FALSE(rebuilt.ok()) << "it would have written projections without the event";
  EXPECT_NE(rebuilt.status().message().find("event " + std::to_string(position_) + " does not decode"),
            std::string::npos)
      << rebuilt.status().message();
}

TEST_F(DamagedStoredEvent, AnAccessRecordToo) {
  auto state = ledger_->LoadCase(**ledger_->store().Read(), "RMC-000001");
  ASSERT_TRUE(state.ok());
  ASSERT_TRUE(RecordAccess(ledger_->store(), {"test", schema::Role::COORDINATOR, "p", "show", "rmc-signalering", 1},
                           {{"RMC-000001", state->subject}})
                  .ok());
  ASSERT_TRUE(testing::WriteRawEntry(ledger_->store(), "access", 1, kDamaged).ok());
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  for (const std::string& subject : {std::string(), state->subject}) {
    AccessFilter filter;
    filter.subject_id = subject;
    auto s = ScanAccessLog(**txn, filter, [](uint64_t, schema::AccessRecord::Reader) { return true; });
    EXPECT_EQ(s.code(), Code::kLedgerError);
    EXPECT_NE(s.message().find("access record 1 does not decode"), std::string::npos) << s.message();
  }
}

TEST_F(DamagedStoredEvent, ABatchRefusesOnlyTheCommandThatReadsIt) {
  std::vector<Command> batch;
  // A rerun of the signal reads its events for the duplicate's result line.
  batch.push_back(Parsed(R"({"id":"s1","type":"signal","data":{"subject":{"ref":"J-1","birth_date":"2005-01-10"},"channel":"jongere","received":"2026-11-01"}})"));
  batch.push_back(Parsed(R"({"id":"a1","type":"assign","case":"RMC-000001","data":{"consulent":"c.jansen"}})"));
  auto out = ledger_->Execute(batch, false);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].error.code(), Code::kLedgerError);
  EXPECT_NE(out[0].error.message().find("does not decode"), std::string::npos) << out[0].error.message();
  EXPECT_TRUE(out[1].ok()) << out[1].error.message();
}

TEST(DamagedEventBytes, AClaimOfMillionsOfEmptyStructsStopsAtTheReadLimit) {
  // Found by fuzz_event: 897 bytes whose struct list claims millions of elements of no size.
  // Cap'n Proto's default limit (8 Mi words) let them through, and rendering them took
  // gigabytes; the limit now follows the event's size (message_sizes.h, ReadLimits).
  std::ifstream in(std::string(RMC_SOURCE_DIR) +
                       "/tests/fuzz/found/event/huge-struct-list-renders-out-of-memory",
                   std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string event = bytes.str();  // the view reads these bytes in place
  ASSERT_FALSE(event.empty());
  EventView view(event);
  EXPECT_THROW(EventToJson(view.event(), nullptr, {PersonalFields::kOmit, nullptr}).dump(),
               kj::Exception);
}

}  // namespace
}  // namespace rmc
