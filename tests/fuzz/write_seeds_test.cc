// Writes the seed corpus of the fuzz targets (tests/fuzz/corpus/TARGET) and their dictionaries
// (tests/fuzz/TARGET.dict) from real input: the commands of tests/scenarios and
// tests/golden/commands.jsonl, the stored events of tests/golden/v*, the projections they fold
// to, records for a keystore, and typical command lines. Run with
// RMC_FUZZ_SEEDS_WRITE=1 after the inputs change; otherwise skipped.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "base/hex.h"
#include "../file_facts.h"
#include "../golden_events.h"
#include "../memory_case_history.h"
#include "base/digest.h"
#include "context.h"
#include "domain/fold.h"
#include "domain/state_codec.h"
#include "store/store.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;

const fs::path kTests = fs::path(RMC_SOURCE_DIR) / "tests";
const fs::path kCorpus = kTests / "fuzz" / "corpus";

using rmc::testing::Slurp;

// Writes `bytes` to corpus/TARGET under a name taken from their hash (as libFuzzer names them).
void Seed(const std::string& target, std::string_view bytes) {
  fs::create_directories(kCorpus / target);
  std::ofstream(kCorpus / target / Hex(Blake2b(bytes).substr(0, 10)), std::ios::binary) << bytes;
}

// A libFuzzer dictionary: one quoted token a line, bytes outside printable ASCII as \xNN.
void Dictionary(const std::string& target, const std::set<std::string>& tokens) {
  std::ofstream out(kTests / "fuzz" / (target + ".dict"));
  out << "# Tokens for the fuzz target " << target << " (written by write_seeds_test.cc).\n";
  for (const auto& t : tokens) {
    out << '"';
    for (unsigned char c : t) {
      if (c == '"' || c == '\\' || c < 0x20 || c > 0x7e) {
        char hex[5];
        std::snprintf(hex, sizeof hex, "\\x%02x", c);
        out << hex;
      } else {
        out << c;
      }
    }
    out << "\"\n";
  }
}

void CollectJsonTokens(const Json& j, std::set<std::string>& tokens) {
  if (j.is_object()) {
    for (const auto& [k, v] : j.items()) {
      tokens.insert("\"" + k + "\":");
      CollectJsonTokens(v, tokens);
    }
  } else if (j.is_array()) {
    for (const auto& v : j) CollectJsonTokens(v, tokens);
  } else if (j.is_string() && j.get<std::string>().size() <= 24) {
    tokens.insert(j.dump());
  }
}

void WriteCommandSeeds() {
  std::vector<fs::path> files{kTests / "golden" / "commands.jsonl"};
  for (const auto& f : fs::directory_iterator(kTests / "scenarios")) files.push_back(f.path());
  std::set<std::string> tokens;
  for (const auto& file : files) {
    std::ifstream in(file);
    for (std::string line; std::getline(in, line);) {
      if (line.starts_with("!")) line.erase(0, line.find(' ') + 1);  // a refused command
      if (!line.starts_with("{")) continue;
      Seed("command", line);
      CollectJsonTokens(Json::parse(line, nullptr, false), tokens);  // some are meant not to parse
    }
  }
  Dictionary("command", tokens);
}

void WriteEventAndProjectionSeeds() {
  for (const auto& generation : fs::directory_iterator(kTests / "golden")) {
    if (!generation.is_directory()) continue;
    std::map<std::string, CaseState> cases;
    testing::MemoryCaseHistory history;
    for (const auto& bytes : testing::ReadGoldenEvents(generation.path() / "events.bin")) {
      Seed("event", bytes);
      EventView view(bytes);
      auto e = view.event();
      if (!e.getCaseId().size()) continue;
      CaseState& state = cases[e.getCaseId().cStr()];
      ASSERT_TRUE(Apply(state, e, history).ok());
      history.Add(e);
      Seed("projection", EncodeCaseState(state));
    }
  }
}

