#include "replay/replay_svg.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "base/html_escape.h"
#include "domain/case_state.h"
#include "domain/routing.h"
#include "replay/page_text.h"
#include "views/plain_language.h"

namespace rmc {
namespace {

std::string N(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string Str(const Json& j) { return j.is_string() ? j.get<std::string>() : ""; }

uint64_t PositionOf(const Json& e) {
  return Member(e, "position").is_number_unsigned() ? Member(e, "position").get<uint64_t>() : 0;
}

int Clamp(const Json& j, int lo, int hi) {
  const int v = j.is_number_integer() ? j.get<int>() : lo;
  return std::min(hi, std::max(lo, v));
}

// The marker's shape around (x, y): a circle, a diamond, a triangle or a square.
std::string Shape(const std::string& kind, double x, double y) {
  if (kind == "decision")
    return "<path class=\"shape\" d=\"M" + N(x) + " " + N(y - 8) + "L" + N(x + 8) + " " + N(y) + "L" +
           N(x) + " " + N(y + 8) + "L" + N(x - 8) + " " + N(y) + "Z\"/>";
  if (kind == "deviation")
    return "<path class=\"shape\" d=\"M" + N(x) + " " + N(y - 8) + "L" + N(x + 8) + " " + N(y + 6) +
           "L" + N(x - 8) + " " + N(y + 6) + "Z\"/>";
  if (kind == "correction")
    return "<rect class=\"shape\" x=\"" + N(x - 6) + "\" y=\"" + N(y - 6) + "\" width=\"12\" height=\"12\"/>";
  return "<circle class=\"shape\" cx=\"" + N(x) + "\" cy=\"" + N(y) + "\" r=\"6\"/>";
}

std::string Ring(double x, double y) {
  return "<circle class=\"ring\" cx=\"" + N(x) + "\" cy=\"" + N(y) + "\" r=\"11\"/>";
}

// One event's marker at (x, y): a link to its entry, its date and sentence as its tooltip.
std::string Marker(const Json& e, double x, double y) {
  const std::string kind = MarkerKind(e), pos = std::to_string(PositionOf(e));
  const bool late = IsTrue(Member(e, "late"));
  std::string title = "#" + pos + " · " + DutchDate(Member(e, "occurred_at")) + " · " +
                      LocalizeDates(DescribeEvent(Str(Member(e, "type")), Member(e, "data")));
  if (late) title += " · laat ingevoerd";
  return "<a href=\"#e" + pos + "\" class=\"marker " + kind + (late ? " late" : "") +
         "\" data-position=\"" + pos + "\"><title>" + HtmlEscape(title) + "</title>" +
         (late ? Ring(x, y) : "") + Shape(kind, x, y) + "</a>\n";
}

std::string Text(double x, double y, const std::string& text, const char* cls,
                 const std::string& extra = "") {
  return "<text x=\"" + N(x) + "\" y=\"" + N(y) + "\" class=\"" + cls + "\"" + extra + ">" +
         HtmlEscape(text) + "</text>";
}

std::string Polyline(const std::vector<std::pair<double, double>>& points) {
  std::string out = "<polyline class=\"path\" points=\"";
  for (const auto& [x, y] : points) out += N(x) + "," + N(y) + " ";
  return out + "\"/>\n";
}

// The day each event occurred (an event without a readable date takes the one before it).
std::vector<Days> EventDays(const Json& events) {
  std::vector<Days> days;
  Days last = 0;
  for (const auto& e : events) {
    if (auto d = DayOf(Member(e, "occurred_at"))) last = *d;
    days.push_back(last);
  }
  return days;
}

// "4 sep 2026", or "dag 12" in the pseudonymised form.
std::string DayLabel(Days day, bool day_numbers) {
  return day_numbers ? "dag " + std::to_string(day) : DutchDay(day);
}

// "4 sep" (a date without its year), or "dag 12".
std::string ShortDate(Days day, bool day_numbers) {
  const std::string full = DayLabel(day, day_numbers);
  return day_numbers ? full : full.substr(0, full.rfind(' '));
}

int YearOf(Days day) { return std::stoi(FormatDate(day).substr(0, 4)); }

struct Tick {
  Days day;
  std::string label;
};

// Ticks for the time axis from d0 to d1: day numbers at a round step; dates weekly for a short
// span, else at month starts (at most about a dozen).
std::vector<Tick> Ticks(Days d0, Days d1, bool day_numbers) {
  std::vector<Tick> ticks;
  const Days span = d1 - d0;
  if (day_numbers || span <= 45) {
    Days step = 1;
    for (Days s : {1, 2, 5, 7, 14, 30, 60, 90, 180, 365, 730, 1825})
      if ((step = s) * 12 >= span) break;
    const Days first = day_numbers ? (d0 + step - 1) / step * step : d0;
    for (Days d = first; d <= d1; d += step) ticks.push_back({d, ShortDate(d, day_numbers)});
    return ticks;
  }
  std::string iso = FormatDate(d0);
  int year = std::stoi(iso.substr(0, 4)), month = std::stoi(iso.substr(5, 2));
  std::vector<Days> starts;
  for (;;) {
    if (++month > 12) month = 1, ++year;
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-01", year, month);
    auto d = ParseDate(buf);
    if (!d.ok() || *d > d1) break;
    starts.push_back(*d);
  }
  const size_t every = starts.size() / 12 + 1;
  for (size_t i = 0; i < starts.size(); i += every) ticks.push_back({starts[i], DutchMonth(starts[i])});
  return ticks;
}

}  // namespace

const char* MarkerKind(const Json& e) {
  const std::string decision = Str(Member(e, "decision"));
  if (decision == "deviation" || e.contains("overrides")) return "deviation";
  if (decision == "correction") return "correction";
  return decision.empty() ? "event" : "decision";
}

// Events on the same or nearby days stack within their lane, so that no marker covers another.
std::string ReplayTimelineSvg(const Json& events) {
  constexpr double kLeft = 150, kWidth = 860, kRight = 30, kSlot = 20, kGap = 18, kAxis = 36;
  const std::vector<Days> days = EventDays(events);
  bool day_numbers = false;
  for (const auto& e : events) day_numbers |= Member(e, "occurred_at").is_number_integer();
  const Days d0 = days.empty() ? 0 : *std::min_element(days.begin(), days.end());
  const Days d1 = days.empty() ? 0 : *std::max_element(days.begin(), days.end());
  auto x_of = [&](Days d) { return d1 == d0 ? kLeft + kWidth / 2 : kLeft + (d - d0) * kWidth / (d1 - d0); };
  // Each event in the lane of its phase, in the first slot (row) of that lane whose last marker
  // is far enough to its left; events taken from left to right.
  std::vector<size_t> order(events.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return days[a] < days[b]; });
  std::vector<std::vector<double>> last_x(6);
  std::vector<int> slot(events.size());
  for (size_t i : order) {
    auto& lane = last_x[Clamp(Member(events[i], "phase"), 1, 5)];
    const double x = x_of(days[i]);
    size_t s = 0;
    while (s < lane.size() && lane[s] > x - kGap) ++s;
    if (s == lane.size()) lane.push_back(x);
    lane[s] = x;
    slot[i] = int(s);
  }
  std::vector<double> lane_top(7);
  lane_top[1] = 8;
  for (int p = 1; p <= 5; ++p)
    lane_top[p + 1] = lane_top[p] + std::max<size_t>(1, last_x[p].size()) * kSlot + 10;
  const double bottom = lane_top[6], width = kLeft + kWidth + kRight;
  std::string out = "<svg class=\"timeline\" viewBox=\"0 0 " +
                    N(width) + " " + N(bottom + kAxis) + "\" width=\"" + N(width) +
                    "\" role=\"img\" aria-label=\"Tijdlijn van het dossier per fase\">\n";
  for (int p = 1; p <= 5; ++p) {
    out += "<rect class=\"lane p" + std::to_string(p) + "\" x=\"0\" y=\"" + N(lane_top[p]) + "\" width=\"" +
           N(width) + "\" height=\"" + N(lane_top[p + 1] - lane_top[p]) + "\"/>";
    out += Text(8, (lane_top[p] + lane_top[p + 1]) / 2 + 4,
                std::to_string(p) + " " + PhaseName(p), "phase") + "\n";
  }
  // The first and the last day in full at the ends; ticks in between where they leave room.
  auto tick = [&](double x, const std::string& label, const char* anchor) {
    out += "<line class=\"tick\" x1=\"" + N(x) + "\" x2=\"" + N(x) + "\" y1=\"" + N(lane_top[1]) +
           "\" y2=\"" + N(bottom + 4) + "\"/>" +
           Text(x, bottom + 18, label, "axis", std::string(" text-anchor=\"") + anchor + "\"") + "\n";
  };
  if (!days.empty()) tick(x_of(d0), DayLabel(d0, day_numbers), d0 == d1 ? "middle" : "start");
  if (d1 != d0) tick(x_of(d1), DayLabel(d1, day_numbers), "end");
  for (const auto& t : Ticks(d0, d1, day_numbers))
    if (x_of(t.day) > x_of(d0) + 90 && x_of(t.day) < x_of(d1) - 90) tick(x_of(t.day), t.label, "middle");
  std::vector<std::pair<double, double>> points;
  for (size_t i = 0; i < events.size(); ++i)
    points.push_back({x_of(days[i]), lane_top[Clamp(Member(events[i], "phase"), 1, 5)] + 5 + kSlot / 2 + slot[i] * kSlot});
  out += Polyline(points);
  for (size_t i = 0; i < events.size(); ++i) out += Marker(events[i], points[i].first, points[i].second);
  return out + "</svg>\n";
}

// A row "dossier geopend" above step 1 only when an event left the case before any step.
std::string ReplayRouteSvg(const Json& events) {
  constexpr double kLeft = 250, kCol = 30, kRow = 20, kTop = 78, kRight = 20;
  bool before_steps = false;  // an event that left the case before step 1 (the case opened)
  for (const auto& e : events) before_steps |= Clamp(Member(e, "step"), 0, 13) == 0;
  const int first_row = before_steps ? 0 : 1;
  auto y_of = [&](int step) { return kTop + (step - first_row) * kRow + kRow / 2; };
  const double width = kLeft + std::max<size_t>(events.size(), 1) * kCol + kRight;
  const double height = kTop + (14 - first_row) * kRow + 8;
  std::vector<bool> reached(14);
  for (const auto& e : events) reached[Clamp(Member(e, "step"), 0, 13)] = true;
  std::string out = "<svg class=\"route\" viewBox=\"0 0 " + N(width) +
                    " " + N(height) + "\" width=\"" + N(width) + "\" height=\"" + N(height) +
                    "\" role=\"img\" aria-label=\"Route van het dossier langs de 13 stappen van de routekaart\">\n";
  for (int p = 1; p <= 5; ++p) {
    int lo = 13, hi = 1;
    for (int s = 1; s <= 13; ++s)
      if (PhaseOf(s) == p) lo = std::min(lo, s), hi = std::max(hi, s);
    const double top = y_of(lo) - kRow / 2, h = (hi - lo + 1) * kRow;
    out += "<rect class=\"lane p" + std::to_string(p) + "\" x=\"0\" y=\"" + N(top) + "\" width=\"" + N(width) +
           "\" height=\"" + N(h) + "\"/>" +
           Text(8, top + 15, std::to_string(p) + " " + PhaseName(p), "phase") + "\n";
  }
  for (int s = first_row; s <= 13; ++s)
    out += Text(112, y_of(s) + 4, s == 0 ? "dossier geopend" : std::to_string(s) + " " + StepName(s),
                reached[s] ? "step reached" : "step") + "\n";
  const std::vector<Days> days = EventDays(events);
  std::vector<std::pair<double, double>> points;
  for (size_t i = 0; i < events.size(); ++i) {
    const double x = kLeft + i * kCol + kCol / 2;
    const bool day_numbers = Member(events[i], "occurred_at").is_number_integer();
    // The year on the first date and wherever it changes.
    const bool new_year = i == 0 || YearOf(days[i]) != YearOf(days[i - 1]);
    const std::string label = new_year ? DayLabel(days[i], day_numbers) : ShortDate(days[i], day_numbers);
    out += "<line class=\"col\" x1=\"" + N(x) + "\" x2=\"" + N(x) + "\" y1=\"" + N(kTop - 4) + "\" y2=\"" +
           N(height - 8) + "\"/>" +
           Text(x + 4, kTop - 8, label, "axis", " transform=\"rotate(-50 " + N(x + 4) + " " + N(kTop - 8) + ")\"") + "\n";
    points.push_back({x, y_of(Clamp(Member(events[i], "step"), first_row, 13))});
  }
  out += Polyline(points);
  for (size_t i = 0; i < events.size(); ++i) out += Marker(events[i], points[i].first, points[i].second);
  return out + "</svg>\n";
}

std::string ReplayLegendHtml() {
  struct Item {
    const char* kind;
    bool late;
    const char* text;
  };
  static const Item kItems[] = {
      {"event", false, "gebeurtenis"},
      {"decision", false, "beslissing: triage, plan van aanpak, afsluiting"},
      {"deviation", false, "afwijking van de route of van een regel"},
      {"correction", false, "correctie van een eerdere registratie"},
      {"event", true, "laat ingevoerd: 3 of meer dagen na het voorval vastgelegd"},
  };
  std::string out = "<ul class=\"legend\">";
  for (const Item& item : kItems)
    out += std::string("<li><svg class=\"key ") + item.kind + (item.late ? " late" : "") +
           "\" viewBox=\"-12 -12 24 24\" width=\"24\" height=\"24\">" +
           (item.late ? Ring(0, 0) : "") + Shape(item.kind, 0, 0) + "</svg>" + item.text + "</li>";
  return out + "</ul>\n";
}

}  // namespace rmc
