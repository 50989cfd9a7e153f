// Erasure by crypto-shredding (docs/storage.md#keystore), proved on the raw files: after
// forget_subject neither the youth's personal values nor their key's bytes are in any file of
// the ledger or its keystore, the ledger still verifies and counts the case, views say erased,
// new personal data is refused, and a backup taken before cannot be opened with anything the
// live ledger kept. And the refused side: roles, unknown and already erased subjects.
#include <gtest/gtest.h>
#include <sodium.h>

#include <filesystem>
#include <string>
#include <vector>

#include "audit/verify.h"
#include "domain/stats.h"
#include "ledger/backup.h"
#include "privacy/keystore_dir.h"
#include "temp_ledger.h"
#include "views/case_view.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;
using R = schema::Role;

// Every personal value the youth's events carry in their sealed fields and reasons, including
// the free text of a consent and a disclosure, which consultants write about the youth by name.
const std::vector<std::string> kPersonal = {"J-778812",
                                            "Wubbo Quastenbroek",
                                            "Zeilmakersgracht 71",
                                            "0612398745",
                                            "wubbo@example.nl",
                                            "Vakcollege Noordkwartier",
                                            "spijbelt om voor oma te zorgen",
                                            "belde zelf op",
                                            "moeder is ernstig ziek",
                                            "mantelzorg van Wubbo verlichten",
                                            "hulp thuis voor Wubbo",
                                            "alleen de zorgsituatie thuis",
                                            "Wubbo vraagt er zelf om",
                                            "Wubbo wil nu al hulp",
                                            "hulp thuis voor Wubbo en oma"};

const char* kSignal =
    R"({"id":"s1","type":"signal","data":{"subject":{"ref":"J-778812","name":"Wubbo Quastenbroek",)"
    R"("birth_date":"2007-03-14","address":"Zeilmakersgracht 71","phone":"0612398745",)"
    R"("email":"wubbo@example.nl","school":"Vakcollege Noordkwartier"},"channel":"jongere",)"
    R"("received":"2026-11-01","suspected_reason":"spijbelt om voor oma te zorgen"}})";
const char* kOtherSignal =
    R"({"id":"s2","type":"signal","data":{"subject":{"ref":"J-2","name":"Anna"},"channel":"jongere","received":"2026-11-02"}})";
const char* kForget =
    R"({"id":"f","type":"forget_subject","reason":"verzoek van de jongere, art. 17","data":{"subject":"J-778812","grondslag":"avg-art17"}})";

std::string Bytes(const SubjectKey& key) {
  return {reinterpret_cast<const char*>(key.data()), key.size()};
}

class Erasure : public TempLedger {
 protected:
  void SetUp() override {
    TempLedger::SetUp();
    backup_ = dir_ + "-backup";
    fs::remove_all(backup_);
    ASSERT_TRUE(Run(kSignal).ok());
    ASSERT_TRUE(
        Run(R"({"id":"t","type":"triage","case":"RMC-000001","reason":"belde zelf op","data":{"target_group":"vsv-nieuw","action_required":true,"rationale":"r"}})")
            .ok());
    ASSERT_TRUE(
        Run(R"({"id":"n","type":"note","case":"RMC-000001","data":{"text":"moeder is ernstig ziek"}})")
            .ok());
    auto consent = Run(
        R"({"id":"c","type":"consent","case":"RMC-000001","reason":"Wubbo wil nu al hulp",)"
        R"("data":{"given":true,"partners":["wijkteam"],)"
        R"("categories":["gezin"],"purpose":"mantelzorg van Wubbo verlichten"}})");
    ASSERT_TRUE(consent.ok()) << consent.error.message();
    auto share = Run(
        R"({"id":"sh","type":"share","case":"RMC-000001","data":{"partner":"wijkteam","categories":["gezin"],)"
        R"("grondslag":"toestemming","doel":"hulp thuis voor Wubbo","proportionaliteit":)"
        R"("alleen de zorgsituatie thuis","subsidiariteit":"Wubbo vraagt er zelf om"}})");
    ASSERT_TRUE(share.ok()) << share.error.message();
    share_position_ = share.position;
    auto corrected = Run(R"({"id":"k","type":"correct","case":"RMC-000001","reason":"typfout",)"
                         R"("data":{"event":")" + std::to_string(share.position) +
                         R"(","data":{"doel":"hulp thuis voor Wubbo en oma"}}})");
    ASSERT_TRUE(corrected.ok()) << corrected.error.message();
    ASSERT_TRUE(Run(kOtherSignal).ok());
    subject_ = ledger_->keystore().SubjectId("J-778812");
    auto key = ledger_->keystore().Key(subject_);
    ASSERT_TRUE(key.ok() && *key);
    key_ = Bytes(**key);
  }
  void TearDown() override {
    ledger_.reset();
    fs::remove_all(backup_);
    TempLedger::TearDown();
  }

  uint64_t LastPosition() {
    auto txn = ledger_->store().Read();
    return txn.ok() ? (*txn)->LastPosition() : 0;
  }

  // Every regular file under `dir` that holds `needle`.
  static std::vector<std::string> FilesHolding(const std::string& dir, const std::string& needle) {
    std::vector<std::string> holding;
    for (const auto& f : fs::recursive_directory_iterator(dir))
      if (f.is_regular_file() && Slurp(f.path()).find(needle) != std::string::npos)
        holding.push_back(f.path());
    return holding;
  }

  std::string backup_, subject_, key_;
  uint64_t share_position_ = 0;
};

