// Every path that opens a youth's sealed data, and the record each leaves. The paths are not
// listed by memory: UnsealingPaths.EveryPlaceThatOpensSealedDataIsListed counts the calls that
// open sealed data (Unseal, OpenSealed) in each file of src/ and cli/ outside src/privacy/ (which
// holds the primitives), and fails when a file's count differs from kPaths: a new path must be
// listed here with what accounts for it. Reads are held to the read policy, one access record
// per youth, command by command in read_session_cli_test.cc; writes are accounted for by the
// event they write. The test below proves the path that used to leave nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <string>

#include "rmc_cli.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Path {
  int calls;               // calls that open sealed data in the file
  const char* accounted;   // what records the processing
};

const std::map<std::string, Path> kPaths{
    {"src/ledger/read_session.cc",
     {2, "ReadSession::Unseal, the one path of the read commands: an access record per youth "
         "(ReadSession::Account, before anything is shown)"}},
    {"cli/reads.cc", {2, "history and events --personal, through their ReadSession"}},
    {"src/replay/replay.cc", {1, "replay, through its ReadSession"}},
    {"src/replay/lessons.cc", {1, "lessons, through its ReadSession, for each evaluation shown"}},
    {"src/views/case_view.cc", {2, "show, list, due and replay: the read that renders the view"}},
    {"src/ledger/case_form.cc",
     {1, "the pseudonymised form of a read (its reasoning redacted): that read's record"}},
    {"src/views/subject_export.cc", {1, "subject export: its record of the youth"}},
    {"src/audit/disclosures.cc",
     {1, "audit disclosures, subject export and audit log: their records"}},
    {"src/ledger/case_resolution.cc",
     {1, "SubjectOfSignals: triage (the age decides the target group; the Triaged event) and "
         "retention (an access record per youth whose birth date it read, due or not)"}},
    {"src/ledger/executor.cc",
     {2, "a correction merges the corrected fields (the EventCorrected event) and an erasure "
         "checks its reason (the SubjectErased event): both part of the write they make"}},
};

int CallsIn(const fs::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  static const std::regex call("\\b(Unseal|OpenSealed)\\(");
  return int(std::distance(std::sregex_iterator(s.begin(), s.end(), call), std::sregex_iterator()));
}

TEST(UnsealingPaths, EveryPlaceThatOpensSealedDataIsListed) {
  std::map<std::string, int> found;
  for (const char* dir : {"src", "cli"})
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(RMC_SOURCE_DIR) / dir)) {
      const std::string rel = fs::relative(entry.path(), RMC_SOURCE_DIR).string();
      if (entry.path().extension() != ".cc" || rel.starts_with("src/privacy/")) continue;
      if (int n = CallsIn(entry.path())) found[rel] = n;
    }
  for (const auto& [file, calls] : found) {
    auto listed = kPaths.find(file);
    ASSERT_NE(listed, kPaths.end())
        << file << " opens sealed data: list it in kPaths with the record that accounts for it";
    EXPECT_EQ(listed->second.calls, calls)
        << file << ": the calls that open sealed data changed; check each is accounted for";
  }
  for (const auto& [file, path] : kPaths)
    EXPECT_TRUE(found.count(file)) << file << " no longer opens sealed data: drop it from kPaths";
}

class UnsealingPathsCli : public rmc::testing::RmcCli {
 protected:
  int RetentionRecords() {
    int n = 0;
    auto r = Rmc("--purpose controle --json audit reads", "auditor");
    EXPECT_EQ(r.code, 0) << r.text;
    for (const auto& read : json::parse(r.text))
      if (read["action"] == "retention") ++n;
    return n;
  }
};

// Retention reads the birth date of each youth whose cases ended long enough ago, to judge the
// age condition. Before, a review that found nobody due left no record of those reads.
TEST_F(UnsealingPathsCli, RetentionAccountsForEveryBirthDateItRead) {
  const char* then = "2020-01-10T09:00:00Z";
  ASSERT_EQ(Rmc("init", "consulent", then).code, 0);
  ASSERT_EQ(Rmc("signal --subject-ref J-3 --subject-birth-date 2010-01-01 --channel jongere "
                "--received 2020-01-02",
                "consulent", then)
                .code,
            0);
  ASSERT_EQ(Rmc("triage RMC-000001 --target-group geen --action-required false --rationale r "
                "--reason kort",
                "consulent", then)
                .code,
            0);
  ASSERT_EQ(Rmc("feedback RMC-000001 --partners leerplicht --summary s --limited-to-case true",
                "consulent", then)
                .code,
            0);
  ASSERT_EQ(Rmc("close RMC-000001 --close-reason geen-rmc-doelgroep", "consulent", then).code, 0);
  auto before = Rmc("--purpose bewaartermijn retention", "coordinator", "2021-06-01T09:00:00Z");
  EXPECT_EQ(before.text, "no subject's retention has passed\n");
  EXPECT_EQ(RetentionRecords(), 0) << "the end condition had not passed: nothing was unsealed";
  auto r = Rmc("--purpose bewaartermijn retention", "coordinator", "2026-11-20T09:00:00Z");
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(r.text, "no subject's retention has passed\n") << "J-3 is 16: not due by age";
  EXPECT_EQ(RetentionRecords(), 1) << "but their birth date was read to find that out";
}

}  // namespace
