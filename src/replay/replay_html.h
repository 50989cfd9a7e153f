// Replay as one page (`rmc replay CASE --format html`) for an auditor or an evaluator: in plain
// Dutch, the case's timeline across the five phases, its route against the routekaart's 13 steps
// (replay_svg.h), then every event with what it changed, its decision and reason, and for a
// decision what was on record just before it. Self-contained: inline CSS and SVG and one small
// script, no network access, no external resource. Every text from the ledger is escaped
// (html_escape.h) after bytes that are not UTF-8 became U+FFFD (as DumpJson writes them).
//
// The page is built from the replay's JSON model (replay.h ReplayJson), in either form (revealed
// or pseudonymised; dates may be day numbers, shown as "dag N"), so that a bundle of several
// cases can render each case the same way and frame them with the same start and end.
#pragma once

#include <string>

#include "codec/json_render.h"

namespace rmc {

// The start of a page up to and including <body>: the doctype, the title (escaped) and the
// shared style sheet.
std::string ReplayPageStart(const std::string& title);
// The end of a page: the check that every event marker ([data-position]) can be seen, which
// writes its result into #zichtcontrole (data-seen, data-unseen: positions; data-height: the
// page's height), and </body></html>.
std::string ReplayPageEnd();

// One case's part of a page (a <section>): header, counts, the two pictures, the event list.
// REQUIRES: `replay` is ReplayJson's object ("events", or "decisions" with --decisions).
std::string ReplayCaseHtml(const Json& replay);

// The whole page for one case: ReplayPageStart, ReplayCaseHtml, ReplayPageEnd.
std::string ReplayHtml(const Json& replay);

}  // namespace rmc
