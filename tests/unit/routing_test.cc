// The routing of docs/routekaart.md#routing: which step a case expects next on each route.
#include <gtest/gtest.h>

#include "case_harness.h"
#include "domain/routing.h"

namespace rmc::testing {
namespace {

const char* kSignal =
    R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"netwerkpartner","received":"2026-09-01"}})";
const char* kReview =
    R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[]}})";
const char* kFeedback =
    R"({"type":"feedback","case":"RMC-000001","data":{"partners":["leerplicht"],"summary":"s","limited_to_case":true}})";

TEST(Routing, TheFullRouteExpectsEachStepInTurn) {
  for (int done = 1; done <= 12; ++done) {
    CaseHarness h;
    h.WalkTo(done, "vsv-dreigend");
    int expected = done + 1;
    if (done == 3) expected = 4;
    EXPECT_EQ(NextStep(h.state), expected) << "after step " << done;
  }
  CaseHarness h;
  h.WalkTo(13, "vsv-dreigend");
  EXPECT_EQ(NextStep(h.state), 0);
}

TEST(Routing, TheVerzuimRouteMayGoFromTheIntakeToThePlan) {
  for (int done : {4, 5, 6}) {
    CaseHarness h;
    h.WalkTo(done);  // verzuim-18plus
    EXPECT_EQ(NextStep(h.state), 8) << "after step " << done;
    EXPECT_TRUE(ExpectedSteps(h.state).count(7)) << "after step " << done;
  }
  CaseHarness h;
  h.WalkTo(4);
  h.Ok(R"({"type":"plan","case":"RMC-000001","data":{"trajectories":["onderwijs"],"case_director":"school","asked_youth_for_director":true,"made_with_youth":true}})");
  EXPECT_TRUE(h.state.deviations.empty()) << "steps 5-7 are optional on the verzuim route";
  EXPECT_EQ(NextStep(h.state), 9);
}

TEST(Routing, OtherRoutesStillTakeStepsFiveToSevenBeforeThePlan) {
  const char* plan =
      R"({"type":"plan","case":"RMC-000001","data":{"trajectories":["onderwijs"],"case_director":"school","asked_youth_for_director":true,"made_with_youth":true}})";
  CaseHarness h;
  h.WalkTo(4, "vsv-dreigend");
  Status s = h.Refused(plan);
  EXPECT_EQ(s.code(), Code::kRouteViolation);
  EXPECT_EQ(s.expected_step, 5);
  h.Ok(std::string(plan).insert(1, R"("reason":"plan direct met school afgesproken",)"));
  ASSERT_EQ(h.state.deviations.size(), 1u);
  EXPECT_EQ(h.state.deviations[0].to_step, 8);
}

TEST(Routing, IntakeHeldOpensStepsFiveAndSixInEitherOrder) {
  CaseHarness h;
  h.WalkTo(4, "vsv-dreigend");
  EXPECT_EQ(ExpectedSteps(h.state), (std::set<int>{4, 5, 6}));
  h.Ok(R"({"type":"consent","case":"RMC-000001","data":{"given":true,"partners":["school"],"categories":["verzuim"],"purpose":"p"}})");
  EXPECT_EQ(NextStep(h.state), 5);
  h.Ok(R"({"type":"assessment","case":"RMC-000001","data":{"instrument":"signaleringsinstrument","domains":{"gezin":{"concern":true}}}})");
  EXPECT_EQ(NextStep(h.state), 7);
}

TEST(Routing, ScheduledButNotHeldExpectsTheIntake) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"intake_scheduled","case":"RMC-000001","data":{"date":"2026-10-08","participants":["jongere","school"],"asked_youth_about_involvement":true}})");
  EXPECT_EQ(ExpectedSteps(h.state), (std::set<int>{4}));
  EXPECT_EQ(h.Refused(R"({"type":"assessment","case":"RMC-000001","data":{"instrument":"zrm","domains":{"gezin":{"score":3}}}})").code(),
            Code::kRouteViolation);
}

TEST(Routing, GeenTakesTheShortRouteToFeedbackThenClosing) {
  CaseHarness h;
  h.Ok(kSignal);
  h.Ok(kReview);
  h.Ok(R"({"type":"triage","case":"RMC-000001","data":{"target_group":"geen","action_required":false,"rationale":"r"}})");
  EXPECT_EQ(NextStep(h.state), 12);
  EXPECT_EQ(h.Refused(R"({"type":"intake_scheduled","case":"RMC-000001","data":{"date":"2026-10-08","participants":["jongere"],"asked_youth_about_involvement":true}})").expected_step,
            12);
  h.Ok(kFeedback);
  EXPECT_EQ(NextStep(h.state), 11);
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"geen-rmc-doelgroep"}})");
  EXPECT_EQ(h.state.status, CaseStatus::kAfgesloten);
  EXPECT_EQ(NextStep(h.state), 13);
}

