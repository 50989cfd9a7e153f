// `rmc verify` and `rmc rebuild` on damaged derived data: each kind of damage is reported by
// verify (and by rebuild --check where it concerns projections), and a rebuild repairs every
// projection to exactly what the write path had stored.
#include <gtest/gtest.h>

#include <map>

#include "audit/access_log.h"
#include "audit/verify.h"
#include "temp_ledger.h"

namespace rmc {
namespace {

class Integrity : public TempLedger {
 protected:
  void SetUp() override {
    TempLedger::SetUp();
    // J-300: a case closed without contact, then a second case; J-301: one case, erased.
    for (const char* line : {
             R"({"id":"c1","type":"signal","occurred_at":"2026-09-01","data":{"subject":{"ref":"J-300","birth_date":"2005-01-10"},"channel":"duo-lijst","received":"2026-09-01"}})",
             R"({"id":"c2","type":"review","case":"RMC-000001","occurred_at":"2026-09-02","data":{"checked_with_youth":false,"checked_with_partners":[]}})",
             R"({"id":"c3","type":"triage","case":"RMC-000001","occurred_at":"2026-09-03","data":{"target_group":"vsv-oud","action_required":true,"rationale":"al twee jaar thuis"}})",
             R"({"id":"c4","type":"contact","case":"RMC-000001","occurred_at":"2026-09-04","data":{"channel":"brief","outcome":"geen-reactie"}})",
             R"({"id":"c5","type":"contact","case":"RMC-000001","occurred_at":"2026-09-20","data":{"channel":"huisbezoek-aangekondigd","outcome":"niet-thuis"}})",
             R"({"id":"c6","type":"contact","case":"RMC-000001","occurred_at":"2026-10-01","data":{"channel":"huisbezoek-onaangekondigd","outcome":"niet-thuis"}})",
             R"({"id":"c7","type":"close","case":"RMC-000001","occurred_at":"2026-10-20","data":{"reason":"geen-contact"}})",
             R"({"id":"d1","type":"signal","occurred_at":"2026-11-01","data":{"subject":{"ref":"J-301","name":"Wiebe"},"channel":"jongere","received":"2026-11-01"}})",
             R"({"id":"e1","type":"signal","data":{"subject":{"ref":"J-300"},"channel":"jongere","received":"2026-11-19"}})",
         }) {
      ASSERT_TRUE(Run(line, schema::Role::CONSULENT).ok()) << line;
    }
    auto forget = Run(R"({"id":"f1","type":"forget_subject","reason":"verzoek art. 17","data":{"subject":"J-301","grondslag":"avg-art17"}})",
                      schema::Role::COORDINATOR);
    ASSERT_TRUE(forget.ok()) << forget.error.message();
    ASSERT_TRUE(Problems().empty());
  }

  std::vector<std::string> Problems() {
    auto report = Verify(ledger_->store());
    EXPECT_TRUE(report.ok());
    return report.ok() ? report->problems : std::vector<std::string>{"verify failed"};
  }
  std::vector<std::string> CheckOnly() {
    auto report = Rebuild(ledger_->store(), true);
    EXPECT_TRUE(report.ok());
    return report.ok() ? report->problems : std::vector<std::string>{"check failed"};
  }

  // Runs `damage` on the raw databases of the ledger in one write transaction.
  void Damage(const std::function<void(LmdbTxn&, const LmdbEnv&)>& damage) {
    auto s = ledger_->store().Write([&](StoreTxn& txn) {
      damage(txn.raw(), ledger_->store().env());
      return Status::Ok();
    });
    ASSERT_TRUE(s.ok()) << s.message();
  }

  // Every entry of the named database.
  std::map<std::string, std::string> Dump(const char* db) {
    std::map<std::string, std::string> out;
    auto txn = ledger_->store().Read();
    EXPECT_TRUE(txn.ok());
    auto s = (*txn)->raw().Scan(ledger_->store().env().dbi(db), "", [&](std::string_view k, std::string_view v) {
      out.emplace(k, v);
      return true;
    });
    EXPECT_TRUE(s.ok());
    return out;
  }

