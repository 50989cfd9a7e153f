#include "views/case_view.h"

#include <algorithm>
#include <map>
#include <set>

#include "codec/schema_info.h"
#include "domain/deadlines.h"
#include "domain/routing.h"
#include "domain/state_codec.h"
#include "store/store.h"
#include "views/event_json.h"

namespace rmc {
namespace {

template <typename E>
Json EnumJson(int value) {
  if (value < 0) return nullptr;
  auto schema = capnp::Schema::from<E>();
  auto list = schema.getEnumerants();
  if (uint32_t(value) >= list.size()) return value;
  return schema_info::EnumCode(list[value]);
}

// Whether the case `id` was opened by the view's point (ViewOptions::until_*): its first signal.
Result<bool> OpenedBy(StoreTxn& txn, const std::string& id, const ViewOptions& o) {
  auto bytes = txn.Case(id);
  if (!bytes.ok()) return bytes.status();
  if (!*bytes) return false;
  auto state = DecodeCaseState(**bytes);
  if (!state.ok()) return state.status();
  if (state->signals.empty()) return false;
  const uint64_t first = state->signals.front();
  if (first > o.until_position) return false;
  if (o.until_recorded == INT64_MAX) return true;
  auto view = txn.Event(first);
  if (!view.ok()) return view.status();
  return *view && (*view)->event().getRecordedAt() <= o.until_recorded;
}

// The youth's cases as the view knows them: the earlier ones into `previous`, so that measures
// already tried are not tried again (§3.2), and whether this case is the latest (only that
// keeps them in view) into `facts`.
Status YouthsCases(StoreTxn& txn, const CaseState& s, const ViewOptions& o, Json& previous,
                   DeadlineFacts& facts) {
  auto record = txn.Subject(s.subject);
  if (!record.ok()) return record.status();
  if (!*record) return Status::Ok();
  const auto& cases = (*record)->cases;
  auto here = std::find(cases.begin(), cases.end(), s.case_id);
  for (auto it = cases.begin(); it != here; ++it) previous.push_back(*it);
  facts.latest_case = here != cases.end();
  if (here != cases.end() && here + 1 != cases.end()) {
    auto known = OpenedBy(txn, *(here + 1), o);
    if (!known.ok()) return known.status();
    facts.latest_case = !*known;
  }
  return Status::Ok();
}

}  // namespace

// Long on purpose: the view's fields in the order they are shown, one short block each.
Result<Json> CaseView(Ledger& ledger, StoreTxn& txn, const CaseState& s, const ViewOptions& o) {
  using S = CaseState;
  const bool erased = !s.subject.empty() && ledger.IsErased(s.subject);
  const PseudonymRules* pseudonymous = o.pseudonymous;
  const RenderOptions render{PersonalFields::kReveal, pseudonymous};
  auto date = [&](Days day) {
    return pseudonymous ? Json(pseudonymous->DayNumber(day)) : Json(FormatDate(day));
  };
  auto time = [&](Nanos t) {
    return pseudonymous ? Json(pseudonymous->TimeDayNumber(t)) : Json(FormatTime(t));
  };
  auto name = [&](const std::string& n) {
    return pseudonymous ? Json(pseudonymous->Pseudonym(n)) : Json(n);
  };

  // An event of the case as the view shows it, with what it unsealed.
  auto rendered = [&](uint64_t p, std::optional<Unsealed>& personal) -> Result<std::optional<Json>> {
    auto view = txn.Event(p);
    if (!view.ok()) return view.status();
    if (!*view) return std::optional<Json>();
    auto e = (*view)->event();
    if (!pseudonymous) {
      auto u = ledger.Unseal(e);
      if (!u.ok()) return u.status();
      personal = std::move(*u);
    }
    return std::optional<Json>(EventToJson(e, personal ? &*personal : nullptr, render, erased));
  };
  // The corrections of the signals, in order: a signal is shown as they left it.
  std::map<uint64_t, std::vector<Json>> corrections;
  const std::set<uint64_t> signal_positions(s.signals.begin(), s.signals.end());
  for (uint64_t c : s.corrections) {
    std::optional<Unsealed> personal;
    auto j = rendered(c, personal);
    if (!j.ok()) return j.status();
    if (!*j) continue;
    const uint64_t target = (**j)["data"].value("target", uint64_t(0));
    if (signal_positions.count(target)) corrections[target].push_back((**j)["data"]);
  }

  // Signals, and the subject merged from them (later signals add to earlier ones).
  Json signals = Json::array();
  Json subject = Json::object();
  std::optional<Days> birth;
  for (uint64_t p : s.signals) {
    std::optional<Unsealed> personal;
    auto j = rendered(p, personal);
    if (!j.ok()) return j.status();
    if (!*j) continue;
    Json data = (**j)["data"];
    for (const Json& fix : corrections[p]) {
      const Json& corrected = fix.value("corrected", Json::object());
      for (const auto& f : fix.value("fields", Json::array())) {
        const std::string field = f.get<std::string>();
        if (!corrected.contains(field)) data.erase(field);
        else if (field == "subject" && data.contains("subject") && corrected[field].is_object())
          for (auto& [k, v] : corrected[field].items()) data["subject"][k] = v;
        else data[field] = corrected[field];
      }
    }
    data["position"] = p;
    if (data.contains("subject"))
      for (auto& [k, v] : data["subject"].items()) subject[k] = v;
    if (personal && personal->payload) {
      auto sig = personal->payload->getRoot<schema::Payload>().getSignalReceived();
      if (sig.getSubject().hasBirthDate()) birth = sig.getSubject().getBirthDate().getDays();
    }
    if (!pseudonymous && data.contains("subject") && data["subject"].contains("birth_date"))
      if (auto day = ParseDate(data["subject"].value("birth_date", "")); day.ok()) birth = *day;
    data.erase("subject");
    signals.push_back(std::move(data));
  }
  if (pseudonymous) subject["ref"] = pseudonymous->Pseudonym(s.subject);
  if (erased) subject["erased"] = true;

  Json v;
  const CaseStatus status = EffectiveStatus(s, o.today);
  v["case"] = s.case_id;
  v["version"] = s.version;
  v["status"] = StatusName(status);
  v["phase"] = PhaseOf(s.step);
  v["phase_name"] = PhaseName(PhaseOf(s.step));
  v["step"] = s.step;
  Json done = Json::array();
  for (int i = 1; i <= 13; ++i)
    if (s.steps_done & (1u << i)) done.push_back(i);
  v["steps_done"] = done;
  v["step_name"] = StepName(s.step);
  int next = NextStep(s);
  v["next_step"] = next ? Json(next) : Json(nullptr);
  auto expected = ExpectedSteps(s);
  if (status == CaseStatus::kNazorg) expected.insert(11);  // aftercare_check, aftercare_end
  v["expected_steps"] = expected;
  v["target_group"] = EnumJson<schema::TargetGroup>(s.target_group);
  v["jikp_perspective"] = EnumJson<schema::JikpPerspective>(s.jikp_perspective);
  v["action_required"] = s.Has(S::kTriaged) ? Json(s.Has(S::kActionRequired)) : Json(nullptr);
  v["consulent"] = s.consulent.empty() ? Json(nullptr) : name(s.consulent);
  v["subject"] = subject;
  v["opened_at"] = time(s.opened_at);
  v["signals"] = signals;
  Json contacts = Json::array();
  for (const auto& c : s.contacts)
    contacts.push_back(Json{{"position", c.position},
                        {"date", date(c.day)},
                        {"channel", EnumJson<schema::ContactChannel>(c.channel)},
                        {"outcome", EnumJson<schema::ContactOutcome>(c.outcome)}});
  v["contacts"] = contacts;
  Json consents = Json::array();
  for (const auto& c : s.consents) {
    static const char* kinds[] = {"given", "refused", "withdrawn"};
    Json partners = Json::array();
    for (const auto& p : c.partners) partners.push_back(p != "*" ? name(p) : Json(p));
    Json j = {{"position", c.position}, {"kind", kinds[c.kind]}, {"date", date(c.day)},
              {"partners", partners}, {"categories", c.categories}};
    if (c.valid_until != kNoDay) j["valid_until"] = date(c.valid_until);
    consents.push_back(std::move(j));
  }
  v["consent"] = consents;
  Json deviations = Json::array();
  for (const auto& d : s.deviations) {
    // Gone with the key; redacted in the pseudonymised form, or not there when it keeps none.
    std::optional<std::string> text;
    const bool shown = !pseudonymous || pseudonymous->KeepsReasoning();
    if (shown && !d.reason.empty()) {
      text = d.reason;
    } else if (shown && !erased) {
      auto view = txn.Event(d.position);
      if (!view.ok()) return view.status();
      if (*view) {
        auto u = ledger.Unseal((*view)->event());
        if (!u.ok()) return u.status();
        if (*u && (*u)->reason) text = *(*u)->reason;
      }
    }
    if (text && pseudonymous) text = pseudonymous->Reasoning(*text);
    const Json reason = text ? Json(*text) : Json(nullptr);
    Json j = {{"position", d.position},
              {"rule", d.rule},
              {"from_step", d.from_step ? Json(d.from_step) : Json(nullptr)},
              {"to_step", d.to_step ? Json(d.to_step) : Json(nullptr)},
              {"reason", reason},
              {"actor", name(d.actor)},
              {"at", time(d.at)}};
    deviations.push_back(std::move(j));
  }
  v["deviations"] = deviations;
  Json previous = Json::array();
  DeadlineFacts facts{birth};
  if (auto known = YouthsCases(txn, s, o, previous, facts); !known.ok()) return known;
  v["previous_cases"] = previous;
  // The pseudonymised form reads no birth date, so it cannot tell (null).
  v["in_beeld"] = pseudonymous ? Json(nullptr) : Json(InView(s, ledger.settings(), o.today, facts));
  Json deadlines = Json::array();
  for (const auto& d : DeadlinesOf(s, ledger.settings(), o.today, facts)) {
    Json j = {{"code", d.code}, {"due", date(d.due)}, {"overdue", d.overdue}};
    if (d.met != kNoDay) j["met_late"] = d.met > d.due;
    j["met"] = d.met != kNoDay;
    deadlines.push_back(std::move(j));
  }
  v["deadlines"] = deadlines;
  Json present = Json::array(), missing = Json::array();
  for (int i = 0; i < kInfoItemCount; ++i) {
    if (s.info_present & (1 << i)) present.push_back(InfoItemName(i));
    else if (InfoItemMissing(s, i)) missing.push_back(InfoItemName(i));
  }
  v["info_completeness"] = {{"present", present}, {"missing", missing}};
  if (s.Has(S::kClosed)) {
    v["closed_on"] = date(s.closed_on);
    v["close_reason"] = EnumJson<schema::CloseReason>(s.close_reason);
    v["aftercare_until"] = s.aftercare_until != kNoDay ? date(s.aftercare_until) : Json(nullptr);
  }
  v["reopened"] = s.reopened;
  v["corrections"] = s.corrections;
  v["erased"] = erased;
  return v;
}

}  // namespace rmc
