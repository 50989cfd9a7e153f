// Dates and values as a Dutch reader writes them, for the pages people read (the replay page,
// replay/replay_html.h; the right-of-access page, subject_export_html.h): local dates
// (Europe/Amsterdam) with Dutch month names, values and list elements of a case view in plain
// Dutch, never a raw JSON key where a label exists (plain_language.h holds the labels). Plain
// text: the caller escapes it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "codec/json_render.h"

namespace rmc {

// j[key], or null when `j` is not an object or has no `key` (a const Json's operator[] must not
// be asked for a missing key).
const Json& Member(const Json& j, const char* key);

// Whether `j` is true; the integer `j` holds, else `otherwise`.
bool IsTrue(const Json& j);
int64_t IntOr(const Json& j, int64_t otherwise);

// Whether `key` names a date among the members of a view's list elements ("date", "due",
// "received", "at", "opened_at", "closed_on"): a day number there (the pseudonymised form) is
// "dag N", not a bare number.
bool IsDateKey(std::string_view key);

// The day a date stands for: an ISO date ("2026-09-04"), or an ISO time taken as its local date
// (Europe/Amsterdam) as days since 1970-01-01; an integer as itself (the pseudonymised form
// counts days since the first signal). nullopt for anything else.
std::optional<Days> DayOf(const Json& date);

// "4 sep 2026" for an ISO date or time (its local date), "dag 12" for an integer, the text as it
// is for any other string, "" for null.
std::string DutchDate(const Json& date);
// "4 sep 2026 om 14:05" for an ISO time: its local date and time on the wall clock
// (Europe/Amsterdam, summer time included); DutchDate for anything else (a date, a day number).
std::string DutchDateTime(const Json& time);
// "4 sep 2026" for a day (days since 1970-01-01).
std::string DutchDay(Days day);
// "sep 2026" for the month of a day.
std::string DutchMonth(Days day);

// `text` with every ISO date in it ("op 2026-09-04") written as DutchDay ("op 4 sep 2026").
std::string LocalizeDates(const std::string& text);

// A value of a case view or an event in plain Dutch: ja/nee, dates as DutchDate, "–" for null,
// "alle partners" for "*", lists joined with "; ", each element as ElementText.
std::string ValueText(const Json& value);
// One element of a case-view list in one phrase: a contact by its date, channel and outcome, a
// deadline by its label and due date, a consent, a deviation, a signal; any other object as
// "label: value, …".
std::string ElementText(const Json& element);
// §1.2 information items by their labels, joined with ", "; "geen" for none.
std::string InfoItemsText(const Json& items);
// "3 triage" for step 3, "nog geen stap" for 0.
std::string StepText(const Json& step);
// The reasoning an event's data holds (the triage's rationale, an inquiry's reasons and next
// steps, a plan's agreements with partners, a monitoring follow-up, an evaluation's learning
// points, bottlenecks and improvements): each present field as its Dutch label and its text,
// in the order of kReasoningFields. What a learning session is about; redacted in the
// pseudonymised form.
struct ReasoningText {
  std::string label, text;
};
std::vector<ReasoningText> ReasoningOf(const Json& data);
// The data fields ReasoningOf shows: every $reasoning field of the schema (a test holds them
// equal).
extern const char* const kReasoningFields[9];

}  // namespace rmc
