#include "codec/command.h"

#include <simdjson.h>

#include <algorithm>
#include <set>
#include <vector>

#include "base/digest.h"
#include "base/json_writer.h"
#include "base/names.h"
#include "codec/command_limits.h"
#include "codec/corrected_fields.h"
#include "codec/json_codec.h"
#include "codec/json_render.h"
#include "codec/message_sizes.h"

namespace rmc {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// Sorted keys, no white space: two commands with the same content hash the same, and two
// with different content never. Keys are escaped as strings are (JsonWriter writes what
// simdjson::minify writes for valid UTF-8), so a key holding '"' cannot pass for two fields.
// Keys without '"', '\\' or control characters come out as they did before keys were
// escaped: the hashes stored for such commands stay valid (tests/unit/command_test.cc).
void Canonical(element e, JsonWriter& out) {
  switch (e.type()) {
    case element_type::OBJECT: {
      std::vector<std::pair<std::string_view, element>> fields;
      simdjson::dom::object object;
      object = e.get_object().value_unsafe();
      for (auto [k, v] : object) fields.emplace_back(k, v);
      std::sort(fields.begin(), fields.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      out.Char('{');
      for (size_t i = 0; i < fields.size(); ++i) {
        if (i) out.Char(',');
        out.String(fields[i].first);
        out.Char(':');
        Canonical(fields[i].second, out);
      }
      out.Char('}');
      break;
    }
    case element_type::ARRAY: {
      out.Char('[');
      bool first = true;
      simdjson::dom::array array;
      array = e.get_array().value_unsafe();
      for (element v : array) {
        if (!first) out.Char(',');
        first = false;
        Canonical(v, out);
      }
      out.Char(']');
      break;
    }
    default:
      out.Raw(simdjson::minify(e));
  }
}

Status Text(element e, const char* name, size_t max, std::string& out) {
  std::string_view s;
  if (e.get_string().get(s) != simdjson::SUCCESS || s.empty() || s.size() > max)
    return InvalidInput(std::string(name) + ": expected a string of 1 to " + std::to_string(max) +
                        " characters");
  out = s;
  return Status::Ok();
}

// A name (names.h): an identifier that becomes a key or part of one.
Status Name(element e, const char* name, size_t max, std::string& out) {
  if (auto s = Text(e, name, max, out); !s.ok()) return s;
  return CheckName(name, out, max);
}

// A case id is also a list item in the subjects index, which separates case ids by commas.
Status CaseId(element e, std::string& out) {
  if (auto s = Name(e, "case", 64, out); !s.ok()) return s;
  if (out.find(',') != std::string::npos)
    return InvalidInput("case: holds a comma; expected a case id such as RMC-000001");
  return Status::Ok();
}

// The refs in a command's data are hashed into the subject's key (docs/storage.md, Keystore).
Status CheckRefs(Command& c) {
  auto check = [](const char* what, capnp::Text::Reader ref) {
    return CheckName(what, std::string_view(ref.begin(), ref.size()), 128);
  };
  if (c.kind == schema::Payload::SIGNAL_RECEIVED)
    return check("data.subject.ref", c.data().getSignalReceived().getSubject().getRef());
  if (c.kind == schema::Payload::SUBJECT_ERASED)
    return check("data.subject", c.data().getSubjectErased().getSubject());
  return Status::Ok();
}

// The parser of commands: it refuses a document over kMaxCommandBytes (CAPACITY) or nested
// deeper than kMaxCommandDepth (DEPTH_ERROR) instead of growing for it.
simdjson::dom::parser& CommandParser() {
  thread_local simdjson::dom::parser parser = [] {
    simdjson::dom::parser p(kMaxCommandBytes);
    // Sets the depth, which the parser keeps as it grows. Should this fail, so will parsing.
    [[maybe_unused]] auto error =
        p.allocate(simdjson::dom::MINIMAL_DOCUMENT_CAPACITY, kMaxCommandDepth);
    return p;
  }();
  return parser;
}

// The parsed command: a `correct` takes it along (TakeCorrectedFields), the others leave it for
// the next command to reuse.
simdjson::dom::document& CommandDocument() {
  thread_local simdjson::dom::document document;
  return document;
}

// `correct`'s data: the target and the corrected fields, which keep the parsed document.
Status ParseCorrection(element data, Command& c) {
  simdjson::dom::object object;
  if (data.get_object().get(object) != simdjson::SUCCESS) return InvalidInput("data: expected an object");
  bool has_fields = false;
  std::set<std::string_view> seen;
  for (auto [key, value] : object) {
    if (!seen.insert(key).second) return InvalidInput("data." + std::string(key) + ": given twice");
    if (key == "event") {
      uint64_t position;
      std::string_view text;
      if (value.get_uint64().get(position) == simdjson::SUCCESS && position > 0)
        c.correct_target = std::to_string(position);
      else if (value.get_string().get(text) == simdjson::SUCCESS && !text.empty())
        c.correct_target = text;
      else
        return InvalidInput("data.event: expected an event id or a position");
    } else if (key == "data") {
      if (value.type() != element_type::OBJECT)
        return InvalidInput("data.data: expected an object with the corrected fields");
      has_fields = true;
    } else {
      return InvalidInput("data." + std::string(key) + ": unknown field; expected event, data");
    }
  }
  if (c.correct_target.empty()) return InvalidInput("data.event: missing");
  if (!has_fields) return InvalidInput("data.data: missing");
  if (c.reason.empty()) return InvalidInput("reason: missing; a correction needs a reason");
  // The document moves into the command (a fresh one is left for the next parse); the elements
  // are found again in it, since an element names the document it belongs to.
  auto corrected = std::make_shared<CorrectedFields>();
  std::swap(corrected->document, CommandDocument());
  simdjson::dom::object fields;
  if (corrected->document.root()["data"]["data"].get_object().get(fields) != simdjson::SUCCESS)
    return InvalidInput("data.data: expected an object with the corrected fields");
  std::set<std::string_view> named;
  for (auto [key, value] : fields) {
    if (!named.insert(key).second)
      return InvalidInput("data.data." + std::string(key) + ": given twice");
    corrected->fields.emplace_back(key, value);
  }
  c.corrected = std::move(corrected);
  return Status::Ok();
}

// invalid_input naming the first object or list (by its path) with more than kMaxCommandItems
// members or elements. `e` is nested at most kMaxCommandDepth deep.
Status CheckItems(element e, const std::string& path) {
  auto too_many = [&] {
    return InvalidInput((path.empty() ? std::string("the command") : path) + ": more than " +
                        std::to_string(kMaxCommandItems) +
                        " items; one object or list of a command holds at most that many");
  };
  if (e.type() == element_type::OBJECT) {
    simdjson::dom::object object = e.get_object().value_unsafe();
    if (object.size() > kMaxCommandItems) return too_many();
    for (auto [key, value] : object)
      if (auto s =
              CheckItems(value, path.empty() ? std::string(key) : path + "." + std::string(key));
          !s.ok())
        return s;
  } else if (e.type() == element_type::ARRAY) {
    simdjson::dom::array array = e.get_array().value_unsafe();
    if (array.size() > kMaxCommandItems) return too_many();
    size_t i = 0;
    for (element v : array)
      if (auto s = CheckItems(v, path + "[" + std::to_string(i++) + "]"); !s.ok()) return s;
  }
  return Status::Ok();
}

// One field of the command's envelope into `c` (`data` is kept for later): invalid_input naming
// the field that is unknown or not as expected.
Status EnvelopeField(std::string_view key, element value, Command& c, std::optional<element>& data,
                     std::string* id_out) {
  Status s;
  if (key == "id") {
    s = Name(value, "id", 128, c.id);
    if (s.ok() && id_out) *id_out = c.id;
  } else if (key == "type") {
    s = Text(value, "type", 64, c.type);
  } else if (key == "case") {
    s = CaseId(value, c.case_id);
  } else if (key == "subject") {
    s = Name(value, "subject", 128, c.subject_ref);
  } else if (key == "actor") {
    s = Text(value, "actor", 128, c.actor);
  } else if (key == "reason") {
    s = Text(value, "reason", 4096, c.reason);
  } else if (key == "expected_version") {
    uint64_t v;
    if (value.get_uint64().get(v) != simdjson::SUCCESS || v > UINT32_MAX)
      s = InvalidInput("expected_version: expected a whole number from 0 to " +
                       std::to_string(UINT32_MAX));
    else
      c.expected_version = uint32_t(v);
  } else if (key == "occurred_at") {
    std::string text;
    s = Text(value, "occurred_at", 64, text);
    if (s.ok()) {
      auto t = ParseTime(text);
      if (!t.ok()) s = InvalidInput("occurred_at: " + t.status().message());
      else c.occurred_at = *t;
    }
  } else if (key == "trace_id" || key == "parent_span_id") {
    std::string text;
    const bool trace = key == "trace_id";
    std::string_view given;
    if (value.get_string().get(given) == simdjson::SUCCESS) text = given;
    auto raw = ParseTraceBytes(key, text, trace ? 16 : 8);
    if (!raw.ok()) s = raw.status();
    else (trace ? c.trace.trace_id : c.trace.parent_span_id) = *raw;
  } else if (key == "caller") {
    s = Text(value, "caller", 512, c.trace.caller);
    if (s.ok()) s = CheckCaller("caller", c.trace.caller);
  } else if (key == "processing_activity") {
    s = Text(value, "processing_activity", 64, c.activity);
  } else if (key == "data") {
    data = value;
  } else {
    s = InvalidInput(std::string(key) +
                     ": unknown field; expected id, type, case, subject, expected_version, "
                     "actor, occurred_at, reason, trace_id, parent_span_id, caller, processing_activity, "
                     "data");
  }
  return s;
}

}  // namespace

Status CommandTooLong() {
  return InvalidInput("not read: the command is longer than " + std::to_string(kMaxCommandBytes) +
                      " bytes (1 MiB), the most one command may take");
}

const char* RoleName(schema::Role role) {
  switch (role) {
    case schema::Role::CONSULENT: return "consulent";
    case schema::Role::COORDINATOR: return "coordinator";
    case schema::Role::AUDITOR: return "auditor";
    case schema::Role::EVALUATOR: return "evaluator";
    case schema::Role::SYSTEM: return "system";
  }
  return "consulent";
}

std::optional<schema::Role> RoleFromName(std::string_view name) {
  for (auto r : {schema::Role::CONSULENT, schema::Role::COORDINATOR, schema::Role::AUDITOR,
                 schema::Role::EVALUATOR, schema::Role::SYSTEM})
    if (name == RoleName(r)) return r;
  return std::nullopt;
}

Result<Command> ParseCommand(std::string_view line, const CommandDefaults& defaults,
                             std::string* id_out) {
  element root;
  if (auto err = CommandParser().parse_into_document(CommandDocument(), line.data(), line.size(), true)
                     .get(root)) {
    if (err == simdjson::CAPACITY) return CommandTooLong();
    if (err == simdjson::DEPTH_ERROR)
      return InvalidInput("nested deeper than " + std::to_string(kMaxCommandDepth) +
                          " objects and lists, the most one command may nest");
    return InvalidInput(std::string("not valid JSON: ") + simdjson::error_message(err));
  }
  if (root.type() != element_type::OBJECT) return InvalidInput("expected a JSON object");

  Command c;
  c.actor = defaults.actor;
  c.role = defaults.role;
  c.activity = defaults.activity;
  std::optional<element> data;
  simdjson::dom::object root_object;
  root_object = root.get_object().value_unsafe();
  std::set<std::string_view> seen;
  for (auto [key, value] : root_object) {
    Status s = seen.insert(key).second ? EnvelopeField(key, value, c, data, id_out)
                                       : InvalidInput(std::string(key) + ": given twice");
    if (!s.ok()) return s;
  }
  // A command that carries no trace context of its own runs in the one given on the command line.
  if (!seen.count("trace_id") && !seen.count("parent_span_id") && !seen.count("caller"))
    c.trace = defaults.trace;
  // After the envelope, so that the result line can name the command's id.
  if (auto s = CheckItems(root, ""); !s.ok()) return s;
  if (c.id.empty()) return InvalidInput("id: missing; every command needs an idempotency key");
  // The actor is recorded with every event; it may come from --actor or $RMC_ACTOR, and an empty
  // one (`--actor ""`) would record an event by nobody.
  if (auto s = CheckName("actor", c.actor, 128); !s.ok()) return s;
  if (c.type.empty()) return InvalidInput("type: missing");
  if (!data) return InvalidInput("data: missing; expected an object with the fields of " + c.type);

  JsonWriter canonical(line.size() + 64);
  Canonical(root, canonical);
  c.hash = Blake2b(canonical.view());

  auto member = schema_info::PayloadMemberForCommand(c.type);
  if (!member) {
    std::string types;
    for (const auto& t : schema_info::CommandTypes()) types += (types.empty() ? "" : ", ") + t;
    return InvalidInput("type: unknown command type '" + c.type + "'; expected one of " + types);
  }
  c.member = *member;
  c.kind = schema::Payload::Which(member->getProto().getDiscriminantValue());
  if (c.kind == schema::Payload::EVENT_CORRECTED) {
    if (auto s = ParseCorrection(*data, c); !s.ok()) return s;
    return c;
  }
  c.payload = std::make_unique<capnp::MallocMessageBuilder>(kPayloadWords);
  auto payload = capnp::toDynamic(c.payload->initRoot<schema::Payload>());
  auto fill = FillFromJson(payload.init(*member).as<capnp::DynamicStruct>(), *data, "data");
  if (!fill.ok()) return fill;
  if (auto s = CheckRefs(c); !s.ok()) return s;
  if (c.kind == schema::Payload::SUBJECT_ERASED && c.reason.empty())
    return InvalidInput("reason: missing; an erasure needs a reason");
  return c;
}

}  // namespace rmc
