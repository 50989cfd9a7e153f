// rmc-bench: every figure of docs/PERFORMANCE.md in one run on one machine, next to its floor
// (the storage pipeline alone) and its peer (an SQLite event store), as a Markdown table.
// It fails when a step fails (a refused command, a crash, a wrong count), never on a timing:
// timings on shared machines are noisy, and budgets are judged by a person reading the table.
//
//   rmc-bench [--cases N] [--seed S] [--work DIR] [--runs K] [--keep] [--no-peer]
//   rmc-bench --one-put DIR          (the process floor; run by the benchmark itself)
#include <sys/utsname.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "../test_dir.h"
#include "floor.h"
#include "ledger/ledger.h"
#include "process.h"
#include "replay/as_of.h"
#include "replay/replay.h"
#include "views/case_view.h"
#include "peer/sqlite_peer.h"

namespace rmc::bench {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const char* kNow = "2026-11-21T12:00:00Z";

struct Options {
  int cases = 2000;
  int seed = 1;
  int runs = 21;
  std::string work;
  bool keep = false;
  bool peer = true;
};

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "rmc-bench: %s\n", what.c_str());
  std::exit(1);
}

std::string Self() { return fs::read_symlink("/proc/self/exe"); }

std::map<std::string, std::string> LedgerEnv(const std::string& dir) {
  return {{"RMC_LEDGER", dir}, {"RMC_NOW", kNow}, {"RMC_ACTOR", "bench"}, {"RMC_ROLE", "consulent"}};
}

// Where MustRun keeps a command's standard error: a file in a directory of this process's own.
const std::string& StderrFile() {
  static const rmc::testing::TempDir dir("rmc-bench-stderr");
  static const std::string file = dir.path() + "/stderr";
  return file;
}

void MustRun(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
             const std::string& in = "", const std::string& out = "") {
  auto r = Run(argv, env, in, out, StderrFile());
  if (r.exit_code != 0) {
    std::ifstream err(StderrFile());
    std::stringstream s;
    s << err.rdbuf();
    Die(argv[0] + " " + (argv.size() > 1 ? argv[1] : "") + " exited " + std::to_string(r.exit_code) +
        ": " + s.str().substr(0, 500));
  }
}

// The number of events in the ledger at `dir`.
uint64_t EventCount(const std::string& dir) {
  auto ledger = Ledger::Open({dir, dir + "/keystore"});
  if (!ledger.ok()) Die("open " + dir + ": " + ledger.status().message());
  auto txn = (*ledger)->store().Read();
  if (!txn.ok()) Die("read " + dir);
  return (*txn)->LastPosition();
}

// Every result line of `rmc apply` must say ok.
void CheckApplied(const std::string& out_file, uint64_t expected) {
  std::ifstream in(out_file);
  uint64_t ok = 0, lines = 0;
  for (std::string line; std::getline(in, line); ++lines)
    if (line.find("\"ok\":true") != std::string::npos) ++ok;
    else Die("rmc apply refused a generated command: " + line.substr(0, 400));
  if (lines != expected) Die("rmc apply printed " + std::to_string(lines) + " results for " +
                             std::to_string(expected) + " commands");
}

uint64_t LineCount(const std::string& file) {
  std::ifstream in(file);
  return std::count(std::istreambuf_iterator<char>(in), {}, '\n');
}

struct Row {
  std::string figure, rmc, floor, peer, ratio, budget;
  bool met = true;
};

std::string Num(double v, const char* unit = "") {
  char buf[64];
  if (v >= 1e6) std::snprintf(buf, sizeof buf, "%.2f M%s", v / 1e6, unit);
  else if (v >= 1e4) std::snprintf(buf, sizeof buf, "%.0f k%s", v / 1e3, unit);
  else if (v >= 100) std::snprintf(buf, sizeof buf, "%.0f%s", v, unit);
  else std::snprintf(buf, sizeof buf, "%.3g%s", v, unit);
  return buf;
}

std::string Ms(double seconds) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f ms", seconds * 1e3);
  return buf;
}

std::string Ratio(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f×", v);
  return buf;
}

