#include "replay/replay.h"

#include <algorithm>
#include <map>

#include "domain/fold.h"
#include "privacy/erased_subjects.h"
#include "store/store_case_history.h"
#include "replay/view_diff.h"
#include "views/event_json.h"

namespace rmc {
namespace {

using P = schema::Payload;

DecisionKind DecisionOf(schema::Event::Reader e) {
  switch (e.getPayload().which()) {
    case P::TRIAGED: return DecisionKind::kTriage;
    case P::PLAN_MADE: return DecisionKind::kPlan;
    case P::PLAN_REVISED: return DecisionKind::kPlanRevision;
    case P::CASE_CLOSED: return DecisionKind::kClosing;
    case P::STEP_DEVIATED: return DecisionKind::kDeviation;
    case P::EVENT_CORRECTED: return DecisionKind::kCorrection;
    default: return e.getOverrides().size() ? DecisionKind::kDeviation : DecisionKind::kNone;
  }
}

// What was on record just before a decision, in the view of the state before it at the
// decision's own time: the minimal information items (§1.2), the contact attempts so far, the
// latest assessment, the consent in place and the deadlines still open, overdue or not.
Json KnownBefore(const Json& view, const Json& assessment) {
  Json open = Json::array();
  for (const auto& d : view["deadlines"])
    if (!d.value("met", false)) open.push_back(d);
  return {{"step", view["step"]},
          {"target_group", view["target_group"]},
          {"info_items", view["info_completeness"]},
          {"contacts", view["contacts"]},
          {"assessment", assessment},
          {"consent", view["consent"]},
          {"deadlines", open}};
}

// The correction's fields, each with the value it replaced (the target as recorded, with the
// corrections before this one) and the value it set.
Json CorrectionJson(const Json& event, const std::map<uint64_t, Json>& data_of) {
  const Json& data = event["data"];
  const uint64_t target = data.value("target", uint64_t(0));
  auto original = data_of.find(target);
  Json fields = Json::array();
  for (const auto& name : data.value("fields", Json::array())) {
    const std::string field = name.get<std::string>();
    Json before = original != data_of.end() && original->second.contains(field)
                      ? original->second[field] : Json(nullptr);
    const Json& corrected = data.value("corrected", Json::object());
    Json after = corrected.contains(field) ? corrected[field] : Json(nullptr);
    fields.push_back({{"field", field}, {"original", before}, {"corrected", after}});
  }
  Json j = {{"target", target}, {"fields", fields}};
  if (event.contains("reason")) j["reason"] = event["reason"];
  return j;
}

// The target's data as corrections leave it, for the next correction of it.
void ApplyCorrection(const Json& event, std::map<uint64_t, Json>& data_of) {
  const Json& data = event["data"];
  auto target = data_of.find(data.value("target", uint64_t(0)));
  if (target == data_of.end()) return;
  const Json& corrected = data.value("corrected", Json::object());
  for (const auto& name : data.value("fields", Json::array())) {
    const std::string field = name.get<std::string>();
    target->second[field] = corrected.contains(field) ? corrected[field] : Json(nullptr);
  }
}

// Positions as the replay shows them: global, or, pseudonymised, numbered within the case.
class Numbering {
 public:
  Numbering(const std::vector<uint64_t>& positions, bool local) : local_(local) {
    for (size_t i = 0; i < positions.size(); ++i) ordinal_[positions[i]] = i + 1;
  }
  Json operator()(uint64_t position) const {
    if (!local_) return position;
    auto it = ordinal_.find(position);
    return it == ordinal_.end() ? Json(nullptr) : Json(it->second);
  }
  Json operator()(const std::vector<uint64_t>& positions) const {
    Json out = Json::array();
    for (uint64_t p : positions) out.push_back((*this)(p));
    return out;
  }
  // Every position in `j`, at any depth (event JSON, views, their changes): the numbers under
  // "position" and "target", the list under "corrections", and the values of a change of the
  // view's "corrections" (ViewChanges: {field, added, removed}).
  void Renumber(Json& j) const {
    if (!local_) return;
    if (j.is_array()) {
      for (auto& v : j) Renumber(v);
      return;
    }
    if (!j.is_object()) return;
    const bool positions = j.contains("field") && j["field"] == "corrections";
    for (auto& [key, v] : j.items()) {
      if ((key == "position" || key == "target") && v.is_number_unsigned())
        v = (*this)(v.get<uint64_t>());
      else if (key == "corrections" || (positions && (key == "added" || key == "removed")))
        RenumberList(v);
      else
        Renumber(v);
    }
  }

