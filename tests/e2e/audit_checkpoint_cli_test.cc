// `rmc audit keygen | checkpoint | verify-checkpoint` through the real binary: the officer's
// round trip, exit 6 with a MISMATCH line for whatever differs (a forged history that `rmc
// verify` passes included), usage and invalid_input for bad files, and who may do it.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <nlohmann/json.hpp>
#include <string>

#include "../store/forgery.h"
#include "../test_dir.h"
#include "ledger/ledger.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class AuditCheckpointCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = rmc::testing::FreshTestDir("rmc-audit-checkpoint");
    ledger_ = dir_ + "/ledger";
    ASSERT_EQ(Rmc("init", "coordinator").code, 0);
    ASSERT_EQ(
        Rmc("signal --subject-ref J-1 --channel jongere --received 2026-11-01", "consulent").code,
        0);
    ASSERT_EQ(Rmc("note RMC-000001 --text gebeld", "consulent").code, 0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  struct Out {
    int code;
    std::string text;  // standard output and error
  };
  Out Rmc(const std::string& args, const std::string& role = "auditor") {
    std::string cmd = "RMC_LEDGER=" + ledger_ +
                      " RMC_NOW=2026-11-20T09:00:00Z RMC_ACTOR=officer RMC_ROLE=" + role + " " +
                      RMC_BINARY + " " + args + " 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
    std::string out;
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, p.get())) > 0;) out.append(buf, n);
    return {WEXITSTATUS(pclose(p.release())), out};
  }
  static bool Has(const Out& out, const std::string& what) {
    return out.text.find(what) != std::string::npos;
  }
  // The position of the last event, which a checkpoint taken now covers (`rmc init` writes one
  // event per setting, so it moves when a setting is added).
  std::string Head() {
    std::istringstream feed(Rmc("events").text);
    std::string last;
    for (std::string line; std::getline(feed, line);) last = line;
    return json::parse(last)["position"].dump();
  }

  // A new key file; its public key.
  std::string Keygen(const std::string& name) {
    auto out = Rmc("audit keygen " + dir_ + "/" + name);
    EXPECT_EQ(out.code, 0) << out.text;
    return out.text.substr(0, out.text.find('\n'));
  }
  std::string Slurp(const std::string& name) {
    std::ifstream in(dir_ + "/" + name);
    return {std::istreambuf_iterator<char>(in), {}};
  }

  std::string dir_, ledger_;
};

