#include "ledger/event_builder.h"

#include <capnp/dynamic.h>

#include "base/random.h"
#include "codec/bytes.h"
#include "codec/message_sizes.h"
#include "codec/schema_info.h"
#include "privacy/event_sealing.h"
#include "privacy/sealing.h"

namespace rmc {
namespace {

// What every event carries, case or not: its id, when it was recorded and happened, who did it,
// the command and trace it belongs to, and the processing activity it was done under.
struct Envelope {
  std::string_view case_id;  // empty: a ledger-wide event
  Nanos recorded = 0;
  TimePoint occurred;
  const std::string& actor;
  schema::Role role;
  const std::string& command_id;
  const std::string& trace;
  const std::string& parent_span;  // empty: none
  std::string_view caller;         // empty: none
  std::string_view activity;
  uint32_t activity_version;
};

void FillEnvelope(schema::Event::Builder e, const Envelope& v) {
  e.setEventId(AsData(NewEventId(v.recorded)));
  if (!v.case_id.empty()) e.setCaseId(std::string(v.case_id));
  e.setRecordedAt(v.recorded);
  e.setOccurredAt(v.occurred.ns);
  e.setOccurredIsDate(v.occurred.is_date);
  e.initActor().setId(v.actor);
  e.getActor().setRole(v.role);
  e.setCommandId(v.command_id);
  e.setTraceId(AsData(v.trace));
  e.setSpanId(AsData(RandomString(8)));
  if (!v.parent_span.empty()) e.setParentSpanId(AsData(v.parent_span));
  if (!v.caller.empty()) e.setCaller(std::string(v.caller));
  auto pa = e.initProcessingActivity();
  pa.setCode(std::string(v.activity));
  pa.setVersion(v.activity_version);
}

// The draft's payload into `e`: its personal fields into `personal` when its type has any
// (then true when one was given), else a plain copy.
bool SplitPayload(Draft& draft, schema::Event::Builder e, capnp::MallocMessageBuilder& personal) {
  auto full = capnp::toDynamic(draft.root().asReader());
  KJ_IF_MAYBE(member, full.which()) {
    if (schema_info::NestsPersonal(*member)) {
      auto personal_root = capnp::toDynamic(personal.initRoot<schema::Payload>());
      return SplitPersonal(full, capnp::toDynamic(e.initPayload()), personal_root);
    }
  }
  e.setPayload(draft.root().asReader());  // nothing to seal
  return false;
}

}  // namespace

Result<BuiltEvents> BuildCaseEvents(LedgerTxn& txn, const ActivityRegister& activities,
                                    const Command& c, const CaseTarget& target,
                                    std::vector<Draft>& drafts, const CommandTime& time) {
  const bool seal_reason =
      !c.reason.empty() && !target.subject_id.empty() && c.kind != schema::Payload::SUBJECT_ERASED;
  const std::string trace = c.trace.trace_id.empty() ? RandomString(16) : c.trace.trace_id;
  BuiltEvents built;
  uint32_t version = target.state.version;
  for (auto& draft : drafts) {
    const auto type = draft.root().which();
    const std::string activity = c.activity.empty() ? ActivityFor(type) : c.activity;
    auto activity_version = activities.VersionInForce(activity);
    if (!activity_version.ok()) return activity_version.status();
    auto message = std::make_unique<capnp::MallocMessageBuilder>(kEventWords);
    auto e = message->initRoot<schema::Event>();
    FillEnvelope(e, Envelope{target.case_id, time.now, time.occurred, c.actor, c.role, c.id, trace,
                             c.trace.parent_span_id, c.trace.caller, activity, *activity_version});
    e.setVersion(++version);
    if (!c.reason.empty() && !seal_reason) e.setReason(c.reason);
    if (!draft.overrides.empty()) {
      auto o = e.initOverrides(draft.overrides.size());
      for (size_t i = 0; i < draft.overrides.size(); ++i) o.set(i, draft.overrides[i]);
    }
    if (!target.subject_id.empty()) e.setSubject(AsData(target.subject_id));
    capnp::MallocMessageBuilder personal(kPayloadWords);
    const bool has_personal = SplitPayload(draft, e, personal);
    if (has_personal || seal_reason) {
      auto key = txn.KeyOrCreate(target.subject_id);
      if (!key.ok()) return key.status();
      SealEvent(*key, e, has_personal ? &personal : nullptr, seal_reason ? c.reason : "");
    }
    built.types.push_back(EventType(e.asReader()));
    built.messages.push_back(std::move(message));
  }
  return built;
}

void Link(schema::Event::Builder event, const LedgerTxn& txn) {
  event.setPosition(txn.LastPosition() + 1);
  event.setPrevHash(AsData(txn.ChainHead()));
}

Status AppendLedgerEvent(LedgerTxn& txn, Nanos now, const std::string& actor, schema::Role role,
                         const std::string& command_id, const std::string& trace,
                         uint32_t activity_version,
                         const std::function<void(schema::Payload::Builder)>& fill) {
  capnp::MallocMessageBuilder message;
  auto e = message.initRoot<schema::Event>();
  FillEnvelope(e, Envelope{"", now, TimePoint{now, false}, actor, role, command_id, trace, "", "",
                           "rmc-verantwoording", activity_version});
  Link(e, txn);
  fill(e.initPayload());
  auto p = txn.Append(message, "", 0);
  return p.ok() ? Status::Ok() : p.status();
}

Status AppendLedgerStart(LedgerTxn& txn, Nanos now, const std::string& actor,
                         const std::string& ledger_id, const Settings& settings,
                         const ActivityRegister& activities) {
  if (auto s = txn.PutMeta("ledger_id", ledger_id); !s.ok()) return s;
  const std::string trace = RandomString(16);
  auto append = [&](const std::function<void(schema::Payload::Builder)>& fill) {
    return AppendLedgerEvent(txn, now, actor, schema::Role::SYSTEM, "init", trace, 1, fill);
  };
  if (auto s = append([&](schema::Payload::Builder p) {
        auto c = p.initLedgerCreated();
        c.setLedgerId(AsData(ledger_id));
        c.setSchemaVersion(1);
      });
      !s.ok())
    return s;
  for (const Activity& a : activities.versions())
    if (auto s = append([&](schema::Payload::Builder p) { ToEvent(a, p.initActivityRegistered()); }); !s.ok())
      return s;
  if (auto s = txn.PutMeta("register", activities.Encode()); !s.ok()) return s;
  // No structured binding: clang 14 cannot capture one in a lambda.
  for (const auto& setting : settings.All()) {
    if (auto s = append([&](schema::Payload::Builder p) {
          auto c = p.initSettingChanged();
          c.setKey(setting.first);
          c.setValue(setting.second);
        });
        !s.ok())
      return s;
  }
  if (auto s = txn.PutMeta("settings", settings.Encode()); !s.ok()) return s;
  return txn.PutMeta("next_case", U64Key(1));
}

std::string NewEventId(Nanos now) {
  std::string id = RandomString(16);
  uint64_t ms = uint64_t(now / 1000000);
  for (int i = 0; i < 6; ++i) id[i] = char((ms >> (8 * (5 - i))) & 0xff);
  id[6] = char((id[6] & 0x0f) | 0x70);
  id[8] = char((id[8] & 0x3f) | 0x80);
  return id;
}

}  // namespace rmc
