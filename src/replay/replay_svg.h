// The two pictures of the replay page (replay_html.h), as inline SVG drawn from the replay's JSON
// model (replay.h ReplayJson): the timeline, every event at the day it occurred in the lane of
// the phase it left the case in, and the route, every event in order against the routekaart's
// 13 steps grouped by phase, with the path through them. Every event is one marker in each, an
// element with class "marker" and data-position, linking to the event's entry (#eN) below.
// Decisions, deviations and corrections have their own shape and colour, late entries a ring
// (ReplayLegendSvg). All text escaped.
#pragma once

#include <string>

#include "codec/json_render.h"

namespace rmc {

// REQUIRES: `events` is the replay's "events" (or "decisions") array.
std::string ReplayTimelineSvg(const Json& events);
std::string ReplayRouteSvg(const Json& events);
// The legend of the markers' shapes, colours and rings.
std::string ReplayLegendHtml();

// "decision", "deviation", "correction" or "event": the kind of marker an event gets (a
// deviation also when an event of another kind overrides a rule). Also the class of its entry.
const char* MarkerKind(const Json& event);

}  // namespace rmc
