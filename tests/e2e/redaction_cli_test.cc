// The redaction leak test (issue 13, item 5), through the real binary: cases whose free text
// (rationales, deviation and correction reasons, notes, contact notes, conclusions, follow-ups,
// learning points, bottlenecks, improvements, answers) names the youth, their ref and birth date
// in several notations, their phone, e-mail, address and school, the reporter, the partner and
// the consultant. No pseudonymised output may hold any of them, nor the free text the form
// removes; the reasoning itself must stay. A new pseudonymised output is one more line in
// kReads (or one more ExpectRedacted call, tests/e2e/redaction_check.h).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "redaction_check.h"
#include "rmc_cli.h"

namespace {

using nlohmann::json;
using rmc::testing::ExpectRedacted;

constexpr char kNow[] = "2027-01-15T09:00:00Z";

std::string AsciiUpper(std::string s) {
  for (char& ch : s) ch = char(std::toupper(static_cast<unsigned char>(ch)));
  return s;
}

// A youth and the people around their case, and how the free text writes them.
struct Youth {
  std::string ref, first, last, birth;       // birth: ISO
  std::vector<std::string> parts;            // of the name, also as ASCII when the text does
  std::vector<std::string> birth_notations;  // as the text writes it
  std::string address, street, postcode;     // street and number; the postcode as text writes it
  std::string phone, phone_in_text, email, school, reporter, partner, consultant, account;

