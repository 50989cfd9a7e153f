#include "context.h"

#include "base/hex.h"
#include "base/names.h"

#include <pwd.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

namespace rmc::cli {

LedgerPaths Globals::Paths() const {
  return {ledger, keystore.empty() ? ledger + "/keystore" : keystore};
}

schema::Role Globals::Role() const { return RoleFromName(role_name).value_or(schema::Role::CONSULENT); }

TraceContext Globals::Trace() const {
  return {FromHex(trace_id).value_or(""), FromHex(parent_span_id).value_or(""), caller};
}

ReadRequest Globals::Reader() const { return {actor, Role(), purpose, activity, Trace()}; }

CommandDefaults Globals::Defaults() const { return {actor, Role(), activity, Trace()}; }

int Fail(const Globals& g, const Status& s) {
  if (g.json) {
    Json e = {{"code", CodeName(s.code())}, {"message", s.message()}};
    if (!s.rule.empty()) e["rule"] = s.rule;
    if (s.expected_step) e["expected_step"] = s.expected_step;
    PrintJson({{"ok", false}, {"error", e}});
  } else {
    std::fprintf(stderr, "rmc: error: %s: %s\n", CodeName(s.code()), s.message().c_str());
  }
  return ExitCode(s.code());
}

std::unique_ptr<Ledger> OpenOrFail(const Globals& g, int& exit_code) {
  // Every command records its actor, a read in its access record: checked as a command's is.
  if (auto s = CheckName("actor", g.actor, 128); !s.ok()) {
    exit_code = Fail(g, s);
    return nullptr;
  }
  auto ledger = Ledger::Open(g.Paths());
  if (!ledger.ok()) {
    exit_code = Fail(g, ledger.status());
    return nullptr;
  }
  return std::move(*ledger);
}

Result<Days> Today() {
  auto now = Now();
  if (!now.ok()) return now.status();
  return LocalDate(now->ns);
}

static CLI::App& Group(CLI::App& app, const std::string& name, const std::string& description) {
  for (CLI::App* group : app.get_subcommands([&](CLI::App* sub) { return sub->get_name() == name; }))
    return *group;
  CLI::App& group = *app.add_subcommand(name, description);
  group.require_subcommand(1);
  return group;
}

CLI::App& AuditGroup(CLI::App& app) {
  return Group(app, "audit",
               "accountability: the register, the access log, disclosures, the LDV export, checkpoints "
               "(docs/accountability.md)");
}

CLI::App& SubjectGroup(CLI::App& app) {
  return Group(app, "subject", "one youth across their cases, by their ref: the right of access, erasure");
}

std::optional<ReadSession> BeginRead(const Globals& g, ReadKind kind, int& exit_code) {
  auto session = ReadSession::Begin(g.Reader(), std::move(kind));
  if (!session.ok()) {
    exit_code = Fail(g, session.status());
    return std::nullopt;
  }
  return std::move(*session);
}

std::string NewCommandId() {
  unsigned char b[12];
  randombytes_buf(b, sizeof b);
  std::string id = "cli-";
  static const char* d = "0123456789abcdef";
  for (auto c : b) {
    id += d[c >> 4];
    id += d[c & 15];
  }
  return id;
}

// The path of the first string in `j` that is not UTF-8, if any: flags hold the bytes the
// shell gave, and nlohmann::json cannot write those as JSON.
static std::optional<std::string> NonUtf8(const Json& j, const std::string& path) {
  if (j.is_string())
    return IsUtf8(j.get_ref<const std::string&>()) ? std::nullopt : std::optional(path);
  if (j.is_object())
    for (const auto& [key, value] : j.items())
      if (auto at = NonUtf8(value, path.empty() ? key : path + "." + key)) return at;
  if (j.is_array())
    for (size_t i = 0; i < j.size(); ++i)
      if (auto at = NonUtf8(j[i], path + "[" + std::to_string(i) + "]")) return at;
  return std::nullopt;
}

Result<Outcome> ExecuteOne(Globals& g, const Json& json) {
  if (auto at = NonUtf8(json, ""))
    return InvalidInput(*at + ": not valid UTF-8; expected text in UTF-8");
  auto command = ParseCommand(json.dump(), g.Defaults());
  if (!command.ok()) return command.status();
  auto ledger = Ledger::Open(g.Paths());
  if (!ledger.ok()) return ledger.status();
  std::vector<Command> commands;
  commands.push_back(std::move(*command));
  Outcome out = (*ledger)->Execute(commands, false)[0];
  if (!out.ok()) return out.error;
  g.recorded = "command " + out.id + " was recorded; run it again with --id " + out.id +
               " to see its result (a duplicate), or see rmc history " + out.case_id;
  return out;
}

void PrintOutcome(const Globals& g, const Outcome& out) {
  if (g.json) return PrintJson(OutcomeJson(out));
  std::string events;
  for (const auto& e : out.events) events += (events.empty() ? "" : ", ") + e;
  std::printf("%s version %u: %s%s\n", out.case_id.c_str(), out.version, events.c_str(),
              out.duplicate ? " (already recorded)" : "");
}

Json OutcomeJson(const Outcome& o) {
  Json j;
  j["id"] = o.id;
  j["ok"] = o.ok();
  if (o.ok()) {
    j["case"] = o.case_id;
    j["version"] = o.version;
    j["position"] = o.position;
    j["events"] = o.events;
    j["duplicate"] = o.duplicate;
  } else {
    Json e = {{"code", CodeName(o.error.code())}, {"message", o.error.message()}};
    if (!o.error.rule.empty()) e["rule"] = o.error.rule;
    if (o.error.expected_step) e["expected_step"] = o.error.expected_step;
    j["error"] = e;
  }
  return j;
}

void PrintJson(const Json& j) {
  std::string s = DumpJson(j) + '\n';
  std::fwrite(s.data(), 1, s.size(), stdout);
}

bool OutputWritten(Globals& g) {
  if (std::fflush(stdout) == 0 && !std::ferror(stdout)) return true;
  const int err = errno;
  if (!g.output_failed)
    std::fprintf(stderr, "rmc: error: output_error: the result could not be written to standard output (%s)%s%s\n",
                 std::strerror(err), g.recorded.empty() ? "" : ", but ", g.recorded.c_str());
  g.output_failed = true;
  return false;
}

}  // namespace rmc::cli
