#include "domain/stats.h"

#include "codec/schema_info.h"
#include "codec/stored_message.h"
#include "domain/deadlines.h"
#include "domain/state_codec.h"
#include "event.capnp.h"

namespace rmc {
namespace {

static_assert(int(schema::TargetGroup::GEEN) + 1 == kTargetGroupCount);
static_assert(int(schema::JikpPerspective::DAGBESTEDING) + 1 == kJikpPerspectiveCount);
static_assert(int(schema::SignalChannel::OUTREACH) + 1 == kSignalChannelCount);
static_assert(int(schema::CloseReason::GEEN_RMC_DOELGROEP) + 1 == kCloseReasonCount);

// A code from a projection as an index into a counter of `size` entries plus "unknown" (the
// last): a value outside the list (-1: none) counts as unknown, never out of bounds.
int Slot(int value, int size) { return value >= 0 && value < size ? value : size; }

// What EffectiveStatus, InfoItemMissing and the pickup deadline read of a case (case_state.h,
// deadlines.h), from its projection. Texts and lists stay empty: no allocation per case.
CaseState ScalarFacts(schema::CaseProjection::Reader p) {
  CaseState s;
  s.status = CaseStatus(p.getStatus());
  s.aftercare_until = p.getAftercareUntil();
  s.flags = p.getFlags();
  s.info_present = p.getInfoPresent();
  s.last_signal = p.getLastSignal();
  s.picked_up = p.getPickedUp();
  s.closed_on = p.getClosedOn();
  return s;
}

bool Reached(schema::ContactRecord::Reader c) {
  return c.getOutcome() == schema::ContactOutcome::BEREIKT ||
         c.getOutcome() == schema::ContactOutcome::AFSPRAAK_GEMAAKT;
}

void CountQuality(InfoQuality& q, const CaseState& facts) {
  ++q.triaged;
  bool incomplete = false;
  for (int item = 0; item < kInfoItemCount; ++item) {
    if (!InfoItemMissing(facts, item)) continue;
    ++q.missing[item];
    incomplete = true;
  }
  if (incomplete) ++q.incomplete;
}

}  // namespace

StatsCounter::StatsCounter(Days today, const Settings& settings) : settings_(settings) {
  stats_.today = today;
}

Status StatsCounter::Add(std::string_view bytes) {
  if (bytes.size() % sizeof(capnp::word) != 0) return LedgerError("damaged case projection");
  StoredMessage message(bytes, buffer_);
  return Decoding(
      [&] {
        Add(message.Root<schema::CaseProjection>());
        return Status::Ok();
      },
      [](const kj::Exception& e) {
        return LedgerError(std::string("damaged case projection: ") + e.getDescription().cStr());
      });
}

void StatsCounter::Add(schema::CaseProjection::Reader p) {
  // A status outside the schema is a damaged projection, like a pointer out of bounds: it
  // would count outside Stats::status.
  KJ_REQUIRE(uint16_t(p.getStatus()) < std::tuple_size_v<decltype(Stats::status)>,
             "case status out of range", uint16_t(p.getStatus()));
  Stats& s = stats_;
  const CaseState facts = ScalarFacts(p);
  const Status days = CheckStoredDays(facts);
  KJ_REQUIRE(days.ok(), days.message().c_str());
  const CaseStatus status = EffectiveStatus(facts, s.today);
  const int group = Slot(p.getTargetGroup(), kTargetGroupCount);
  const int channel = Slot(p.getFirstChannel(), kSignalChannelCount);
  ++s.cases;
  ++s.status[int(status)];
  ++s.target_group[group];
  ++s.channel[channel];
  if (status == CaseStatus::kOpen) {
    const int step = p.getStep() <= kStepCount ? p.getStep() : 0;
    ++s.open_target_group[group];
    ++s.open_phase[PhaseOf(step)];
    ++s.open_step[step];
  }
  if (facts.Has(CaseState::kClosed)) {
    ++s.closed;
    if (int reason = p.getCloseReason(); reason >= 0 && reason < kCloseReasonCount)
      ++s.close_reason[reason];
  }
  if (p.getReopened() > 0) {
    ++s.reopened_cases;
    s.reopenings += p.getReopened();
  }
  auto deviations = p.getDeviations();
  if (deviations.size() > 0) ++s.deviating_cases;
  for (auto d : deviations) {
    if (d.getRule() == "route-order")
      ++s.route[{d.getFromStep(), d.getToStep()}];
    else
      ++s.rules[std::string(d.getRule().cStr())];
  }
  if (facts.Has(CaseState::kTriaged)) {
    CountQuality(s.quality, facts);
    CountQuality(s.quality_by_channel[channel], facts);
  }
  if (p.getTargetGroup() == int(schema::TargetGroup::JIKP)) {
    ++s.jikp;
    ++s.jikp_perspective[Slot(p.getJikpPerspective(), kJikpPerspectiveCount)];
  }
  if (facts.Has(CaseState::kAbsence)) {
    ++s.absence;
    if (p.getTargetGroup() == int(schema::TargetGroup::VERZUIM18PLUS)) ++s.verzuim_18plus_absence;
  }
  if (p.getFirstAttempt() != kNoDay) {
    ++s.contact_attempted;
    for (auto c : p.getContacts())
      if (Reached(c)) {
        ++s.contact_reached;
        break;
      }
  }
  // A case picked up has met its pickup deadline, if late (docs/routekaart.md#deadlines): the
  // deadlines are computed only for the few that were not, the costly part of this pass.
  if (facts.picked_up == kNoDay)
    for (const auto& d : DeadlinesOf(facts, settings_, s.today, {}))
      if (d.code == "pickup" && d.overdue) ++s.pickup_overdue;
}

namespace {

template <typename Enum, size_t N>
Json ByCode(const std::array<uint64_t, N>& counts, const char* unknown = nullptr) {
  auto enumerants = capnp::Schema::from<Enum>().getEnumerants();
  Json out = Json::object();
  for (size_t i = 0; i < enumerants.size() && i < N; ++i)
    out[schema_info::EnumCode(enumerants[i])] = counts[i];
  if (unknown) out[unknown] = counts[N - 1];
  return out;
}

template <size_t N>
Json ByNumber(const std::array<uint64_t, N>& counts) {
  Json out = Json::object();
  for (size_t i = 1; i < N; ++i) out[std::to_string(i)] = counts[i];
  return out;
}

Json QualityJson(const InfoQuality& q) {
  Json missing = Json::object();
  for (int item = 0; item < kInfoItemCount; ++item) missing[InfoItemName(item)] = q.missing[item];
  return {{"triaged", q.triaged}, {"incomplete", q.incomplete}, {"missing", missing}};
}

}  // namespace

Json StatsJson(const Stats& s) {
  Json status = Json::object();
  for (auto st : {CaseStatus::kOpen, CaseStatus::kNazorg, CaseStatus::kAfgesloten})
    status[StatusName(st)] = s.status[int(st)];
  Json route = Json::array();
  for (const auto& [steps, count] : s.route)
    route.push_back({{"from_step", steps.first ? Json(steps.first) : Json(nullptr)},
                     {"to_step", steps.second ? Json(steps.second) : Json(nullptr)},
                     {"count", count}});
  Json rules = Json::object();
  for (const auto& [rule, count] : s.rules) rules[rule] = count;
  Json by_channel = Json::object();
  auto channels = capnp::Schema::from<schema::SignalChannel>().getEnumerants();
  for (int c = 0; c <= kSignalChannelCount; ++c)
    by_channel[c < kSignalChannelCount ? schema_info::EnumCode(channels[c]) : "unknown"] =
        QualityJson(s.quality_by_channel[c]);
  Json quality = QualityJson(s.quality);
  quality["channel"] = by_channel;
  return {
      {"date", FormatDate(s.today)},
      {"cases", s.cases},
      {"status", status},
      {"target_group", ByCode<schema::TargetGroup>(s.target_group, "untriaged")},
      {"open",
       {{"target_group", ByCode<schema::TargetGroup>(s.open_target_group, "untriaged")},
        {"phase", ByNumber(s.open_phase)},
        {"step", ByNumber(s.open_step)}}},
      {"closed",
       {{"cases", s.closed}, {"close_reason", ByCode<schema::CloseReason>(s.close_reason)}}},
      {"reopened", {{"cases", s.reopened_cases}, {"times", s.reopenings}}},
      {"deviations", {{"cases", s.deviating_cases}, {"route", route}, {"rules", rules}}},
      {"channel", ByCode<schema::SignalChannel>(s.channel, "unknown")},
      {"report_quality", quality},
      {"jikp",
       {{"cases", s.jikp},
        {"perspective", ByCode<schema::JikpPerspective>(s.jikp_perspective, "none")}}},
      {"absence", {{"cases", s.absence}, {"verzuim_18plus", s.verzuim_18plus_absence}}},
      {"contact",
       {{"attempted", s.contact_attempted},
        {"reached", s.contact_reached},
        {"closed_without_contact", s.close_reason[int(schema::CloseReason::GEEN_CONTACT)]}}},
      {"overdue", {{"pickup", s.pickup_overdue}}},
  };
}

}  // namespace rmc
