// The coordinator's figures (stats.h): each counter, from case states stored as projections the
// way `rmc stats` reads them, and the JSON keys scripts rely on.
#include "domain/stats.h"

#include <gtest/gtest.h>

#include <cstring>

#include "case_harness.h"
#include "domain/deadlines.h"
#include "domain/state_codec.h"
#include "event.capnp.h"

namespace rmc::testing {
namespace {

// The figures of `cases` on `today`, each case passed as its stored projection.
Stats Count(std::initializer_list<const CaseState*> cases, std::string_view today) {
  Settings settings;
  StatsCounter counter(*ParseDate(today), settings);
  for (const CaseState* c : cases) {
    Status s = counter.Add(EncodeCaseState(*c));
    EXPECT_TRUE(s.ok()) << s.message();
  }
  return counter.stats();
}

const char* kSignal =
    R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"netwerkpartner","received":"2026-09-01","suspected_reason":"ziek"}})";
const char* kReview =
    R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":["school"]}})";

TEST(Stats, AnEmptyLedgerHasEveryKeyAtZero) {
  Json j = StatsJson(Count({}, "2026-10-01"));
  EXPECT_EQ(j["date"], "2026-10-01");
  EXPECT_EQ(j["cases"], 0);
  EXPECT_EQ(j["status"], Json({{"open", 0}, {"nazorg", 0}, {"afgesloten", 0}}));
  EXPECT_EQ(j["target_group"].size(), 7u) << "six target groups and untriaged";
  EXPECT_EQ(j["target_group"]["untriaged"], 0);
  EXPECT_EQ(j["open"]["phase"].size(), 5u);
  EXPECT_EQ(j["open"]["step"].size(), 13u);
  EXPECT_EQ(j["closed"]["close_reason"].size(), 6u);
  EXPECT_EQ(j["channel"].size(), 11u) << "ten channels and unknown";
  EXPECT_EQ(j["report_quality"]["missing"].size(), size_t(kInfoItemCount));
  EXPECT_EQ(j["report_quality"]["channel"]["duo-lijst"]["triaged"], 0);
  EXPECT_EQ(j["jikp"]["perspective"].size(), 4u);
  EXPECT_TRUE(j["deviations"]["route"].empty());
  EXPECT_TRUE(j["deviations"]["rules"].empty());
  for (const char* key : {"reopened", "absence", "contact", "overdue"})
    EXPECT_TRUE(j.contains(key)) << key;
}

TEST(Stats, StatusIsTheStatusOnTheDayCounted) {
  CaseHarness done("2026-10-01");
  done.WalkTo(11);  // aftercare until 2027-04-01
  CaseHarness open;
  open.WalkTo(3);
  Stats before = Count({&done.state, &open.state}, "2026-12-01");
  EXPECT_EQ(before.cases, 2u);
  EXPECT_EQ(before.status[int(CaseStatus::kNazorg)], 1u);
  EXPECT_EQ(before.status[int(CaseStatus::kOpen)], 1u);
  Stats after = Count({&done.state, &open.state}, "2027-05-01");
  EXPECT_EQ(after.status[int(CaseStatus::kAfgesloten)], 1u) << "aftercare has passed";
  EXPECT_EQ(after.closed, 1u);
  EXPECT_EQ(after.close_reason[int(schema::CloseReason::DOEL_BEREIKT)], 1u);
}

TEST(Stats, TargetGroupPhaseAndStepOfOpenCases) {
  CaseHarness untriaged;
  untriaged.Ok(kSignal);
  CaseHarness at_plan;
  at_plan.WalkTo(8);
  CaseHarness closed;
  closed.WalkTo(11);
  Stats s = Count({&untriaged.state, &at_plan.state, &closed.state}, "2026-10-01");
  const int verzuim = int(schema::TargetGroup::VERZUIM18PLUS);
  EXPECT_EQ(s.target_group[verzuim], 2u);
  EXPECT_EQ(s.target_group[kTargetGroupCount], 1u) << "not triaged";
  EXPECT_EQ(s.open_target_group[verzuim], 1u) << "the closed case is not open";
  EXPECT_EQ(s.open_target_group[kTargetGroupCount], 1u);
  EXPECT_EQ(s.open_phase[1], 1u);
  EXPECT_EQ(s.open_phase[3], 1u);
  EXPECT_EQ(s.open_step[1], 1u);
  EXPECT_EQ(s.open_step[8], 1u);
  EXPECT_EQ(s.open_step[11], 0u);
}

