// Storage faults, on the real binary: a full disk stops `rmc apply` with a message that says so
// and a rerun of the same input completes the ledger exactly; a ledger on a read-only file
// system can be read and verified; a cut or damaged file is refused with a message, never a
// crash. The disk tests mount a small tmpfs (root, as in CI); elsewhere they are skipped.
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../store/temp_ledger.h"
#include "rmc_cli.h"

namespace rmc::testing {
namespace {

namespace fs = std::filesystem;

class StorageFaults : public RmcCli {
 protected:
  void TearDown() override {
    if (mounted_) umount2(mount_.c_str(), MNT_DETACH);
    RmcCli::TearDown();
  }
  // A tmpfs of its own at dir_/disk with `options` ("size=…"); false when mounting is not
  // permitted here.
  bool MountTmpfs(const std::string& options) {
    mount_ = dir_ + "/disk";
    fs::create_directories(mount_);
    mounted_ = mount("rmc-test", mount_.c_str(), "tmpfs", 0, (options + ",mode=0700").c_str()) == 0;
    return mounted_;
  }
  void Remount(unsigned long flags, const std::string& options) {
    ASSERT_EQ(mount(nullptr, mount_.c_str(), nullptr, MS_REMOUNT | flags, options.c_str()), 0)
        << strerror(errno);
  }
  // The change feed without what is random in each run (ids, the ledger id).
  static std::vector<nlohmann::json> Feed(const std::string& ledger) {
    auto r = rmc::e2e::RunRmc(ledger, "events", "coordinator");
    EXPECT_EQ(r.code, 0) << r.text.substr(0, 500);
    auto events = Lines(r.text);
    for (auto& e : events) {
      for (const char* random : {"event_id", "trace_id", "span_id", "parent_span_id"}) e.erase(random);
      if (e["type"] == "LedgerCreated") e.erase("data");
    }
    return events;
  }

  std::string mount_;
  bool mounted_ = false;
};

// `rmc apply` reading standard input, fed by the test; its result lines go to a file.
class Apply {
 public:
  Apply(const std::string& ledger, const std::string& out, const std::string& err) {
    int in[2];
    EXPECT_EQ(pipe(in), 0);
    pid_ = fork();
    if (pid_ == 0) {
      dup2(in[0], 0);
      close(in[1]);
      dup2(open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600), 1);
      dup2(open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600), 2);
      setenv("RMC_LEDGER", ledger.c_str(), 1);
      setenv("RMC_NOW", "2026-11-20T09:00:00Z", 1);
      setenv("RMC_ACTOR", "test", 1);
      setenv("RMC_ROLE", "coordinator", 1);
      execl(RMC_BINARY, RMC_BINARY, "apply", nullptr);
      _exit(127);
    }
    close(in[0]);
    in_ = in[1];
  }
  void Write(const std::string& text) {
    for (size_t done = 0; done < text.size();) {
      ssize_t n = write(in_, text.data() + done, text.size() - done);
      ASSERT_GT(n, 0);
      done += size_t(n);
    }
  }
  // Closes its input and waits: the exit status.
  int Finish() {
    close(in_);
    int status;
    waitpid(pid_, &status, 0);
    return status;
  }

 private:
  pid_t pid_;
  int in_;
};

// Lines [from, to) of `file`.
std::string InputLines(const std::string& file, size_t from, size_t to) {
  std::ifstream in(file);
  std::string line, out;
  for (size_t i = 0; std::getline(in, line); ++i)
    if (i >= from && i < to) out += line + "\n";
  return out;
}

TEST_F(StorageFaults, AFullDiskStopsApplyAndARerunCompletesTheLedgerExactly) {
  if (!MountTmpfs("size=1536k")) GTEST_SKIP() << "mounting a tmpfs is not permitted here";
  const std::string input = dir_ + "/input.jsonl";
  ASSERT_EQ(std::system((std::string(RMC_GEN) + " --cases 300 --seed 1 --out " + input + " 2>/dev/null").c_str()), 0);
  const std::string text = Slurp(input);
  const size_t lines = size_t(std::count(text.begin(), text.end(), '\n'));
  ASSERT_GT(lines, 4000u);

  // The run without the fault.
  const std::string reference = dir_ + "/reference";
  ASSERT_EQ(rmc::e2e::RunRmc(reference, "init").code, 0);
  ASSERT_EQ(rmc::e2e::RunRmc(reference, "apply " + input, "coordinator").code, 0);

  // The disk fills during the first part; then space is freed while apply still reads.
  const std::string ledger = mount_ + "/ledger";
  ASSERT_EQ(rmc::e2e::RunRmc(ledger, "init").code, 0);
  const std::string out = dir_ + "/out.jsonl", err = dir_ + "/err.txt";
  Apply apply(ledger, out, err);
  apply.Write(InputLines(input, 0, 3000));
  for (int i = 0; i < 600 && Slurp(out).find("\"ok\":false") == std::string::npos; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  Remount(0, "size=64m");
  apply.Write(InputLines(input, 3000, lines));
  const int status = apply.Finish();
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 1);
  const std::string message = Slurp(err);
  EXPECT_NE(message.find("rmc: error: ledger_error: disk full"), std::string::npos) << message;
  EXPECT_NE(message.find("apply stopped at command"), std::string::npos) << message;

  // One result line per command; what committed is a prefix of the input: after the first
  // failure nothing more was written, although space came back meanwhile.
  auto results = Lines(Slurp(out));
  ASSERT_EQ(results.size(), lines);
  size_t committed = 0;
  while (committed < results.size() && results[committed]["ok"] == true) ++committed;
  ASSERT_LT(committed, 3000u) << "the first part must not fit";
  const std::string first_error = results[committed]["error"]["message"];
  EXPECT_NE(first_error.find("nothing was written: disk full"), std::string::npos) << first_error;
  for (size_t i = committed; i < results.size(); ++i) {
    ASSERT_EQ(results[i]["ok"], false) << "line " << i << " ran after a batch had failed";
    EXPECT_EQ(results[i]["error"]["code"], "ledger_error");
  }
  EXPECT_NE(results.back()["error"]["message"].get<std::string>().find("not run: apply stopped"),
            std::string::npos);

  // The same input again: the committed prefix comes back as duplicates, the rest is run, and
  // the ledger is the one the run without the fault made.
  auto rerun = rmc::e2e::RunRmc(ledger, "apply " + input, "coordinator");
  ASSERT_EQ(rerun.code, 0) << rerun.text.substr(0, 2000);
  auto again = Lines(rerun.text);
  ASSERT_EQ(again.size(), lines);
  for (size_t i = 0; i < lines; ++i) ASSERT_EQ(again[i]["duplicate"], i < committed) << "line " << i;
  EXPECT_EQ(Feed(ledger), Feed(reference));
  auto verify = rmc::e2e::RunRmc(ledger, "verify");
  EXPECT_EQ(verify.code, 0) << verify.text;
  EXPECT_EQ(verify.text, rmc::e2e::RunRmc(reference, "verify").text);
}

