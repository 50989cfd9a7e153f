// End-to-end: a bundle for a learning session (`rmc replay --select EXPR --output DIR`) and the
// lessons across cases (`rmc lessons`) on the real binary. A bundle holds the selected cases
// only, always pseudonymised with one key: JSON Lines, a page per case named by its pseudonym,
// an index; one access record per youth; a wrong expression or an existing DIR writes nothing.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "rmc_cli.h"

namespace rmc::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr char kNow[] = "2026-11-20T09:00:00Z";

class BundleCli : public RmcCli {
 public:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init --region Utrecht").code, 0);
    // RMC-000001: short route, closed and evaluated ("ja", tag verwijzing). RMC-000002: open,
    // triaged. RMC-000003: short route, closed and evaluated ("twijfel", no tag).
    Signal("J-1", "Noor Bakker", "2026-09-01");
    Ok("triage RMC-000001 --target-group geen --action-required false --rationale 'werkt al' --reason spoed");
    Ok("feedback RMC-000001 --partners leerplicht --summary s --limited-to-case true");
    Ok("close RMC-000001 --close-reason geen-rmc-doelgroep");
    Evaluate("RMC-000001", "ja", "eerst bellen dan schrijven", "verwijzing");
    Signal("J-2", "Sem de Vries", "2026-09-03");
    Ok("triage RMC-000002 --target-group vsv-nieuw --action-required true --rationale 'geen "
       "opleiding' --reason spoed");
    Signal("J-3", "Lotte Smit", "2026-09-05");
    Ok("triage RMC-000003 --target-group geen --action-required false --rationale 'al begeleid' --reason spoed");
    Ok("feedback RMC-000003 --partners leerplicht --summary s --limited-to-case true");
    Ok("close RMC-000003 --close-reason geen-rmc-doelgroep");
    Evaluate("RMC-000003", "twijfel", "sneller huisbezoek", "");
  }

 protected:
  void Ok(const std::string& args) {
    auto r = Rmc(args, "consulent", kNow);
    ASSERT_EQ(r.code, 0) << args << ": " << r.text;
  }
  void Signal(const std::string& ref, const std::string& name, const std::string& received) {
    Ok("signal --subject-ref " + ref + " --subject-name '" + name +
       "' --subject-birth-date 2007-05-02 --channel jongere --received " + received);
  }
  void Evaluate(const std::string& c, const std::string& right, const std::string& lesson,
                const std::string& tag) {
    json improvement = {{"text", "werkwijze: " + lesson}};
    if (!tag.empty()) improvement["tags"] = {tag};
    json cmd = {{"id", "eval-" + c},
                {"type", "evaluation"},
                {"case", c},
                {"occurred_at", "2026-11-10"},
                {"data",
                 {{"resolved", "ja"},
                  {"partners_followed_up", "ja"},
                  {"bottlenecks", json::array()},
                  {"right_decision", right},
                  {"do_differently", "niets"},
                  {"went_well", "snel"},
                  {"learning_points", {lesson}},
                  {"improvements", {improvement}}}}};
    std::ofstream(dir_ + "/in.jsonl") << cmd.dump() << "\n";
    Ok("apply " + dir_ + "/in.jsonl");
  }
  // The records in the access log, as rmc verify counts them (verify records none itself).
  int AccessRecords() const {
    auto r = Rmc("--json verify", "consulent", kNow);
    EXPECT_EQ(r.code, 0) << r.text;
    return r.code == 0 ? json::parse(r.text)["access_records"].get<int>() : -1;
  }
  static std::string Read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
};

