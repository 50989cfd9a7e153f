// Input a careless or hostile caller gives (issue 11, "Hostile input accepted", "Crashes instead
// of errors"): each is refused with its error code and exit code, and nothing is written.
#include <gtest/gtest.h>

#include <fstream>
#include <string>

#include "rmc_cli.h"

namespace {

class HostileInput : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
    ASSERT_EQ(Rmc("signal --subject-ref J-1 --subject-name Yfke --channel jongere --received 2026-11-01").code, 0);
    events_ = Events();
  }
  void TearDown() override {
    EXPECT_EQ(Events(), events_) << "a refused command wrote nothing";
    auto verify = Rmc("verify");
    EXPECT_EQ(verify.code, 0) << verify.text;
    RmcCli::TearDown();
  }

  size_t Events() const { return Lines(Rmc("events").text).size(); }
  // `rmc args` must fail with `code`, saying `what`.
  void Refused(const std::string& args, int code, const std::string& what,
               const std::string& role = "consulent") const {
    auto r = Rmc(args, role);
    EXPECT_EQ(r.code, code) << args << ": " << r.text;
    EXPECT_NE(r.text.find(what), std::string::npos) << args << ": " << r.text;
  }
  // `rmc apply` of `lines`: their result lines.
  std::vector<nlohmann::json> Apply(const std::string& lines, int code = 3) const {
    const std::string file = dir_ + "/in.jsonl";
    std::ofstream(file) << lines;
    auto r = Rmc("apply " + file);
    EXPECT_EQ(r.code, code) << r.text;
    return Lines(r.text);
  }

  size_t events_ = 0;
};

TEST_F(HostileInput, ANulInACommandIdOrACaseIdIsRefused) {
  auto results = Apply(
      R"({"id":"n\u0000te","type":"note","case":"RMC-000001","data":{"text":"x"}})" "\n"
      R"({"id":"s1","type":"signal","case":"RMC-9\u0000","data":{"subject":{"ref":"J-9"},"channel":"jongere","received":"2026-11-01"}})" "\n"
      R"({"id":"s2","type":"signal","data":{"subject":{"ref":"J-1\u0000x"},"channel":"jongere","received":"2026-11-01"}})" "\n");
  ASSERT_EQ(results.size(), 3u);
  for (const auto& r : results) {
    EXPECT_EQ(r["error"]["code"], "invalid_input") << r.dump();
    EXPECT_NE(r["error"]["message"].get<std::string>().find("holds a"), std::string::npos) << r.dump();
  }
}

TEST_F(HostileInput, ANegativeExpectedVersionIsRefusedNotIgnored) {
  Refused("note RMC-000001 --text x --expected-version -1", 3,
          "expected_version: expected a whole number from 0 to 4294967295");
  Refused("note RMC-000001 --text x --expected-version 4294967296", 3, "expected_version");
  Refused("note RMC-000001 --text x --expected-version 1", 4, "version_conflict");
}

TEST_F(HostileInput, TimesTheLedgerCannotHoldAreRefused) {
  // 2262-04-12 was stored as a day in 1677, which lies in the past: it was accepted.
  Refused("note RMC-000001 --text x --occurred-at 2262-04-12", 3, "expected a date from 1678-01-01 to 2261-12-31");
  Refused("note RMC-000001 --text x --occurred-at 1600-01-01T00:00:00Z", 3, "1678-01-01 to 2261-12-31");
  Refused("signal --subject-ref J-2 --subject-birth-date 0001-01-01 --channel jongere --received 2026-11-01", 3,
          "data.subject.birth_date: '0001-01-01' lies outside the times the ledger can hold");
  Refused("--purpose p show RMC-000001 --as-of 2262-04-12", 2, "1678-01-01 to 2261-12-31", "coordinator");
  Refused("--purpose p audit reads --since 1677-01-01", 2, "1678-01-01 to 2261-12-31", "auditor");
  auto clock = rmc::e2e::RunRmc(dir_, "note RMC-000001 --text x", "consulent", "2262-04-12T00:00:00Z");
  EXPECT_EQ(clock.code, 2) << clock.text;
  EXPECT_NE(clock.text.find("RMC_NOW: '2262-04-12T00:00:00Z' lies outside"), std::string::npos) << clock.text;
}

TEST_F(HostileInput, AnOffsetIsAUtcOffset) {
  Refused("note RMC-000001 --text x --occurred-at 2026-11-19T09:00:00+25:00", 3,
          "+25:00 is not a UTC offset; expected one from -14:00 to +14:00");
  Refused("note RMC-000001 --text x --occurred-at 2026-11-19T09:00:00+01:75", 3, "is not a UTC offset");
}

TEST_F(HostileInput, ABlankPurposeIsNoPurpose) {
  Refused("--purpose ' ' show RMC-000001", 2, "reads personal data only with --purpose", "coordinator");
  Refused("--purpose '  ' events --personal", 2, "--purpose", "auditor");
  EXPECT_EQ(Rmc("--purpose 'controle' show RMC-000001", "coordinator").code, 0);
}

TEST_F(HostileInput, NumericFlagsRefuseWhatIsNoNumberOfTheirKind) {
  // --since -1 became the last position there is, and printed nothing.
  Refused("events --since -1", 2, "expected a position");
  Refused("events --since x", 2, "expected a position");
  // A position past every number threw out of std::stoull.
  Refused("show RMC-000001 --as-of 99999999999999999999999", 2, "--as-of");
  EXPECT_EQ(Rmc("events --since 0").code, 0);
}

TEST_F(HostileInput, InvalidUtf8InAnArgumentIsAnErrorNotACrash) {
  // nlohmann::json threw type_error 316 on writing these bytes, and rmc aborted.
  const std::string bad = R"x("$(printf 'a\377b')")x";
  Refused("note RMC-000001 --text " + bad, 3, "data.text: not valid UTF-8");
  Refused("note RMC-000001 --text x --reason " + bad, 3, "reason: not valid UTF-8");
  Refused("note " + bad + " --text x", 3, "case: not valid UTF-8");
  Refused("note --subject " + bad + " --text x", 3, "subject: not valid UTF-8");
  Refused("signal --subject-ref " + bad + " --channel jongere --received 2026-11-01", 3,
          "data.subject.ref: not valid UTF-8");
  Refused("subject forget " + bad + " --grondslag avg-art17 --reason r", 3, "data.subject: not valid UTF-8",
          "coordinator");
  Refused("--actor " + bad + " note RMC-000001 --text x", 3, "actor: not valid UTF-8");
  Refused("--json note RMC-000001 --text " + bad, 3, "\"code\":\"invalid_input\"");
  Refused("--purpose " + bad + " show RMC-000001", 2, "--purpose: not valid UTF-8", "coordinator");
  Refused("audit register-activity --code rmc-nazorg --retention " + bad, 3,
          "retention: not valid UTF-8", "coordinator");
  // Reads print what they were given back in their errors, never a crash.
  Refused("--json show " + bad, 5, "\"code\":\"unknown_case\"");
}

TEST_F(HostileInput, ASettingHoldsNoLineBreak) {
  // A line break in a region's name wrote another setting into meta/settings.
  Refused("config region \"$(printf 'Utrecht\\nmax_age=27')\"", 3, "region: holds a control character",
          "coordinator");
  Refused("config categories \"$(printf 'wonen,\\tschuld')\"", 3, "categories: holds a control character",
          "coordinator");
  auto max_age = Rmc("config max_age");
  EXPECT_NE(max_age.text.find("23"), std::string::npos) << max_age.text;
}

}  // namespace