// The median wall time of `runs` calls of `f` in this process.
double MedianInProcess(int runs, const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    f();
    t.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// One run of the benchmark: a method per figure (or pair of figures) of docs/PERFORMANCE.md, in
// the order they are measured; later ones use the ledgers and timings earlier ones left.
class Bench {
 public:
  explicit Bench(const Options& o)
      : o_(o),
        work_(o.work.empty() ? fs::path(rmc::testing::FreshTestDir("rmc-bench")) : fs::path(o.work)),
        commands_(work_ / "commands.jsonl"),
        ledger_(work_ / "rmc"),
        small_(work_ / "small") {
    if (!o.work.empty()) {
      fs::remove_all(work_);
      fs::create_directories(work_);
    }
  }

  int Main() {
    Workload();
    ApplyBulk();
    OneCommandPerProcess();
    // rmc stats on the ledger as apply grew it: the projections lie among the event pages.
    stats_applied_ = MedianWall(o_.runs, {rmc_, "stats", "--json"}, LedgerEnv(ledger_));
    if (stats_applied_ < 0) Die("rmc stats failed");
    Rebuild();
    Show();
    TimeTravel();
    Bundle();
    Feed();
    Stats();
    DiskAndMemory();
    PrintTable();
    if (!o_.keep) fs::remove_all(work_);
    return 0;
  }

 private:
  void Workload() {
    auto generated = Run({gen_, "--cases", std::to_string(o_.cases), "--seed", std::to_string(o_.seed),
                          "--out", commands_}, {});
    if (generated.exit_code != 0) Die("rmc-gen failed");
    command_count_ = LineCount(commands_);
    std::fprintf(stderr, "workload: %d cases, %llu commands (%.1f s to generate)\n", o_.cases,
                 (unsigned long long)command_count_, generated.wall_s);
  }

  // rmc apply, bulk, next to the floor's write and the peer's apply of the same workload.
  void ApplyBulk() {
    MustRun({rmc_, "init", "--region", "Bench"}, LedgerEnv(ledger_));
    const uint64_t before = EventCount(ledger_);
    apply_ = Run({rmc_, "apply"}, LedgerEnv(ledger_), commands_, work_ / "apply.out");
    if (apply_.exit_code != 0) Die("rmc apply exited " + std::to_string(apply_.exit_code));
    CheckApplied(work_ / "apply.out", command_count_);
    events_ = EventCount(ledger_) - before;
    const double apply_rate = events_ / apply_.wall_s;
    std::fprintf(stderr, "rmc apply: %llu events in %.2f s\n", (unsigned long long)events_, apply_.wall_s);

    auto floor_write = FloorWrite(ledger_, work_ / "floor");
    if (floor_write.events < events_) Die("floor write failed");
    floor_disk_ = double(DiskBytes(work_ / "floor"));
    fs::remove_all(work_ / "floor");  // a large run needs the space
    double peer_apply_s = 0;
    if (o_.peer) {
      auto created = SqlitePeer::Create(work_ / "peer.db");
      if (!created.ok()) Die("peer: " + created.status().message());
      peer_ = std::move(*created);
      peer_->set_defaults({"bench", schema::Role::CONSULENT});
      std::ifstream in(commands_);
      auto start = Clock::now();
      auto stats = peer_->Apply(in, 1000);
      peer_apply_s = std::chrono::duration<double>(Clock::now() - start).count();
      if (!stats.ok()) Die("peer apply: " + stats.status().message());
      if (stats->failed) Die("peer refused " + std::to_string(stats->failed) + " commands");
    }
    const double peer_rate = peer_ ? events_ / peer_apply_s : 0;
    rows_.push_back({"`rmc apply` bulk (events/s)", Num(apply_rate), Num(floor_write.PerSecond()),
                     peer_ ? Num(peer_rate) : "not run",
                     Ratio(apply_rate / floor_write.PerSecond()) + " floor" +
                         (peer_ ? ", " + Ratio(apply_rate / peer_rate) + " peer" : ""),
                     "≥ 0.35× floor, ≥ 3× peer",
                     apply_rate >= 0.35 * floor_write.PerSecond() && (!peer_ || apply_rate >= 3 * peer_rate)});
  }

  // One command per process, durable.
  void OneCommandPerProcess() {
    MustRun({Self(), "--one-put", work_ / "oneput"}, {});
    double one_floor = MedianWall(o_.runs, {Self(), "--one-put", work_ / "oneput"}, {});
    double one_rmc = MedianWall(o_.runs, {rmc_, "note", "RMC-000001", "--text", "telefonisch gesproken"},
                                LedgerEnv(ledger_));
    if (one_rmc < 0 || one_floor < 0) Die("one command per process failed");
    rows_.push_back({"one command per process, durable (median)", Ms(one_rmc), Ms(one_floor), "—",
                     Ratio(one_rmc / one_floor) + " floor", "≤ 1.5× floor", one_rmc <= 1.5 * one_floor});
  }

  // Rebuild of every projection.
  void Rebuild() {
    rebuild_ = Run({rmc_, "rebuild"}, LedgerEnv(ledger_));
    if (rebuild_.exit_code != 0) Die("rmc rebuild failed");
    all_events_ = EventCount(ledger_);
    const double rebuild_rate = all_events_ / rebuild_.wall_s;
    scan_ = FloorScan(ledger_);
    double peer_rebuild_rate = 0;
    if (peer_) {
      double peer_rebuild_s = MedianInProcess(1, [&] {
        auto r = peer_->Rebuild();
        if (!r.ok()) Die("peer rebuild: " + r.status().message());
      });
      peer_rebuild_rate = events_ / peer_rebuild_s;
    }
    rows_.push_back({"`rmc rebuild` (events/s)", Num(rebuild_rate), Num(scan_.PerSecond()),
                     peer_ ? Num(peer_rebuild_rate) : "not run",
                     Ratio(rebuild_rate / scan_.PerSecond()) + " floor" +
                         (peer_ ? ", " + Ratio(rebuild_rate / peer_rebuild_rate) + " peer" : ""),
                     "≥ 0.4× floor, ≥ 3× peer",
                     rebuild_rate >= 0.4 * scan_.PerSecond() && (!peer_ || rebuild_rate >= 3 * peer_rebuild_rate)});
  }

  // rmc show: constant in the size of the ledger.
  void Show() {
    MustRun({rmc_, "init", "--region", "Klein"}, LedgerEnv(small_));
    const std::string small_commands = work_ / "small.jsonl";
    if (Run({gen_, "--cases", "10", "--seed", std::to_string(o_.seed), "--out", small_commands}, {}).exit_code)
      Die("rmc-gen failed");
    MustRun({rmc_, "apply"}, LedgerEnv(small_), small_commands, work_ / "small.out");
    // The budget compares warm caches: by now the benchmark has written far more than memory holds,
    // so the large ledger's pages are cold while the small one's are not. The first run of each,
    // which warms it, is reported beside the median.
    const std::vector<std::string> show = {rmc_, "show", "RMC-000005", "--json"};
    const auto first_big = Run(show, LedgerEnv(ledger_));
    const auto first_small = Run(show, LedgerEnv(small_));
    double show_big = MedianWall(o_.runs, show, LedgerEnv(ledger_));
    double show_small = MedianWall(o_.runs, show, LedgerEnv(small_));
    if (show_big < 0 || show_small < 0 || first_big.exit_code || first_small.exit_code)
      Die("rmc show failed");
    rows_.push_back({"`rmc show` at " + std::to_string(o_.cases) + " cases (median process, warm)",
                     Ms(show_big) + " (first run " + Ms(first_big.wall_s) + ")",
                     Ms(show_small) + " (10 cases; first run " + Ms(first_small.wall_s) + ")", "—",
                     Ratio(show_big / show_small) + " 10-case", "≤ 1.3× the 10-case ledger",
                     show_big <= 1.3 * show_small});
  }

  // Time travel in a 1,000-event case (of the small ledger).
  void TimeTravel() {
    {
      std::ofstream notes(work_ / "notes.jsonl");
      for (int i = 0; i < 1000 - 20; ++i)
        notes << R"({"id":"tt-)" << i << R"(","type":"note","case":"RMC-000001","data":{"text":"gesprek )" << i << R"("}})" << "\n";
    }
    MustRun({rmc_, "apply"}, LedgerEnv(small_), work_ / "notes.jsonl", work_ / "notes.out");
    double travel = 0, travel_view = 0, replay = 0;
    uint64_t case_events = 0;
    {
      auto l = Ledger::Open({small_, small_ + "/keystore"});
      if (!l.ok()) Die("open small ledger");
      auto txn = (*l)->store().Read();
      auto positions = (*txn)->CasePositions("RMC-000001");
      case_events = positions->size();
      AsOf as_of;
      as_of.position = (*positions)[positions->size() * 3 / 4];
      travel = MedianInProcess(o_.runs, [&] {
        auto state = CaseAsOf(**txn, "RMC-000001", as_of);
        if (!state.ok()) Die("as of: " + state.status().message());
      });
      // Any point: the slowest of twenty points spread over the case, the view included.
      for (size_t i = 1; i <= 20; ++i) {
        as_of.position = (*positions)[positions->size() * i / 20 - 1];
        travel_view = std::max(travel_view, MedianInProcess(o_.runs, [&] {
          Nanos then = 0;
          auto state = CaseAsOf(**txn, "RMC-000001", as_of, &then);
          if (!state.ok()) Die("as of: " + state.status().message());
          auto view = CaseView(**l, **txn, *state, {nullptr, LocalDate(then)});
          if (!view.ok()) Die("view: " + view.status().message());
        }));
      }
      auto session = ReadSession::Begin({"bench", schema::Role::CONSULENT, "", ""},
                                        {"replay", Action::kReadCases, true});
      if (!session.ok()) Die("read session");
      ReplayRequest request;
      request.case_id = "RMC-000001";
      replay = MedianInProcess(std::min(o_.runs, 3), [&] {
        auto r = ReplayCase(**l, **txn, *session, request);
        if (!r.ok() || r->entries.size() != case_events) Die("replay failed");
      });
    }
    const std::string events = std::to_string(case_events) + "-event case";
    rows_.push_back({"time travel in a " + events + " (in process)", Ms(travel), "—", "—",
                     "", "≤ 10 ms", travel <= 0.010});
    rows_.push_back({"time travel to any point of a " + events + ", with its view (slowest of 20 points, in process)",
                     Ms(travel_view), "—", "—", "", "≤ 10 ms", travel_view <= 0.010});
    rows_.push_back({"replay of a " + events + ": every event with its view and changes (in process)",
                     Ms(replay), "—", "—", "", "(reported)", true});
  }

  // A bundle of 1,000 cases for a learning session (`rmc replay --select`): every case replayed
  // pseudonymised, a page per case, JSON Lines and an index, in one process.
  void Bundle() {
    const std::string thousand = work_ / "thousand", commands = work_ / "thousand.jsonl";
    MustRun({rmc_, "init", "--region", "Bundel"}, LedgerEnv(thousand));
    if (Run({gen_, "--cases", "1000", "--seed", std::to_string(o_.seed), "--out", commands}, {}).exit_code)
      Die("rmc-gen failed");
    MustRun({rmc_, "apply"}, LedgerEnv(thousand), commands, work_ / "thousand.out");
    const uint64_t events = EventCount(thousand);
    std::vector<double> walls;
    for (int i = 0; i < 3; ++i) {
      const std::string out = work_ / ("bundle-" + std::to_string(i));
      auto run = Run({rmc_, "replay", "--select", "deviations>=0", "--output", out}, LedgerEnv(thousand));
      if (run.exit_code != 0 || LineCount(out + "/cases.jsonl") != 1000) Die("rmc replay --select failed");
      walls.push_back(run.wall_s);
      fs::remove_all(out);
    }
    std::sort(walls.begin(), walls.end());
    char what[128];
    std::snprintf(what, sizeof what, "%.1f s (%llu events; median of 3)", walls[1],
                  (unsigned long long)events);
    rows_.push_back({"`rmc replay --select` bundle of 1,000 cases (process)", what, "—", "—", "",
                     "≤ 10 s", walls[1] <= 10});
  }

  // The change feed.
  void Feed() {
    auto feed = Run({rmc_, "events", "--since", "1"}, LedgerEnv(ledger_));
    if (feed.exit_code != 0) Die("rmc events failed");
    rows_.push_back({"`rmc events` change feed (events/s)", Num(all_events_ / feed.wall_s), Num(scan_.PerSecond()), "—",
                     Ratio(all_events_ / feed.wall_s / scan_.PerSecond()) + " floor", "≥ 1 M/s",
                     all_events_ / feed.wall_s >= 1e6});
  }

  // rmc stats after the rebuild, which wrote the projections together. The budget is for a
  // million cases: a smaller run is scaled as process start (`rmc --version`) plus the pass,
  // which reads each case once, times 1 M / cases.
  void Stats() {
    double stats_rebuilt = MedianWall(o_.runs, {rmc_, "stats", "--json"}, LedgerEnv(ledger_));
    double start = MedianWall(o_.runs, {rmc_, "--version"}, {});
    if (stats_rebuilt < 0 || start < 0) Die("rmc stats failed");
    const double scale = std::max(1.0, 1e6 / o_.cases);
    auto at_million = [&](double t) { return start + std::max(0.0, t - start) * scale; };
    const double worst = at_million(std::max(stats_applied_, stats_rebuilt));
    rows_.push_back({"`rmc stats` over " + std::to_string(o_.cases) + " cases (median process): after apply / after rebuild",
                     Ms(stats_applied_) + " / " + Ms(stats_rebuilt), Ms(start) + " (process start)", "—",
                     scale > 1 ? "≈ " + Ms(at_million(stats_applied_)) + " / " + Ms(at_million(stats_rebuilt)) + " at 1 M" : "",
                     "≤ 2 s at 1 M cases", worst <= 2.0});
  }

  void DiskAndMemory() {
    const double disk = double(DiskBytes(ledger_)) / all_events_;
    double peer_disk = 0;  // the database and its write-ahead log
    for (const auto& f : fs::directory_iterator(work_))
      if (f.path().filename().string().rfind("peer.db", 0) == 0) peer_disk += double(FileBytes(f.path()));
    rows_.push_back({"disk per event (ledger + keystore)", Num(disk, " B"),
                     Num(floor_disk_ / events_, " B"), peer_ ? Num(peer_disk / events_, " B") : "not run", "",
                     "≤ 1 KiB", disk <= 1024});
    rows_.push_back({"peak private memory: apply / rebuild", Num(apply_.max_anon_kib / 1024.0, " MiB") + " / " +
                     Num(rebuild_.max_anon_kib / 1024.0, " MiB"), "—", "—", "", "< 256 MiB",
                     apply_.max_anon_kib < 256 * 1024 && rebuild_.max_anon_kib < 256 * 1024});
    rows_.push_back({"peak resident incl. mapped ledger: apply / rebuild", Num(apply_.max_rss_kib / 1024.0, " MiB") + " / " +
                     Num(rebuild_.max_rss_kib / 1024.0, " MiB"), "—", "—", "", "(page cache; reported)", true});
  }

  void PrintTable() {
    utsname u;
    uname(&u);
    std::printf("Workload: `rmc-gen --cases %d --seed %d`: %llu commands, %llu events (%.1f per case).\n",
                o_.cases, o_.seed, (unsigned long long)command_count_, (unsigned long long)events_,
                double(events_) / o_.cases);
    std::printf("Machine: %s %s, %u cores.\n\n", u.sysname, u.machine, std::thread::hardware_concurrency());
    std::printf("| figure | rmc | floor | peer (SQLite) | ratio | budget | met |\n");
    std::printf("| --- | --- | --- | --- | --- | --- | --- |\n");
    for (const auto& r : rows_)
      std::printf("| %s | %s | %s | %s | %s | %s | %s |\n", r.figure.c_str(), r.rmc.c_str(), r.floor.c_str(),
                  r.peer.c_str(), r.ratio.c_str(), r.budget.c_str(), r.met ? "yes" : "**no**");
  }

  const Options& o_;
  const std::string rmc_ = RMC_BINARY, gen_ = RMC_GEN;
  const fs::path work_;
  const std::string commands_, ledger_, small_;
  std::vector<Row> rows_;
  uint64_t command_count_ = 0;
  uint64_t events_ = 0;      // written by the bulk apply
  uint64_t all_events_ = 0;  // in the ledger after the one-command runs
  ProcessRun apply_, rebuild_;
  double floor_disk_ = 0;
  Timed scan_;
  std::unique_ptr<SqlitePeer> peer_;
  double stats_applied_ = 0;
};

}  // namespace
}  // namespace rmc::bench

int main(int argc, char** argv) {
  using namespace rmc::bench;
  Options o;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) Die(a + ": expected a value");
      return argv[++i];
    };
    if (a == "--one-put") return OnePut(next());
    if (a == "--cases") o.cases = std::stoi(next());
    else if (a == "--seed") o.seed = std::stoi(next());
    else if (a == "--runs") o.runs = std::stoi(next());
    else if (a == "--work") o.work = next();
    else if (a == "--keep") o.keep = true;
    else if (a == "--no-peer") o.peer = false;
    else if (a == "--help" || a == "-h") {
      std::printf("rmc-bench [--cases N] [--seed S] [--runs K] [--work DIR] [--keep] [--no-peer]\n"
                  "Prints every figure of docs/PERFORMANCE.md with its floor and its SQLite peer\n"
                  "(--no-peer: without the peer, for a large run on a small disk).\n");
      return 0;
    } else {
      Die("unknown argument " + a + " (see --help)");
    }
  }
  if (o.cases < 10) Die("--cases: at least 10");
  setenv("RMC_NOW", kNow, 1);  // before anything reads the clock: rmc::Now() reads it once
  return Bench(o).Main();
}
