// The floor: the storage pipeline alone, with no domain, no JSON and no CLI — what rmc's
// figures are measured against (docs/PERFORMANCE.md).
#pragma once

#include <cstdint>
#include <string>

namespace rmc::bench {

struct Timed {
  uint64_t events = 0;
  double seconds = 0;
  double PerSecond() const { return seconds > 0 ? events / seconds : 0; }
};

// Takes the events rmc wrote in `ledger_dir` and times only writing them again into a fresh
// LMDB environment at `floor_dir`: Cap'n Proto encode of each (a copy into a new builder,
// flattened), the BLAKE2b chain, MDB_APPEND into the log and a put into the per-case index, all
// in one write transaction, committed durably. Reading the source is not timed.
Timed FloorWrite(const std::string& ledger_dir, const std::string& floor_dir);

// Times a raw cursor scan over the log of `ledger_dir` with a Cap'n Proto decode of each event
// (the envelope and the payload's member, as a fold would touch them).
Timed FloorScan(const std::string& ledger_dir);

// The process floor: open the environment at `dir`, put one key, commit. `rmc-bench
// --one-put DIR` runs this as its whole process. Returns the exit code.
int OnePut(const std::string& dir);

}  // namespace rmc::bench
