// Golden event files (tests/golden/v1): events written by rmc 0.1 from tests/golden/commands.jsonl,
// as stored bytes, with the subject keys and the JSON they rendered to. Every later version must
// keep reading them: decode, chain, unseal, fold, and render every field they had the same way
// (new fields may appear). Never regenerate v1: a schema change that breaks it breaks every
// ledger in the field. To add a generation, RMC_GOLDEN_WRITE=vN writes tests/golden/vN (the
// `correct` command names the position of the case's CaseClosed: when `rmc init` writes more
// events, move it). v3: a disclosure's thinking steps and a consent's purpose are sealed.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>

#include "../file_facts.h"
#include "../golden_events.h"
#include "../memory_case_history.h"
#include "../test_dir.h"
#include "base/digest.h"
#include "base/hex.h"
#include "codec/json_render.h"
#include "domain/case_state.h"
#include "domain/fold.h"
#include "ledger/ledger.h"
#include "store/store.h"
#include "views/event_json.h"

namespace rmc {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kGolden = fs::path(RMC_SOURCE_DIR) / "tests" / "golden";

using rmc::testing::Slurp;

// Every key and value of `expected` renders the same in `actual`; lists element by element.
bool Contains(const json& actual, const json& expected, std::string path, std::string* where) {
  if (expected.is_object()) {
    if (!actual.is_object()) return *where = path, false;
    for (auto& [k, v] : expected.items())
      if (!actual.contains(k) || !Contains(actual[k], v, path + "." + k, where))
        return *where = where->empty() ? path + "." + k : *where, false;
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) return *where = path, false;
    for (size_t i = 0; i < expected.size(); ++i)
      if (!Contains(actual[i], expected[i], path + "[" + std::to_string(i) + "]", where)) return false;
    return true;
  }
  if (actual != expected) return *where = path, false;
  return true;
}

void WriteGeneration(const fs::path& out) {
  ASSERT_FALSE(fs::exists(out)) << out << " exists; golden files are never rewritten";
  const rmc::testing::TempDir tmp("rmc-golden");
  const std::string& dir = tmp.path();
  setenv("RMC_NOW", "2026-11-20T09:00:00Z", 1);
  auto ledger = Ledger::Create({dir, dir + "/keystore"}, {{"region", "Golden"}}, "golden");
  ASSERT_TRUE(ledger.ok()) << ledger.status().message();
  std::ifstream commands(kGolden / "commands.jsonl");
  for (std::string line; std::getline(commands, line);) {
    auto c = ParseCommand(line, {"c.devries", line.find("forget_subject") != std::string::npos
                                                  ? schema::Role::COORDINATOR
                                                  : schema::Role::CONSULENT});
    ASSERT_TRUE(c.ok()) << line << ": " << c.status().message();
    std::vector<Command> batch;
    batch.push_back(std::move(*c));
    auto outcome = (*ledger)->Execute(batch, false)[0];
    ASSERT_TRUE(outcome.ok()) << line << ": " << outcome.error.message();
  }
  fs::create_directories(out);
  std::ofstream bin(out / "events.bin", std::ios::binary), rendered(out / "events.jsonl");
  json keys = json::object();
  auto txn = (*ledger)->store().Read();
  ASSERT_TRUE(txn.ok());
  auto scanned = (*txn)->ScanEvents(1, [&](uint64_t, EventView& view) {
    uint64_t n = view.bytes().size();
    bin.write(reinterpret_cast<const char*>(&n), 8);
    bin.write(view.bytes().data(), n);
    auto e = view.event();
    auto personal = (*ledger)->Unseal(e);
    EXPECT_TRUE(personal.ok());
    const Unsealed* unsealed = personal.ok() && *personal ? &**personal : nullptr;
    rendered << EventToJson(e, unsealed, {PersonalFields::kReveal, {}},
                            (e.hasSealed() || e.hasSealedReason()) && !unsealed).dump() << "\n";
    if (e.hasSubject()) {
      std::string id(reinterpret_cast<const char*>(e.getSubject().begin()), e.getSubject().size());
      auto key = (*ledger)->keystore().Key(id);
      if (key.ok() && *key) keys[Hex(e.getSubject())] = Hex(**key);
    }
    return true;
  });
  ASSERT_TRUE(scanned.ok()) << scanned.message();
  std::ofstream(out / "keys.json") << keys.dump(2) << "\n";
}

