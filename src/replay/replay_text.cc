#include "replay/replay_text.h"

#include <set>

#include "domain/case_state.h"
#include "domain/routing.h"
#include "views/plain_language.h"

namespace rmc {
namespace {

// Changes the line "stap N … · fase N …" already shows.
const std::set<std::string> kOnTheStepLine{"step", "step_name", "phase", "phase_name", "steps_done"};

std::string Str(const Json& j) {
  if (j.is_null()) return "-";
  if (j.is_string()) return j.get<std::string>();
  return DumpJson(j);
}

// A list element in one short phrase: a contact by its date, channel and outcome, a deadline
// by its code and due date, anything else as compact JSON.
std::string ElementText(const Json& e) {
  if (!e.is_object()) return Str(e);
  if (e.contains("channel") && e.contains("outcome"))
    return Str(e["date"]) + " " + Str(e["channel"]) + ": " + Str(e["outcome"]);
  if (e.contains("code") && e.contains("due"))
    return Str(e["code"]) + " " + Str(e["due"]) +
           (e.value("overdue", false) ? " (verlopen)" : e.value("met", false) ? " (gehaald)" : "");
  if (e.contains("kind") && e.contains("partners"))
    return Str(e["kind"]) + " " + Str(e["partners"]) + " " + Str(e["categories"]);
  if (e.contains("rule"))
    return Str(e["rule"]) + " " + Str(e["from_step"]) + "->" + Str(e["to_step"]) + ": " + Str(e["reason"]);
  return Str(e);
}

std::string ChangeText(const Json& c) {
  std::string line = "    " + Str(c["field"]) + ": ";
  if (c.contains("from") || c.contains("to")) return line + Str(c.value("from", Json())) + " -> " + Str(c.value("to", Json())) + "\n";
  std::string parts;
  for (const auto& e : c.value("added", Json::array())) parts += (parts.empty() ? "+ " : "; + ") + ElementText(e);
  for (const auto& e : c.value("removed", Json::array())) parts += (parts.empty() ? "- " : "; - ") + ElementText(e);
  return line + parts + "\n";
}

std::string KnownText(const Json& k) {
  if (k.is_null()) return "    bekend vlak ervoor: nog niets\n";
  std::string out = "    bekend vlak ervoor:\n";
  const Json& info = k["info_items"];
  out += "      informatie (§1.2): aanwezig " + Str(info["present"]) + ", ontbreekt " + Str(info["missing"]) + "\n";
  out += "      contactpogingen: " + std::to_string(k["contacts"].size());
  for (const auto& c : k["contacts"]) out += "; " + ElementText(c);
  out += "\n      assessment: " + (k["assessment"].is_null() ? std::string("geen") : Str(k["assessment"])) + "\n";
  out += "      toestemming: ";
  if (k["consent"].empty()) out += "geen";
  for (const auto& c : k["consent"]) out += ElementText(c) + "; ";
  out += "\n      open termijnen: ";
  if (k["deadlines"].empty()) out += "geen";
  for (const auto& d : k["deadlines"]) out += ElementText(d) + "; ";
  return out + "\n";
}

}  // namespace

std::string ReplayHeader(const CaseReplay& replay) {
  return replay.case_id + " — " + std::to_string(replay.entries.size()) +
         " gebeurtenissen, stand op " + FormatTime(replay.until).substr(0, 10) + "\n\n";
}

std::string ReplayEntryText(const ReplayEntry& entry, bool known) {
  const Json& e = entry.event;
  const std::string type = Str(e["type"]);
  std::string out = "#" + std::to_string(entry.position) + "  v" + Str(e["version"]) + "  " +
                    Str(e["occurred_at"]).substr(0, 10) + "  " + DescribeEvent(type, e["data"]) +
                    "  (" + Str(e["actor"]) + ", " + RoleLabel(Str(e["role"])) + ")\n";
  out += "    stap " + std::to_string(entry.step) + " " + StepName(entry.step) + " · fase " +
         std::to_string(entry.phase) + " " + PhaseName(entry.phase) + "\n";
  if (entry.late)
    out += "    LAAT INGEVOERD: " + std::to_string(entry.late_days) + " dagen na het voorval (vastgelegd " +
           Str(e["recorded_at"]).substr(0, 10) + ")\n";
  if (entry.decision != DecisionKind::kNone) {
    out += "    BESLISSING (" + std::string(DecisionName(entry.decision)) + ")";
    const Json& data = e["data"];
    if (data.contains("rationale")) out += ": " + Str(data["rationale"]);
    if (e.contains("reason")) out += "; reden: " + Str(e["reason"]);
    if (e.contains("overrides")) out += "; overschrijft " + Str(e["overrides"]);
    out += "\n";
  }
  if (!entry.correction.is_null()) {
    out += "    correctie van #" + Str(entry.correction["target"]) + ":\n";
    for (const auto& f : entry.correction["fields"])
      out += "      " + Str(f["field"]) + ": " + Str(f["original"]) + " -> " + Str(f["corrected"]) + "\n";
  }
  if (known && entry.decision != DecisionKind::kNone) out += KnownText(entry.known_before);
  if (!known && entry.event["version"] == 1) out += "    nieuwe zaak\n";
  if (!known && entry.event["version"] != 1) {
    out += "    wijzigt:\n";
    for (const auto& c : entry.changes)
      if (!kOnTheStepLine.count(c["field"].get<std::string>())) out += ChangeText(c);
  }
  if (!entry.deviations.empty() || !entry.corrections.empty())
    out += "    van kracht: " + std::to_string(entry.deviations.size()) + " afwijking(en), " +
           std::to_string(entry.corrections.size()) + " correctie(s)\n";
  return out + "\n";
}

std::string ReplayText(const CaseReplay& replay, bool decisions_only) {
  std::string out = ReplayHeader(replay);
  for (const auto& entry : replay.entries)
    if (!decisions_only || entry.decision != DecisionKind::kNone)
      out += ReplayEntryText(entry, decisions_only);
  out += "route: ";
  for (const auto& s : replay.view["steps_done"]) out += Str(s) + " ";
  out += "· status " + Str(replay.view["status"]) + "\n";
  return out;
}

}  // namespace rmc
