#include "replay/case_verify.h"

#include "base/hex.h"

namespace rmc {

bool CaseVerification::holds() const {
  for (const auto& e : events)
    if (!e.holds()) return false;
  for (const auto& c : checkpoints)
    if (!c.problems.empty()) return false;
  return true;
}

Result<CaseVerification> VerifyCase(const StoreTxn& txn, const std::string& case_id,
                                    const std::vector<KeptCheckpoint>& kept,
                                    const std::optional<std::string>& expected_key) {
  auto positions = txn.CasePositions(case_id);
  if (!positions.ok()) return positions.status();
  if (positions->empty()) return Status(Code::kUnknownCase, "no case " + case_id);
  CaseVerification v;
  v.case_id = case_id;
  for (const auto& k : kept) {
    auto report = VerifyCheckpoint(txn, k.checkpoint, expected_key);
    if (!report.ok()) return report.status();
    auto log = k.checkpoint.logs.find("events");
    v.checkpoints.push_back({k.file, log == k.checkpoint.logs.end() ? 0 : log->second.position,
                             k.checkpoint.is_signed(), report->problems});
  }
  for (uint64_t p : *positions) {
    auto check = CheckEventEntry(txn, p);
    if (!check.ok()) return check.status();
    std::optional<size_t> cover;
    for (size_t i = 0; i < v.checkpoints.size(); ++i) {
      const auto& c = v.checkpoints[i];
      if (c.problems.empty() && c.position >= p &&
          (!cover || c.position < v.checkpoints[*cover].position))
        cover = i;
    }
    v.events.push_back(std::move(*check));
    v.covered_by.push_back(cover);
  }
  return v;
}

Json CaseVerificationJson(const CaseVerification& v) {
  Json events = Json::array();
  for (size_t i = 0; i < v.events.size(); ++i) {
    const auto& e = v.events[i];
    Json j = {{"position", e.position}, {"holds", e.holds()}, {"linked", e.linked},
              {"followed", e.followed ? Json(*e.followed) : Json(nullptr)}};
    if (!e.present) j["missing"] = true;
    if (!e.damage.empty()) j["damage"] = e.damage;
    if (e.decoded && e.named_position != e.position) j["named_position"] = e.named_position;
    j["hash"] = Hex(e.hash);
    j["checkpoint"] = v.covered_by[i] ? Json(v.checkpoints[*v.covered_by[i]].file) : Json(nullptr);
    events.push_back(std::move(j));
  }
  Json checkpoints = Json::array();
  for (const auto& c : v.checkpoints)
    checkpoints.push_back({{"file", c.file}, {"position", c.position}, {"signed", c.is_signed},
                           {"holds", c.problems.empty()}, {"problems", c.problems}});
  return {{"case", v.case_id}, {"holds", v.holds()}, {"events", events}, {"checkpoints", checkpoints}};
}

namespace {

std::string EventLine(const EntryCheck& e, const std::string& cover) {
  std::string line = "  #" + std::to_string(e.position) + "  ";
  if (!e.present) return line + "ONTBREEKT: geen gebeurtenis op deze positie\n";
  if (!e.decoded) return line + "BESCHADIGD: " + e.damage + "\n";
  line += e.linked ? "schakel klopt" : "SCHAKEL GEBROKEN: de hash van de vorige gebeurtenis klopt niet";
  if (e.named_position != e.position)
    line += "; noemt positie " + std::to_string(e.named_position);
  if (e.followed.has_value())
    line += *e.followed ? "; volgende bevestigt" : "; VOLGENDE BEVESTIGT HAAR NIET (gewijzigd?)";
  else
    line += "; laatste van het logboek";
  line += cover.empty() ? "; geen checkpoint" : "; checkpoint " + cover;
  return line + "  " + Hex(e.hash).substr(0, 16) + "\n";
}

}  // namespace

std::string CaseVerificationText(const CaseVerification& v) {
  std::string out = v.case_id + ": keten van " + std::to_string(v.events.size()) + " gebeurtenissen\n";
  for (size_t i = 0; i < v.events.size(); ++i)
    out += EventLine(v.events[i], v.covered_by[i] ? v.checkpoints[*v.covered_by[i]].file : "");
  for (const auto& c : v.checkpoints) {
    out += "checkpoint " + c.file + " (t/m positie " + std::to_string(c.position) +
           (c.is_signed ? ", ondertekend" : ", niet ondertekend") + "): ";
    if (c.problems.empty()) out += "klopt\n";
    for (const auto& p : c.problems) out += "\n  KLOPT NIET: " + p;
    if (!c.problems.empty()) out += "\n";
  }
  out += v.holds() ? "de geschiedenis van deze zaak is ongeschonden\n"
                   : "DE GESCHIEDENIS VAN DEZE ZAAK IS NIET ONGESCHONDEN\n";
  return out;
}

}  // namespace rmc
