// Processing activities (AVG art. 30; docs/accountability.md): the register in the ledger,
// which activity each event and each read is done under, and the default register of an RMC
// region. The register is a fold over ActivityRegistered events: a change is a new version of
// an entry, never an edit, so every event keeps pointing at the version it was recorded under.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "domain/settings.h"
#include "enums.capnp.h"
#include "event.capnp.h"

namespace rmc {

struct Activity {
  std::string code;
  uint32_t version = 0;
  std::string name, purpose;
  schema::LegalGround legal_ground = schema::LegalGround::WETTELIJKE_TAAK;
  std::string statutory_basis;  // may be empty
  std::string retention;
  std::vector<std::string> data_categories, recipient_categories;
};

class ActivityRegister {
 public:
  // The register of a new RMC region (version 1 of each entry); also what a ledger written
  // before the register was kept in it was recorded under.
  static const ActivityRegister& Defaults();

  // The version in force of `code`; null when the code was never registered.
  const Activity* Current(std::string_view code) const;
  // The same, as the version to record under: invalid_input naming the registered codes when
  // the register has no such code.
  Result<uint32_t> VersionInForce(std::string_view code) const;
  bool Has(std::string_view code, uint32_t version) const;
  // That version of `code`; null when it was never registered.
  const Activity* Find(std::string_view code, uint32_t version) const;
  // Every version, in the order registered.
  const std::vector<Activity>& versions() const { return versions_; }
  // The version in force of every code, by code.
  std::vector<const Activity*> Latest() const;

  // Checks `entry` as a new version of its code: invalid_input naming the field (an empty code,
  // name, purpose or retention; a code that is not lower-case letters, digits and '-'; an
  // unknown data category). Its `version` is ignored.
  Status Check(const Activity& entry, const Settings& settings) const;
  // Adds `entry` as the next version of its code (1 for a new code) and returns that version.
  const Activity& Add(Activity entry);
  // Folds one ActivityRegistered event: its version must be the next of its code.
  Status Apply(schema::ActivityRegistered::Reader event);

  // The form kept in the ledger's meta (a Cap'n Proto ActivityRegister message).
  std::string Encode() const;
  static Result<ActivityRegister> Decode(std::string_view bytes);

 private:
  std::vector<Activity> versions_;
};

void ToEvent(const Activity& activity, schema::ActivityRegistered::Builder out);
Activity FromEvent(schema::ActivityRegistered::Reader event);

// The activity an event type is recorded under unless the command names another:
// rmc-signalering (steps 1-3), rmc-trajectbegeleiding (4-10 and any-time actions),
// rmc-nazorg (11), rmc-evaluatie (12-13), rmc-verantwoording (settings, the register,
// corrections, erasure).
const char* ActivityFor(schema::Payload::Which type);

// The activity a read is done under unless the reader names another: accountability for the
// reads that account (`action` "audit …", "retention", "subject export") and for the auditor
// and system roles; evaluation for the evaluator; case work otherwise.
const char* ActivityForRead(schema::Role role, std::string_view action);

// The name of a legal ground as the register shows it ("wettelijke-taak (AVG 6.1.e)").
std::string LegalGroundName(schema::LegalGround ground);

}  // namespace rmc
