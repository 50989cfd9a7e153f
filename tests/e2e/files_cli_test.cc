// Every file and directory the binary creates outside the ledger's own files: `--output FILE`,
// checkpoints, keys, backups. Each is private (0600, directories 0700) whatever the umask, and
// none is written through a symbolic link planted under its name, under the name of its
// temporary file, or as the directory it goes into.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "../file_facts.h"
#include "rmc_cli.h"

namespace {

namespace fs = std::filesystem;
using rmc::testing::Mode;
using rmc::testing::Slurp;

class FilesCli : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ledger_dir_ = dir_;
    out_ = dir_ + "-out";
    fs::remove_all(out_);
    fs::create_directories(out_);
    ASSERT_EQ(Rmc("init").code, 0);
    auto r =
        Rmc("signal --subject-ref J-1 --subject-name Yfke --channel jongere --received 2026-11-01");
    ASSERT_EQ(r.code, 0) << r.text;
    std::ofstream(Victim()) << "untouched";
  }
  void TearDown() override {
    fs::remove_all(out_);
    RmcCli::TearDown();
  }
  // What a planted link points to.
  std::string Victim() const { return out_ + "/victim"; }
  // Links to the victim at FILE.tmp-PID for the process ids the next processes will get.
  void PlantAtTemporaryNames(const std::string& file) {
    std::ifstream last("/proc/sys/kernel/ns_last_pid");
    long pid = 0;
    last >> pid;
    ASSERT_GT(pid, 0);
    for (long p = pid + 1; p <= pid + 2000; ++p)
      fs::create_symlink(Victim(), file + ".tmp-" + std::to_string(p));
  }

  std::string ledger_dir_, out_;
};

TEST_F(FilesCli, OutputIsNeverWrittenThroughALinkAtItsTemporaryName) {
  for (const std::string& command : {"--purpose inzage subject export J-1 --output ",
                                     "--purpose controle audit disclosures --output "}) {
    const std::string file = out_ + "/listing";
    PlantAtTemporaryNames(file);
    auto r = Rmc(command + file, "coordinator");
    ASSERT_EQ(r.code, 0) << command << r.text;
    EXPECT_EQ(Slurp(Victim()), "untouched") << command;
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(file))) << command;
    EXPECT_EQ(Mode(file), 0600u) << command;
    fs::remove_all(out_);
    fs::create_directories(out_);
    std::ofstream(Victim()) << "untouched";
  }
}

TEST_F(FilesCli, ALinkAtTheOutputFileIsReplacedNotFollowed) {
  const std::string file = out_ + "/inzage.json";
  fs::create_symlink(Victim(), file);
  auto r = Rmc("--purpose inzage subject export J-1 --output " + file, "coordinator");
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(Slurp(Victim()), "untouched");
  EXPECT_FALSE(fs::is_symlink(file));
  EXPECT_NE(Slurp(file).find("Yfke"), std::string::npos);
  EXPECT_EQ(fs::directory_iterator(out_) != fs::directory_iterator(), true);
  for (const auto& e : fs::directory_iterator(out_))
    EXPECT_EQ(e.path().string().find(".tmp-"), std::string::npos) << "left behind: " << e.path();
}

TEST_F(FilesCli, APipeOrADeviceAtTheOutputFileIsRefusedBeforeAnythingIsRead) {
  // Found by attack: the export replaced a FIFO its reader waited on (and, as root, /dev/stdout
  // and /dev/full) with a file holding the youth's data.
  const std::string pipe = out_ + "/pipe", device = out_ + "/null", dir = out_ + "/dir";
  ASSERT_EQ(::mkfifo(pipe.c_str(), 0600), 0);
  fs::create_symlink("/dev/null", device);
  fs::create_directories(dir);
  const auto records = [&] { return Rmc("--json verify").text; };
  const std::string before = records();
  for (const std::string& command : {"--purpose inzage subject export J-1 --output ",
                                     "--purpose controle audit disclosures --output "})
    for (const auto& [file, what] : {std::pair{pipe, "is a pipe"},
                                     std::pair{device, "is a link to a device"},
                                     std::pair{dir, "is a directory"}}) {
      auto r = Rmc(command + file, "coordinator");
      EXPECT_EQ(r.code, 2) << command << file << ": " << r.text;
      EXPECT_NE(r.text.find(file + " " + what + ", not a file"), std::string::npos) << r.text;
    }
  EXPECT_TRUE(fs::is_fifo(fs::symlink_status(pipe)));
  EXPECT_EQ(fs::read_symlink(device), "/dev/null");
  EXPECT_EQ(records(), before) << "a refused export reads nothing, so it records no access";
}

