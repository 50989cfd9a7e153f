// Checkpoints on a real ledger: one holds while the history up to it is untouched (more events
// after it change nothing), and fails — naming what differs — for a rewritten history, even one
// re-chained so well that `rmc verify` finds nothing; for a forged or foreign signature; for
// another ledger; for a position the log never reached. Also the key file and the file format.
#include "base/hex.h"
#include "audit/checkpoint.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "audit/access_log.h"
#include "audit/verify.h"
#include "codec/json_render.h"
#include "forgery.h"
#include "temp_ledger.h"

namespace rmc {
namespace {

class Checkpoints : public TempLedger {
 protected:
  void SetUp() override {
    TempLedger::SetUp();
    Record(
        R"({"id":"s1","type":"signal","data":{"subject":{"ref":"J-1"},"channel":"jongere","received":"2026-11-01"}})");
    Record(R"({"id":"n1","type":"note","case":"RMC-000001","data":{"text":"gebeld"}})");
    Record(R"({"id":"n2","type":"note","case":"RMC-000001","data":{"text":"mail gestuurd"}})");
    key_ = GenerateSigningKey();
  }

  void Record(const std::string& line) {
    auto c = ParseCommand(line, {"c.jansen", schema::Role::CONSULENT});
    ASSERT_TRUE(c.ok()) << c.status().message();
    std::vector<Command> cs;
    cs.push_back(std::move(*c));
    auto out = ledger_->Execute(cs, false)[0];
    ASSERT_TRUE(out.ok()) << out.error.message();
  }

  Checkpoint Take(bool sign = true) {
    auto txn = ledger_->store().Read();
    EXPECT_TRUE(txn.ok());
    auto c = MakeCheckpoint(**txn, "auditor.a");
    EXPECT_TRUE(c.ok()) << c.status().message();
    if (sign) SignCheckpoint(*c, key_);
    return *c;
  }

  // The problems VerifyCheckpoint finds (through the file format, as an officer would).
  std::vector<std::string> Problems(const Checkpoint& c,
                                    std::optional<std::string> expected_key = std::nullopt) {
    auto parsed = ParseCheckpoint(CheckpointJson(c));
    EXPECT_TRUE(parsed.ok()) << parsed.status().message();
    auto txn = ledger_->store().Read();
    EXPECT_TRUE(txn.ok());
    auto report = VerifyCheckpoint(**txn, *parsed, expected_key);
    EXPECT_TRUE(report.ok()) << report.status().message();
    return report->problems;
  }

  // The one problem VerifyCheckpoint finds; a test failure when it finds none or several.
  std::string OnlyProblem(const Checkpoint& c,
                          std::optional<std::string> expected_key = std::nullopt) {
    auto problems = Problems(c, expected_key);
    EXPECT_EQ(problems.size(), 1u);
    std::string all;
    for (const auto& p : problems) all += p + "\n";
    return problems.size() == 1 ? problems[0] : all;
  }
  static bool Has(const std::string& text, const std::string& what) {
    return text.find(what) != std::string::npos;
  }

