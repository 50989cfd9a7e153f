// End-to-end: `rmc replay` on the real binary. As of every position of every scenario case the
// replay's view is the live view `rmc show` gave right after that position was written; each
// event shows what it changed, its step and phase, and whether it was entered late; every kind
// of decision shows what was on record just before it; --verify finds a tampered event; one
// replay is one access record.
#include <filesystem>
#include <fstream>
#include <map>

#include "../file_facts.h"
#include "rmc_cli.h"

namespace rmc::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class ReplayCli : public RmcCli {
 public:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init --region Utrecht").code, 0);
  }
  // `line` through `rmc apply` at `now`; its result line.
  json Apply(const std::string& line, const std::string& now = "2026-11-20T09:00:00Z",
             const std::string& role = "consulent") const {
    std::ofstream(dir_ + "/in.jsonl") << line << "\n";
    auto r = rmc::e2e::RunRmc(dir_, "apply --json < " + dir_ + "/in.jsonl", role, now);
    EXPECT_EQ(r.code, 0) << line << ": " << r.text;
    return r.code == 0 ? json::parse(r.text.substr(0, r.text.find('\n'))) : json();
  }

 protected:
  json Replay(const std::string& args, const std::string& role = "consulent",
              const std::string& now = "2026-11-20T09:00:00Z") const {
    auto r = Rmc("replay " + args + " --json", role, now);
    EXPECT_EQ(r.code, 0) << args << ": " << r.text;
    return r.code == 0 ? json::parse(r.text) : json();
  }
  int AccessRecords() const {
    auto r = Rmc("--purpose controle audit reads --json", "auditor");
    EXPECT_EQ(r.code, 0) << r.text;
    return r.code == 0 ? int(json::parse(r.text).size()) : -1;
  }
};

// A case for the tests below: a signal entered nine days late, a review, a triage, two
// contacts, a correction of the first contact, an assessment before the intake with a reason (a
// deviation). Returns
// the position each command wrote last, by command id.
std::map<std::string, uint64_t> WriteDecisionCase(const ReplayCli& t) {
  std::map<std::string, uint64_t> at;
  auto apply = [&](const std::string& line, const std::string& now) {
    json r = t.Apply(line, now);
    at[r.value("id", "")] = r.value("position", uint64_t(0));
  };
  apply(R"({"id":"d1","type":"signal","occurred_at":"2026-09-01","data":{"subject":{"ref":"J-1","name":"Noor Bakker","birth_date":"2007-05-02","enrolled":false},"channel":"duo-verzuimloket","reporter":"ROC Zuid","received":"2026-09-01","action_wanted":true}})",
        "2026-09-10T09:00:00Z");
  apply(R"({"id":"d2","type":"review","case":"RMC-000001","occurred_at":"2026-09-10","data":{"checked_with_youth":false,"checked_with_partners":["Leerplicht Oost"],"school_contacted":true,"school_measures":"twee gesprekken","partner_actions":"geen","youth_agreements":"geen","contacts":["mentor"],"care":"geen"}})",
        "2026-09-10T10:00:00Z");
  apply(R"({"id":"d3","type":"triage","case":"RMC-000001","occurred_at":"2026-09-11","data":{"target_group":"vsv-nieuw","action_required":true,"rationale":"geen opleiding en geen werk"}})",
        "2026-09-11T09:00:00Z");
  apply(R"({"id":"d4","type":"contact","case":"RMC-000001","occurred_at":"2026-09-12","data":{"channel":"brief","outcome":"geen-reactie"}})",
        "2026-09-12T09:00:00Z");
  apply(R"({"id":"d5","type":"contact","case":"RMC-000001","occurred_at":"2026-09-14","data":{"channel":"telefoon","outcome":"bereikt"}})",
        "2026-09-14T09:00:00Z");
  apply(R"({"id":"d6","type":"correct","case":"RMC-000001","reason":"verkeerde uitkomst ingevoerd","data":{"event":)" +
            std::to_string(at["d4"]) + R"(,"data":{"outcome":"afspraak-gemaakt"}}})",
        "2026-09-15T09:00:00Z");
  apply(R"({"id":"d7","type":"assessment","case":"RMC-000001","occurred_at":"2026-09-16","reason":"jongere wilde eerst de zrm doen","data":{"instrument":"zrm","domains":{"werk-opleiding":{"score":2}}}})",
        "2026-09-16T09:00:00Z");
  return at;
}

