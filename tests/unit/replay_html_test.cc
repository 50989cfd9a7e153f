// The replay page (replay/replay_html.h) from a replay's JSON model: every event a marker in both
// pictures, decisions, deviations, corrections and late entries marked, hostile text and bytes
// that are not UTF-8 shown as text, nothing outside the page named. Its rendering in a browser is
// tests/replay_page.py.
#include "replay/replay_html.h"

#include <gtest/gtest.h>

#include <string>

namespace rmc {
namespace {

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

Json Event(uint64_t position, const char* type, const Json& occurred, int step, Json decision) {
  return {{"position", position}, {"version", position}, {"type", type},
          {"occurred_at", occurred}, {"recorded_at", occurred}, {"actor", "c.jansen"},
          {"role", "consulent"}, {"data", Json::object()}, {"late", false}, {"step", step},
          {"phase", step <= 3 ? 1 : 2}, {"decision", decision}, {"changes", Json::array()},
          {"deviations", Json::array()}, {"corrections", Json::array()}};
}

Json Model(const Json& occurred1, const Json& occurred2, const Json& occurred3) {
  Json signal = Event(1, "SignalReceived", occurred1, 1, nullptr);
  signal["version"] = 1;
  Json triage = Event(2, "Triaged", occurred2, 3, "triage");
  triage["data"] = {{"target_group", "vsv-nieuw"}, {"action_required", true}, {"rationale", "geen werk"}};
  triage["known_before"] = {{"step", 1}, {"target_group", nullptr},
                            {"info_items", {{"present", {"reason"}}, {"missing", {"care"}}}},
                            {"contacts", Json::array()}, {"assessment", nullptr},
                            {"consent", Json::array()}, {"deadlines", Json::array()}};
  triage["changes"] = Json::array({{{"field", "target_group"}, {"from", nullptr}, {"to", "vsv-nieuw"}}});
  Json intake = Event(3, "IntakeHeld", occurred3, 4, "deviation");
  intake["reason"] = "jongere stond aan de balie";
  intake["late"] = true;
  intake["late_days"] = 5;
  return {{"case", "RMC-000001"}, {"until", "2026-11-20T09:00:00Z"},
          {"events", {signal, triage, intake}},
          {"view", {{"status", "open"}, {"step", 4}, {"phase", 2}, {"target_group", "vsv-nieuw"},
                    {"steps_done", {1, 2, 3, 4}}}}};
}

TEST(ReplayHtml, EveryEventIsAMarkerInBothPicturesAndAnEntry) {
  const std::string page = ReplayHtml(Model("2026-09-01", "2026-09-04T10:00:00Z", "2026-09-10"));
  for (int p = 1; p <= 3; ++p) {
    EXPECT_EQ(Count(page, "data-position=\"" + std::to_string(p) + "\""), 2u) << p;
    EXPECT_EQ(Count(page, "id=\"e" + std::to_string(p) + "\""), 1u) << p;
  }
  EXPECT_EQ(Count(page, "data-position="), 6u);
}

TEST(ReplayHtml, DecisionsDeviationsAndLateEntriesAreMarkedAndOrdinaryEventsAreNot) {
  const std::string page = ReplayHtml(Model("2026-09-01", "2026-09-04", "2026-09-10"));
  EXPECT_EQ(Count(page, "class=\"marker event\" data-position=\"1\""), 2u);
  EXPECT_EQ(Count(page, "class=\"marker decision\" data-position=\"2\""), 2u);
  EXPECT_EQ(Count(page, "class=\"marker deviation late\" data-position=\"3\""), 2u);
  EXPECT_EQ(Count(page, "class=\"ring\""), 2u + 1u) << "the late entry in both pictures, and the legend";
  EXPECT_NE(page.find("laat ingevoerd: 5 dagen na het voorval vastgelegd"), std::string::npos);
  EXPECT_NE(page.find("Bekend vlak voor deze beslissing"), std::string::npos);
  EXPECT_NE(page.find("doelgroep: – → vsv-nieuw"), std::string::npos);
  EXPECT_NE(page.find("motivering</dt><dd>geen werk"), std::string::npos);
}

TEST(ReplayHtml, DatesAreDutchAndDayNumbersAreDays) {
  const std::string dated = ReplayHtml(Model("2026-09-01", "2026-09-04", "2026-09-10"));
  EXPECT_NE(dated.find("4 sep 2026"), std::string::npos);
  EXPECT_EQ(dated.find("2026-09-04"), std::string::npos);
  const std::string numbered = ReplayHtml(Model(0, 3, 9));
  EXPECT_NE(numbered.find("dag 3"), std::string::npos);
  EXPECT_NE(numbered.find("dag 9"), std::string::npos);
  EXPECT_EQ(Count(numbered, "data-position="), 6u);
}

TEST(ReplayHtml, HostileTextAndBytesThatAreNotUtf8ShowAsText) {
  Json model = Model("2026-09-01", "2026-09-04", "2026-09-10");
  model["case"] = "RMC-</title><script>x()</script>";
  model["events"][2]["reason"] = "</script><script>alert('x')</script> \"q\" \xff\xfe";
  model["events"][0]["actor"] = "<img src=x onerror=alert(1)>";
  const std::string page = ReplayHtml(model);
  EXPECT_EQ(Count(page, "<script>"), 1u) << "only the page's own";
  EXPECT_EQ(Count(page, "</script>"), 1u);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_NE(page.find("&lt;/script&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;q&quot; \xEF\xBF\xBD\xEF\xBF\xBD"),
            std::string::npos);
  EXPECT_EQ(page.find('\xff'), std::string::npos);
}

TEST(ReplayHtml, NamesNothingOutsideThePage) {
  const std::string page = ReplayHtml(Model("2026-09-01", "2026-09-04", "2026-09-10"));
  for (const char* outside : {"http:", "https:", "//", "<link", "@import", "src=", "url("})
    EXPECT_EQ(page.find(outside), std::string::npos) << outside;
}

TEST(ReplayHtml, TheDecisionsOnlyFormAndAnEmptyModelRender) {
  Json model = Model("2026-09-01", "2026-09-04", "2026-09-10");
  model["decisions"] = Json::array({model["events"][1]});
  model.erase("events");
  const std::string page = ReplayHtml(model);
  EXPECT_EQ(Count(page, "data-position="), 2u);
  EXPECT_NE(page.find("1 beslissing"), std::string::npos);
  EXPECT_NE(ReplayHtml(Json::object()).find("</html>"), std::string::npos);
  EXPECT_NE(ReplayHtml(nullptr).find("</html>"), std::string::npos);
}

}  // namespace
}  // namespace rmc