// Records for the keystore target (targets.h): none, and each kind of damage verify looks for.
void WriteKeystoreSeeds() {
  auto record = [](uint8_t op, std::string_view key, std::string_view value) {
    std::string r{char(op), char(key.size()), char(value.size() & 0xff), char(value.size() >> 8)};
    return r.append(key).append(value);
  };
  const std::string key_of_j600 = "\x01";  // op bit 2: the subject id of kKeystoreRefs[1]
  for (const std::string& records :
       {std::string(),
        record(4, key_of_j600, std::string(10, 'k')),                 // a record cut short
        record(4, key_of_j600, std::string(48, 'k')),                 // a record whose tag fails
        record(6, std::string(1, '\0'), ""),                          // a youth's key deleted
        record(0, std::string(16, 'i'), std::string(48, 'k')),        // a record of nobody known
        record(1, "pepper", std::string(32, 'p')),                    // a damaged pepper
        record(3, "pepper_check", "") + record(3, "tagged", ""),      // an unbound keystore
        record(1, "ledger_id", "another ledger's"),                   // another ledger's
        record(1, "uncompacted", "1")})                               // an earlier erasure marker
    Seed("keystore", records);
  Dictionary("keystore", {"pepper", "pepper_check", "ledger_id", "tagged", "uncompacted"});
}

// Command lines as the docs and the end-to-end tests give them.
void WriteCommandLineSeeds() {
  const std::vector<std::vector<std::string>> lines = {
      {"init", "--region", "Utrecht"},
      {"signal", "--subject-ref", "J-1", "--subject-name", "Yfke", "--channel", "jongere",
       "--received", "2026-11-01"},
      {"triage", "RMC-000001", "--target-group", "vsv-nieuw", "--action-required", "true",
       "--rationale", "r", "--reason", "dossier was compleet"},
      {"--json", "review", "RMC-000001", "--checked-with-youth", "true", "--checked-with-partners",
       "ROC Midden,Leerplicht", "--expected-version", "2"},
      {"contact", "--subject", "J-1", "--channel", "telefoon", "--outcome", "afspraak-gemaakt",
       "--occurred-at", "2026-11-03T10:00:00+01:00"},
      {"correct", "RMC-000001", "--event", "7", "--data", "{\"channel\":\"email\"}", "--reason",
       "typo"},
      {"--role", "coordinator", "forget_subject", "--subject", "J-1", "--grondslag", "avg-art17",
       "--reason", "verzoek"},
      {"apply", "--atomic", "-"},
      {"show", "RMC-000001", "--as-of", "2026-11-02"},
      {"--role", "evaluator", "--purpose", "evaluatie", "list", "--status", "open", "--phase", "2"},
      {"history", "RMC-000001"},
      {"events", "--since", "3", "--personal"},
      {"due", "--within", "30"},
      {"stats"},
      {"verify"},
      {"config", "max_age", "27"},
      {"--role", "auditor", "--purpose", "controle", "audit", "reads", "--since", "2026-11-01"},
      {"audit", "activities", "--all"},
      {"audit", "export", "--since", "5", "--output", "ldv.jsonl"},
      {"audit", "disclosures", "--partner", "ROC Midden"},
      {"audit", "checkpoint", "--sign", "key.sec"},
      {"audit", "verify-checkpoint", "checkpoint.json", "--public-key", "00"},
      {"subject", "export", "J-1", "--format", "html"},
      {"subject", "forget", "J-1", "--grondslag", "avg-art17", "--reason", "x"},
      {"retention", "--apply"},
      {"backup", "backup-dir"},
      {"signal", "--help"},
      {"--version"},
  };
  for (const auto& args : lines) {
    std::string bytes;
    for (const auto& a : args) bytes += (bytes.empty() ? "" : std::string(1, '\0')) + a;
    Seed("command_line", bytes);
  }
  // Every subcommand and option name of the app.
  cli::Globals g;
  int exit_code = 0;
  CLI::App app;
  cli::BuildApp(app, g, exit_code);
  std::set<std::string> tokens;
  std::function<void(CLI::App&)> collect = [&](CLI::App& a) {
    for (const CLI::Option* o : a.get_options())
      for (const auto& name : o->get_lnames()) tokens.insert("--" + name);
    for (CLI::App* sub : a.get_subcommands({})) {
      tokens.insert(sub->get_name());
      collect(*sub);
    }
  };
  collect(app);
  Dictionary("command_line", tokens);
}

TEST(FuzzSeeds, Write) {
  if (!getenv("RMC_FUZZ_SEEDS_WRITE"))
    GTEST_SKIP() << "set RMC_FUZZ_SEEDS_WRITE=1 to write the seeds";
  setenv("RMC_NOW", "2026-11-20T09:00:00Z", 1);
  fs::remove_all(kCorpus);
  WriteCommandSeeds();
  WriteEventAndProjectionSeeds();
  WriteKeystoreSeeds();
  WriteCommandLineSeeds();
}

}  // namespace
}  // namespace rmc