TEST_F(ReplayCli, EachEventShowsWhatItChangedItsStepAndWhetherItWasLate) {
  auto at = WriteDecisionCase(*this);
  json r = Replay("RMC-000001");
  ASSERT_TRUE(r.contains("events"));
  const json& events = r["events"];
  ASSERT_GE(events.size(), 7u);
  // The signal: occurred 2026-09-01, recorded 2026-09-10.
  json signal;
  for (const auto& e : events)
    if (e["type"] == "SignalReceived") signal = e;
  EXPECT_EQ(signal["late"], true);
  EXPECT_EQ(signal["late_days"], 9);
  // The triage changed the target group from nothing to vsv-nieuw and left the case at step 3.
  for (const auto& e : events) {
    if (e["type"] != "Triaged") {
      if (e["type"] == "ContactAttempted") EXPECT_EQ(e["late"], false);
      continue;
    }
    EXPECT_EQ(e["step"], 3);
    EXPECT_EQ(e["phase"], 1);
    EXPECT_EQ(e["decision"], "triage");
    bool changed = false;
    for (const auto& c : e["changes"])
      if (c["field"] == "target_group") {
        EXPECT_EQ(c["from"], nullptr);
        EXPECT_EQ(c["to"], "vsv-nieuw");
        changed = true;
      }
    EXPECT_TRUE(changed) << e["changes"].dump();
  }
  // The correction shows the original and the corrected value, with its reason.
  bool corrected = false;
  for (const auto& e : events)
    if (e["type"] == "EventCorrected") {
      corrected = true;
      EXPECT_EQ(e["decision"], "correction");
      EXPECT_EQ(e["correction"]["target"], at["d4"]);
      EXPECT_EQ(e["correction"]["fields"][0],
                json({{"field", "outcome"}, {"original", "geen-reactie"}, {"corrected", "afspraak-gemaakt"}}));
      EXPECT_EQ(e["correction"]["reason"], "verkeerde uitkomst ingevoerd");
      EXPECT_EQ(e["corrections"].size(), 1u);
    }
  EXPECT_TRUE(corrected);
  // The assessment before the intake is a deviation, in place from then on.
  const json& deviation = events[events.size() - 2];
  EXPECT_EQ(deviation["type"], "StepDeviated");
  EXPECT_EQ(deviation["decision"], "deviation");
  EXPECT_EQ(deviation["reason"], "jongere wilde eerst de zrm doen");
  const json& last = events.back();
  EXPECT_EQ(last["type"], "AssessmentRecorded");
  EXPECT_EQ(last["deviations"].size(), 1u);
  // The text form says the same for a person.
  auto text = Rmc("replay RMC-000001");
  EXPECT_EQ(text.code, 0) << text.text;
  EXPECT_NE(text.text.find("LAAT INGEVOERD: 9 dagen"), std::string::npos) << text.text;
  EXPECT_NE(text.text.find("BESLISSING: oordeel signalering"), std::string::npos) << text.text;
  EXPECT_NE(text.text.find("uitkomst: geen-reactie → afspraak-gemaakt"), std::string::npos) << text.text;
}

