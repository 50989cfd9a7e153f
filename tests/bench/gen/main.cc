// rmc-gen: a deterministic workload generator for `rmc apply`.
//
// Writes JSON Lines commands for N cases, each walked along a realistic route of the routekaart
// (docs/routekaart.md), such that every line is accepted by `rmc apply` on a fresh ledger whose
// clock ($RMC_NOW) is the --now date (or a few days later). Cases are generated in cohorts of
// consecutive cases (start dates sorted over --start .. --now-60 days); the commands of a cohort
// are merged by date, so that many cases are in progress at the same time, while memory stays
// bounded by the cohort. Output depends only on the options: an own PRNG (xoshiro256**, seeded
// per case with splitmix64), no clock, no locale.
//
// Only the standard library: the JSON is built by hand.
//
// The parts: random.h (numbers), calendar.h (dates), vocabularies.h (names, codes, sentences),
// route_walk.h (one case's commands), workload.h (what a walk writes), this file (options,
// merging each cohort by date, output, statistics).

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "calendar.h"
#include "decimal.h"
#include "route_walk.h"
#include "vocabularies.h"
#include "workload.h"

namespace rmc::gen {
namespace {

void Usage(FILE* f) {
  std::fputs(
      "usage: rmc-gen --cases N [--seed S] [--now YYYY-MM-DD] [--start YYYY-MM-DD] [--out FILE]\n"
      "               [--cohort SIZE] [--first-case K] [--first-ref K]\n"
      "\n"
      "Writes a deterministic workload for `rmc apply`: JSON Lines commands for N cases walked\n"
      "along realistic routes of the routekaart (signals, review, triage, contact attempts,\n"
      "intake, assessment, consent and data sharing, inquiry, plan, monitoring, stuck cases\n"
      "revised, closing, aftercare, feedback, evaluation; reopened cases; deviations with a\n"
      "reason). Every line is accepted by `rmc apply` on a fresh ledger whose clock (RMC_NOW)\n"
      "is the --now date, e.g. RMC_NOW=2026-11-20T12:00:00Z.\n"
      "\n"
      "  --cases N        number of cases (youths), default 1000\n"
      "  --seed S         PRNG seed, default 1; same options, same output\n"
      "  --now DATE       the ledger's today: no command occurs later; default 2026-11-20\n"
      "  --start DATE     earliest signal date; signals fall in --start .. --now-60 days;\n"
      "                   default 2024-01-01\n"
      "  --out FILE       write to FILE instead of standard output\n"
      "  --cohort SIZE    cases whose commands are merged by date, default 1000 (memory)\n"
      "  --first-case K   the ledger's next case number (RMC-%06d), default 1 (a fresh ledger)\n"
      "  --first-ref K    the first youth ref J-%07d, default 1\n"
      "\n"
      "Cases are addressed with \"case\" (the predicted RMC-%06d id) or, for about 10% of the\n"
      "commands, with \"subject\". Command ids are g<seed>-<n>. Statistics go to standard error.\n",
      f);
}

bool ParseU64(const char* s, uint64_t& out) {
  char* end = nullptr;
  errno = 0;
  unsigned long long v = std::strtoull(s, &end, 10);
  if (errno || !end || *end || end == s || s[0] == '-') return false;
  out = v;
  return true;
}

// Reads the options into `o`; the exit code when the program ends here (help, a bad option),
// -1 when it goes on.
int ParseOptions(int argc, char** argv, Options& o) {
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    auto value = [&](const char* name) -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "rmc-gen: %s needs a value\n", name);
        std::exit(2);
      }
      return argv[++i];
    };
    auto bad = [&](const char* name) {
      std::fprintf(stderr, "rmc-gen: bad value for %s\n", name);
      std::exit(2);
    };
    if (a == "--help" || a == "-h") {
      Usage(stdout);
      return 0;
    } else if (a == "--cases") {
      if (!ParseU64(value("--cases"), o.cases) || o.cases == 0) bad("--cases");
    } else if (a == "--seed") {
      if (!ParseU64(value("--seed"), o.seed)) bad("--seed");
    } else if (a == "--now") {
      if (!ParseDate(value("--now"), o.now)) bad("--now");
    } else if (a == "--start") {
      if (!ParseDate(value("--start"), o.start)) bad("--start");
    } else if (a == "--out") {
      o.out = value("--out");
    } else if (a == "--cohort") {
      if (!ParseU64(value("--cohort"), o.cohort) || o.cohort == 0) bad("--cohort");
    } else if (a == "--first-case") {
      if (!ParseU64(value("--first-case"), o.first_case) || o.first_case == 0) bad("--first-case");
    } else if (a == "--first-ref") {
      if (!ParseU64(value("--first-ref"), o.first_ref)) bad("--first-ref");
    } else {
      std::fprintf(stderr, "rmc-gen: unknown argument '%s'\n", argv[i]);
      Usage(stderr);
      return 2;
    }
  }
  if (o.start > o.now - 60) {
    std::fprintf(stderr, "rmc-gen: --start must lie at least 60 days before --now\n");
    return 2;
  }
  return -1;
}

