#include "views/subject_export.h"

#include "audit/access_log.h"
#include "audit/disclosures.h"
#include "codec/command.h"
#include "store/subject_events.h"
#include "views/case_view.h"
#include "views/event_json.h"
#include "views/plain_language.h"

namespace rmc {
namespace {

// The keys of the case view (case_view.h) that describe a case without personal data.
constexpr const char* kCaseKeys[] = {"case",      "status",       "opened_at",       "phase_name",
                                     "step",      "step_name",    "target_group",    "consulent",
                                     "closed_on", "close_reason", "aftercare_until", "reopened"};

Result<Json> CasesJson(Ledger& ledger, StoreTxn& txn, const std::vector<std::string>& ids,
                       Days today) {
  Json cases = Json::array();
  for (const auto& id : ids) {
    auto state = ledger.LoadCase(txn, id);
    if (!state.ok()) return state.status();
    auto view = CaseView(ledger, txn, *state, {nullptr, today});
    if (!view.ok()) return view.status();
    Json c = Json::object();
    for (const char* key : kCaseKeys)
      if (view->contains(key)) c[key] = (*view)[key];
    cases.push_back(std::move(c));
  }
  return cases;
}

// {code, version} of a processing activity, and from that version of the register the purpose
// it was done for (as `audit log` shows it), so that a reader need not look it up.
Json ActivityJson(const ActivityRegister& activities, const std::string& code, uint32_t version) {
  Json j = {{"code", code}, {"version", version}};
  if (const Activity* a = activities.Find(code, version)) j["purpose"] = a->purpose;
  return j;
}

// One event for the youth: what happened in a sentence, when, in which role, under which
// activity, and its data (personal fields revealed while the key exists).
Json EventItem(const Json& e, bool name_actors, const ActivityRegister& activities) {
  Json j = {{"position", e["position"]},
            {"case", e["case"]},
            {"type", e["type"]},
            {"description", DescribeEvent(e["type"].get<std::string>(), e["data"])},
            {"date", e["occurred_at"]},
            {"recorded_at", e["recorded_at"]},
            {"role", e["role"]}};
  if (name_actors) j["actor"] = e["actor"];
  const Json& activity = e["processing_activity"];
  j["processing_activity"] =
      ActivityJson(activities, activity.value("code", ""), activity.value("version", uint32_t(0)));
  if (e.contains("reason")) j["reason"] = e["reason"];
  j["data"] = e["data"];
  for (const char* hidden : {"sealed", "erased"})
    if (e.contains(hidden)) j[hidden] = e[hidden];
  return j;
}

Json ConsentItem(const Json& e) {
  const std::string type = e["type"];
  Json j = {{"position", e["position"]},
            {"case", e["case"]},
            {"kind", type == "ConsentGiven"     ? "given"
                     : type == "ConsentRefused" ? "refused"
                                                : "withdrawn"},
            {"date", e["occurred_at"]}};
  for (auto& [key, value] : e["data"].items())
    if (key != "given") j[key] = value;
  if (e.contains("erased")) j["erased"] = e["erased"];  // what went with the key (purpose, reason)
  return j;
}

// Merges `from` (a rendered subject) into `into`: later values win.
void MergeSubject(Json& into, const Json& from) {
  if (!from.is_object()) return;
  for (auto& [key, value] : from.items()) into[key] = value;
}

Json ReadItem(uint64_t position, schema::AccessRecord::Reader r, bool name_actors,
              const ActivityRegister& activities) {
  Json j = {{"position", position},
            {"recorded_at", FormatTime(r.getRecordedAt())},
            {"role", RoleName(r.getActor().getRole())}};
  if (name_actors) j["actor"] = r.getActor().getId().cStr();
  j["action"] = r.getAction().cStr();
  j["description"] = ReadActionLabel(r.getAction().cStr());
  j["object"] = r.getObject().cStr();
  j["purpose"] = r.getPurpose().size() ? Json(r.getPurpose().cStr()) : Json(nullptr);
  j["processing_activity"] = ActivityJson(activities, r.getProcessingActivity().getCode().cStr(),
                                          r.getProcessingActivity().getVersion());
  j["result"] = r.getResult() == schema::AccessResult::ERASED ? "erased" : "ok";
  return j;
}

}  // namespace

Result<SubjectExport> BuildSubjectExport(Ledger& ledger, StoreTxn& txn, const std::string& ref,
                                         const ExportOptions& options) {
  SubjectExport out;
  out.subject_id = ledger.keystore().SubjectId(ref);
  auto record = txn.Subject(out.subject_id);
  if (!record.ok()) return record.status();
  if (!*record) return Status(Code::kNotFound, "no youth with ref " + ref + " in this ledger");
  out.cases = (*record)->cases;
  out.erased = ledger.IsErased(out.subject_id);
  const Days today = LocalDate(options.now);

  auto cases = CasesJson(ledger, txn, out.cases, today);
  if (!cases.ok()) return cases.status();

  RenderOptions render;
  render.personal = PersonalFields::kReveal;
  Json events = Json::array(), consents = Json::array(), personal = Json::object();
  Status failure;
  auto scanned = ScanEventsOfCases(txn, out.cases, [&](EventView& view) {
    auto e = view.event();
    auto unsealed = ledger.Unseal(e);
    if (!unsealed.ok()) {
      failure = unsealed.status();
      return false;
    }
    Json j = EventToJson(e, *unsealed ? &**unsealed : nullptr, render, out.erased);
    const std::string type = j["type"];
    if (type == "SignalReceived") MergeSubject(personal, j["data"]["subject"]);
    if (type == "EventCorrected" && j["data"].contains("corrected"))
      MergeSubject(personal, j["data"]["corrected"].value("subject", Json()));
    if (type == "ConsentGiven" || type == "ConsentRefused" || type == "ConsentWithdrawn")
      consents.push_back(ConsentItem(j));
    events.push_back(EventItem(j, options.name_actors, ledger.activities()));
    return true;
  });
  if (!scanned.ok()) return scanned;
  if (!failure.ok()) return failure;

  auto found = FindDisclosures(ledger.unsealer(), txn, {out.subject_id, ""});
  if (!found.ok()) return found.status();
  Json disclosures = Json::array();
  for (const auto& d : *found) disclosures.push_back(DisclosureJson(d, options.name_actors));

  Json reads = Json::array();
  AccessFilter filter;
  filter.subject_id = out.subject_id;
  auto s = ScanAccessLog(txn, filter, [&](uint64_t position, schema::AccessRecord::Reader r) {
    reads.push_back(ReadItem(position, r, options.name_actors, ledger.activities()));
    return true;
  });
  if (!s.ok()) return s;

  const Settings& settings = ledger.settings();
  Json& j = out.json;
  j["export"] = "rmc-subject-export";
  j["generated_at"] = FormatTime(options.now);
  j["region"] = settings.region;
  j["actors_named"] = options.name_actors;
  j["subject"] = {{"ref", out.erased ? Json(nullptr) : Json(ref)},
                  {"erased", out.erased},
                  {"personal_data", out.erased ? Json(nullptr) : personal}};
  j["cases"] = std::move(*cases);
  j["events"] = std::move(events);
  j["disclosures"] = std::move(disclosures);
  j["consents"] = std::move(consents);
  j["reads"] = std::move(reads);
  j["retention"] = {{"max_age", settings.max_age},
                    {"after_age_years", settings.retention_after_age_years},
                    {"after_end_years", settings.retention_after_end_years}};
  auto contact = [](const std::string& value) {
    return value.empty() ? Json(nullptr) : Json(value);
  };
  j["contact"] = {{"rmc", contact(settings.contact_rmc)},
                  {"privacy_officer", contact(settings.contact_privacy_officer)},
                  {"requests", contact(settings.contact_requests)}};
  return out;
}

}  // namespace rmc
