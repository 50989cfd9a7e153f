// The command line of rmc: the global options and every subcommand, registered on one CLI11 app.
#include "context.h"

namespace rmc::cli {

void BuildApp(CLI::App& app, Globals& g, int& exit_code) {
  app.description(
      "rmc: the RMC case ledger. Every action on a case along the routekaart is an "
      "immutable event; personal data is sealed per youth.\n"
      "Docs: docs/user-guide.md (first session), docs/commands.md (reference).");
  app.set_version_flag("--version", std::string("rmc ") + RMC_VERSION);
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--ledger", g.ledger, "ledger directory (default $RMC_LEDGER, else ./rmc-ledger)");
  app.add_option("--keystore", g.keystore, "keystore directory (default $RMC_KEYSTORE, else LEDGER/keystore)");
  app.add_option("--actor", g.actor, "acting user (default $RMC_ACTOR, else the login name)");
  app.add_option("--role", g.role_name, "consulent, coordinator, auditor, evaluator or system (default $RMC_ROLE, else consulent)")
      ->check(CLI::IsMember({"consulent", "coordinator", "auditor", "evaluator", "system"}))
      ->envname("RMC_ROLE");  // checked as the flag is: a misspelt role is no consulent
  app.add_option("--purpose", g.purpose, "why data is processed (required for reads by roles other than consulent)");
  app.add_option("--activity", g.activity,
                 "the processing activity (register code) this is done under (default: the action's own; rmc audit activities)");
  app.add_flag("--json", g.json, "print results and errors as JSON");

  for (Register r : {RegisterInit, RegisterConfig, RegisterApply, RegisterActions, RegisterShow,
                     RegisterList, RegisterDue, RegisterStats, RegisterHistory, RegisterReplay, RegisterLessons, RegisterEvents,
                     RegisterVerify, RegisterAuditActivities, RegisterAuditReads, RegisterAuditLog,
                     RegisterAuditExport, RegisterAuditDisclosures, RegisterAuditCheckpoint,
                     RegisterSubjectExport, RegisterSubjectForget, RegisterBackup, RegisterRetention})
    r(app, g, exit_code);
}

}  // namespace rmc::cli
