// The read policy of every read command (src/ledger/read_session.h), through the real binary.
// The read commands are not listed by hand: they are the CLI's own registered subcommands
// (BuildApp) that are not writes or administration. A new subcommand must be classified here,
// as a write in kNotReads or as a read in kReads, or EveryLeafSubcommandIsClassified fails; and
// every read is then held to the policy: refused first for a role that may not, a purpose from
// roles other than consulent where it shows personal data, one access record per youth shown,
// and no personal value of a youth in what the evaluator sees.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "codec/schema_info.h"
#include "context.h"
#include "rmc_cli.h"

namespace {

using nlohmann::json;
using Roles = std::set<std::string>;

const Roles kAllRoles{"consulent", "coordinator", "auditor", "evaluator", "system"};
const Roles kAccounting{"coordinator", "auditor", "system"};

// The subcommands that write or administer, besides `rmc <type>` for every command type of the
// schema (each records a case command): none shows a youth's data.
const std::set<std::string> kNotReads{"init",
                                      "config",
                                      "apply",
                                      "verify",
                                      "rebuild",
                                      "backup",
                                      "subject forget",
                                      "audit register-activity",
                                      "audit keygen",
                                      "audit checkpoint",
                                      "audit verify-checkpoint"};

// One run of a read command on the test ledger (ReadSessionCli::SetUp).
struct ReadRun {
  std::string args;  // the subcommand and its arguments
  Roles may;         // the roles permitted to run it (docs/roles.md)
  bool personal;     // shows personal data: roles other than consulent need --purpose
  int records;       // access records it adds: one per youth shown
};

// Every read command, by its path of subcommand names.
const std::map<std::string, std::vector<ReadRun>> kReads{
    {"show", {{"show RMC-000002", kAllRoles, true, 1}}},
    {"list", {{"list", kAllRoles, true, 3}}},
    // The two open cases; the closed one took the short route, which has no evaluation deadline.
    {"due", {{"due", kAllRoles, true, 2}}},
    {"history", {{"history RMC-000002", kAllRoles, true, 1}}},
    {"replay",
     {{"replay RMC-000002", kAllRoles, true, 1},
      {"replay RMC-000002 --decisions --pseudonymize", kAllRoles, true, 1},
      {"replay RMC-000002 --verify", kAllRoles, false, 0}}},
    {"lessons", {{"lessons", kAllRoles, true, 0}}},  // no evaluation: no youth shown
    {"events",
     {{"events", kAllRoles, false, 0},
      {"events --personal", {"consulent", "coordinator", "auditor", "system"}, true, 3}}},
    {"stats", {{"stats", kAllRoles, false, 0}}},
    {"audit activities", {{"audit activities --all", kAllRoles, false, 0}}},
    {"audit reads", {{"audit reads", kAccounting, true, 1}}},
    {"audit log", {{"audit log --subject J-7731", kAccounting, true, 1}}},
    {"audit export", {{"audit export --ldv", kAccounting, true, 1}}},
    // The share of the known youth, and the feedback about J-1 (a disclosure too).
    {"audit disclosures", {{"audit disclosures", kAccounting, true, 2}}},
    {"subject export", {{"subject export J-7731", {"coordinator", "system"}, true, 1}}},
    {"retention", {{"retention", kAccounting, true, 1}}},  // J-1 only: J-7731's case is open
};

// Every leaf subcommand of `app` by its path ("audit reads").
void Leaves(const CLI::App& app, const std::string& path, std::vector<std::string>& out) {
  for (const CLI::App* sub : app.get_subcommands(std::function<bool(const CLI::App*)>())) {
    const std::string name = path.empty() ? sub->get_name() : path + " " + sub->get_name();
    if (sub->get_subcommands(std::function<bool(const CLI::App*)>()).empty())
      out.push_back(name);
    else
      Leaves(*sub, name, out);
  }
}

std::vector<std::string> RegisteredSubcommands() {
  CLI::App app;
  rmc::cli::Globals globals;
  int exit_code = 0;
  rmc::cli::BuildApp(app, globals, exit_code);
  std::vector<std::string> leaves;
  Leaves(app, "", leaves);
  return leaves;
}

bool IsCommandType(const std::string& name) {
  for (const auto& type : rmc::schema_info::CommandTypes())
    if (type == name) return true;
  return false;
}

// The read commands the CLI registers, each with its runs.
std::vector<std::pair<std::string, std::vector<ReadRun>>> ReadCommands() {
  std::vector<std::pair<std::string, std::vector<ReadRun>>> reads;
  for (const auto& name : RegisteredSubcommands())
    if (!kNotReads.count(name) && !IsCommandType(name) && kReads.count(name))
      reads.emplace_back(name, kReads.at(name));
  return reads;
}

TEST(ReadCommands, EveryLeafSubcommandIsClassified) {
  std::set<std::string> registered;
  for (const auto& name : RegisteredSubcommands()) {
    registered.insert(name);
    if (kNotReads.count(name) || IsCommandType(name)) continue;
    EXPECT_TRUE(kReads.count(name))
        << "rmc " << name << " is neither a write (kNotReads) nor a read held to the read policy "
        << "(kReads): classify it here; a read goes through src/ledger/read_session.h";
  }
  for (const auto& [name, runs] : kReads)
    EXPECT_TRUE(registered.count(name)) << name << " is no subcommand";
  for (const auto& name : kNotReads)
    EXPECT_TRUE(registered.count(name)) << name << " is no subcommand";
  EXPECT_GE(ReadCommands().size(), 15u);
}

class ReadSessionCli : public rmc::testing::RmcCli {
 protected:
  static constexpr char kThen[] = "2020-01-10T09:00:00Z";  // when J-1's case ran

