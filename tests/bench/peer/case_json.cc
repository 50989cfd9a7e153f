#include "peer/case_json.h"

#include <simdjson.h>

#include <charconv>
#include <cstdint>
#include <limits>
#include <string>
#include <type_traits>
#include <vector>

#include "base/hex.h"

namespace rmc::bench {
namespace {

// ---- CaseState <-> JSON -----------------------------------------------------------------

const char kHexDigits[] = "0123456789abcdef";

void Quote(std::string& out, std::string_view s) {
  out += '"';
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += ch;
    } else if (c < 0x20) {
      out += "\\u00";
      out += kHexDigits[c >> 4];
      out += kHexDigits[c & 15];
    } else {
      out += ch;
    }
  }
  out += '"';
}

std::string ToHex(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    out += kHexDigits[c >> 4];
    out += kHexDigits[c & 15];
  }
  return out;
}


// Writes every value followed by a comma; a closing bracket replaces the comma before it, and
// the caller drops the one after the outermost object.
class JsonWriter {
 public:
  std::string& out() { return out_; }
  void Open() { out_ += '{'; }
  void Close() { End('}'); }
  void Int(const char* name, int64_t v) {
    Key(name);
    Number(v);
  }
  void Str(const char* name, std::string_view v) {
    Key(name);
    Quote(out_, v);
    out_ += ',';
  }
  template <typename T, typename F>
  void Array(const char* name, const std::vector<T>& items, F each) {
    Key(name);
    out_ += '[';
    for (const auto& item : items) each(item);
    End(']');
  }
  void UInt(const char* name, uint64_t v) {
    Key(name);
    Number(v);
  }
  template <typename T>
  void Number(T v) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, end);
    out_ += ',';
  }
  void String(std::string_view v) {
    Quote(out_, v);
    out_ += ',';
  }

 private:
  void Key(const char* name) {
    out_ += '"';
    out_ += name;
    out_ += "\":";
  }
  void End(char bracket) {
    if (out_.back() == ',') out_.back() = bracket;
    else out_ += bracket;
    out_ += ',';
  }
  std::string out_;
};

const char* ConsentKindName(ConsentRecord::Kind k) {
  switch (k) {
    case ConsentRecord::kGiven: return "given";
    case ConsentRecord::kRefused: return "refused";
    case ConsentRecord::kWithdrawn: return "withdrawn";
  }
  return "given";
}

using simdjson::dom::element;

bool Get(element v, std::string& out) {
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS) return false;
  out = s;
  return true;
}
template <typename T>
bool Get(element v, T& out) {
  if constexpr (std::is_same_v<T, uint64_t>) {
    return v.get_uint64().get(out) == simdjson::SUCCESS;
  } else {
    int64_t x;
    if (v.get_int64().get(x) != simdjson::SUCCESS || x < int64_t(std::numeric_limits<T>::min()) ||
        (x > 0 && uint64_t(x) > uint64_t(std::numeric_limits<T>::max())))
      return false;
    out = T(x);
    return true;
  }
}
bool Get(element v, std::vector<std::string>& out) {
  simdjson::dom::array a;
  if (v.get_array().get(a) != simdjson::SUCCESS) return false;
  for (element item : a) {
    std::string s;
    if (!Get(item, s)) return false;
    out.push_back(std::move(s));
  }
  return true;
}
bool Get(element v, std::vector<uint64_t>& out) {
  simdjson::dom::array a;
  if (v.get_array().get(a) != simdjson::SUCCESS) return false;
  for (element item : a) {
    uint64_t x;
    if (!Get(item, x)) return false;
    out.push_back(x);
  }
  return true;
}
// An array of objects: `field(record, key, value)` reads one member into the record.
template <typename T, typename F>
bool GetRecords(element v, std::vector<T>& out, F field) {
  simdjson::dom::array a;
  if (v.get_array().get(a) != simdjson::SUCCESS) return false;
  for (element item : a) {
    simdjson::dom::object o;
    if (item.get_object().get(o) != simdjson::SUCCESS) return false;
    T record;
    for (auto [key, value] : o)
      if (!field(record, key, value)) return false;
    out.push_back(std::move(record));
  }
  return true;
}

