// Region settings (`rmc init`, `rmc config`; docs/routekaart.md#settings). A fold over the
// SettingChanged events; every value has its default (the regional examples of the method).
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace rmc {

struct Settings {
  std::string region = "regio";
  int max_age = 23;
  int pickup_days = 5;          // working days
  int letter_reply_days = 14;
  int no_contact_min_days = 28;
  int no_contact_letters = 1;      // the effort of rule no-contact-effort (§4.2: the regions
  int no_contact_home_visits = 2;  // differ), on different days for the home visits
  int in_beeld_months = 12;        // a youth kept in view is contacted at least this often
  int oud_vsv_months = 12;
  int aftercare_months = 6;
  int evaluation_days = 60;
  int retention_after_age_years = 2;
  int retention_after_end_years = 2;
  std::vector<std::string> extra_categories;  // data categories the region adds
  // Where the register of processing activities lives, for the LDV export (ldv_export.h): a
  // URI ("https://…", "urn:…"); empty: the URN form urn:rmc:REGION:verwerking.
  std::string ldv_base_uri;
  // The application that calls rmc with its trace context but without naming itself (`caller`),
  // for the LDV export's dpl.core.foreign_operation.processor: a URL; empty: none named.
  std::string ldv_caller;
  // Whether the pseudonymised form (the evaluator's) keeps reasoning text, redacted ("redacted",
  // the default), or removes it too ("off"): docs/roles.md, The pseudonymised form.
  bool pseudonymized_reasoning = true;
  // Where a youth turns, shown on the right-of-access page (views/subject_export_html.h): the
  // RMC (name, address, phone), the region's data protection officer (functionaris
  // gegevensbescherming: e-mail or address), and how to object or ask for a correction or an
  // erasure. Empty: not set, and the page tells the youth to ask their consultant or the
  // municipality where they live.
  std::string contact_rmc, contact_privacy_officer, contact_requests;

  // Checks and applies one setting; invalid_input names the key or the expected value.
  Status Set(const std::string& key, const std::string& value);
  // key -> value for every setting, in a stable order.
  std::map<std::string, std::string> All() const;
  bool IsCategory(const std::string& category) const;

  // The form kept in the ledger's meta: "key=value" lines (values were checked when set).
  std::string Encode() const;
  static Settings Decode(std::string_view text);
};

// The built-in data categories (docs/routekaart.md#privacy).
const std::vector<std::string>& BuiltInCategories();

}  // namespace rmc