TEST_F(BundleCli, ABundleHoldsTheSelectedCasesPseudonymised) {
  const std::string out = dir_ + "/bundle";
  const int before = AccessRecords();
  auto r = Rmc("--purpose leersessie replay --select 'status=afgesloten right_decision!=none' "
               "--output " + out, "evaluator", kNow);
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_NE(r.text.find("2 casussen"), std::string::npos) << r.text;
  EXPECT_EQ(AccessRecords(), before + 2) << "one record per youth in the bundle";
  struct stat st{};
  ASSERT_EQ(::lstat(out.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);

  std::set<std::string> files;
  for (const auto& f : fs::directory_iterator(out)) {
    files.insert(f.path().filename().string());
    ASSERT_EQ(::lstat(f.path().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << f.path();
  }
  const auto lines = Lines(Read(out + "/cases.jsonl"));
  ASSERT_EQ(lines.size(), 2u);
  const std::string index = Read(out + "/index.html");
  std::set<std::string> pseudonyms;
  for (const auto& c : lines) {
    const std::string name = c["case"];
    EXPECT_EQ(name.substr(0, 2), "P-") << name;
    pseudonyms.insert(name);
    EXPECT_TRUE(files.count(name + ".html")) << name;
    EXPECT_NE(index.find("href=\"" + name + ".html\""), std::string::npos) << name;
    EXPECT_EQ(c["view"]["case"], name);
    EXPECT_EQ(c["view"]["status"], "afgesloten");
    // Positions numbered within the case, dates as day numbers since the first signal.
    uint64_t n = 0;
    for (const auto& e : c["events"]) {
      EXPECT_EQ(e["position"], ++n) << e.dump();
      EXPECT_TRUE(e["occurred_at"].is_number_integer()) << e.dump();
    }
    for (const auto& e : c["events"])
      if (e["type"] == "SignalReceived") EXPECT_EQ(e["data"]["received"], 0) << e.dump();
    EXPECT_TRUE(c["until"].is_number_integer());
  }
  EXPECT_EQ(pseudonyms.size(), 2u);
  EXPECT_EQ(files.size(), 4u) << "two pages, cases.jsonl, index.html";
  for (const auto& f : files) {
    const std::string text = Read(out + "/" + f);
    for (const char* value : {"RMC-00000", "J-1", "J-3", "Noor", "Lotte", "Bakker", "2026-09"})
      EXPECT_EQ(text.find(value), std::string::npos) << value << " in " << f;
  }
  EXPECT_NE(index.find("Casussen voor de leersessie"), std::string::npos);
}

TEST_F(BundleCli, OneKeyPerBundleAndAnotherForTheNext) {
  for (const char* name : {"/one", "/two"})
    ASSERT_EQ(Rmc("replay --select route=kort --output " + dir_ + name, "consulent", kNow).code, 0);
  auto one = Lines(Read(dir_ + "/one/cases.jsonl")), two = Lines(Read(dir_ + "/two/cases.jsonl"));
  ASSERT_EQ(one.size(), 2u);
  ASSERT_EQ(two.size(), 2u);
  // Within a bundle the consultant (the same actor on both cases) has one pseudonym.
  EXPECT_EQ(one[0]["events"][0]["actor"], one[1]["events"][0]["actor"]);
  EXPECT_NE(one[0]["events"][0]["actor"], two[0]["events"][0]["actor"]) << "two bundles link";
  EXPECT_NE(one[0]["case"], two[0]["case"]);
}

TEST_F(BundleCli, AWrongExpressionNamesItsColumnAndWritesNothing) {
  const int before = AccessRecords();
  auto r = Rmc("replay --select 'status=afgesloten stauts=open' --output " + dir_ + "/b", "consulent",
               kNow);
  EXPECT_EQ(r.code, 2) << r.text;
  EXPECT_NE(r.text.find("column 19"), std::string::npos) << r.text;
  EXPECT_FALSE(fs::exists(dir_ + "/b"));
  EXPECT_EQ(AccessRecords(), before);
  EXPECT_EQ(Rmc("replay --select status=open", "consulent", kNow).code, 2) << "no --output";
  EXPECT_EQ(Rmc("replay RMC-000001 --select status=open --output " + dir_ + "/b", "consulent",
                kNow).code, 2);
  EXPECT_FALSE(fs::exists(dir_ + "/b"));
}

TEST_F(BundleCli, ABundleGoesIntoANewFolderOnlyAndFollowsNoLink) {
  fs::create_directory(dir_ + "/there");
  std::ofstream(dir_ + "/there/keep") << "mine";
  fs::create_directory_symlink(dir_ + "/there", dir_ + "/link");
  const int before = AccessRecords();
  for (const char* at : {"/there", "/link", "/there/keep", "/absent/deeper"}) {
    auto r = Rmc("replay --select status=open --output " + dir_ + at, "consulent", kNow);
    EXPECT_EQ(r.code, 2) << at << ": " << r.text;
    EXPECT_NE(r.text.find("--output"), std::string::npos) << r.text;
  }
  EXPECT_EQ(AccessRecords(), before);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir_ + "/there"), fs::directory_iterator()), 1);
  EXPECT_EQ(Read(dir_ + "/there/keep"), "mine");
}

TEST_F(BundleCli, ARoleThatMayNotReadGetsNoBundle) {
  auto r = Rmc("replay --select status=open --output " + dir_ + "/b", "evaluator", kNow);
  EXPECT_EQ(r.code, 2) << "the evaluator gives a purpose: " << r.text;
  EXPECT_FALSE(fs::exists(dir_ + "/b"));
}

TEST_F(BundleCli, AnEmptySelectionIsAnEmptyBundle) {
  const int before = AccessRecords();
  auto r = Rmc("--json replay --select target_group=jikp --output " + dir_ + "/b", "consulent", kNow);
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(json::parse(r.text)["cases"], 0);
  EXPECT_EQ(Read(dir_ + "/b/cases.jsonl"), "");
  EXPECT_TRUE(fs::exists(dir_ + "/b/index.html"));
  EXPECT_EQ(AccessRecords(), before);
}