TEST_F(AuditCheckpointCli, AnOfficerSignsAndLaterVerifies) {
  std::string pub = Keygen("officer.key");
  EXPECT_EQ(pub.size(), 64u) << pub;
  struct stat st;
  ASSERT_EQ(stat((dir_ + "/officer.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);

  const std::string head = Head();
  auto taken = Rmc("audit checkpoint --sign " + dir_ + "/officer.key --output " + dir_ + "/cp.json",
                   "coordinator");
  ASSERT_EQ(taken.code, 0) << taken.text;
  EXPECT_TRUE(Has(taken, "wrote " + dir_ + "/cp.json: events at position " + head + ", signed"))
      << taken.text;
  json cp = json::parse(Slurp("cp.json"));
  EXPECT_EQ(cp["format"], "rmc-checkpoint/1");
  EXPECT_EQ(cp["time"], "2026-11-20T09:00:00Z");
  EXPECT_EQ(cp["actor"], "officer");
  EXPECT_EQ(cp["logs"]["events"]["position"].dump(), head);
  EXPECT_EQ(cp["public_key"], pub);

  ASSERT_EQ(Rmc("note RMC-000001 --text later", "consulent").code, 0);
  auto checked = Rmc("audit verify-checkpoint " + dir_ + "/cp.json --public-key " + pub);
  EXPECT_EQ(checked.code, 0) << checked.text;
  EXPECT_TRUE(Has(checked, "checked events: positions 1 to " + head + " chained")) << checked.text;
  EXPECT_TRUE(Has(checked, "checked signature: valid, by " + pub + " (the expected key)"))
      << checked.text;
  EXPECT_TRUE(Has(checked, "ok: checkpoint of 2026-11-20T09:00:00Z by officer holds"))
      << checked.text;

  auto as_json = Rmc("--json audit verify-checkpoint " + dir_ + "/cp.json", "system");
  ASSERT_EQ(as_json.code, 0) << as_json.text;
  json j = json::parse(as_json.text);
  EXPECT_EQ(j["ok"], true);
  EXPECT_EQ(j["signed"], true);
  EXPECT_EQ(j["problems"], json::array());
}

TEST_F(AuditCheckpointCli, AnUnsignedCheckpointGoesToStandardOutput) {
  auto taken = Rmc("audit checkpoint");
  ASSERT_EQ(taken.code, 0) << taken.text;
  json cp = json::parse(taken.text);
  EXPECT_FALSE(cp.contains("signature"));
  std::ofstream(dir_ + "/cp.json") << taken.text;
  auto checked = Rmc("audit verify-checkpoint " + dir_ + "/cp.json");
  EXPECT_EQ(checked.code, 0) << checked.text;
  EXPECT_TRUE(Has(checked, "checked signature: none")) << checked.text;
  auto pinned =
      Rmc("audit verify-checkpoint " + dir_ + "/cp.json --public-key " + std::string(64, 'a'));
  EXPECT_EQ(pinned.code, 6) << pinned.text;
  EXPECT_TRUE(Has(pinned, "MISMATCH signature: the checkpoint is unsigned")) << pinned.text;
}

TEST_F(AuditCheckpointCli, ARewrittenHistoryPassesVerifyButNotTheCheckpoint) {
  std::string pub = Keygen("officer.key");
  const std::string head = Head();
  ASSERT_EQ(
      Rmc("audit checkpoint --sign " + dir_ + "/officer.key --output " + dir_ + "/cp.json").code,
      0);
  ASSERT_EQ(Rmc("note RMC-000001 --text later", "consulent").code, 0);
  {
    auto ledger = rmc::Ledger::Open({ledger_, ledger_ + "/keystore"});
    ASSERT_TRUE(ledger.ok());
    auto s = rmc::testing::RewriteAndRechain((*ledger)->store(), 13, "someone.else");
    ASSERT_TRUE(s.ok()) << s.message();
  }
  auto verify = Rmc("verify");
  EXPECT_EQ(verify.code, 0) << "the forgery passes the chain check: " << verify.text;
  auto checked = Rmc("audit verify-checkpoint " + dir_ + "/cp.json --public-key " + pub);
  EXPECT_EQ(checked.code, 6) << checked.text;
  EXPECT_TRUE(Has(checked, "MISMATCH events: position " + head + " hashes to ")) << checked.text;
  EXPECT_TRUE(Has(checked, "the history up to " + head + " was changed")) << checked.text;
  EXPECT_TRUE(Has(checked, "FAILED: checkpoint of 2026-11-20T09:00:00Z by officer does not hold"))
      << checked.text;
}

TEST_F(AuditCheckpointCli, AForgedSignatureOrAnotherKeyExits6) {
  std::string pub = Keygen("officer.key");
  std::string other = Keygen("other.key");
  ASSERT_EQ(
      Rmc("audit checkpoint --sign " + dir_ + "/officer.key --output " + dir_ + "/cp.json").code,
      0);
  auto foreign = Rmc("audit verify-checkpoint " + dir_ + "/cp.json --public-key " + other);
  EXPECT_EQ(foreign.code, 6) << foreign.text;
  EXPECT_TRUE(Has(foreign, "MISMATCH signature: signed by " + pub + ", expected " + other))
      << foreign.text;

  json cp = json::parse(Slurp("cp.json"));
  std::string sig = cp["signature"];
  sig[0] = sig[0] == '0' ? '1' : '0';
  cp["signature"] = sig;
  std::ofstream(dir_ + "/forged.json") << cp.dump(2);
  auto forged = Rmc("audit verify-checkpoint " + dir_ + "/forged.json --public-key " + pub);
  EXPECT_EQ(forged.code, 6) << forged.text;
  EXPECT_TRUE(Has(forged, "MISMATCH signature: not a valid signature by " + pub)) << forged.text;
}

TEST_F(AuditCheckpointCli, BadFilesAndKeysAreRefusedClearly) {
  auto missing = Rmc("audit verify-checkpoint " + dir_ + "/nothing.json");
  EXPECT_EQ(missing.code, 2) << missing.text;
  EXPECT_TRUE(Has(missing, "rmc: error: usage: cannot read checkpoint " + dir_ + "/nothing.json"))
      << missing.text;
  std::ofstream(dir_ + "/garbage.json") << "{\"format\": \"something else\"}";
  auto garbage = Rmc("audit verify-checkpoint " + dir_ + "/garbage.json");
  EXPECT_EQ(garbage.code, 3) << garbage.text;
  EXPECT_TRUE(Has(garbage, "rmc: error: invalid_input: checkpoint: format")) << garbage.text;

  ASSERT_EQ(Rmc("audit checkpoint --output " + dir_ + "/cp.json").code, 0);
  auto again = Rmc("audit checkpoint --output " + dir_ + "/cp.json");
  EXPECT_EQ(again.code, 2) << again.text;
  EXPECT_TRUE(Has(again, "never overwritten")) << again.text;
  auto bad_key = Rmc("audit verify-checkpoint " + dir_ + "/cp.json --public-key xyz");
  EXPECT_EQ(bad_key.code, 2) << bad_key.text;
  auto no_key = Rmc("audit checkpoint --sign " + dir_ + "/nothing.key");
  EXPECT_EQ(no_key.code, 2) << no_key.text;

  std::string pub = Keygen("officer.key");
  auto overwrite = Rmc("audit keygen " + dir_ + "/officer.key");
  EXPECT_EQ(overwrite.code, 2) << overwrite.text;
  EXPECT_TRUE(Has(overwrite, "exists; a key file is never overwritten")) << overwrite.text;
  EXPECT_NE(Slurp("officer.key").find(pub), std::string::npos) << "the old key is kept";
}

TEST_F(AuditCheckpointCli, CaseWorkersAndEvaluatorsMayNot) {
  Keygen("officer.key");
  ASSERT_EQ(Rmc("audit checkpoint --output " + dir_ + "/cp.json").code, 0);
  for (const char* role : {"consulent", "evaluator"}) {
    for (const std::string& args :
         {"audit keygen " + dir_ + "/new.key", std::string("audit checkpoint"),
          "audit checkpoint --sign " + dir_ + "/officer.key",
          "audit verify-checkpoint " + dir_ + "/cp.json"}) {
      auto out = Rmc(args, role);
      EXPECT_EQ(out.code, 7) << role << " " << args << ": " << out.text;
      EXPECT_TRUE(Has(out, "permission_denied")) << out.text;
    }
  }
  EXPECT_FALSE(fs::exists(dir_ + "/new.key"));
}

}  // namespace