  SigningKey key_;
};

TEST_F(Checkpoints, AnUntouchedLedgerHoldsItsCheckpoint) {
  Checkpoint c = Take();
  ASSERT_EQ(c.logs.size(), 1u);
  const LogMark& events = c.logs.at("events");
  {
    auto txn = ledger_->store().Read();
    ASSERT_TRUE(txn.ok());
    EXPECT_EQ(events.position, (*txn)->LastPosition());
    EXPECT_EQ(events.head, (*txn)->ChainHead());
  }
  EXPECT_EQ(c.time, "2026-11-20T09:00:00Z");
  EXPECT_EQ(c.actor, "auditor.a");
  EXPECT_TRUE(Problems(c).empty());
  EXPECT_TRUE(Problems(c, key_.public_key).empty());
}

TEST_F(Checkpoints, ItStillHoldsAfterMoreEvents) {
  Checkpoint c = Take();
  Record(R"({"id":"n3","type":"note","case":"RMC-000001","data":{"text":"later"}})");
  EXPECT_TRUE(Problems(c, key_.public_key).empty());
  EXPECT_EQ(Take().logs.at("events").position, c.logs.at("events").position + 1);
}

TEST_F(Checkpoints, ARewrittenHistoryFailsEvenWhenVerifyFindsNothing) {
  Checkpoint c = Take();
  const uint64_t at = c.logs.at("events").position;
  Record(R"({"id":"n3","type":"note","case":"RMC-000001","data":{"text":"later"}})");
  // The first note (two events before the checkpoint) was "written" by someone else.
  ASSERT_TRUE(testing::RewriteAndRechain(ledger_->store(), at - 1, "someone.else").ok());
  auto verify = Verify(ledger_->store());
  ASSERT_TRUE(verify.ok());
  ASSERT_TRUE(verify->problems.empty())
      << "the forgery should pass the chain check: " << verify->problems[0];

  std::string problem = OnlyProblem(c, key_.public_key);
  const std::string n = std::to_string(at);
  EXPECT_TRUE(Has(problem, "events: position " + n + " hashes to ")) << problem;
  EXPECT_TRUE(Has(problem, "the checkpoint says " + Hex(c.logs.at("events").head))) << problem;
  // A forger who edits the checkpoint's head to match breaks its signature, and one who signs
  // anew with a key of his own is caught by the key the officer kept.
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  auto forged = MakeCheckpoint(**txn, c.actor);
  ASSERT_TRUE(forged.ok());
  Checkpoint edited = c;
  edited.logs["events"] = forged->logs.at("events");
  EXPECT_TRUE(Has(OnlyProblem(edited, key_.public_key), "signature: not a valid signature"));
  SignCheckpoint(edited, GenerateSigningKey());
  EXPECT_EQ(OnlyProblem(edited, key_.public_key), "signature: signed by " + Hex(edited.public_key) +
                                                      ", expected " + Hex(key_.public_key));
  EXPECT_TRUE(Problems(edited).empty())
      << "without --public-key, a forger's own key passes: hence the flag";
}

TEST_F(Checkpoints, TheAccessLogIsCheckpointedOnceItHoldsAReadAndARewrittenReadFails) {
  const std::string youth = ledger_->keystore().SubjectId("J-1");
  Reader reader{"c.jansen", schema::Role::CONSULENT, "", "show"};
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(RecordAccess(ledger_->store(), reader, {{"RMC-000001", youth}}).ok());
  Checkpoint c = Take();
  ASSERT_EQ(c.logs.size(), 2u);
  EXPECT_EQ(c.logs.at("access").position, 3u);
  EXPECT_TRUE(Problems(c, key_.public_key).empty());

  // Who read the youth's data is changed, and the access chain re-chained: verify finds nothing.
  ASSERT_TRUE(testing::RewriteAccessAndRechain(ledger_->store(), 1, "iemand.anders").ok());
  auto verify = Verify(ledger_->store());
  ASSERT_TRUE(verify.ok());
  ASSERT_TRUE(verify->problems.empty()) << verify->problems[0];
  std::string problem = OnlyProblem(c, key_.public_key);
  EXPECT_TRUE(Has(problem, "access: position 3 hashes to ")) << problem;
}

TEST_F(Checkpoints, AFlippedSignatureByteFails) {
  Checkpoint c = Take();
  c.signature[10] ^= 0x01;
  EXPECT_TRUE(Has(OnlyProblem(c), "signature: not a valid signature by " + Hex(key_.public_key)));
}

TEST_F(Checkpoints, AnotherExpectedKeyFails) {
  Checkpoint c = Take();
  SigningKey other = GenerateSigningKey();
  EXPECT_TRUE(Has(OnlyProblem(c, other.public_key), "expected " + Hex(other.public_key)));
}

TEST_F(Checkpoints, AnUnsignedCheckpointProvesTheChainOnly) {
  Checkpoint c = Take(false);
  EXPECT_FALSE(c.is_signed());
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  auto report = VerifyCheckpoint(**txn, c, std::nullopt);
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->problems.empty());
  EXPECT_TRUE(report->checked.back().starts_with("signature: none")) << report->checked.back();
  EXPECT_TRUE(Has(OnlyProblem(c, key_.public_key), "the checkpoint is unsigned"));
}

TEST_F(Checkpoints, AnotherLedgersCheckpointFails) {
  Checkpoint c = Take(false);
  std::string ours = c.ledger_id;
  c.ledger_id[0] ^= 0x01;
  EXPECT_EQ(OnlyProblem(c), "ledger_id: the checkpoint is of ledger " + Hex(c.ledger_id) +
                                ", this is ledger " + Hex(ours));
}

TEST_F(Checkpoints, APositionBeyondTheLogFails) {
  Checkpoint c = Take();
  const uint64_t last = c.logs.at("events").position;
  c.logs["events"].position = last + 5;
  SignCheckpoint(c, key_);
  EXPECT_EQ(OnlyProblem(c, key_.public_key),
            "events: the checkpoint's position " + std::to_string(last + 5) +
                " is beyond the log, which ends at " + std::to_string(last));
}

TEST_F(Checkpoints, ABrokenChainGetsNoCheckpointAndFailsOne) {
  Checkpoint c = Take();
  auto s = ledger_->store().Write([&](StoreTxn& txn) {
    auto view = txn.Event(5);
    if (!view.ok() || !*view) return LedgerError("no event 5");
    std::string bytes((*view)->bytes());
    bytes[bytes.size() - 1] ^= 0x01;  // the last byte: inside the payload, the event still decodes
    return txn.raw().Put(ledger_->store().env().dbi("events"), U64Key(5), bytes);
  });
  ASSERT_TRUE(s.ok()) << s.message();
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  auto refused = MakeCheckpoint(**txn, "auditor.a");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), Code::kIntegrity);
  EXPECT_NE(refused.status().message().find("events: event 6: prevHash is "), std::string::npos)
      << refused.status().message();
  EXPECT_TRUE(Has(OnlyProblem(c), "events: event 6: prevHash is "));
}