  void SetUp() override {
    RmcCli::SetUp();
    // RMC-000001: J-1, closed years ago, retention passed. RMC-000002: the known youth, open,
    // with a disclosure. RMC-000003: J-5, open.
    for (const char* cmd :
         {"init",
          "signal --subject-ref J-1 --subject-name Piet --subject-birth-date 1995-05-05 "
          "--channel jongere --received 2020-01-02",
          "triage RMC-000001 --target-group geen --action-required false --rationale r --reason "
          "kort",
          "feedback RMC-000001 --partners leerplicht --summary s --limited-to-case true",
          "close RMC-000001 --close-reason geen-rmc-doelgroep"})
      ASSERT_EQ(rmc::e2e::RunRmc(dir_, cmd, "consulent", kThen).code, 0) << cmd;
    for (const std::string cmd :
         {"signal --subject-ref " + std::string(kRef) + " --subject-name '" + kFirstName + " " +
              kLastName + "' --subject-birth-date " + kBirthDate +
              " --channel jongere --received 2026-11-01",
          std::string("signal --subject-ref J-5 --subject-name Bram --channel jongere --received "
                      "2026-11-02"),
          std::string("share RMC-000002 --partner Gemeente --categories verzuim --grondslag "
                      "wettelijke-taak "
                      "--doel melding --proportionaliteit p --subsidiariteit s")}) {
      auto r = Rmc(cmd);
      ASSERT_EQ(r.code, 0) << cmd << ": " << r.text;
    }
  }

  // The records in the access log, as rmc verify counts them.
  int AccessRecords() const {
    auto r = Rmc("--json verify");
    EXPECT_EQ(r.code, 0) << r.text;
    return r.code == 0 ? json::parse(r.text)["access_records"].get<int>() : -1;
  }

  // The known youth of the test ledger.
  static constexpr char kRef[] = "J-7731";
  static constexpr char kFirstName[] = "Yfke";
  static constexpr char kLastName[] = "Zwartberg";
  static constexpr char kBirthDate[] = "2008-03-14";
};

TEST_F(ReadSessionCli, ARoleThatMayNotReadIsRefusedBeforeAnythingElse) {
  for (const auto& [name, runs] : ReadCommands())
    for (const auto& run : runs)
      for (const auto& role : kAllRoles) {
        if (run.may.count(role)) continue;
        // Before the purpose and before the ledger is opened: no purpose, and no ledger there.
        auto absent = Rmc("--ledger " + dir_ + "/absent " + run.args, role);
        EXPECT_EQ(absent.code, 7) << role << ": rmc " << run.args << ": " << absent.text;
        EXPECT_NE(absent.text.find("permission_denied"), std::string::npos) << absent.text;
        const int before = AccessRecords();
        auto refused = Rmc(run.args, role);
        EXPECT_EQ(refused.code, 7) << role << ": rmc " << run.args << ": " << refused.text;
        EXPECT_EQ(AccessRecords(), before) << role << ": rmc " << run.args << " logged a read";
      }
}

TEST_F(ReadSessionCli, APersonalReadNeedsAPurposeFromEveryRoleButConsulent) {
  for (const auto& [name, runs] : ReadCommands())
    for (const auto& run : runs)
      for (const auto& role : run.may) {
        if (!run.personal || role == "consulent") continue;
        const int before = AccessRecords();
        auto r = Rmc(run.args, role);
        EXPECT_EQ(r.code, 2) << role << ": rmc " << run.args << ": " << r.text;
        EXPECT_NE(r.text.find("--purpose"), std::string::npos) << r.text;
        EXPECT_EQ(AccessRecords(), before) << role << ": rmc " << run.args << " logged a read";
      }
}

TEST_F(ReadSessionCli, EachReadRecordsOneAccessPerYouthShown) {
  for (const auto& [name, runs] : ReadCommands())
    for (const auto& run : runs)
      for (const auto& role : run.may) {
        const int before = AccessRecords();
        auto r = Rmc("--purpose controle " + run.args, role);
        EXPECT_EQ(r.code, 0) << role << ": rmc " << run.args << ": " << r.text;
        EXPECT_EQ(AccessRecords(), before + run.records) << role << ": rmc " << run.args;
      }
}

TEST_F(ReadSessionCli, TheEvaluatorSeesNoPersonalValueOfTheYouth) {
  // The values as the ledger holds them, and the birth date in the notations output uses.
  const std::vector<std::string> personal{kRef,         kFirstName,      kLastName, kBirthDate,
                                          "14-03-2008", "14 maart 2008", "20080314"};
  // They are there to be seen: a consulent's read shows them.
  const std::string shown = Rmc("--json show RMC-000002").text;
  for (const char* value : {kRef, kFirstName, kBirthDate})
    EXPECT_NE(shown.find(value), std::string::npos) << value << " in " << shown;
  int runs_checked = 0;
  for (const auto& [name, runs] : ReadCommands())
    for (const auto& run : runs) {
      if (!run.may.count("evaluator")) continue;
      for (const std::string format : {"", "--json "}) {
        auto r = Rmc("--purpose leersessie " + format + run.args, "evaluator");
        EXPECT_EQ(r.code, 0) << "rmc " << format << run.args << ": " << r.text;
        for (const auto& value : personal)
          EXPECT_EQ(r.text.find(value), std::string::npos)
              << value << " in the evaluator's rmc " << format << run.args << ":\n"
              << r.text;
      }
      ++runs_checked;
    }
  EXPECT_GE(runs_checked, 7);
}

}  // namespace
