// Integrity of one case's history for the auditor (`rmc replay CASE --verify`): each event of
// the case checked in the hash chain on its own (store/chain.h CheckEventEntry), and the
// checkpoints the auditor kept (audit/checkpoint.h) that cover it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "audit/checkpoint.h"
#include "codec/json_render.h"
#include "store/chain.h"

namespace rmc {

// A checkpoint file given with --checkpoint, checked against the ledger.
struct KeptCheckpoint {
  std::string file;
  Checkpoint checkpoint;
};

struct CheckpointResult {
  std::string file;
  uint64_t position = 0;  // of the event log
  bool is_signed = false;
  std::vector<std::string> problems;  // empty: it holds
};

struct CaseVerification {
  std::string case_id;
  std::vector<EntryCheck> events;
  std::vector<CheckpointResult> checkpoints;
  // Per event (same order): the checkpoint that covers it and holds (index into checkpoints), if
  // any: the one of lowest position at or after the event.
  std::vector<std::optional<size_t>> covered_by;
  bool holds() const;  // every event holds, and every checkpoint given
};

// unknown_case when the case has no events; invalid_input when a checkpoint names a log it does
// not know. `expected_key`: the auditor's public key (32 bytes), which signed checkpoints must
// carry.
Result<CaseVerification> VerifyCase(const StoreTxn& txn, const std::string& case_id,
                                    const std::vector<KeptCheckpoint>& kept,
                                    const std::optional<std::string>& expected_key);

// {case, holds, events: [{position, linked, followed, named_position?, damage?, hash,
//  checkpoint}], checkpoints: [{file, position, signed, holds, problems}]}
Json CaseVerificationJson(const CaseVerification& verification);
// The same for a person: one line an event, then the checkpoints, then the verdict.
std::string CaseVerificationText(const CaseVerification& verification);

}  // namespace rmc
