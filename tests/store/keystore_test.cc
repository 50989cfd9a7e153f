// The keystore's promises on the real files: bound to its ledger, every record checked, an
// erasure interrupted at any point completed by the next write, and no erased key left in any
// file, generations included.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>

#include "audit/verify.h"
#include "privacy/keystore.h"
#include "privacy/keystore_dir.h"
#include "temp_ledger.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;

constexpr char kSignal[] =
    R"({"id":"a","type":"signal","data":{"subject":{"ref":"J-1","name":"Xandrijn"},"channel":"jongere","received":"2026-11-01"}})";
constexpr char kOther[] =
    R"({"id":"b","type":"signal","data":{"subject":{"ref":"J-2","name":"Ybeltje"},"channel":"jongere","received":"2026-11-01"}})";
constexpr char kForget[] =
    R"({"id":"f","type":"forget_subject","reason":"verzoek","data":{"subject":"J-1","grondslag":"avg-art17"}})";
constexpr char kNote[] = R"({"id":"n","type":"note","case":"RMC-000002","data":{"text":"gebeld"}})";

class KeystoreFiles : public TempLedger {
 protected:
  void SetUp() override {
    TempLedger::SetUp();
    ASSERT_TRUE(Run(kSignal).ok());
    ASSERT_TRUE(Run(kOther).ok());
    subject_ = ledger_->keystore().SubjectId("J-1");
    auto key = ledger_->keystore().Key(subject_);
    ASSERT_TRUE(key.ok() && *key);
    key_.assign(reinterpret_cast<const char*>((*key)->data()), (*key)->size());
  }
  std::string Keystore() const { return dir_ + "/keystore"; }
  LedgerPaths Paths() const { return {dir_, Keystore()}; }
  void Reopen() {
    ledger_.reset();
    auto l = Ledger::Open(Paths());
    ASSERT_TRUE(l.ok()) << l.status().message();
    ledger_ = std::move(*l);
  }
  // The files under the ledger directory (keystore included) that hold `bytes`.
  std::vector<std::string> FilesHolding(const std::string& bytes) const {
    std::vector<std::string> out;
    for (const auto& f : fs::recursive_directory_iterator(dir_))
      if (f.is_regular_file() && Slurp(f.path()).find(bytes) != std::string::npos)
        out.push_back(f.path());
    return out;
  }
  VerifyReport Checked() {
    VerifyReport report;
    EXPECT_TRUE(CheckKeystore(ledger_->store(), ledger_->keystore(), report).ok());
    return report;
  }
  // The state a process killed right after committing the erasure of J-1 leaves: the erasure
  // recorded (and its key deletion promised in meta "erasing"), the keystore's files untouched.
  void InterruptedErasure() {
    ledger_.reset();
    const std::string saved = dir_ + "/saved-keystore";
    fs::copy(Keystore(), saved, fs::copy_options::recursive);
    Reopen();
    ASSERT_TRUE(Run(kForget, schema::Role::COORDINATOR).ok());
    ledger_.reset();
    fs::remove_all(Keystore());
    fs::rename(saved, Keystore());
    Reopen();
    ASSERT_TRUE(ledger_->store().Write([&](StoreTxn& txn) { return txn.PutMeta("erasing", subject_); }).ok());
  }

  std::string subject_, key_;
};

TEST_F(KeystoreFiles, AnotherLedgersKeystoreIsRefused) {
  const std::string other = dir_ + "/other";
  {
    auto l = Ledger::Create({other, other + "/keystore"}, {{"region", "Elders"}}, "test");
    ASSERT_TRUE(l.ok()) << l.status().message();
  }
  ledger_.reset();
  auto mixed = Ledger::Open({dir_, other + "/keystore"});
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.status().code(), Code::kLedgerError);
  EXPECT_NE(mixed.status().message().find("belongs to another ledger"), std::string::npos)
      << mixed.status().message();
  EXPECT_TRUE(Ledger::Open(Paths()).ok()) << "its own keystore opens";
}