// Each way a chain breaks, in the words of the first break (store/chain.h reports it, the
// checkpoint words it); verify words the same entries its own way.
TEST_F(Checkpoints, EachBreakOfTheChainIsNamedInItsOwnWords) {
  Checkpoint c = Take();
  auto refusal = [&] {
    auto txn = ledger_->store().Read();
    auto refused = MakeCheckpoint(**txn, "auditor.a");
    return refused.ok() ? std::string("taken") : refused.status().message();
  };
  auto verify_says = [&](const std::string& what) {
    auto report = Verify(ledger_->store());
    if (!report.ok()) return false;
    for (const auto& p : report->problems)
      if (p == what) return true;
    return false;
  };

  ASSERT_TRUE(testing::RewriteAndRechain(ledger_->store(), 5, [](schema::Event::Builder e) {
                e.setPosition(9);
              }).ok());
  EXPECT_EQ(OnlyProblem(c), "events: event 5 names position 9");
  EXPECT_EQ(refusal(),
            "no checkpoint taken, the chain is broken: events: event 5 names position 9 (run rmc "
            "verify)");
  EXPECT_TRUE(verify_says("event 5: stored under another position than it names"));

  ASSERT_TRUE(testing::WriteRawEntry(ledger_->store(), "events", 3, std::string("\x05\0\0\0\xff\xff\0\0", 8)).ok());
  const std::string prefix = "events: event 3 cannot be decoded: ", damaged = OnlyProblem(c);
  ASSERT_EQ(damaged.rfind(prefix, 0), 0u) << damaged;
  const std::string why = damaged.substr(prefix.size());  // Cap'n Proto's description
  EXPECT_EQ(refusal(), "no checkpoint taken, the chain is broken: " + damaged + " (run rmc verify)");
  EXPECT_TRUE(verify_says("event 3: cannot be decoded: " + why)) << why;
  EXPECT_TRUE(verify_says("event 4: hash chain broken (prevHash does not match the event before)"));

  ASSERT_TRUE(ledger_->store()
                  .Write([&](StoreTxn& txn) {
                    return txn.raw().Delete(ledger_->store().env().dbi("events"), U64Key(2));
                  })
                  .ok());
  EXPECT_EQ(OnlyProblem(c), "events: position 2 is missing (the log goes on at 3)");
  EXPECT_TRUE(verify_says("event 3: gap in positions, expected 2"));
}

TEST_F(Checkpoints, ALogThisVersionDoesNotKnowIsRefused) {
  Checkpoint c = Take();
  c.logs["access_log"] = {3, std::string(32, 'x')};
  auto parsed = ParseCheckpoint(CheckpointJson(c));
  ASSERT_TRUE(parsed.ok()) << "the file format admits more logs";
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  auto report = VerifyCheckpoint(**txn, *parsed, std::nullopt);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Code::kInvalidInput);
  EXPECT_NE(
      report.status().message().find("\"access_log\", which this version of rmc cannot check"),
      std::string::npos);
}

