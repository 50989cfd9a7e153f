// Every input kept under tests/fuzz runs clean through its fuzz target (targets.h): the seeds
// (corpus/TARGET) and every input a fuzzer found (found/TARGET), kept once what it showed was
// fixed. A target aborts or crashes on what it must not do, which fails the test.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "targets.h"

namespace {

namespace fs = std::filesystem;

// Runs `target` on every file of tests/fuzz/corpus/NAME and tests/fuzz/found/NAME; the count.
int RunKept(const std::string& name, void (*target)(std::string_view)) {
  int n = 0;
  for (const char* kind : {"corpus", "found"}) {
    const fs::path dir = fs::path(RMC_SOURCE_DIR) / "tests/fuzz" / kind / name;
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::directory_iterator(dir)) {
      std::ifstream in(entry.path(), std::ios::binary);
      std::stringstream bytes;
      bytes << in.rdbuf();
      SCOPED_TRACE(entry.path().string());
      target(bytes.str());
      ++n;
    }
  }
  return n;
}

TEST(FuzzCorpus, Command) { EXPECT_GT(RunKept("command", rmc::fuzz::Command), 0); }
TEST(FuzzCorpus, CommandLine) { EXPECT_GT(RunKept("command_line", rmc::fuzz::CommandLine), 0); }
TEST(FuzzCorpus, Event) { EXPECT_GT(RunKept("event", rmc::fuzz::Event), 0); }
TEST(FuzzCorpus, Projection) { EXPECT_GT(RunKept("projection", rmc::fuzz::Projection), 0); }
TEST(FuzzCorpus, Keystore) { EXPECT_GT(RunKept("keystore", rmc::fuzz::Keystore), 0); }

}  // namespace
