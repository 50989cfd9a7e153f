#include "ledger/read_session.h"

#include "base/names.h"
#include "ledger/case_form.h"

namespace rmc {

Result<ReadSession> ReadSession::Begin(ReadRequest request, ReadKind kind) {
  if (auto s = Permit(request.role, kind.permission); !s.ok()) return s;
  if (kind.personal) {
    // White space says nothing: a purpose of only blanks is no purpose.
    if (request.role != schema::Role::CONSULENT &&
        request.purpose.find_first_not_of(" \t\n\r\f\v") == std::string::npos)
      return Status(Code::kUsage, std::string("role ") + RoleName(request.role) +
                                      " reads personal data only with --purpose saying why");
    // It is recorded in the access log and printed one record a line.
    if (!request.purpose.empty())
      if (auto s = CheckName("--purpose", request.purpose, 4096); !s.ok())
        return Status(Code::kUsage, s.message());
  }
  return ReadSession(std::move(request), std::move(kind));
}

bool ReadSession::pseudonymize() const {
  return kind_.pseudonymize || request_.role == schema::Role::EVALUATOR;
}

PersonalFields ReadSession::personal_fields() const {
  return kind_.personal && !pseudonymize() ? PersonalFields::kReveal : PersonalFields::kOmit;
}

RenderOptions ReadSession::render(const PseudonymRules* form) const {
  KJ_REQUIRE(form != nullptr || !pseudonymize(), "a pseudonymised read renders with a form");
  return {personal_fields(), pseudonymize() ? form : nullptr};
}

bool ReadSession::KeepsReasoning(const Ledger& ledger) const {
  return pseudonymize() && kind_.personal && ledger.settings().pseudonymized_reasoning;
}

Result<std::optional<Unsealed>> ReadSession::Unseal(Ledger& ledger,
                                                    schema::Event::Reader event) const {
  if (personal_fields() != PersonalFields::kReveal && !KeepsReasoning(ledger))
    return std::optional<Unsealed>();
  return ledger.Unseal(event);
}

Result<PseudonymForm> ReadSession::FormOf(Ledger& ledger, StoreTxn& txn, const CaseState& state,
                                          const Pseudonymizer& pseudonyms, bool reasoning) const {
  const bool keep = reasoning && kind_.personal && ledger.settings().pseudonymized_reasoning;
  return BuildCaseForm(ledger, txn, state, pseudonyms, keep);
}

Status ReadSession::Account(Ledger& ledger, const std::vector<Shown>& shown,
                            TraceContext* recorded) const {
  const std::string activity =
      request_.activity.empty() ? ActivityForRead(request_.role, kind_.action) : request_.activity;
  auto version = ledger.ActivityVersion(activity);
  if (!version.ok()) return version.status();
  TraceContext trace = request_.trace;
  trace.caller = RecordedCaller(trace, ledger.settings().ldv_caller, ledger.settings().region);
  auto s = RecordAccess(ledger.store(),
                        {request_.actor, request_.role, request_.purpose, kind_.action, activity,
                         *version, std::move(trace)},
                        shown, recorded);
  if (s.ok()) return s;
  return Status(s.code(),
                "nothing is shown: this read must be recorded in the access log first, "
                "and that failed: " +
                    s.message());
}

Status ReadSession::AccountCases(Ledger& ledger, const std::vector<CaseRef>& cases,
                                 TraceContext* recorded) const {
  std::vector<Shown> shown;
  for (const auto& c : cases) {
    const bool erased = !c.subject_id.empty() && ledger.IsErased(c.subject_id);
    shown.push_back({c.case_id, c.subject_id,
                     erased ? schema::AccessResult::ERASED : schema::AccessResult::OK});
  }
  return Account(ledger, shown, recorded);
}

Result<std::string> KnownSubject(Ledger& ledger, StoreTxn& txn, const std::string& ref) {
  std::string id = ledger.keystore().SubjectId(ref);
  auto known = txn.Subject(id);
  if (!known.ok()) return known.status();
  if (!*known) return Status(Code::kNotFound, "no youth with ref " + ref + " in this ledger");
  return id;
}

}  // namespace rmc