TEST(Stats, AReopenedCaseIsOpenAgainNotClosed) {
  CaseHarness h("2026-10-01");
  h.WalkTo(12);
  h.Ok(
      R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"jongere","received":"2026-10-01"}})");
  Stats s = Count({&h.state}, "2026-10-01");
  EXPECT_EQ(s.reopened_cases, 1u);
  EXPECT_EQ(s.reopenings, 1u);
  EXPECT_EQ(s.closed, 0u);
  EXPECT_EQ(s.status[int(CaseStatus::kOpen)], 1u);
  EXPECT_EQ(s.channel[int(schema::SignalChannel::DUO_VERZUIMLOKET)], 1u)
      << "the channel the case first came in through";
}

TEST(Stats, DeviationsPerStepAndPerRule) {
  CaseHarness skipped;  // triage without review: a route deviation 2 -> 3
  skipped.Ok(kSignal);
  skipped.Ok(
      R"({"type":"triage","case":"RMC-000001","reason":"dossier compleet","data":{"target_group":"vsv-nieuw","action_required":true,"rationale":"r"}})");
  CaseHarness jikp;  // jikp without a perspective: rule jikp-perspective overridden
  jikp.Ok(kSignal);
  jikp.Ok(kReview);
  jikp.Ok(
      R"({"type":"triage","case":"RMC-000001","reason":"nog onbekend","data":{"target_group":"jikp","action_required":true,"rationale":"r"}})");
  CaseHarness plain;
  plain.WalkTo(3);
  Stats s = Count({&skipped.state, &jikp.state, &plain.state}, "2026-10-01");
  EXPECT_EQ(s.deviating_cases, 2u);
  EXPECT_EQ(s.route, (std::map<std::pair<int, int>, uint64_t>{{{2, 3}, 1}}));
  EXPECT_EQ(s.rules, (std::map<std::string, uint64_t>{{"jikp-perspective", 1}}));
  EXPECT_EQ(s.jikp, 1u);
  EXPECT_EQ(s.jikp_perspective[kJikpPerspectiveCount], 1u) << "none given";
  Json j = StatsJson(s);
  EXPECT_EQ(j["deviations"]["route"], Json::parse(R"([{"from_step":2,"to_step":3,"count":1}])"));
  EXPECT_EQ(j["deviations"]["rules"]["jikp-perspective"], 1);
  EXPECT_EQ(j["jikp"]["perspective"]["none"], 1);
}

TEST(Stats, ReportQualityPerItemAndPerChannel) {
  CaseHarness direct;  // a direct report with the reason only: items 2-5 and 7 missing
  direct.Ok(kSignal);
  direct.Ok(kReview);  // checked_with_partners counts as partner actions
  direct.Ok(
      R"({"type":"triage","case":"RMC-000001","data":{"target_group":"vsv-nieuw","action_required":true,"rationale":"r"}})");
  CaseHarness own;  // own research: the reporter's expectation is not asked
  own.Ok(
      R"({"type":"signal","data":{"subject":{"ref":"J-2"},"channel":"duo-lijst","received":"2026-09-01","suspected_reason":"x","partner_actions":"y","youth_agreements":"z","contacts":["moeder"],"care":"geen"}})");
  own.Ok(kReview);
  own.Ok(
      R"({"type":"triage","case":"RMC-000001","data":{"target_group":"vsv-nieuw","action_required":true,"rationale":"r"}})");
  CaseHarness untriaged;
  untriaged.Ok(kSignal);
  Stats s = Count({&direct.state, &own.state, &untriaged.state}, "2026-10-01");
  EXPECT_EQ(s.quality.triaged, 2u) << "only triaged cases are judged";
  EXPECT_EQ(s.quality.incomplete, 1u);
  EXPECT_EQ(s.quality.missing, (std::array<uint64_t, kInfoItemCount>{0, 0, 1, 1, 1, 0, 1}));
  const auto& partner = s.quality_by_channel[int(schema::SignalChannel::NETWERKPARTNER)];
  EXPECT_EQ(partner.triaged, 1u);
  EXPECT_EQ(partner.incomplete, 1u);
  const auto& lists = s.quality_by_channel[int(schema::SignalChannel::DUO_LIJST)];
  EXPECT_EQ(lists.triaged, 1u);
  EXPECT_EQ(lists.incomplete, 0u);
  Json j = StatsJson(s);
  EXPECT_EQ(j["report_quality"]["missing"]["expected_action"], 1);
  EXPECT_EQ(j["report_quality"]["channel"]["netwerkpartner"]["missing"]["contacts"], 1);
  EXPECT_EQ(j["channel"]["netwerkpartner"], 2);
  EXPECT_EQ(j["channel"]["duo-lijst"], 1);
}

