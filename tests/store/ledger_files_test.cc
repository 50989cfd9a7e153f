// Store-level promises checked on the real files: personal data never reaches a file in plain
// text, a flipped byte in the event log is detected, files are private, the map grows.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "audit/verify.h"
#include "temp_ledger.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;

using LedgerFiles = TempLedger;

TEST_F(LedgerFiles, NameIsInNoFileOfTheLedger) {
  const std::string name = "Quirijntje Zwartkopvanderberg";
  auto out = Run(R"({"id":"a","type":"signal","data":{"subject":{"ref":"J-1","name":")" + name +
                 R"("},"channel":"jongere","received":"2026-11-01","suspected_reason":"Quirijntje zegt niets"}})");
  ASSERT_TRUE(out.ok()) << out.error.message();
  // A reason is free text about the youth too: sealed in the event, not in the projection.
  out = Run(R"({"id":"b","type":"triage","case":"RMC-000001","reason":"Quirijntje belde zelf","data":{"target_group":"vsv-nieuw","action_required":true,"rationale":"r"}})");
  ASSERT_TRUE(out.ok()) << out.error.message();
  ASSERT_EQ(out.events, (std::vector<std::string>{"StepDeviated", "Triaged"}));
  ledger_.reset();
  int files = 0;
  for (const auto& f : fs::recursive_directory_iterator(dir_)) {
    if (!f.is_regular_file()) continue;
    ++files;
    std::string bytes = Slurp(f.path());
    EXPECT_EQ(bytes.find(name), std::string::npos) << f.path();
    EXPECT_EQ(bytes.find("Quirijntje"), std::string::npos) << f.path();
    EXPECT_EQ(bytes.find("J-1"), std::string::npos) << "the ref is personal too: " << f.path();
    struct stat st;
    stat(f.path().c_str(), &st);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << f.path();
  }
  EXPECT_GE(files, 4);
}

TEST_F(LedgerFiles, FlippedByteInAnEventIsDetected) {
  ASSERT_TRUE(Run(R"({"id":"a","type":"signal","data":{"subject":{"ref":"J-1"},"channel":"jongere","received":"2026-11-01"}})").ok());
  ASSERT_TRUE(Run(R"({"id":"b","type":"note","case":"RMC-000001","data":{"text":"gebeld"}})").ok());
  {
    auto ok = Verify(ledger_->store());
    ASSERT_TRUE(ok.ok());
    EXPECT_TRUE(ok->problems.empty());
  }
  // The stored bytes of the signal event; flip one byte in every copy of them in the file
  // (LMDB's copy-on-write may leave stale copies in free pages).
  std::string stored;
  {
    auto txn = ledger_->store().Read();
    ASSERT_TRUE(txn.ok());
    auto positions = (*txn)->CasePositions("RMC-000001");
    ASSERT_TRUE(positions.ok());
    auto view = (*txn)->Event(positions->at(1));
    ASSERT_TRUE(view.ok() && *view);
    stored = std::string((*view)->bytes());
  }
  ledger_.reset();
  std::string data = Slurp(dir_ + "/data.mdb");
  std::string flipped = stored;
  flipped[flipped.size() / 2] ^= 0x01;
  int copies = 0;
  for (size_t at = data.find(stored); at != std::string::npos; at = data.find(stored, at + 1), ++copies)
    data.replace(at, stored.size(), flipped);
  ASSERT_GE(copies, 1);
  std::ofstream(dir_ + "/data.mdb", std::ios::binary | std::ios::trunc) << data;
  auto l = Ledger::Open({dir_, dir_ + "/keystore"});
  ASSERT_TRUE(l.ok());
  auto report = Verify((*l)->store());
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->problems.empty());
}