TEST_F(FilesCli, CheckpointsAndKeysArePrivateNewFilesWhateverTheUmask) {
  const mode_t old = ::umask(0);
  auto key = Rmc("audit keygen " + out_ + "/officer.key", "auditor");
  auto cp = Rmc("--purpose controle audit checkpoint --sign " + out_ + "/officer.key --output " +
                    out_ + "/cp.json",
                "auditor");
  ::umask(old);
  ASSERT_EQ(key.code, 0) << key.text;
  ASSERT_EQ(cp.code, 0) << cp.text;
  EXPECT_EQ(Mode(out_ + "/officer.key"), 0600u);
  EXPECT_EQ(Mode(out_ + "/cp.json"), 0600u) << "a checkpoint names the ledger and its head";
  // A link at the name, even a dangling one, is an existing file: refused, nothing written.
  fs::create_symlink(Victim(), out_ + "/cp2.json");
  fs::create_symlink(out_ + "/nothing", out_ + "/new.key");
  auto cp2 = Rmc("--purpose controle audit checkpoint --output " + out_ + "/cp2.json", "auditor");
  EXPECT_EQ(cp2.code, 2) << cp2.text;
  EXPECT_NE(cp2.text.find("exists; a checkpoint file is never overwritten"), std::string::npos)
      << cp2.text;
  EXPECT_EQ(Rmc("audit keygen " + out_ + "/new.key", "auditor").code, 2);
  EXPECT_EQ(Slurp(Victim()), "untouched");
  EXPECT_FALSE(fs::exists(out_ + "/nothing"));
}

TEST_F(FilesCli, ABackupGoesIntoAPrivateDirectoryOfItsOwnNeverThroughALink) {
  // A link as DIR, to an empty directory: refused, nothing written there.
  const std::string elsewhere = out_ + "/elsewhere", link = out_ + "/backup-link";
  fs::create_directory(elsewhere);
  fs::create_symlink(elsewhere, link);
  for (const std::string& dir : {link, link + "/"}) {
    auto r = Rmc("backup " + dir, "coordinator");
    EXPECT_EQ(r.code, 2) << dir << ": " << r.text;
    EXPECT_TRUE(fs::is_empty(elsewhere)) << dir;
  }
  // An empty directory of another user, who could plant links in it during the copy.
  if (::geteuid() == 0) {
    const std::string theirs = out_ + "/theirs";
    fs::create_directory(theirs);
    ASSERT_EQ(::chown(theirs.c_str(), 65534, 65534), 0);
    auto r = Rmc("backup " + theirs, "coordinator");
    EXPECT_EQ(r.code, 2) << r.text;
    EXPECT_NE(r.text.find("belongs to another user"), std::string::npos) << r.text;
    EXPECT_TRUE(fs::is_empty(theirs));
  }
  // New parents are private under any umask; the backup verifies.
  const mode_t old = ::umask(0);
  auto made = Rmc("backup " + out_ + "/new/nested/backup", "coordinator");
  ::umask(old);
  ASSERT_EQ(made.code, 0) << made.text;
  EXPECT_EQ(Mode(out_ + "/new"), 0700u);
  EXPECT_EQ(Mode(out_ + "/new/nested"), 0700u);
  EXPECT_EQ(Mode(out_ + "/new/nested/backup"), 0700u);
  EXPECT_EQ(Mode(out_ + "/new/nested/backup/keystore"), 0700u);
  EXPECT_EQ(Mode(out_ + "/new/nested/backup/data.mdb"), 0600u);
  EXPECT_EQ(rmc::e2e::RunRmc(out_ + "/new/nested/backup", "verify").code, 0);
}

}  // namespace