// Long on purpose: one branch per field of CaseState, the mirror of CaseStateToJson.
Result<CaseState> DecodeState(simdjson::dom::parser& parser, std::string_view json) {
  element root;
  if (parser.parse(json.data(), json.size(), true).get(root) != simdjson::SUCCESS)
    return LedgerError("damaged case projection: not JSON");
  simdjson::dom::object object;
  if (root.get_object().get(object) != simdjson::SUCCESS)
    return LedgerError("damaged case projection: not an object");
  CaseState s;
  for (auto [key, v] : object) {
    bool ok = false;
    if (key == "case_id") ok = Get(v, s.case_id);
    else if (key == "version") ok = Get(v, s.version);
    else if (key == "subject") {
      std::string hex;
      ok = Get(v, hex);
      auto raw = ok ? FromHex(hex) : std::nullopt;
      if ((ok = raw.has_value())) s.subject = std::move(*raw);
    } else if (key == "status") {
      std::string name;
      ok = Get(v, name);
      if (name == "open") s.status = CaseStatus::kOpen;
      else if (name == "nazorg") s.status = CaseStatus::kNazorg;
      else if (name == "afgesloten") s.status = CaseStatus::kAfgesloten;
      else ok = false;
    } else if (key == "step") ok = Get(v, s.step);
    else if (key == "at") ok = Get(v, s.at);
    else if (key == "steps_done") ok = Get(v, s.steps_done);
    else if (key == "flags") ok = Get(v, s.flags);
    else if (key == "target_group") ok = Get(v, s.target_group);
    else if (key == "jikp_perspective") ok = Get(v, s.jikp_perspective);
    else if (key == "info_present") ok = Get(v, s.info_present);
    else if (key == "consulent") ok = Get(v, s.consulent);
    else if (key == "opened_at") ok = Get(v, s.opened_at);
    else if (key == "last_signal") ok = Get(v, s.last_signal);
    else if (key == "picked_up") ok = Get(v, s.picked_up);
    else if (key == "first_attempt") ok = Get(v, s.first_attempt);
    else if (key == "last_letter") ok = Get(v, s.last_letter);
    else if (key == "closed_on") ok = Get(v, s.closed_on);
    else if (key == "close_reason") ok = Get(v, s.close_reason);
    else if (key == "aftercare_until") ok = Get(v, s.aftercare_until);
    else if (key == "aftercare_ended") ok = Get(v, s.aftercare_ended);
    else if (key == "aftercare_checks") ok = Get(v, s.aftercare_checks);
    else if (key == "feedback_on") ok = Get(v, s.feedback_on);
    else if (key == "last_monitoring_note") ok = Get(v, s.last_monitoring_note);
    else if (key == "contact_every_days") ok = Get(v, s.contact_every_days);
    else if (key == "plan_started_on") ok = Get(v, s.plan_started_on);
    else if (key == "reopened") ok = Get(v, s.reopened);
    else if (key == "first_channel") ok = Get(v, s.first_channel);
    else if (key == "last_position") ok = Get(v, s.last_position);
    else if (key == "signals") ok = Get(v, s.signals);
    else if (key == "corrections") ok = Get(v, s.corrections);
    else if (key == "contacts")
      ok = GetRecords(v, s.contacts, [](ContactRecord& r, std::string_view k, element x) {
        if (k == "position") return Get(x, r.position);
        if (k == "day") return Get(x, r.day);
        if (k == "channel") return Get(x, r.channel);
        if (k == "outcome") return Get(x, r.outcome);
        return false;
      });
    else if (key == "consents")
      ok = GetRecords(v, s.consents, [](ConsentRecord& r, std::string_view k, element x) {
        if (k == "position") return Get(x, r.position);
        if (k == "kind") {
          std::string name;
          if (!Get(x, name)) return false;
          if (name == "given") r.kind = ConsentRecord::kGiven;
          else if (name == "refused") r.kind = ConsentRecord::kRefused;
          else if (name == "withdrawn") r.kind = ConsentRecord::kWithdrawn;
          else return false;
          return true;
        }
        if (k == "partners") return Get(x, r.partners);
        if (k == "categories") return Get(x, r.categories);
        if (k == "valid_until") return Get(x, r.valid_until);
        if (k == "day") return Get(x, r.day);
        return false;
      });
    else if (key == "deviations")
      ok = GetRecords(v, s.deviations, [](DeviationRecord& r, std::string_view k, element x) {
        if (k == "position") return Get(x, r.position);
        if (k == "from_step") return Get(x, r.from_step);
        if (k == "to_step") return Get(x, r.to_step);
        if (k == "rule") return Get(x, r.rule);
        if (k == "reason") return Get(x, r.reason);
        if (k == "actor") return Get(x, r.actor);
        if (k == "at") return Get(x, r.at);
        return false;
      });
    if (!ok) return LedgerError("damaged case projection: field " + std::string(key));
  }
  return s;
}

}  // namespace

