// rmc audit log --subject REF: every processing of one youth's data, writes and reads, with who,
// why and under which activity, and every disclosure (src/audit/processing_log.h) — for answering a
// right-of-access request. It shows whose data was processed by whom, so it is a logged read of
// that youth.
#include <cstdio>

#include "audit/processing_log.h"
#include "context.h"

namespace rmc::cli {
namespace {

// The last column of the table: a disclosure's partner and ground, else a read's purpose.
std::string Detail(const Processing& p) {
  if (p.disclosure)
    return "shared with " + p.disclosure->partner + " (" + p.disclosure->grondslag + ")";
  if (!p.write) return p.purpose.empty() ? "-" : p.purpose;
  return "";
}

Status Run(const Globals& g, const std::string& ref) {
  auto session = ReadSession::Begin(g.Reader(), {"audit log", Action::kReadAccessLog, true});
  if (!session.ok()) return session.status();
  auto ledger = Ledger::Open(g.Paths());
  if (!ledger.ok()) return ledger.status();
  auto txn = (*ledger)->store().Read();
  if (!txn.ok()) return txn.status();
  const std::string subject_id = (*ledger)->keystore().SubjectId(ref);
  auto log = ProcessingLogOf(**txn, subject_id);
  if (!log.ok() && log.status().code() == Code::kNotFound)
    return Status(Code::kNotFound, "no youth with ref " + ref + " in this ledger");
  if (!log.ok()) return log.status();
  const bool erased = (*ledger)->IsErased(subject_id);
  if (auto s = session->Account(**ledger, {{"access-log", subject_id,
                                             erased ? schema::AccessResult::ERASED : schema::AccessResult::OK}});
      !s.ok())
    return s;
  if (g.json) {
    Json rows = Json::array();
    for (const auto& p : *log) rows.push_back(ProcessingJson(p, (*ledger)->activities()));
    PrintJson(rows);
    return Status::Ok();
  }
  std::printf("%-20s %-5s %-8s %-20s %-12s %-11s %-12s %-26s %s\n", "recorded at", "kind",
              "position", "what", "object", "role", "actor", "activity", "purpose or disclosure");
  for (const auto& p : *log) {
    std::string activity = p.activity_code + " v" + std::to_string(p.activity_version);
    std::printf("%-20s %-5s %-8llu %-20s %-12s %-11s %-12s %-26s %s\n",
                FormatTime(p.recorded_at).c_str(), p.write ? "write" : "read",
                (unsigned long long)p.position, p.what.c_str(), p.object.c_str(), RoleName(p.role),
                p.actor.c_str(), activity.c_str(), Detail(p).c_str());
  }
  return Status::Ok();
}

}  // namespace

void RegisterAuditLog(CLI::App& app, Globals& g, int& exit_code) {
  auto ref = std::make_shared<std::string>();
  auto* sub =
      AuditGroup(app)
          .add_subcommand("log",
                          "every processing of one youth's data, writes and reads, with activity, "
                          "purpose and disclosures (a logged read)");
  sub->add_option("--subject", *ref, "the youth's ref")->required();
  sub->callback([&g, &exit_code, ref] {
    if (auto s = Run(g, *ref); !s.ok()) exit_code = Fail(g, s);
  });
}

}  // namespace rmc::cli