TEST_F(Erasure, NoPersonalValueAndNoKeyByteRemainInAnyFile) {
  ledger_.reset();  // the files as they are before: the values are sealed, the key is there
  EXPECT_EQ(FilesHolding(dir_, "Wubbo"), std::vector<std::string>{});
  EXPECT_EQ(FilesHolding(dir_, key_).size(), 1u) << "the key is in the keystore, once";
  auto reopened = Ledger::Open({dir_, dir_ + "/keystore"});
  ASSERT_TRUE(reopened.ok());
  ledger_ = std::move(*reopened);

  auto out = Run(kForget, R::COORDINATOR);
  ASSERT_TRUE(out.ok()) << out.error.message();
  EXPECT_EQ(out.events, std::vector<std::string>{"SubjectErased"});
  ledger_.reset();
  int files = 0;
  for (const auto& f : fs::recursive_directory_iterator(dir_)) files += f.is_regular_file();
  EXPECT_GE(files, 4) << "data and lock files of the ledger and the keystore";
  for (const auto& value : kPersonal)
    EXPECT_EQ(FilesHolding(dir_, value), std::vector<std::string>{}) << value;
  EXPECT_EQ(FilesHolding(dir_, key_), std::vector<std::string>{}) << "the key's 32 bytes";
  auto stale = KeystoreDir(dir_ + "/keystore").Stale();
  ASSERT_TRUE(stale.ok());
  EXPECT_EQ(*stale, std::vector<std::string>{}) << "no generation is left behind";
}

TEST_F(Erasure, TheLedgerStillVerifiesCountsAndShowsTheCaseAsErased) {
  ASSERT_TRUE(Run(kForget, R::COORDINATOR).ok());
  auto report = Verify(ledger_->store());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->problems, std::vector<std::string>{});
  EXPECT_EQ(report->cases, 2u);

  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  StatsCounter counter(*ParseDate("2026-11-20"), ledger_->settings());
  ASSERT_TRUE((*txn)
                  ->ScanCases([&](std::string_view, std::string_view bytes) {
                    return counter.Add(bytes).ok();
                  })
                  .ok());
  EXPECT_EQ(counter.stats().cases, 2u) << "the erased youth's case still counts";
  EXPECT_EQ(counter.stats().target_group[0] + counter.stats().target_group[1] +
                counter.stats().target_group[2] + counter.stats().target_group[3] +
                counter.stats().target_group[4] + counter.stats().target_group[5],
            1u)
      << "and its triage";

  auto state = ledger_->LoadCase(**txn, "RMC-000001");
  ASSERT_TRUE(state.ok());
  auto view = CaseView(*ledger_, **txn, *state, {nullptr, *ParseDate("2026-11-20")});
  ASSERT_TRUE(view.ok()) << view.status().message();
  EXPECT_EQ((*view)["erased"], true);
  const std::string shown = view->dump();
  for (const auto& value : kPersonal) EXPECT_EQ(shown.find(value), std::string::npos) << value;
  EXPECT_NE(shown.find("vsv-nieuw"), std::string::npos) << "non-personal facts stay readable";

  auto other = ledger_->LoadCase(**txn, "RMC-000002");
  ASSERT_TRUE(other.ok());
  auto other_view = CaseView(*ledger_, **txn, *other, {nullptr, *ParseDate("2026-11-20")});
  ASSERT_TRUE(other_view.ok());
  EXPECT_EQ((*other_view)["erased"], false);
  EXPECT_NE(other_view->dump().find("Anna"), std::string::npos);
}

