// The fold (fold.h): what each event does to the case state, and EffectiveStatus.
#include <gtest/gtest.h>

#include "case_harness.h"
#include "domain/decide.h"
#include "domain/fold.h"
#include "domain/state_codec.h"
#include "event.capnp.h"

namespace rmc::testing {
namespace {

TEST(Fold, TheWalkedRouteLeavesAClosedEvaluatedCase) {
  CaseHarness h("2026-10-01");
  h.WalkTo(13);
  const CaseState& s = h.state;
  EXPECT_EQ(s.step, 13);
  EXPECT_EQ(s.version, 15u) << "CaseOpened, intake_scheduled and one event per step";
  EXPECT_EQ(s.target_group, int(schema::TargetGroup::VERZUIM18PLUS));
  EXPECT_EQ(s.close_reason, int(schema::CloseReason::DOEL_BEREIKT));
  EXPECT_EQ(FormatDate(s.aftercare_until), "2027-04-01") << "closing date + aftercare_months";
  EXPECT_EQ(s.status, CaseStatus::kNazorg);
  EXPECT_TRUE(s.Has(CaseState::kFeedbackGiven));
  EXPECT_TRUE(s.Has(CaseState::kEvaluated));
  EXPECT_EQ(s.consents.size(), 1u);
  EXPECT_TRUE(s.subject.empty()) << "the harness writes no subject id";
}

TEST(Fold, AftercareEndsWithItsDateOrItsEvent) {
  CaseHarness h("2026-10-01");
  h.WalkTo(11);
  EXPECT_EQ(EffectiveStatus(h.state, *ParseDate("2027-04-01")), CaseStatus::kNazorg);
  EXPECT_EQ(EffectiveStatus(h.state, *ParseDate("2027-04-02")), CaseStatus::kAfgesloten);
  EXPECT_EQ(h.state.aftercare_ended, kNoDay);
  h.Ok(R"({"type":"aftercare_end","case":"RMC-000001","occurred_at":"2026-12-01","data":{"note":"op school gebleven"}})");
  EXPECT_EQ(EffectiveStatus(h.state, *ParseDate("2026-10-02")), CaseStatus::kAfgesloten);
  EXPECT_EQ(FormatDate(h.state.aftercare_ended), "2026-12-01") << "the day it ended (retention)";
  auto decoded = DecodeCaseState(EncodeCaseState(h.state));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->aftercare_ended, h.state.aftercare_ended) << "projected";
}

TEST(Fold, MinimalInformationAccumulatesOverSignalsAndReview) {
  CaseHarness h;
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"jongere","received":"2026-09-01","suspected_reason":"ziek"}})");
  EXPECT_EQ(h.state.info_present, 0b0000001);
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"gemeente","received":"2026-09-02","care":"wijkteam","expected_action":"bellen"}})");
  EXPECT_EQ(h.state.info_present, 0b1010001);
  h.Ok(R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":["wijkteam"],"youth_agreements":"belt terug"}})");
  EXPECT_EQ(h.state.info_present, 0b1010111) << "checked_with_partners counts as partner actions";
}

TEST(Fold, TheReportersExpectationIsAskedOnlyOfADirectReport) {
  CaseHarness h;
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"duo-lijst","received":"2026-09-01"}})");
  EXPECT_FALSE(InfoItemMissing(h.state, 6)) << "own research has no reporter to ask";
  EXPECT_FALSE(InfoItemMissing(h.state, 5)) << "no absence, no absence overview";
  EXPECT_TRUE(InfoItemMissing(h.state, 0));
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"netwerkpartner","received":"2026-09-02","absence":{"kind":"overig"}}})");
  EXPECT_TRUE(InfoItemMissing(h.state, 6));
  EXPECT_TRUE(InfoItemMissing(h.state, 5)) << "an absence kind alone is no overview of the absence";
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"netwerkpartner","received":"2026-09-03","absence":{"kind":"overig","from":"2026-08-20","to":"2026-09-01"}}})");
  EXPECT_FALSE(InfoItemMissing(h.state, 5)) << "the signal's absence, with its dates, is its overview";
}

TEST(Fold, ContactsTrackFirstAttemptAndAnOpenLetter) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"contact","case":"RMC-000001","occurred_at":"2026-09-05","data":{"channel":"brief","outcome":"geen-reactie"}})");
  EXPECT_EQ(FormatDate(h.state.first_attempt), "2026-09-05");
  EXPECT_EQ(FormatDate(h.state.last_letter), "2026-09-05");
  h.Ok(R"({"type":"contact","case":"RMC-000001","occurred_at":"2026-09-12","data":{"channel":"huisbezoek-aangekondigd","outcome":"niet-thuis"}})");
  EXPECT_EQ(h.state.last_letter, kNoDay) << "the home visit followed up the letter";
  EXPECT_EQ(FormatDate(h.state.first_attempt), "2026-09-05");
  EXPECT_EQ(h.state.contacts.size(), 2u);
}

TEST(Fold, ReopeningKeepsTheHistoryAndRestartsTheRoute) {
  CaseHarness h;
  h.WalkTo(12);
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"netwerkpartner","received":"2026-10-01"}})");
  EXPECT_EQ(h.state.step, 1);
  EXPECT_EQ(h.state.close_reason, -1);
  EXPECT_EQ(h.state.aftercare_until, kNoDay);
  EXPECT_EQ(h.state.consents.size(), 1u) << "consents given before stay on record";
  EXPECT_EQ(h.state.target_group, int(schema::TargetGroup::VERZUIM18PLUS));
}

// Folding the same events again gives the same state: the check behind `rmc rebuild --check`.
TEST(Fold, FoldingIsDeterministic) {
  CaseHarness a, b;
  a.WalkTo(13);
  b.WalkTo(13);
  EXPECT_EQ(a.state, b.state);
}

TEST(Fold, OverridesBecomeDeviationsWithTheirReason) {
  CaseHarness h;
  h.WalkTo(7);
  h.Ok(R"({"type":"plan","case":"RMC-000001","reason":"jongere kiest later een casusregisseur","data":{"trajectories":["arbeid"],"asked_youth_for_director":true,"made_with_youth":true}})");
  ASSERT_EQ(h.state.deviations.size(), 1u);
  EXPECT_EQ(h.state.deviations[0].rule, "plan-complete");
  EXPECT_EQ(h.state.deviations[0].from_step, 0);
  EXPECT_EQ(h.state.deviations[0].actor, "consulent-1");
}

}  // namespace
}  // namespace rmc::testing