  std::string name() const { return first + " " + last; }
  // The values that must never reach a pseudonymised output.
  std::vector<std::string> Forbidden() const {
    std::vector<std::string> v{ref,     first,      last,    name(),       birth,  address,
                               street,  postcode,   phone,   email,        school, reporter,
                               partner, consultant, account, phone_in_text};
    v.insert(v.end(), birth_notations.begin(), birth_notations.end());
    v.insert(v.end(), parts.begin(), parts.end());
    return v;
  }
};

// One youth a block.
// clang-format off
const std::vector<Youth> kYouths{
    {"J-4417", "Fenna", "Oudeboom", "2009-03-14", {"Fenna", "Oudeboom"},
     {"14-03-2009", "14 maart 2009", "20090314", "14/3/2009"},
     "Vleutenseweg 88, 3532 HL Utrecht", "Vleutenseweg 88", "3532HL",
     "06-48213377", "06 4821 3377", "fenna.oudeboom@mail.example", "Globe College",
     "Aukje Stellingwerf", "Stichting Jongerenwerk Oost", "Karin Bakhuizen", "k.bakhuizen"},
    {"J-5823", "Özlem", "Çakıroğlu", "2008-11-02", {"Ozlem", "Cakiroglu"},
     {"02-11-2008", "2 nov. 2008", "02112008", "2008.11.02"},
     "Kanaalstraat 5, 3531 CJ Utrecht", "Kanaalstraat 5", "3531 CJ",
     "+31 6 51902244", "0651902244", "ozlem.c@mail.example", "Ithaka College",
     "Ruud Veldkamp", "Buurtteam Noordwest", "Pim Zandvoort", "p.zandvoort"},
    {"J-6190", "Jan-Willem", "van der Steeg", "2007-07-01", {"Jan", "Willem", "Steeg"},
     {"01-07-2007", "1 juli 2007", "1-7-2007", "July 1, 2007"},
     "Hoogstraat 3, 3511 XZ Utrecht", "Hoogstraat 3", "3511xz",
     "030-2345678", "030 234 56 78", "jw.vandersteeg@mail.example", "Nova College",
     "Mieke Lansdorp", "Werkcentrum Zuilen", "Thijs Ravensberg", "t.ravensberg"},
};
// clang-format on

// Free text about the youth, with every kind of value in it and one word of its own.
std::string Mention(const Youth& y, size_t n, const std::string& word) {
  const auto& birth = y.birth_notations[n % y.birth_notations.size()];
  switch (n % 4) {
    case 0:
      return word + ": " + y.first + " (" + y.ref + ", geb. " + birth + ") mailt " + y.email +
             " en belt " + y.phone_in_text + "; school " + y.school + ".";
    case 1:
      return "Met " + y.name() + " (" + birth + ") besproken, " + word + ", melder " + y.reporter +
             " en " + y.partner + " zijn akkoord; woont " + y.street + ", " + y.postcode + ".";
    case 2:
      return AsciiUpper(y.last) + " (" + birth + ") " + word + " volgens " + y.consultant + " (" +
             y.account + "), zie " + y.address + " of tel. " + y.phone + ".";
    default:
      return y.parts.front() + " " + y.parts.back() + " " + word + ", " + y.ref + " geboren " +
             birth + " (" + y.birth + "), via " + y.reporter + " en " + y.school + ".";
  }
}

// The reasoning words, by the field they are written in; the free text the form removes.
const std::vector<std::string> kReasonWords{"spoedbeoordeling"};  // a deviation's
const std::vector<std::string> kReasoningWords{
    "spoedbeoordeling",  "dubbelgeboekt",     "verzuimpatroon",     "faalangst",
    "loopbaangesprek",   "stagematching",     "aanwezigheidslijst", "huisbezoekeerder",
    "wachtlijstproblem", "voorrangsregeling", "ketenoverleg"};
const std::vector<std::string> kRemovedWords{
    "telefoonnotitie", "dossiernotitie", "vermoedenwoord", "hulpvraagwoord",  "antwoordwoord",
    "doelwoord",       "wekelijksappen", "ginggoedwoord",  "andersdoenwoord", "terugkoppelwoord"};

class RedactionCli : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Run("init").code, 0);
    for (size_t k = 0; k < kYouths.size() && !HasFatalFailure(); ++k) Record(kYouths[k], k + 1);
  }

  Out Run(const std::string& args, const std::string& role = "consulent") const {
    return Rmc(args, role, kNow);
  }
  std::string Case(size_t k) const { return "RMC-00000" + std::to_string(k); }

  // `rmc apply` of `commands`, which must all be recorded.
  void Apply(const std::vector<json>& commands) {
    const std::string file = dir_ + "-commands.jsonl";
    {
      std::ofstream out(file);
      for (const auto& c : commands) out << c.dump() << "\n";
    }
    auto r = Run("apply " + file);
    std::filesystem::remove(file);
    ASSERT_EQ(r.code, 0) << r.text;
    for (const auto& line : Lines(r.text)) ASSERT_EQ(line["ok"], true) << line.dump();
  }

  // The whole route of case `k` for `y`, a deviation and a correction on the way.
  // Long on purpose: one command per step of the route, in order, read as a scenario file is.
  void Record(const Youth& y, size_t k) {
    const std::string c = Case(k);
    auto cmd = [&](const std::string& type, const std::string& day, json data) {
      return json{{"id", c + "-" + std::to_string(++commands_)},
                  {"type", type},
                  {"case", c},
                  {"actor", y.account},
                  {"occurred_at", "2026-" + day},
                  {"data", std::move(data)}};
    };
    json signal = cmd("signal", "10-06",
                      {{"subject",
                        {{"ref", y.ref},
                         {"name", y.name()},
                         {"birth_date", y.birth},
                         {"address", y.address},
                         {"phone", y.phone},
                         {"email", y.email},
                         {"school", y.school},
                         {"enrolled", false}}},
                       {"channel", "duo-lijst"},
                       {"reporter", y.reporter},
                       {"received", "2026-10-06"},
                       {"suspected_reason", Mention(y, 0, "vermoedenwoord")}});
    signal.erase("case");
    // Triage straight after the signal: a deviation from the route, with a reason.
    json triage = cmd("triage", "10-08",
                      {{"target_group", "vsv-nieuw"},
                       {"action_required", true},
                       {"rationale", Mention(y, 1, "verzuimpatroon")}});
    triage["reason"] = Mention(y, 2, "spoedbeoordeling");
    Apply({signal, triage,
           cmd("contact", "10-19",
               {{"channel", "telefoon"},
                {"outcome", "afspraak-gemaakt"},
                {"note", Mention(y, 3, "telefoonnotitie")}}),
           cmd("assign", "10-19", {{"consulent", y.consultant}}),
           cmd("intake_scheduled", "10-19",
               {{"date", "2026-10-22"},
                {"participants", {"jongere", "ouders"}},
                {"asked_youth_about_involvement", true}}),
           cmd("intake", "10-22",
               {{"date", "2026-10-22"},
                {"participants", {"jongere"}},
                {"support_question", Mention(y, 0, "hulpvraagwoord")},
                {"wish", "school"},
                {"answers", {{"Wat wil je?", Mention(y, 1, "antwoordwoord")}}}}),
           cmd("consent", "10-22",
               {{"given", true},
                {"partners", {y.partner}},
                {"categories", {"contactgegevens", "onderwijs"}},
                {"purpose", Mention(y, 2, "doelwoord")},
                {"signed", true}}),
           cmd("assessment", "10-26",
               {{"instrument", "zrm"}, {"domains", {{"werk-opleiding", {{"score", 2}}}}}}),
           cmd("inquiry_completed", "10-29",
               {{"reasons", Mention(y, 3, "faalangst")},
                {"interventions", json::array()},
                {"care", json::array()},
                {"next_steps", Mention(y, 0, "loopbaangesprek")}}),
           cmd("plan", "11-02",
               {{"trajectories", {"onderwijs"}},
                {"youth_contact",
                 {{"frequency", "wekelijksappen met " + y.first}, {"channel", "app"}}},
                {"case_director", y.partner},
                {"asked_youth_for_director", true},
                {"responsibilities",
                 {{{"partner", y.partner}, {"task", Mention(y, 1, "stagematching")}}}},
                {"made_with_youth", true}}),
           cmd("plan_started", "11-09", {{"date", "2026-11-09"}, {"partner", y.partner}}),
           cmd("monitor", "11-23",
               {{"status", "op-koers"},
                {"feedback_from", {y.partner}},
                {"follow_up", Mention(y, 2, "aanwezigheidslijst")}}),
           cmd("close", "12-14", {{"reason", "doel-bereikt"}, {"outcome", {"onderwijs"}}}),
           cmd("feedback", "12-21",
               {{"partners", {y.partner}},
                {"summary", Mention(y, 3, "terugkoppelwoord")},
                {"limited_to_case", true}}),
           cmd("evaluation", "12-21",
               {{"resolved", "ja"},
                {"partners_followed_up", "ja"},
                {"bottlenecks",
                 {{{"issue", Mention(y, 0, "wachtlijstproblem")},
                   {"owner", y.partner},
                   {"solution", Mention(y, 1, "voorrangsregeling")}}}},
                {"right_decision", "ja"},
                {"do_differently", Mention(y, 2, "andersdoenwoord")},
                {"went_well", Mention(y, 3, "ginggoedwoord")},
                {"learning_points", {Mention(y, 0, "huisbezoekeerder")}},
                {"improvements", {{{"text", Mention(y, 1, "ketenoverleg")}, {"tags", {"vsv"}}}}},
                {"participants", {y.partner, "jongere"}}}),
           cmd("note", "12-22", {{"text", Mention(y, 2, "dossiernotitie")}})});
    // A correction of the triage, with its reason.
    uint64_t triaged = 0;
    for (const auto& e : json::parse(Run("--json history " + c).text))
      if (e["type"] == "Triaged") triaged = e["position"];
    json correct =
        cmd("correct", "12-22",
            {{"event", triaged}, {"data", {{"rationale", Mention(y, 3, "verzuimpatroon")}}}});
    correct["reason"] = Mention(y, 0, "dubbelgeboekt");
    Apply({correct});
  }
  int commands_ = 0;

  std::vector<std::string> AllForbidden() const {
    std::vector<std::string> all(kRemovedWords);
    for (const auto& y : kYouths)
      for (auto& v : y.Forbidden()) all.push_back(std::move(v));
    return all;
  }
};

