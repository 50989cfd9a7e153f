#include "views/dutch_text.h"

#include <cctype>
#include <cstdio>
#include <string_view>

#include "base/local_time.h"
#include "domain/routing.h"
#include "views/plain_language.h"

namespace rmc {
namespace {

constexpr const char* kMonths[] = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                   "jul", "aug", "sep", "okt", "nov", "dec"};

// Year, month (1-12) and day of a day, read back from FormatDate's "YYYY-MM-DD".
struct Ymd {
  int year, month, day;
};
Ymd YmdOf(Days day) {
  const std::string iso = FormatDate(day);
  return {std::stoi(iso.substr(0, 4)), std::stoi(iso.substr(5, 2)), std::stoi(iso.substr(8, 2))};
}

bool IsDigit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Whether text[at..at+10) has the shape YYYY-MM-DD.
bool DateShapeAt(const std::string& text, size_t at) {
  if (at + 10 > text.size()) return false;
  for (size_t i = 0; i < 10; ++i) {
    const char c = text[at + i];
    if ((i == 4 || i == 7) ? c != '-' : !IsDigit(c)) return false;
  }
  return true;
}

std::string Field(const Json& o, const char* key) {
  if (!o.contains(key)) return "";
  const Json& v = Member(o, key);
  return IsDateKey(key) && v.is_number_integer() ? DutchDate(v) : ValueText(v);
}

}  // namespace

const Json& Member(const Json& j, const char* key) {
  static const Json kNull;
  if (!j.is_object()) return kNull;
  auto it = j.find(key);
  return it == j.end() ? kNull : *it;
}

bool IsDateKey(std::string_view key) {
  return key == "date" || key == "due" || key == "received" || key == "at" || key == "opened_at" ||
         key == "closed_on";
}

bool IsTrue(const Json& j) { return j.is_boolean() && j.get<bool>(); }
int64_t IntOr(const Json& j, int64_t otherwise) {
  return j.is_number_integer() ? j.get<int64_t>() : otherwise;
}

std::optional<Days> DayOf(const Json& date) {
  if (date.is_number_integer()) return Days(date.get<int64_t>());
  if (!date.is_string()) return std::nullopt;
  const std::string text = date.get<std::string>();
  if (!DateShapeAt(text, 0)) return std::nullopt;
  if (text.size() == 10) {
    auto day = ParseDate(text);
    return day.ok() ? std::optional<Days>(*day) : std::nullopt;
  }
  if (text[10] != 'T') return std::nullopt;
  auto t = ParseTime(text);
  return t.ok() ? std::optional<Days>(LocalDate(t->ns)) : std::nullopt;
}

std::string DutchDay(Days day) {
  const Ymd d = YmdOf(day);
  return std::to_string(d.day) + " " + kMonths[d.month - 1] + " " + std::to_string(d.year);
}

std::string DutchMonth(Days day) {
  const Ymd d = YmdOf(day);
  return std::string(kMonths[d.month - 1]) + " " + std::to_string(d.year);
}

std::string DutchDate(const Json& date) {
  if (date.is_number_integer()) return "dag " + std::to_string(date.get<int64_t>());
  if (auto day = DayOf(date)) return DutchDay(*day);
  if (date.is_string()) return date.get<std::string>();
  return date.is_null() ? "" : DumpJson(date);
}

std::string DutchDateTime(const Json& time) {
  if (!time.is_string() || !DateShapeAt(time.get<std::string>(), 0) ||
      time.get<std::string>().size() == 10)
    return DutchDate(time);
  auto t = ParseTime(time.get<std::string>());
  if (!t.ok()) return DutchDate(time);
  const LocalTime local = LocalTimeOf(t->ns);
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02d:%02d", local.hour % 100, local.minute % 100);
  return DutchDay(local.day) + " om " + clock;
}

std::string LocalizeDates(const std::string& text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    const bool boundary = (i == 0 || !IsDigit(text[i - 1])) &&
                          (i + 10 >= text.size() || !IsDigit(text[i + 10]));
    if (boundary && DateShapeAt(text, i)) {
      if (auto day = ParseDate(text.substr(i, 10)); day.ok()) {
        out += DutchDay(*day);
        i += 10;
        continue;
      }
    }
    out += text[i++];
  }
  return out;
}

