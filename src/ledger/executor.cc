#include "ledger/executor.h"

#include <algorithm>
#include <charconv>

#include "base/hex.h"
#include "codec/bytes.h"
#include "codec/message_sizes.h"
#include "codec/schema_info.h"
#include "domain/correction.h"
#include "domain/decide.h"
#include "domain/fold.h"
#include "domain/permissions.h"
#include "ledger/event_builder.h"
#include "ledger/ledger_case_history.h"
#include "privacy/event_sealing.h"
#include "privacy/personal_value_in.h"
#include "privacy/sealing.h"

namespace rmc {
namespace {

using P = schema::Payload;

// Recording is a consulent's or coordinator's; an erasure needs its own permission, which
// depends on its ground.
Status PermitCommand(const Command& c) {
  if (auto s = Permit(c.role, Action::kRecord); !s.ok()) return s;
  if (c.kind != P::SUBJECT_ERASED) return Status::Ok();
  const bool on_retention = c.payload->getRoot<P>().asReader().getSubjectErased().getGrondslag() ==
                            schema::ErasureGround::BEWAARTERMIJN;
  return Permit(c.role, on_retention ? Action::kForgetOnRetention : Action::kForget);
}

// The clock and the command's business time; invalid_input when that lies ahead.
Result<CommandTime> TimeOf(const Command& c) {
  auto now = Now();
  if (!now.ok()) return now.status();
  CommandTime t;
  t.now = now->ns;
  t.occurred = c.occurred_at.value_or(*now);
  t.today = LocalDate(now->ns);
  if (t.occurred.is_date ? LocalDate(t.occurred.ns) > t.today : t.occurred.ns > now->ns)
    return InvalidInput("occurred_at: " + FormatTimePoint(t.occurred) +
                        " lies in the future; business time may lie in the past, not ahead");
  t.business_day = LocalDate(t.occurred.ns);
  return t;
}

// Why a command for an erased subject is refused: what its events would hold about them (the
// personal fields of every event, and a reason). Empty when they would hold nothing personal.
std::string ErasedRefusal(const std::vector<Draft>& drafts, bool sealed_reason) {
  std::vector<std::string> fields;
  for (const auto& draft : drafts)
    for (auto& path : PersonalFieldPaths(
             capnp::toDynamic(draft.payload->getRoot<schema::Payload>().asReader())))
      if (std::find(fields.begin(), fields.end(), path) == fields.end()) fields.push_back(path);
  std::string what;
  if (!fields.empty()) {
    what = "personal data (";
    for (size_t i = 0; i < fields.size(); ++i) what += (i ? ", " : "") + fields[i];
    what += ")";
  }
  if (sealed_reason)
    what += std::string(what.empty() ? "" : " and ") + "a reason (free text about them)";
  if (what.empty()) return "";
  return "the subject's personal data was erased; nothing personal about them can be recorded "
         "any more, and this command holds " + what;
}

// A youth whose data was erased gets no more events that hold something personal (the ledger
// could not seal it); events without it (a closing, an evaluation) are still recorded.
Status CheckNotErased(LedgerTxn& txn, const Command& c, const CaseTarget& target,
                      const std::vector<Draft>& drafts) {
  if (c.kind == P::SIGNAL_RECEIVED || target.subject_id.empty()) return Status::Ok();
  auto key = txn.Key(target.subject_id);
  if (!key.ok() || *key) return Status::Ok();  // a damaged key is the sealing's to report
  // (An erasure of an erased youth never gets here: ResolveCase refuses it, or completes it.)
  const bool sealed_reason = !c.reason.empty() && c.kind != P::SUBJECT_ERASED;
  if (auto refusal = ErasedRefusal(drafts, sealed_reason); !refusal.empty())
    return Status(Code::kSubjectErased, refusal);
  return Status::Ok();
}

// The youth's own personal values as their signals (and corrections of them) hold them,
// opened with `key`.
void AddYouthValues(P::Reader p, YouthValues& v) {
  if (p.isEventCorrected()) return AddYouthValues(p.getEventCorrected().getCorrected(), v);
  if (!p.isSignalReceived()) return;
  auto s = p.getSignalReceived().getSubject();
  if (s.hasRef()) v.refs.emplace_back(s.getRef().cStr());
  if (s.hasName()) v.names.emplace_back(s.getName().cStr());
  if (s.hasBirthDate()) v.birth_dates.push_back(s.getBirthDate().getDays());
  if (s.hasAddress()) v.addresses.emplace_back(s.getAddress().cStr());
  if (s.hasPhone()) v.phones.emplace_back(s.getPhone().cStr());
  if (s.hasEmail()) v.emails.emplace_back(s.getEmail().cStr());
}

// An erasure's reason stays readable after the erasure, so it may hold none of the youth's
// personal values: invalid_input naming the kind of value, never the value.
Status CheckErasureReason(LedgerTxn& txn, const Command& c, const CaseTarget& target) {
  if (c.kind != P::SUBJECT_ERASED || c.reason.empty() || target.subject_id.empty())
    return Status::Ok();
  YouthValues values;
  values.refs.emplace_back(c.payload->getRoot<P>().asReader().getSubjectErased().getSubject().cStr());
  auto key = txn.Key(target.subject_id);
  if (!key.ok()) return key.status();
  auto subject = txn.Subject(target.subject_id);
  if (!subject.ok()) return subject.status();
  if (*key && *subject) {
    for (const auto& case_id : (*subject)->cases) {
      auto positions = txn.CasePositions(case_id);
      if (!positions.ok()) return positions.status();
      for (uint64_t position : *positions) {
        auto view = txn.Event(position);
        if (!view.ok()) return view.status();
        if (!*view || !(*view)->event().hasSealed()) continue;
        auto opened = OpenSealed(**key, (*view)->event());
        if (!opened.ok()) return opened.status();
        if (opened->payload) AddYouthValues(opened->payload->getRoot<P>(), values);
      }
    }
  }
  if (auto field = PersonalValueIn(c.reason, values))
    return InvalidInput("reason: holds the youth's " + *field +
                        "; an erasure's reason stays readable after their data is erased, so it "
                        "may hold none of it: give the ground, the request and its date");
  return Status::Ok();
}

// The position of the case's event that `target` names (a position, or an event id in hex);
// 0 when the case has no such event.
Result<uint64_t> CorrectionTarget(LedgerTxn& txn, std::string_view target, const CaseState& state) {
  uint64_t position = 0;
  if (target.find_first_not_of("0123456789") == std::string::npos) {
    auto [end, ec] = std::from_chars(target.data(), target.data() + target.size(), position);
    if (ec != std::errc()) return 0;  // too large: no such event
  } else {
    auto positions = txn.CasePositions(state.case_id);
    if (!positions.ok()) return positions.status();
    for (uint64_t p : *positions) {
      auto view = txn.Event(p);
      if (view.ok() && *view && Hex((*view)->event().getEventId()) == target) position = p;
    }
  }
  if (!position) return 0;
  auto view = txn.Event(position);
  if (!view.ok()) return view.status();
  if (!*view || std::string_view((*view)->event().getCaseId().cStr()) != state.case_id) return 0;
  return position;
}

// The personal part `e` sealed, opened with `key`: an empty Payload when it sealed nothing.
Result<std::optional<Unsealed>> Opened(const SubjectKey& key, schema::Event::Reader e) {
  if (!e.hasSealed()) return std::optional<Unsealed>();
  auto opened = OpenSealed(key, e);
  if (!opened.ok()) return opened.status();
  return std::optional<Unsealed>(std::move(*opened));
}

P::Reader PersonalOf(const std::optional<Unsealed>& opened) {
  return opened && opened->payload ? opened->payload->getRoot<P>() : P::Reader();
}

// The event `e` at `position` as its case (`state`) holds it now (domain/correction.h), its
// sealed parts and those of its corrections opened; nothing when the youth's key is gone. Reads
// the case's corrections: `e` is not valid after this.
Result<std::unique_ptr<CorrectedTarget>> CurrentTarget(LedgerTxn& txn, const CaseState& state,
                                                       uint64_t position, schema::Event::Reader e) {
  auto key = txn.Key(Bytes(e.getSubject()));
  if (!key.ok()) return key.status();
  if (!*key) return std::unique_ptr<CorrectedTarget>();
  auto opened = Opened(**key, e);
  if (!opened.ok()) return opened.status();
  auto current = std::make_unique<CorrectedTarget>(e.getPayload(), PersonalOf(*opened));
  for (uint64_t p : state.corrections) {
    auto view = txn.Event(p);
    if (!view.ok()) return view.status();
    if (!*view) return LedgerError("the case index points past the log");
    auto later = (*view)->event();
    if (!later.getPayload().isEventCorrected() || later.getPayload().getEventCorrected().getTarget() != position)
      continue;
    auto its = Opened(**key, later);
    if (!its.ok()) return its.status();
    current->Merge(later.getPayload().getEventCorrected(), PersonalOf(*its));
  }
  return current;
}

}  // namespace

Result<Executor::Plan> Executor::Prepare(Command& c, Outcome& out) {
  if (auto s = PermitCommand(c); !s.ok()) return s;
  auto previous = txn_.Command(c.id);
  if (!previous.ok()) return previous.status();
  if (*previous) return Repeat(c, **previous, out);

  auto time = TimeOf(c);
  if (!time.ok()) return time.status();
  auto target = ResolveCase(txn_, c, time->business_day, time->today, settings_);
  if (!target.ok()) return target.status();
  Plan plan{c.id, c.hash, std::move(*target), {}, {}, std::nullopt};
  if (plan.target.erasure_left) {  // complete the erasure; nothing more to record
    out.case_id = plan.target.case_id;
    plan.erase_key = plan.target.subject_id;
    return plan;
  }
  const CaseState& state = plan.target.state;
  if (c.expected_version && *c.expected_version != state.version)
    return Status(Code::kVersionConflict, "case " + plan.target.case_id + " is at version " +
                                              std::to_string(state.version) + ", not " +
                                              std::to_string(*c.expected_version));

  auto drafts = DecideDrafts(c, plan.target, time->business_day);
  if (!drafts.ok()) return drafts.status();
  if (auto s = CheckNotErased(txn_, c, plan.target, *drafts); !s.ok()) return s;
  if (auto s = CheckErasureReason(txn_, c, plan.target); !s.ok()) return s;
  c.trace.caller = RecordedCaller(c.trace, settings_.ldv_caller, settings_.region);
  auto built = BuildCaseEvents(txn_, activities_, c, plan.target, *drafts, *time);
  if (!built.ok()) return built.status();
  plan.events = std::move(built->messages);
  plan.event_types = std::move(built->types);
  if (c.kind == P::SUBJECT_ERASED) plan.erase_key = plan.target.subject_id;
  return plan;
}

Status Executor::Record(Plan& plan, Outcome& out) {
  CaseTarget& t = plan.target;
  if (plan.events.empty())  // a repeat, or an erasure left to complete
    return plan.erase_key ? txn_.EraseKey(*plan.erase_key) : Status::Ok();
  if (t.next_case)
    if (auto s = txn_.PutMeta("next_case", U64Key(*t.next_case)); !s.ok()) return s;
  uint64_t first = 0;
  LedgerCaseHistory history(txn_);  // read only when a correction folds the case again
  for (auto& message : plan.events) {
    auto e = message->getRoot<schema::Event>();
    Link(e, txn_);
    auto position = txn_.Append(*message, t.case_id, e.getVersion());
    if (!position.ok()) return position.status();
    if (!first) first = *position;
    if (auto s = Apply(t.state, e.asReader(), history); !s.ok()) return s;
    out.position = *position;
  }
  out.events = std::move(plan.event_types);
  out.case_id = t.case_id;
  out.version = t.state.version;

  if (auto s = txn_.PutCase(t.state); !s.ok()) return s;
  if (t.new_case || plan.erase_key) {
    SubjectRecord record = t.subject_record.value_or(SubjectRecord());
    if (t.new_case) record.cases.push_back(t.case_id);
    if (plan.erase_key) {
      record.erased = true;
      if (auto s = txn_.EraseKey(*plan.erase_key); !s.ok()) return s;
    }
    if (auto s = txn_.PutSubject(t.subject_id, record); !s.ok()) return s;
  }
  return txn_.PutCommand(plan.command_id, CommandRecord{first, out.position, plan.command_hash});
}

// A command id seen before answers as its first run did, and records nothing; with other
// content it is refused. A repeated erasure whose key an earlier version failed to delete
// completes the deletion.
Result<Executor::Plan> Executor::Repeat(const Command& c, const CommandRecord& record, Outcome& out) {
  if (record.hash != c.hash)
    return Status(Code::kDuplicateConflict,
                  "command id " + c.id + " was used before for a command with other content");
  Plan plan;
  if (c.kind == P::SUBJECT_ERASED) {
    const std::string subject =
        txn_.SubjectId(c.payload->getRoot<P>().asReader().getSubjectErased().getSubject().cStr());
    if (txn_.HoldsKey(subject)) plan.erase_key = subject;
  }
  out.duplicate = true;
  out.position = record.last;
  for (uint64_t p = record.first; p <= record.last; ++p) {
    auto view = txn_.Event(p);
    if (!view.ok()) return view.status();
    if (!*view) return LedgerError("command index points past the log");
    auto e = (*view)->event();
    out.case_id = e.getCaseId();
    out.version = e.getVersion();
    out.events.push_back(EventType(e));
  }
  return plan;
}

Result<std::vector<Draft>> Executor::DecideDrafts(Command& c, const CaseTarget& target, Days day) {
  std::vector<Draft> drafts;
  if (c.kind == P::EVENT_CORRECTED) {
    auto correction = DecideCorrectionOf(c, target.state);
    if (!correction.ok()) return correction.status();
    drafts.push_back(std::move(*correction));
    return drafts;
  }
  Facts facts;
  facts.today = day;
  facts.settings = &settings_;
  facts.new_case = target.new_case;
  if (c.kind == P::TRIAGED) {  // the age at triage decides the target group
    auto subject = SubjectOfSignals(txn_, target.state);
    if (!subject.ok()) return subject.status();
    facts.birth_date = subject->birth_date;
  }
  auto payload = std::make_unique<capnp::MallocMessageBuilder>(kPayloadWords);
  payload->setRoot(c.data());
  return Decide(target.state, c, std::move(payload), facts);
}

Result<Draft> Executor::DecideCorrectionOf(const Command& c, const CaseState& state) {
  auto position = CorrectionTarget(txn_, c.correct_target, state);
  if (!position.ok()) return position.status();
  if (!*position)
    return InvalidInput("data.event: " + c.correct_target + " is no event of case " + state.case_id);
  auto view = txn_.Event(*position);
  if (!view.ok()) return view.status();
  auto e = (*view)->event();
  // The event as the case holds it now (its earlier corrections merged): a signal's or review's
  // §1.2 items are derived from it, and the corrected event must still hold what a command does.
  capnp::MallocMessageBuilder stored(kPayloadWords);
  stored.setRoot(e.getPayload());
  auto current = CurrentTarget(txn_, state, *position, e);
  if (!current.ok()) return current.status();
  std::optional<schema::Payload::Reader> now;
  if (*current) now = (*current)->payload();
  const bool items = e.getPayload().isSignalReceived() || e.getPayload().isDossierReviewed();
  auto draft = DecideCorrection(stored.getRoot<P>().asReader(), items ? now : std::nullopt,
                                *position, *c.corrected);
  if (!draft.ok()) return draft;
  capnp::MallocMessageBuilder merged(kPayloadWords);
  merged.setRoot(now ? *now : stored.getRoot<P>().asReader());
  MergeCorrection(merged.getRoot<P>(), draft->root().getEventCorrected().asReader());
  Facts facts;
  facts.today = LocalDate(e.getOccurredAt());  // consent is asked for the day it was shared
  facts.settings = &settings_;
  if (auto s = CheckCorrected(state, merged.getRoot<P>().asReader(), facts); !s.ok()) return s;
  return draft;
}

}  // namespace rmc