TEST_F(Checkpoints, TheSignedBytesAreDocumentedLines) {
  Checkpoint c{std::string(16, '\x01'),
               "2026-11-20T09:00:00Z",
               "a.b",
               {{"events", {42, std::string(32, '\xab')}}},
               {},
               {}};
  EXPECT_EQ(SignedBytes(c),
            "rmc-checkpoint v1\n"
            "ledger_id 01010101010101010101010101010101\n"
            "time 2026-11-20T09:00:00Z\n"
            "actor a.b\n"
            "log events 42 " +
                Hex(std::string(32, '\xab')) + "\n");
  // A second log adds a line, in name order; the others do not change.
  c.logs["access_log"] = {7, std::string(32, '\0')};
  EXPECT_NE(SignedBytes(c).find("actor a.b\nlog access_log 7 " + std::string(64, '0') +
                                "\nlog events 42 "),
            std::string::npos);
}

TEST_F(Checkpoints, TheFileRoundTripsAndRefusesWhatIsNotACheckpoint) {
  Checkpoint c = Take();
  auto parsed = ParseCheckpoint(CheckpointJson(c));
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(CheckpointJson(*parsed), CheckpointJson(c));
  std::string good = CheckpointJson(c);
  auto refused = [&](const std::string& from, const std::string& to, const std::string& why) {
    std::string text = good;
    size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    auto r = ParseCheckpoint(text);
    ASSERT_FALSE(r.ok()) << text;
    EXPECT_EQ(r.status().code(), Code::kInvalidInput);
    EXPECT_NE(r.status().message().find(why), std::string::npos) << r.status().message();
  };
  refused("\"format\": \"rmc-checkpoint/1\"", "\"format\": \"rmc-checkpoint/2\"", "format");
  refused("\"actor\"", "\"actors\"", "actors: unknown field");
  refused("\"position\": ", "\"position\": 0, \"x\": ", "logs.events.x: unknown field");
  refused("\"ledger_id\": \"", "\"ledger_id\": \"zz", "ledger_id: expected 16 bytes");
  refused("\"signature\"", "\"note\"", "note: unknown field");
  refused("{", "[", "not a JSON object");
  std::string unsigned_but_keyed = CheckpointJson(Take(false));
  unsigned_but_keyed.insert(1, "\"public_key\": \"" + Hex(key_.public_key) + "\",");
  EXPECT_FALSE(ParseCheckpoint(unsigned_but_keyed).ok());
}

TEST_F(Checkpoints, AKeyFileIsPrivateNeverOverwrittenAndChecked) {
  const std::string path = dir_ + "/officer.key";
  ASSERT_TRUE(WriteSigningKey(path, key_).ok());
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto read = ReadSigningKey(path);
  ASSERT_TRUE(read.ok()) << read.status().message();
  EXPECT_EQ(read->public_key, key_.public_key);
  EXPECT_EQ(read->secret_key, key_.secret_key);

  auto again = WriteSigningKey(path, GenerateSigningKey());
  EXPECT_EQ(again.code(), Code::kUsage);
  EXPECT_NE(again.message().find("never overwritten"), std::string::npos);
  EXPECT_EQ(ReadSigningKey(path)->public_key, key_.public_key);

  chmod(path.c_str(), 0640);
  EXPECT_EQ(ReadSigningKey(path).status().code(), Code::kUsage);
  chmod(path.c_str(), 0600);
  std::string text;
  {
    std::ifstream in(path);
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  text.replace(text.find(Hex(key_.public_key)), 2,
               Hex(key_.public_key).substr(0, 2) == "00" ? "11" : "00");
  std::ofstream(path, std::ios::trunc) << text;
  auto forged = ReadSigningKey(path);
  ASSERT_FALSE(forged.ok());
  EXPECT_NE(forged.status().message().find("does not belong to its seed"), std::string::npos);
  EXPECT_EQ(ReadSigningKey(dir_ + "/missing.key").status().code(), Code::kUsage);
}

}  // namespace
}  // namespace rmc