TEST(GoldenEvents, Write) {
  const char* generation = getenv("RMC_GOLDEN_WRITE");
  if (!generation) GTEST_SKIP() << "set RMC_GOLDEN_WRITE=vN to write a new generation";
  WriteGeneration(kGolden / generation);
}

std::vector<std::string> Generations();

class Generation : public ::testing::TestWithParam<std::string> {};

TEST_P(Generation, StillReadsFoldsAndRendersTheSame) {
  const fs::path dir = kGolden / GetParam();
  auto events = testing::ReadGoldenEvents(dir / "events.bin");
  std::ifstream rendered(dir / "events.jsonl");
  json keys = json::parse(Slurp(dir / "keys.json"));
  ASSERT_GE(events.size(), 30u);

  std::string head(32, '\0');
  std::map<std::string, CaseState> cases;
  testing::MemoryCaseHistory history;
  std::set<std::string> types;
  for (size_t i = 0; i < events.size(); ++i) {
    SCOPED_TRACE("event " + std::to_string(i + 1));
    EventView view(events[i]);
    auto e = view.event();
    EXPECT_EQ(e.getPosition(), i + 1);
    if (i > 0) EXPECT_EQ(std::string(reinterpret_cast<const char*>(e.getPrevHash().begin()), e.getPrevHash().size()), head);
    head = Blake2b(events[i]);

    std::optional<Unsealed> personal;
    if ((e.hasSealed() || e.hasSealedReason()) && keys.contains(Hex(e.getSubject()))) {
      std::string key_bytes = FromHex(keys[Hex(e.getSubject())].get<std::string>()).value();
      SubjectKey key;
      std::memcpy(key.data(), key_bytes.data(), key.size());
      auto opened = OpenSealed(key, e);
      ASSERT_TRUE(opened.ok()) << opened.status().message();
      personal = std::move(*opened);
    }
    bool erased = (e.hasSealed() || e.hasSealedReason()) && !personal;
    json now = EventToJson(e, personal ? &*personal : nullptr, {PersonalFields::kReveal, {}}, erased);
    std::string line;
    ASSERT_TRUE(std::getline(rendered, line));
    std::string where;
    EXPECT_TRUE(Contains(now, json::parse(line), "", &where))
        << "renders differently at " << where << "\n  then: " << line << "\n  now:  " << now.dump();
    types.insert(EventType(e));
    if (e.getCaseId().size()) {
      EXPECT_TRUE(Apply(cases[e.getCaseId().cStr()], e, history).ok());
      history.Add(e);
    }
  }
  // What the fold makes of the three golden cases.
  EXPECT_EQ(cases["RMC-000001"].step, 13);
  EXPECT_EQ(cases["RMC-000001"].status, CaseStatus::kAfgesloten);
  EXPECT_EQ(cases["RMC-000001"].deviations.size(), 0u);
  EXPECT_EQ(cases["RMC-000001"].consents.size(), 3u);
  EXPECT_EQ(cases["RMC-000002"].target_group, int(schema::TargetGroup::GEEN));
  EXPECT_EQ(cases["RMC-000003"].reopened, 1);
  EXPECT_EQ(cases["RMC-000003"].status, CaseStatus::kOpen);
  // Every event type of the schema is in the newest generation (an older one predates the
  // types added since).
  if (GetParam() != Generations().back()) return;
  auto members = capnp::Schema::from<schema::Payload>().getUnionFields();
  for (auto m : members) EXPECT_TRUE(types.count(schema_info::EventTypeName(m))) << schema_info::EventTypeName(m);
}

std::vector<std::string> Generations() {
  std::vector<std::string> found;
  for (const auto& d : fs::directory_iterator(kGolden))
    if (d.is_directory()) found.push_back(d.path().filename());
  std::sort(found.begin(), found.end());
  return found;
}

INSTANTIATE_TEST_SUITE_P(Golden, Generation, ::testing::ValuesIn(Generations()));

}  // namespace
}  // namespace rmc
