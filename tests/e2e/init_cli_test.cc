// `rmc init` is atomic: a ledger (and its keystore) appears whole or not at all. Of several
// inits on one path exactly one wins and the others are refused with usage; an init killed at
// any moment leaves nothing that blocks the next or that a command would take for a ledger.
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <thread>

#include "../test_dir.h"
#include "rmc_process.h"

namespace {

namespace fs = std::filesystem;
using rmc::e2e::RmcProcess;
using rmc::e2e::RmcRun;

class InitCli : public ::testing::Test {
 protected:
  // `rmc init` of `ledger` (and `keystore`, when given) as a process of its own.
  static RmcProcess Init(const std::string& ledger, const std::string& keystore = "") {
    RmcProcess p;
    p.args = {"--ledger", ledger, "init"};
    if (!keystore.empty()) p.args.insert(p.args.begin(), {"--keystore", keystore});
    p.env = {"RMC_NOW=2026-11-20T09:00:00Z", "RMC_ACTOR=test"};
    return p;
  }
  static RmcRun Rmc(const std::string& ledger, const std::string& keystore,
                    std::vector<std::string> args) {
    RmcProcess p = Init(ledger, keystore);
    p.args.pop_back();
    p.args.insert(p.args.end(), args.begin(), args.end());
    return rmc::e2e::Run(p);
  }
  // The ledger verifies and holds exactly one LedgerCreated.
  static void ExpectOneWholeLedger(const std::string& ledger, const std::string& keystore = "") {
    auto verify = Rmc(ledger, keystore, {"verify"});
    EXPECT_EQ(verify.code, 0) << ledger << ": " << verify.text;
    auto events = Rmc(ledger, keystore, {"events"});
    ASSERT_EQ(events.code, 0) << events.text;
    int created = 0;
    size_t start = 0;
    for (size_t nl; (nl = events.text.find('\n', start)) != std::string::npos; start = nl + 1)
      created +=
          nlohmann::json::parse(events.text.substr(start, nl - start))["type"] == "LedgerCreated";
    EXPECT_EQ(created, 1) << ledger;
    auto signal = Rmc(ledger, keystore,
                      {"signal", "--subject-ref", "J-1", "--subject-name", "Yfke", "--channel",
                       "jongere", "--received", "2026-11-01"});
    EXPECT_EQ(signal.code, 0) << "the keystore works: " << signal.text;
  }
  static bool Has(const RmcRun& r, const std::string& what) {
    return r.text.find(what) != std::string::npos;
  }

