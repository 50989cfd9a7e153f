#include "views/event_details.h"

#include <algorithm>
#include <string_view>

#include "views/dutch_text.h"
#include "views/plain_language.h"

namespace rmc {
namespace {

// Fields a youth learns nothing from: the first six are derived for the rules; target to given
// are what the event's sentence says already; the ref is shown once, under the youth's data.
constexpr std::string_view kLeftOut[] = {
    "info_items", "has_enrolled", "has_wish",  "has_jikp_perspective", "school_measures_missing",
    "by_aftercare_check", "target", "fields", "from_step", "to_step", "command", "given", "ref",
};

bool LeftOut(const std::string& key, const Json& value) {
  if (std::find(std::begin(kLeftOut), std::end(kLeftOut), key) != std::end(kLeftOut)) return true;
  if (value.is_null() || (value.is_string() && value.get<std::string>().empty())) return true;
  if ((value.is_array() || value.is_object()) && value.empty()) return true;
  return key == "age_at_triage" && value == 0;  // 0: the birth date was not known
}

// A value in one phrase: an object's members each as "label: value" with the event's labels (a
// map of the schema, such as the life domains, keeps its codes as they are), anything else as
// ValueText.
std::string Phrase(const Json& value) {
  if (!value.is_object()) {
    if (!value.is_array() || value.empty() || !value.front().is_object()) return ValueText(value);
    std::string out;
    for (const auto& item : value) out += (out.empty() ? "" : "; ") + Phrase(item);
    return out;
  }
  std::string out;
  for (auto& [key, member] : value.items()) {
    if (LeftOut(key, member)) continue;
    const std::string text = member.is_object() ? "(" + Phrase(member) + ")" : Phrase(member);
    out += (out.empty() ? "" : ", ") + EventFieldLabel(key) + ": " + text;
  }
  return out;
}

void Add(std::vector<Detail>& out, const std::string& label, const Json& value) {
  const std::string text = Phrase(value);
  if (!text.empty()) out.push_back({label, text});
}

}  // namespace

std::vector<Detail> EventDetails(const Json& data) {
  std::vector<Detail> out;
  if (!data.is_object()) return out;
  const std::vector<ReasoningText> reasoning = ReasoningOf(data);
  for (auto& [key, value] : data.items()) {
    if (LeftOut(key, value)) continue;
    if (std::find(std::begin(kReasoningFields), std::end(kReasoningFields), key) !=
        std::end(kReasoningFields)) {
      const std::string label = ReasoningLabel(key);
      for (const auto& r : reasoning)
        if (r.label == label) out.push_back({r.label, r.text});
    } else if ((key == "subject" || key == "corrected") && value.is_object()) {
      // One line a field: the youth's data, or the corrected values of an earlier event.
      for (auto& [field, v] : value.items()) {
        if (LeftOut(field, v)) continue;
        if (key == "subject") {
          Add(out, EventFieldLabel(field), v);
        } else if (field == "subject" && v.is_object()) {
          for (auto& [f, sv] : v.items())
            if (!LeftOut(f, sv)) Add(out, "nieuwe waarde: " + FieldLabel(f), sv);
        } else {
          Add(out, "nieuwe waarde: " + EventFieldLabel(field), v);
        }
      }
    } else if (key == "missing_info") {  // §1.2 item codes
      out.push_back({EventFieldLabel(key), InfoItemsText(value)});
    } else {
      Add(out, EventFieldLabel(key), value);
    }
  }
  return out;
}

}  // namespace rmc
