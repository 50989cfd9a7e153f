// Replay for a person at the terminal (`rmc replay CASE`, `--step`, `--decisions`): Dutch
// labels, one block per event, what changed in short lines.
#pragma once

#include <string>

#include "replay/replay.h"

namespace rmc {

// "RMC-000001 — 14 gebeurtenissen, stand op 2026-11-20" and a blank line.
std::string ReplayHeader(const CaseReplay& replay);
// One event: the line with position, date, what happened and who; the step and phase it left
// the case at; a late entry; the decision and its reason; what it changed; for a decision what
// was known just before (when `known`).
std::string ReplayEntryText(const ReplayEntry& entry, bool known);
// The whole replay: header, every event (or only the decisions, with what was known before
// each) and the route at the end.
std::string ReplayText(const CaseReplay& replay, bool decisions_only);

}  // namespace rmc