  // `rmc rebuild`: the store alone, opened for one large rewrite; then the ledger again.
  void RebuildAndReopen() {
    ledger_.reset();
    {
      auto store = OpenStoreForRebuild(Paths());
      ASSERT_TRUE(store.ok()) << store.status().message();
      auto report = Rebuild(**store, false);
      ASSERT_TRUE(report.ok()) << report.status().message();
      EXPECT_EQ(report->cases, 3u);
    }
    auto l = Ledger::Open(Paths());
    ASSERT_TRUE(l.ok());
    ledger_ = std::move(*l);
  }

  static bool Mentions(const std::vector<std::string>& problems, const std::string& what) {
    for (const auto& p : problems)
      if (p.find(what) != std::string::npos) return true;
    return false;
  }
};

TEST_F(Integrity, RebuildReproducesWhatTheWritePathStored) {
  auto cases = Dump("cases"), subjects = Dump("subjects");
  ASSERT_EQ(cases.size(), 3u);
  ASSERT_EQ(subjects.size(), 2u);
  RebuildAndReopen();
  EXPECT_EQ(Dump("cases"), cases);
  EXPECT_EQ(Dump("subjects"), subjects);  // J-300's two cases oldest first, J-301 erased
  EXPECT_TRUE(Problems().empty());
  // The rebuilt ledger takes new commands, each in the batch as before.
  EXPECT_TRUE(Run(R"({"id":"e2","type":"review","case":"RMC-000003","data":{"checked_with_youth":true,"checked_with_partners":[]}})",
                  schema::Role::CONSULENT).ok());
  EXPECT_TRUE(Problems().empty());
}

TEST_F(Integrity, AProjectionThatDoesNotMatchItsEventsIsFoundAndRepaired) {
  auto cases = Dump("cases");
  Damage([&](LmdbTxn& t, const LmdbEnv& env) {
    ASSERT_TRUE(t.Put(env.dbi("cases"), "RMC-000001", cases["RMC-000003"]).ok());
  });
  EXPECT_TRUE(Mentions(Problems(), "cases: the projection of RMC-000001 does not match its events"));
  EXPECT_TRUE(Mentions(CheckOnly(), "cases: the projection of RMC-000001"));
  RebuildAndReopen();
  EXPECT_TRUE(Problems().empty());
  EXPECT_EQ(Dump("cases"), cases);
}

TEST_F(Integrity, AMissingOrExtraProjectionIsFound) {
  auto cases = Dump("cases");
  Damage([](LmdbTxn& t, const LmdbEnv& env) { ASSERT_TRUE(t.Delete(env.dbi("cases"), "RMC-000002").ok()); });
  EXPECT_TRUE(Mentions(Problems(), "RMC-000002 has events but no projection"));
  Damage([&](LmdbTxn& t, const LmdbEnv& env) {
    ASSERT_TRUE(t.Put(env.dbi("cases"), "RMC-000002", cases["RMC-000002"]).ok());
    ASSERT_TRUE(t.Put(env.dbi("cases"), "RMC-000099", cases["RMC-000002"]).ok());
  });
  EXPECT_TRUE(Mentions(Problems(), "cases: 4 projections for 3 cases"));
  RebuildAndReopen();
  EXPECT_EQ(Dump("cases"), cases);
}

TEST_F(Integrity, ADamagedSubjectsIndexIsFoundAndRepaired) {
  auto subjects = Dump("subjects");
  std::string j300, j301;
  for (const auto& [id, v] : subjects) (v[0] == 'E' ? j301 : j300) = id;
  // The two cases in the wrong order; the erasure mark lost.
  Damage([&](LmdbTxn& t, const LmdbEnv& env) {
    ASSERT_TRUE(t.Put(env.dbi("subjects"), j300, "-RMC-000003,RMC-000001").ok());
    ASSERT_TRUE(t.Put(env.dbi("subjects"), j301, "-RMC-000002").ok());
  });
  auto problems = Problems();
  EXPECT_TRUE(Mentions(problems, "does not list its cases oldest first"));
  EXPECT_TRUE(Mentions(problems, "the subject of RMC-000002 does not match its events"));
  // A case listed that the subject never had; a subject marked erased without an erasure.
  Damage([&](LmdbTxn& t, const LmdbEnv& env) {
    ASSERT_TRUE(t.Put(env.dbi("subjects"), j300, "E" + subjects[j300].substr(1) + ",RMC-000002").ok());
    ASSERT_TRUE(t.Put(env.dbi("subjects"), j301, subjects[j301]).ok());
  });
  problems = Problems();
  EXPECT_TRUE(Mentions(problems, "subjects: the entries list 4 cases, the log opened 3"));
  EXPECT_TRUE(Mentions(problems, "marked erased without an erasure"));
  EXPECT_FALSE(CheckOnly().empty());
  RebuildAndReopen();
  EXPECT_EQ(Dump("subjects"), subjects);
  EXPECT_TRUE(Problems().empty());
}

TEST_F(Integrity, ADamagedCaseIndexOrCommandIndexIsFound) {
  auto index = Dump("case_events");
  std::string second_of_case_1;
  for (const auto& [k, v] : index)
    if (k.starts_with("RMC-000001") && uint8_t(k.back()) == 2) second_of_case_1 = k;
  ASSERT_FALSE(second_of_case_1.empty());
  Damage([&](LmdbTxn& t, const LmdbEnv& env) { ASSERT_TRUE(t.Delete(env.dbi("case_events"), second_of_case_1).ok()); });
  auto problems = Problems();
  EXPECT_TRUE(Mentions(problems, "case_events: RMC-000001 version 2: points at position"));
  EXPECT_TRUE(Mentions(problems, "case_events: indexes"));
  Damage([&](LmdbTxn& t, const LmdbEnv& env) {
    ASSERT_TRUE(t.Put(env.dbi("case_events"), second_of_case_1, index[second_of_case_1]).ok());
    ASSERT_TRUE(t.Delete(env.dbi("commands"), "c4").ok());
  });
  problems = Problems();
  EXPECT_TRUE(Mentions(problems, "commands: the record of command c4 does not match the log"));
  EXPECT_TRUE(Mentions(problems, "records for"));
  // The command index and the case index are not projections: rebuild --check does not judge them.
  EXPECT_TRUE(CheckOnly().empty());
}


TEST_F(Integrity, AChangedRemovedOrUnindexedAccessRecordIsFound) {
  const std::string youth = ledger_->keystore().SubjectId("J-300");
  Reader reader{"test", schema::Role::CONSULENT, "", "list"};
  ASSERT_TRUE(RecordAccess(ledger_->store(), reader, {{"RMC-000001", youth}, {"RMC-000003", youth}, {"x", ""}}).ok());
  ASSERT_TRUE(Problems().empty());
  auto access = Dump("access");
  ASSERT_EQ(access.size(), 3u);
  const std::string second = U64Key(2);

  // A record rewritten in place (here: one byte of it) breaks the chain at the next record.
  Damage([&](LmdbTxn& txn, const LmdbEnv& env) {
    std::string bytes = access[second];
    bytes[bytes.size() - 1] ^= 1;
    ASSERT_TRUE(txn.Put(env.dbi("access"), second, bytes).ok());
  });
  EXPECT_TRUE(Mentions(Problems(), "access record 3: hash chain broken")) << ::testing::PrintToString(Problems());

  // A record removed leaves a gap.
  Damage([&](LmdbTxn& txn, const LmdbEnv& env) { ASSERT_TRUE(txn.Delete(env.dbi("access"), second).ok()); });
  EXPECT_TRUE(Mentions(Problems(), "access record 3: gap in positions")) << ::testing::PrintToString(Problems());

  // Back as it was, but missing from the index by youth.
  Damage([&](LmdbTxn& txn, const LmdbEnv& env) {
    ASSERT_TRUE(txn.Put(env.dbi("access"), second, access[second]).ok());
    ASSERT_TRUE(txn.Delete(env.dbi("access_subjects"), youth + second).ok());
  });
  auto problems = Problems();
  EXPECT_TRUE(Mentions(problems, "access record 2: missing from the access index")) << ::testing::PrintToString(problems);
  EXPECT_FALSE(Mentions(problems, "hash chain")) << ::testing::PrintToString(problems);
}

}  // namespace
}  // namespace rmc