TEST_F(KeystoreFiles, ANewLedgerNeverTakesAnExistingKeystore) {
  auto second = Ledger::Create({dir_ + "/second", Keystore()}, {{"region", "Twee"}}, "test");
  ASSERT_FALSE(second.ok());
  EXPECT_EQ(second.status().code(), Code::kUsage);
  EXPECT_NE(second.status().message().find("a keystore exists"), std::string::npos);
}

// A flipped byte in a key record: an error naming the damage, never a youth who looks erased.
TEST_F(KeystoreFiles, ADamagedRecordIsAnErrorAndVerifyFindsIt) {
  ledger_.reset();
  const std::string data = Keystore() + "/data.mdb";
  std::string bytes = Slurp(data);
  int copies = 0;  // LMDB's copy-on-write may leave stale copies in free pages: flip each
  for (size_t at = bytes.find(key_); at != std::string::npos; at = bytes.find(key_, at + 1), ++copies)
    bytes[at + 5] ^= 0x01;
  ASSERT_GE(copies, 1);
  std::ofstream(data, std::ios::binary | std::ios::trunc) << bytes;
  Reopen();
  auto key = ledger_->keystore().Key(subject_);
  ASSERT_FALSE(key.ok()) << "not an absent key";
  EXPECT_NE(key.status().message().find("fails its check"), std::string::npos) << key.status().message();
  EXPECT_FALSE(ledger_->IsErased(subject_));
  auto report = Checked();
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].find("fails its check"), std::string::npos) << report.problems[0];
}

// A key record that went missing (a flipped byte in its id, a keystore swapped in part): verify
// names the subject who has no key although the ledger never erased them.
TEST_F(KeystoreFiles, VerifyReportsASubjectWithoutAKey) {
  ledger_.reset();
  {
    auto env = LmdbEnv::Open(Keystore(), {"keys", "meta"}, false, false);
    ASSERT_TRUE(env.ok());
    auto txn = LmdbTxn::Begin(**env, true);
    ASSERT_TRUE((*txn)->Delete((*env)->dbi("keys"), subject_).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  Reopen();
  auto report = Checked();
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].find("has no key"), std::string::npos) << report.problems[0];
  // Nor does a read take them for erased: their sealed data is an error, not "erased".
  EXPECT_FALSE(ledger_->IsErased(subject_));
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  auto positions = (*txn)->CasePositions("RMC-000001");
  ASSERT_TRUE(positions.ok() && !positions->empty());
  auto signal = (*txn)->Event(positions->back());
  ASSERT_TRUE(signal.ok() && *signal);
  auto unsealed = ledger_->Unseal((*signal)->event());
  ASSERT_FALSE(unsealed.ok());
  EXPECT_NE(unsealed.status().message().find("never erased"), std::string::npos) << unsealed.status().message();
}

// Killed after CURRENT named the first new generation but before the keystore directory's own
// files were removed: they still hold the erased key, verify says so, and the next erasure
// removes them.
TEST_F(KeystoreFiles, TheFirstGenerationLeftBehindIsFoundAndRemoved) {
  ledger_.reset();
  const std::string saved = dir_ + "/saved-data.mdb";
  fs::copy_file(Keystore() + "/data.mdb", saved);
  Reopen();
  ASSERT_TRUE(Run(kForget, schema::Role::COORDINATOR).ok());
  fs::copy_file(saved, Keystore() + "/data.mdb");
  fs::remove(saved);
  auto report = Checked();
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].find("data.mdb is left"), std::string::npos) << report.problems[0];
  ASSERT_TRUE(Run(R"({"id":"g","type":"forget_subject","reason":"r","data":{"subject":"J-2","grondslag":"avg-art17"}})",
                  schema::Role::COORDINATOR)
                  .ok());
  EXPECT_FALSE(fs::exists(Keystore() + "/data.mdb"));
  ledger_.reset();
  EXPECT_EQ(FilesHolding(key_), std::vector<std::string>{});
}