  const rmc::testing::TempDir tmp_{"rmc-init"};
  const std::string dir_ = tmp_.path();
};

TEST_F(InitCli, OfTwoConcurrentInitsExactlyOneWins) {
  for (int round = 0; round < 20; ++round) {
    const std::string ledger = dir_ + "/ledger-" + std::to_string(round);
    // Every other round the keystore lies elsewhere; every third the ledger directory exists.
    const std::string keystore = round % 2 ? dir_ + "/keys-" + std::to_string(round) : "";
    if (round % 3 == 0) fs::create_directory(ledger);
    // Both wait for the file `go`, then start at the same moment.
    const std::string go = dir_ + "/go-" + std::to_string(round);
    RmcProcess init = Init(ledger, keystore);
    init.wrapper = {"/bin/sh", "-c", "while [ ! -e " + go + " ]; do :; done; exec \"$0\" \"$@\""};
    int out_a, out_b;
    pid_t a = rmc::e2e::Spawn(init, out_a);
    pid_t b = rmc::e2e::Spawn(init, out_b);
    std::ofstream{go};
    RmcRun ra = rmc::e2e::Finish(a, out_a), rb = rmc::e2e::Finish(b, out_b);
    EXPECT_EQ((ra.code == 0) + (rb.code == 0), 1) << "round " << round << ":\n"
                                                  << ra.text << rb.text;
    const RmcRun& loser = ra.code == 0 ? rb : ra;
    EXPECT_EQ(loser.code, 2) << loser.text;
    EXPECT_TRUE(Has(loser, "rmc: error: usage: ")) << loser.text;
    ExpectOneWholeLedger(ledger, keystore);
  }
}

TEST_F(InitCli, AnInitKilledAtAnyMomentNeverBlocksTheNext) {
  // How long an init takes here, to spread the kills over it.
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(rmc::e2e::Run(Init(dir_ + "/timing")).code, 0);
  const auto took =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
          .count();
  std::mt19937 random(20261120);
  int killed_midway = 0;
  for (int round = 0; round < 30; ++round) {
    const std::string ledger = dir_ + "/ledger-" + std::to_string(round);
    const std::string keystore = round % 2 ? dir_ + "/keys-" + std::to_string(round) : "";
    int out;
    pid_t pid = rmc::e2e::Spawn(Init(ledger, keystore), out);
    std::this_thread::sleep_for(
        std::chrono::microseconds(std::uniform_int_distribution<long>(0, took)(random)));
    kill(pid, SIGKILL);
    RmcRun first = rmc::e2e::Finish(pid, out);
    killed_midway += first.code != 0;
    // No command takes what is left for a ledger, unless the killed init had finished.
    auto show = Rmc(ledger, keystore, {"verify"});
    EXPECT_TRUE(show.code == 0 || show.code == 5) << show.code << ": " << show.text;
    RmcRun again = rmc::e2e::Run(Init(ledger, keystore));
    if (show.code == 0) {
      EXPECT_EQ(again.code, 2) << again.text;
      EXPECT_TRUE(Has(again, "a ledger exists at " + ledger)) << again.text;
    } else {
      EXPECT_EQ(again.code, 0) << "round " << round << ": " << again.text;
    }
    ExpectOneWholeLedger(ledger, keystore);
  }
  EXPECT_GT(killed_midway, 5) << "the kills should mostly land before the init ends";
}

TEST_F(InitCli, WhatIsInTheWayIsRefusedAndLeftAlone) {
  const std::string file = dir_ + "/file", full = dir_ + "/full", link = dir_ + "/link";
  std::ofstream(file) << "mine";
  fs::create_directory(full);
  std::ofstream(full + "/notes.txt") << "mine";
  fs::create_directory(dir_ + "/empty");
  fs::create_symlink(dir_ + "/empty", link);
  for (const auto& [path, why] :
       {std::pair{file, "exists and is not a directory"}, std::pair{full, "is not empty"},
        std::pair{link, "is a symbolic link"}}) {
    RmcRun r = rmc::e2e::Run(Init(path));
    EXPECT_EQ(r.code, 2) << path << ": " << r.text;
    EXPECT_TRUE(Has(r, why)) << r.text;
  }
  EXPECT_EQ(std::ifstream(full + "/notes.txt").peek(), 'm');
  EXPECT_TRUE(fs::is_empty(dir_ + "/empty"));
  RmcRun same = rmc::e2e::Run(Init(dir_ + "/l", dir_ + "/l"));
  EXPECT_EQ(same.code, 2) << same.text;
  // An empty directory becomes the ledger; then it is a ledger and refused.
  ASSERT_EQ(rmc::e2e::Run(Init(dir_ + "/empty")).code, 0);
  RmcRun twice = rmc::e2e::Run(Init(dir_ + "/empty"));
  EXPECT_EQ(twice.code, 2);
  EXPECT_TRUE(Has(twice, "a ledger exists at " + dir_ + "/empty; refusing to overwrite it"))
      << twice.text;
  for (const auto& e : fs::directory_iterator(dir_))
    EXPECT_EQ(e.path().filename().string().find(".init-"), std::string::npos)
        << "a refused init leaves nothing: " << e.path();
}

TEST_F(InitCli, AKeystoreElsewhereIsReplacedOnlyWhenItsInitDied) {
  const std::string ledger = dir_ + "/ledger", keys = dir_ + "/keys";
  auto pending = [&](const std::string& names) {
    fs::create_directories(keys);
    std::ofstream(keys + "/data.mdb") << "half";
    std::ofstream(keys + "/init-pending") << names << "\n";
  };
  // In use by another ledger (no init-pending): never reused.
  ASSERT_EQ(rmc::e2e::Run(Init(dir_ + "/other", keys)).code, 0);
  RmcRun in_use = rmc::e2e::Run(Init(ledger, keys));
  EXPECT_EQ(in_use.code, 2) << in_use.text;
  EXPECT_TRUE(Has(in_use, "a keystore exists at " + keys)) << in_use.text;
  ExpectOneWholeLedger(dir_ + "/other", keys);
  fs::remove_all(dir_ + "/other");
  fs::remove_all(keys);
  // Left by an init that is still running (its init-pending locked): refused.
  pending(ledger);
  int fd = open((keys + "/init-pending").c_str(), O_RDONLY);
  ASSERT_EQ(flock(fd, LOCK_EX), 0);
  RmcRun running = rmc::e2e::Run(Init(ledger, keys));
  EXPECT_EQ(running.code, 2) << running.text;
  EXPECT_TRUE(Has(running, "another rmc init is creating a keystore at " + keys)) << running.text;
  close(fd);
  EXPECT_FALSE(fs::exists(ledger));
  // Left by an init that died whose ledger exists: refused.
  pending(dir_ + "/l2");
  ASSERT_EQ(rmc::e2e::Run(Init(dir_ + "/l2")).code, 0);
  RmcRun theirs = rmc::e2e::Run(Init(ledger, keys));
  EXPECT_EQ(theirs.code, 2) << theirs.text;
  EXPECT_TRUE(Has(theirs, "that of the ledger at " + dir_ + "/l2")) << theirs.text;
  // Left by an init that died before its ledger appeared: replaced.
  fs::remove_all(keys);
  pending(ledger);
  RmcRun retried = rmc::e2e::Run(Init(ledger, keys));
  ASSERT_EQ(retried.code, 0) << retried.text;
  EXPECT_FALSE(fs::exists(keys + "/init-pending"));
  ExpectOneWholeLedger(ledger, keys);
}

TEST_F(InitCli, AParentTheUserMayNotWriteToIsExplained) {
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to act as another user";
  // The administrator made an empty ledger folder for nobody, in a folder of root's that others
  // may enter (the test's own directory is private).
  fs::permissions(dir_, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
  const std::string ledger = dir_ + "/ledger";
  fs::create_directory(ledger);
  ASSERT_EQ(chown(ledger.c_str(), 65534, 65534), 0);
  RmcProcess p = Init(ledger);
  p.wrapper = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  RmcProcess version = p;
  version.args = {"--version"};
  if (rmc::e2e::Run(version).code != 0) GTEST_SKIP() << "cannot run the binary as nobody";
  RmcRun r = rmc::e2e::Run(p);
  EXPECT_EQ(r.code, 1) << r.text;
  EXPECT_TRUE(
      Has(r, "so it needs write access to " + dir_ + " (or give a path inside " + ledger + ")"))
      << r.text;
  p.args = {"--ledger", ledger + "/l", "init"};
  r = rmc::e2e::Run(p);
  EXPECT_EQ(r.code, 0) << "a path inside it: " << r.text;
}

TEST_F(InitCli, NewFoldersArePrivateUnderAnyUmask) {
  fs::create_directory(dir_ + "/shared");
  fs::permissions(dir_ + "/shared", fs::perms::all);
  const mode_t old = ::umask(0);
  RmcRun r = rmc::e2e::Run(Init(dir_ + "/shared/regio/utrecht/ledger", dir_ + "/keys/regio/k"));
  ::umask(old);
  ASSERT_EQ(r.code, 0) << r.text;
  for (const char* path : {"/shared/regio", "/shared/regio/utrecht", "/shared/regio/utrecht/ledger",
                           "/keys", "/keys/regio", "/keys/regio/k"})
    EXPECT_EQ(fs::status(dir_ + path).permissions() & fs::perms::all, fs::perms::owner_all) << path;
  EXPECT_EQ(fs::status(dir_ + "/shared").permissions() & fs::perms::all, fs::perms::all)
      << "an existing folder is left as it is";
  EXPECT_EQ(
      fs::status(dir_ + "/shared/regio/utrecht/ledger/data.mdb").permissions() & fs::perms::all,
      fs::perms::owner_read | fs::perms::owner_write);
  ExpectOneWholeLedger(dir_ + "/shared/regio/utrecht/ledger", dir_ + "/keys/regio/k");
}

}  // namespace