TEST_F(LedgerFiles, IdempotentAndConflictingIds) {
  const std::string cmd = R"({"id":"x","type":"signal","data":{"subject":{"ref":"J-2"},"channel":"jongere","received":"2026-11-01"}})";
  auto first = Run(cmd);
  ASSERT_TRUE(first.ok());
  auto again = Run(cmd);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again.duplicate);
  EXPECT_EQ(again.position, first.position);
  EXPECT_EQ(again.events, first.events);
  auto other = Run(R"({"id":"x","type":"signal","data":{"subject":{"ref":"J-3"},"channel":"jongere","received":"2026-11-01"}})");
  EXPECT_EQ(other.error.code(), Code::kDuplicateConflict);
}

TEST_F(LedgerFiles, MapGrowsPastItsInitialSize) {
  // 64 MiB initial map; write well past it in batches.
  std::string text(60000, 'x');
  for (int batch = 0; batch < 12; ++batch) {
    std::vector<Command> cs;
    for (int i = 0; i < 100; ++i) {
      std::string id = "n" + std::to_string(batch) + "-" + std::to_string(i);
      auto c = ParseCommand(R"({"id":")" + id + R"(","type":"signal","data":{"subject":{"ref":")" + id +
                                R"("},"channel":"jongere","received":"2026-11-01","care":")" + text + R"("}})",
                            {"test", schema::Role::CONSULENT});
      ASSERT_TRUE(c.ok()) << c.status().message();
      cs.push_back(std::move(*c));
    }
    for (const auto& o : ledger_->Execute(cs, false)) ASSERT_TRUE(o.ok()) << o.error.message();
  }
  EXPECT_GT(fs::file_size(dir_ + "/data.mdb"), uint64_t(64) << 20);
  auto report = Verify(ledger_->store());
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->problems.empty());
  EXPECT_EQ(report->cases, 1200u);
}


// Erasure (crypto-shredding): the key leaves the keystore file, also when the first attempt
// to delete it failed, and no later command of the same batch can seal data with it.

const char* kForget =
    R"({"id":"f","type":"forget_subject","reason":"verzoek jongere","data":{"subject":"J-1","grondslag":"avg-art17"}})";

TEST_F(LedgerFiles, AnErasureStopsPersonalDataLaterInTheSameBatch) {
  ASSERT_TRUE(Run(R"({"id":"a","type":"signal","data":{"subject":{"ref":"J-1"},"channel":"jongere","received":"2026-11-01"}})").ok());
  std::vector<Command> batch;
  batch.push_back(Parsed(kForget, schema::Role::COORDINATOR));
  batch.push_back(Parsed(R"({"id":"n","type":"note","case":"RMC-000001","data":{"text":"nog een gesprek"}})"));
  auto out = ledger_->Execute(batch, false);
  EXPECT_TRUE(out[0].ok()) << out[0].error.message();
  EXPECT_EQ(out[1].error.code(), Code::kSubjectErased);
}

// Records J-1 and an erasure of them as an earlier version left it when its key deletion failed:
// the erasure recorded, the key still in the keystore, no deletion pending. Returns the key's bytes.
std::string FailAnErasure(std::unique_ptr<Ledger>& ledger, const std::string& dir) {
  std::vector<Command> batch;
  batch.push_back(Parsed(R"({"id":"a","type":"signal","data":{"subject":{"ref":"J-1","name":"Xandrijn"},"channel":"jongere","received":"2026-11-01"}})"));
  EXPECT_TRUE(ledger->Execute(batch, false)[0].ok());
  auto key = ledger->keystore().Key(ledger->keystore().SubjectId("J-1"));
  EXPECT_TRUE(key.ok() && *key);
  const LedgerPaths paths{dir, dir + "/keystore"};
  ledger.reset();
  fs::copy(paths.keystore, dir + "/saved", fs::copy_options::recursive);
  ledger = std::move(*Ledger::Open(paths));
  batch.clear();
  batch.push_back(Parsed(kForget, schema::Role::COORDINATOR));
  EXPECT_TRUE(ledger->Execute(batch, false)[0].ok());
  ledger.reset();
  fs::remove_all(paths.keystore);
  fs::rename(dir + "/saved", paths.keystore);
  ledger = std::move(*Ledger::Open(paths));
  return std::string(reinterpret_cast<const char*>((*key)->data()), (*key)->size());
}