TEST_F(ReplayCli, EveryDecisionShowsWhatWasOnRecordJustBeforeIt) {
  WriteDecisionCase(*this);
  Apply(R"({"id":"d9","type":"consent","case":"RMC-000001","occurred_at":"2026-09-17","data":{"given":true,"partners":["UWV"],"categories":["werk"],"purpose":"werk zoeken"}})", "2026-09-17T10:00:00Z");
  Apply(R"({"id":"d10","type":"inquiry_completed","case":"RMC-000001","occurred_at":"2026-09-18","reason":"intake volgt na het vooronderzoek","data":{"reasons":"geen diploma","education_reasons":"geen","interventions":[],"care":[],"next_steps":"werk zoeken"}})", "2026-09-18T09:00:00Z");
  Apply(R"({"id":"d11","type":"plan","case":"RMC-000001","occurred_at":"2026-09-19","data":{"trajectories":["arbeid"],"case_director":"UWV","asked_youth_for_director":true,"made_with_youth":true}})", "2026-09-19T09:00:00Z");
  Apply(R"({"id":"d12","type":"plan_revised","case":"RMC-000001","occurred_at":"2026-09-25","data":{"trajectories":["arbeid","onderwijs"],"case_director":"UWV","asked_youth_for_director":true,"made_with_youth":true}})", "2026-09-25T09:00:00Z");
  Apply(R"({"id":"d13","type":"close","case":"RMC-000001","occurred_at":"2026-10-01","reason":"jongere verhuist naar het buitenland","data":{"reason":"verhuisd"}})", "2026-10-01T09:00:00Z");
  json r = Replay("RMC-000001 --decisions");
  ASSERT_TRUE(r.contains("decisions"));
  std::map<std::string, json> by_kind;
  for (const auto& d : r["decisions"]) by_kind[d["decision"].get<std::string>()] = d;
  for (const char* kind : {"triage", "plan", "plan_revision", "closing", "deviation", "correction"})
    EXPECT_TRUE(by_kind.count(kind)) << kind << " missing from " << r["decisions"].dump();
  // Each names who and when, and what was known just before.
  for (const auto& [kind, d] : by_kind) {
    EXPECT_EQ(d["actor"], "test") << kind;
    EXPECT_TRUE(d["occurred_at"].is_string()) << kind;
    ASSERT_TRUE(d["known_before"].is_object()) << kind;
    for (const char* k : {"info_items", "contacts", "assessment", "consent", "deadlines"})
      EXPECT_TRUE(d["known_before"].contains(k)) << kind << " " << k;
  }
  // At the triage: no contact yet, the review's items present, the youth's view missing.
  const json& triage = by_kind["triage"]["known_before"];
  EXPECT_EQ(triage["contacts"].size(), 0u);
  EXPECT_EQ(by_kind["triage"]["data"]["rationale"], "geen opleiding en geen werk");
  // At the plan: two contacts, the assessment and the consent on record.
  const json& plan = by_kind["plan"]["known_before"];
  EXPECT_EQ(plan["contacts"].size(), 2u);
  EXPECT_EQ(plan["assessment"]["instrument"], "zrm");
  EXPECT_EQ(plan["consent"].size(), 1u);
  // The correction, before it: the first contact as it was recorded.
  EXPECT_EQ(by_kind["correction"]["known_before"]["contacts"][0]["outcome"], "geen-reactie");
  // The closing with its reason; its open deadlines are those of its own day.
  EXPECT_EQ(by_kind["closing"]["reason"], "jongere verhuist naar het buitenland");
  for (const auto& dl : by_kind["closing"]["known_before"]["deadlines"]) EXPECT_EQ(dl["met"], false);
  auto text = Rmc("replay RMC-000001 --decisions");
  EXPECT_EQ(text.code, 0);
  EXPECT_NE(text.text.find("bekend vlak ervoor"), std::string::npos) << text.text;
}

