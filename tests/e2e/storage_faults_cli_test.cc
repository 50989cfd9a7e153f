// Storage faults, on the real binary: a cut or damaged file is refused with a message, never a
// crash.
#include <filesystem>
#include <fstream>

#include "../store/temp_ledger.h"
#include "rmc_cli.h"

namespace rmc::testing {
namespace {

namespace fs = std::filesystem;

using StorageFaults = RmcCli;

// Copies of a ledger cut at many lengths, each file in turn: every command exits with a message,
// never on a signal (a read of a page cut off was a SIGBUS), and writes nothing.
TEST_F(StorageFaults, CutFilesAreRefusedNeverACrash) {
  const std::string ledger = dir_ + "/ledger";
  auto run = [&](const std::string& at, const std::string& args) {
    return rmc::e2e::RunRmc(at, args, args.rfind("history", 0) == 0 ? "consulent" : "coordinator");
  };
  ASSERT_EQ(run(ledger, "init").code, 0);
  std::string commands;
  for (int i = 1; i <= 40; ++i)
    commands += R"({"id":"s)" + std::to_string(i) + R"(","type":"signal","data":{"subject":{"ref":"J-)" +
                std::to_string(i) + R"("},"channel":"jongere","received":"2026-11-01"}})" + "\n";
  std::ofstream(dir_ + "/in.jsonl") << commands;
  ASSERT_EQ(run(ledger, "apply " + dir_ + "/in.jsonl").code, 0);
  const std::string copy = dir_ + "/copy";
  for (const std::string file : {"data.mdb", "keystore/data.mdb"}) {
    const auto size = fs::file_size(ledger + "/" + file);
    std::vector<uintmax_t> cuts = {0, 1, 100, 4095, 4096, 8191, 8192, size - 4096, size - 1};
    for (uintmax_t at = 12288; at < size - 4096; at += size / 12) cuts.push_back(at);
    for (uintmax_t cut : cuts) {
      fs::remove_all(copy);
      fs::copy(ledger, copy, fs::copy_options::recursive);
      fs::resize_file(copy + "/" + file, cut);
      SCOPED_TRACE(file + " cut to " + std::to_string(cut) + " bytes");
      auto verify = run(copy, "verify");
      EXPECT_EQ(verify.code, 6) << verify.text;
      EXPECT_NE(verify.text.find("rmc: error: integrity: " + copy + "/" + file + " is damaged"),
                std::string::npos) << verify.text;
      for (const std::string args : {"events", "history RMC-000001", "note RMC-000001 --text x"}) {
        auto r = run(copy, args);
        EXPECT_EQ(r.code, 1) << args << ": " << r.text;
        EXPECT_NE(r.text.find("rmc: error: ledger_error: " + copy + "/" + file + " is damaged"),
                  std::string::npos) << args << ": " << r.text;
        EXPECT_NE(r.text.find("restore it from the last backup"), std::string::npos) << r.text;
      }
      EXPECT_EQ(fs::file_size(copy + "/" + file), cut) << "nothing may be written to it";
    }
  }
}

// A length LMDB keeps in a page, flipped, would make the bytes it hands out reach past the end of
// the file: reading them was a SIGBUS. LMDB's leaf node (lmdb's MDB_node, little-endian): the
// value's length as two 16-bit halves, flags, the key's length, the key, the value. Flipped here
// in the high half, before each stored event (in every copy of it: copy-on-write leaves stale
// pages behind).
TEST_F(StorageFaults, AFlippedLengthIsDamageNotACrash) {
  const std::string ledger = dir_ + "/ledger";
  ASSERT_EQ(rmc::e2e::RunRmc(ledger, "init").code, 0);
  ASSERT_EQ(rmc::e2e::RunRmc(ledger, "signal --subject-ref J-1 --channel jongere --received 2026-11-01").code, 0);
  std::vector<std::string> events;
  {
    auto l = Ledger::Open({ledger, ledger + "/keystore"});
    ASSERT_TRUE(l.ok());
    auto txn = (*l)->store().Read();
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*txn)->ScanEvents(1, [&](uint64_t, EventView& v) {
      events.emplace_back(v.bytes());
      return true;
    }).ok());
  }
  const std::string data = Slurp(ledger + "/data.mdb"), copy = dir_ + "/copy";
  ASSERT_GE(events.size(), 5u);
  for (const auto& event : events) {
    std::string flipped = data;
    for (size_t at = data.find(event); at != std::string::npos; at = data.find(event, at + 1)) {
      ASSERT_EQ(size_t(uint8_t(data[at - 16]) | uint8_t(data[at - 15]) << 8), event.size())
          << "not the node layout this test assumes";
      flipped[at - 14] = char(flipped[at - 14] ^ 0xff);
    }
    fs::remove_all(copy);
    fs::copy(ledger, copy, fs::copy_options::recursive);
    std::ofstream(copy + "/data.mdb", std::ios::binary) << flipped;
    auto verify = rmc::e2e::RunRmc(copy, "verify");
    EXPECT_EQ(verify.code, 6) << verify.text;
    EXPECT_NE(verify.text.find("is damaged: a length stored in it reaches past the end of the file"),
              std::string::npos) << verify.text;
    auto feed = rmc::e2e::RunRmc(copy, "events", "coordinator");
    EXPECT_EQ(feed.code, 1) << feed.text.substr(feed.text.size() > 500 ? feed.text.size() - 500 : 0);
  }
}

}  // namespace
}  // namespace rmc::testing
