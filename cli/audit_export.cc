// rmc audit export --ldv: every processing of a youth's data in the field set of the Logboek
// Dataverwerkingen (src/audit/ldv_export.h), for a region's standard logbook; who did each goes to a
// file of its own (--users). The export tells who processed what (employee data), so it is
// itself a logged read.
#include <unistd.h>

#include <cstdio>

#include "views/ldv_export.h"
#include "base/private_file.h"
#include "context.h"

namespace rmc::cli {
namespace {

struct Options {
  bool ldv = false;
  std::string since, output, users;
};

// A path that must not exist yet: checked before anything is read or recorded, so that a
// refused export leaves no access record. (The file is still created exclusively.)
Status NewPath(const std::string& flag, const std::string& path) {
  if (!path.empty() && ::access(path.c_str(), F_OK) == 0)
    return Status(Code::kUsage,
                  flag + " " + path + " exists; an export is never written over another file");
  return Status::Ok();
}

Status Run(const Globals& g, const Options& o) {
  auto session = ReadSession::Begin(g.Reader(), {"audit export", Action::kReadAccessLog, true});
  if (!session.ok()) return session.status();
  if (!o.ldv) return Status(Code::kUsage, "say which format: --ldv (the only one so far)");
  LdvOptions options;
  if (!o.since.empty()) {
    auto since = ParseTime(o.since);
    if (!since.ok()) return Status(Code::kUsage, "--since: " + since.status().message());
    options.since = since->ns;
  }
  if (!o.output.empty() && o.output == o.users)
    return Status(Code::kUsage, "--output and --users must be two files");
  if (auto s = NewPath("--output", o.output); !s.ok()) return s;
  if (auto s = NewPath("--users", o.users); !s.ok()) return s;
  auto ledger = Ledger::Open(g.Paths());
  if (!ledger.ok()) return ledger.status();
  options.region = (*ledger)->settings().region;
  options.base_uri = (*ledger)->settings().ldv_base_uri;
  auto txn = (*ledger)->store().Read();
  if (!txn.ok()) return txn.status();
  auto exported = ExportLdv(**txn, options);
  if (!exported.ok()) return exported.status();
  if (auto s = session->Account(**ledger, {{"access-log", "", schema::AccessResult::OK}}); !s.ok())
    return s;
  if (!o.users.empty())
    if (auto s = WriteNewPrivateFile(o.users, exported->users, "an export"); !s.ok()) return s;
  if (o.output.empty()) {
    std::fwrite(exported->processings.data(), 1, exported->processings.size(), stdout);
    return Status::Ok();
  }
  if (auto s = WriteNewPrivateFile(o.output, exported->processings, "an export"); !s.ok()) {
    if (!o.users.empty()) ::unlink(o.users.c_str());
    return s;
  }
  if (g.json) {
    Json j = {{"ok", true}, {"output", o.output}, {"lines", exported->lines}};
    j["users"] = o.users.empty() ? Json(nullptr) : Json(o.users);
    PrintJson(j);
  } else {
    std::printf("wrote %s: %zu processings%s\n", o.output.c_str(), exported->lines,
                o.users.empty() ? "" : (", their users to " + o.users).c_str());
  }
  return Status::Ok();
}

}  // namespace

void RegisterAuditExport(CLI::App& app, Globals& g, int& exit_code) {
  auto o = std::make_shared<Options>();
  auto* sub =
      AuditGroup(app)
          .add_subcommand("export",
                          "every processing of a youth's data, writes and reads, for a standard "
                          "logbook (Logboek Dataverwerkingen; itself a logged read)");
  sub->add_flag("--ldv", o->ldv, "in the LDV field set: one JSON object per line");
  sub->add_option("--since", o->since,
                  "only processings recorded at or after this ISO date or time");
  sub->add_option("--output", o->output,
                  "write the lines to FILE (a new file, mode 0600) instead of standard output");
  sub->add_option(
      "--users", o->users,
      "write who did each processing to FILE (a new file, mode 0600), linked by span_id");
  sub->callback([&g, &exit_code, o] {
    if (auto s = Run(g, *o); !s.ok()) exit_code = Fail(g, s);
  });
}

}  // namespace rmc::cli
