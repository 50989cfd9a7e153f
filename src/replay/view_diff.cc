#include "replay/view_diff.h"

#include <string>

namespace rmc {
namespace {

bool Contains(const Json& list, const Json& element) {
  for (const auto& e : list)
    if (e == element) return true;
  return false;
}

// A list's added and removed elements. Lists mostly grow at the end (signals, contacts,
// deviations): then the common prefix is skipped without comparing every pair.
Json ListChange(const std::string& field, const Json& before, const Json& after) {
  size_t common = 0;
  while (common < before.size() && common < after.size() && before[common] == after[common])
    ++common;
  Json added = Json::array(), removed = Json::array();
  for (size_t i = common; i < after.size(); ++i)
    if (!Contains(before, after[i])) added.push_back(after[i]);
  for (size_t i = common; i < before.size(); ++i)
    if (!Contains(after, before[i])) removed.push_back(before[i]);
  Json change = {{"field", field}};
  if (!added.empty()) change["added"] = std::move(added);
  if (!removed.empty()) change["removed"] = std::move(removed);
  return change;
}

void Compare(const std::string& prefix, const Json& before, const Json& after, Json& changes) {
  static const Json kAbsent;
  auto one = [&](const std::string& key, const Json& from, const Json& to) {
    if (from == to) return;
    const std::string field = prefix + key;
    if (from.is_object() && to.is_object()) return Compare(field + ".", from, to, changes);
    if (from.is_array() && to.is_array()) return changes.push_back(ListChange(field, from, to));
    changes.push_back({{"field", field}, {"from", from}, {"to", to}});
  };
  for (const auto& [key, to] : after.items()) {
    if (prefix.empty() && key == "version") continue;
    one(key, before.contains(key) ? before[key] : kAbsent, to);
  }
  for (const auto& [key, from] : before.items())
    if (!after.contains(key)) one(key, from, kAbsent);
}

}  // namespace

Json ViewChanges(const Json& before, const Json& after) {
  Json changes = Json::array();
  Compare("", before.is_object() ? before : Json::object(), after, changes);
  return changes;
}

}  // namespace rmc
