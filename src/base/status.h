// Errors as values: the error codes and exit codes of the command contract (docs/commands.md).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>

namespace rmc {

enum class Code {
  kOk,
  kInvalidInput,
  kUnknownCase,
  kRouteViolation,
  kRuleViolation,
  kConsentRequired,
  kVersionConflict,
  kDuplicateConflict,
  kPermissionDenied,
  kSubjectErased,
  kLedgerError,
  kUsage,      // bad flags or arguments (exit 2); not a result code of `rmc apply`
  kIntegrity,  // `verify` found a mismatch (exit 6)
  kNotFound,   // a read found nothing (exit 5)
};

// The contract's spelling, e.g. "route_violation".
const char* CodeName(Code code);
// The exit code of a single command failing with `code` (docs/commands.md, "Exit codes").
int ExitCode(Code code);

class Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return {}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }

  // Extra fields of the error object: the rule of a rule_violation, the expected step of a
  // route_violation (0: none).
  std::string rule;
  int expected_step = 0;
  // What a caller acts on beside the code, never read from the message: a full LMDB map (grow
  // it and run again), a damaged file (`rmc verify` and `rebuild` report integrity).
  enum class Cause : uint8_t { kNone, kMapFull, kDamaged };
  Cause cause = Cause::kNone;

 private:
  Code code_ = Code::kOk;
  std::string message_;
};

inline Status InvalidInput(std::string message) { return {Code::kInvalidInput, std::move(message)}; }
inline Status LedgerError(std::string message) { return {Code::kLedgerError, std::move(message)}; }
Status RuleViolation(std::string rule, std::string message);
Status RouteViolation(int expected_step, std::string message);

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}
  Result(Status status) : v_(std::move(status)) {}
  bool ok() const { return v_.index() == 0; }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  T* operator->() { return &value(); }
  const Status& status() const { return std::get<1>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace rmc