std::string ValueText(const Json& v) {
  if (v.is_null()) return "–";
  if (v.is_boolean()) return v.get<bool>() ? "ja" : "nee";
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if (s == "*") return "alle partners";
    return DayOf(v) ? DutchDate(v) : s;
  }
  if (v.is_array()) {
    if (v.empty()) return "geen";
    std::string out;
    for (const auto& item : v) {
      const bool phrase = item.is_object();
      out += (out.empty() ? "" : phrase ? "; " : ", ") + (phrase ? ElementText(item) : ValueText(item));
    }
    return out;
  }
  if (v.is_object()) return ElementText(v);
  return DumpJson(v);
}

std::string ElementText(const Json& e) {
  if (!e.is_object()) return ValueText(e);
  if (e.contains("channel") && e.contains("outcome"))
    return Field(e, "date") + " " + Field(e, "channel") + ": " + Field(e, "outcome");
  if (e.contains("code") && e.contains("due")) {
    const std::string state = IsTrue(Member(e, "overdue")) ? "verlopen"
                              : IsTrue(Member(e, "met"))   ? "gehaald"
                                                        : "open";
    return DeadlineLabel(Member(e, "code").is_string() ? Member(e, "code").get<std::string>() : "") +
           ", uiterlijk " + Field(e, "due") + " (" + state + ")";
  }
  if (e.contains("kind") && e.contains("partners")) {
    const std::string kind = Member(e, "kind").is_string() ? Member(e, "kind").get<std::string>() : "";
    const std::string label = kind == "given"     ? "gegeven"
                              : kind == "refused" ? "geweigerd"
                              : kind == "withdrawn" ? "ingetrokken"
                                                    : kind;
    return "toestemming " + label + " voor " + Field(e, "partners") + " (" + Field(e, "categories") + ")";
  }
  if (e.contains("rule") && e.contains("to_step"))
    return "afwijking " + RuleLabel(Member(e, "rule").is_string() ? Member(e, "rule").get<std::string>() : "") + ": stap " + Field(e, "from_step") + " → " +
           Field(e, "to_step") + (e.contains("reason") && !Member(e, "reason").is_null()
                                      ? ", reden: " + Field(e, "reason") : "");
  if (e.contains("channel") && e.contains("received"))
    return "signaal via " + Field(e, "channel") + " op " + Field(e, "received");
  std::string out;
  for (auto& [key, value] : e.items()) {
    if (key == "position") continue;
    const std::string text = IsDateKey(key) && value.is_number_integer() ? DutchDate(value) : ValueText(value);
    out += (out.empty() ? "" : ", ") + CaseFieldLabel(key) + ": " + (value.is_object() ? "(" + text + ")" : text);
  }
  return out;
}

std::string StepText(const Json& step) {
  const int64_t s = IntOr(step, 0);
  return s == 0 ? "nog geen stap" : std::to_string(s) + " " + StepName(int(s));
}

std::string InfoItemsText(const Json& items) {
  if (!items.is_array() || items.empty()) return "geen";
  std::string out;
  for (const auto& i : items)
    out += (out.empty() ? "" : ", ") + InfoItemLabel(i.is_string() ? i.get<std::string>() : "");
  return out;
}

namespace {

// One element of a reasoning list: its texts (a bottleneck's issue, owner and solution; a
// partner's task) in one phrase.
std::string ReasoningElement(const Json& e) {
  if (!e.is_object()) return ValueText(e);
  std::string out;
  auto add = [&](const char* key, const char* before) {
    const Json& v = Member(e, key);
    if (v.is_null() || (v.is_string() && v.get<std::string>().empty())) return;
    out += (out.empty() ? "" : before) + ValueText(v);
  };
  add("partner", "");
  add("task", ": ");
  add("issue", "; ");
  add("owner", "; wie: ");
  add("solution", "; oplossing: ");
  add("text", "; ");
  if (Member(e, "tags").is_array() && !Member(e, "tags").empty())
    out += " (" + ValueText(Member(e, "tags")) + ")";
  return out;
}

}  // namespace

const char* const kReasoningFields[9] = {"rationale",        "reasons",     "education_reasons",
                                         "next_steps",       "responsibilities", "follow_up",
                                         "learning_points",  "bottlenecks", "improvements"};

std::vector<ReasoningText> ReasoningOf(const Json& data) {
  std::vector<ReasoningText> out;
  for (const char* key : kReasoningFields) {
    const Json& v = Member(data, key);
    if (v.is_null()) continue;
    std::string text;
    if (v.is_array()) {
      for (const auto& e : v) text += (text.empty() ? "" : " · ") + ReasoningElement(e);
    } else {
      text = ValueText(v);
    }
    if (!text.empty()) out.push_back({ReasoningLabel(key), text});
  }
  return out;
}

}  // namespace rmc
