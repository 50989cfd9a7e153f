#include "replay/lessons.h"

#include <algorithm>
#include <map>
#include <set>

#include "codec/bytes.h"
#include "ledger/pseudonym_export.h"
#include "views/event_json.h"

namespace rmc {
namespace {

struct TagGroup {
  std::set<std::string> cases;
  Json learning_points = Json::array(), bottlenecks = Json::array(), improvements = Json::array();
  size_t count() const { return learning_points.size() + bottlenecks.size() + improvements.size(); }
};

std::vector<std::string> TagsOf(const Json& improvement) {
  std::vector<std::string> tags;
  for (const auto& t : improvement.value("tags", Json::array()))
    if (t.is_string() && !t.get<std::string>().empty()) tags.push_back(t);
  if (tags.empty()) tags.push_back(kUntagged);
  return tags;
}

// Files one evaluation's items (its data in the pseudonymised form) under their tags.
void File(const std::string& case_pseudonym, const Json& data,
          std::map<std::string, TagGroup>& groups) {
  std::set<std::string> own;  // the evaluation's tags: those of its improvements
  for (const auto& i : data.value("improvements", Json::array())) {
    for (const auto& tag : TagsOf(i)) {
      if (tag != kUntagged) own.insert(tag);
      auto& g = groups[tag];
      g.cases.insert(case_pseudonym);
      g.improvements.push_back({{"case", case_pseudonym}, {"text", i.value("text", Json())}});
    }
  }
  if (own.empty()) own.insert(kUntagged);
  for (const auto& tag : own) {
    auto& g = groups[tag];
    for (const auto& p : data.value("learning_points", Json::array())) {
      g.cases.insert(case_pseudonym);
      g.learning_points.push_back({{"case", case_pseudonym}, {"text", p}});
    }
    for (Json b : data.value("bottlenecks", Json::array())) {
      g.cases.insert(case_pseudonym);
      b["case"] = case_pseudonym;
      g.bottlenecks.push_back(std::move(b));
    }
  }
}

bool InRange(Days day, const LessonsRequest& r) {
  return (r.from == kNoDay || day >= r.from) && (r.to == kNoDay || day <= r.to);
}

}  // namespace

Result<Lessons> GatherLessons(Ledger& ledger, StoreTxn& txn, const ReadSession& session,
                              const LessonsRequest& request) {
  KJ_REQUIRE(session.pseudonymize(), "lessons are only given in the pseudonymised form");
  std::vector<uint64_t> evaluations;
  auto s = txn.ScanEvents(1, [&](uint64_t position, EventView& view) {
    auto e = view.event();
    if (e.getPayload().isCaseEvaluated() && InRange(LocalDate(e.getOccurredAt()), request))
      evaluations.push_back(position);
    return true;
  });
  if (!s.ok()) return s;
  PseudonymExport exported(session);
  Lessons lessons;
  std::map<std::string, TagGroup> groups;
  std::set<std::string> seen_cases;
  for (uint64_t p : evaluations) {
    auto view = txn.Event(p);
    if (!view.ok()) return view.status();
    if (!*view) return LedgerError("the log lost the evaluation at " + std::to_string(p));
    auto e = (*view)->event();
    const std::string case_id = e.getCaseId();
    auto form = exported.Form(ledger, txn, case_id);
    if (!form.ok()) return form.status();
    auto personal = session.Unseal(ledger, e);
    if (!personal.ok()) return personal.status();
    Json j = EventToJson(e, *personal ? &**personal : nullptr, session.render(*form));
    File(exported.pseudonyms()(case_id), j["data"], groups);
    if (seen_cases.insert(case_id).second)
      lessons.cases.push_back({case_id, e.hasSubject() ? std::string(Bytes(e.getSubject())) : ""});
  }
  std::vector<std::pair<std::string, const TagGroup*>> order;
  for (const auto& [tag, g] : groups)
    if (request.tag.empty() || request.tag == tag) order.emplace_back(tag, &g);
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.second->count() > b.second->count();
  });
  Json tags = Json::array();
  for (const auto& [tag, g] : order)
    tags.push_back({{"tag", tag},
                    {"count", g->count()},
                    {"cases", g->cases},
                    {"learning_points", g->learning_points},
                    {"bottlenecks", g->bottlenecks},
                    {"improvements", g->improvements}});
  lessons.json = {{"tag", request.tag.empty() ? Json(nullptr) : Json(request.tag)},
                  {"from", request.from == kNoDay ? Json(nullptr) : Json(FormatDate(request.from))},
                  {"to", request.to == kNoDay ? Json(nullptr) : Json(FormatDate(request.to))},
                  {"evaluations", evaluations.size()},
                  {"tags", std::move(tags)}};
  return lessons;
}

std::string LessonsText(const Json& lessons) {
  auto str = [](const Json& j) -> std::string {
    if (j.is_string()) return j.get<std::string>();
    return j.is_null() ? "(tekst niet getoond)" : DumpJson(j);
  };
  const size_t n = lessons["evaluations"].get<size_t>();
  std::string out = "Lessen uit " + std::to_string(n) + (n == 1 ? " evaluatie" : " evaluaties");
  if (lessons["from"].is_string()) out += " vanaf " + str(lessons["from"]);
  if (lessons["to"].is_string()) out += " tot en met " + str(lessons["to"]);
  out += "\n";
  for (const auto& t : lessons["tags"]) {
    std::string cases;
    for (const auto& c : t["cases"]) cases += (cases.empty() ? "" : ", ") + str(c);
    const size_t count = t["count"].get<size_t>(), in = t["cases"].size();
    out += "\n" + str(t["tag"]) + " — " + std::to_string(count) + (count == 1 ? " punt" : " punten") +
           " uit " + std::to_string(in) + (in == 1 ? " casus" : " casussen") + " (" + cases + ")\n";
    for (const auto& p : t["learning_points"])
      out += "  leerpunt: " + str(p["text"]) + "  [" + str(p["case"]) + "]\n";
    for (const auto& b : t["bottlenecks"]) {
      out += "  knelpunt: " + str(b.value("issue", Json()));
      if (b.contains("owner")) out += "; wie: " + str(b["owner"]);
      if (b.contains("solution")) out += "; oplossing: " + str(b["solution"]);
      out += "  [" + str(b["case"]) + "]\n";
    }
    for (const auto& i : t["improvements"])
      out += "  verbeterpunt: " + str(i["text"]) + "  [" + str(i["case"]) + "]\n";
  }
  if (lessons["tags"].empty()) out += "\nGeen lessen gevonden.\n";
  return out;
}

}  // namespace rmc