TEST(Stats, AbsenceContactAndClosingWithoutContact) {
  CaseHarness verzuim;  // the walked route: verzuim-18plus, a signal with absence
  verzuim.WalkTo(3);
  verzuim.Ok(
      R"({"type":"contact","case":"RMC-000001","data":{"channel":"telefoon","outcome":"bereikt"}})");
  CaseHarness lost;
  lost.Ok(kSignal);
  lost.Ok(kReview);
  lost.Ok(
      R"({"type":"triage","case":"RMC-000001","data":{"target_group":"vsv-oud","action_required":true,"rationale":"r"}})");
  lost.Ok(
      R"({"type":"contact","case":"RMC-000001","data":{"channel":"brief","outcome":"geen-reactie"}})");
  lost.Ok(
      R"({"type":"close","case":"RMC-000001","reason":"verhuisd naar onbekend adres","data":{"reason":"geen-contact"}})");
  Stats s = Count({&verzuim.state, &lost.state}, "2026-10-01");
  EXPECT_EQ(s.absence, 1u);
  EXPECT_EQ(s.verzuim_18plus_absence, 1u);
  EXPECT_EQ(s.contact_attempted, 2u);
  EXPECT_EQ(s.contact_reached, 1u);
  EXPECT_EQ(s.close_reason[int(schema::CloseReason::GEEN_CONTACT)], 1u);
  EXPECT_EQ(s.rules.at("no-contact-effort"), 1u);
  Json j = StatsJson(s);
  EXPECT_EQ(j["contact"], Json({{"attempted", 2}, {"reached", 1}, {"closed_without_contact", 1}}));
  EXPECT_EQ(j["absence"], Json({{"cases", 1}, {"verzuim_18plus", 1}}));
}

TEST(Stats, PickupOverdueAsTheDeadlineSaysIt) {
  CaseHarness waiting;  // received 2026-09-01, never picked up
  waiting.Ok(kSignal);
  CaseHarness reviewed;
  reviewed.Ok(kSignal);
  reviewed.Ok(kReview);
  Stats early = Count({&waiting.state, &reviewed.state}, "2026-09-02");
  EXPECT_EQ(early.pickup_overdue, 0u);
  Stats late = Count({&waiting.state, &reviewed.state}, "2026-10-01");
  EXPECT_EQ(late.pickup_overdue, 1u);
}

