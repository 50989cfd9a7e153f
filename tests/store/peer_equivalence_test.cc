// The SQLite peer of the benchmark runs rmc's own executor (ledger/executor.h) on its own storage
// (tests/bench/peer/). Applied to the same generated workload, with corrections, repeats and an
// erasure added, it must give exactly rmc's result lines and case states: what the benchmark
// compares is then storage against storage, and a drift of either executor shows here.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "../test_dir.h"
#include "domain/state_codec.h"
#include "ledger/ledger.h"
#include "peer/case_json.h"
#include "peer/sqlite_peer.h"
#include "temp_ledger.h"

namespace rmc {
namespace {

struct Workload {
  std::vector<std::string> lines;
  std::string Text() const {
    std::string text;
    for (const auto& l : lines) text += l + "\n";
    return text;
  }
};

// The first event of each payload type in rmc's ledger: position and case.
std::map<schema::Payload::Which, std::pair<uint64_t, std::string>> FirstOfEachType(Ledger& ledger) {
  std::map<schema::Payload::Which, std::pair<uint64_t, std::string>> first;
  auto txn = ledger.store().Read();
  EXPECT_TRUE(txn.ok());
  auto s = (*txn)->ScanEvents(1, [&](uint64_t p, EventView& view) {
    auto e = view.event();
    first.try_emplace(e.getPayload().which(), p, e.getCaseId().cStr());
    return true;
  });
  EXPECT_TRUE(s.ok()) << s.message();
  return first;
}

std::string Correct(const std::string& id, const std::pair<uint64_t, std::string>& target,
                    const std::string& fields) {
  return R"({"id":")" + id + R"(","type":"correct","case":")" + target.second +
         R"(","reason":"verkeerd ingevoerd","data":{"event":)" + std::to_string(target.first) +
         R"(,"data":)" + fields + "}}";
}

std::vector<Outcome> ApplyToRmc(Ledger& ledger, const std::vector<std::string>& lines) {
  std::vector<Outcome> outcomes;
  std::vector<Command> batch;
  std::vector<size_t> at;  // the outcome each parsed command fills
  auto flush = [&] {
    auto done = ledger.Execute(batch, false);
    for (size_t i = 0; i < done.size(); ++i) outcomes[at[i]] = std::move(done[i]);
    batch.clear();
    at.clear();
  };
  for (const auto& line : lines) {
    std::string id;
    auto c = ParseCommand(line, {"test", schema::Role::COORDINATOR}, &id);
    outcomes.push_back(c.ok() ? Outcome{} : Outcome::Failed(id, c.status()));
    if (!c.ok()) continue;
    batch.push_back(std::move(*c));
    at.push_back(outcomes.size() - 1);
    if (batch.size() == 500) flush();
  }
  flush();
  return outcomes;
}

std::string Describe(const Outcome& o) {
  std::string events;
  for (const auto& e : o.events) events += e + ",";
  return o.id + " " + std::to_string(int(o.error.code())) + " " + o.error.message() + " " +
         o.case_id + " v" + std::to_string(o.version) + " @" + std::to_string(o.position) + " [" +
         events + "]" + (o.duplicate ? " duplicate" : "");
}

// Commands added to the generated workload: corrections of four event types and three refused
// ones, an erasure with what follows it, a repeated command and a command id used twice. Indexes
// matter: the test checks each one's outcome.
std::vector<std::string> Additions(
    std::map<schema::Payload::Which, std::pair<uint64_t, std::string>>& first,
    const std::string& repeat) {
  using P = schema::Payload;
  auto other_case = first[P::TRIAGED];
  other_case.second = other_case.second == "RMC-000002" ? "RMC-000003" : "RMC-000002";
  return {
      Correct("x-1", first[P::CONTACT_ATTEMPTED], R"({"outcome":"bereikt","channel":"huisbezoek-onaangekondigd"})"),
      Correct("x-2", first[P::TRIAGED], R"({"action_required":false})"),
      Correct("x-3", first[P::CASE_CLOSED], R"({"work_hours_per_week":24})"),
      Correct("x-4", first[P::MONITORED], R"({"follow_up":"nieuwe afspraak met school"})"),
      Correct("x-5", first[P::CASE_OPENED], R"({"consulent":"iemand"})"),   // refused: the ledger's own
      Correct("x-6", first[P::CONTACT_ATTEMPTED], R"({"nope":1})"),       // refused: no such field
      Correct("x-7", other_case, R"({"action_required":true})"),          // refused: another case's event
      R"({"id":"x-8","type":"forget_subject","reason":"verzoek van de jongere","data":{"subject":"J-0000003","grondslag":"avg-art17"}})",
      R"({"id":"x-9","type":"contact","subject":"J-0000003","data":{"channel":"brief","outcome":"geen-reactie"}})",  // refused: erased
      // refused: erased, also within the batch that erased them
      R"({"id":"x-10","type":"forget_subject","reason":"verzoek van de jongere","data":{"subject":"J-0000003","grondslag":"avg-art17"}})",
      R"({"id":"x-8","type":"forget_subject","reason":"verzoek van de jongere","data":{"subject":"J-0000003","grondslag":"avg-art17"}})",
      repeat,  // a repeat: answered as the first run
      R"({"id":"x-1","type":"note","case":"RMC-000001","data":{"text":"ander"}})",  // id taken
  };
}

class PeerEquivalence : public TempLedger {};

TEST_F(PeerEquivalence, TheSqlitePeerGivesRmcsResultLinesAndCaseStates) {
  // rmc-gen's clock is 2026-11-20, the fixture's RMC_NOW.
  const std::string input = dir_ + "/input.jsonl";
  ASSERT_EQ(std::system((std::string(RMC_GEN) + " --cases 300 --seed 11 --out " + input +
                         " 2>/dev/null").c_str()), 0);
  Workload work;
  {
    std::ifstream in(input);
    for (std::string line; std::getline(in, line);) work.lines.push_back(line);
  }
  ASSERT_GT(work.lines.size(), 3000u);

  // rmc first, to learn the positions that corrections name; the peer's log lines up with it
  // (the same start as `rmc init`, the same events after).
  std::vector<Outcome> rmc_outcomes = ApplyToRmc(*ledger_, work.lines);
  auto first = FirstOfEachType(*ledger_);
  using P = schema::Payload;
  for (auto type : {P::CONTACT_ATTEMPTED, P::TRIAGED, P::CASE_CLOSED, P::MONITORED, P::CASE_OPENED})
    ASSERT_TRUE(first.count(type)) << "the workload has no event of type " << int(type);
  const std::vector<std::string> extra = Additions(first, work.lines[10]);
  auto extra_outcomes = ApplyToRmc(*ledger_, extra);
  rmc_outcomes.insert(rmc_outcomes.end(), extra_outcomes.begin(), extra_outcomes.end());

  auto peer = bench::SqlitePeer::Create(dir_ + "/peer.db");
  ASSERT_TRUE(peer.ok()) << peer.status().message();
  (*peer)->set_defaults({"test", schema::Role::COORDINATOR});
  std::vector<Outcome> peer_outcomes;
  std::istringstream all(work.Text() + Workload{extra}.Text());
  auto applied = (*peer)->Apply(all, 500, &peer_outcomes);
  ASSERT_TRUE(applied.ok()) << applied.status().message();

  ASSERT_EQ(peer_outcomes.size(), rmc_outcomes.size());
  size_t refused = 0;
  for (size_t i = 0; i < rmc_outcomes.size(); ++i) {
    ASSERT_EQ(Describe(peer_outcomes[i]), Describe(rmc_outcomes[i])) << "line " << i + 1;
    refused += !rmc_outcomes[i].ok();
  }
  // The additions did what they are there for (else the comparison proves less than it says).
  const size_t base = work.lines.size();
  for (size_t i : {0, 1, 2, 3, 7, 10, 11}) EXPECT_TRUE(rmc_outcomes[base + i].ok()) << Describe(rmc_outcomes[base + i]);
  for (size_t i : {4, 5, 6, 8, 9, 12}) EXPECT_FALSE(rmc_outcomes[base + i].ok()) << Describe(rmc_outcomes[base + i]);
  EXPECT_TRUE(rmc_outcomes[base + 10].duplicate && rmc_outcomes[base + 11].duplicate);
  EXPECT_LT(refused, 10u);

  // Every case state alike, but for the pseudonymous subject id (each store has its own pepper).
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  size_t cases = 0;
  auto s = (*txn)->ScanCases([&](std::string_view id, std::string_view bytes) {
    auto mine = DecodeCaseState(bytes);
    auto theirs = (*peer)->Case(std::string(id));
    EXPECT_TRUE(mine.ok() && theirs.ok()) << id;
    if (!mine.ok() || !theirs.ok()) return false;
    // The peer's JSON row holds every field (a field added to CaseState and not to it shows here).
    auto round_trip = bench::CaseStateFromJson(bench::CaseStateToJson(*mine));
    EXPECT_TRUE(round_trip.ok() && *round_trip == *mine) << id;
    mine->subject.clear();
    theirs->subject.clear();
    EXPECT_EQ(EncodeCaseState(*theirs), EncodeCaseState(*mine)) << id;
    ++cases;
    return true;
  });
  ASSERT_TRUE(s.ok()) << s.message();
  EXPECT_GE(cases, 300u);
  // The corrections reached the fold: the corrected contact counts as reaching the youth.
  auto corrected = (*peer)->Case(first[P::CONTACT_ATTEMPTED].second);
  ASSERT_TRUE(corrected.ok());
  EXPECT_FALSE(corrected->corrections.empty());
}

}  // namespace
}  // namespace rmc
