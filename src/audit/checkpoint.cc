#include "audit/checkpoint.h"

#include <functional>
#include <set>

#include "base/clock.h"
#include "base/hex.h"
#include "base/names.h"
#include "codec/json_render.h"
#include "store/chain.h"

namespace rmc {
namespace {

constexpr const char* kFormat = "rmc-checkpoint/1";
constexpr const char* kSignedHeader = "rmc-checkpoint v1\n";

// A chain walked from its start: where it ended and the hash of the entry there, or the first
// break.
struct ChainWalk {
  LogMark end;
  std::string problem;  // empty: unbroken
};

// A chained log from position 1 to `up_to`, or to its end when `up_to` is 0; stops at the first
// break. `log` names the log and `entry` one of its entries in the problem.
Result<ChainWalk> Walk(const StoreTxn& txn, Chain chain, const std::string& log, const char* entry,
                       uint64_t up_to) {
  ChainWalk walk;
  auto end = WalkChain(txn, chain, [&](const ChainLink& link) {
    const uint64_t position = link.position;
    auto at = [&] { return log + ": " + entry + " " + std::to_string(position); };
    if (position != link.expected)
      walk.problem = log + ": position " + std::to_string(link.expected) +
                     " is missing (the log goes on at " + std::to_string(position) + ")";
    else if (!link.decoded)
      walk.problem = at() + " cannot be decoded: " + link.damage;
    else if (!link.linked)
      walk.problem = at() + ": prevHash is " + Hex(link.prev_hash) + ", but " + entry + " " +
                     std::to_string(position - 1) + " hashes to " + Hex(link.head);
    else if (link.named_position != position)
      walk.problem = at() + " names position " + std::to_string(link.named_position);
    if (!walk.problem.empty()) return false;
    walk.end = {position, std::string(link.hash)};
    return position != up_to;
  });
  if (!end.ok()) return end.status();
  return walk;
}

// The event log (docs/storage.md, The hash chain).
Result<ChainWalk> WalkEvents(const StoreTxn& txn, uint64_t up_to) {
  return Walk(txn, Chain::kEvents, "events", "event", up_to);
}

// The access log: its own chain.
Result<ChainWalk> WalkAccess(const StoreTxn& txn, uint64_t up_to) {
  return Walk(txn, Chain::kAccess, "access", "record", up_to);
}

// The chained logs, by name: how to walk each.
const std::map<std::string, std::function<Result<ChainWalk>(const StoreTxn&, uint64_t)>>& Logs() {
  static const std::map<std::string, std::function<Result<ChainWalk>(const StoreTxn&, uint64_t)>>
      logs{{"events", WalkEvents}, {"access", WalkAccess}};
  return logs;
}

bool HasLineBreak(std::string_view s) { return s.find_first_of("\r\n") != std::string_view::npos; }

Status Bad(const std::string& field, const std::string& why) {
  return InvalidInput("checkpoint: " + field + ": " + why);
}

// The bytes of `j[field]`, which must be `bytes` bytes in lower-case hex.
Status HexField(const Json& j, const std::string& path, const char* field, size_t bytes,
                std::string& out) {
  auto it = j.find(field);
  std::optional<std::string> v;
  if (it != j.end() && it->is_string()) v = FromHex(it->get<std::string>());
  if (!v || v->size() != bytes)
    return Bad(path + field, "expected " + std::to_string(bytes) + " bytes in lower-case hex");
  out = std::move(*v);
  return Status::Ok();
}

Status CheckFields(const Json& j, const std::string& path, const std::set<std::string>& allowed) {
  for (const auto& [name, value] : j.items())
    if (!allowed.count(name)) return Bad(path + name, "unknown field");
  return Status::Ok();
}

Result<LogMark> ParseMark(const Json& j, const std::string& path) {
  if (!j.is_object()) return Bad(path, "expected an object with position and head");
  if (auto s = CheckFields(j, path + ".", {"position", "head"}); !s.ok()) return s;
  LogMark mark;
  auto position = j.find("position");
  if (position == j.end() || !position->is_number_unsigned() || position->get<uint64_t>() == 0)
    return Bad(path + ".position", "expected a position of 1 or more");
  mark.position = position->get<uint64_t>();
  if (auto s = HexField(j, path + ".", "head", 32, mark.head); !s.ok()) return s;
  return mark;
}

}  // namespace

Result<Checkpoint> MakeCheckpoint(const StoreTxn& txn, const std::string& actor) {
  if (actor.empty() || HasLineBreak(actor) || !IsUtf8(actor))
    return InvalidInput("a checkpoint needs an actor name in UTF-8 without line breaks");
  auto now = Now();
  if (!now.ok()) return now.status();
  auto id = txn.Meta("ledger_id");
  if (!id.ok()) return id.status();
  if (!*id) return LedgerError("meta holds no ledger_id");
  Checkpoint c{**id, FormatTime(now->ns), actor, {}, {}, {}};
  for (const auto& [name, walk_log] : Logs()) {
    auto walk = walk_log(txn, 0);
    if (!walk.ok()) return walk.status();
    if (!walk->problem.empty())
      return Status(Code::kIntegrity, "no checkpoint taken, the chain is broken: " + walk->problem +
                                          " (run rmc verify)");
    if (walk->end.position == 0) {
      // The event log never is (rmc init writes to it); the access log is until the first read.
      if (name == "events") return Status(Code::kIntegrity, "no checkpoint taken: the event log is empty");
      continue;
    }
    c.logs[name] = walk->end;
  }
  return c;
}

std::string SignedBytes(const Checkpoint& c) {
  std::string out = kSignedHeader;
  out += "ledger_id " + Hex(c.ledger_id) + "\n";
  out += "time " + c.time + "\n";
  out += "actor " + c.actor + "\n";
  for (const auto& [name, mark] : c.logs)
    out += "log " + name + " " + std::to_string(mark.position) + " " + Hex(mark.head) + "\n";
  return out;
}

void SignCheckpoint(Checkpoint& c, const SigningKey& key) {
  c.public_key = key.public_key;
  c.signature = Sign(key, SignedBytes(c));
}

std::string CheckpointJson(const Checkpoint& c) {
  Json logs = Json::object();
  for (const auto& [name, mark] : c.logs)
    logs[name] = {{"position", mark.position}, {"head", Hex(mark.head)}};
  Json j = {{"format", kFormat},
            {"ledger_id", Hex(c.ledger_id)},
            {"time", c.time},
            {"actor", c.actor},
            {"logs", logs}};
  if (c.is_signed()) {
    j["public_key"] = Hex(c.public_key);
    j["signature"] = Hex(c.signature);
  }
  return j.dump(2) + "\n";
}

Result<Checkpoint> ParseCheckpoint(std::string_view text) {
  Json j = Json::parse(text, nullptr, false);
  if (!j.is_object()) return InvalidInput("checkpoint: not a JSON object");
  if (auto s = CheckFields(
          j, "", {"format", "ledger_id", "time", "actor", "logs", "public_key", "signature"});
      !s.ok())
    return s;
  auto format = j.find("format");
  if (format == j.end() || *format != kFormat)
    return Bad("format", std::string("expected \"") + kFormat + "\"");
  Checkpoint c;
  if (auto s = HexField(j, "", "ledger_id", 16, c.ledger_id); !s.ok()) return s;
  auto time = j.find("time");
  if (time == j.end() || !time->is_string() || !ParseTime(time->get<std::string>()).ok())
    return Bad("time", "expected an ISO 8601 time");
  c.time = time->get<std::string>();
  auto actor = j.find("actor");
  if (actor == j.end() || !actor->is_string() || actor->get<std::string>().empty() ||
      HasLineBreak(actor->get<std::string>()))
    return Bad("actor", "expected a name without line breaks");
  c.actor = actor->get<std::string>();
  auto logs = j.find("logs");
  if (logs == j.end() || !logs->is_object() || logs->empty())
    return Bad("logs", "expected an object naming at least one log");
  for (const auto& [name, value] : logs->items()) {
    if (name.empty() || name.find_first_of(" \r\n") != std::string::npos)
      return Bad("logs", "a log name without spaces");
    auto mark = ParseMark(value, "logs." + name);
    if (!mark.ok()) return mark.status();
    c.logs[name] = *mark;
  }
  if (j.contains("public_key") != j.contains("signature"))
    return Bad("signature", "public_key and signature come together");
  if (j.contains("signature")) {
    if (auto s = HexField(j, "", "public_key", 32, c.public_key); !s.ok()) return s;
    if (auto s = HexField(j, "", "signature", 64, c.signature); !s.ok()) return s;
  }
  return c;
}

Result<CheckpointReport> VerifyCheckpoint(const StoreTxn& txn, const Checkpoint& c,
                                          const std::optional<std::string>& expected_key) {
  for (const auto& [name, mark] : c.logs) {
    if (Logs().count(name)) continue;
    std::string known;
    for (const auto& [log, walk] : Logs()) known += (known.empty() ? "" : ", ") + log;
    return InvalidInput("the checkpoint marks log \"" + name +
                        "\", which this version of rmc cannot check (it checks " + known +
                        "); verify it with an rmc that knows that log");
  }
  CheckpointReport report;
  auto id = txn.Meta("ledger_id");
  if (!id.ok()) return id.status();
  std::string ledger_id = *id ? **id : "";
  if (ledger_id != c.ledger_id)
    report.problems.push_back("ledger_id: the checkpoint is of ledger " + Hex(c.ledger_id) +
                              ", this is ledger " + Hex(ledger_id));
  else
    report.checked.push_back("ledger_id: " + Hex(ledger_id));

  for (const auto& [name, mark] : c.logs) {
    auto walk = Logs().at(name)(txn, mark.position);
    if (!walk.ok()) return walk.status();
    std::string n = std::to_string(mark.position);
    if (!walk->problem.empty())
      report.problems.push_back(walk->problem);
    else if (walk->end.position < mark.position)
      report.problems.push_back(name + ": the checkpoint's position " + n +
                                " is beyond the log, which ends at " +
                                std::to_string(walk->end.position));
    else if (walk->end.head != mark.head)
      report.problems.push_back(name + ": position " + n + " hashes to " + Hex(walk->end.head) +
                                ", the checkpoint says " + Hex(mark.head) + ": the history up to " +
                                n + " was changed");
    else
      report.checked.push_back(name + ": positions 1 to " + n + " chained, position " + n +
                               " hashes to " + Hex(mark.head));
  }

  if (!c.is_signed()) {
    if (expected_key)
      report.problems.push_back("signature: the checkpoint is unsigned, a signature by " +
                                Hex(*expected_key) + " was expected");
    else
      report.checked.push_back(
          "signature: none (an unsigned checkpoint proves the chain, not who took it)");
    return report;
  }
  if (!SignatureValid(c.public_key, SignedBytes(c), c.signature))
    report.problems.push_back("signature: not a valid signature by " + Hex(c.public_key) +
                              " of this checkpoint's contents");
  else if (expected_key && *expected_key != c.public_key)
    report.problems.push_back("signature: signed by " + Hex(c.public_key) + ", expected " +
                              Hex(*expected_key));
  else
    report.checked.push_back("signature: valid, by " + Hex(c.public_key) +
                             (expected_key
                                  ? " (the expected key)"
                                  : " (the key in the file; pass --public-key to pin it)"));
  return report;
}

}  // namespace rmc
