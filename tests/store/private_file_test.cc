// Files and directories the tool creates: private, whole, and never written through a symbolic
// link planted under the name of the file or of its temporary file.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "../file_facts.h"
#include "../test_dir.h"
#include "base/directories.h"
#include "base/private_file.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;
using rmc::testing::Mode;
using rmc::testing::Slurp;

class PrivateFiles : public ::testing::Test {
 protected:
  // A file elsewhere that a planted link points to: the victim.
  std::string Victim() {
    const std::string victim = dir_ + "/victim";
    std::ofstream(victim) << "untouched";
    return victim;
  }
  // The names in the directory besides `keep`.
  std::vector<std::string> Others(const std::string& keep) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir_))
      if (e.path().filename() != keep && e.path().filename() != "victim")
        names.push_back(e.path().filename());
    return names;
  }

  const testing::TempDir tmp_{"rmc-private"};
  const std::string dir_ = tmp_.path();
};

TEST_F(PrivateFiles, ALinkAtTheFileIsReplacedNeverFollowed) {
  const std::string victim = Victim(), file = dir_ + "/out.json";
  fs::create_symlink(victim, file);
  ASSERT_TRUE(WritePrivateFile(file, "youth data").ok());
  EXPECT_EQ(Slurp(victim), "untouched");
  EXPECT_FALSE(fs::is_symlink(file));
  EXPECT_EQ(Slurp(file), "youth data");
  EXPECT_EQ(Mode(file), 0600u);
  EXPECT_TRUE(Others("out.json").empty()) << "no temporary file stays";
}

TEST_F(PrivateFiles, LinksPlantedUnderTemporaryNamesAreNotFollowed) {
  // The old temporary name was FILE.tmp-PID: links for this process and many others.
  const std::string victim = Victim(), file = dir_ + "/out.json";
  for (pid_t pid = getpid() - 50; pid < getpid() + 50; ++pid)
    fs::create_symlink(victim, file + ".tmp-" + std::to_string(pid));
  ASSERT_TRUE(WritePrivateFile(file, "youth data").ok());
  ASSERT_TRUE(WriteNewPrivateFile(dir_ + "/new.json", "youth data", "an export").ok());
  EXPECT_EQ(Slurp(victim), "untouched");
  EXPECT_EQ(Slurp(file), "youth data");
  EXPECT_EQ(Slurp(dir_ + "/new.json"), "youth data");
}

TEST_F(PrivateFiles, AnExistingFileIsReplacedWholeAndMadePrivate) {
  const std::string file = dir_ + "/out.json";
  std::ofstream(file) << "an older, longer listing";
  fs::permissions(file, fs::perms::all);
  const mode_t old_umask = ::umask(0);
  Status s = WritePrivateFile(file, "new");
  ::umask(old_umask);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Slurp(file), "new");
  EXPECT_EQ(Mode(file), 0600u);
}

TEST_F(PrivateFiles, ANewFileNeverReplacesAnythingNorFollowsALink) {
  const std::string victim = Victim();
  const std::string link = dir_ + "/key", dangling = dir_ + "/dangling", file = dir_ + "/file";
  fs::create_symlink(victim, link);
  fs::create_symlink(dir_ + "/nothing-here", dangling);
  std::ofstream(file) << "old";
  for (const auto& path : {link, dangling, file}) {
    Status s = WriteNewPrivateFile(path, "secret", "a key file");
    EXPECT_EQ(s.code(), Code::kUsage) << path;
    EXPECT_EQ(s.message(), path + " exists; a key file is never overwritten");
  }
  EXPECT_EQ(Slurp(victim), "untouched");
  EXPECT_FALSE(fs::exists(dir_ + "/nothing-here")) << "a dangling link's target is not created";
  EXPECT_EQ(Slurp(file), "old");
  EXPECT_EQ(Others("").size(), 3u) << "no temporary file stays";
}

TEST_F(PrivateFiles, ANewFileIsPrivateWhateverTheUmask) {
  const mode_t old_umask = ::umask(0);
  Status s = WriteNewPrivateFile(dir_ + "/cp.json", "{}", "a checkpoint file");
  ::umask(old_umask);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Mode(dir_ + "/cp.json"), 0600u);
}

TEST_F(PrivateFiles, AFileThatCannotBeWrittenLeavesNothing) {
  Status s = WritePrivateFile(dir_ + "/missing/out.json", "x");
  EXPECT_EQ(s.code(), Code::kUsage);
  EXPECT_NE(s.message().find("No such file or directory"), std::string::npos) << s.message();
  fs::create_directory(dir_ + "/listing");
  s = WritePrivateFile(dir_ + "/listing", "x");
  EXPECT_EQ(s.code(), Code::kUsage) << "a directory is not replaced";
  EXPECT_EQ(Others("listing").size(), 0u) << "no temporary file stays";
}

TEST_F(PrivateFiles, AFileWhoseFolderIsMissingIsRefusedBeforeAnythingIsRead) {
  Status s = CheckReplaceable(dir_ + "/missing/out.json");
  EXPECT_EQ(s.code(), Code::kUsage);
  EXPECT_NE(s.message().find("No such file or directory"), std::string::npos) << s.message();
  std::ofstream(dir_ + "/plain") << "x";
  s = CheckReplaceable(dir_ + "/plain/out.json");
  EXPECT_EQ(s.code(), Code::kUsage) << "a file is no folder";
  EXPECT_TRUE(CheckReplaceable(dir_ + "/new.json").ok());
  EXPECT_TRUE(CheckReplaceable("relative-new.json").ok()) << "the working folder";
}

TEST_F(PrivateFiles, NewParentsArePrivateAndExistingOnesLeftAlone) {
  fs::create_directories(dir_ + "/existing");
  fs::permissions(dir_ + "/existing", fs::perms::all);
  const mode_t old_umask = ::umask(0);
  Status s = MakeParentDirectories(dir_ + "/existing/a/b/ledger");
  ::umask(old_umask);
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(Mode(dir_ + "/existing"), 0777u);
  EXPECT_EQ(Mode(dir_ + "/existing/a"), 0700u);
  EXPECT_EQ(Mode(dir_ + "/existing/a/b"), 0700u);
  EXPECT_FALSE(fs::exists(dir_ + "/existing/a/b/ledger"));
  EXPECT_EQ(ParentOf("ledger"), ".");
  EXPECT_EQ(ParentOf("a/b/"), "a");
  EXPECT_EQ(ParentOf("/ledger"), "/");
}

}  // namespace
}  // namespace rmc
