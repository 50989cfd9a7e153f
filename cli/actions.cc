// rmc <type> [CASE] --flags: every command type of docs/commands.md, with one flag per data field
// generated from the schema (kebab-case; nested objects prefixed, e.g. --subject-birth-date).
// The flags become the same JSON command `rmc apply` reads, and go through the same path.
#include <cstdio>

#include "codec/command_limits.h"
#include "codec/schema_info.h"
#include "context.h"

namespace rmc::cli {
namespace {

namespace si = schema_info;

struct FlagSpec {
  std::vector<std::string> path;  // JSON path inside data
  capnp::Type type;
  bool personal = false;
  bool json_value = false;  // the flag takes JSON text (objects, lists of objects, maps)
  std::vector<std::string> values;
  std::string json_text;  // json_value flags: a plain string, so CLI11 does not split "[...]"
};

std::string Kebab(std::string s) {
  for (auto& c : s)
    if (c == '_') c = '-';
  return s;
}

void CollectFlags(capnp::StructSchema schema, std::vector<std::string> prefix,
                  std::vector<std::shared_ptr<FlagSpec>>& out) {
  for (auto f : schema.getFields()) {
    if (si::IsDerived(f)) continue;
    auto path = prefix;
    path.push_back(si::JsonName(f));
    auto type = f.getType();
    if (type.isStruct() && !si::IsDate(type.asStruct()) && !si::IsPersonal(f)) {
      CollectFlags(type.asStruct(), path, out);
      continue;
    }
    auto spec = std::make_shared<FlagSpec>();
    spec->path = path;
    spec->type = type;
    spec->personal = si::IsPersonal(f);
    spec->json_value = type.isStruct() && !si::IsDate(type.asStruct());
    if (type.isList() && (si::JsonMap(f) || type.asList().getElementType().isStruct()))
      spec->json_value = true;
    out.push_back(spec);
  }
}

// The JSON text of `flag`; usage when it is not JSON (`expected` says what was) or nests deeper
// than a command may (command_limits.h). The depth is checked while parsing, so that no deeper
// value is ever built: copying, printing or freeing one recurses once per level.
Result<Json> FlagJson(const std::string& flag, const std::string& text,
                      const std::string& expected) {
  bool too_deep = false;
  Json j;
  try {
    j = Json::parse(text, [&](int depth, Json::parse_event_t, Json&) {
      too_deep |= depth > int(kMaxCommandDepth);
      return !too_deep;
    });
  } catch (const std::exception&) {
    return Status(Code::kUsage, flag + ": expected " + expected);
  }
  if (too_deep)
    return Status(Code::kUsage, flag + ": nested deeper than " + std::to_string(kMaxCommandDepth) +
                                    " objects and lists, the most one command may nest");
  return j;
}

Result<Json> FlagValue(const FlagSpec& f) {
  auto parse_json = [&](const std::string& text) {
    return FlagJson("--" + Kebab(f.path.back()), text, "JSON, got " + text);
  };
  if (f.json_value) return parse_json(f.json_text);
  if (f.type.isList()) {
    Json list = Json::array();
    auto element = f.type.asList().getElementType();
    for (const auto& v : f.values) {
      if (f.personal) {
        list.push_back(v);
        continue;
      }
      size_t start = 0;
      for (;;) {
        size_t comma = v.find(',', start);
        std::string item = v.substr(start, comma - start);
        if (element.isText() || element.isEnum()) list.push_back(item);
        else {
          auto j = parse_json(item);
          if (!j.ok()) return j;
          list.push_back(*j);
        }
        if (comma == std::string::npos) break;
        start = comma + 1;
      }
    }
    return list;
  }
  const std::string& v = f.values.back();
  switch (f.type.which()) {
    case capnp::schema::Type::BOOL:
      if (v == "true" || v == "ja" || v == "yes") return Json(true);
      if (v == "false" || v == "nee" || v == "no") return Json(false);
      return Status(Code::kUsage, "--" + Kebab(f.path.back()) + ": expected true or false");
    case capnp::schema::Type::TEXT:
    case capnp::schema::Type::ENUM:
    case capnp::schema::Type::STRUCT:  // a date
      return Json(v);
    default:
      return parse_json(v);
  }
}

struct CommonOptions {
  std::string case_id, id, subject, occurred_at, reason;
  int64_t expected_version = 0;
  bool has_expected_version = false;  // given: checked by ParseCommand, negative values too
  std::string correct_event, correct_data;
};

int RunAction(Globals& g, const std::string& type, const CommonOptions& o,
              const std::vector<std::shared_ptr<FlagSpec>>& flags) {
  Json cmd;
  cmd["id"] = o.id.empty() ? NewCommandId() : o.id;
  cmd["type"] = type;
  if (!o.case_id.empty()) cmd["case"] = o.case_id;
  if (!o.subject.empty() && type != "forget_subject") cmd["subject"] = o.subject;
  if (o.has_expected_version) cmd["expected_version"] = o.expected_version;
  if (!o.occurred_at.empty()) cmd["occurred_at"] = o.occurred_at;
  if (!o.reason.empty()) cmd["reason"] = o.reason;
  Json data = Json::object();
  if (type == "correct") {
    if (!o.correct_event.empty()) {
      bool number = o.correct_event.size() < 20 &&
                    o.correct_event.find_first_not_of("0123456789") == std::string::npos;
      data["event"] = number ? Json(std::stoull(o.correct_event)) : Json(o.correct_event);
    }
    if (!o.correct_data.empty()) {
      auto corrected = FlagJson("--data", o.correct_data, "a JSON object");
      if (!corrected.ok()) return Fail(g, corrected.status());
      data["data"] = std::move(*corrected);
    }
  }
  for (const auto& f : flags) {
    if (f->values.empty() && f->json_text.empty()) continue;
    auto v = FlagValue(*f);
    if (!v.ok()) return Fail(g, v.status());
    Json* at = &data;
    for (size_t i = 0; i + 1 < f->path.size(); ++i) at = &(*at)[f->path[i]];
    (*at)[f->path.back()] = *v;
  }
  cmd["data"] = data;
  auto out = ExecuteOne(g, cmd);
  if (!out.ok()) return Fail(g, out.status());
  if (type == "signal" && !g.json) std::printf("%s\n", out->case_id.c_str());
  else PrintOutcome(g, *out);
  return 0;
}

}  // namespace

void RegisterActions(CLI::App& app, Globals& g, int& exit_code) {
  for (const std::string& type : si::CommandTypes()) {
    auto member = si::PayloadMemberForCommand(type);
    std::string help = "record " + type;
    if (int step = si::StepOf(*member)) help += " (routekaart step " + std::to_string(step) + ")";
    auto* sub = app.add_subcommand(type, help);
    if (Kebab(type) != type) sub->alias(Kebab(type));
    sub->group("Case actions");
    auto o = std::make_shared<CommonOptions>();
    auto flags = std::make_shared<std::vector<std::shared_ptr<FlagSpec>>>();
    if (type != "signal" && type != "forget_subject")
      sub->add_option("case", o->case_id, "the case (or use --subject)");
    sub->add_option("--id", o->id, "idempotency key (default: a new one)");
    if (type != "forget_subject" && type != "signal")
      sub->add_option("--subject", o->subject, "address the subject's current case by its ref");
    if (type == "signal") sub->add_option("--case", o->case_id, "attach to this case id (new cases get the next number)");
    sub->add_option("--expected-version", o->expected_version,
                    "refuse unless the case is at this version")
        ->each([o](const std::string&) { o->has_expected_version = true; });
    sub->add_option("--occurred-at", o->occurred_at, "business time (ISO date or time; not in the future)");
    sub->add_option("--reason", o->reason, "why: makes an out-of-route step or a broken rule a recorded deviation");
    if (type == "correct") {
      sub->add_option("--event", o->correct_event, "the corrected event: position or event id")->required();
      sub->add_option("--data", o->correct_data, "the corrected fields as a JSON object")->required();
    } else {
      CollectFlags(member->getType().asStruct(), {}, *flags);
      for (auto& f : *flags) {
        std::string name;
        for (const auto& part : f->path) name += (name.empty() ? "" : "-") + Kebab(part);
        // A data field named like a command-level flag gets the type as prefix: close's
        // reason (a code) is --close-reason; --reason stays the deviation's reason.
        if (sub->get_option_no_throw("--" + name)) name = Kebab(type) + "-" + name;
        std::string desc = f->personal ? "(personal, sealed)" : "";
        if (f->json_value) desc += std::string(desc.empty() ? "" : " ") + "JSON";
        else if (f->type.isList())  // free text may hold commas: only repetition separates it
          desc += std::string(desc.empty() ? "" : " ") +
                  (f->personal ? "list: repeat for each item" : "list: repeat or separate with commas");
        else if (f->type.isEnum()) desc += std::string(desc.empty() ? "" : " ") + si::EnumCodes(f->type.asEnum());
        else if (f->type.isStruct()) desc += std::string(desc.empty() ? "" : " ") + "YYYY-MM-DD";
        else if (f->type.isBool()) desc += std::string(desc.empty() ? "" : " ") + "true or false";
        if (f->json_value) {
          sub->add_option("--" + name, f->json_text, desc);
          continue;
        }
        sub->add_option("--" + name, f->values, desc)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)->type_size(1)->expected(1);
      }
    }
    sub->callback([&g, &exit_code, type, o, flags] { exit_code = RunAction(g, type, *o, *flags); });
  }
}

}  // namespace rmc::cli