 private:
  void RenumberList(Json& list) const {
    if (!list.is_array()) return Renumber(list);
    for (auto& v : list)
      if (v.is_number_unsigned()) v = (*this)(v.get<uint64_t>());
  }

  bool local_;
  std::map<uint64_t, uint64_t> ordinal_;
};

}  // namespace

const char* DecisionName(DecisionKind kind) {
  switch (kind) {
    case DecisionKind::kNone: return "";
    case DecisionKind::kTriage: return "triage";
    case DecisionKind::kPlan: return "plan";
    case DecisionKind::kPlanRevision: return "plan_revision";
    case DecisionKind::kClosing: return "closing";
    case DecisionKind::kDeviation: return "deviation";
    case DecisionKind::kCorrection: return "correction";
  }
  return "";
}

// Long on purpose: one walk over the case's events that keeps the fold, the views on either
// side of each event and the data corrections refer to in step with each other.
Result<CaseReplay> ReplayCase(Ledger& ledger, StoreTxn& txn, const ReadSession& session,
                              const ReplayRequest& request) {
  auto positions = txn.CasePositions(request.case_id);
  if (!positions.ok()) return positions.status();
  KJ_REQUIRE((request.pseudonymous != nullptr) == session.pseudonymize(),
             "a pseudonymised replay renders with the case's form");
  const RenderOptions render = session.render(request.pseudonymous);
  const ViewOptions shown{request.pseudonymous, 0};
  const Numbering number(*positions, request.pseudonymous != nullptr);
  // Pseudonymised, the events are numbered within the case, and a point asked for is one of
  // those numbers: the reader never sees a global position.
  AsOf as_of = request.as_of;
  if (request.pseudonymous && as_of.position != UINT64_MAX)
    as_of.position = as_of.position == 0 || positions->empty() ? 0
                     : (*positions)[std::min<uint64_t>(as_of.position, positions->size()) - 1];
  CaseReplay replay;
  replay.case_id = request.case_id;
  CaseState state;
  // A correction folds the case again from the events this replay sees.
  StoreCaseHistory history(txn, [&](schema::Event::Reader e) {
    return e.getRecordedAt() <= as_of.recorded;
  });
  Json before = Json::object();
  Json assessment = nullptr;           // the data of the latest assessment so far
  uint64_t assessment_at = 0;
  std::map<uint64_t, Json> data_of;    // each event's data as corrections leave it
  Nanos last_recorded = 0;
  for (uint64_t p : *positions) {
    if (p > as_of.position) break;
    auto view = txn.Event(p);
    if (!view.ok()) return view.status();
    if (!*view) return LedgerError("case_events points to a missing event at " + std::to_string(p));
    auto e = (*view)->event();
    if (e.getRecordedAt() > as_of.recorded) continue;  // the clock may have gone back
    const Days day = LocalDate(e.getRecordedAt());
    ReplayEntry entry;
    entry.position = p;
    entry.number = number(p);
    entry.decision = DecisionOf(e);
    auto personal = session.Unseal(ledger, e);
    if (!personal.ok()) return personal.status();
    entry.event = EventToJson(e, *personal ? &**personal : nullptr, render,
                              IsErasedSubject(ledger.unsealer(), e));
    if (entry.decision != DecisionKind::kNone) {
      auto known = CaseView(ledger, txn, state, {shown.pseudonymous, day, p - 1, as_of.recorded});
      if (!known.ok()) return known.status();
      entry.known_before = state.version ? KnownBefore(*known, assessment) : Json(nullptr);
    }
    if (auto s = Apply(state, e, history); !s.ok()) return s;
    auto after = CaseView(ledger, txn, state, {shown.pseudonymous, day, p, as_of.recorded});
    if (!after.ok()) return after.status();
    entry.changes = ViewChanges(before, *after);
    entry.step = state.step;
    entry.phase = PhaseOf(state.step);
    const Days occurred = LocalDate(e.getOccurredAt());
    entry.late_days = day > occurred ? int(day - occurred) : 0;
    entry.late = entry.late_days >= kLateEntryDays;
    std::vector<uint64_t> deviations;
    for (const auto& d : state.deviations) deviations.push_back(d.position);
    entry.deviations = number(deviations);
    entry.corrections = number(state.corrections);
    const Json& data = entry.event["data"];
    if (entry.decision == DecisionKind::kCorrection) {
      entry.correction = CorrectionJson(entry.event, data_of);
      ApplyCorrection(entry.event, data_of);
      if (data.value("target", uint64_t(0)) == assessment_at) assessment = data_of[assessment_at];
    }
    data_of[p] = data;
    if (e.getPayload().isAssessmentRecorded()) {
      assessment = data;
      assessment_at = p;
    }
    number.Renumber(entry.event);
    number.Renumber(entry.changes);
    number.Renumber(entry.known_before);
    number.Renumber(entry.correction);
    before = std::move(*after);
    last_recorded = e.getRecordedAt();
    replay.entries.push_back(std::move(entry));
  }
  if (replay.entries.empty())
    return Status(Code::kUnknownCase, "no case " + request.case_id +
                                          (positions->empty() ? "" : " at that point"));
  replay.subject = state.subject;
  replay.until = as_of.recorded != INT64_MAX ? as_of.recorded
                 : as_of.position != UINT64_MAX ? last_recorded
                                                        : request.now;
  replay.until_shown = request.pseudonymous
                          ? Json(request.pseudonymous->TimeDayNumber(replay.until))
                          : Json(FormatTime(replay.until));
  if (LocalDate(replay.until) == LocalDate(last_recorded)) {
    replay.view = std::move(before);
  } else {
    auto view = CaseView(ledger, txn, state,
                         {shown.pseudonymous, LocalDate(replay.until), as_of.position, as_of.recorded});
    if (!view.ok()) return view.status();
    replay.view = std::move(*view);
  }
  number.Renumber(replay.view);
  return replay;
}

Json ReplayJson(const CaseReplay& replay, bool decisions_only) {
  Json events = Json::array();
  for (const auto& entry : replay.entries) {
    if (decisions_only && entry.decision == DecisionKind::kNone) continue;
    const Json& e = entry.event;
    Json j = {{"position", entry.number},
              {"version", e["version"]},
              {"type", e["type"]},
              {"occurred_at", e["occurred_at"]},
              {"recorded_at", e["recorded_at"]},
              {"actor", e["actor"]},
              {"role", e["role"]}};
    if (e.contains("reason")) j["reason"] = e["reason"];
    if (e.contains("overrides")) j["overrides"] = e["overrides"];
    j["data"] = e["data"];
    j["late"] = entry.late;
    if (entry.late) j["late_days"] = entry.late_days;
    j["step"] = entry.step;
    j["phase"] = entry.phase;
    j["decision"] = entry.decision == DecisionKind::kNone ? Json(nullptr)
                                                          : Json(DecisionName(entry.decision));
    if (!entry.correction.is_null()) j["correction"] = entry.correction;
    if (entry.decision != DecisionKind::kNone) j["known_before"] = entry.known_before;
    if (!decisions_only) {
      j["changes"] = entry.changes;
      j["deviations"] = entry.deviations;
      j["corrections"] = entry.corrections;
    }
    events.push_back(std::move(j));
  }
  Json out = {{"case", replay.case_id}, {"until", replay.until_shown}};
  out[decisions_only ? "decisions" : "events"] = std::move(events);
  out["view"] = replay.view;
  return out;
}

}  // namespace rmc
