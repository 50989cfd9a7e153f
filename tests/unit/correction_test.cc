// Corrections (correction.cc): the fields DecideCorrection records, and MergeCorrection, the
// corrected event as the fold sees it.
#include "domain/correction.h"

#include <gtest/gtest.h>

#include <capnp/message.h>

#include <memory>
#include <string>
#include <vector>

#include "codec/command.h"

namespace rmc {
namespace {

// The corrected fields of a `correct` command whose data.data is `fields`.
const CorrectedFields& Fields(const std::string& fields) {
  static std::vector<std::shared_ptr<const CorrectedFields>> kept;  // the tests' lifetime
  auto c = ParseCommand(R"({"id":"k","type":"correct","case":"RMC-000001","reason":"r","data":{"event":2,"data":)" +
                            fields + "}}",
                        CommandDefaults{"c", schema::Role::CONSULENT});
  EXPECT_TRUE(c.ok()) << c.status().message();
  kept.push_back(c->corrected);
  return *kept.back();
}

std::vector<std::string> Names(Draft& draft) {
  std::vector<std::string> names;
  for (auto name : draft.root().getEventCorrected().getFields()) names.emplace_back(name.cStr());
  return names;
}

TEST(Correction, MergeReplacesTheNamedFieldsWithTheirPresenceFlags) {
  capnp::MallocMessageBuilder target;
  auto triaged = target.initRoot<schema::Payload>().initTriaged();
  triaged.setTargetGroup(schema::TargetGroup::JIKP);
  triaged.setActionRequired(true);
  triaged.setJikpPerspective(schema::JikpPerspective::ARBEID);
  triaged.setHasJikpPerspective(true);
  auto draft = DecideCorrection(target.getRoot<schema::Payload>().asReader(), std::nullopt, 4,
                                Fields(R"({"jikp_perspective":null,"action_required":false})"));
  ASSERT_TRUE(draft.ok()) << draft.status().message();
  MergeCorrection(target.getRoot<schema::Payload>(), draft->root().getEventCorrected().asReader());
  EXPECT_FALSE(triaged.getHasJikpPerspective());
  EXPECT_FALSE(triaged.getActionRequired());
  EXPECT_EQ(triaged.getTargetGroup(), schema::TargetGroup::JIKP) << "not named: kept";
}

TEST(Correction, MergeLeavesAnEventOfAnotherType) {
  capnp::MallocMessageBuilder target, other;
  target.initRoot<schema::Payload>().initContactAttempted().setOutcome(schema::ContactOutcome::BEREIKT);
  other.initRoot<schema::Payload>().initTriaged();
  auto draft = DecideCorrection(other.getRoot<schema::Payload>().asReader(), std::nullopt, 4,
                                Fields(R"({"action_required":false})"));
  ASSERT_TRUE(draft.ok());
  MergeCorrection(target.getRoot<schema::Payload>(), draft->root().getEventCorrected().asReader());
  EXPECT_TRUE(target.getRoot<schema::Payload>().isContactAttempted());
  EXPECT_EQ(target.getRoot<schema::Payload>().getContactAttempted().getOutcome(), schema::ContactOutcome::BEREIKT);
}

TEST(Correction, ASignalsItemsAreNamedOnlyWhenTheyChange) {
  capnp::MallocMessageBuilder stored;
  auto signal = stored.initRoot<schema::Payload>().initSignalReceived();
  signal.initAbsence().setHours(40);
  signal.setInfoItems(1 << 5);
  const auto target = stored.getRoot<schema::Payload>().asReader();
  auto same = DecideCorrection(target, target, 2, Fields(R"({"channel":"gemeente"})"));
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(Names(*same), std::vector<std::string>{"channel"});
  auto more = DecideCorrection(target, target, 2, Fields(R"({"care":"ggz"})"));
  ASSERT_TRUE(more.ok());
  EXPECT_EQ(Names(*more), (std::vector<std::string>{"care", "info_items"}));
  EXPECT_EQ(more->root().getEventCorrected().getCorrected().getSignalReceived().getInfoItems(), (1 << 5) | (1 << 4));
}

// Without the target as the case holds it (the youth's key is gone), items can be added, and
// none taken away: what the sealed fields held is unknown.
TEST(Correction, WithoutTheSealedFieldsItemsAreOnlyAdded) {
  capnp::MallocMessageBuilder stored;
  auto signal = stored.initRoot<schema::Payload>().initSignalReceived();
  signal.setInfoItems(1 << 0);  // a suspected reason, sealed
  const auto target = stored.getRoot<schema::Payload>().asReader();
  auto added = DecideCorrection(target, std::nullopt, 2, Fields(R"({"absence":{"kind":"overig","hours":12}})"));
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->root().getEventCorrected().getCorrected().getSignalReceived().getInfoItems(), (1 << 0) | (1 << 5));
  auto removed = DecideCorrection(target, std::nullopt, 2, Fields(R"({"suspected_reason":null})"));
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(Names(*removed), std::vector<std::string>{"suspected_reason"}) << "unknown: kept";
  auto known = DecideCorrection(target, target, 2, Fields(R"({"suspected_reason":null})"));
  ASSERT_TRUE(known.ok());
  EXPECT_EQ(Names(*known), (std::vector<std::string>{"suspected_reason", "info_items"}));
}

TEST(Correction, TheLedgersOwnEventsAreRefused) {
  capnp::MallocMessageBuilder stored;
  stored.initRoot<schema::Payload>().initCaseOpened();
  auto refused = DecideCorrection(stored.getRoot<schema::Payload>().asReader(), std::nullopt, 1,
                                  Fields(R"({"x":1})"));
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("cannot be corrected"), std::string::npos);
}

}  // namespace
}  // namespace rmc
