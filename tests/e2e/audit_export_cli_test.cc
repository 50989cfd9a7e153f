// rmc audit export --ldv through the real binary: one LDV line per processing of a youth's data,
// ordered by time, the users in a file of their own linked by span_id, no ref or personal value
// in either, private new files only, the roles that account for the logs only, and the export
// itself a logged read.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "../file_facts.h"
#include "rmc_cli.h"

namespace {

using nlohmann::json;

using rmc::testing::Slurp;

class AuditExport : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init --region Utrecht").code, 0);
    ASSERT_EQ(At("2026-11-20T09:00:00Z",
                 "signal --subject-ref J-77 --subject-name 'Yfke de Vries' --channel jongere "
                 "--received 2026-11-01")
                  .code,
              0);
    ASSERT_EQ(At("2026-11-21T09:00:00Z", "--purpose controle show RMC-000001", "coordinator").code,
              0);
  }
  Out At(const std::string& now, const std::string& args, const std::string& role = "consulent") {
    return rmc::e2e::RunRmc(dir_, args, role, now);
  }
  Out Export(const std::string& flags = "", const std::string& role = "auditor") {
    return At("2026-11-22T09:00:00Z", "--purpose verantwoording audit export --ldv " + flags, role);
  }
  json Reads() {
    auto r = At("2026-11-23T09:00:00Z", "--purpose controle --json audit reads", "auditor");
    EXPECT_EQ(r.code, 0) << r.text;
    return r.code == 0 ? json::parse(r.text) : json::array();
  }
};

TEST_F(AuditExport, OneLdvLinePerProcessingOrderedByTime) {
  // A write recorded with a clock set back comes before the later-recorded read.
  ASSERT_EQ(At("2026-11-20T12:00:00Z", "note RMC-000001 --text 'gebeld met Yfke'").code, 0);
  auto r = Export();
  ASSERT_EQ(r.code, 0) << r.text;
  auto lines = Lines(r.text);
  std::vector<std::string> names;
  for (const auto& l : lines) names.push_back(l["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"dossier geopend", "signaal vastgelegd",
                                             "notitie vastgelegd", "dossier bekeken"}));
  EXPECT_EQ(lines[3]["start_time"], 1795251600000) << "2026-11-21T09:00:00Z in ms";
  EXPECT_EQ(lines[3]["attributes"]["dpl.core.processing_activity_id"],
            "urn:rmc:Utrecht:verwerking:rmc-trajectbegeleiding:1");
  EXPECT_EQ(r.text.find("J-77"), std::string::npos);
  EXPECT_EQ(r.text.find("Yfke"), std::string::npos);
}

TEST_F(AuditExport, TheActivityIdUnderTheRegionsOwnRegister) {
  auto set =
      Rmc("config ldv_base_uri https://register.utrecht.example/verwerkingen", "coordinator");
  ASSERT_EQ(set.code, 0) << set.text;
  auto lines = Lines(Export().text);
  ASSERT_FALSE(lines.empty());
  EXPECT_EQ(lines.back()["attributes"]["dpl.core.processing_activity_id"],
            "https://register.utrecht.example/verwerkingen/rmc-trajectbegeleiding/1");
  EXPECT_EQ(Rmc("config ldv_base_uri 'geen uri'", "coordinator").code, 3)
      << "not a URI: invalid_input";
  EXPECT_EQ(Rmc("config ldv_base_uri ''", "coordinator").code, 0) << "back to the URN form";
  EXPECT_EQ(Lines(Export().text)[0]["attributes"]["dpl.core.processing_activity_id"],
            "urn:rmc:Utrecht:verwerking:rmc-signalering:1");
}

TEST_F(AuditExport, SinceKeepsWhatWasRecordedFromThen) {
  auto r = Export("--since 2026-11-21");
  ASSERT_EQ(r.code, 0) << r.text;
  auto lines = Lines(r.text);
  ASSERT_EQ(lines.size(), 1u) << r.text;
  EXPECT_EQ(lines[0]["name"], "dossier bekeken");
  EXPECT_EQ(Export("--since gisteren").code, 2);
}

TEST_F(AuditExport, TheUsersGoToAFileOfTheirOwnLinkedBySpanId) {
  const std::string out = dir_ + "/ldv.jsonl", users = dir_ + "/users.jsonl";
  auto r = Export("--json --output " + out + " --users " + users);
  ASSERT_EQ(r.code, 0) << r.text;
  EXPECT_EQ(json::parse(r.text)["lines"], 3);
  auto lines = Lines(Slurp(out));
  auto who = Lines(Slurp(users));
  ASSERT_EQ(lines.size(), 3u);
  ASSERT_EQ(who.size(), 3u);
  for (size_t i = 0; i < who.size(); ++i) {
    EXPECT_EQ(who[i]["type"], "audit_record");
    EXPECT_EQ(who[i]["span_id"], lines[i]["span_id"]);
  }
  EXPECT_EQ(who[2]["role"], "coordinator");
  EXPECT_EQ(who[2]["purpose"], "controle");
  EXPECT_EQ(Slurp(out).find("\"test\""), std::string::npos) << "no user in the LDV lines";
  for (const std::string& f : {out, users}) {
    struct stat st;
    ASSERT_EQ(::stat(f.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << f;
  }
}

TEST_F(AuditExport, AnExistingFileIsNeverWrittenOver) {
  const std::string out = dir_ + "/ldv.jsonl";
  std::ofstream(out) << "evidence\n";
  auto r = Export("--output " + out);
  EXPECT_EQ(r.code, 2) << r.text;
  EXPECT_NE(r.text.find("exists"), std::string::npos) << r.text;
  EXPECT_EQ(Slurp(out), "evidence\n");
  auto users = Export("--output " + dir_ + "/new.jsonl --users " + out);
  EXPECT_EQ(users.code, 2) << users.text;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/new.jsonl")) << "a refused export writes nothing";
  EXPECT_EQ(Reads().size(), 1u) << "refused exports are not recorded: only the show";
}

TEST_F(AuditExport, OnlyTheRolesThatAccountWithAPurpose) {
  for (const char* role : {"consulent", "evaluator"}) {
    auto r = Export("", role);
    EXPECT_EQ(r.code, 7) << role << ": " << r.text;
    EXPECT_NE(r.text.find("permission_denied"), std::string::npos) << r.text;
  }
  EXPECT_EQ(At("2026-11-22T09:00:00Z", "audit export --ldv", "auditor").code, 2) << "no purpose";
  EXPECT_EQ(At("2026-11-22T09:00:00Z", "--purpose x audit export", "auditor").code, 2)
      << "no format";
  EXPECT_EQ(Export("", "coordinator").code, 0);
  EXPECT_EQ(Export("", "system").code, 0);
}

TEST_F(AuditExport, TheExportIsItselfALoggedRead) {
  ASSERT_EQ(Export().code, 0);
  auto reads = Reads();
  ASSERT_EQ(reads.size(), 2u) << reads.dump();
  EXPECT_EQ(reads[1]["action"], "audit export");
  EXPECT_EQ(reads[1]["object"], "access-log");
  EXPECT_TRUE(reads[1]["subject"].is_null());
  EXPECT_EQ(reads[1]["purpose"], "verantwoording");
  // and it is in the next export, as a read of no youth, before the later `audit reads`
  auto next = Lines(Export().text);
  ASSERT_GE(next.size(), 2u);
  EXPECT_EQ(next[next.size() - 2]["name"], "logboek uitgevoerd");
  EXPECT_FALSE(next[next.size() - 2]["attributes"].contains("dpl.core.data_subject_id"));
}

}  // namespace