TEST_F(StorageFaults, AReadOnlyLedgerCanBeReadAndVerified) {
  if (!MountTmpfs("size=16m")) GTEST_SKIP() << "mounting a tmpfs is not permitted here";
  const std::string ledger = mount_ + "/ledger";
  auto run = [&](const std::string& args, const std::string& role = "coordinator") {
    return rmc::e2e::RunRmc(ledger, args, role);
  };
  ASSERT_EQ(run("init").code, 0);
  ASSERT_EQ(run("signal --subject-ref J-1 --channel jongere --received 2026-11-01").code, 0);
  ASSERT_EQ(run("note RMC-000001 --text gebeld").code, 0);
  const std::string feed = run("events").text, verified = run("verify").text;
  Remount(MS_RDONLY, "");

  auto verify = run("verify");
  EXPECT_EQ(verify.code, 0) << verify.text;
  EXPECT_EQ(verify.text, verified);
  EXPECT_EQ(run("events").text, feed);
  auto stats = run("stats");
  EXPECT_EQ(stats.code, 0) << stats.text;
  EXPECT_EQ(run("audit activities").code, 0);
  // A write is refused, saying why; so is a read of a youth's data, which must be recorded in the
  // access log before anything is shown.
  auto note = run("note RMC-000001 --text x");
  EXPECT_EQ(note.code, 1) << note.text;
  EXPECT_NE(note.text.find("cannot write to " + ledger + ": its files cannot be written here"),
            std::string::npos) << note.text;
  for (const std::string read : {"show RMC-000001", "list"}) {
    auto r = run(read, "consulent");
    EXPECT_EQ(r.code, 1) << r.text;
    EXPECT_NE(r.text.find("nothing is shown: this read must be recorded in the access log first"),
              std::string::npos) << r.text;
  }
}

// LMDB writes its lock file, and `rmc rebuild` its data file, through a memory map: on a full
// disk a write into a hole of either was a SIGBUS. A restored backup (it has no lock file) and a
// compacted one (a rebuild needs new pages) on a full disk.
TEST_F(StorageFaults, AFullDiskIsDiskFullNeverACrash) {
  if (!MountTmpfs("size=8m")) GTEST_SKIP() << "mounting a tmpfs is not permitted here";
  const std::string source = dir_ + "/source", ledger = mount_ + "/ledger";
  auto run = [&](const std::string& at, const std::string& args) {
    return rmc::e2e::RunRmc(at, args, "coordinator");
  };
  ASSERT_EQ(run(source, "init").code, 0);
  const std::string input = dir_ + "/input.jsonl";
  ASSERT_EQ(std::system((std::string(RMC_GEN) + " --cases 100 --seed 2 --out " + input + " 2>/dev/null").c_str()), 0);
  ASSERT_EQ(run(source, "apply " + input).code, 0);
  const std::string verified = run(source, "verify").text;
  ASSERT_EQ(run(source, "backup " + ledger).code, 0);
  auto fill = [&] {
    std::ofstream filler(mount_ + "/filler", std::ios::binary);
    const std::string block(1 << 16, '\0');
    while (filler.write(block.data(), std::streamsize(block.size())) && filler.flush()) {
    }
  };

  fill();
  auto verify = run(ledger, "verify");
  EXPECT_EQ(verify.code, 1) << verify.text;
  EXPECT_NE(verify.text.find("rmc: error: ledger_error: disk full: allocating " + ledger + "/lock.mdb"),
            std::string::npos) << verify.text;
  fs::remove(mount_ + "/filler");
  EXPECT_EQ(run(ledger, "verify").text, verified);

  fill();
  auto rebuild = run(ledger, "rebuild");
  EXPECT_EQ(rebuild.code, 1) << rebuild.text;
  EXPECT_NE(rebuild.text.find("rmc: error: ledger_error: disk full: reserving"), std::string::npos)
      << rebuild.text;
  EXPECT_EQ(run(ledger, "verify").text, verified);

  fs::remove(mount_ + "/filler");
  Remount(0, "size=128m");  // room for the 64 MiB map
  rebuild = run(ledger, "rebuild");
  EXPECT_EQ(rebuild.code, 0) << rebuild.text;
  EXPECT_EQ(run(ledger, "verify").text, verified);
  struct stat st;
  ASSERT_EQ(stat((ledger + "/data.mdb").c_str(), &st), 0);
  EXPECT_LT(st.st_blocks * 512, st.st_size / 4) << "the map's space was not given back";
}

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