TEST_F(Erasure, PersonalDataIsRefusedAfterwardsButPlainFactsAreNot) {
  ASSERT_TRUE(Run(kForget, R::COORDINATOR).ok());
  const uint64_t before = LastPosition();
  auto note = Run(R"({"id":"n2","type":"note","case":"RMC-000001","data":{"text":"weer gebeld"}})");
  EXPECT_EQ(note.error.code(), Code::kSubjectErased);
  EXPECT_EQ(ExitCode(note.error.code()), 8);
  auto reasoned = Run(
      R"({"id":"c1","type":"contact","case":"RMC-000001","reason":"Wubbo vroeg erom","data":{"channel":"telefoon","outcome":"bereikt"}})");
  EXPECT_EQ(reasoned.error.code(), Code::kSubjectErased) << "a reason is free text about the youth";
  auto consent = Run(
      R"({"id":"c3","type":"consent","case":"RMC-000001","data":{"given":true,"partners":["school"],)"
      R"("categories":["onderwijs"],"purpose":"terug naar school"}})");
  EXPECT_EQ(consent.error.code(), Code::kSubjectErased) << "a consent's purpose is sealed";
  auto correction = Run(R"({"id":"k2","type":"correct","case":"RMC-000001","reason":"r","data":{"event":")" +
                        std::to_string(share_position_) + R"(","data":{"doel":"x"}}})");
  EXPECT_EQ(correction.error.code(), Code::kSubjectErased);
  EXPECT_NE(correction.error.message().find("personal data (corrected.doel)"), std::string::npos)
      << correction.error.message();
  auto signal = Run(
      R"({"id":"s3","type":"signal","data":{"subject":{"ref":"J-778812"},"channel":"jongere","received":"2026-11-20"}})");
  EXPECT_EQ(signal.error.code(), Code::kSubjectErased);
  EXPECT_EQ(LastPosition(), before) << "a refused command writes nothing";

  auto contact = Run(
      R"({"id":"c2","type":"contact","case":"RMC-000001","data":{"channel":"telefoon","outcome":"bereikt"}})");
  EXPECT_TRUE(contact.ok()) << contact.error.message();
  EXPECT_EQ(contact.events, std::vector<std::string>{"ContactAttempted"});
  auto withdrawn = Run(
      R"({"id":"w","type":"consent_withdrawn","case":"RMC-000001","data":{"partners":["wijkteam"]}})");
  EXPECT_TRUE(withdrawn.ok()) << "a withdrawal holds no free text: " << withdrawn.error.message();
}