// Writes the cohorts' commands to `out`, each cohort merged by date, with their ids and the
// case numbers `rmc apply` will give the cases (in the order of their opening signals).
class CohortWriter {
 public:
  CohortWriter(const Options& o, FILE* out, Stats& st) : o_(o), out_(out), st_(st) {
    buf_.reserve(1 << 23);
    next_case_ = o.first_case;
    seed_len_ = std::snprintf(seed_prefix_, sizeof seed_prefix_, "{\"id\":\"g%llu-",
                              (unsigned long long)o.seed);
  }

  // The cohort of cases base .. base+n-1.
  void Write(const Cohort& co, uint64_t base, uint64_t n) {
    // Merge by date: a stable counting sort keeps each case's own order.
    int lo = INT32_MAX, hi = INT32_MIN;
    for (const Cmd& c : co.cmds) lo = std::min(lo, int(c.day)), hi = std::max(hi, int(c.day));
    if (co.cmds.empty()) return;
    count_.assign(size_t(hi - lo + 2), 0);
    for (const Cmd& c : co.cmds) ++count_[size_t(c.day - lo + 1)];
    for (size_t i = 1; i < count_.size(); ++i) count_[i] += count_[i - 1];
    order_.resize(co.cmds.size());
    for (uint32_t i = 0; i < co.cmds.size(); ++i) order_[count_[size_t(co.cmds[i].day - lo)]++] = i;
    case_no_.assign(n, 0);
    for (uint32_t idx : order_) {
      const Cmd& c = co.cmds[idx];
      WriteOne(co, c, base);
      if (buf_.size() > (1u << 22)) Flush();
    }
  }

  // Flushes and closes the output; false when a write failed.
  bool Finish() {
    Flush();
    if (out_ != stdout ? std::fclose(out_) != 0 : std::fflush(out_) != 0) write_failed_ = true;
    return !write_failed_;
  }

 private:
  void WriteOne(const Cohort& co, const Cmd& c, uint64_t base) {
    buf_.append(seed_prefix_, size_t(seed_len_));
    PutUint(buf_, next_id_++);
    buf_.append("\",\"type\":\"", 10);
    buf_.append(kTypeNames[c.type]);
    buf_.push_back('"');
    switch (c.addr) {
      case kOpens:
        case_no_[c.kase] = next_case_++;
        break;
      case kAttaches:
        break;
      case kBySubject:
        buf_.append(",\"subject\":\"J-", 14);
        PutPadded(buf_, o_.first_ref + base + c.kase, 7);
        buf_.push_back('"');
        ++st_.by_subject;
        break;
      default:
        buf_.append(",\"case\":\"RMC-", 13);
        PutPadded(buf_, case_no_[c.kase], 6);
        buf_.push_back('"');
        break;
    }
    buf_.append(co.arena.data() + c.off, c.len);
    ++st_.types[c.type];
    ++st_.commands;
  }
  void Flush() {
    if (!buf_.empty() && std::fwrite(buf_.data(), 1, buf_.size(), out_) != buf_.size())
      write_failed_ = true;
    st_.bytes += buf_.size();
    buf_.clear();
  }

