#include "domain/settings.h"

#include <algorithm>
#include <charconv>

#include "base/names.h"
#include "base/uri.h"
#include "codec/trace_context.h"

namespace rmc {
namespace {

struct IntSetting {
  const char* key;
  int Settings::*member;
  int min, max;
};

const IntSetting kInts[] = {
    {"max_age", &Settings::max_age, 23, 27},
    {"pickup_days", &Settings::pickup_days, 1, 60},
    {"letter_reply_days", &Settings::letter_reply_days, 1, 120},
    {"no_contact_min_days", &Settings::no_contact_min_days, 1, 365},
    {"no_contact_letters", &Settings::no_contact_letters, 0, 10},
    {"no_contact_home_visits", &Settings::no_contact_home_visits, 0, 10},
    {"in_beeld_months", &Settings::in_beeld_months, 1, 60},
    {"oud_vsv_months", &Settings::oud_vsv_months, 1, 60},
    {"aftercare_months", &Settings::aftercare_months, 0, 60},
    {"evaluation_days", &Settings::evaluation_days, 1, 730},
    {"retention_after_age_years", &Settings::retention_after_age_years, 0, 30},
    {"retention_after_end_years", &Settings::retention_after_end_years, 0, 30},
};

// A contact text: what it must hold to be of use to a youth, said in the error.
struct ContactSetting {
  const char* key;
  std::string Settings::*member;
  bool needs_address;  // a phone number, an address or an e-mail address: a digit or an '@'
  const char* expected;
};

const ContactSetting kContacts[] = {
    {"contact_rmc", &Settings::contact_rmc, true,
     "the RMC's name, address and phone number, e.g. \"RMC Utrecht, Postbus 16200, 3500 CE "
     "Utrecht, 030 286 10 00\""},
    {"contact_privacy_officer", &Settings::contact_privacy_officer, true,
     "the e-mail or postal address of the data protection officer, e.g. "
     "\"fg@regio-utrecht.nl\""},
    {"contact_requests", &Settings::contact_requests, false,
     "in Dutch, how a youth objects or asks for a correction or an erasure, e.g. \"Schrijf een "
     "brief of e-mail aan het RMC; wij antwoorden binnen een maand.\""},
};

// Checks a contact text; empty unsets it.
Status CheckContact(const ContactSetting& c, const std::string& value) {
  if (value.empty()) return Status::Ok();
  const std::string expected = std::string(c.key) + ": expected " + c.expected +
                               ", or \"\" when not set";
  // One line of 10 to 400 bytes: it is kept as a key=value line (Encode) and printed whole.
  if (value.size() < 10 || !CheckName(c.key, value, 400).ok()) return InvalidInput(expected);
  if (c.needs_address && value.find_first_of("0123456789@") == std::string::npos)
    return InvalidInput(expected);
  return Status::Ok();
}

}  // namespace

const std::vector<std::string>& BuiltInCategories() {
  static const std::vector<std::string> c = {"contactgegevens", "verzuim", "onderwijs",
                                             "werk", "inkomen", "gezin", "huisvesting",
                                             "plan", "zorg", "justitie"};
  return c;
}

Status Settings::Set(const std::string& key, const std::string& value) {
  if (key == "region") {
    if (value.empty()) return InvalidInput("region: expected a name");
    // Names: a line break would start another setting in meta/settings (Encode).
    if (auto s = CheckName("region", value, 128); !s.ok()) return s;
    region = value;
    return Status::Ok();
  }
  if (key == "ldv_base_uri") {
    if (!value.empty() && !IsAbsoluteUri(value))
      return InvalidInput(
          "ldv_base_uri: expected a URI such as https://register.example.nl/verwerkingen "
          "or urn:example:verwerking, or \"\" for urn:rmc:REGION:verwerking");
    ldv_base_uri = value;
    return Status::Ok();
  }
  if (key == "ldv_caller") {
    if (!value.empty())
      if (auto s = CheckCaller("ldv_caller", value); !s.ok()) return s;
    ldv_caller = value;
    return Status::Ok();
  }
  if (key == "pseudonymized_reasoning") {
    if (value != "redacted" && value != "off")
      return InvalidInput("pseudonymized_reasoning: expected redacted (reasoning kept in "
                          "pseudonymised output, redacted) or off (removed)");
    pseudonymized_reasoning = value == "redacted";
    return Status::Ok();
  }
  for (const auto& c : kContacts) {
    if (key != c.key) continue;
    if (auto s = CheckContact(c, value); !s.ok()) return s;
    this->*c.member = value;
    return Status::Ok();
  }
  if (key == "categories") {
    extra_categories.clear();
    size_t start = 0;
    while (start <= value.size() && !value.empty()) {
      size_t comma = value.find(',', start);
      std::string c = value.substr(start, comma - start);
      if (c.empty()) return InvalidInput("categories: expected names separated by commas");
      if (auto s = CheckName("categories", c, 128); !s.ok()) return s;
      extra_categories.push_back(c);
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    return Status::Ok();
  }
  for (const auto& s : kInts) {
    if (key != s.key) continue;
    int v = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
    if (ec != std::errc() || end != value.data() + value.size() || v < s.min || v > s.max)
      return InvalidInput(key + ": expected a whole number from " + std::to_string(s.min) +
                          " to " + std::to_string(s.max));
    if (s.member == &Settings::max_age && v != 23 && v != 27)
      return InvalidInput("max_age: expected 23 or 27 (the RMC serves youths until their 23rd "
                          "birthday, or their 27th where the region extends it)");
    this->*s.member = v;
    return Status::Ok();
  }
  std::string keys = "region, categories, ldv_base_uri, ldv_caller, pseudonymized_reasoning";
  for (const auto& s : kInts) keys += std::string(", ") + s.key;
  for (const auto& c : kContacts) keys += std::string(", ") + c.key;
  return InvalidInput("unknown setting '" + key + "'; expected one of " + keys);
}

std::string Settings::Encode() const {
  std::string out;
  for (const auto& [k, v] : All()) out += k + "=" + v + "\n";
  return out;
}

Settings Settings::Decode(std::string_view text) {
  Settings s;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    std::string line(text.substr(start, nl - start));
    if (size_t eq = line.find('='); eq != std::string::npos)
      (void)s.Set(line.substr(0, eq), line.substr(eq + 1));
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return s;
}

std::map<std::string, std::string> Settings::All() const {
  std::map<std::string, std::string> out;
  out["region"] = region;
  std::string cats;
  for (const auto& c : extra_categories) cats += (cats.empty() ? "" : ",") + c;
  out["categories"] = cats;
  out["ldv_base_uri"] = ldv_base_uri;
  out["ldv_caller"] = ldv_caller;
  out["pseudonymized_reasoning"] = pseudonymized_reasoning ? "redacted" : "off";
  for (const auto& s : kInts) out[s.key] = std::to_string(this->*s.member);
  for (const auto& c : kContacts) out[c.key] = this->*c.member;
  return out;
}

bool Settings::IsCategory(const std::string& c) const {
  const auto& b = BuiltInCategories();
  return std::find(b.begin(), b.end(), c) != b.end() ||
         std::find(extra_categories.begin(), extra_categories.end(), c) != extra_categories.end();
}

}  // namespace rmc