// What a pseudonymised read shows of the reasoning: all of it, the deviations' reasons (the case
// view), or none (lists, and the change feed, which has no purpose and is not accounted for).
enum class Shows { kAll, kReasons, kNone };
struct PseudonymisedRead {
  std::string args;  // CASE stands for each case
  Shows shows;
};
const std::vector<PseudonymisedRead> kReads{
    {"--json show CASE", Shows::kReasons},
    {"show CASE", Shows::kReasons},
    {"--json history CASE", Shows::kAll},
    {"history CASE", Shows::kAll},
    {"--json list", Shows::kNone},
    {"list", Shows::kNone},
    {"--json due --within 400", Shows::kNone},
    {"events", Shows::kNone},
    {"--json replay CASE", Shows::kAll},
    {"replay CASE", Shows::kAll},
    {"--json replay CASE --decisions", Shows::kReasons},
    {"replay CASE --format html", Shows::kAll},
    {"--json lessons", Shows::kNone},  // its words: LessonsKeepTheirReasoning
};

std::string ForCase(std::string args, const std::string& c) {
  if (auto at = args.find("CASE"); at != std::string::npos) args.replace(at, 4, c);
  return args;
}

TEST_F(RedactionCli, TheValuesAreThereToBeSeenByAConsulent) {
  // So that the leak test below cannot pass for want of values: the consulent's history holds
  // every one of them, and every word.
  for (size_t k = 1; k <= kYouths.size(); ++k) {
    const std::string text = rmc::testing::AsciiLower(Run("--json history " + Case(k)).text);
    for (const auto& v : kYouths[k - 1].Forbidden())
      EXPECT_NE(text.find(rmc::testing::AsciiLower(v)), std::string::npos) << v;
    for (const auto& w : kRemovedWords) EXPECT_NE(text.find(w), std::string::npos) << w;
    for (const auto& w : kReasoningWords) EXPECT_NE(text.find(w), std::string::npos) << w;
  }
}

