// What every subcommand shares: the global options, opening the ledger, printing results and
// errors the way docs/commands.md promises. The CLI parses flags and prints; the core does the
// rest. Writes go through src/ledger/ledger.h (Ledger::Execute); every read command begins a
// src/ledger/read_session.h session, which permits it, requires its purpose, decides the
// evaluator's pseudonymisation and records the access before anything is printed.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>

#include "audit/access_log.h"
#include "codec/command.h"
#include "codec/json_render.h"
#include "ledger/ledger.h"
#include "ledger/read_session.h"

namespace rmc::cli {

struct Globals {
  std::string ledger;
  std::string keystore;
  std::string actor;
  std::string role_name;
  std::string purpose;
  std::string activity;  // --activity: the processing activity to record under
  // A calling tool's W3C trace context, as given (checked as the flags are parsed): --trace-id,
  // --parent-span-id (hex) and --caller (a URL).
  std::string trace_id, parent_span_id, caller;
  bool json = false;
  // What the command has recorded or written (empty: nothing) and how to see it again, for the
  // message when its result cannot be printed (OutputWritten).
  std::string recorded;
  bool output_failed = false;  // OutputWritten has said so

  LedgerPaths Paths() const;
  schema::Role Role() const;
  TraceContext Trace() const;  // the calling tool's, as the flags gave it
  ReadRequest Reader() const;  // who reads and why, for a ReadSession
  CommandDefaults Defaults() const;
};

// The local date of the clock (RMC_NOW or the system clock); usage for a bad RMC_NOW.
Result<Days> Today();

// Registers a subcommand's options on `app`; its callback sets the process exit code.
using Register = void (*)(CLI::App& app, Globals& globals, int& exit_code);

// The whole command line on `app` (cli/app.cc): the global options, bound to `globals`, and
// every subcommand. main parses argv with it, and so does the fuzz target of the command line.
void BuildApp(CLI::App& app, Globals& globals, int& exit_code);

void RegisterInit(CLI::App&, Globals&, int&);
void RegisterConfig(CLI::App&, Globals&, int&);
void RegisterApply(CLI::App&, Globals&, int&);
void RegisterActions(CLI::App&, Globals&, int&);
void RegisterShow(CLI::App&, Globals&, int&);
void RegisterList(CLI::App&, Globals&, int&);
void RegisterHistory(CLI::App&, Globals&, int&);
void RegisterEvents(CLI::App&, Globals&, int&);
void RegisterVerify(CLI::App&, Globals&, int&);
void RegisterDue(CLI::App&, Globals&, int&);
void RegisterStats(CLI::App&, Globals&, int&);
void RegisterAuditReads(CLI::App&, Globals&, int&);
void RegisterAuditActivities(CLI::App&, Globals&, int&);
void RegisterAuditCheckpoint(CLI::App&, Globals&, int&);
void RegisterAuditExport(CLI::App&, Globals&, int&), RegisterAuditLog(CLI::App&, Globals&, int&);
void RegisterSubjectForget(CLI::App&, Globals&, int&);
void RegisterBackup(CLI::App&, Globals&, int&);
void RegisterRetention(CLI::App&, Globals&, int&);
void RegisterAuditDisclosures(CLI::App&, Globals&, int&);
void RegisterSubjectExport(CLI::App&, Globals&, int&);
void RegisterReplay(CLI::App&, Globals&, int&);
void RegisterLessons(CLI::App&, Globals&, int&);

// The subcommand groups `rmc audit …` and `rmc subject …`, created by the first file that
// registers a member, so that each member can live in a file of its own.
CLI::App& AuditGroup(CLI::App& app);
CLI::App& SubjectGroup(CLI::App& app);

// Prints `rmc: error: CODE: message` (or the JSON error object with --json); returns the
// exit code of `status`.
int Fail(const Globals& g, const Status& status);
// Opens the ledger of the global options, or prints why not.
std::unique_ptr<Ledger> OpenOrFail(const Globals& g, int& exit_code);
// Begins the read session of a read command (ledger/read_session.h) for the global options,
// before anything else the command does; prints why not (and sets `exit_code`) when refused.
std::optional<ReadSession> BeginRead(const Globals& g, ReadKind kind, int& exit_code);
// A new command id ("cli-" and 24 random hex digits) for a command given without --id.
std::string NewCommandId();
// Parses `command` as `rmc apply` parses a line and executes it alone (Ledger::Execute): its
// outcome when it succeeded (and g.recorded says so), else the status that refused it (or kept
// it from running).
Result<Outcome> ExecuteOne(Globals& g, const Json& command);
// The result line with --json, else "CASE version N: Event, Event".
void PrintOutcome(const Globals& g, const Outcome& outcome);
// The result line of a command (docs/commands.md, "JSON commands": result lines).
Json OutcomeJson(const Outcome& outcome);
void PrintJson(const Json& j);
// Flushes standard output. When what was printed could not be written (a full disk, a closed
// pipe), says so on standard error, once: `output_error`, with what the command recorded all
// the same (g.recorded), since the command is not undone; returns false.
bool OutputWritten(Globals& g);

}  // namespace rmc::cli