// The backup keeps the key (it was taken before); nothing the live ledger kept opens it.
TEST_F(Erasure, ABackupFromBeforeCannotBeOpenedWithWhatTheLiveLedgerKept) {
  ASSERT_TRUE(Backup(*ledger_, backup_, R::COORDINATOR).ok());
  ASSERT_TRUE(Run(kForget, R::COORDINATOR).ok());
  ledger_.reset();

  // Everything secret the live keystore holds: every key, the pepper, and what the pepper derives.
  std::vector<SubjectKey> candidates;
  auto as_key = [](std::string_view bytes) {
    SubjectKey k{};
    std::copy_n(bytes.begin(), std::min(bytes.size(), k.size()), k.begin());
    return k;
  };
  std::string other_subject;
  {
    KeystoreDir live(dir_ + "/keystore");  // the erasure moved it into a new generation
    auto generation = live.Current();
    ASSERT_TRUE(generation.ok());
    auto keystore = LmdbEnv::Open(live.Path(*generation), {"keys", "meta"}, false, true);
    ASSERT_TRUE(keystore.ok()) << keystore.status().message();
    auto txn = LmdbTxn::Begin(**keystore, false);
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)
                    ->Scan((*keystore)->dbi("keys"), "",
                           [&](std::string_view id, std::string_view key) {
                             EXPECT_NE(std::string(id), subject_);
                             other_subject = id;
                             candidates.push_back(as_key(key));
                             return true;
                           })
                    .ok());
    auto pepper = (*txn)->Get((*keystore)->dbi("meta"), "pepper");
    ASSERT_TRUE(pepper.ok() && *pepper);
    candidates.push_back(as_key(**pepper));
    SubjectKey derived;
    for (const std::string ref : {"J-778812", "J-2"}) {
      crypto_generichash(derived.data(), derived.size(),
                         reinterpret_cast<const uint8_t*>(ref.data()), ref.size(),
                         reinterpret_cast<const uint8_t*>((*pepper)->data()), (*pepper)->size());
      candidates.push_back(derived);
    }
    candidates.push_back(as_key(subject_));
  }
  ASSERT_EQ(candidates.size(), 5u) << "one live key (J-2), the pepper and three derivations";

  auto copy = Ledger::Open({backup_, backup_ + "/keystore"});
  ASSERT_TRUE(copy.ok()) << copy.status().message();
  auto backup_key = (*copy)->keystore().Key(subject_);
  ASSERT_TRUE(backup_key.ok() && *backup_key) << "the backup was taken before the erasure";
  auto txn = (*copy)->store().Read();
  ASSERT_TRUE(txn.ok());
  int sealed = 0, controls = 0;
  ASSERT_TRUE((*txn)
                  ->ScanEvents(1,
                               [&](uint64_t position, EventView& view) {
                                 auto e = view.event();
                                 if (!e.hasSealed() && !e.hasSealedReason()) return true;
                                 const std::string subject(
                                     reinterpret_cast<const char*>(e.getSubject().begin()),
                                     e.getSubject().size());
                                 if (subject !=
                                     subject_) {  // control: the method can open what it should
                                   EXPECT_TRUE(OpenSealed(candidates[0], e).ok()) << position;
                                   ++controls;
                                   return true;
                                 }
                                 ++sealed;
                                 EXPECT_TRUE(OpenSealed(**backup_key, e).ok()) << position;
                                 for (const auto& key : candidates)
                                   EXPECT_FALSE(OpenSealed(key, e).ok()) << "position " << position;
                                 return true;
                               })
                  .ok());
  EXPECT_GE(sealed, 6) << "the signal, the triage's reasons, the note, the consent, the share "
                          "and its correction";
  EXPECT_EQ(controls, 1);
}

TEST_F(Erasure, OnlyTheCoordinatorErasesAndARefusalChangesNothing) {
  const uint64_t before = LastPosition();
  for (R role : {R::CONSULENT, R::AUDITOR, R::EVALUATOR, R::SYSTEM}) {
    auto out = Run(kForget, role);
    EXPECT_EQ(out.error.code(), Code::kPermissionDenied) << RoleName(role);
    EXPECT_EQ(ExitCode(out.error.code()), 7);
  }
  EXPECT_EQ(LastPosition(), before);
  auto key = ledger_->keystore().Key(subject_);
  ASSERT_TRUE(key.ok() && *key);
  EXPECT_EQ(Bytes(**key), key_);
}

TEST_F(Erasure, OnRetentionGroundsOnlyTheCoordinatorErasesAndOnlyWhenRetentionPassed) {
  const std::string on_retention =
      R"({"id":"r","type":"forget_subject","reason":"retention passed","data":{"subject":"J-778812","grondslag":"bewaartermijn"}})";
  // The case is open: the retention rule holds the erasure back, whatever the caller says.
  auto early = Run(on_retention, R::COORDINATOR);
  EXPECT_EQ(early.error.code(), Code::kRuleViolation) << early.error.message();
  EXPECT_EQ(early.error.rule, "retention");
  EXPECT_NE(early.error.message().find("docs/routekaart.md#retention"), std::string::npos)
      << "the refusal points to the rule in the repository's own docs: " << early.error.message();
  EXPECT_EQ(Run(on_retention, R::SYSTEM).error.code(), Code::kPermissionDenied)
      << "docs/roles.md: erasure is the coordinator's";
  auto key = ledger_->keystore().Key(subject_);
  ASSERT_TRUE(key.ok());
  EXPECT_TRUE(*key) << "nothing was erased";
}

TEST_F(Erasure, UnknownAndAlreadyErasedSubjects) {
  auto unknown = Run(
      R"({"id":"u","type":"forget_subject","reason":"r","data":{"subject":"J-404","grondslag":"avg-art17"}})",
      R::COORDINATOR);
  EXPECT_EQ(unknown.error.code(), Code::kUnknownCase);
  EXPECT_EQ(ExitCode(unknown.error.code()), 5);
  EXPECT_NE(unknown.error.message().find("no subject J-404"), std::string::npos)
      << unknown.error.message();
  ASSERT_TRUE(Run(kForget, R::COORDINATOR).ok());
  auto again = Run(
      R"({"id":"f2","type":"forget_subject","reason":"r","data":{"subject":"J-778812","grondslag":"avg-art17"}})",
      R::COORDINATOR);
  EXPECT_EQ(again.error.code(), Code::kSubjectErased);
  auto missing_reason = ParseCommand(
      R"({"id":"f3","type":"forget_subject","data":{"subject":"J-2","grondslag":"avg-art17"}})",
      {"test", R::COORDINATOR});
  EXPECT_EQ(missing_reason.status().code(), Code::kInvalidInput) << "a reason is required";
}

