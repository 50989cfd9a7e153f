// A private, empty directory for the running test: temp dir / PREFIX-PID-TESTNAME, removed and
// created anew, so that tests run in parallel processes never share files.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace rmc::testing {

inline std::string FreshTestDir(const std::string& prefix) {
  namespace fs = std::filesystem;
  fs::path dir =
      fs::temp_directory_path() / (prefix + "-" + std::to_string(getpid()) + "-" +
                                   ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

}  // namespace rmc::testing
