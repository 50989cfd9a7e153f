#include "ledger/case_resolution.h"

#include <cstdio>
#include <vector>

#include "codec/bytes.h"
#include "domain/deadlines.h"
#include "domain/decide.h"
#include "domain/retention.h"
#include "privacy/event_sealing.h"

namespace rmc {
namespace {

using P = schema::Payload;

// Whether the retention rule lets the subject's data be erased on `today` (grondslag
// bewaartermijn): rule_violation "retention" when it does not.
Status CheckRetentionPassed(LedgerTxn& txn, const std::string& ref, const SubjectRecord& record,
                            Days today, const Settings& settings) {
  std::vector<CaseState> cases;
  std::optional<Days> birth;
  for (const auto& case_id : record.cases) {  // oldest first: a later signal's birth date wins
    auto state = LoadCase(txn, case_id);
    if (!state.ok()) return state.status();
    auto given = SubjectOfSignals(txn, *state);
    if (!given.ok()) return given.status();
    if (given->birth_date) birth = given->birth_date;
    cases.push_back(std::move(*state));
  }
  if (RetentionDueOn(cases, birth, settings, today)) return Status::Ok();
  return RuleViolation("retention",
                       "the retention of subject " + ref +
                           " has not passed (docs/routekaart.md#retention: a case open or in "
                           "aftercare, or a period still running); rmc retention lists who is "
                           "due, and an erasure on request takes grondslag avg-art17");
}

// The next free case number from meta next_case: a case id given by a caller may have taken it.
Result<uint64_t> NextCaseNumber(LedgerTxn& txn) {
  auto next = txn.Meta("next_case");
  if (!next.ok()) return next.status();
  for (uint64_t n = *next ? ReadU64(**next) : 1;; ++n) {
    auto taken = txn.Case(CaseIdFor(n));
    if (!taken.ok()) return taken.status();
    if (!*taken) return n;
  }
}

// A signal's or an erasure's case: found through the subject the command names.
Status ResolveBySubject(LedgerTxn& txn, const Command& c, Days business_day, Days today,
                        const Settings& settings, CaseTarget& t) {
  const bool is_forget = c.kind == P::SUBJECT_ERASED;
  auto data = c.payload->getRoot<schema::Payload>().asReader();
  const std::string ref = is_forget ? data.getSubjectErased().getSubject().cStr()
                                    : data.getSignalReceived().getSubject().getRef().cStr();
  t.subject_id = txn.SubjectId(ref);
  auto record = txn.Subject(t.subject_id);
  if (!record.ok()) return record.status();
  t.subject_record = *record;
  const SubjectRecord* r = t.subject_record ? &*t.subject_record : nullptr;
  if (r && r->erased && is_forget && !r->cases.empty() && txn.HoldsKey(t.subject_id)) {
    t.erasure_left = true;
    t.case_id = r->cases.back();
    return Status::Ok();
  }
  if (r && r->erased)
    return Status(Code::kSubjectErased, "the personal data of subject " + ref +
                                            " was erased; nothing more can be recorded about them");
  if (is_forget) {
    if (!r || r->cases.empty()) return Status(Code::kUnknownCase, "no subject " + ref + " in this ledger");
    t.case_id = r->cases.back();
    if (data.getSubjectErased().getGrondslag() == schema::ErasureGround::BEWAARTERMIJN)
      return CheckRetentionPassed(txn, ref, *r, today, settings);
    return Status::Ok();
  }
  if (!r || r->cases.empty()) {
    t.new_case = true;
    return Status::Ok();
  }
  auto current = LoadCase(txn, r->cases.back());
  if (!current.ok()) return current.status();
  t.new_case = SignalOpensNewCase(*current, business_day);
  if (!t.case_id.empty() && t.case_id != r->cases.back() && !t.new_case)
    return InvalidInput("case: subject " + ref + " belongs to case " + r->cases.back() + ", not " +
                        t.case_id);
  if (!t.new_case) t.case_id = r->cases.back(), t.state = std::move(*current);
  return Status::Ok();
}

}  // namespace

std::string CaseIdFor(uint64_t n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "RMC-%06llu", static_cast<unsigned long long>(n));
  return buf;
}

