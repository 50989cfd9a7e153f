// The one walk of a hash chain (store/chain.h), which verify and checkpoints judge: what each
// link reports on a whole chain, a damaged entry, a gap and an empty chain.
#include "store/chain.h"

#include <gtest/gtest.h>

#include <vector>

#include "audit/access_log.h"
#include "forgery.h"
#include "temp_ledger.h"

namespace rmc {
namespace {

// What a visit saw of one link (the link itself lives only during the visit).
struct Seen {
  uint64_t position, expected;
  bool decoded;
  std::string damage, prev_hash, head;
  bool linked;
  uint64_t named_position;
  std::string hash;
};

class ChainWalk : public TempLedger {
 protected:
  void SetUp() override {
    TempLedger::SetUp();
    for (const char* ref : {"J-1", "J-2"}) {
      auto out = Run(
          std::string(R"({"id":"s-)") + ref + R"(","type":"signal","data":{"subject":{"ref":")" +
          ref + R"(","birth_date":"2005-01-10"},"channel":"jongere","received":"2026-11-01"}})");
      ASSERT_TRUE(out.ok()) << out.error.message();
    }
  }

  // Every link of `chain`, or the walk's error.
  Result<std::vector<Seen>> Walk(Chain chain, ChainEnd* end = nullptr, uint64_t stop_at = 0) {
    auto txn = ledger_->store().Read();
    if (!txn.ok()) return txn.status();
    std::vector<Seen> seen;
    auto walked = WalkChain(**txn, chain, [&](const ChainLink& l) {
      seen.push_back({l.position, l.expected, l.decoded, l.damage, std::string(l.prev_hash),
                      std::string(l.head), l.linked, l.named_position, std::string(l.hash)});
      return l.position != stop_at;
    });
    if (!walked.ok()) return walked.status();
    if (end) *end = *walked;
    return seen;
  }

  std::string Meta(const char* key) {
    auto txn = ledger_->store().Read();
    auto v = (*txn)->Meta(key);
    return v.ok() && *v ? **v : "";
  }
};

TEST_F(ChainWalk, AWholeChainLinksEveryEntryToTheOneBefore) {
  ChainEnd end;
  auto seen = Walk(Chain::kEvents, &end);
  ASSERT_TRUE(seen.ok()) << seen.status().message();
  ASSERT_GE(seen->size(), 3u);
  EXPECT_EQ((*seen)[0].head, Genesis(Chain::kEvents, Meta("ledger_id")));
  for (size_t i = 0; i < seen->size(); ++i) {
    const Seen& s = (*seen)[i];
    EXPECT_EQ(s.position, i + 1);
    EXPECT_EQ(s.expected, s.position);
    EXPECT_TRUE(s.decoded) << s.damage;
    EXPECT_TRUE(s.linked);
    EXPECT_EQ(s.prev_hash, s.head);
    EXPECT_EQ(s.named_position, s.position);
    if (i > 0) EXPECT_EQ(s.head, (*seen)[i - 1].hash);
  }
  EXPECT_EQ(end.position, seen->size());
  EXPECT_EQ(end.head, seen->back().hash);
  EXPECT_EQ(end.head, Meta("head")) << "the head the store keeps for the next event";
}

TEST_F(ChainWalk, StopsWhenTheVisitSaysSo) {
  ChainEnd end;
  auto seen = Walk(Chain::kEvents, &end, 2);
  ASSERT_TRUE(seen.ok()) << seen.status().message();
  EXPECT_EQ(seen->size(), 2u);
  EXPECT_EQ(end.position, 2u);
  EXPECT_EQ(end.head, (*seen)[1].hash);
}

TEST_F(ChainWalk, AnEmptyChainEndsAtItsGenesis) {
  ChainEnd end;
  auto seen = Walk(Chain::kAccess, &end);
  ASSERT_TRUE(seen.ok()) << seen.status().message();
  EXPECT_TRUE(seen->empty());
  EXPECT_EQ(end.position, 0u);
  EXPECT_EQ(end.head, Genesis(Chain::kAccess, Meta("ledger_id")));
}

TEST_F(ChainWalk, TheAccessLogIsItsOwnChain) {
  ASSERT_TRUE(RecordAccess(ledger_->store(),
                           {"test", schema::Role::COORDINATOR, "p", "show", "rmc-signalering", 1},
                           {{"RMC-000001", ""}, {"RMC-000002", ""}})
                  .ok());
  auto seen = Walk(Chain::kAccess);
  ASSERT_TRUE(seen.ok()) << seen.status().message();
  ASSERT_EQ(seen->size(), 2u);
  EXPECT_EQ((*seen)[0].head, Genesis(Chain::kAccess, Meta("ledger_id")));
  for (const Seen& s : *seen) EXPECT_TRUE(s.decoded && s.linked && s.named_position == s.position);
}

TEST_F(ChainWalk, ADamagedEntryIsReportedAndTheWalkGoesOn) {
  auto before = Walk(Chain::kEvents);
  ASSERT_TRUE(before.ok());
  const std::string damaged("\x05\0\0\0\xff\xff\0\0", 8);  // a segment table past the bytes
  ASSERT_TRUE(testing::WriteRawEntry(ledger_->store(), "events", 2, damaged).ok());
  auto seen = Walk(Chain::kEvents);
  ASSERT_TRUE(seen.ok()) << seen.status().message();
  ASSERT_EQ(seen->size(), before->size());
  const Seen& bad = (*seen)[1];
  EXPECT_FALSE(bad.decoded);
  EXPECT_FALSE(bad.damage.empty());
  EXPECT_FALSE(bad.linked);
  EXPECT_EQ(bad.named_position, 0u);
  EXPECT_EQ(bad.hash, Blake2b(damaged)) << "the next entry is judged against the stored bytes";
  EXPECT_EQ((*seen)[2].head, bad.hash);
  EXPECT_TRUE((*seen)[2].decoded);
  EXPECT_FALSE((*seen)[2].linked) << "its prevHash is the hash of the bytes that were replaced";
}

TEST_F(ChainWalk, AGapIsWhereThePositionIsNotTheExpectedOne) {
  ASSERT_TRUE(ledger_->store()
                  .Write([&](StoreTxn& txn) {
                    return txn.raw().Delete(ledger_->store().env().dbi("events"), U64Key(2));
                  })
                  .ok());
  auto seen = Walk(Chain::kEvents);
  ASSERT_TRUE(seen.ok()) << seen.status().message();
  ASSERT_GE(seen->size(), 2u);
  EXPECT_EQ((*seen)[1].position, 3u);
  EXPECT_EQ((*seen)[1].expected, 2u);
  EXPECT_FALSE((*seen)[1].linked) << "entry 3 names the hash of the missing entry 2";
}

}  // namespace
}  // namespace rmc
