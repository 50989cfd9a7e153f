#include "replay/replay_html.h"

#include <set>

#include "base/html_escape.h"
#include "domain/routing.h"
#include "replay/page_text.h"
#include "replay/replay_svg.h"
#include "views/plain_language.h"

namespace rmc {
namespace {

constexpr const char* kStyle = R"(
:root { --p1: #e6f0fb; --p2: #e7f5ea; --p3: #fdf3e0; --p4: #f4e9f8; --p5: #eceff2;
        --event: #5b6b7a; --decision: #1d5fbf; --deviation: #c62828; --correction: #7b3fa0;
        --late: #d97400; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 15px;
       color: #1a1a1a; background: #fff; margin: 0; line-height: 1.45; }
main { max-width: 1100px; margin: 0 auto; padding: 1.4em 1.2em 3em; }
h1 { font-size: 1.55em; margin: 0 0 0.2em; }
h2 { font-size: 1.2em; margin: 1.8em 0 0.4em; border-bottom: 1px solid #888; padding-bottom: 0.15em; }
.meta { color: #444; margin: 0 0 0.8em; }
.hint { color: #444; font-size: 0.93em; margin: 0.2em 0 0.5em; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.1em 1em; margin: 0.5em 0; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; }
ul.counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.6em; margin: 0.9em 0; }
ul.counts li { border: 1px solid #bbb; border-radius: 6px; padding: 0.25em 0.7em; background: #fafafa; }
ul.counts b { font-size: 1.15em; }
ul.legend { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0.3em 1.4em;
            margin: 0.4em 0 0.6em; font-size: 0.92em; }
ul.legend li { display: flex; align-items: center; gap: 0.35em; }
.figure svg { width: 100%; height: auto; display: block; }
.scroll { overflow-x: auto; border: 1px solid #ddd; }
.scroll svg { display: block; }
svg text { font-family: inherit; fill: #222; pointer-events: none; }
svg .phase { font-weight: bold; font-size: 12.5px; }
svg .step { font-size: 11.5px; fill: #8a8a8a; }
svg .step.reached { fill: #111; }
svg .axis { font-size: 11px; fill: #333; }
svg .lane.p1 { fill: var(--p1); } svg .lane.p2 { fill: var(--p2); } svg .lane.p3 { fill: var(--p3); }
svg .lane.p4 { fill: var(--p4); } svg .lane.p5 { fill: var(--p5); }
svg .tick, svg .col { stroke: #c9c9c9; stroke-width: 1; }
svg .path { fill: none; stroke: #7d8b99; stroke-width: 1.6; }
.shape { stroke: #fff; stroke-width: 1.5; }
.event .shape { fill: var(--event); }
.decision .shape { fill: var(--decision); }
.deviation .shape { fill: var(--deviation); }
.correction .shape { fill: var(--correction); }
.ring { fill: none; stroke: var(--late); stroke-width: 2.5; stroke-dasharray: 3 2; }
a.marker:hover .shape, a.marker:focus .shape { stroke: #000; }
ol.events { list-style: none; padding: 0; margin: 0; }
li.entry { border-left: 5px solid var(--event); padding: 0.5em 0.9em; margin: 0.8em 0; background: #fafbfc; }
li.entry.decision { border-color: var(--decision); }
li.entry.deviation { border-color: var(--deviation); }
li.entry.correction { border-color: var(--correction); }
li.entry:target { background: #fff7d1; }
li.entry h3 { font-size: 1.02em; margin: 0 0 0.25em; font-weight: 600; }
.num { color: #666; font-weight: normal; }
.badge { display: inline-block; font-size: 0.82em; padding: 0.05em 0.5em; border-radius: 4px;
         margin: 0 0.4em 0.2em 0; color: #fff; background: var(--event); }
.badge.decision { background: var(--decision); }
.badge.deviation { background: var(--deviation); }
.badge.correction { background: var(--correction); }
.badge.late { background: #fff; color: #7a3f00; border: 1px dashed var(--late); }
li.entry dl { display: grid; grid-template-columns: 14em 1fr; gap: 0.1em 0.8em; margin: 0.3em 0 0; }
li.entry dt { color: #555; }
li.entry dd { margin: 0; overflow-wrap: anywhere; }
dd ul { margin: 0; padding-left: 1.1em; }
.known { background: #eef3fa; border: 1px solid #c9d6ea; padding: 0.4em 0.7em; margin-top: 0.5em; }
.known h4 { margin: 0 0 0.2em; font-size: 0.95em; }
table.corrected { border-collapse: collapse; margin: 0.2em 0; }
table.corrected th, table.corrected td { border: 1px solid #bbb; padding: 0.1em 0.5em; text-align: left; }
table.index { border-collapse: collapse; }
table.index th, table.index td { border-bottom: 1px solid #ccc; padding: 0.2em 0.8em; text-align: left; }
@media print {
  main { max-width: none; padding: 0; }
  .scroll { overflow: visible; border: none; }
  li.entry { break-inside: avoid; }
  h2 { break-after: avoid; }
}
)";

// Scrolls each marker into view and asks the browser what is drawn at its centre: a marker is
// seen when that is the marker itself (not empty, inside the page, not covered). Reads no data.
constexpr const char* kCheckScript = R"(
addEventListener('load', function () {
  var marks = document.querySelectorAll('[data-position]'), seen = [], unseen = [];
  for (var i = 0; i < marks.length; i++) {
    var m = marks[i];
    m.scrollIntoView({block: 'center', inline: 'center'});
    var r = m.getBoundingClientRect();
    var at = r.width > 0 && r.height > 0 ?
        document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) : null;
    (at && m.contains(at) ? seen : unseen).push(m.getAttribute('data-position'));
  }
  var boxes = document.querySelectorAll('.scroll');
  for (var j = 0; j < boxes.length; j++) boxes[j].scrollLeft = 0;
  scrollTo(0, 0);
  var out = document.getElementById('zichtcontrole');
  out.setAttribute('data-seen', seen.join(' '));
  out.setAttribute('data-unseen', unseen.join(' '));
  out.setAttribute('data-height', String(document.documentElement.scrollHeight));
  out.textContent = unseen.length ? 'niet elke gebeurtenis is te zien' : 'elke gebeurtenis is te zien';
});
)";

// Changes the line "stap N … · fase N …" already shows.
const std::set<std::string> kOnTheStepLine{"step", "step_name", "phase", "phase_name", "steps_done",
                                           "version"};

std::string Str(const Json& j) { return j.is_string() ? j.get<std::string>() : ""; }
std::string E(const std::string& text) { return HtmlEscape(text); }

// `json` with every string as DumpJson writes it: bytes that are not UTF-8 become U+FFFD.
Json ValidUtf8(const Json& json) { return Json::parse(DumpJson(json)); }

const Json& Events(const Json& replay) {
  static const Json kNone = Json::array();
  if (replay.contains("events")) return Member(replay, "events");
  return replay.contains("decisions") ? Member(replay, "decisions") : kNone;
}

// "1 afwijking", "2 afwijkingen".
std::string Counted(size_t n, const char* one, const char* more) {
  return std::to_string(n) + " " + (n == 1 ? one : more);
}

std::string PositionText(const Json& position) {
  return std::to_string(position.is_number_unsigned() ? position.get<uint64_t>() : 0);
}


// <dt>label</dt><dd>html</dd>. REQUIRES: `html` escaped.
std::string Item(const std::string& label, const std::string& html) {
  return "<dt>" + E(label) + "</dt><dd>" + html + "</dd>";
}

std::string ChangeText(const Json& c) {
  const std::string field = Str(Member(c, "field"));
  std::string text = ChangeFieldLabel(field) + ": ";
  if (c.contains("from") || c.contains("to"))
    return text + ChangeValueText(field, Member(c, "from")) + " → " + ChangeValueText(field, Member(c, "to"));
  std::string parts;
  for (const auto& e : Member(c, "added")) parts += (parts.empty() ? "+ " : "; + ") + ChangeValueText(field, e);
  for (const auto& e : Member(c, "removed")) parts += (parts.empty() ? "− " : "; − ") + ChangeValueText(field, e);
  return text + parts;
}

std::string Changes(const Json& e) {
  if (!e.contains("changes")) return "";
  if (Member(e, "version") == 1) return Item("wat veranderde", "nieuw dossier");
  std::string list;
  for (const auto& c : Member(e, "changes"))
    if (!kOnTheStepLine.count(Str(Member(c, "field")))) list += "<li>" + E(ChangeText(c)) + "</li>";
  return Item("wat veranderde", list.empty() ? "niets in het overzicht van het dossier" : "<ul>" + list + "</ul>");
}

std::string Correction(const Json& c) {
  const std::string target = PositionText(Member(c, "target"));
  std::string html = "registratie <a href=\"#e" + target + "\">#" + target +
                     "</a><table class=\"corrected\"><tr><th>gegeven</th><th>was</th><th>wordt</th></tr>";
  for (const auto& f : Member(c, "fields"))
    html += "<tr><td>" + E(CaseFieldLabel(Str(Member(f, "field")))) + "</td><td>" + E(ValueText(Member(f, "original"))) +
            "</td><td>" + E(ValueText(Member(f, "corrected"))) + "</td></tr>";
  return Item("correctie van", html + "</table>");
}

std::string KnownBefore(const Json& k) {
  std::string html = "<div class=\"known\"><h4>Bekend vlak voor deze beslissing</h4>";
  if (k.is_null()) return html + "<p>Nog niets: dit was de eerste registratie van het dossier.</p></div>";
  const Json& info = Member(k, "info_items");
  html += "<dl>" + Item("stap", E(StepText(Member(k, "step")))) + Item("doelgroep", E(ValueText(Member(k, "target_group"))));
  if (info.is_object())
    html += Item("informatie (§1.2) aanwezig", E(InfoItemsText(Member(info, "present")))) +
            Item("informatie (§1.2) ontbreekt", E(InfoItemsText(Member(info, "missing"))));
  html += Item("contactpogingen", E(std::to_string(Member(k, "contacts").size()) +
                                    (Member(k, "contacts").empty() ? "" : ": " + ValueText(Member(k, "contacts")))));
  html += Item("leefgebieden (assessment)", Member(k, "assessment").is_null() ? "nog niet in kaart" : E(ValueText(Member(k, "assessment"))));
  html += Item("toestemming", E(Member(k, "consent").empty() ? "geen" : ValueText(Member(k, "consent"))));
  html += Item("open termijnen", E(Member(k, "deadlines").empty() ? "geen" : ValueText(Member(k, "deadlines"))));
  return html + "</dl></div>";
}

// One event's entry: its optional parts in the order a reader asks for them.
std::string Entry(const Json& e) {
  const std::string kind = MarkerKind(e), pos = PositionText(Member(e, "position"));
  const bool late = IsTrue(Member(e, "late"));
  const std::string decision = Str(Member(e, "decision"));
  std::string html = "<li class=\"entry " + std::string(kind) + (late ? " late" : "") + "\" id=\"e" + pos + "\">";
  html += "<h3><span class=\"num\">#" + pos + "</span> " + E(DutchDate(Member(e, "occurred_at"))) + " · " +
          E(LocalizeDates(DescribeEvent(Str(Member(e, "type")), Member(e, "data")))) + "</h3>";
  std::string badges;
  if (!decision.empty()) badges += "<span class=\"badge " + kind + "\">" + E(DecisionLabel(decision)) + "</span>";
  if (e.contains("overrides") && decision != "deviation")
    badges += "<span class=\"badge deviation\">" + E(DecisionLabel("deviation")) + "</span>";
  if (late)
    badges += "<span class=\"badge late\">laat ingevoerd: " + E(std::to_string(int(IntOr(Member(e, "late_days"), 0)))) +
              " dagen na het voorval vastgelegd</span>";
  if (!badges.empty()) html += "<p>" + badges + "</p>";
  html += "<dl>";
  std::string who = RoleLabel(Str(Member(e, "role")));
  if (!Str(Member(e, "actor")).empty()) who = Str(Member(e, "actor")) + ", " + who;
  html += Item("wie", E(who));
  html += Item("stap en fase", E(StepText(Member(e, "step")) + " · fase " + std::to_string(int(IntOr(Member(e, "phase"), 1))) +
                                            " " + PhaseName(int(IntOr(Member(e, "phase"), 1)))));
  if (late) html += Item("vastgelegd op", E(DutchDate(Member(e, "recorded_at"))));
  const Json& data = Member(e, "data");
  for (const auto& r : ReasoningOf(data)) html += Item(r.label, E(r.text));
  if (e.contains("reason")) html += Item("reden", E(ValueText(Member(e, "reason"))));
  if (e.contains("overrides")) html += Item("wijkt af van de regel", E(ValueText(Member(e, "overrides"))));
  if (e.contains("correction") && Member(e, "correction").is_object()) html += Correction(Member(e, "correction"));
  html += Changes(e);
  const size_t deviations = Member(e, "deviations").size();
  const size_t corrections = Member(e, "corrections").size();
  if (deviations + corrections > 0)
    html += Item("van kracht", E(Counted(deviations, "afwijking", "afwijkingen") + ", " +
                                 Counted(corrections, "correctie", "correcties")));
  html += "</dl>";
  if (e.contains("known_before")) html += KnownBefore(Member(e, "known_before"));
  return html + "</li>\n";
}

std::string Header(const Json& r, const Json& events) {
  const Json& view = Member(r, "view");
  std::string html = "<h1>Verloop van dossier " + E(Str(Member(r, "case"))) + "</h1>\n<p class=\"meta\">";
  html += E(r.contains("decisions") ? Counted(events.size(), "beslissing", "beslissingen")
                                    : Counted(events.size(), "gebeurtenis", "gebeurtenissen"));
  if (!events.empty())
    html += E(" van " + DutchDate(Member(events.front(), "occurred_at")) + " tot " + DutchDate(Member(events.back(), "occurred_at")));
  html += E(" · stand op " + DutchDate(Member(r, "until"))) + "</p>\n<dl class=\"facts\">";
  html += Item("status", E(ValueText(Member(view, "status"))));
  html += Item("doelgroep", E(ValueText(Member(view, "target_group"))));
  html += Item("stap", E(StepText(Member(view, "step")) + " · fase " + std::to_string(int(IntOr(Member(view, "phase"), 1))) + " " +
                         PhaseName(int(IntOr(Member(view, "phase"), 1)))));
  if (view.contains("consulent")) html += Item("consulent", E(ValueText(Member(view, "consulent"))));
  html += Item("gezette stappen", E(ValueText(Member(view, "steps_done"))));
  html += "</dl>\n";
  size_t decisions = 0, deviations = 0, corrections = 0, late = 0;
  for (const auto& e : events) {
    const std::string kind = MarkerKind(e);
    decisions += kind == "decision";
    deviations += kind == "deviation";
    corrections += kind == "correction";
    late += IsTrue(Member(e, "late"));
  }
  auto count = [](size_t n, const char* one, const char* more) {
    const std::string text = Counted(n, one, more);
    const size_t space = text.find(' ');
    return "<li><b>" + text.substr(0, space) + "</b>" + text.substr(space) + "</li>";
  };
  return html + "<ul class=\"counts\">" + count(decisions, "beslissing", "beslissingen") +
         count(deviations, "afwijking", "afwijkingen") + count(corrections, "correctie", "correcties") +
         count(late, "laat ingevoerd", "laat ingevoerd") + "</ul>\n";
}

}  // namespace

std::string ReplayPageStart(const std::string& title) {
  return "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
         E(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n<main>\n";
}

std::string ReplayPageEnd() {
  return std::string("</main>\n<p id=\"zichtcontrole\" hidden></p>\n<script>") + kCheckScript +
         "</script>\n</body>\n</html>\n";
}

std::string ReplayCaseHtml(const Json& replay) {
  const Json r = ValidUtf8(replay);
  const Json& events = Events(r);
  std::string html = "<section class=\"case\">\n" + Header(r, events);
  html += "<h2>Tijdlijn</h2>\n<p class=\"hint\">Elke gebeurtenis op de dag dat ze plaatsvond, in de "
          "fase waarin ze het dossier bracht. Wijs een markering aan voor de beschrijving; klik "
          "erop voor alles wat erbij is vastgelegd.</p>\n" +
          ReplayLegendHtml() + "<div class=\"figure\">" + ReplayTimelineSvg(events) + "</div>\n";
  html += "<h2>Route langs de routekaart</h2>\n<p class=\"hint\">De 13 stappen van de routekaart, per "
          "fase. Van links naar rechts de gebeurtenissen in de volgorde waarin ze zijn vastgelegd, "
          "met de datum waarop ze plaatsvonden; de lijn volgt de stap waarop elke gebeurtenis het "
          "dossier achterliet.</p>\n<div class=\"scroll\">" +
          ReplayRouteSvg(events) + "</div>\n";
  html += "<h2>Gebeurtenissen</h2>\n<ol class=\"events\">\n";
  for (const auto& e : events) html += Entry(e);
  return html + "</ol>\n</section>\n";
}

std::string ReplayHtml(const Json& replay) {
  const std::string title = "Verloop van dossier " + Str(ValidUtf8(Member(replay, "case")));
  return ReplayPageStart(title) + ReplayCaseHtml(replay) + ReplayPageEnd();
}

}  // namespace rmc