// A second erasure in the batch that erased the youth is refused as it is in any later batch,
// though the key is deleted only after the commit (it once answered ok, with no event).
TEST_F(Erasure, ASecondErasureInTheSameBatchIsRefused) {
  std::vector<Command> batch;
  batch.push_back(Parsed(kForget, R::COORDINATOR));
  batch.push_back(Parsed(
      R"({"id":"f2","type":"forget_subject","reason":"r","data":{"subject":"J-778812","grondslag":"avg-art17"}})",
      R::COORDINATOR));
  auto outcomes = ledger_->Execute(batch, false);
  ASSERT_TRUE(outcomes[0].ok()) << outcomes[0].error.message();
  EXPECT_EQ(outcomes[1].error.code(), Code::kSubjectErased) << outcomes[1].error.message();
}

TEST_F(Erasure, ABackupVerifiesAndHoldsTheSameEvents) {
  ASSERT_TRUE(Backup(*ledger_, backup_, R::SYSTEM).ok());
  EXPECT_EQ(Backup(*ledger_, backup_, R::COORDINATOR).code(), Code::kUsage) << "not empty";
  EXPECT_EQ(Backup(*ledger_, backup_ + "-no", R::CONSULENT).code(), Code::kPermissionDenied);
  EXPECT_EQ(Backup(*ledger_, backup_ + "-no", R::AUDITOR).code(), Code::kPermissionDenied);
  EXPECT_FALSE(fs::exists(backup_ + "-no"));
  for (const auto& f : fs::recursive_directory_iterator(backup_)) {
    auto mode = fs::status(f.path()).permissions() & fs::perms::all;
    EXPECT_EQ(mode, f.is_directory() ? fs::perms::owner_all
                                     : fs::perms::owner_read | fs::perms::owner_write)
        << f.path();
  }
  EXPECT_EQ(fs::status(backup_).permissions() & fs::perms::all, fs::perms::owner_all);

  auto copy = Ledger::Open({backup_, backup_ + "/keystore"});
  ASSERT_TRUE(copy.ok()) << copy.status().message();
  auto report = Verify((*copy)->store());
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->problems, std::vector<std::string>{});
  auto events = [](Ledger& l) {
    std::vector<std::string> all;
    auto txn = l.store().Read();
    EXPECT_TRUE(txn.ok());
    EXPECT_TRUE((*txn)
                    ->ScanEvents(1,
                                 [&](uint64_t, EventView& v) {
                                   all.emplace_back(v.bytes());
                                   return true;
                                 })
                    .ok());
    return all;
  };
  EXPECT_EQ(events(**copy), events(*ledger_));
  EXPECT_EQ(report->events, events(*ledger_).size());
  // The copy's keystore opens what the ledger sealed: the same pepper, the same keys.
  auto txn = (*copy)->store().Read();
  ASSERT_TRUE(txn.ok());
  auto state = (*copy)->LoadCase(**txn, "RMC-000001");
  ASSERT_TRUE(state.ok());
  auto subject = (*copy)->SubjectOfSignals(**txn, *state);
  ASSERT_TRUE(subject.ok());
  EXPECT_EQ(subject->ref, "J-778812");
  EXPECT_EQ(FormatDate(*subject->birth_date), "2007-03-14");
  EXPECT_EQ((*copy)->keystore().SubjectId("J-778812"), subject_);
}

TEST_F(Erasure, ABackupIntoAFileOrANonEmptyDirectoryIsRefused) {
  fs::create_directories(backup_);
  std::ofstream(backup_ + "/something") << "x";
  EXPECT_EQ(Backup(*ledger_, backup_, R::COORDINATOR).code(), Code::kUsage);
  EXPECT_EQ(Backup(*ledger_, backup_ + "/something", R::COORDINATOR).code(), Code::kUsage);
  fs::remove(backup_ + "/something");
  EXPECT_TRUE(Backup(*ledger_, backup_, R::COORDINATOR).ok()) << "an empty directory is fine";
}

}  // namespace
}  // namespace rmc