TEST_F(ReplayCli, AViewAsOfAPointComputesItsDeadlinesAgainstThatPoint) {
  auto at = WriteDecisionCase(*this);
  // As of the triage (recorded 2026-09-11) no deadline was overdue; today (the clock says
  // 2026-11-20) the picture differs, but not the view as of then.
  const std::string triage = std::to_string(at["d3"]);
  json then = Replay("RMC-000001 --as-of " + triage);
  EXPECT_EQ(then["until"].get<std::string>().substr(0, 10), "2026-09-11");
  for (const auto& d : then["view"]["deadlines"]) EXPECT_EQ(d["overdue"], false) << d.dump();
  json shown = JsonOf("show RMC-000001 --as-of " + triage + " --json");
  EXPECT_EQ(shown, then["view"]);
}

TEST_F(ReplayCli, OneReplayIsOneAccessRecord) {
  WriteDecisionCase(*this);
  const int before = AccessRecords();
  Replay("RMC-000001");
  EXPECT_EQ(AccessRecords(), before + 2);  // the replay, and the audit read that counted it
  auto refused = Rmc("replay RMC-000001", "auditor");  // no purpose
  EXPECT_EQ(refused.code, 2) << refused.text;
  auto unknown = Rmc("replay RMC-999999");
  EXPECT_EQ(unknown.code, 5) << unknown.text;
}

// As of every position of every scenario case, the replay's view and `show --as-of` equal the
// live view recorded right after that position was written.
TEST_F(ReplayCli, AsOfEveryPositionIsTheLiveViewOfThen) {
  for (const auto& file : fs::directory_iterator(fs::path(RMC_SOURCE_DIR) / "tests/scenarios")) {
    SCOPED_TRACE(file.path().filename().string());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    ASSERT_EQ(Rmc("init --region Utrecht").code, 0);
    std::string now = "2026-11-20T09:00:00Z", role = "consulent";
    struct Live { std::string case_id, now; json view; };
    std::map<uint64_t, Live> live;  // by the last position a command wrote
    std::ifstream in(file.path());
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("@now ", 0) == 0) now = line.substr(5);
      if (line.rfind("@role ", 0) == 0) role = line.substr(6);
      if (line.empty() || line[0] != '{') continue;
      std::ofstream(dir_ + "/in.jsonl") << line << "\n";
      auto r = rmc::e2e::RunRmc(dir_, "apply --json < " + dir_ + "/in.jsonl", role, now);
      if (r.code != 0) continue;
      json result = json::parse(r.text.substr(0, r.text.find('\n')));
      if (!result.contains("case") || !result["case"].is_string() || result.value("duplicate", false)) continue;
      const std::string case_id = result["case"];
      auto shown = rmc::e2e::RunRmc(dir_, "show " + case_id + " --json", "consulent", now);
      ASSERT_EQ(shown.code, 0) << shown.text;
      live[result["position"].get<uint64_t>()] = {case_id, now, json::parse(shown.text)};
    }
    ASSERT_FALSE(live.empty());
    for (const auto& [position, l] : live) {
      const std::string at = l.case_id + " --as-of " + std::to_string(position);
      auto replay = rmc::e2e::RunRmc(dir_, "replay " + at + " --json", "consulent", l.now);
      ASSERT_EQ(replay.code, 0) << at << ": " << replay.text;
      EXPECT_EQ(json::parse(replay.text)["view"], l.view) << at;
      auto shown = rmc::e2e::RunRmc(dir_, "show " + at + " --json", "consulent", l.now);
      ASSERT_EQ(shown.code, 0) << shown.text;
      EXPECT_EQ(json::parse(shown.text), l.view) << at;
    }
  }
}

