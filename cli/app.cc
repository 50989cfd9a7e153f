// The command line of rmc: the global options and every subcommand, registered on one CLI11 app.
#include "context.h"

namespace rmc::cli {
namespace {

// A flag of the trace context, checked as it is parsed: a usage error (exit 2) names it.
CLI::Validator TraceBytes(size_t bytes) {
  return CLI::Validator(
      [bytes](std::string& value) -> std::string {
        auto raw = ParseTraceBytes("value", value, bytes);
        return raw.ok() ? "" : raw.status().message();
      },
      std::to_string(bytes * 2) + " HEX DIGITS");
}

CLI::Validator CallerUrl() {
  return CLI::Validator(
      [](std::string& value) -> std::string {
        auto s = CheckCaller("value", value);
        return s.ok() ? "" : s.message();
      },
      "URL");
}

}  // namespace

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
  auto* trace = app.add_option("--trace-id", g.trace_id,
                 "a calling tool's W3C trace id: what this command writes or reads joins its trace")
      ->check(TraceBytes(16));
  app.add_option("--parent-span-id", g.parent_span_id,
                 "the calling tool's span (W3C parent-id): the parent of this command's action")
      ->check(TraceBytes(8))
      ->needs(trace);  // a span belongs to a trace (W3C traceparent carries both)
  app.add_option("--caller", g.caller,
                 "the calling application's http(s) URL, for the LDV export (default with a "
                 "parent span: the region's ldv_caller)")
      ->check(CallerUrl());

  for (Register r : {RegisterInit, RegisterConfig, RegisterApply, RegisterActions, RegisterShow,
                     RegisterList, RegisterDue, RegisterStats, RegisterHistory, RegisterReplay, RegisterLessons, RegisterEvents,
                     RegisterVerify, RegisterAuditActivities, RegisterAuditReads, RegisterAuditLog,
                     RegisterAuditExport, RegisterAuditDisclosures, RegisterAuditCheckpoint,
                     RegisterSubjectExport, RegisterSubjectForget, RegisterBackup, RegisterRetention})
    r(app, g, exit_code);
}

}  // namespace rmc::cli
