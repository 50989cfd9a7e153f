// The LMDB layer on damaged files and crowded reader tables (lmdb_env.h): a data file that is
// empty, cut short or holds no ledger is refused at open, never initialised anew or read into a
// SIGBUS; a file rmc wrote always passes that check; reader slots of killed processes are freed.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <random>
#include <string>

#include "../e2e/rmc_process.h"
#include "temp_ledger.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;

class LmdbFiles : public TempLedger {
 protected:
  void SetUp() override {
    TempLedger::SetUp();
    ASSERT_TRUE(Run(R"({"id":"a","type":"signal","data":{"subject":{"ref":"J-1"},"channel":"jongere","received":"2026-11-01"}})").ok());
    ledger_.reset();  // closed: the tests change its files
  }
  LedgerPaths Paths() const { return {dir_, dir_ + "/keystore"}; }

  // Opening fails as damaged, naming `file` and `what`; the file is left as it was.
  void ExpectRefused(const std::string& file, const std::string& what) {
    const auto size = fs::file_size(file);
    auto l = Ledger::Open(Paths());
    ASSERT_FALSE(l.ok());
    EXPECT_TRUE(IsDamaged(l.status())) << l.status().message();
    EXPECT_EQ(l.status().code(), Code::kLedgerError);
    EXPECT_NE(l.status().message().find(file + " is damaged: " + what), std::string::npos)
        << l.status().message();
    EXPECT_NE(l.status().message().find("restore it from the last backup"), std::string::npos);
    EXPECT_EQ(fs::file_size(file), size) << "opening must not write to a damaged file";
  }
};

TEST_F(LmdbFiles, AnEmptyDataFileIsRefusedNotStartedAnew) {
  // LMDB treats a 0-byte data file as a new environment: it would verify as "0 events" and
  // take writes.
  const std::string data = dir_ + "/data.mdb";
  fs::resize_file(data, 0);
  ExpectRefused(data, "it is empty (0 bytes)");
}

TEST_F(LmdbFiles, ADataFileWithoutItsLastPageIsRefused) {
  // Reading the page cut off would be a SIGBUS (a write touched it).
  const std::string data = dir_ + "/data.mdb";
  fs::resize_file(data, fs::file_size(data) - 4096);
  ExpectRefused(data, "it is cut short");
}

TEST_F(LmdbFiles, ADataFileCutInsideItsHeaderIsRefused) {
  const std::string data = dir_ + "/data.mdb";
  fs::resize_file(data, 100);
  ExpectRefused(data, "it is not an LMDB data file");
}

TEST_F(LmdbFiles, AKeystoreCutShortIsRefused) {
  const std::string keys = dir_ + "/keystore/data.mdb";
  fs::resize_file(keys, fs::file_size(keys) - 1);
  ExpectRefused(keys, "it is cut short");
}

TEST_F(LmdbFiles, AnEnvironmentWithoutALedgerIdIsNoLedger) {
  // What an emptied data file becomes once an LMDB program has opened it for writing.
  const std::string data = dir_ + "/data.mdb";
  fs::remove(data);
  fs::remove(dir_ + "/lock.mdb");
  {
    auto env = LmdbEnv::Open(dir_, {"events", "case_events", "commands", "cases", "subjects",
                                    "meta", "access", "access_subjects"},
                             true, false);
    ASSERT_TRUE(env.ok()) << env.status().message();
  }
  ExpectRefused(data, "it holds no ledger (no ledger_id in meta)");
}

// LMDB does not write a page freed by the transaction that allocated it (ITS#7886): values that
// move between overflow runs within one transaction can leave the data file shorter than its
// header's last page, with nothing in use missing. Every file rmc writes must still pass the
// size check at open, or a healthy ledger would be refused as damaged.
TEST(LmdbChurn, EveryCommitLeavesTheFileOverItsLastPage) {
  const rmc::testing::TempDir tmp("rmc-churn");
  const std::string& dir = tmp.path();
  auto env = LmdbEnv::Open(dir, {"d"}, true, false);
  ASSERT_TRUE(env.ok()) << env.status().message();
  const MDB_dbi dbi = (*env)->dbi("d");
  std::mt19937 random(15);  // a sequence that leaves the file short at some commits
  const std::string bytes(40000, 'x');
  for (int t = 0; t < 100; ++t) {
    auto txn = LmdbTxn::Begin(**env, true);
    ASSERT_TRUE(txn.ok());
    for (int i = 0, ops = 1 + int(random() % 6); i < ops; ++i) {
      const std::string key = "k" + std::to_string(random() % 8);
      if (random() % 5 == 0) ASSERT_TRUE((*txn)->Delete(dbi, key).ok());
      else ASSERT_TRUE((*txn)->Put(dbi, key, std::string_view(bytes).substr(0, 100 + random() % 39000)).ok());
    }
    ASSERT_TRUE((*txn)->Commit().ok());
    MDB_envinfo info;
    MDB_stat stat;
    mdb_env_info((*env)->env(), &info);
    mdb_env_stat((*env)->env(), &stat);
    ASSERT_GE(fs::file_size(dir + "/data.mdb"), (info.me_last_pgno + 1) * stat.ms_psize)
        << "after commit " << t;
  }
  env->reset();
  EXPECT_TRUE(LmdbEnv::Open(dir, {"d"}, false, false).ok());
}

// A process killed inside a read transaction leaves its reader slot taken. While another process
// keeps the environment open (a long `rmc apply`), LMDB never resets the table, and after 126
// such kills every reader was refused with MDB_READERS_FULL.
class KilledReaders : public TempLedger {
 protected:
  // Starts `n` processes that open the ledger as LMDB itself (no reader check), begin a read
  // transaction and are killed in it; returns how many got a slot.
  int KillReaders(int n) {
    int got = 0;
    for (int i = 0; i < n; ++i) {
      const pid_t pid = fork();
      if (pid == 0) {
        MDB_env* env;
        MDB_txn* txn;
        mdb_env_create(&env);
        mdb_env_set_maxdbs(env, 16);
        if (mdb_env_open(env, dir_.c_str(), MDB_NOTLS | MDB_RDONLY, 0600) != 0) _exit(2);
        if (mdb_txn_begin(env, nullptr, MDB_RDONLY, &txn) != 0) _exit(1);
        raise(SIGKILL);
      }
      int status;
      waitpid(pid, &status, 0);
      got += WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    }
    return got;
  }
};

TEST_F(KilledReaders, DoNotLockOutTheProcessThatHoldsTheLedger) {
  // ledger_ stays open in this process all along, as an `rmc apply` reading a pipe would.
  EXPECT_GE(KillReaders(130), 120);  // the table is full: 126 slots, this process holds none now
  auto txn = ledger_->store().Read();  // frees the dead slots and tries again
  ASSERT_TRUE(txn.ok()) << txn.status().message();
  txn->reset();
  EXPECT_TRUE(Run(R"({"id":"n","type":"signal","data":{"subject":{"ref":"J-2"},"channel":"jongere","received":"2026-11-01"}})").ok());
}

TEST_F(KilledReaders, DoNotLockOutOtherCommands) {
  EXPECT_GE(KillReaders(130), 120);
  // Another process opens the ledger while this one holds it: its open frees the dead slots.
  auto r = rmc::e2e::RunRmc(dir_, "verify");
  EXPECT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(r.text.find("MDB_READERS_FULL"), std::string::npos) << r.text;
  EXPECT_GE(KillReaders(130), 120);
  r = rmc::e2e::RunRmc(dir_, "list");
  EXPECT_EQ(r.code, 0) << r.text;
}

}  // namespace
}  // namespace rmc
