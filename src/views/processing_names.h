// The names of processings for the logbook (LDV 1.0.0, 3.2.2.4: "een tekstuele beschrijving
// bestemd voor mensen, niet voor machines"): what was done, in Dutch, in a few words. Each
// event type and each read action has its own; the tables live in processing_names.cc.
#pragma once

#include <string>

namespace rmc {

// "signaal vastgelegd" for the event type "SignalReceived"; for an unknown type "gebeurtenis
// vastgelegd (TYPE)".
std::string WriteProcessingName(const std::string& event_type);

// "dossier bekeken" for the read action "show"; for an unknown action "gegevens ingezien
// (ACTION)". A read that showed several youths is one parent action under this name.
std::string ReadProcessingName(const std::string& action);

// Whether a name above is from its table (a test checks that every type and action has one).
bool HasProcessingName(const std::string& event_type_or_action);

}  // namespace rmc
