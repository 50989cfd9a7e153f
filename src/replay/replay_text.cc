#include "replay/replay_text.h"

#include <set>

#include "domain/case_state.h"
#include "domain/routing.h"
#include "replay/page_text.h"
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

// A date or time as the text shows it: "4 sep 2026", or "dag N" in the pseudonymised form.
std::string DayText(const Json& j) { return j.is_null() ? "-" : DutchDate(j); }

// One changed field of the case view: "doelgroep: – → vsv-nieuw", "contacten: + …; − …".
std::string ChangeText(const Json& c) {
  const std::string field = Str(c["field"]);
  std::string line = "    " + ChangeFieldLabel(field) + ": ";
  if (c.contains("from") || c.contains("to"))
    return line + ChangeValueText(field, c.value("from", Json())) + " → " +
           ChangeValueText(field, c.value("to", Json())) + "\n";
  std::string parts;
  for (const auto& e : c.value("added", Json::array()))
    parts += (parts.empty() ? "+ " : "; + ") + ChangeValueText(field, e);
  for (const auto& e : c.value("removed", Json::array()))
    parts += (parts.empty() ? "− " : "; − ") + ChangeValueText(field, e);
  return line + parts + "\n";
}

// A list in one line: its elements in plain Dutch, or "geen".
std::string ListText(const Json& list) {
  if (!list.is_array() || list.empty()) return "geen";
  std::string out;
  for (const auto& e : list) out += (out.empty() ? "" : "; ") + ElementText(e);
  return out;
}

std::string KnownText(const Json& k) {
  if (k.is_null()) return "    bekend vlak ervoor: nog niets\n";
  const Json& info = Member(k, "info_items");
  return "    bekend vlak ervoor:\n"
         "      informatie (§1.2) aanwezig: " + InfoItemsText(Member(info, "present")) + "\n" +
         "      informatie (§1.2) ontbreekt: " + InfoItemsText(Member(info, "missing")) + "\n" +
         "      contactpogingen: " + std::to_string(Member(k, "contacts").size()) +
         (Member(k, "contacts").empty() ? "" : " (" + ListText(Member(k, "contacts")) + ")") + "\n" +
         "      leefgebieden (assessment): " +
         (Member(k, "assessment").is_null() ? "nog niet in kaart" : ValueText(Member(k, "assessment"))) +
         "\n      toestemming: " + ListText(Member(k, "consent")) +
         "\n      open termijnen: " + ListText(Member(k, "deadlines")) + "\n";
}

}  // namespace

std::string ReplayHeader(const CaseReplay& replay) {
  return replay.case_id + " — " + std::to_string(replay.entries.size()) +
         " gebeurtenissen, stand op " + DayText(replay.until_shown) + "\n\n";
}

std::string ReplayEntryText(const ReplayEntry& entry, bool known) {
  const Json& e = entry.event;
  const std::string type = Str(e["type"]);
  std::string out = "#" + Str(entry.number) + "  v" + Str(e["version"]) + "  " +
                    DayText(e["occurred_at"]) + "  " + LocalizeDates(DescribeEvent(type, e["data"])) +
                    "  (" + Str(e["actor"]) + ", " + RoleLabel(Str(e["role"])) + ")\n";
  out += "    stap " + std::to_string(entry.step) + " " + StepName(entry.step) + " · fase " +
         std::to_string(entry.phase) + " " + PhaseName(entry.phase) + "\n";
  if (entry.late)
    out += "    LAAT INGEVOERD: " + std::to_string(entry.late_days) + " dagen na het voorval (vastgelegd " +
           DayText(e["recorded_at"]) + ")\n";
  if (entry.decision != DecisionKind::kNone) {
    out += "    BESLISSING: " + DecisionLabel(DecisionName(entry.decision));
    if (e.contains("reason")) out += "; reden: " + Str(e["reason"]);
    if (e.contains("overrides")) out += "; overschrijft " + Str(e["overrides"]);
    out += "\n";
  } else if (e.contains("reason")) {
    out += "    reden: " + Str(e["reason"]) + "\n";
  }
  for (const auto& r : ReasoningOf(e["data"])) out += "    " + r.label + ": " + r.text + "\n";
  if (!entry.correction.is_null()) {
    out += "    correctie van #" + Str(entry.correction["target"]) + ":\n";
    for (const auto& f : entry.correction["fields"])
      out += "      " + CaseFieldLabel(Str(f["field"])) + ": " + ValueText(f["original"]) + " → " +
             ValueText(f["corrected"]) + "\n";
  }
  if (known && entry.decision != DecisionKind::kNone) out += KnownText(entry.known_before);
  if (!known && entry.event["version"] == 1) out += "    nieuw dossier\n";
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
  out += "route: stappen";
  for (const auto& s : replay.view["steps_done"]) out += " " + Str(s);
  out += " · status " + Str(replay.view["status"]) + "\n";
  return out;
}

}  // namespace rmc