TEST_F(BundleCli, LessonsAreGroupedByTagWithTheirCases) {
  const int before = AccessRecords();
  auto r = Rmc("--purpose leersessie --json lessons", "evaluator", kNow);
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(AccessRecords(), before + 2) << "one record per youth whose evaluation is shown";
  json l = json::parse(r.text);
  EXPECT_EQ(l["evaluations"], 2);
  ASSERT_EQ(l["tags"].size(), 2u) << l.dump();
  std::map<std::string, json> by_tag;
  for (const auto& t : l["tags"]) by_tag[t["tag"]] = t;
  ASSERT_TRUE(by_tag.count("verwijzing") && by_tag.count("zonder tag")) << l.dump();
  const json& tagged = by_tag["verwijzing"];
  EXPECT_EQ(tagged["count"], 2) << "a learning point and an improvement";
  ASSERT_EQ(tagged["cases"].size(), 1u);
  EXPECT_EQ(tagged["cases"][0].get<std::string>().substr(0, 2), "P-");
  EXPECT_EQ(tagged["learning_points"][0]["text"], "eerst bellen dan schrijven");
  EXPECT_EQ(tagged["learning_points"][0]["case"], tagged["cases"][0]);
  EXPECT_EQ(by_tag["zonder tag"]["learning_points"][0]["text"], "sneller huisbezoek");

  json only = json::parse(Rmc("--json lessons --tag verwijzing", "consulent", kNow).text);
  ASSERT_EQ(only["tags"].size(), 1u);
  EXPECT_EQ(only["tags"][0]["tag"], "verwijzing");
  json none = json::parse(Rmc("--json lessons --to 2026-11-09", "consulent", kNow).text);
  EXPECT_EQ(none["evaluations"], 0);
  EXPECT_TRUE(none["tags"].empty());
  json all = json::parse(Rmc("--json lessons --from 2026-11-10 --to 2026-11-10", "consulent", kNow).text);
  EXPECT_EQ(all["evaluations"], 2);

  auto text = Rmc("lessons", "consulent", kNow);
  ASSERT_EQ(text.code, 0);
  EXPECT_NE(text.text.find("Lessen uit 2 evaluaties"), std::string::npos) << text.text;
  EXPECT_NE(text.text.find("leerpunt: eerst bellen dan schrijven"), std::string::npos) << text.text;
  EXPECT_EQ(text.text.find("RMC-00000"), std::string::npos) << text.text;
}

TEST_F(BundleCli, LessonsRefuseAWrongDateWithoutReading) {
  const int before = AccessRecords();
  for (const char* args : {"lessons --from 10-11-2026", "lessons --to 2026-02-30",
                           "lessons --from 2026-11-11 --to 2026-11-10"}) {
    auto r = Rmc(args, "consulent", kNow);
    EXPECT_EQ(r.code, 2) << args << ": " << r.text;
  }
  EXPECT_EQ(AccessRecords(), before);
}

TEST_F(BundleCli, LessonsAccountOnlyForWhatTheyShow) {
  int before = AccessRecords();
  json one = json::parse(Rmc("--json lessons --tag verwijzing", "consulent", kNow).text);
  EXPECT_EQ(one["evaluations"], 1);
  EXPECT_EQ(AccessRecords(), before + 1) << "the other evaluation was not shown";
  before = AccessRecords();
  json none = json::parse(Rmc("--json lessons --tag onbekend", "consulent", kNow).text);
  EXPECT_EQ(none["evaluations"], 0);
  EXPECT_TRUE(none["tags"].empty());
  EXPECT_EQ(AccessRecords(), before);
  // With the reasoning off there is nothing to show, and nothing is accounted for.
  ASSERT_EQ(Rmc("config pseudonymized_reasoning off", "coordinator", kNow).code, 0);
  before = AccessRecords();
  auto off = Rmc("lessons", "consulent", kNow);
  EXPECT_EQ(off.code, 0) << off.text;
  EXPECT_NE(off.text.find("Geen lessen gevonden."), std::string::npos) << off.text;
  EXPECT_EQ(AccessRecords(), before);
}