TEST_F(RedactionCli, NoPersonalValueInAnyPseudonymisedOutputAndTheReasoningStays) {
  const auto forbidden = AllForbidden();
  for (const auto& read : kReads)
    for (size_t k = 1; k <= kYouths.size(); ++k) {
      const std::string args = ForCase(read.args, Case(k));
      auto r = Run("--purpose leersessie " + args, "evaluator");
      ASSERT_EQ(r.code, 0) << args << ": " << r.text;
      const std::vector<std::string> none;
      ExpectRedacted("the evaluator's rmc " + args, r.text, forbidden,
                     read.shows == Shows::kAll       ? kReasoningWords
                     : read.shows == Shows::kReasons ? kReasonWords
                                                     : none);
      if (read.args.find("CASE") == std::string::npos) break;
    }
}

// The reasoning words of the evaluations: learning points, bottlenecks, improvements.
const std::vector<std::string> kLessonWords{"huisbezoekeerder", "wachtlijstproblem",
                                            "voorrangsregeling", "ketenoverleg"};

TEST_F(RedactionCli, LessonsKeepTheirReasoning) {
  for (const char* args : {"--json lessons", "lessons", "lessons --tag vsv"}) {
    auto r = Run(std::string("--purpose leersessie ") + args, "evaluator");
    ASSERT_EQ(r.code, 0) << args << ": " << r.text;
    ExpectRedacted(std::string("the evaluator's rmc ") + args, r.text, AllForbidden(), kLessonWords);
  }
}

TEST_F(RedactionCli, AReplayAskedPseudonymisedByAConsulentIsTheEvaluatorsForm) {
  for (const char* args : {"--json replay RMC-000002 --pseudonymize",
                           "replay RMC-000003 --pseudonymize --format html"}) {
    auto r = Run(args);
    ASSERT_EQ(r.code, 0) << args << ": " << r.text;
    ExpectRedacted(std::string("the consulent's rmc ") + args, r.text, AllForbidden(),
                   kReasoningWords);
  }
}

