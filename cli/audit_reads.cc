// rmc audit reads: the access log (access_log.h), filtered by youth, actor and time. The log
// holds employee data (who read what), so reading it is itself a logged read.
#include <cstdio>

#include "base/hex.h"
#include "codec/json_render.h"
#include "context.h"

namespace rmc::cli {
namespace {

const char* ResultName(schema::AccessResult r) { return r == schema::AccessResult::ERASED ? "erased" : "ok"; }

Json RecordJson(uint64_t position, schema::AccessRecord::Reader r) {
  Json j = {{"position", position},
          {"recorded_at", FormatTime(r.getRecordedAt())},
          {"actor", r.getActor().getId().cStr()},
          {"role", RoleName(r.getActor().getRole())},
          {"action", r.getAction().cStr()},
          {"object", r.getObject().cStr()},
          {"subject", r.getSubject().size() ? Json(Hex(r.getSubject())) : Json(nullptr)},
          {"purpose", r.getPurpose().size() ? Json(r.getPurpose().cStr()) : Json(nullptr)},
          {"processing_activity",
           {{"code", r.getProcessingActivity().getCode().cStr()}, {"version", r.getProcessingActivity().getVersion()}}},
          {"result", ResultName(r.getResult())},
          {"trace_id", Hex(r.getTraceId())},
          {"span_id", Hex(r.getSpanId())}};
  // A child of a read of several youths, or a read a calling tool started (access.capnp).
  if (r.hasParentSpanId()) j["parent_span_id"] = Hex(r.getParentSpanId());
  if (r.hasCaller()) j["caller"] = r.getCaller().cStr();
  return j;
}

}  // namespace

void RegisterAuditReads(CLI::App& app, Globals& g, int& exit_code) {
  struct Options {
    std::string subject, actor, since;
  };
  auto o = std::make_shared<Options>();
  auto* sub = AuditGroup(app)
                  .add_subcommand("reads", "who was shown whose data, when, why and under which activity (itself a logged read)");
  sub->add_option("--subject", o->subject, "only reads of this youth (their ref)");
  sub->add_option("--actor", o->actor, "only reads by this user");
  sub->add_option("--since", o->since, "only reads recorded at or after this ISO date or time");
  sub->callback([&g, &exit_code, o] {
    auto session = BeginRead(g, {"audit reads", Action::kReadAccessLog, true}, exit_code);
    if (!session) return;
    AccessFilter filter;
    filter.actor = o->actor;
    if (!o->since.empty()) {
      auto since = ParseTime(o->since);
      if (!since.ok())
        return void(exit_code = Fail(g, Status(Code::kUsage, "--since: " + since.status().message())));
      filter.since = since->ns;
    }
    auto ledger = OpenOrFail(g, exit_code);
    if (!ledger) return;
    auto txn = ledger->store().Read();
    if (!txn.ok()) return void(exit_code = Fail(g, txn.status()));
    if (!o->subject.empty()) {
      auto known = KnownSubject(*ledger, **txn, o->subject);
      if (!known.ok()) return void(exit_code = Fail(g, known.status()));
      filter.subject_id = *known;
    }
    Json records = Json::array();
    auto s = ScanAccessLog(**txn, filter, [&](uint64_t position, schema::AccessRecord::Reader r) {
      records.push_back(RecordJson(position, r));
      return true;
    });
    if (!s.ok()) return void(exit_code = Fail(g, s));
    // With --subject it says who looked at that youth's data: a read about them, in their log.
    const bool erased = !filter.subject_id.empty() && ledger->IsErased(filter.subject_id);
    if (auto a = session->Account(*ledger, {{"access-log", filter.subject_id,
                                             erased ? schema::AccessResult::ERASED
                                                    : schema::AccessResult::OK}});
        !a.ok())
      return void(exit_code = Fail(g, a));
    if (g.json) return PrintJson(records);
    std::printf("%-8s %-20s %-12s %-11s %-12s %-12s %-16s %s\n", "position", "recorded at", "actor", "role",
                "action", "object", "subject", "purpose");
    for (const auto& r : records)
      std::printf("%-8s %-20s %-12s %-11s %-12s %-12s %-16s %s\n", r["position"].dump().c_str(),
                  r["recorded_at"].get<std::string>().c_str(), r["actor"].get<std::string>().c_str(),
                  r["role"].get<std::string>().c_str(), r["action"].get<std::string>().c_str(),
                  r["object"].get<std::string>().c_str(),
                  r["subject"].is_null() ? "-" : r["subject"].get<std::string>().substr(0, 16).c_str(),
                  r["purpose"].is_null() ? "-" : r["purpose"].get<std::string>().c_str());
  });
}

}  // namespace rmc::cli
