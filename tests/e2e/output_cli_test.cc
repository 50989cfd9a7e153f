// When a result cannot be printed: a command that was recorded says so (and how to see its
// result), `apply` stops executing, and a closed standard output is refused before anything
// is done. And a ledger the user may not read is a permission problem, not "no ledger".
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "rmc_cli.h"

namespace {

namespace fs = std::filesystem;
using rmc::e2e::RmcProcess;
using Stdout = rmc::e2e::RmcProcess::Stdout;

class OutputCli : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
  }
  RmcProcess Process(std::vector<std::string> args, Stdout to) const {
    RmcProcess p;
    p.args = std::move(args);
    p.env = {"RMC_LEDGER=" + dir_, "RMC_NOW=2026-11-20T09:00:00Z", "RMC_ACTOR=test",
             "RMC_ROLE=consulent"};
    p.stdout_to = to;
    return p;
  }
  size_t Events() const { return Lines(Rmc("events").text).size(); }
  // An input of `n` signals, one per line.
  std::string Signals(int n) const {
    const std::string path = dir_ + "-input.jsonl";
    std::ofstream in(path);
    for (int i = 1; i <= n; ++i)
      in << R"({"id":"s-)" << i << R"(","type":"signal","data":{"subject":{"ref":"J-)" << i
         << R"("},"channel":"jongere","received":"2026-11-01"}})"
         << "\n";
    return path;
  }
  void TearDown() override {
    fs::remove(dir_ + "-input.jsonl");
    RmcCli::TearDown();
  }
  static bool Has(const rmc::e2e::RmcRun& r, const std::string& what) {
    return r.text.find(what) != std::string::npos;
  }
};

TEST_F(OutputCli, ARecordedCommandWhoseResultCannotBePrintedSaysSo) {
  auto full = rmc::e2e::Run(Process({"signal", "--id", "s-1", "--subject-ref", "J-1", "--channel",
                                     "jongere", "--received", "2026-11-01"},
                                    Stdout::kFull));
  EXPECT_EQ(full.code, 1) << full.text;
  EXPECT_TRUE(Has(full,
                  "rmc: error: output_error: the result could not be written to standard "
                  "output (No space left on device), but command s-1 was recorded; run it "
                  "again with --id s-1 to see its result (a duplicate), or see rmc history "
                  "RMC-000001"))
      << full.text;
  EXPECT_FALSE(Has(full, "ledger_error")) << "ledger_error means nothing was written";
  auto again =
      JsonOf("--json signal --id s-1 --subject-ref J-1 --channel jongere --received 2026-11-01");
  EXPECT_EQ(again["duplicate"], true);
  EXPECT_EQ(again["case"], "RMC-000001");
  // A read that cannot print says so, and claims nothing recorded.
  auto read = rmc::e2e::Run(Process({"show", "RMC-000001"}, Stdout::kFull));
  EXPECT_EQ(read.code, 1);
  EXPECT_TRUE(Has(read,
                  "rmc: error: output_error: the result could not be written to standard "
                  "output (No space left on device)\n"))
      << read.text;
}

// A pipe whose reader has gone (`rmc apply in.jsonl | head -1`) is an output failure like a full
// disk: apply says so and exits 1, instead of being killed by SIGPIPE without a word.
TEST_F(OutputCli, APipeWhoseReaderIsGoneIsAnOutputError) {
  RmcProcess apply = Process({"apply", Signals(3)}, Stdout::kBrokenPipe);
  auto run = rmc::e2e::Run(apply);
  EXPECT_EQ(run.code, 1) << run.text;
  EXPECT_TRUE(Has(run, "rmc: error: output_error: the result could not be written to standard "
                       "output (Broken pipe)"))
      << run.text;
  auto show = rmc::e2e::Run(Process({"show", "RMC-000001"}, Stdout::kBrokenPipe));
  EXPECT_EQ(show.code, 1) << show.text;
}