  const Options& o_;
  FILE* out_;
  Stats& st_;
  std::string buf_;
  std::vector<uint64_t> case_no_;  // per case of the cohort: its predicted case number
  std::vector<uint32_t> order_, count_;
  uint64_t next_case_, next_id_ = 1;
  char seed_prefix_[48];
  int seed_len_;
  bool write_failed_ = false;
};

void PrintStats(const Stats& st, double secs) {
  std::fprintf(stderr, "rmc-gen: %llu cases, %llu commands (%.1f per case), %.1f MB (%.0f bytes per command), %.2f s, %.0f commands/s\n",
               (unsigned long long)st.cases, (unsigned long long)st.commands,
               double(st.commands) / double(st.cases), double(st.bytes) / 1e6,
               double(st.bytes) / double(std::max<uint64_t>(1, st.commands)), secs,
               double(st.commands) / std::max(secs, 1e-9));
  std::fprintf(stderr, "target groups:");
  for (int i = 0; i < kTgCount; ++i)
    std::fprintf(stderr, " %s %llu (%.1f%%)", std::string(kTargetGroups[i]).c_str(),
                 (unsigned long long)st.tg[i], 100.0 * double(st.tg[i]) / double(st.cases));
  std::fprintf(stderr, "\nclosed:");
  for (int i = 0; i < kCloseCount; ++i)
    std::fprintf(stderr, " %s %llu", std::string(kCloseReasons[i]).c_str(),
                 (unsigned long long)st.closes[i]);
  uint64_t devs = 0;
  for (int i = 1; i < kDevCount; ++i) devs += st.deviations[i];
  std::fprintf(stderr,
               "\ncut at --now (still in progress): %llu; reopened: %llu; stuck monitors: %llu; consent "
               "refused: %llu; cases with a planned deviation: %llu; age overrides: %llu; "
               "addressed by subject: %llu\n",
               (unsigned long long)st.in_progress, (unsigned long long)st.reopened,
               (unsigned long long)st.stuck, (unsigned long long)st.refused_consent,
               (unsigned long long)devs, (unsigned long long)st.age_overrides,
               (unsigned long long)st.by_subject);
  std::fprintf(stderr, "commands:");
  for (int i = 0; i < kTypeCount; ++i)
    std::fprintf(stderr, " %s %llu", std::string(kTypeNames[i]).c_str(),
                 (unsigned long long)st.types[i]);
  std::fprintf(stderr, "\n");
}

}  // namespace
}  // namespace rmc::gen

int main(int argc, char** argv) {
  using namespace rmc::gen;
  Options o;
  if (int code = ParseOptions(argc, argv, o); code >= 0) return code;
  FILE* out = stdout;
  if (o.out) {
    out = std::fopen(o.out, "wb");
    if (!out) {
      std::fprintf(stderr, "rmc-gen: cannot write %s: %s\n", o.out, std::strerror(errno));
      return 1;
    }
  }
  const auto t0 = std::chrono::steady_clock::now();

  Stats st;
  Cohort co;
  CohortWriter writer(o, out, st);
  for (uint64_t base = 0; base < o.cases; base += o.cohort) {
    const uint64_t n = std::min<uint64_t>(o.cohort, o.cases - base);
    co.arena.clear();
    co.cmds.clear();
    for (uint64_t k = 0; k < n; ++k) {
      Walk w(o, co, st, base + k, uint32_t(k));
      w.Run();
    }
    writer.Write(co, base, n);
  }
  if (!writer.Finish()) {
    std::fprintf(stderr, "rmc-gen: write failed: %s\n", std::strerror(errno));
    return 1;
  }
  PrintStats(st, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  return 0;
}
