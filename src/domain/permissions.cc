#include "domain/permissions.h"

#include <array>

#include "codec/command.h"

namespace rmc {
namespace {

constexpr int kRoles = 5;  // consulent, coordinator, auditor, evaluator, system (enums.capnp)

struct Rule {
  Action action;
  const char* what;      // "may not <what>"
  const char* commands;  // as docs/roles.md names them
  std::array<bool, kRoles> allowed;
};

//                                                                  cons   coord  audit  eval   system
constexpr std::array<Rule, kActionCount> kRules{{
    {Action::kRecord, "record case events", "`rmc <type>`, `apply`", {true, true, false, false, true}},
    {Action::kForget, "erase a subject on request", "`forget_subject` (`avg-art17`), `subject forget`", {false, true, false, false, false}},
    {Action::kForgetOnRetention, "erase a subject whose retention passed", "`forget_subject` (`bewaartermijn`)", {false, true, false, false, false}},
    {Action::kChangeSettings, "change region settings", "`config KEY VALUE`", {false, true, false, false, true}},
    {Action::kChangeRegister, "change the register of processing activities", "`audit register-activity`", {false, true, false, false, true}},
    {Action::kReadCases, "read cases", "`show`, `list`, `history`, `due`, `replay`, `lessons` (evaluator: pseudonymised)", {true, true, true, true, true}},
    {Action::kReadFeed, "read the change feed", "`events` (evaluator: pseudonymised)", {true, true, true, true, true}},
    {Action::kReadPersonalFeed, "read personal data in the change feed", "`events --personal`", {true, true, true, false, true}},
    {Action::kStats, "read the figures", "`stats`", {true, true, true, true, true}},
    {Action::kReadRegister, "read the register", "`audit activities`", {true, true, true, true, true}},
    {Action::kReadAccessLog, "read the access log", "`audit reads`, `audit log`, `audit export --ldv`", {false, true, true, false, true}},
    {Action::kReadDisclosures, "list disclosures", "`audit disclosures`", {false, true, true, false, true}},
    {Action::kCheckpoint, "take or check checkpoints", "`audit keygen`, `checkpoint`, `verify-checkpoint`", {false, true, true, false, true}},
    {Action::kExportSubject, "export a youth's data", "`subject export`", {false, true, false, false, true}},
    {Action::kReviewRetention, "review retention", "`retention`", {false, true, true, false, true}},
    {Action::kApplyRetention, "erase subjects whose retention passed", "`retention --apply`", {false, true, false, false, false}},
    {Action::kBackup, "back up the ledger", "`backup`", {false, true, false, false, true}},
    {Action::kVerify, "verify the ledger", "`verify`, `rebuild --check`, `replay --verify`", {true, true, true, true, true}},
    {Action::kRebuild, "rewrite projections", "`rebuild`", {true, true, false, false, true}},
}};

constexpr bool InActionOrder() {
  for (int i = 0; i < kActionCount; ++i)
    if (int(kRules[i].action) != i) return false;
  return true;
}
static_assert(InActionOrder(), "kRules lists every action, in the order of the enum");

constexpr std::array<schema::Role, kRoles> kRoleOrder{schema::Role::CONSULENT, schema::Role::COORDINATOR,
                                                      schema::Role::AUDITOR, schema::Role::EVALUATOR,
                                                      schema::Role::SYSTEM};

const Rule& RuleOf(Action action) { return kRules[int(action)]; }

}  // namespace

Status Permit(schema::Role role, Action action) {
  const Rule& rule = RuleOf(action);
  if (rule.allowed[int(role)]) return Status::Ok();
  std::string may;
  for (int r = 0; r < kRoles; ++r)
    if (rule.allowed[r]) may += std::string(may.empty() ? "" : ", ") + RoleName(kRoleOrder[r]);
  return Status(Code::kPermissionDenied,
                std::string("role ") + RoleName(role) + " may not " + rule.what + " (" + may + " may)");
}

std::string PermissionMatrix() {
  std::string out = "| action | commands |";
  for (auto role : kRoleOrder) out += std::string(" ") + RoleName(role) + " |";
  out += "\n| --- | --- |";
  for (int r = 0; r < kRoles; ++r) out += " --- |";
  out += "\n";
  for (const Rule& rule : kRules) {
    out += std::string("| ") + rule.what + " | " + rule.commands + " |";
    for (bool allowed : rule.allowed) out += allowed ? " yes |" : " — |";
    out += "\n";
  }
  return out;
}

}  // namespace rmc
