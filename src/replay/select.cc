#include "replay/select.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <string>
#include <utility>

#include "codec/schema_info.h"
#include "domain/routing.h"

namespace rmc {
namespace {

namespace si = schema_info;
using F = SelectField;

struct FieldSpec {
  std::string_view name;
  SelectField field;
  bool ordered;         // takes < <= > >=
  bool may_be_missing;  // takes the value none
  const char* noun;     // "\"x\" is not <noun>"
};

constexpr FieldSpec kFields[] = {
    {"status", F::kStatus, false, false, "a status"},
    {"target_group", F::kTargetGroup, false, true, "a target group"},
    {"opened", F::kOpened, true, false, "a date"},
    {"closed", F::kClosed, true, true, "a date"},
    {"step", F::kStep, true, false, "a step"},
    {"deviations", F::kDeviations, true, false, "a count"},
    {"route", F::kRoute, false, true, "a route"},
    {"right_decision", F::kRightDecision, false, true, "a right decision"},
};

constexpr std::pair<std::string_view, SelectOp> kOps[] = {
    {"<=", SelectOp::kLe}, {">=", SelectOp::kGe}, {"!=", SelectOp::kNe},
    {"=", SelectOp::kEq},  {"<", SelectOp::kLt},  {">", SelectOp::kGt},
};
constexpr std::string_view kOpList = "one of = != < <= > >=";
constexpr std::string_view kNone = "none";

std::string FieldList() {
  std::string out;
  for (const auto& f : kFields) out += (out.empty() ? "one of " : ", ") + std::string(f.name);
  return out;
}

// A piece of the expression for a message: printable ASCII only (checked before), 40 at most.
std::string Quote(std::string_view text) {
  constexpr size_t kMax = 40;
  return "\"" + std::string(text.substr(0, kMax)) + (text.size() > kMax ? "...\"" : "\"");
}

// The codes of a field with named values, each with its value in CaseFacts; empty for others.
// Target groups and right decisions come from the schema, so a new code needs no change here.
std::vector<std::pair<std::string, int64_t>> CodesOf(SelectField field) {
  std::vector<std::pair<std::string, int64_t>> out;
  auto from_schema = [&](capnp::EnumSchema e) {
    for (auto x : e.getEnumerants()) out.emplace_back(si::EnumCode(x), x.getOrdinal());
  };
  switch (field) {
    case F::kStatus:
      for (auto s : {CaseStatus::kOpen, CaseStatus::kNazorg, CaseStatus::kAfgesloten})
        out.emplace_back(StatusName(s), int64_t(s));
      break;
    case F::kTargetGroup: from_schema(capnp::Schema::from<schema::TargetGroup>()); break;
    case F::kRoute: out = {{"kort", int64_t(Route::kKort)}, {"lang", int64_t(Route::kLang)}}; break;
    case F::kRightDecision: from_schema(capnp::Schema::from<schema::RightDecision>()); break;
    default: break;
  }
  return out;
}

// What a value of `spec` looks like, for "expected ..."; with `none` where it may be missing.
std::string Expected(const FieldSpec& spec, bool with_none) {
  std::string out;
  switch (spec.field) {
    case F::kOpened:
    case F::kClosed: out = "a date YYYY-MM-DD (1678-01-01 to 2261-12-31)"; break;
    case F::kStep: out = "a step from 1 to 13"; break;
    case F::kDeviations: out = "a count from 0"; break;
    default:
      for (const auto& [code, value] : CodesOf(spec.field))
        out += (out.empty() ? "one of " : ", ") + code;
  }
  if (with_none && spec.may_be_missing) out += " or none";
  return out;
}

std::optional<int64_t> Number(std::string_view text) {
  int64_t n = 0;
  if (text.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return n;
}

// The value `text` stands for in `spec`'s field; nullopt when it is not one.
std::optional<int64_t> ValueOf(const FieldSpec& spec, std::string_view text) {
  switch (spec.field) {
    case F::kOpened:
    case F::kClosed: {
      auto d = ParseDate(text);
      if (!d.ok()) return std::nullopt;
      return *d;
    }
    case F::kStep: {
      auto n = Number(text);
      return n && *n >= 1 && *n <= 13 ? n : std::nullopt;
    }
    case F::kDeviations: return Number(text);
    default:
      for (const auto& [code, value] : CodesOf(spec.field))
        if (code == text) return value;
      return std::nullopt;
  }
}

Status Error(size_t offset, const std::string& found, std::string_view expected) {
  return Status(Code::kUsage, "--select: column " + std::to_string(offset + 1) + ": " + found +
                                  "; expected " + std::string(expected));
}

// One term, `term` starting at byte `at` of the expression (all printable ASCII, no space).
Result<SelectTerm> ParseTerm(std::string_view term, size_t at) {
  size_t op_at = std::min(term.find_first_of("=!<>"), term.size());
  std::string_view name = term.substr(0, op_at);
  if (name.empty()) return Error(at, "no field before " + Quote(term.substr(0, 1)), FieldList());
  const FieldSpec* spec = nullptr;
  for (const auto& f : kFields)
    if (f.name == name) spec = &f;
  if (!spec) return Error(at, "unknown field " + Quote(name), FieldList());

  std::string_view rest = term.substr(op_at);
  const std::pair<std::string_view, SelectOp>* op = nullptr;
  for (const auto& o : kOps)
    if (!op && rest.substr(0, o.first.size()) == o.first) op = &o;
  if (!op)
    return Error(at + op_at,
                 rest.empty() ? "no operator after " + std::string(name)
                              : Quote(rest.substr(0, 1)) + " alone is not an operator",
                 kOpList);
  bool ordering = op->second != SelectOp::kEq && op->second != SelectOp::kNe;
  if (ordering && !spec->ordered)
    return Error(at + op_at, std::string(name) + " has no order", "= or !=");

  size_t value_at = op_at + op->first.size();
  std::string_view text = term.substr(value_at);
  if (text.empty())
    return Error(at + value_at, "no value after " + std::string(term), Expected(*spec, true));
  if (text == kNone && spec->may_be_missing) {
    if (ordering) return Error(at + value_at, "none has no order", Expected(*spec, false));
    return SelectTerm{spec->field, op->second, std::nullopt};
  }
  auto value = ValueOf(*spec, text);
  if (!value)
    return Error(at + value_at, Quote(text) + " is not " + spec->noun, Expected(*spec, true));
  return SelectTerm{spec->field, op->second, value};
}

std::optional<int64_t> FactOf(const CaseFacts& f, SelectField field) {
  auto present = [](int64_t v, int64_t missing) {
    return v == missing ? std::nullopt : std::optional<int64_t>(v);
  };
  switch (field) {
    case F::kStatus: return int64_t(f.status);
    case F::kTargetGroup: return present(f.target_group, -1);
    case F::kOpened: return present(f.opened, kNoDay);
    case F::kClosed: return present(f.closed, kNoDay);
    case F::kStep: return f.step;
    case F::kDeviations: return f.deviations;
    case F::kRoute: return present(int64_t(f.route), int64_t(Route::kNone));
    case F::kRightDecision: return present(f.right_decision, -1);
  }
  return std::nullopt;
}

bool Holds(const SelectTerm& t, std::optional<int64_t> fact) {
  if (!t.value || !fact) {  // a missing value equals only none, and is ordered against nothing
    bool both_missing = !t.value && !fact;
    return t.op == SelectOp::kEq ? both_missing : t.op == SelectOp::kNe && !both_missing;
  }
  int64_t a = *fact, b = *t.value;
  switch (t.op) {
    case SelectOp::kEq: return a == b;
    case SelectOp::kNe: return a != b;
    case SelectOp::kLt: return a < b;
    case SelectOp::kLe: return a <= b;
    case SelectOp::kGt: return a > b;
    case SelectOp::kGe: return a >= b;
  }
  return false;
}

Route RouteOf(const CaseState& s) {
  constexpr uint16_t kSteps4To10 = ((1u << 11) - 1) & ~((1u << 4) - 1);
  if (s.steps_done & kSteps4To10) return Route::kLang;
  if (!(s.steps_done & (1u << 3))) return Route::kNone;  // not triaged since (re)opening
  return IsShortRoute(s) ? Route::kKort : Route::kLang;
}

}  // namespace

CaseFacts FactsOf(const CaseState& state, Days today, int right_decision) {
  CaseFacts f;
  f.status = EffectiveStatus(state, today);
  f.target_group = state.target_group;
  f.opened = LocalDate(state.opened_at);
  f.closed = state.closed_on;
  f.step = state.step;
  f.deviations = int(state.deviations.size());
  f.route = RouteOf(state);
  f.right_decision = right_decision;
  return f;
}

Result<Selection> ParseSelection(std::string_view expr) {
  if (expr.size() > kMaxSelectionLength)
    return Error(
        kMaxSelectionLength,
        "the expression is longer than " + std::to_string(kMaxSelectionLength) + " characters",
        "a few terms");
  Selection selection;
  size_t i = 0;
  while (true) {
    while (i < expr.size() && expr[i] == ' ') ++i;
    if (i == expr.size()) break;
    size_t end = std::min(expr.find(' ', i), expr.size());
    std::string_view term = expr.substr(i, end - i);
    for (size_t k = 0; k < term.size(); ++k) {
      auto c = static_cast<unsigned char>(term[k]);
      if (c < 0x21 || c > 0x7e) {
        char hex[5];
        std::snprintf(hex, sizeof hex, "0x%02x", c);
        return Error(i + k, "byte " + std::string(hex) + " is not allowed",
                     "printable ASCII, terms separated by spaces");
      }
    }
    auto t = ParseTerm(term, i);
    if (!t.ok()) return t.status();
    selection.terms.push_back(*t);
    i = end;
  }
  if (selection.terms.empty())
    return Error(expr.size(), "no terms",
                 "at least one term FIELD OP VALUE, e.g. status=afgesloten");
  return selection;
}

bool Matches(const Selection& selection, const CaseFacts& facts) {
  for (const auto& t : selection.terms)
    if (!Holds(t, FactOf(facts, t.field))) return false;
  return true;
}

}  // namespace rmc
