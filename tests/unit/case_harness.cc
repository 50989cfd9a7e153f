#include "case_harness.h"

#include <capnp/dynamic.h>
#include <capnp/message.h>
#include <gtest/gtest.h>

#include "codec/command.h"
#include "codec/schema_info.h"
#include "domain/correction.h"
#include "domain/decide.h"
#include "domain/fold.h"
#include "privacy/sealing.h"

namespace rmc::testing {
namespace {

Days DateOrDie(std::string_view text) {
  auto d = ParseDate(text);
  EXPECT_TRUE(d.ok()) << text;
  return d.ok() ? *d : 0;
}

}  // namespace

CaseHarness::CaseHarness(std::string_view today) : today_(DateOrDie(today)) {}

void CaseHarness::SetToday(std::string_view date) { today_ = DateOrDie(date); }
void CaseHarness::SetBirthDate(std::string_view date) { birth_date_ = DateOrDie(date); }

// As the executor finds the target and decides the correction.
Result<Draft> CaseHarness::DecideCorrectionOf(const Command& c) {
  uint64_t target = std::strtoull(c.correct_target.c_str(), nullptr, 10);
  std::optional<schema::Event::Reader> found;
  history_.Walk(state.case_id, UINT64_MAX, [&](schema::Event::Reader e) {
    if (e.getPosition() == target) found = e;
    return !found;
  });
  if (!found) return InvalidInput("data.event: no event " + c.correct_target);
  // The target as the case holds it now, as the executor builds it (CurrentTarget).
  auto personal = [&](uint64_t position) {
    auto sealed = personal_.find(position);
    return sealed == personal_.end() ? schema::Payload::Reader()
                                     : sealed->second->getRoot<schema::Payload>().asReader();
  };
  CorrectedTarget current(found->getPayload(), personal(target));
  history_.Walk(state.case_id, UINT64_MAX, [&](schema::Event::Reader e) {
    if (e.getPayload().isEventCorrected() && e.getPayload().getEventCorrected().getTarget() == target)
      current.Merge(e.getPayload().getEventCorrected(), personal(e.getPosition()));
    return true;
  });
  return DecideCorrection(found->getPayload(), current.payload(), target, *c.corrected);
}

Result<std::vector<std::string>> CaseHarness::Run(std::string_view json) {
  // Every command needs an idempotency key; the tests leave it out.
  std::string line(json);
  if (line.find("\"id\"") == std::string::npos)
    line.insert(1, "\"id\":\"t" + std::to_string(++command_seq_) + "\",");
  auto parsed = ParseCommand(line, CommandDefaults{"consulent-1", schema::Role::CONSULENT});
  if (!parsed.ok()) return parsed.status();
  Command& c = *parsed;

  Facts facts;
  facts.today = c.occurred_at ? LocalDate(c.occurred_at->ns) : today_;
  facts.settings = &settings;
  facts.new_case = c.type == "signal" && (state.case_id.empty() || SignalOpensNewCase(state, facts.today));
  if (c.type == "triage") facts.birth_date = birth_date_;
  if (facts.new_case) {
    state = CaseState();
    history_.Clear();
    types_.clear();
    personal_.clear();
  }

  Result<std::vector<Draft>> drafts = std::vector<Draft>();
  if (c.kind == schema::Payload::EVENT_CORRECTED) {
    auto draft = DecideCorrectionOf(c);
    if (!draft.ok()) return draft.status();
    drafts->push_back(std::move(*draft));
  } else {
    auto payload = std::make_unique<capnp::MallocMessageBuilder>();
    payload->setRoot(c.data());
    drafts = Decide(state, c, std::move(payload), facts);
    if (!drafts.ok()) return drafts.status();
  }

  std::vector<std::string> types;
  for (auto& draft : *drafts) {
    capnp::MallocMessageBuilder message;
    auto e = message.initRoot<schema::Event>();
    e.setPosition(++position_);
    e.setCaseId("RMC-000001");
    e.setVersion(state.version + 1);
    e.setOccurredAt(StartOfLocalDay(facts.today));
    e.setRecordedAt(StartOfLocalDay(facts.today));
    e.initActor().setId(c.actor);
    e.setCommandId(c.id);
    if (!c.reason.empty()) e.setReason(c.reason);
    auto overrides = e.initOverrides(draft.overrides.size());
    for (size_t i = 0; i < draft.overrides.size(); ++i) overrides.set(i, draft.overrides[i]);
    // As stored: the fold sees the payload without its (sealed) personal fields.
    auto personal = std::make_unique<capnp::MallocMessageBuilder>();
    if (SplitPersonal(capnp::toDynamic(draft.root().asReader()), capnp::toDynamic(e.initPayload()),
                      capnp::toDynamic(personal->initRoot<schema::Payload>())))
      personal_[position_] = std::move(personal);
    auto folded = Apply(state, e.asReader(), history_);
    EXPECT_TRUE(folded.ok()) << folded.message();
    history_.Add(e.asReader());
    KJ_IF_MAYBE(member, capnp::toDynamic(draft.root().asReader()).which()) {
      types.push_back(schema_info::EventTypeName(*member));
      types_[position_] = types.back();
    }
  }
  return types;
}

uint64_t CaseHarness::PositionOf(std::string_view event_type, int nth) const {
  for (const auto& [position, type] : types_)
    if (type == event_type && nth-- == 0) return position;
  return 0;
}

CaseState CaseHarness::StateAt(uint64_t position) {
  CaseState at;
  history_.Walk(state.case_id, position + 1, [&](schema::Event::Reader e) {
    auto folded = Apply(at, e, history_);
    EXPECT_TRUE(folded.ok()) << folded.message();
    return true;
  });
  return at;
}

std::vector<std::string> CaseHarness::Ok(std::string_view json) {
  auto r = Run(json);
  EXPECT_TRUE(r.ok()) << json << "\n  refused: " << CodeName(r.status().code()) << ": "
                      << r.status().message();
  return r.ok() ? *r : std::vector<std::string>{};
}

Status CaseHarness::Refused(std::string_view json) {
  auto r = Run(json);
  EXPECT_FALSE(r.ok()) << json << "\n  was accepted";
  return r.ok() ? Status() : r.status();
}

void CaseHarness::WalkTo(int step, const std::string& target_group) {
  const std::string triage = R"({"type":"triage","case":"RMC-000001","data":{"target_group":")" +
                             target_group + R"(","action_required":true,"rationale":"verzuim"}})";
  const char* route[] = {
      R"({"type":"signal","data":{"subject":{"ref":"J-1","enrolled":true},"channel":"duo-verzuimloket","received":"2026-09-01","absence":{"kind":"4w-aaneengesloten","hours":64}}})",
      R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":["school"],"school_contacted":true,"school_measures":"mentor belde"}})",
      triage.c_str(),
      R"({"type":"intake","case":"RMC-000001","data":{"date":"2026-09-10","participants":["jongere","school"],"support_question":"terug naar school"}})",
      R"({"type":"assessment","case":"RMC-000001","data":{"instrument":"zrm","domains":{"gezin":{"score":3}}}})",
      R"({"type":"consent","case":"RMC-000001","data":{"given":true,"partners":["leerplicht"],"categories":["verzuim"],"purpose":"terugkeer","signed":true}})",
      R"({"type":"inquiry_completed","case":"RMC-000001","data":{"reasons":"motivatie","education_reasons":"opleiding past niet","interventions":[],"care":[],"next_steps":"andere opleiding"}})",
      R"({"type":"plan","case":"RMC-000001","data":{"trajectories":["onderwijs"],"case_director":"school","asked_youth_for_director":true,"made_with_youth":true}})",
      R"({"type":"plan_started","case":"RMC-000001","data":{"date":"2026-09-22"}})",
      R"({"type":"monitor","case":"RMC-000001","data":{"status":"op-koers"}})",
      R"({"type":"close","case":"RMC-000001","data":{"reason":"doel-bereikt","outcome":["onderwijs"]}})",
      R"({"type":"feedback","case":"RMC-000001","data":{"partners":["leerplicht"],"summary":"weer op school","limited_to_case":true}})",
      R"({"type":"evaluation","case":"RMC-000001","data":{"resolved":"ja","partners_followed_up":"ja","bottlenecks":[],"right_decision":"ja","do_differently":"-","went_well":"-","improvements":[]}})",
  };
  // Step 4 takes two commands: the intake scheduled (3-gesprek), then held.
  const char* schedule =
      R"({"type":"intake_scheduled","case":"RMC-000001","data":{"date":"2026-09-10","participants":["jongere","school"],"asked_youth_about_involvement":true}})";
  for (int s = 1; s <= step; ++s) {
    if (s == 4) Ok(schedule);
    Ok(route[s - 1]);
  }
}

}  // namespace rmc::testing