// The counter reads projections, not full states; its figures must still be what the domain's
// own functions say of the full state (EffectiveStatus, InfoItemMissing, DeadlinesOf).
TEST(Stats, AgreesWithTheDomainOnTheFullState) {
  std::vector<CaseHarness> cases(6);
  for (int i = 0; i < 6; ++i) cases[i].WalkTo(2 * i + 1);      // 1 (not picked up yet), 3, .., 11
  uint64_t seen_open = 0, seen_missing = 0, seen_overdue = 0;  // the comparison is not vacuous
  for (const char* today : {"2026-09-03", "2026-10-01", "2027-06-01"}) {
    Days day = *ParseDate(today);
    Settings settings;
    StatsCounter counter(day, settings);
    uint64_t open = 0, missing = 0, overdue = 0;
    for (const auto& c : cases) {
      ASSERT_TRUE(counter.Add(EncodeCaseState(c.state)).ok());
      open += EffectiveStatus(c.state, day) == CaseStatus::kOpen;
      if (c.state.Has(CaseState::kTriaged))
        for (int item = 0; item < kInfoItemCount; ++item) missing += InfoItemMissing(c.state, item);
      for (const auto& d : DeadlinesOf(c.state, settings, day, {}))
        overdue += d.code == "pickup" && d.overdue;
    }
    const Stats& s = counter.stats();
    EXPECT_EQ(s.status[int(CaseStatus::kOpen)], open) << today;
    uint64_t counted = 0;
    for (auto n : s.quality.missing) counted += n;
    EXPECT_EQ(counted, missing) << today;
    EXPECT_EQ(s.pickup_overdue, overdue) << today;
    seen_open += open, seen_missing += missing, seen_overdue += overdue;
  }
  EXPECT_GT(seen_open, 0u);
  EXPECT_GT(seen_missing, 0u);
  EXPECT_GT(seen_overdue, 0u);
}

TEST(Stats, TheFirstChannelIsProjected) {
  CaseHarness h;
  h.Ok(
      R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"outreach","received":"2026-09-01"}})");
  h.Ok(
      R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"gemeente","received":"2026-09-02"}})");
  EXPECT_EQ(h.state.first_channel, int(schema::SignalChannel::OUTREACH));
  auto decoded = DecodeCaseState(EncodeCaseState(h.state));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->first_channel, int(schema::SignalChannel::OUTREACH));
}

TEST(Stats, AProjectionWithoutAChannelCountsAsUnknown) {
  // As written before the channel was projected (until `rmc rebuild`).
  capnp::MallocMessageBuilder message;
  auto p = message.initRoot<schema::CaseProjection>();
  p.setCaseId("RMC-000001");
  p.setTargetGroup(-1);
  p.setJikpPerspective(-1);
  p.setCloseReason(-1);
  Settings settings;
  StatsCounter counter(*ParseDate("2026-10-01"), settings);
  counter.Add(p.asReader());
  EXPECT_EQ(counter.stats().channel[kSignalChannelCount], 1u);
  EXPECT_EQ(StatsJson(counter.stats())["channel"]["unknown"], 1);
}

TEST(Stats, ReadsUnalignedBytesAndRefusesDamagedOnes) {
  CaseHarness h;
  h.WalkTo(3);
  std::string bytes = EncodeCaseState(h.state);
  std::string shifted(bytes.size() + 2, '\0');  // LMDB places values at any even address
  std::memcpy(shifted.data() + 2, bytes.data(), bytes.size());
  Settings settings;
  StatsCounter counter(*ParseDate("2026-10-01"), settings);
  ASSERT_TRUE(counter.Add(std::string_view(shifted).substr(2)).ok());
  EXPECT_EQ(counter.stats().cases, 1u);
  EXPECT_EQ(counter.stats().target_group[int(schema::TargetGroup::VERZUIM18PLUS)], 1u);
  EXPECT_EQ(counter.Add("damaged").code(), Code::kLedgerError);
  EXPECT_EQ(counter.Add(std::string(16, '\xff')).code(), Code::kLedgerError);
}

TEST(Stats, RefusesAStatusOutsideTheSchema) {
  // Found by fuzz_projection (tests/fuzz/found/projection): it was counted outside the figures.
  CaseState state;
  state.case_id = "RMC-000001";
  state.status = CaseStatus(7);
  Settings settings;
  StatsCounter counter(*ParseDate("2026-10-01"), settings);
  auto s = counter.Add(EncodeCaseState(state));
  EXPECT_EQ(s.code(), Code::kLedgerError) << s.message();
  EXPECT_NE(s.message().find("case status out of range"), std::string::npos) << s.message();
  EXPECT_EQ(counter.stats().cases, 0u);
}

}  // namespace
}  // namespace rmc::testing