// A generation that is a symbolic link would take the keys, and an erasure's deletions, to a
// file no erasure removes: it is refused.
TEST_F(KeystoreFiles, AGenerationThatIsALinkIsRefused) {
  ASSERT_TRUE(Run(kForget, schema::Role::COORDINATOR).ok());
  ledger_.reset();
  KeystoreDir kdir(Keystore());
  auto current = kdir.Current();
  ASSERT_TRUE(current.ok() && !current->empty());
  const std::string elsewhere = dir_ + "/elsewhere";
  fs::rename(kdir.Path(*current), elsewhere);
  fs::create_directory_symlink(elsewhere, kdir.Path(*current));
  auto opened = Ledger::Open(Paths());
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("symbolic link is not followed"), std::string::npos)
      << opened.status().message();
}

TEST_F(KeystoreFiles, ACurrentThatIsNoFileOrIsMissingIsDamageNeverAWaitOrNoKeystore) {
  // Found by attack: a FIFO at CURRENT made every command wait for good, and a lost CURRENT
  // read as "no keystore" though its generation was there.
  ASSERT_TRUE(Run(kForget, schema::Role::COORDINATOR).ok());
  ledger_.reset();
  const std::string current = Keystore() + "/CURRENT";
  fs::remove(current);
  auto missing = Ledger::Open(Paths());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), Code::kLedgerError);
  EXPECT_NE(missing.status().message().find("CURRENT is missing while generations are there"),
            std::string::npos) << missing.status().message();
  ASSERT_EQ(::mkfifo(current.c_str(), 0600), 0);
  auto pipe = Ledger::Open(Paths());
  ASSERT_FALSE(pipe.ok());
  EXPECT_NE(pipe.status().message().find("CURRENT is not a file"), std::string::npos)
      << pipe.status().message();
}

