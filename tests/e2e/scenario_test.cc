// End-to-end: runs the real `rmc` binary on the scenario files in tests/scenarios/*.scn.
//
// Scenario lines:
//   @now 2026-09-01T09:00:00Z     set RMC_NOW for what follows
//   @role coordinator              set RMC_ROLE for what follows
//   {json command}                 `rmc apply` must accept it
//   !code {json command}           `rmc apply` must refuse it with error code `code`
//   ?RMC-000001 {json}             `rmc show RMC-000001 --json` contains this (objects match
//                                  by key and lists element by element, recursively;
//                                  other values exactly)
//   @verify                        `rmc verify` and `rmc rebuild --check` must pass, and
//                                  verify again after `rmc rebuild`
//   # ...                          a comment
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "../test_dir.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Run {
  int exit_code;
  std::string out;
};

// `command` with `input` on its standard input, written first to `in_file`.
Run Exec(const std::string& command, const std::string& in_file, const std::string& input = "") {
  std::ofstream(in_file) << input;
  FILE* p = popen((command + " < " + in_file + " 2>&1").c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int status = pclose(p);
  return {WEXITSTATUS(status), out};
}

bool Contains(const json& actual, const json& expected) {
  if (expected.is_object()) {
    if (!actual.is_object()) return false;
    for (auto& [k, v] : expected.items())
      if (!actual.contains(k) || !Contains(actual[k], v)) return false;
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) return false;
    for (size_t i = 0; i < expected.size(); ++i)
      if (!Contains(actual[i], expected[i])) return false;
    return true;
  }
  return actual == expected;
}

class Scenario : public ::testing::TestWithParam<std::string> {};

TEST_P(Scenario, Runs) {
  const std::string file = GetParam();
  const rmc::testing::TempDir tmp("rmc-scenario");
  const std::string dir = tmp.path() + "/ledger", in_file = tmp.path() + "/input";
  std::string now = "2026-01-01T09:00:00Z", role = "consulent";
  auto env = [&] {
    return "RMC_LEDGER=" + dir + " RMC_NOW=" + now + " RMC_ROLE=" + role + " RMC_ACTOR=e2e " +
           std::string(RMC_BINARY);
  };
  auto exec = [&](const std::string& command, const std::string& input = "") {
    return Exec(command, in_file, input);
  };
  ASSERT_EQ(exec(env() + " init --region Test").exit_code, 0);
  std::ifstream in(file);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = fs::path(file).filename().string() + ":" + std::to_string(number);
    if (line.empty() || line[0] == '#') continue;
    if (line.rfind("@now ", 0) == 0) {
      now = line.substr(5);
    } else if (line.rfind("@role ", 0) == 0) {
      role = line.substr(6);
    } else if (line == "@verify") {
      auto v = exec(env() + " verify");
      EXPECT_EQ(v.exit_code, 0) << where << "\n" << v.out;
      auto r = exec(env() + " rebuild --check");
      EXPECT_EQ(r.exit_code, 0) << where << "\n" << r.out;
      // Rebuilt projections and subject index equal what the writes maintained.
      auto rebuilt = exec(env() + " --role system rebuild");
      EXPECT_EQ(rebuilt.exit_code, 0) << where << "\n" << rebuilt.out;
      auto again = exec(env() + " verify");
      EXPECT_EQ(again.exit_code, 0) << where << " after rebuild\n" << again.out;
    } else if (line[0] == '?') {
      size_t space = line.find(' ');
      auto r = exec(env() + " --purpose e2e show --json " + line.substr(1, space - 1));
      ASSERT_EQ(r.exit_code, 0) << where << "\n" << r.out;
      json actual = json::parse(r.out), expected = json::parse(line.substr(space + 1));
      EXPECT_TRUE(Contains(actual, expected)) << where << "\nexpected " << expected.dump()
                                              << "\nin " << actual.dump(1);
    } else {
      std::string code;
      std::string command = line;
      if (line[0] == '!') {
        size_t space = line.find(' ');
        code = line.substr(1, space - 1);
        command = line.substr(space + 1);
      }
      auto r = exec(env() + " apply", command + "\n");
      json result;
      try {
        result = json::parse(r.out);
      } catch (...) {
        FAIL() << where << ": not a result line: " << r.out;
      }
      if (code.empty()) {
        EXPECT_TRUE(result["ok"].get<bool>()) << where << "\n" << r.out;
        EXPECT_EQ(r.exit_code, 0) << where;
      } else {
        EXPECT_FALSE(result["ok"].get<bool>()) << where << "\n" << r.out;
        if (!result["ok"].get<bool>()) EXPECT_EQ(result["error"]["code"], code) << where << "\n" << r.out;
        EXPECT_EQ(r.exit_code, 3) << where;
      }
    }
  }
  auto v = exec(env() + " verify");
  EXPECT_EQ(v.exit_code, 0) << v.out;
}

std::vector<std::string> ScenarioFiles() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(std::string(RMC_SOURCE_DIR) + "/tests/scenarios"))
    if (e.path().extension() == ".scn") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  return files;
}

INSTANTIATE_TEST_SUITE_P(Scenarios, Scenario, ::testing::ValuesIn(ScenarioFiles()),
                         [](const auto& info) {
                           std::string name = fs::path(info.param).stem().string();
                           for (auto& c : name)
                             if (!isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
