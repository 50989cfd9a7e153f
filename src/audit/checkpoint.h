// Checkpoints (`rmc audit checkpoint`, `rmc audit verify-checkpoint`): the position and head
// hash of each chained log at one moment, optionally signed with Ed25519, so that an officer
// who keeps the checkpoint outside the system can later prove that the history up to it is
// unchanged (docs/accountability.md; BIO 8.15.06). The file format and the signed byte
// string are described in docs/storage.md (Checkpoints).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "audit/signing_key.h"
#include "base/status.h"
#include "store/store.h"

namespace rmc {

// Where a chained log stood: its last position and the BLAKE2b-256 of the stored bytes of the
// entry at that position.
struct LogMark {
  uint64_t position = 0;
  std::string head;  // 32 bytes
};

struct Checkpoint {
  std::string ledger_id;                // 16 bytes
  std::string time;                     // ISO 8601, as FormatTime wrote it
  std::string actor;                    // who took it; no line breaks
  std::map<std::string, LogMark> logs;  // by log name: "events" (more logs may follow)
  std::string public_key;               // 32 bytes; empty when unsigned
  std::string signature;                // 64 bytes over SignedBytes(); empty when unsigned
  bool is_signed() const { return !signature.empty(); }
};

// A checkpoint of every known log as `txn` sees it, at the ledger clock's now (Now()).
// Walks each log's chain from its start first: a log whose chain is broken gets no checkpoint
// (integrity, naming the first break), so that a checkpoint never vouches for a damaged
// history. invalid_input for an actor with a line break; usage for a bad RMC_NOW.
Result<Checkpoint> MakeCheckpoint(const StoreTxn& txn, const std::string& actor);

// The byte string that is signed: "rmc-checkpoint v1\n", then one "NAME VALUE\n" line each for
// ledger_id, time and actor, then "log NAME POSITION HEAD\n" per log in name order (hex in
// lower case). Adding a log adds a line; the bytes of a checkpoint without it do not change.
std::string SignedBytes(const Checkpoint& checkpoint);

// Signs `checkpoint` with `key` (sets public_key and signature).
void SignCheckpoint(Checkpoint& checkpoint, const SigningKey& key);

// The checkpoint file: a JSON object (docs/storage.md), indented, ending in a line break.
std::string CheckpointJson(const Checkpoint& checkpoint);
// Parses a checkpoint file; invalid_input, naming the field, for anything that is not one
// (an unknown field, a format other than "rmc-checkpoint/1", malformed hex, a position of 0).
// Log names are not checked here: see VerifyCheckpoint.
Result<Checkpoint> ParseCheckpoint(std::string_view text);

struct CheckpointReport {
  std::vector<std::string> checked;   // what held, one line each
  std::vector<std::string> problems;  // what differs; empty: the checkpoint holds
};

// Checks `checkpoint` against the ledger as `txn` sees it: the ledger id; per log, that the
// chain from its start to the checkpoint's position is unbroken and that the entry there
// hashes to the checkpoint's head; and the signature, against the key in the checkpoint and,
// when given, `expected_key` (32 bytes), which the checkpoint's key must equal — a key read from
// the file alone proves nothing against someone who rewrote history and signed anew.
// Returns invalid_input (before checking anything) for a log name it does not know; a store
// failure as its Status; every mismatch as a problem.
Result<CheckpointReport> VerifyCheckpoint(const StoreTxn& txn, const Checkpoint& checkpoint,
                                          const std::optional<std::string>& expected_key);

}  // namespace rmc