// A keystore written before keystores were bound: 32-byte records and no ledger id. It opens,
// reads, and the next write binds it and tags every record.
TEST_F(KeystoreFiles, AKeystoreOfAnEarlierVersionIsBoundByTheNextWrite) {
  ledger_.reset();
  {
    auto env = LmdbEnv::Open(Keystore(), {"keys", "meta"}, false, false);
    ASSERT_TRUE(env.ok());
    auto txn = LmdbTxn::Begin(**env, true);
    std::vector<std::pair<std::string, std::string>> records;
    ASSERT_TRUE((*txn)->Scan((*env)->dbi("keys"), "", [&](std::string_view id, std::string_view v) {
                    records.emplace_back(id, v.substr(0, 32));
                    return true;
                  }).ok());
    for (const auto& [id, key] : records) ASSERT_TRUE((*txn)->Put((*env)->dbi("keys"), id, key).ok());
    for (const char* k : {"ledger_id", "pepper_check", "tagged"})
      ASSERT_TRUE((*txn)->Delete((*env)->dbi("meta"), k).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  Reopen();
  EXPECT_FALSE(ledger_->keystore().bound());
  auto key = ledger_->keystore().Key(subject_);
  ASSERT_TRUE(key.ok() && *key) << "an untagged record of an unbound keystore is read";
  ASSERT_TRUE(Run(kNote).ok());
  EXPECT_TRUE(ledger_->keystore().bound());
  Reopen();
  EXPECT_TRUE(ledger_->keystore().bound());
  EXPECT_TRUE(Checked().problems.empty());
  key = ledger_->keystore().Key(subject_);
  EXPECT_TRUE(key.ok() && *key);
}

// An unbound keystore that holds none of the ledger's youths' keys is another ledger's.
TEST_F(KeystoreFiles, AnUnboundKeystoreOfAnotherLedgerIsRefused) {
  const std::string other = dir_ + "/other";
  {
    auto l = Ledger::Create({other, other + "/keystore"}, {{"region", "Elders"}}, "test");
    ASSERT_TRUE(l.ok());
  }
  {
    auto env = LmdbEnv::Open(other + "/keystore", {"keys", "meta"}, false, false);
    ASSERT_TRUE(env.ok());
    auto txn = LmdbTxn::Begin(**env, true);
    for (const char* k : {"ledger_id", "pepper_check", "tagged"})
      ASSERT_TRUE((*txn)->Delete((*env)->dbi("meta"), k).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  ledger_.reset();
  auto mixed = Ledger::Open({dir_, other + "/keystore"});
  ASSERT_FALSE(mixed.ok());
  EXPECT_NE(mixed.status().message().find("another ledger's"), std::string::npos)
      << mixed.status().message();
}

TEST_F(KeystoreFiles, AnErasureMovesTheKeysIntoANewGenerationAndLeavesTheKeyInNoFile) {
  ASSERT_TRUE(Run(kForget, schema::Role::COORDINATOR).ok());
  KeystoreDir kdir(Keystore());
  auto current = kdir.Current();
  ASSERT_TRUE(current.ok());
  EXPECT_FALSE(current->empty()) << "CURRENT names the new generation";
  EXPECT_FALSE(fs::exists(Keystore() + "/data.mdb")) << "the first generation is gone";
  auto stale = kdir.Stale();
  ASSERT_TRUE(stale.ok());
  EXPECT_TRUE(stale->empty());
  ledger_.reset();
  EXPECT_EQ(FilesHolding(key_), std::vector<std::string>{});
  Reopen();
  auto other = ledger_->keystore().Key(ledger_->keystore().SubjectId("J-2"));
  EXPECT_TRUE(other.ok() && *other) << "the other youth's key moved with the generation";
  EXPECT_TRUE(Checked().problems.empty());
  // A second erasure replaces that generation in turn.
  ASSERT_TRUE(Run(R"({"id":"g","type":"forget_subject","reason":"r","data":{"subject":"J-2","grondslag":"avg-art17"}})",
                  schema::Role::COORDINATOR)
                  .ok());
  auto next = kdir.Current();
  ASSERT_TRUE(next.ok());
  EXPECT_NE(*next, *current);
  EXPECT_FALSE(fs::exists(kdir.Path(*current)));
}

// Killed after the erasure's commit: verify passes and counts it pending, and any next write
// deletes the key; until then the key still lies in the keystore file.
TEST_F(KeystoreFiles, AnInterruptedErasureIsCompletedByTheNextWrite) {
  InterruptedErasure();
  EXPECT_EQ(FilesHolding(key_).size(), 1u);
  Reopen();
  EXPECT_TRUE(ledger_->IsErased(subject_)) << "until then every read shows the youth erased";
  auto report = Checked();
  EXPECT_EQ(report.problems, std::vector<std::string>{});
  EXPECT_EQ(report.erasures_pending, 1u);
  ASSERT_TRUE(Run(kNote).ok());
  report = Checked();
  EXPECT_EQ(report.problems, std::vector<std::string>{});
  EXPECT_EQ(report.erasures_pending, 0u);
  ledger_.reset();
  EXPECT_EQ(FilesHolding(key_), std::vector<std::string>{});
}

// Killed after the compacted copy was written but before it became current: the copy (which
// might hold keys erased later) is removed by the erasure's completion.
TEST_F(KeystoreFiles, AGenerationLeftBehindIsRemoved) {
  InterruptedErasure();
  const std::string left = Keystore() + "/gen-AbC123";
  fs::create_directory(left);
  fs::copy_file(Keystore() + "/data.mdb", left + "/data.mdb");
  EXPECT_EQ(Checked().problems, std::vector<std::string>{}) << "expected while the erasure is pending";
  ASSERT_TRUE(Run(kNote).ok());
  EXPECT_FALSE(fs::exists(left));
  ledger_.reset();
  EXPECT_EQ(FilesHolding(key_), std::vector<std::string>{});
}

TEST_F(KeystoreFiles, AGenerationLeftBehindWithNoErasurePendingIsAProblem) {
  fs::create_directory(Keystore() + "/gen-AbC123");
  auto report = Checked();
  ASSERT_EQ(report.problems.size(), 1u);
  EXPECT_NE(report.problems[0].find("gen-AbC123"), std::string::npos) << report.problems[0];
}

}  // namespace
}  // namespace rmc