TEST(Routing, TheShortRouteClosesWithoutAftercare) {
  CaseHarness h;
  h.Ok(kSignal);
  h.Ok(kReview);
  h.Ok(R"({"type":"triage","case":"RMC-000001","data":{"target_group":"vsv-nieuw","action_required":false,"rationale":"heeft al werk"}})");
  h.Ok(kFeedback);
  Status s = h.Refused(R"({"type":"close","case":"RMC-000001","data":{"reason":"doel-bereikt","outcome":["onderwijs"]}})");
  EXPECT_EQ(s.code(), Code::kRouteViolation) << "doel-bereikt (with aftercare) is not a short-route close";
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"geen-ondersteuning-nodig"}})");
  EXPECT_EQ(h.state.aftercare_until, kNoDay);
}

TEST(Routing, EarlyCloseReasonsEndTheRouteFromStepThree) {
  CaseHarness h;
  h.Ok(kSignal);
  EXPECT_EQ(h.Refused(R"({"type":"close","case":"RMC-000001","data":{"reason":"verhuisd"}})").code(),
            Code::kRouteViolation);
  h.Ok(kReview);
  h.Ok(R"({"type":"triage","case":"RMC-000001","data":{"target_group":"vsv-oud","action_required":true,"rationale":"r"}})");
  EXPECT_EQ(h.Refused(R"({"type":"close","case":"RMC-000001","data":{"reason":"doel-bereikt","outcome":["onderwijs"]}})").code(),
            Code::kRouteViolation);
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"verhuisd"}})");
  EXPECT_EQ(NextStep(h.state), 12);
}

TEST(Routing, StepsRepeatWithoutDeviation) {
  CaseHarness h;
  h.WalkTo(10);
  h.Ok(R"({"type":"monitor","case":"RMC-000001","data":{"status":"op-koers"}})");
  h.Ok(R"({"type":"monitor","case":"RMC-000001","data":{"status":"op-koers"}})");
  EXPECT_TRUE(h.state.deviations.empty());
}

TEST(Routing, AStuckCaseRevisitsAssessmentInquiryAndPlan) {
  CaseHarness h;
  h.WalkTo(10);
  h.Ok(R"({"type":"monitor","case":"RMC-000001","data":{"status":"vastgelopen"}})");
  EXPECT_EQ(NextStep(h.state), 8);
  h.Ok(R"({"type":"assessment","case":"RMC-000001","data":{"instrument":"zrm","domains":{"gezin":{"score":2}}}})");
  h.Ok(R"({"type":"inquiry_completed","case":"RMC-000001","data":{"reasons":"r","education_reasons":"e","interventions":[],"care":[],"next_steps":"n"}})");
  h.Ok(R"({"type":"plan_revised","case":"RMC-000001","data":{"trajectories":["hulpverlening"],"case_director":"wijkteam","asked_youth_for_director":true,"made_with_youth":true}})");
  EXPECT_EQ(NextStep(h.state), 9);
  h.Ok(R"({"type":"plan_started","case":"RMC-000001","data":{"date":"2026-10-01"}})");
  EXPECT_TRUE(h.state.deviations.empty());
}

TEST(Routing, AftercareCommandsNeedACaseInAftercare) {
  CaseHarness h;
  h.WalkTo(10);
  EXPECT_EQ(h.Refused(R"({"type":"aftercare_check","case":"RMC-000001","data":{"status":"op-plek"}})").code(),
            Code::kRouteViolation);
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"doel-bereikt","outcome":["onderwijs"]}})");
  h.Ok(R"({"type":"aftercare_check","case":"RMC-000001","data":{"status":"op-plek"}})");
  h.Ok(R"({"type":"aftercare_check","case":"RMC-000001","data":{"status":"op-plek"}})");
  EXPECT_EQ(h.state.aftercare_checks, 2);
  h.Ok(R"({"type":"aftercare_end","case":"RMC-000001","data":{}})");
  EXPECT_EQ(h.Refused(R"({"type":"aftercare_check","case":"RMC-000001","data":{"status":"op-plek"}})").code(),
            Code::kRouteViolation);
}

TEST(Routing, AfterTheEvaluationNothingIsExpected) {
  CaseHarness h;
  h.WalkTo(13);
  Status s = h.Refused(R"({"type":"monitor","case":"RMC-000001","data":{"status":"op-koers"}})");
  EXPECT_EQ(s.code(), Code::kRouteViolation);
  EXPECT_NE(s.message().find("complete"), std::string::npos) << s.message();
}

TEST(Routing, PhasesOfSteps) {
  EXPECT_EQ(PhaseOf(1), 1);
  EXPECT_EQ(PhaseOf(3), 1);
  EXPECT_EQ(PhaseOf(4), 2);
  EXPECT_EQ(PhaseOf(7), 2);
  EXPECT_EQ(PhaseOf(8), 3);
  EXPECT_EQ(PhaseOf(9), 3);
  EXPECT_EQ(PhaseOf(11), 4);
  EXPECT_EQ(PhaseOf(12), 5);
  EXPECT_EQ(PhaseOf(13), 5);
}

}  // namespace
}  // namespace rmc::testing
