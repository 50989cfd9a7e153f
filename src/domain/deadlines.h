// Deadlines (termijnbewaking; docs/routekaart.md#deadlines): computed from the case state, the
// region settings and the clock; never stored.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/case_state.h"
#include "domain/settings.h"

namespace rmc {

struct Deadline {
  std::string code;  // pickup, letter_reply, no_contact, oud_vsv_yearly, aftercare_check, ...
  Days due = kNoDay;
  bool overdue = false;  // not met and past its due date
  Days met = kNoDay;     // when it was met (late when after due)
};

// What the deadlines of a case need beyond its state.
struct DeadlineFacts {
  std::optional<Days> birth;  // from sealed data: adds max_age, and keeps a youth in view
  bool latest_case = true;    // whether the case is its youth's latest (only that keeps in view)
};

// The case's deadlines on `today`.
std::vector<Deadline> DeadlinesOf(const CaseState& state, const Settings& settings, Days today,
                                  const DeadlineFacts& facts);

// Whether closing this case keeps its youth in view (§3.2: oud-vsv'ers are written to yearly;
// JIKP: "het in beeld brengen (monitoren)"): vsv-oud closed geen-contact or
// wijst-ondersteuning-af; jikp closed for any reason but verhuisd or leeftijdsgrens.
bool KeepsInView(const CaseState& state);
// Whether the case keeps its youth in view on `today`: KeepsInView, its route ended (afgesloten),
// the youth's latest case, and a known birth date before max_age.
bool InView(const CaseState& state, const Settings& settings, Days today,
            const DeadlineFacts& facts);

// The effort to reach a youth up to `on`, since the last contact that reached them (rule
// no-contact-effort): all attempts when none did. By the dates the contacts occurred, not the
// order they were recorded in.
struct NoContactEffort {
  int letters = 0;
  int visit_days = 0;         // home visits, on different days
  Days first = kNoDay;        // the first attempt since; none: no attempt since
};
NoContactEffort EffortSinceLastContact(const CaseState& state, Days on);
// Whether a contact attempt reached the youth (bereikt, afspraak-gemaakt).
bool Reached(const ContactRecord& contact);

}  // namespace rmc
