// The ledger's memory map grows (LMDB maps the file anew, perhaps elsewhere in memory) only while
// no transaction of the process is open: a read still open would point into the old mapping.
// `rmc events --personal` died of SIGSEGV when its access record filled the map mid-scan.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "../test_dir.h"
#include "store/store.h"

namespace rmc {
namespace {

constexpr char kKept[] = "written before the read";

class MapGrowth : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = rmc::testing::FreshTestDir("rmc-map");
    auto store = Store::Open(dir_, true, false);
    ASSERT_TRUE(store.ok()) << store.status().message();
    store_ = std::move(*store);
    ASSERT_TRUE(store_->Write([](StoreTxn& t) { return t.PutMeta("kept", kKept); }).ok());
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Writes `mib` MiB in one transaction (the map starts at 64 MiB).
  static Status Fill(Store& store, int mib) {
    return store.Write([&](StoreTxn& t) -> Status {
      for (int i = 0; i < mib; ++i)
        if (auto s = t.PutMeta("fill-" + std::to_string(i), std::string(1 << 20, 'f')); !s.ok()) return s;
      return Status::Ok();
    });
  }
  // A view into the map, as every read holds them.
  std::string_view Kept(StoreTxn& read) {
    auto v = read.raw().Get(store_->env().dbi("meta"), "kept");
    EXPECT_TRUE(v.ok() && *v);
    return v.ok() && *v ? **v : std::string_view();
  }
  size_t MapSize() {
    MDB_envinfo info;
    mdb_env_info(store_->env().env(), &info);
    return info.me_mapsize;
  }

  std::string dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(MapGrowth, NotUnderAReadOfTheSameProcess) {
  auto read = store_->Read();
  ASSERT_TRUE(read.ok());
  const std::string_view kept = Kept(**read);
  auto full = Fill(*store_, 80);
  ASSERT_FALSE(full.ok());
  EXPECT_NE(full.message().find("cannot grow while this process still reads it"), std::string::npos)
      << full.message();
  EXPECT_EQ(kept, kKept) << "the read's view is still mapped";
  read->reset();
  EXPECT_TRUE(Fill(*store_, 80).ok()) << "with the read over, the map grows";
}

TEST_F(MapGrowth, AnotherProcessesGrowthIsAdoptedOnlyWithNoReadOpen) {
  auto read = store_->Read();
  ASSERT_TRUE(read.ok());
  const std::string_view kept = Kept(**read);
  pid_t child = fork();
  if (child == 0) {  // another process grows the map and writes beyond the old one
    auto other = Store::Open(dir_, false, false);
    _exit(other.ok() && Fill(**other, 80).ok() ? 0 : 1);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_EQ(WEXITSTATUS(status), 0);
  auto second = store_->Read();
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("another process grew the ledger"), std::string::npos)
      << second.status().message();
  EXPECT_EQ(kept, kKept);
  read->reset();
  auto third = store_->Read();
  ASSERT_TRUE(third.ok()) << third.status().message();
  auto last = (*third)->Meta("fill-79");
  ASSERT_TRUE(last.ok() && *last);
  EXPECT_EQ((*last)->size(), size_t(1) << 20);
}

TEST_F(MapGrowth, OpeningAMapMoreThanHalfUsedGrowsIt) {
  // So that a read, which may not grow the map, finds room for its access records.
  ASSERT_TRUE(Fill(*store_, 40).ok());
  const size_t before = MapSize();
  store_.reset();
  auto store = Store::Open(dir_, false, false);
  ASSERT_TRUE(store.ok()) << store.status().message();
  store_ = std::move(*store);
  EXPECT_GE(MapSize(), 2 * before);
}

}  // namespace
}  // namespace rmc
