// Parsing one JSON command (COMMANDS.md, "JSON commands"): what the envelope and the names in it
// may hold.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "command.h"
#include "json_render.h"
#include "store.h"

namespace rmc {
namespace {

Result<Command> Parse(const std::string& line, const std::string& actor = "test") {
  return ParseCommand(line, {actor, schema::Role::CONSULENT});
}

// The message of the refusal of `line`, which must be invalid_input.
std::string Refusal(const std::string& line, const std::string& actor = "test") {
  auto c = Parse(line, actor);
  if (c.ok()) return "accepted";
  EXPECT_EQ(c.status().code(), Code::kInvalidInput) << line;
  return c.status().message();
}

std::string HashOf(const std::string& line) {
  auto c = Parse(line);
  EXPECT_TRUE(c.ok()) << line << ": " << c.status().message();
  return c.ok() ? Hex(c->hash) : "";
}

const std::string kNote = R"("type":"note","case":"RMC-000001","data":{"text":"x"})";

TEST(Command, NamesHoldNoControlCharacters) {
  // A NUL in a command id was stored in `commands` whole and in the event cut short, so verify
  // found the record missing ever after.
  EXPECT_NE(Refusal(R"({"id":"a\u0000b",)" + kNote + "}").find("id: holds a control character"),
            std::string::npos);
  EXPECT_NE(Refusal(R"({"id":"a\nb",)" + kNote + "}").find("id: holds a control character"),
            std::string::npos);
  EXPECT_NE(Refusal(R"({"id":"a\u0085b",)" + kNote + "}").find("id: holds a control character"),
            std::string::npos);
  EXPECT_NE(Refusal(R"({"id":"x","type":"note","case":"RMC-1\u0000","data":{"text":"x"}})")
                .find("case: holds a control character"),
            std::string::npos);
  // The subjects index separates case ids by commas.
  EXPECT_NE(Refusal(R"({"id":"x","type":"note","case":"RMC-1,RMC-2","data":{"text":"x"}})")
                .find("case: holds a comma"),
            std::string::npos);
  EXPECT_NE(Refusal(R"({"id":"x","type":"note","subject":"J-1\u0000","data":{"text":"x"}})")
                .find("subject: holds a control character"),
            std::string::npos);
  // A ref with a NUL was hashed whole but read back cut short: the subject of another youth.
  EXPECT_NE(Refusal(R"({"id":"x","type":"signal","data":{"subject":{"ref":"J-1\u0000x"},"channel":"jongere","received":"2026-11-01"}})")
                .find("data.subject.ref: holds a NUL character"),
            std::string::npos);
  EXPECT_NE(Refusal(R"({"id":"x","type":"signal","data":{"subject":{"ref":"J-1\nx"},"channel":"jongere","received":"2026-11-01"}})")
                .find("data.subject.ref: holds a control character"),
            std::string::npos);
  EXPECT_NE(Refusal(R"({"id":"x","type":"forget_subject","reason":"r","data":{"subject":"J-1\u0000x","grondslag":"avg-art17"}})")
                .find("data.subject: holds a NUL character"),
            std::string::npos);
  EXPECT_NE(Refusal(R"({"id":"x","type":"forget_subject","reason":"r","data":{"subject":"J-1\u001bx","grondslag":"avg-art17"}})")
                .find("data.subject: holds a control character"),
            std::string::npos);
  EXPECT_NE(Refusal(R"({"id":"x","type":"signal","data":{"subject":{"ref":""},"channel":"jongere","received":"2026-11-01"}})")
                .find("data.subject.ref: empty"),
            std::string::npos);
  // The actor of the global options too: --actor and $RMC_ACTOR reach the command as defaults.
  EXPECT_NE(Refusal(R"({"id":"x",)" + kNote + "}", "a\tb").find("actor: holds a control character"),
            std::string::npos);
  EXPECT_NE(Refusal(R"({"id":"x",)" + kNote + "}", "a\xff").find("actor: not valid UTF-8"),
            std::string::npos);
  // What may be in a name stays accepted: any printable UTF-8.
  EXPECT_TRUE(Parse(R"({"id":"import 2026/11 — é ✓",)" + kNote + "}", "C. de Vries").ok());
}

TEST(Command, TextHoldsNoNul) {
  // Text is read back up to its first NUL: what followed would be stored and never shown.
  EXPECT_NE(Refusal(R"({"id":"x","type":"note","case":"RMC-000001","data":{"text":"a\u0000b"}})")
                .find("data.text: holds a NUL character"),
            std::string::npos);
  EXPECT_NE(Refusal(R"({"id":"x","type":"intake","case":"RMC-000001","data":{"date":"2026-11-20","participants":["jongere"],"support_question":"werk","answers":{"a\u0000b":"c"}}})")
                .find("holds a NUL character"),
            std::string::npos);
  // Line breaks and tabs are text like any other.
  EXPECT_TRUE(Parse(R"({"id":"x","type":"note","case":"RMC-000001","data":{"text":"a\n\tb"}})").ok());
}

TEST(Command, ExpectedVersionIsAVersion) {
  for (const char* v : {"-1", "4294967296", "1.5", "\"3\""})
    EXPECT_NE(Refusal(std::string(R"({"id":"x","expected_version":)") + v + "," + kNote + "}")
                  .find("expected_version: expected a whole number from 0 to 4294967295"),
              std::string::npos)
        << v;
  auto c = Parse(R"({"id":"x","expected_version":4294967295,)" + kNote + "}");
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->expected_version, 4294967295u);
}

TEST(Command, EnvelopeFieldsAreGivenOnce) {
  EXPECT_EQ(Refusal(R"({"id":"x","case":"RMC-000002",)" + kNote + "}"), "case: given twice");
}

}  // namespace
}  // namespace rmc
