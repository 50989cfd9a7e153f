// What the annotations say, asked in any order: the answers are memoised per thread, and the
// schema's one cycle (Payload -> EventCorrected -> Payload) must not make them depend on which
// question came first.
#include <gtest/gtest.h>

#include <thread>

#include "codec/schema_info.h"
#include "event.capnp.h"

namespace rmc {
namespace {

namespace si = schema_info;

// Runs `body` on a fresh thread, so with empty caches.
template <typename Body>
void Fresh(Body body) {
  std::thread(body).join();
}

si::Field Member(const char* name) {
  return capnp::Schema::from<schema::Payload>().getFieldByName(name);
}

TEST(SchemaInfo, ACorrectionNestsPersonalFieldsWhicheverStructIsAskedFirst) {
  auto corrected = capnp::Schema::from<schema::EventCorrected>();
  auto payload = capnp::Schema::from<schema::Payload>();
  Fresh([&] {
    EXPECT_TRUE(si::HasPersonalFields(payload));
    EXPECT_TRUE(si::HasPersonalFields(corrected));
    EXPECT_TRUE(si::NestsPersonal(Member("eventCorrected")));
  });
  Fresh([&] {
    EXPECT_TRUE(si::NestsPersonal(Member("eventCorrected")));
    EXPECT_TRUE(si::HasPersonalFields(payload));
  });
}

TEST(SchemaInfo, MembersWithoutPersonalFieldsAreCopiedPlain) {
  Fresh([] {
    EXPECT_TRUE(si::NestsPersonal(Member("signalReceived")));
    EXPECT_TRUE(si::NestsPersonal(Member("contactAttempted")));  // its note
    EXPECT_FALSE(si::NestsPersonal(Member("caseClosed")));
    EXPECT_FALSE(si::NestsPersonal(Member("intakeScheduled")));
    auto contact = capnp::Schema::from<schema::ContactAttempted>();
    EXPECT_FALSE(si::IsPersonal(contact.getFieldByName("channel")));
    EXPECT_TRUE(si::IsPersonal(contact.getFieldByName("note")));
  });
}

TEST(SchemaInfo, JsonNamesAndCodesBothWays) {
  auto subject = capnp::Schema::from<schema::Subject>();
  auto birth = si::FieldByJsonName(subject, "birth_date");
  ASSERT_TRUE(birth.has_value());
  EXPECT_EQ(si::JsonName(*birth), "birth_date");
  EXPECT_FALSE(si::FieldByJsonName(subject, "birthDate").has_value());
  EXPECT_FALSE(si::FieldByJsonName(subject, "has_enrolled").has_value()) << "derived fields are not input";
  auto channel = capnp::Schema::from<schema::ContactChannel>();
  auto brief = si::EnumFromCode(channel, "brief");
  ASSERT_TRUE(brief.has_value());
  EXPECT_EQ(si::EnumCode(*brief), "brief");
  EXPECT_FALSE(si::EnumFromCode(channel, "Brief").has_value());
  EXPECT_NE(si::EnumCodes(channel).find("huisbezoek-aangekondigd"), std::string::npos);
}

}  // namespace
}  // namespace rmc