void ExpectInNoFile(const std::string& dir, const std::string& bytes) {
  for (const auto& f : fs::recursive_directory_iterator(dir))
    if (f.is_regular_file()) EXPECT_EQ(Slurp(f.path()).find(bytes), std::string::npos) << f.path();
}

TEST_F(LedgerFiles, AnErasureWhoseKeyDeletionFailedCompletesWhenRunAgain) {
  const std::string key_bytes = FailAnErasure(ledger_, dir_);
  std::vector<Command> batch;
  batch.push_back(Parsed(kForget, schema::Role::COORDINATOR));
  auto again = ledger_->Execute(batch, false)[0];
  EXPECT_TRUE(again.ok()) << again.error.message();
  EXPECT_TRUE(again.duplicate);
  ledger_.reset();
  ExpectInNoFile(dir_, key_bytes);
}

TEST_F(LedgerFiles, AnyLaterErasureOfTheSubjectCompletesAFailedKeyDeletion) {
  const std::string key_bytes = FailAnErasure(ledger_, dir_);
  VerifyReport found;
  ASSERT_TRUE(CheckKeystore(ledger_->store(), ledger_->keystore(), found).ok());
  ASSERT_EQ(found.problems.size(), 1u) << "rmc verify reports the unfinished erasure";
  EXPECT_NE(found.problems[0].find("still in the keystore"), std::string::npos) << found.problems[0];
  uint64_t before;
  {
    auto txn = ledger_->store().Read();
    before = (*txn)->LastPosition();
  }
  // Another day, another id (rmc retention's ids carry the date): not refused as subject_erased.
  std::vector<Command> batch;
  batch.push_back(Parsed(R"({"id":"f-later","type":"forget_subject","reason":"opnieuw","data":{"subject":"J-1","grondslag":"avg-art17"}})",
                         schema::Role::COORDINATOR));
  auto later = ledger_->Execute(batch, false)[0];
  EXPECT_TRUE(later.ok()) << later.error.message();
  ExpectInNoFile(dir_, key_bytes);
  VerifyReport clean;
  ASSERT_TRUE(CheckKeystore(ledger_->store(), ledger_->keystore(), clean).ok());
  EXPECT_TRUE(clean.problems.empty()) << clean.problems[0];
  {
    auto txn = ledger_->store().Read();
    EXPECT_EQ((*txn)->LastPosition(), before) << "nothing more is written";
  }
  // Once the deletion is complete, another erasure is refused as before.
  batch.clear();
  batch.push_back(Parsed(R"({"id":"f-third","type":"forget_subject","reason":"r","data":{"subject":"J-1","grondslag":"avg-art17"}})",
                         schema::Role::COORDINATOR));
  EXPECT_EQ(ledger_->Execute(batch, false)[0].error.code(), Code::kSubjectErased);
}

// New subjects' keys are committed once per batch, before the events sealed with them.
TEST_F(LedgerFiles, KeysOfABatchAreDurableWithItsEvents) {
  std::vector<Command> batch;
  for (int i = 0; i < 3; ++i)
    batch.push_back(Parsed(R"({"id":"s)" + std::to_string(i) + R"(","type":"signal","data":{"subject":{"ref":"K-)" +
                           std::to_string(i) + R"(","name":"Naam"},"channel":"jongere","received":"2026-11-01"}})"));
  for (const auto& o : ledger_->Execute(batch, false)) ASSERT_TRUE(o.ok()) << o.error.message();
  ledger_.reset();
  auto reopened = Ledger::Open({dir_, dir_ + "/keystore"});
  ASSERT_TRUE(reopened.ok());
  auto txn = (*reopened)->store().Read();
  ASSERT_TRUE(txn.ok());
  int opened = 0;
  auto s = (*txn)->ScanEvents(1, [&](uint64_t, EventView& view) {
    if (!view.event().hasSealed()) return true;
    auto u = (*reopened)->Unseal(view.event());
    EXPECT_TRUE(u.ok() && *u && (*u)->payload);
    ++opened;
    return true;
  });
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(opened, 3);
}

}  // namespace
}  // namespace rmc
