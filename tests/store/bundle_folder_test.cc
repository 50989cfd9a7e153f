// The folder of a bundle (src/replay/bundle.h, MakeBundleFolder): new, private whatever the
// umask, and never anything that is already there.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "../file_facts.h"
#include "../test_dir.h"
#include "replay/bundle.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;

TEST(BundleFolder, IsNewAndPrivateWhateverTheUmask) {
  const testing::TempDir tmp("rmc-bundle");
  for (mode_t mask : {mode_t(0), mode_t(0022), mode_t(0277)}) {
    const std::string dir = tmp.path() + "/b" + std::to_string(mask);
    const mode_t old_umask = ::umask(mask);
    Status s = MakeBundleFolder(dir);
    ::umask(old_umask);
    ASSERT_TRUE(s.ok()) << s.message();
    EXPECT_EQ(testing::Mode(dir), 0700u) << "umask " << mask;
  }
}

TEST(BundleFolder, NothingThereIsUsedOrFollowed) {
  const testing::TempDir tmp("rmc-bundle");
  const std::string d = tmp.path();
  fs::create_directory(d + "/there");
  std::ofstream(d + "/file") << "x";
  fs::create_directory_symlink(d + "/there", d + "/link");
  fs::create_symlink(d + "/nowhere", d + "/dangling");
  for (const char* at : {"/there", "/file", "/link", "/dangling", "/missing/deeper"}) {
    Status s = MakeBundleFolder(d + at);
    EXPECT_EQ(s.code(), Code::kUsage) << at;
    EXPECT_NE(s.message().find("--output"), std::string::npos) << s.message();
  }
  EXPECT_FALSE(fs::exists(d + "/nowhere"));
  EXPECT_TRUE(fs::is_empty(d + "/there"));
}

}  // namespace
}  // namespace rmc
