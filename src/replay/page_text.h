// The words of the replay page (replay_html.h) that only a replay needs: the changes between two
// case views. Dates, values and an event's reasoning in plain Dutch, which the right-of-access
// page shares, are in views/dutch_text.h. Plain text: the caller escapes it.
#pragma once

#include <string>

#include "codec/json_render.h"
#include "views/dutch_text.h"

namespace rmc {

// A value (or list element) of the changed case-view field `field` (ViewChanges' name): a step
// as StepText, a §1.2 information item by its label, a correction by its position ("#36"),
// anything else as ValueText/ElementText.
std::string ChangeValueText(const std::string& field, const Json& value);

// "doelgroep" for "target_group", "jongere: naam" for "subject.name" (changes name a field of an
// object NAME.FIELD).
std::string ChangeFieldLabel(const std::string& field);

}  // namespace rmc
