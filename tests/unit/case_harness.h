// A case in memory for unit tests of decide and the fold: commands go through the same
// ParseCommand -> Decide (DecideCorrection for `correct`) -> SplitPersonal -> Apply path as in
// the ledger, without storage, keystore or clock. The state the tests inspect is what the ledger
// would project.
#pragma once

#include <capnp/message.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "codec/command.h"
#include "domain/case_state.h"
#include "domain/decide.h"
#include "domain/settings.h"
#include "../memory_case_history.h"

namespace rmc::testing {

class CaseHarness {
 public:
  // The date commands occur on unless they carry occurred_at.
  explicit CaseHarness(std::string_view today = "2026-10-01");

  // Runs one JSON command; the event types appended, or the refusal.
  Result<std::vector<std::string>> Run(std::string_view json);
  // Runs a command that must be accepted (fails the test otherwise).
  std::vector<std::string> Ok(std::string_view json);
  // The refusal of a command that must be refused (fails the test when accepted).
  Status Refused(std::string_view json);

  // The position of the `nth` event (from 0) of `event_type` ("ContactAttempted") of the
  // current case; 0 when there is none.
  uint64_t PositionOf(std::string_view event_type, int nth = 0) const;
  // The case folded from its events up to `position` (time travel in memory).
  CaseState StateAt(uint64_t position);

  void SetToday(std::string_view date);
  void SetBirthDate(std::string_view date);

  // Walks the case through steps 1..`step` of the full route with valid commands
  // (target group verzuim-18plus, enrolled, with consent for leerplicht).
  void WalkTo(int step, const std::string& target_group = "verzuim-18plus");

  CaseState state;
  Settings settings;

 private:
  Result<Draft> DecideCorrectionOf(const Command& command);

  Days today_;
  std::optional<Days> birth_date_;
  uint64_t position_ = 0;
  MemoryCaseHistory history_;  // the current case's events, as stored
  std::map<uint64_t, std::string> types_;  // by position, of the current case
  std::map<uint64_t, std::unique_ptr<capnp::MallocMessageBuilder>> personal_;  // sealed parts
  int command_seq_ = 0;
};

}  // namespace rmc::testing