TEST_F(RedactionCli, ABundleHoldsNoPersonalValueInAnyOfItsFiles) {
  const std::string bundle = dir_ + "-bundle";
  auto r = Run("--purpose leersessie replay --select status!=open --output " + bundle);
  ASSERT_EQ(r.code, 0) << r.text;
  size_t files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(bundle)) {
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string name = entry.path().filename().string();
    ++files;
    // Every file but the index holds a whole case, all its reasoning.
    const std::vector<std::string> none;
    ExpectRedacted("the bundle's " + name, name + "\n" + text, AllForbidden(),
                   name == "index.html" ? none : kReasoningWords);
  }
  EXPECT_EQ(files, kYouths.size() + 2) << "a page per case, cases.jsonl and index.html";
  // No global position links the bundle to another export: each case numbers its own events,
  // and every position in it (corrections included: each case has one) is one of those numbers.
  std::ifstream lines(bundle + "/cases.jsonl");
  for (std::string line; std::getline(lines, line);) {
    const json c = json::parse(line);
    const size_t n = c["events"].size();
    ASSERT_EQ(c["view"]["corrections"].size(), 1u);
    EXPECT_LE(c["view"]["corrections"][0].get<size_t>(), n);
    for (const auto& e : c["events"]) {
      EXPECT_LE(e["position"].get<size_t>(), n);
      if (e["data"].contains("target")) EXPECT_LE(e["data"]["target"].get<size_t>(), n);
      for (const auto& change : e["changes"])
        if (change["field"] == "corrections")
          for (const auto& p : change.value("added", json::array())) EXPECT_LE(p.get<size_t>(), n);
    }
  }
  std::filesystem::remove_all(bundle);
}

TEST_F(RedactionCli, TheRegionCanTurnReasoningOff) {
  EXPECT_EQ(Run("config pseudonymized_reasoning geen", "coordinator").code, 3);
  ASSERT_EQ(Run("config pseudonymized_reasoning off", "coordinator").code, 0);
  auto forbidden = AllForbidden();
  forbidden.insert(forbidden.end(), kReasoningWords.begin(), kReasoningWords.end());
  for (const char* read : {"--json history RMC-000001", "--json show RMC-000001"}) {
    auto r = Run(std::string("--purpose leersessie ") + read, "evaluator");
    ASSERT_EQ(r.code, 0) << r.text;
    ExpectRedacted(read, r.text, forbidden, {});
  }
  ASSERT_EQ(Run("config pseudonymized_reasoning redacted", "coordinator").code, 0);
  ExpectRedacted("history", Run("--purpose leersessie --json history RMC-000001", "evaluator").text,
                 AllForbidden(), kReasoningWords);
}

TEST_F(RedactionCli, DatesAreDaysSinceTheFirstSignalAndTimesLoseTheirTimeOfDay) {
  json v = json::parse(Run("--purpose leersessie --json show RMC-000001", "evaluator").text);
  EXPECT_EQ(v["signals"][0]["received"], 0);  // 2026-10-06, the origin
  EXPECT_EQ(v["opened_at"], 101) << "recorded on 2027-01-15 (the apply ran then)";
  EXPECT_EQ(v["closed_on"], 69);  // 2026-12-14
  EXPECT_EQ(v["deviations"][0]["at"], 101);
  for (const auto& d : v["deadlines"]) EXPECT_TRUE(d["due"].is_number_integer()) << d.dump();
  for (const auto& e :
       json::parse(Run("--purpose leersessie --json history RMC-000001", "evaluator").text)) {
    EXPECT_TRUE(e["occurred_at"].is_number_integer()) << e.dump();
    if (e["type"] == "IntakeScheduled") {
      EXPECT_EQ(e["occurred_at"], 13);
      EXPECT_EQ(e["data"]["date"], 16);
    }
  }
}

TEST_F(RedactionCli, PseudonymsHoldWithinOneExportAndDifferBetweenTwo) {
  auto show = [&] {
    return json::parse(Run("--purpose leersessie --json show RMC-000001", "evaluator").text);
  };
  json one = show(), two = show();
  const std::string youth = one["subject"]["ref"];
  EXPECT_EQ(youth.substr(0, 2), "P-");
  EXPECT_NE(two["subject"]["ref"], youth) << "two exports cannot be linked";
  // The youth named in the deviation's reason is the youth of the view; so is the consultant.
  const std::string reason = one["deviations"][0]["reason"];
  EXPECT_NE(reason.find(youth), std::string::npos) << reason;
  const std::string consultant = one["consulent"];
  EXPECT_NE(reason.find(consultant), std::string::npos) << reason;
}

}  // namespace
