#include "replay/page_text.h"

#include "views/plain_language.h"

namespace rmc {

std::string ChangeValueText(const std::string& field, const Json& v) {
  if (v.is_array()) {
    if (v.empty()) return "geen";
    std::string out;
    for (const auto& item : v) out += (out.empty() ? "" : ", ") + ChangeValueText(field, item);
    return out;
  }
  if ((field == "step" || field == "next_step" || field == "expected_steps") && v.is_number_integer())
    return StepText(v);
  if (field.rfind("info_completeness.", 0) == 0 && v.is_string()) return InfoItemLabel(v.get<std::string>());
  if (field == "corrections" && v.is_number_integer()) return "#" + std::to_string(v.get<int64_t>());
  const std::string member = field.substr(field.rfind('.') == std::string::npos ? 0 : field.rfind('.') + 1);
  if ((IsDateKey(member) || member.ends_with("_until") || member.ends_with("_on")) &&
      v.is_number_integer())
    return DutchDate(v);  // a day number of the pseudonymised form
  return v.is_object() ? ElementText(v) : ValueText(v);
}

std::string ChangeFieldLabel(const std::string& field) {
  const size_t dot = field.find('.');
  if (dot == std::string::npos) return CaseFieldLabel(field);
  const std::string object = field.substr(0, dot), member = field.substr(dot + 1);
  return CaseFieldLabel(object) + ": " +
         (object == "subject" ? FieldLabel(member) : CaseFieldLabel(member));
}

}  // namespace rmc