Result<CaseState> LoadCase(const LedgerTxn& txn, std::string_view case_id) {
  auto state = txn.Case(case_id);
  if (!state.ok()) return state.status();
  if (!*state) return Status(Code::kUnknownCase, "no case " + std::string(case_id));
  return std::move(**state);
}

Result<std::string> CurrentCaseOf(LedgerTxn& txn, const std::string& ref, Days today,
                                  const Settings* in_view) {
  auto record = txn.Subject(txn.SubjectId(ref));
  if (!record.ok()) return record.status();
  if (!*record || (*record)->cases.empty())
    return Status(Code::kUnknownCase, "no case for subject " + ref);
  if ((*record)->erased)
    return Status(Code::kSubjectErased, "the personal data of subject " + ref +
                                            " was erased; their case is no longer found by ref");
  const std::string& id = (*record)->cases.back();
  auto state = LoadCase(txn, id);
  if (!state.ok()) return state.status();
  if (in_view && KeepsInView(*state)) {
    auto subject = SubjectOfSignals(txn, *state);
    if (!subject.ok()) return subject.status();
    if (InView(*state, *in_view, today, DeadlineFacts{subject->birth_date})) return id;
  }
  if (EffectiveStatus(*state, today) == CaseStatus::kAfgesloten)
    return Status(Code::kUnknownCase,
                  "subject " + ref + " has no open case or case in aftercare (last: " + id + ")");
  return id;
}

Result<SignalledSubject> SubjectOfSignals(LedgerTxn& txn, const CaseState& state) {
  SignalledSubject subject;
  for (uint64_t p : state.signals) {
    auto view = txn.Event(p);
    if (!view.ok()) return view.status();
    if (!*view) continue;
    auto e = (*view)->event();
    if ((!e.hasSealed() && !e.hasSealedReason()) || !e.hasSubject()) continue;
    auto key = txn.Key(Bytes(e.getSubject()));
    if (!key.ok()) return key.status();
    if (!*key) continue;  // erased
    auto personal = OpenSealed(**key, e);
    if (!personal.ok()) return personal.status();
    if (!personal->payload) continue;
    auto payload = personal->payload->getRoot<schema::Payload>();
    if (!payload.isSignalReceived()) continue;
    auto given = payload.getSignalReceived().getSubject();
    if (given.hasRef()) subject.ref = given.getRef();
    if (given.hasBirthDate()) subject.birth_date = given.getBirthDate().getDays();
  }
  return subject;
}

Result<CaseTarget> ResolveCase(LedgerTxn& txn, const Command& c, Days business_day, Days today,
                               const Settings& settings) {
  CaseTarget t;
  t.case_id = c.case_id;
  if (c.kind == P::SIGNAL_RECEIVED || c.kind == P::SUBJECT_ERASED) {
    if (auto s = ResolveBySubject(txn, c, business_day, today, settings, t); !s.ok()) return s;
    if (t.erasure_left) return t;
    if (t.new_case && !t.case_id.empty()) {
      auto existing = txn.Case(t.case_id);
      if (!existing.ok()) return existing.status();
      if (*existing) return InvalidInput("case: " + t.case_id + " belongs to another subject");
    }
  } else {
    if (t.case_id.empty() && !c.subject_ref.empty()) {
      // A youth kept in view after their case closed is still contacted and noted on it.
      const bool keeps_in_view = c.kind == P::CONTACT_ATTEMPTED || c.kind == P::NOTE_ADDED;
      auto id = CurrentCaseOf(txn, c.subject_ref, business_day, keeps_in_view ? &settings : nullptr);
      if (!id.ok()) return id.status();
      t.case_id = *id;
    }
    if (t.case_id.empty()) return InvalidInput("case: missing; name the case (or the subject)");
  }
  if (t.new_case) {
    if (t.case_id.empty()) {
      auto n = NextCaseNumber(txn);
      if (!n.ok()) return n.status();
      t.case_id = CaseIdFor(*n);
      t.next_case = *n + 1;
    }
    t.state.case_id = t.case_id;
  } else if (t.state.case_id.empty()) {
    auto loaded = LoadCase(txn, t.case_id);
    if (!loaded.ok()) return loaded.status();
    t.state = std::move(*loaded);
  }
  if (t.subject_id.empty()) t.subject_id = t.state.subject;
  return t;
}

}  // namespace rmc
