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
  std::set<std::string> cases;      // pseudonyms
  std::set<uint64_t> evaluations;   // positions
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

// Files one evaluation's items (its data in the pseudonymised form) under their tags; a tag
// gets a group only with an item in it.
void File(uint64_t evaluation, const std::string& case_pseudonym, const Json& data,
          std::map<std::string, TagGroup>& groups) {
  auto group = [&](const std::string& tag) -> TagGroup& {
    auto& g = groups[tag];
    g.cases.insert(case_pseudonym);
    g.evaluations.insert(evaluation);
    return g;
  };
  std::set<std::string> own;  // the evaluation's tags: those of its improvements
  for (const auto& i : data.value("improvements", Json::array())) {
    for (const auto& tag : TagsOf(i)) {
      if (tag != kUntagged) own.insert(tag);
      group(tag).improvements.push_back({{"case", case_pseudonym}, {"text", i.value("text", Json())}});
    }
  }
  if (own.empty()) own.insert(kUntagged);
  for (const auto& tag : own) {
    for (const auto& p : data.value("learning_points", Json::array()))
      group(tag).learning_points.push_back({{"case", case_pseudonym}, {"text", p}});
    for (Json b : data.value("bottlenecks", Json::array())) {
      b["case"] = case_pseudonym;
      group(tag).bottlenecks.push_back(std::move(b));
    }
  }
}

bool InRange(Days day, const LessonsRequest& r) {
  return (r.from == kNoDay || day >= r.from) && (r.to == kNoDay || day <= r.to);
}

// An event of the log in the form of its case.
Result<Json> Rendered(Ledger& ledger, StoreTxn& txn, const ReadSession& session,
                      PseudonymExport& exported, uint64_t position) {
  auto view = txn.Event(position);
  if (!view.ok()) return view.status();
  if (!*view) return LedgerError("the log lost the event at " + std::to_string(position));
  auto e = (*view)->event();
  auto form = exported.Form(ledger, txn, std::string_view(e.getCaseId().cStr()));
  if (!form.ok()) return form.status();
  auto personal = session.Unseal(ledger, e);
  if (!personal.ok()) return personal.status();
  return EventToJson(e, *personal ? &**personal : nullptr, session.render(*form));
}

}  // namespace

// Long on purpose: one pass over the log, then each evaluation as its corrections left it,
// filed, filtered and accounted for together.
Result<Lessons> GatherLessons(Ledger& ledger, StoreTxn& txn, const ReadSession& session,
                              const LessonsRequest& request) {
  KJ_REQUIRE(session.pseudonymize(), "lessons are only given in the pseudonymised form");
  struct Evaluation {
    uint64_t position;
    std::string case_id, subject;
  };
  std::vector<Evaluation> evaluations;
  std::map<uint64_t, std::vector<uint64_t>> corrections;  // by the position they correct
  auto s = txn.ScanEvents(1, [&](uint64_t position, EventView& view) {
    auto e = view.event();
    auto payload = e.getPayload();
    if (payload.isCaseEvaluated() && InRange(LocalDate(e.getOccurredAt()), request))
      evaluations.push_back({position, e.getCaseId().cStr(),
                             e.hasSubject() ? std::string(Bytes(e.getSubject())) : ""});
    if (payload.isEventCorrected())
      corrections[payload.getEventCorrected().getTarget()].push_back(position);
    return true;
  });
  if (!s.ok()) return s;
  PseudonymExport exported(session);
  std::map<std::string, TagGroup> groups;
  for (const auto& ev : evaluations) {
    auto j = Rendered(ledger, txn, session, exported, ev.position);
    if (!j.ok()) return j.status();
    Json data = (*j)["data"];
    // As its corrections left it: each named field set, or gone when the correction has none.
    for (uint64_t c : corrections[ev.position]) {
      auto fix = Rendered(ledger, txn, session, exported, c);
      if (!fix.ok()) return fix.status();
      const Json& corrected = (*fix)["data"].value("corrected", Json::object());
      for (const auto& f : (*fix)["data"].value("fields", Json::array())) {
        const std::string field = f.get<std::string>();
        if (corrected.contains(field)) data[field] = corrected[field];
        else data.erase(field);
      }
    }
    File(ev.position, exported.pseudonyms()(ev.case_id), data, groups);
  }
  Lessons lessons;
  std::vector<std::pair<std::string, const TagGroup*>> order;
  std::set<uint64_t> shown;  // the evaluations whose items are shown
  for (const auto& [tag, g] : groups) {
    if (!request.tag.empty() && request.tag != tag) continue;
    order.emplace_back(tag, &g);
    shown.insert(g.evaluations.begin(), g.evaluations.end());
  }
  std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
    return a.second->count() > b.second->count();
  });
  std::set<std::string> accounted;
  for (const auto& ev : evaluations)
    if (shown.count(ev.position) && accounted.insert(ev.case_id).second)
      lessons.cases.push_back({ev.case_id, ev.subject});
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
                  {"evaluations", shown.size()},
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
