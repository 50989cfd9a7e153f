#include "base/status.h"

namespace rmc {

const char* CodeName(Code code) {
  switch (code) {
    case Code::kOk: return "ok";
    case Code::kInvalidInput: return "invalid_input";
    case Code::kUnknownCase: return "unknown_case";
    case Code::kRouteViolation: return "route_violation";
    case Code::kRuleViolation: return "rule_violation";
    case Code::kConsentRequired: return "consent_required";
    case Code::kVersionConflict: return "version_conflict";
    case Code::kDuplicateConflict: return "duplicate_conflict";
    case Code::kPermissionDenied: return "permission_denied";
    case Code::kSubjectErased: return "subject_erased";
    case Code::kLedgerError: return "ledger_error";
    case Code::kUsage: return "usage";
    case Code::kIntegrity: return "integrity";
    case Code::kNotFound: return "not_found";
  }
  return "internal";
}

int ExitCode(Code code) {
  switch (code) {
    case Code::kOk: return 0;
    case Code::kUsage: return 2;
    case Code::kInvalidInput:
    case Code::kRouteViolation:
    case Code::kRuleViolation:
    case Code::kConsentRequired:
    case Code::kDuplicateConflict: return 3;
    case Code::kVersionConflict: return 4;
    case Code::kUnknownCase:
    case Code::kNotFound: return 5;
    case Code::kIntegrity: return 6;
    case Code::kPermissionDenied: return 7;
    case Code::kSubjectErased: return 8;
    case Code::kLedgerError: return 1;
  }
  return 1;
}

Status RuleViolation(std::string rule, std::string message) {
  Status s(Code::kRuleViolation, std::move(message));
  s.rule = std::move(rule);
  return s;
}

Status RouteViolation(int expected_step, std::string message) {
  Status s(Code::kRouteViolation, std::move(message));
  s.expected_step = expected_step;
  return s;
}

}  // namespace rmc
