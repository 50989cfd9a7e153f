// The stored case projection (state_codec.h): what does not fit CaseState is a damaged
// projection, a ledger_error, never a value it cannot hold.
#include "domain/state_codec.h"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "base/clock.h"
#include "domain/stats.h"
#include "projection.capnp.h"

namespace rmc {
namespace {

TEST(StateCodec, RefusesAConsentKindOutsideTheSchema) {
  // Found by fuzz_projection: the kind was cast into ConsentRecord::Kind whatever its value.
  capnp::MallocMessageBuilder message;
  auto p = message.initRoot<schema::CaseProjection>();
  p.setCaseId("RMC-000001");
  p.initConsents(1)[0].setKind(schema::ConsentRecord::Kind(7));
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  auto state = DecodeCaseState({reinterpret_cast<const char*>(bytes.begin()), bytes.size()});
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.status().code(), Code::kLedgerError);
  EXPECT_NE(state.status().message().find("consent kind 7"), std::string::npos)
      << state.status().message();
}

std::string Bytes(capnp::MessageBuilder& message) {
  auto words = capnp::messageToFlatArray(message);
  auto bytes = words.asBytes();
  return {reinterpret_cast<const char*>(bytes.begin()), bytes.size()};
}

std::string Found(const std::string& name) {
  std::ifstream in(std::string(RMC_SOURCE_DIR) + "/tests/fuzz/found/projection/" + name,
                   std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

TEST(StateCodec, KeepsEveryDayTheLedgerHolds) {
  capnp::MallocMessageBuilder message;
  auto p = message.initRoot<schema::CaseProjection>();
  p.setCaseId("RMC-000001");
  p.setLastSignal(kFirstDay);
  p.setClosedOn(kLastDay);
  p.setAftercareUntil(kLastDay + 1827);  // 60 months of aftercare after a closing on the last day
  p.setPickedUp(kNoDay);
  p.initContacts(1)[0].setDay(kLastDay);
  auto state = DecodeCaseState(Bytes(message));
  ASSERT_TRUE(state.ok()) << state.status().message();
  EXPECT_EQ(state->last_signal, kFirstDay);
  EXPECT_EQ(state->aftercare_until, kLastDay + 1827);
}

TEST(StateCodec, RefusesADayOutsideTheDatesTheLedgerHolds) {
  for (auto set : {+[](schema::CaseProjection::Builder p) { p.setLastSignal(kLastDay + 1); },
                   +[](schema::CaseProjection::Builder p) { p.setPickedUp(kFirstDay - 1); },
                   +[](schema::CaseProjection::Builder p) { p.initContacts(1)[0].setDay(kLastDay + 1); },
                   +[](schema::CaseProjection::Builder p) {
                     p.initConsents(1)[0].setValidUntil(2'147'418'112);
                   }}) {
    capnp::MallocMessageBuilder message;
    auto p = message.initRoot<schema::CaseProjection>();
    p.setCaseId("RMC-000001");
    set(p);
    auto state = DecodeCaseState(Bytes(message));
    ASSERT_FALSE(state.ok());
    EXPECT_EQ(state.status().code(), Code::kLedgerError);
    EXPECT_NE(state.status().message().find("outside the dates the ledger holds"),
              std::string::npos)
        << state.status().message();
  }
}

TEST(StateCodec, ADayNearIntMaxIsDamageForStatsToo) {
  // Found by fuzz_projection: a lastSignal of 2147418112 made the pickup deadline count working
  // days up past INT_MAX (AddWorkingDays, via DeadlinesOf).
  const std::string bytes = Found("day-near-int-max-overflows-working-days");
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(DecodeCaseState(bytes).status().code(), Code::kLedgerError);
  StatsCounter counter(20'777, Settings{});
  auto s = counter.Add(bytes);
  EXPECT_EQ(s.code(), Code::kLedgerError);
  EXPECT_NE(s.message().find("lastSignal"), std::string::npos) << s.message();
}

TEST(StateCodec, RefusesAListLongerThanItsMessageCouldHold) {
  // Found by fuzz_projection: 488 bytes claiming 4,194,304 consents of no size. Cap'n Proto's
  // default limit let them through, and the copy did not decode the same way again.
  const std::string bytes = Found("does-not-encode-back-to-itself");
  ASSERT_FALSE(bytes.empty());
  auto state = DecodeCaseState(bytes);
  ASSERT_FALSE(state.ok());
  EXPECT_EQ(state.status().code(), Code::kLedgerError);
  EXPECT_NE(state.status().message().find("limit"), std::string::npos) << state.status().message();
}

TEST(StateCodec, DecodesAProjectionWithThousandsOfEntries) {
  capnp::MallocMessageBuilder message;
  auto p = message.initRoot<schema::CaseProjection>();
  p.setCaseId("RMC-000001");
  auto contacts = p.initContacts(5000);
  for (auto c : contacts) c.setDay(20'000);
  auto signals = p.initSignals(5000);
  for (uint32_t i = 0; i < signals.size(); ++i) signals.set(i, i);
  auto state = DecodeCaseState(Bytes(message));
  ASSERT_TRUE(state.ok()) << state.status().message();
  EXPECT_EQ(state->contacts.size(), 5000u);
  auto again = DecodeCaseState(EncodeCaseState(*state));
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_TRUE(*again == *state);
}

}  // namespace
}  // namespace rmc
