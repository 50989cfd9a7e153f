// Parsing one JSON command (docs/commands.md, "JSON commands"): what the envelope and the names in
// it may hold, and the canonical hash that decides idempotency.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/hex.h"
#include "codec/command.h"
#include "base/digest.h"
#include "codec/json_render.h"
#include "store/store.h"

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
  // Direction marks and line separators make a name read as another, or break it over lines.
  for (const char* mark : {"\\u202e", "\\u2066", "\\u200f", "\\u061c", "\\u2028", "\\u2029"})
    EXPECT_NE(Refusal(std::string(R"({"id":"a)") + mark + R"(b",)" + kNote + "}")
                  .find("id: holds a control character"),
              std::string::npos)
        << mark;
  for (const char* text : {"Zo\\u00eb", "\\u2013", "\\u200d", "\\u20ac"})  // ë, dash, ZWJ, euro
    EXPECT_EQ(Refusal(std::string(R"({"id":"a)") + text + R"(b",)" + kNote + "}"), "accepted")
        << text;
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
  // An empty actor (`--actor ""`) recorded events by nobody; reads already refused it.
  EXPECT_NE(Refusal(R"({"id":"x",)" + kNote + "}", "").find("actor: empty"), std::string::npos);
  EXPECT_EQ(Refusal(R"({"id":"x","actor":"",)" + kNote + "}"),
            "actor: expected a string of 1 to 128 characters");
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

// A correction names each field once, as every other part of a command does (the last value
// used to win silently, and the event recorded the field twice).
TEST(Command, CorrectionFieldsAreGivenOnce) {
  const std::string head = R"({"id":"x","type":"correct","case":"RMC-000001","reason":"r","data":)";
  EXPECT_EQ(Refusal(head + R"({"event":3,"data":{"target_group":"jikp","target_group":"vsv-nieuw"}}})"),
            "data.data.target_group: given twice");
  EXPECT_EQ(Refusal(head + R"({"event":3,"event":4,"data":{"action_required":true}}})"),
            "data.event: given twice");
  auto once = Parse(head + R"({"event":3,"data":{"target_group":"jikp","action_required":true}}})");
  ASSERT_TRUE(once.ok()) << once.status().message();
  EXPECT_EQ(once->correct_target, "3");
}

TEST(Command, HashEscapesKeys) {
  // Both have one answer per key; unescaped, both keys ran together into the same bytes.
  const std::string two =
      R"({"id":"i","type":"intake","case":"RMC-000001","data":{"date":"2026-11-20","participants":["jongere"],"support_question":"werk","answers":{"q1":"a","q2":"b"}}})";
  const std::string one =
      R"({"id":"i","type":"intake","case":"RMC-000001","data":{"date":"2026-11-20","participants":["jongere"],"support_question":"werk","answers":{"q1\":\"a\",\"q2":"b"}}})";
  EXPECT_NE(HashOf(one), HashOf(two));
}

TEST(Command, HashOfKeysWithoutEscapesIsUnchanged) {
  // Hashes that earlier versions stored in `commands`, for keys without '"', '\\' or control
  // characters: a rerun of those commands must stay a duplicate, not become a conflict.
  EXPECT_EQ(HashOf(R"({"id":"plain-1","type":"note","case":"RMC-000001","data":{"text":"gesprek met moeder"}})"),
            "a659556049b00e80211f755074233d2681acd04e602f0056c53fbc1e47e5d9bd");
  // Escapes in values were always escaped, and key order and white space never counted.
  EXPECT_EQ(HashOf(R"({"data":{"text":"é \"q\" \\ \n\t\u0001 ✓"}, "type":"note","id":"esc-1" ,"case":"RMC-000001","reason":"a\/b"})"),
            "84fd0d9411cd3458335e92871327aef5d74519c55e6b5b1bd993207b2c410b1d");
  EXPECT_EQ(HashOf(R"({"id":"intake-1","type":"intake","case":"RMC-000001","data":{"date":"2026-11-20","participants":["jongere"],"support_question":"werk","answers":{"Wat wil je bereiken?":"een baan","q1":"a","q2":"b"}}})"),
            "c10c186c0f3467640254871ee5412461a3e1ef6ab8992031ea52eca9b9e61e9f");
  // Every command of the golden files, hashed one by one; the digest of those hashes in order.
  std::ifstream in(std::filesystem::path(RMC_SOURCE_DIR) / "tests" / "golden" / "commands.jsonl");
  std::string hashes;
  int lines = 0;
  for (std::string line; std::getline(in, line); ++lines) {
    auto c = Parse(line);
    ASSERT_TRUE(c.ok()) << line << ": " << c.status().message();
    hashes += c->hash;
  }
  EXPECT_EQ(lines, 34);
  EXPECT_EQ(Hex(Blake2b(hashes)), "dffe98bc1e1989bdd339ca119a45d22ee796ba5692f90292e37a613828c8386e");
}

}  // namespace
}  // namespace rmc