TEST_F(BundleCli, LessonsReadAnEvaluationAsItsCorrectionsLeftIt) {
  uint64_t evaluation = 0;
  for (const auto& e : json::parse(Rmc("--json history RMC-000001", "consulent", kNow).text))
    if (e["type"] == "CaseEvaluated") evaluation = e["position"];
  ASSERT_NE(evaluation, 0u);
  json correct = {{"id", "corr-1"},
                  {"type", "correct"},
                  {"case", "RMC-000001"},
                  {"reason", "de naam van de school stond erin"},
                  {"data",
                   {{"event", evaluation},
                    {"data",
                     {{"learning_points", {"eerst bellen"}},
                      {"improvements", {{{"text", "bellen"}, {"tags", {"contact"}}}}}}}}}};
  std::ofstream(dir_ + "/in.jsonl") << correct.dump() << "\n";
  Ok("apply " + dir_ + "/in.jsonl");
  json l = json::parse(Rmc("--json lessons", "consulent", kNow).text);
  std::set<std::string> tags;
  for (const auto& t : l["tags"]) tags.insert(t["tag"]);
  EXPECT_TRUE(tags.count("contact")) << l.dump();
  EXPECT_FALSE(tags.count("verwijzing")) << "the corrected tag is gone: " << l.dump();
  EXPECT_EQ(l.dump().find("dan schrijven"), std::string::npos) << l.dump();
}

TEST_F(BundleCli, AFileOrFolderThatCannotBeMadeIsRefusedBeforeAnythingIsRead) {
  const int before = AccessRecords();
  for (const std::string args :
       {"replay RMC-000001 --output " + dir_ + "/missing/page.txt",
        "lessons --output " + dir_ + "/missing/lessons.txt",
        "replay --select status=open --output " + dir_ + "/missing/bundle"}) {
    auto r = Rmc(args, "consulent", kNow);
    EXPECT_EQ(r.code, 2) << args << ": " << r.text;
  }
  EXPECT_EQ(AccessRecords(), before);
}

TEST_F(BundleCli, OnlyWholeCaseIdsArePseudonymsAndOtherCasesIdsAreMasked) {
  // A case whose id is a word of the text around it, and a reason that names another case.
  Ok("signal --case geen --subject-ref J-9 --subject-name 'Eva Jansen' --channel jongere "
     "--received 2026-09-07");
  Ok("triage geen --target-group geen --action-required false --rationale 'werkt al, geen actie, "
     "zie RMC-000002' --reason spoed");
  const std::string out = dir_ + "/b";
  ASSERT_EQ(Rmc("replay --select target_group=geen --output " + out, "consulent", kNow).code, 0);
  const std::string text = Read(out + "/cases.jsonl");
  EXPECT_EQ(text.find("RMC-000002"), std::string::npos) << text;
  EXPECT_NE(text.find("werkt al, geen actie, zie [***]"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("target_group":"geen")"), std::string::npos) << text;
  EXPECT_EQ(text.find(R"("case":"geen")"), std::string::npos) << text;
}

TEST_F(BundleCli, TheTextFormPrintsNoControlSequence) {
  Signal("J-4", "Iris Kok", "2026-09-08");
  json cmd = {{"id", "esc"},
              {"type", "triage"},
              {"case", "RMC-000004"},
              {"reason", "rood \x1b[31m en \x1b[2J weg"},
              {"data",
               {{"target_group", "geen"}, {"action_required", false}, {"rationale", "a \x1b[2J b"}}}};
  std::ofstream(dir_ + "/in.jsonl") << cmd.dump() << "\n";
  Ok("apply " + dir_ + "/in.jsonl");
  ASSERT_NE(Rmc("--json history RMC-000004", "consulent", kNow).text.find("\\u001b[31m"),
            std::string::npos) << "the ledger holds the escape as recorded";
  for (const char* args : {"replay RMC-000004", "replay RMC-000004 --decisions", "lessons"}) {
    auto r = Rmc(args, "consulent", kNow);
    EXPECT_EQ(r.code, 0) << args << ": " << r.text;
    EXPECT_EQ(r.text.find('\x1b'), std::string::npos) << args;
  }
  EXPECT_EQ(Rmc("replay RMC-000004 --as-of 18446744073709551615", "consulent", kNow).code, 2);
}

TEST_F(BundleCli, APseudonymisedReplayTakesThePointByItsOwnNumbers) {
  json all = json::parse(Rmc("--purpose p --json replay RMC-000003", "evaluator", kNow).text);
  ASSERT_GE(all["events"].size(), 3u);
  json two = json::parse(Rmc("--purpose p --json replay RMC-000003 --as-of 2", "evaluator", kNow).text);
  ASSERT_EQ(two["events"].size(), 2u) << two.dump();
  EXPECT_EQ(two["events"][1]["position"], 2);
  EXPECT_EQ(two["events"][1]["type"], all["events"][1]["type"]);
  // A consulent's replay takes the ledger's positions.
  auto mine = Rmc("--json replay RMC-000003 --as-of 2", "consulent", kNow);
  EXPECT_EQ(mine.code, 5) << "position 2 of the ledger is before case 3: " << mine.text;
}

}  // namespace
}  // namespace rmc::testing
