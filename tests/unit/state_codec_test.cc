// The stored case projection (state_codec.h): what does not fit CaseState is a damaged
// projection, a ledger_error, never a value it cannot hold.
#include "state_codec.h"

#include <capnp/message.h>
#include <capnp/serialize.h>
#include <gtest/gtest.h>

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

}  // namespace
}  // namespace rmc