// --format html: one page (replay_html.h) with every event, private like every file rmc writes;
// the evaluator's page names neither the youth nor the reasons. How it renders:
// tests/replay_page.py.
TEST_F(ReplayCli, TheHtmlPageHoldsEveryEventAndTheEvaluatorsNoName) {
  WriteDecisionCase(*this);
  json events = Replay("RMC-000001")["events"];
  ASSERT_FALSE(events.empty());
  const std::string page = dir_ + "/replay.html";
  auto r = Rmc("--purpose controle replay RMC-000001 --format html --output " + page, "auditor");
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(rmc::testing::Mode(page), 0600u);
  std::string html = rmc::testing::Slurp(page);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const auto& e : events)
    EXPECT_NE(html.find("id=\"e" + std::to_string(e["position"].get<uint64_t>()) + "\""), std::string::npos);
  EXPECT_NE(html.find("Noor Bakker"), std::string::npos);
  EXPECT_NE(html.find("verkeerde uitkomst ingevoerd"), std::string::npos);

  fs::remove(page);
  r = Rmc("--purpose evaluatie replay RMC-000001 --format html --output " + page, "evaluator");
  ASSERT_EQ(r.code, 0) << r.text;
  html = rmc::testing::Slurp(page);
  // Pseudonymised: the events numbered within the case, the reasoning kept (redacted).
  for (size_t n = 1; n <= events.size(); ++n)
    EXPECT_NE(html.find("id=\"e" + std::to_string(n) + "\""), std::string::npos) << n;
  EXPECT_EQ(html.find("Noor Bakker"), std::string::npos);
  EXPECT_NE(html.find("verkeerde uitkomst ingevoerd"), std::string::npos);
  EXPECT_EQ(html.find("c.jansen"), std::string::npos);
  EXPECT_EQ(Rmc("--purpose controle replay RMC-000001 --format pdf", "auditor").code, 2);
}

TEST_F(ReplayCli, VerifyShowsEachLinkAndFindsATamperedEvent) {
  auto at = WriteDecisionCase(*this);
  ASSERT_EQ(Rmc("audit checkpoint --output " + dir_ + "/cp.json", "auditor").code, 0);
  auto good = Rmc("replay RMC-000001 --verify --checkpoint " + dir_ + "/cp.json --json", "auditor");
  ASSERT_EQ(good.code, 0) << good.text;
  json v = json::parse(good.text);
  EXPECT_EQ(v["holds"], true);
  for (const auto& e : v["events"]) {
    EXPECT_EQ(e["linked"], true);
    EXPECT_EQ(e["checkpoint"], dir_ + "/cp.json");
  }
  // A copy of the ledger with one byte of the review's partner changed (a name only it holds).
  const std::string copy = dir_ + "/tampered";
  fs::create_directories(copy);
  for (const auto& f : fs::directory_iterator(dir_))
    if (f.path() != copy) fs::copy(f.path(), copy + "/" + f.path().filename().string(), fs::copy_options::recursive);
  std::string data;
  {
    std::ifstream f(copy + "/data.mdb", std::ios::binary);
    data.assign(std::istreambuf_iterator<char>(f), {});
  }
  size_t changed = 0;
  for (auto where = data.find("Leerplicht Oost"); where != std::string::npos;
       where = data.find("Leerplicht Oost", where + 1), ++changed)
    data[where] = 'l';
  ASSERT_GE(changed, 1u);
  std::ofstream(copy + "/data.mdb", std::ios::binary) << data;
  auto bad = rmc::e2e::RunRmc(copy, "replay RMC-000001 --verify --json", "auditor");
  EXPECT_EQ(bad.code, 6) << bad.text;
  json broken = json::parse(bad.text.substr(0, bad.text.rfind('}') + 1));
  EXPECT_EQ(broken["holds"], false);
  // The review no longer hashes to what the event after it recorded: the break is named there.
  for (const auto& e : broken["events"]) {
    const uint64_t p = e["position"];
    EXPECT_EQ(e["holds"], p != at["d2"] && p != at["d2"] + 1) << e.dump();
    if (p == at["d2"]) EXPECT_EQ(e["followed"], false);
  }
  auto text = rmc::e2e::RunRmc(copy, "replay RMC-000001 --verify", "auditor");
  EXPECT_EQ(text.code, 6);
  EXPECT_NE(text.text.find("NIET ONGESCHONDEN"), std::string::npos) << text.text;
}

}  // namespace
}  // namespace rmc::testing