std::string CaseStateToJson(const CaseState& s) {
  JsonWriter w;
  w.out().reserve(512);
  w.Open();
  w.Str("case_id", s.case_id);
  w.Int("version", s.version);
  w.Str("subject", ToHex(s.subject));
  w.Str("status", StatusName(s.status));
  w.Int("step", s.step);
  w.Int("at", s.at);
  w.Int("steps_done", s.steps_done);
  w.Int("flags", s.flags);
  w.Int("target_group", s.target_group);
  w.Int("jikp_perspective", s.jikp_perspective);
  w.Int("info_present", s.info_present);
  w.Str("consulent", s.consulent);
  w.Int("opened_at", s.opened_at);
  w.Int("last_signal", s.last_signal);
  w.Int("picked_up", s.picked_up);
  w.Int("first_attempt", s.first_attempt);
  w.Int("last_letter", s.last_letter);
  w.Int("closed_on", s.closed_on);
  w.Int("close_reason", s.close_reason);
  w.Int("aftercare_until", s.aftercare_until);
  w.Int("aftercare_ended", s.aftercare_ended);
  w.Int("aftercare_checks", s.aftercare_checks);
  w.Int("feedback_on", s.feedback_on);
  w.Int("last_monitoring_note", s.last_monitoring_note);
  w.Int("contact_every_days", s.contact_every_days);
  w.Int("plan_started_on", s.plan_started_on);
  w.Int("reopened", s.reopened);
  w.Int("first_channel", s.first_channel);
  w.UInt("last_position", s.last_position);
  w.Array("signals", s.signals, [&](uint64_t p) { w.Number(p); });
  w.Array("contacts", s.contacts, [&](const ContactRecord& c) {
    w.Open();
    w.UInt("position", c.position);
    w.Int("day", c.day);
    w.Int("channel", c.channel);
    w.Int("outcome", c.outcome);
    w.Close();
  });
  w.Array("consents", s.consents, [&](const ConsentRecord& c) {
    w.Open();
    w.UInt("position", c.position);
    w.Str("kind", ConsentKindName(c.kind));
    w.Array("partners", c.partners, [&](const std::string& p) { w.String(p); });
    w.Array("categories", c.categories, [&](const std::string& p) { w.String(p); });
    w.Int("valid_until", c.valid_until);
    w.Int("day", c.day);
    w.Close();
  });
  w.Array("deviations", s.deviations, [&](const DeviationRecord& d) {
    w.Open();
    w.UInt("position", d.position);
    w.Int("from_step", d.from_step);
    w.Int("to_step", d.to_step);
    w.Str("rule", d.rule);
    w.Str("reason", d.reason);
    w.Str("actor", d.actor);
    w.Int("at", d.at);
    w.Close();
  });
  w.Array("corrections", s.corrections, [&](uint64_t p) { w.Number(p); });
  w.Close();
  std::string out = std::move(w.out());
  out.pop_back();  // the comma after the outermost object
  return out;
}

Result<CaseState> CaseStateFromJson(std::string_view json) {
  thread_local simdjson::dom::parser parser;
  return DecodeState(parser, json);
}

}  // namespace rmc::bench