TEST_F(OutputCli, ApplyStopsAtTheFirstResultItCannotPrint) {
  const size_t before = Events();
  RmcProcess apply = Process({"apply"}, Stdout::kFull);
  apply.stdin_file = Signals(1500);  // two batches of a regular file: 1000 and 500
  auto full = rmc::e2e::Run(apply);
  EXPECT_EQ(full.code, 1) << full.text;
  EXPECT_TRUE(Has(full,
                  "rmc: error: output_error: the result could not be written to standard "
                  "output (No space left on device), but the commands of the input up to "
                  "line 1000 were executed"))
      << full.text;
  EXPECT_TRUE(Has(full, "Run the same input again")) << full.text;
  EXPECT_EQ(Events(), before + 2 * 1000) << "no batch after the one whose results were lost";
  // The rerun the message asks for completes the input.
  auto rerun = Rmc("apply " + dir_ + "-input.jsonl");
  ASSERT_EQ(rerun.code, 0) << rerun.text.substr(0, 500);
  auto lines = Lines(rerun.text);
  ASSERT_EQ(lines.size(), 1500u);
  EXPECT_EQ(lines[999]["duplicate"], true);
  EXPECT_EQ(lines[1000]["duplicate"], false);
  EXPECT_EQ(Rmc("verify").code, 0);
}

TEST_F(OutputCli, AClosedStandardOutputIsRefusedBeforeAnythingIsDone) {
  const size_t before = Events();
  RmcProcess apply = Process({"apply"}, Stdout::kClosed);
  apply.stdin_file = Signals(3);
  auto closed = rmc::e2e::Run(apply);
  EXPECT_EQ(closed.code, 2) << closed.text;
  EXPECT_TRUE(Has(closed, "rmc: error: usage: standard output is closed")) << closed.text;
  auto note = rmc::e2e::Run(Process(
      {"signal", "--subject-ref", "J-9", "--channel", "jongere", "--received", "2026-11-01"},
      Stdout::kClosed));
  EXPECT_EQ(note.code, 2) << note.text;
  EXPECT_EQ(Events(), before) << "nothing recorded whose result nobody could see";
  auto verify = Rmc("verify");
  EXPECT_EQ(verify.code, 0) << "no output landed in the ledger's files: " << verify.text;
}

TEST_F(OutputCli, ALedgerTheUserMayNotReadIsAPermissionProblemNotAMissingLedger) {
  // As root no mode keeps us out: run as nobody, who may not enter the ledger (mode 0700).
  RmcProcess p = Process({"show", "RMC-000001"}, Stdout::kCaptured);
  if (::geteuid() == 0) {
    p.wrapper = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
    RmcProcess version = p;
    version.args = {"--version"};
    if (rmc::e2e::Run(version).code != 0) GTEST_SKIP() << "cannot run the binary as nobody";
  } else {
    fs::permissions(dir_, fs::perms::none);
  }
  auto denied = rmc::e2e::Run(p);
  fs::permissions(dir_, fs::perms::owner_all);
  EXPECT_EQ(denied.code, 1) << denied.text;
  EXPECT_TRUE(Has(denied, "rmc: error: ledger_error: cannot open the ledger at " + dir_ +
                              ": Permission denied"))
      << denied.text;
  EXPECT_EQ(rmc::e2e::RunRmc(dir_ + "-nothing", "show RMC-000001").code, 5) << "no ledger at all";
}

TEST_F(OutputCli, ALedgerWhoseLockFileTheUserMayNotWriteSaysWhy) {
  // Found by attack: the docs promised reads to a user without write permission, but LMDB needs
  // its lock file writable to read (but on a read-only file system); the error said only
  // "Permission denied".
  if (::geteuid() != 0) GTEST_SKIP() << "needs root to run as another user";
  RmcProcess p = Process({"verify"}, Stdout::kCaptured);
  p.wrapper = {"/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"};
  RmcProcess version = p;
  version.args = {"--version"};
  if (rmc::e2e::Run(version).code != 0) GTEST_SKIP() << "cannot run the binary as nobody";
  for (const auto& entry : fs::recursive_directory_iterator(dir_))
    fs::permissions(entry.path(), entry.is_directory() ? fs::perms::owner_all | fs::perms::others_read |
                                                             fs::perms::others_exec
                                                       : fs::perms::owner_read | fs::perms::owner_write |
                                                             fs::perms::others_read);
  fs::permissions(dir_, fs::perms::owner_all | fs::perms::others_read | fs::perms::others_exec);
  auto denied = rmc::e2e::Run(p);
  fs::permissions(dir_, fs::perms::owner_all);
  EXPECT_EQ(denied.code, 1) << denied.text;
  EXPECT_TRUE(Has(denied, "this user may not write its lock file " + dir_ + "/lock.mdb"))
      << denied.text;
}

}  // namespace
