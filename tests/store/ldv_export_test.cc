// The LDV export on a real ledger: the mapping of writes and reads to the field set of LDV 1.0.0
// (hex widths, milliseconds, status, Dutch names, the activity URI with and without a base, a
// caller's span and the caller only where one was passed, a parent action and one child per youth
// for a read of several), the users kept apart and linked by span_id, and that neither output
// holds a youth's ref or any personal value. Every line against the published field table and
// attributes schema: tests/ldv_lines.py.
#include "base/hex.h"
#include "views/ldv_export.h"

#include <gtest/gtest.h>

#include <set>

#include "processed_youth.h"

namespace rmc {
namespace {

using nlohmann::json;

std::vector<json> Lines(const std::string& text) {
  std::vector<json> out;
  for (size_t start = 0, nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    out.push_back(json::parse(text.substr(start, nl - start)));
  return out;
}

bool IsHex(const json& j, size_t digits) {
  if (!j.is_string()) return false;
  auto s = j.get<std::string>();
  return s.size() == digits && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

class Ldv : public ProcessedYouth {
 protected:
  LdvExport Export(LdvOptions options = {"Test", "", 0}) {
    auto txn = ledger_->store().Read();
    EXPECT_TRUE(txn.ok());
    auto e = ExportLdv(**txn, options);
    EXPECT_TRUE(e.ok()) << e.status().message();
    return e.ok() ? *e : LdvExport{};
  }
};

TEST_F(Ldv, OneLinePerProcessingOfAYouthInTheLdvFieldSet) {
  auto lines = Lines(Export().processings);
  // CaseOpened, SignalReceived, NoteAdded, DataShared, the read; the settings events are about
  // no youth; the read of the access log is a processing of employee data.
  ASSERT_EQ(lines.size(), 6u);
  std::vector<std::string> names;
  for (const auto& l : lines) names.push_back(l["name"]);
  EXPECT_EQ(names, (std::vector<std::string>{"dossier geopend", "signaal vastgelegd",
                                             "notitie vastgelegd", "gegevens gedeeld met een partner",
                                             "dossier bekeken", "logboek van inzagen bekeken"}));
  for (const auto& l : lines) {
    EXPECT_TRUE(IsHex(l["trace_id"], 32)) << l;
    EXPECT_TRUE(IsHex(l["span_id"], 16)) << l;
    EXPECT_EQ(l["status"], "Ok") << "only what succeeded is stored";
    for (auto& [field, value] : l.items())
      EXPECT_TRUE(std::set<std::string>({"trace_id", "span_id", "status", "name", "start_time",
                                         "end_time", "parent_span_id", "resource", "attributes"})
                      .count(field))
          << field << " is not a field of the interface";
    EXPECT_EQ(l["start_time"], l["end_time"]);
    EXPECT_EQ(l["resource"]["attributes"]["service.name"], "rmc");
    EXPECT_EQ(l["resource"]["attributes"]["service.version"], RMC_VERSION);
    EXPECT_FALSE(l.contains("actor") || l.contains("role") || l.contains("purpose"))
        << "the user is not in it";
  }
  EXPECT_EQ(lines[0]["start_time"], ParseTime("2026-11-20T09:00:00Z")->ns / 1000000)
      << "ms since the epoch";
  const json& a = lines[1]["attributes"];
  EXPECT_EQ(a["dpl.core.processing_activity_id"], "urn:rmc:Test:verwerking:rmc-signalering:1");
  EXPECT_TRUE(IsHex(a["dpl.core.data_subject_id"], 32));
  EXPECT_EQ(a["dpl.core.data_subject_id"], Hex(SubjectId()));
  EXPECT_EQ(a["dpl.core.data_subject_id_type"], "rmc-subject-pseudonym");
  EXPECT_EQ(lines[4]["attributes"]["dpl.core.processing_activity_id"],
            "urn:rmc:Test:verwerking:rmc-verantwoording:1");
  EXPECT_FALSE(lines[5]["attributes"].contains("dpl.core.data_subject_id")) << "a read of no youth";
}

TEST_F(Ldv, ACallersSpanOnlyWhereTheCallerPassedOne) {
  auto lines = Lines(Export().processings);
  const json& note = lines[2];
  EXPECT_EQ(note["trace_id"], "4bf92f3577b34da6a3ce929d0e0e4736") << "the caller's trace";
  EXPECT_EQ(note["parent_span_id"], "00f067aa0ba902b7");
  EXPECT_EQ(note["attributes"]["dpl.core.foreign_operation.processor"],
            "urn:rmc:" + ledger_->settings().region + ":aanroeper-onbekend")
      << "the command named no caller and the region none: the span is still another's";
  for (size_t i : {0, 1, 3, 4, 5}) {
    EXPECT_FALSE(lines[i].contains("parent_span_id")) << lines[i];
    EXPECT_FALSE(lines[i]["attributes"].contains("dpl.core.foreign_operation.processor"))
        << lines[i];
  }
}

TEST_F(Ldv, TheCallerACommandNamesIsKeptWithItsEvent) {
  Ok(Run(R"({"id":"n2","type":"note","case":"RMC-000001","trace_id":"0af7651916cd43dd8448eb211c80319c",)"
         R"("parent_span_id":"b7ad6b7169203331","caller":"https://school.example.nl/lvs",)"
         R"("data":{"text":"afspraak"}})"));
  json note;
  for (const auto& l : Lines(Export().processings))
    if (l["trace_id"] == "0af7651916cd43dd8448eb211c80319c") note = l;
  EXPECT_EQ(note["trace_id"], "0af7651916cd43dd8448eb211c80319c");
  EXPECT_EQ(note["parent_span_id"], "b7ad6b7169203331");
  EXPECT_EQ(note["attributes"]["dpl.core.foreign_operation.processor"],
            "https://school.example.nl/lvs")
      << "as the command named it";
}

TEST_F(Ldv, AReadOfSeveralYouthsIsOneParentActionWithAChildPerYouth) {
  Ok(Run(R"({"id":"s2","type":"signal","data":{"subject":{"ref":"J-78"},"channel":"jongere",)"
         R"("received":"2026-11-02"}})"));
  Reader lister{"coordinator.c", schema::Role::COORDINATOR, "overzicht", "list"};
  lister.trace = {*FromHex("4bf92f3577b34da6a3ce929d0e0e4736"), *FromHex("00f067aa0ba902b7"),
                  "https://leerplicht.example.nl/app"};
  ASSERT_TRUE(RecordAccess(ledger_->store(), lister,
                           {{"RMC-000001", SubjectId(), schema::AccessResult::OK},
                            {"RMC-000002", ledger_->keystore().SubjectId("J-78"),
                             schema::AccessResult::OK}})
                  .ok());
  auto e = Export();
  auto lines = Lines(e.processings);
  auto users = Lines(e.users);
  ASSERT_EQ(lines.size(), 11u) << "6 before, the signal's 2, then the parent and 2 children";
  const json& parent = lines[lines.size() - 3];
  EXPECT_EQ(parent["name"], "overzicht van dossiers bekeken");
  EXPECT_EQ(parent["trace_id"], "4bf92f3577b34da6a3ce929d0e0e4736");
  EXPECT_EQ(parent["parent_span_id"], "00f067aa0ba902b7") << "the caller's span";
  EXPECT_EQ(parent["attributes"]["dpl.core.foreign_operation.processor"],
            "https://leerplicht.example.nl/app");
  EXPECT_FALSE(parent["attributes"].contains("dpl.core.data_subject_id")) << "names no youth";
  std::set<std::string> subjects;
  for (size_t i = lines.size() - 2; i < lines.size(); ++i) {
    EXPECT_EQ(lines[i]["trace_id"], parent["trace_id"]);
    EXPECT_EQ(lines[i]["parent_span_id"], parent["span_id"]);
    EXPECT_NE(lines[i]["span_id"], parent["span_id"]);
    EXPECT_FALSE(lines[i]["attributes"].contains("dpl.core.foreign_operation.processor"));
    subjects.insert(lines[i]["attributes"]["dpl.core.data_subject_id"].get<std::string>());
    EXPECT_EQ(users[i]["span_id"], lines[i]["span_id"]);
  }
  EXPECT_EQ(subjects, (std::set<std::string>{Hex(SubjectId()),
                                             Hex(ledger_->keystore().SubjectId("J-78"))}));
  EXPECT_EQ(users[lines.size() - 3]["actor"], "coordinator.c") << "the parent's user too";
}

TEST_F(Ldv, TheActivityUriUnderAConfiguredBase) {
  auto https =
      Lines(Export({"Test", "https://register.example.nl/verwerkingen/", 0}).processings);
  EXPECT_EQ(https[1]["attributes"]["dpl.core.processing_activity_id"],
            "https://register.example.nl/verwerkingen/rmc-signalering/1");
  EXPECT_EQ(ProcessingActivityUri({"Test", "urn:nl:regio-x:verwerking", 0}, "rmc-nazorg", 2),
            "urn:nl:regio-x:verwerking:rmc-nazorg:2");
  EXPECT_EQ(ProcessingActivityUri({"Zuid Holland", "", 0}, "rmc-nazorg", 1),
            "urn:rmc:Zuid%20Holland:verwerking:rmc-nazorg:1")
      << "a URN has no spaces";
}

TEST_F(Ldv, TheUsersAreApartOneForEachProcessingLinkedBySpanId) {
  auto e = Export();
  auto lines = Lines(e.processings);
  auto users = Lines(e.users);
  ASSERT_EQ(users.size(), lines.size());
  EXPECT_EQ(e.lines, lines.size());
  std::set<std::string> spans;
  for (const auto& l : lines) spans.insert(l["span_id"]);
  ASSERT_EQ(spans.size(), lines.size()) << "span ids are unique";
  for (size_t i = 0; i < users.size(); ++i) {
    EXPECT_EQ(users[i]["type"], "audit_record");
    EXPECT_EQ(users[i]["span_id"], lines[i]["span_id"]);
    EXPECT_EQ(users[i]["trace_id"], lines[i]["trace_id"]);
    EXPECT_EQ(spans.count(users[i]["span_id"]), 1u);
  }
  EXPECT_EQ(users[0]["actor"], "test");
  EXPECT_EQ(users[0]["role"], "consulent");
  EXPECT_TRUE(users[0]["purpose"].is_null()) << "a write's purpose is its activity's";
  EXPECT_EQ(users[4]["actor"], "auditor.a");
  EXPECT_EQ(users[4]["purpose"], "controle");
}

TEST_F(Ldv, NoRefAndNoPersonalValueAnywhere) {
  auto e = Export();
  for (const std::string& text : {e.processings, e.users})
    for (const char* secret : kSecrets)
      EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
}

TEST_F(Ldv, SinceKeepsWhatWasRecordedFromThen) {
  EXPECT_EQ(Lines(Export({"Test", "", ParseTime("2026-11-20T09:00:00Z")->ns}).processings).size(),
            6u)
      << "at or after";
  EXPECT_EQ(Lines(Export({"Test", "", ParseTime("2026-11-20T09:00:01Z")->ns}).processings).size(),
            0u);
}

// Times within one process are fixed (RMC_NOW): the order by time is tested end to end
// (tests/e2e/audit_export_cli_test.cc); the ms arithmetic on a hand-built event below.
TEST(LdvMapping, MillisecondsOfTheRecordedTime) {
  capnp::MallocMessageBuilder m;
  auto e = m.initRoot<schema::Event>();
  e.setRecordedAt(1795165201567891234);
  e.initTraceId(16);
  e.initSpanId(8);
  e.initSubject(16);
  e.initPayload().initNoteAdded();
  json line = LdvOfEvent(e.asReader(), {}).processing;
  EXPECT_EQ(line["start_time"], 1795165201567);
  EXPECT_EQ(line["end_time"], 1795165201567);
  EXPECT_EQ(line["trace_id"], std::string(32, '0'));
  EXPECT_EQ(line["span_id"], std::string(16, '0'));
}

}  // namespace
}  // namespace rmc
