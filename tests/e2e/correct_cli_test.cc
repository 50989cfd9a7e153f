// `rmc correct` through the real binary (docs/commands.md, `correct`): the case view follows the
// corrected event — its contacts and deadlines — from the correction on, and the projection it
// writes is the one verify and rebuild fold from the log.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "rmc_cli.h"

namespace {

using nlohmann::json;

class Correct : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
    ASSERT_EQ(Rmc("signal --subject-ref J-1 --channel jongere --received 2026-11-02").code, 0);
    ASSERT_EQ(Rmc("triage RMC-000001 --target-group vsv-nieuw --action-required true --rationale r "
                  "--reason 'dossier was compleet'").code, 0);
    ASSERT_EQ(Rmc("contact RMC-000001 --channel brief --outcome bereikt --occurred-at 2026-11-04").code, 0);
  }
  json Show(const std::string& flags = "") const { return JsonOf("show RMC-000001 --json" + flags); }
  static json Deadline(const json& view, const std::string& code) {
    for (const auto& d : view["deadlines"])
      if (d["code"] == code) return d;
    return json();
  }
};

TEST_F(Correct, ACorrectedContactChangesTheContactsAndTheDeadlines) {
  const json before = Show();
  ASSERT_EQ(before["contacts"][0]["outcome"], "bereikt") << before.dump();
  ASSERT_EQ(Deadline(before, "no_contact")["met"], true) << before.dump();
  ASSERT_TRUE(Deadline(before, "letter_reply").is_null()) << "the letter was answered";

  const std::string contact = PositionOf("ContactAttempted");
  auto r = Rmc("correct RMC-000001 --event " + contact +
               " --data '{\"outcome\":\"geen-reactie\"}' --reason 'brief kwam retour'");
  ASSERT_EQ(r.code, 0) << r.text;

  const json after = Show();
  EXPECT_EQ(after["contacts"][0]["outcome"], "geen-reactie") << after.dump();
  EXPECT_EQ(after["contacts"][0]["position"].dump(), contact) << "the contact keeps its place";
  EXPECT_EQ(Deadline(after, "no_contact")["met"], false) << after.dump();
  const json reply = Deadline(after, "letter_reply");
  ASSERT_FALSE(reply.is_null()) << after.dump();
  EXPECT_EQ(reply["due"], "2026-11-18");
  EXPECT_EQ(reply["overdue"], true) << "now is 2026-11-20";
  EXPECT_EQ(after["corrections"].size(), 1u);

  // As of the event before the correction, the contact is as first recorded.
  const std::string last = std::to_string(std::stoull(after["corrections"][0].dump()) - 1);
  const json then = Show(" --as-of " + last);
  EXPECT_EQ(then["contacts"][0]["outcome"], "bereikt") << then.dump();
  EXPECT_EQ(Deadline(then, "no_contact")["met"], true);
  EXPECT_EQ(then["corrections"], json::array());
}

TEST_F(Correct, ACorrectedSignalIsShownAsCorrected) {
  ASSERT_EQ(Rmc("correct RMC-000001 --event " + PositionOf("SignalReceived") +
                " --data '{\"channel\":\"gemeente\",\"subject\":{\"ref\":\"J-1\",\"name\":\"Noor Bakker\"}}' "
                "--reason 'verkeerd kanaal en geen naam'").code, 0);
  const json view = Show();
  ASSERT_EQ(view["signals"].size(), 1u) << view.dump();
  EXPECT_EQ(view["signals"][0]["channel"], "gemeente") << view.dump();
  EXPECT_EQ(view["subject"]["name"], "Noor Bakker") << view.dump();
  EXPECT_EQ(view["subject"]["ref"], "J-1");
  const json then = Show(" --as-of " + PositionOf("ContactAttempted"));
  EXPECT_EQ(then["signals"][0]["channel"], "jongere") << "as of before the correction";
}

TEST_F(Correct, VerifyAndRebuildFoldTheCorrectionsAsTheWriteDid) {
  ASSERT_EQ(Rmc("correct RMC-000001 --event " + PositionOf("ContactAttempted") +
                " --data '{\"channel\":\"telefoon\"}' --reason r").code, 0);
  ASSERT_EQ(Rmc("correct RMC-000001 --event " + PositionOf("Triaged") +
                " --data '{\"target_group\":\"geen\"}' --reason r").code, 0);
  ASSERT_EQ(Rmc("correct RMC-000001 --event " + PositionOf("SignalReceived") +
                " --data '{\"expected_action\":\"een opleiding\"}' --reason r").code, 0);
  const json view = Show();
  EXPECT_EQ(view["target_group"], "geen") << view.dump();
  EXPECT_EQ(view["next_step"], 12) << "the short route of a case outside the target groups";
  EXPECT_EQ(view["contacts"][0]["channel"], "telefoon");
  bool expected_action = false;
  for (const auto& item : view["info_completeness"]["present"]) expected_action |= item == "expected_action";
  EXPECT_TRUE(expected_action) << view.dump();

  auto verify = Rmc("verify --json", "coordinator");
  EXPECT_EQ(verify.code, 0) << verify.text;
  auto check = Rmc("rebuild --check --json", "coordinator");
  EXPECT_EQ(check.code, 0) << check.text;
  ASSERT_EQ(Rmc("rebuild", "coordinator").code, 0);
  EXPECT_EQ(Show(), view) << "the rebuilt projection is the one written";
}

// A corrected event holds what a command of its type must hold, whatever the reason: a
// correction never gets past a refusal that no reason overrides.
TEST_F(Correct, ACorrectionCannotUndoWhatNoReasonOverrides) {
  ASSERT_EQ(Rmc("share RMC-000001 --partner UWV --categories werk --grondslag wettelijke-taak "
                "--doel d --proportionaliteit p --subsidiariteit s").code, 0);
  ASSERT_EQ(Rmc("close RMC-000001 --close-reason doel-bereikt --outcome werk "
                "--work-hours-per-week 24 --reason 'zelf werk gevonden'").code, 0);
  const std::string share = PositionOf("DataShared"), close = PositionOf("CaseClosed");
  struct Refusal {
    std::string event, data, code, words;
  };
  for (const Refusal& r : std::vector<Refusal>{
           {share, R"({"grondslag":"toestemming"})", "consent_required", "needs active consent"},
           {share, R"({"categories":["bogus"]})", "invalid_input", "unknown category"},
           {share, R"({"grondslag":"gerechtvaardigd-belang"})", "invalid_input", "6(1)"},
           {close, R"({"outcome":null})", "invalid_input", "data.outcome"},
           {close, R"({"work_hours_per_week":null})", "invalid_input", "work_hours_per_week"},
           {close, R"({"handed_to":"RMC Twente"})", "invalid_input", "handed_to"},
       }) {
    auto out = Rmc("correct RMC-000001 --event " + r.event + " --data '" + r.data +
                   "' --reason 'fout ingevoerd'");
    EXPECT_NE(out.code, 0) << r.data;
    EXPECT_NE(out.text.find(r.code), std::string::npos) << r.data << ": " << out.text;
    EXPECT_NE(out.text.find(r.words), std::string::npos) << r.data << ": " << out.text;
  }
  EXPECT_EQ(Rmc("correct RMC-000001 --event " + close +
                " --data '{\"outcome\":[\"onderwijs\"],\"work_hours_per_week\":null}' "
                "--reason 'opleiding, geen werk'").code,
            0)
      << "what a close may hold, a correction may too";
}

}  // namespace
