// A stored event whose bytes were overwritten (a bad disk, a careless operator): every read that
// meets it ends with an error and its exit code, verify (exit 6) names it, and nothing aborts.
#include <gtest/gtest.h>

#include <cstring>
#include <string>

#include "../store/forgery.h"
#include "rmc_cli.h"

namespace {

class DamagedEvent : public rmc::testing::RmcCli {
 protected:
  void SetUp() override {
    RmcCli::SetUp();
    ASSERT_EQ(Rmc("init").code, 0);
    ASSERT_EQ(Rmc("signal --subject-ref J-1 --subject-name Yfke --channel jongere --received 2026-11-01").code, 0);
    ASSERT_EQ(Rmc("note RMC-000001 --text 'eerste gesprek'").code, 0);
    signal_ = PositionOf("SignalReceived");
  }

  // The stored bytes of the signal.
  std::string Stored() {
    auto store = rmc::Store::Open(dir_, false, true);
    EXPECT_TRUE(store.ok());
    auto txn = (*store)->Read();
    auto view = (*txn)->Event(std::stoull(signal_));
    EXPECT_TRUE(view.ok() && *view);
    return std::string((*view)->bytes());
  }
  void Overwrite(const std::string& bytes) {
    auto store = rmc::Store::Open(dir_, false, false);
    ASSERT_TRUE(store.ok()) << store.status().message();
    auto s = rmc::testing::WriteRawEntry(**store, "events", std::stoull(signal_), bytes);
    ASSERT_TRUE(s.ok()) << s.message();
  }

  std::string signal_;
};

TEST_F(DamagedEvent, EveryReadSaysSoWithItsExitCode) {
  const std::string good = Stored();
  ASSERT_GT(good.size(), 16u);
  // The root pointer (the first word after the segment table) pointing far past the message.
  std::string far = good;
  const uint64_t out_of_bounds = uint64_t(0x1FFFFFFF) << 2 | uint64_t(1) << 32;
  std::memcpy(far.data() + 8, &out_of_bounds, 8);
  const std::pair<const char*, std::string> damages[] = {
      {"a segment table that claims more segments than there are", std::string("\x05\0\0\0\xff\xff\0\0", 8)},
      {"a root pointer out of bounds", far},
      {"the message cut in half", good.substr(0, good.size() / 16 * 8)},
      {"bytes that were never a message", std::string(64, '\xab')},
  };
  int round = 0;
  for (const auto& [damage, bytes] : damages) {
    SCOPED_TRACE(damage);
    ++round;
    Overwrite(bytes);
    auto events = Rmc("events");
    EXPECT_EQ(events.code, 1) << events.text;
    EXPECT_NE(events.text.find("event " + signal_ + " does not decode"), std::string::npos) << events.text;
    auto personal = Rmc("events --personal");
    EXPECT_EQ(personal.code, 1) << personal.text;
    auto verify = Rmc("verify");
    EXPECT_EQ(verify.code, 6) << verify.text;
    EXPECT_NE(verify.text.find("event " + signal_ + ": cannot be decoded"), std::string::npos) << verify.text;
    auto show = Rmc("show RMC-000001 --json");
    EXPECT_EQ(show.code, 1) << show.text;
    EXPECT_NE(show.text.find("does not decode"), std::string::npos) << show.text;
    auto history = Rmc("history RMC-000001");
    EXPECT_EQ(history.code, 1) << history.text;
    auto as_of = Rmc("show RMC-000001 --as-of 2026-11-20 --json");
    EXPECT_EQ(as_of.code, 1) << as_of.text;
    // A write that reads the damaged event (the case's signals, for the youth's birth date)
    // is refused; one that does not still works.
    auto triage = Rmc("triage RMC-000001 --target-group vsv-nieuw --action-required true --rationale r --reason x");
    EXPECT_EQ(triage.code, 1) << triage.text;
    EXPECT_EQ(Rmc("assign RMC-000001 --consulent c.jansen --id assign-" + std::to_string(round)).code, 0);
  }
}

}  // namespace
