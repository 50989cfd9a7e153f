// The limits of one command (command_limits.h, docs/commands.md "Limits"): a command at each
// limit is read, one past it is invalid_input naming the limit, and parsing it takes memory in
// proportion to the limit, not to the input.
#include "codec/command_limits.h"

#include <gtest/gtest.h>

#include "codec/command.h"

namespace rmc {
namespace {

const CommandDefaults kDefaults{"c.jansen", schema::Role::CONSULENT};
const std::string kReview =
    R"({"id":"r1","type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":["leerplicht"]}})";

// kReview with `partners` partners.
std::string ReviewWithPartners(size_t partners) {
  std::string list;
  for (size_t i = 0; i < partners; ++i) list += (i ? ",\"p" : "\"p") + std::to_string(i) + "\"";
  return R"({"id":"r1","type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[)" +
         list + "]}}";
}

// A command of `depth` nested objects and lists: the command, and lists in its unknown field x.
std::string Nested(size_t depth) {
  return R"({"id":"r1","type":"review","x":)" + std::string(depth - 1, '[') +
         std::string(depth - 1, ']') + "}";
}

TEST(CommandLimits, ACommandOfTheMostBytesIsRead) {
  std::string line = kReview;
  line.resize(kMaxCommandBytes, ' ');  // white space after the object is part of the line
  auto c = ParseCommand(line, kDefaults);
  EXPECT_TRUE(c.ok()) << c.status().message();
}

TEST(CommandLimits, OneByteMoreIsRefusedNamingTheLimit) {
  std::string line = kReview;
  line.resize(kMaxCommandBytes + 1, ' ');
  auto c = ParseCommand(line, kDefaults);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Code::kInvalidInput);
  EXPECT_NE(c.status().message().find("longer than 1048576 bytes"), std::string::npos)
      << c.status().message();
}

TEST(CommandLimits, NestingUpToTheLimitIsLeftToTheSchema) {
  auto c = ParseCommand(Nested(kMaxCommandDepth), kDefaults);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("x: unknown field"), std::string::npos)
      << c.status().message();
}

TEST(CommandLimits, DeeperNestingIsRefusedNamingTheLimit) {
  for (size_t depth : {kMaxCommandDepth + 1, size_t(100'000)}) {
    auto c = ParseCommand(Nested(depth), kDefaults);
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.status().code(), Code::kInvalidInput);
    EXPECT_NE(c.status().message().find("nested deeper than 32"), std::string::npos)
        << c.status().message();
  }
  // Unclosed, as the issue's probe sent it.
  auto c = ParseCommand(std::string(100'000, '['), kDefaults);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Code::kInvalidInput);
}

TEST(CommandLimits, AListOfTheMostItemsIsRead) {
  auto c = ParseCommand(ReviewWithPartners(kMaxCommandItems), kDefaults);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->data().getDossierReviewed().getCheckedWithPartners().size(), kMaxCommandItems);
}

TEST(CommandLimits, MoreItemsInAListAreRefusedNamingTheList) {
  auto c = ParseCommand(ReviewWithPartners(kMaxCommandItems + 1), kDefaults);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Code::kInvalidInput);
  EXPECT_NE(c.status().message().find("data.checked_with_partners: more than 1000 items"),
            std::string::npos)
      << c.status().message();
}

TEST(CommandLimits, MoreFieldsInAnObjectAreRefused) {
  // 10,000 fields, as the issue's probe sent them, in the command's data.
  std::string line = R"({"id":"r1","type":"review","case":"RMC-000001","data":{"checked_with_youth":true)";
  for (int i = 0; i < 10'000; ++i) line += ",\"f" + std::to_string(i) + "\":\"x\"";
  line += "}}";
  auto c = ParseCommand(line, kDefaults);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Code::kInvalidInput);
  EXPECT_NE(c.status().message().find("data: more than 1000 items"), std::string::npos)
      << c.status().message();
}

TEST(CommandLimits, ARepeatedEnvelopeFieldIsRefusedAtItsSecondUse) {
  // The probe's other form: one envelope field 10,000 times.
  std::string line = R"({"id":"r1","type":"review","case":"RMC-000001")";
  for (int i = 0; i < 10'000; ++i) line += R"(,"reason":"x")";
  line += "}";
  auto c = ParseCommand(line, kDefaults);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().code(), Code::kInvalidInput);
  EXPECT_NE(c.status().message().find("reason: given twice"), std::string::npos)
      << c.status().message();
}

}  // namespace
}  // namespace rmc
