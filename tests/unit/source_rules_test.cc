// The rules of docs/routekaart.md as the source documents state them: consent at any time,
// lawful grounds, the 3-gesprek at the intake, the verzuim route, closing without contact,
// revisits after vastgelopen, drop-out in aftercare, the school at triage, outcomes and the
// evaluation. Each with its refused side, its accepted side and, where a reason may override, the
// override.
#include <gtest/gtest.h>

#include "case_harness.h"
#include "domain/routing.h"

namespace rmc::testing {
namespace {

using V = std::vector<std::string>;
using S = CaseState;

void ExpectRule(const Status& s, const std::string& rule) {
  EXPECT_EQ(s.code(), Code::kRuleViolation) << s.message();
  EXPECT_EQ(s.rule, rule) << s.message();
}

void ExpectInvalid(const Status& s, const std::string& words) {
  EXPECT_EQ(s.code(), Code::kInvalidInput) << s.message();
  EXPECT_NE(s.message().find(words), std::string::npos) << s.message();
}

bool HasDeviation(const CaseState& s, const std::string& rule) {
  for (const auto& d : s.deviations)
    if (d.rule == rule && !d.reason.empty()) return true;
  return false;
}

// A command with a reason: `json` with "reason" added in front of its other members.
std::string WithReason(std::string json, const std::string& reason) {
  return json.insert(1, R"("reason":")" + reason + R"(",)");
}

const char* kSignal =
    R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"netwerkpartner","received":"2026-09-01"}})";
const char* kReview =
    R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[]}})";
const char* kReviewWithSchool =
    R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[],"school_contacted":true,"school_measures":"mentor belde"}})";
const char* kConsent =
    R"({"type":"consent","case":"RMC-000001","data":{"given":true,"partners":["UWV"],"categories":["werk"],"purpose":"werk zoeken"}})";
const char* kPlan =
    R"({"type":"plan","case":"RMC-000001","data":{"trajectories":["onderwijs"],"case_director":"school","asked_youth_for_director":true,"made_with_youth":true}})";

std::string Triage(const std::string& group) {
  return R"({"type":"triage","case":"RMC-000001","data":{"target_group":")" + group +
         R"(","action_required":true,"rationale":"r")" +
         (group == "jikp" ? R"(,"jikp_perspective":"arbeid")" : "") + "}}";
}

std::string Intake(const std::string& participants, const std::string& extra = "") {
  return R"({"type":"intake","case":"RMC-000001","data":{"date":"2026-10-01","participants":)" +
         participants + R"(,"support_question":"werk")" + extra + "}}";
}

// Rule 1 (routing): consent at any time.

TEST(ConsentAnyTime, AfterThePlanItIsNoDeviationAndLeavesTheRoute) {
  CaseHarness h;
  h.WalkTo(8);
  const int at = h.state.at;
  EXPECT_EQ(h.Ok(kConsent), V{"ConsentGiven"});
  EXPECT_TRUE(h.state.deviations.empty());
  EXPECT_EQ(h.state.at, at) << "a consent does not move the route back";
  EXPECT_EQ(NextStep(h.state), 9);
}

TEST(ConsentAnyTime, OnlyTheFirstAfterTheIntakeMarksStepSix) {
  CaseHarness h;
  h.Ok(kSignal);
  h.Ok(kReview);
  h.Ok(Triage("vsv-nieuw"));
  h.Ok(kConsent);
  EXPECT_FALSE(h.state.Has(S::kConsentAsked)) << "before the intake: recorded, not step 6";
  EXPECT_FALSE(h.state.steps_done & (1 << 6));
  EXPECT_EQ(h.state.consents.size(), 1u);
  h.Ok(Intake(R"(["jongere"])", R"(,"asked_youth_about_involvement":true)"));
  EXPECT_EQ(NextStep(h.state), 5);
  h.Ok(kConsent);
  EXPECT_TRUE(h.state.Has(S::kConsentAsked));
  EXPECT_TRUE(h.state.steps_done & (1 << 6));
  EXPECT_EQ(h.state.at, 6);
  EXPECT_TRUE(h.state.deviations.empty());
}

// Lawful grounds (Privacy).

TEST(LawfulGrounds, GerechtvaardigdBelangIsRefusedEvenWithAReason) {
  CaseHarness h;
  h.WalkTo(6);
  const std::string share =
      R"({"type":"share","case":"RMC-000001","data":{"partner":"gemeente","categories":["verzuim"],"grondslag":"gerechtvaardigd-belang","doel":"d","proportionaliteit":"p","subsidiariteit":"s"}})";
  ExpectInvalid(h.Refused(share), "AVG art. 6(1), last sentence");
  ExpectInvalid(h.Refused(WithReason(share, "spoed")), "6(1)");
}

TEST(LawfulGrounds, WettelijkeVerplichtingIsAGround) {
  CaseHarness h;
  h.WalkTo(6);
  EXPECT_EQ(h.Ok(R"({"type":"share","case":"RMC-000001","data":{"partner":"gemeente","categories":["verzuim"],"grondslag":"wettelijke-verplichting","doel":"d","proportionaliteit":"p","subsidiariteit":"s"}})"),
            V{"DataShared"});
}

TEST(LawfulGrounds, FeedbackNamesItsCategoriesKnownOnes) {
  CaseHarness h;
  h.Ok(kSignal);
  h.Ok(kReview);
  h.Ok(R"({"type":"triage","case":"RMC-000001","data":{"target_group":"geen","action_required":false,"rationale":"r"}})");
  ExpectInvalid(h.Refused(R"({"type":"feedback","case":"RMC-000001","data":{"partners":["school"],"summary":"s","limited_to_case":true,"categories":["geheim"]}})"),
                "unknown category");
  h.Ok(R"({"type":"feedback","case":"RMC-000001","data":{"partners":["school"],"summary":"s","limited_to_case":true,"categories":["onderwijs"]}})");
}

// Rule three-way-intake, at the intake.

TEST(ThreeWayIntakeHeld, TheYouthIsAlwaysThere) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"intake_scheduled","case":"RMC-000001","data":{"date":"2026-10-08","participants":["jongere","school"],"asked_youth_about_involvement":true}})");
  ExpectRule(h.Refused(Intake(R"(["ouders","school"])")), "three-way-intake");
  h.Ok(WithReason(Intake(R"(["ouders","school"])"), "jongere belde in, ouders aanwezig"));
  EXPECT_TRUE(HasDeviation(h.state, "three-way-intake"));
}

TEST(ThreeWayIntakeHeld, AnEnrolledYouthsIntakeHasTheSchool) {
  CaseHarness h;
  h.WalkTo(3);  // verzuim-18plus
  ExpectRule(h.Refused(Intake(R"(["jongere"])", R"(,"asked_youth_about_involvement":true)")),
             "three-way-intake");
  h.Ok(Intake(R"(["jongere","school"])", R"(,"asked_youth_about_involvement":true)"));
  EXPECT_TRUE(h.state.deviations.empty());
}

TEST(ThreeWayIntakeHeld, AnOverrideAtTheSchedulingCoversTheIntake) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"intake_scheduled","case":"RMC-000001","reason":"jongere wil eerst zonder school","data":{"date":"2026-10-08","participants":["jongere"],"asked_youth_about_involvement":true}})");
  ASSERT_EQ(h.state.deviations.size(), 1u);
  h.Ok(Intake(R"(["jongere"])"));
  EXPECT_EQ(h.state.deviations.size(), 1u) << "no second deviation";
}

TEST(ThreeWayIntakeHeld, AnOverrideAboutTheQuestionDoesNotCoverLeavingTheSchoolOut) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"intake_scheduled","case":"RMC-000001","reason":"vraag vergeten, volgt bij intake","data":{"date":"2026-10-08","participants":["jongere","school"],"asked_youth_about_involvement":false}})");
  ExpectRule(h.Refused(Intake(R"(["jongere"])")), "three-way-intake");
}

TEST(ThreeWayIntakeHeld, WithoutSchedulingTheIntakeRecordsTheQuestion) {
  CaseHarness h;
  h.Ok(kSignal);
  h.Ok(kReview);
  h.Ok(Triage("vsv-nieuw"));
  ExpectInvalid(h.Refused(Intake(R"(["jongere"])")), "asked_youth_about_involvement");
  ExpectInvalid(h.Refused(WithReason(Intake(R"(["jongere"])"), "vergeten")),
                "asked_youth_about_involvement");
  ExpectRule(h.Refused(Intake(R"(["jongere"])", R"(,"asked_youth_about_involvement":false)")),
             "three-way-intake");
  h.Ok(Intake(R"(["jongere"])", R"(,"asked_youth_about_involvement":true)"));
}

// The verzuim route, and aftercare after geen-ondersteuning-nodig.

TEST(VerzuimRoute, GeenOndersteuningNodigAfterTheIntakeStartsAftercare) {
  CaseHarness h;
  h.WalkTo(4);
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"geen-ondersteuning-nodig"}})");
  EXPECT_EQ(h.state.status, CaseStatus::kNazorg);
  EXPECT_EQ(FormatDate(h.state.aftercare_until), "2027-04-01");
}

TEST(VerzuimRoute, BeforeTheIntakeItEndsTheCase) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"geen-ondersteuning-nodig"}})");
  EXPECT_EQ(h.state.status, CaseStatus::kAfgesloten);
}

// Rule no-contact-effort, since the youth was last reached; rule declines-support.

const char* kCloseNoContact =
    R"({"type":"close","case":"RMC-000001","occurred_at":"2026-11-20","data":{"reason":"geen-contact"}})";

std::string Contact(const std::string& day, const std::string& channel, const std::string& outcome) {
  return R"({"type":"contact","case":"RMC-000001","occurred_at":")" + day +
         R"(","data":{"channel":")" + channel + R"(","outcome":")" + outcome + R"("}})";
}

void TriagedVsvOud(CaseHarness& h) {
  h.Ok(kSignal);
  h.Ok(kReview);
  h.Ok(Triage("vsv-oud"));
}

TEST(NoContactEffort, ALetterFromBeforeTheYouthWasReachedDoesNotCount) {
  CaseHarness h("2026-11-20");
  TriagedVsvOud(h);
  h.Ok(Contact("2026-09-02", "brief", "geen-reactie"));
  h.Ok(Contact("2026-09-10", "telefoon", "bereikt"));
  h.Ok(Contact("2026-10-01", "huisbezoek-aangekondigd", "niet-thuis"));
  h.Ok(Contact("2026-10-08", "huisbezoek-onaangekondigd", "niet-thuis"));
  ExpectRule(h.Refused(kCloseNoContact), "no-contact-effort");
  h.Ok(Contact("2026-10-09", "brief", "geen-reactie"));
  h.Ok(kCloseNoContact);
  EXPECT_TRUE(h.state.deviations.empty());
}

TEST(NoContactEffort, CountsByTheDatesTheContactsOccurred) {
  // The contact that reached the youth is recorded last, but happened first: the effort after
  // it counts.
  CaseHarness h("2026-11-20");
  TriagedVsvOud(h);
  h.Ok(Contact("2026-09-04", "brief", "geen-reactie"));
  h.Ok(Contact("2026-09-05", "huisbezoek-aangekondigd", "niet-thuis"));
  h.Ok(Contact("2026-09-06", "huisbezoek-onaangekondigd", "niet-thuis"));
  h.Ok(Contact("2026-09-03", "telefoon", "bereikt"));
  h.Ok(kCloseNoContact);
  // Recorded first but reached later: the effort before it does not count, nor attempts dated
  // after the closing.
  CaseHarness late("2026-11-20");
  TriagedVsvOud(late);
  late.Ok(Contact("2026-09-10", "telefoon", "afspraak-gemaakt"));
  late.Ok(Contact("2026-09-04", "brief", "geen-reactie"));
  late.Ok(Contact("2026-09-05", "huisbezoek-aangekondigd", "niet-thuis"));
  late.Ok(Contact("2026-09-06", "huisbezoek-onaangekondigd", "niet-thuis"));
  late.Ok(Contact("2026-11-25", "brief", "geen-reactie"));
  ExpectRule(late.Refused(kCloseNoContact), "no-contact-effort");
}

TEST(NoContactEffort, TheRegionSetsTheEffort) {
  CaseHarness h("2026-11-20");
  h.settings.no_contact_home_visits = 1;
  h.settings.no_contact_letters = 0;
  TriagedVsvOud(h);
  h.Ok(Contact("2026-10-01", "huisbezoek-onaangekondigd", "niet-thuis"));
  h.Ok(kCloseNoContact);
  EXPECT_TRUE(h.state.deviations.empty());
}

TEST(NoContactEffort, AStuckCaseWhoseEffortIsMetClosesWithoutAReason) {
  CaseHarness h("2026-11-20");
  h.WalkTo(10);
  h.Ok(R"({"type":"monitor","case":"RMC-000001","occurred_at":"2026-09-30","data":{"status":"vastgelopen"}})");
  ExpectRule(h.Refused(kCloseNoContact), "no-contact-effort");
  h.Ok(Contact("2026-10-01", "brief", "geen-reactie"));
  h.Ok(Contact("2026-10-05", "huisbezoek-aangekondigd", "niet-thuis"));
  h.Ok(Contact("2026-10-12", "huisbezoek-onaangekondigd", "niet-thuis"));
  h.Ok(kCloseNoContact);
  EXPECT_TRUE(h.state.deviations.empty()) << "neither no-contact-effort nor stuck-close";
}

TEST(NoContactEffort, AStuckCaseWithoutTheEffortNeedsAReason) {
  CaseHarness h("2026-11-20");
  h.WalkTo(10);
  h.Ok(R"({"type":"monitor","case":"RMC-000001","data":{"status":"vastgelopen"}})");
  h.Ok(Contact("2026-11-01", "brief", "geen-reactie"));
  ExpectRule(h.Refused(kCloseNoContact), "no-contact-effort");
  h.Ok(WithReason(kCloseNoContact, "casusoverleg: jongere vertrokken"));
  EXPECT_TRUE(HasDeviation(h.state, "no-contact-effort"));
  EXPECT_TRUE(HasDeviation(h.state, "stuck-close"));
}

TEST(DeclinesSupport, NeedsAContactThatReachedTheYouth) {
  const char* declines =
      R"({"type":"close","case":"RMC-000001","data":{"reason":"wijst-ondersteuning-af"}})";
  CaseHarness h;
  TriagedVsvOud(h);
  h.Ok(Contact("2026-09-20", "brief", "geen-reactie"));
  ExpectRule(h.Refused(declines), "declines-support");
  h.Ok(Contact("2026-09-25", "telefoon", "bereikt"));
  h.Ok(declines);
  EXPECT_EQ(h.state.status, CaseStatus::kAfgesloten) << "an early close: no aftercare";

  CaseHarness o;
  TriagedVsvOud(o);
  o.Ok(WithReason(declines, "jongere liet via moeder weten geen hulp te willen"));
  EXPECT_TRUE(HasDeviation(o.state, "declines-support"));
}

TEST(DeclinesSupport, AContactAfterTheClosingDoesNotCount) {
  CaseHarness h;
  TriagedVsvOud(h);
  h.Ok(Contact("2026-11-04", "telefoon", "bereikt"));
  ExpectRule(h.Refused(R"({"type":"close","case":"RMC-000001","occurred_at":"2026-10-20","data":{"reason":"wijst-ondersteuning-af"}})"),
             "declines-support");
}

// Revisits of steps 4-8 after vastgelopen.

TEST(Revisits, AStuckCaseMayHoldAnotherIntake) {
  CaseHarness h;
  h.WalkTo(10, "vsv-dreigend");
  h.Ok(R"({"type":"monitor","case":"RMC-000001","data":{"status":"vastgelopen"}})");
  h.Ok(R"({"type":"intake_scheduled","case":"RMC-000001","data":{"date":"2026-10-08","participants":["jongere","school"],"asked_youth_about_involvement":true}})");
  h.Ok(Intake(R"(["jongere","school"])"));
  EXPECT_TRUE(h.state.deviations.empty());
  EXPECT_TRUE(h.state.Has(S::kRevisiting));
  EXPECT_EQ(NextStep(h.state), 9);
}

TEST(Revisits, OnTrackAnIntakeIsADeviation) {
  CaseHarness h;
  h.WalkTo(10, "vsv-dreigend");
  const std::string intake = Intake(R"(["jongere","school"])");
  EXPECT_EQ(h.Refused(intake).code(), Code::kRouteViolation);
  h.Ok(WithReason(intake, "nieuw gesprek op verzoek van de jongere"));
  ASSERT_EQ(h.state.deviations.size(), 1u);
  EXPECT_EQ(h.state.deviations[0].to_step, 4);
}

// Drop-out in aftercare reopens the case.

TEST(AftercareDropOut, ReopensTheCaseAtStepTwo) {
  CaseHarness h;
  h.WalkTo(11);
  ASSERT_EQ(h.state.status, CaseStatus::kNazorg);
  EXPECT_EQ(h.Ok(R"({"type":"aftercare_check","case":"RMC-000001","data":{"status":"uitgevallen"}})"),
            (V{"CaseReopened", "AftercareChecked"}));
  EXPECT_EQ(h.state.status, CaseStatus::kOpen);
  EXPECT_EQ(h.state.reopened, 1);
  EXPECT_EQ(NextStep(h.state), 2);
}

TEST(AftercareDropOut, OpPlekKeepsTheAftercare) {
  CaseHarness h;
  h.WalkTo(11);
  EXPECT_EQ(h.Ok(R"({"type":"aftercare_check","case":"RMC-000001","data":{"status":"op-plek"}})"),
            V{"AftercareChecked"});
  EXPECT_EQ(h.state.status, CaseStatus::kNazorg);
}

// Rule review-school at the triage.

TEST(ReviewSchoolAtTriage, VerzuimAndDreigendFollowAReviewWithTheSchool) {
  for (const char* group : {"verzuim-18plus", "vsv-dreigend"}) {
    CaseHarness h;
    h.Ok(kSignal);
    h.Ok(kReview);
    ExpectRule(h.Refused(Triage(group)), "review-school");
    h.Ok(WithReason(Triage(group), "school gesloten; leerplicht bevestigt verzuim"));
    EXPECT_TRUE(HasDeviation(h.state, "review-school")) << group;

    CaseHarness ok;
    ok.Ok(kSignal);
    ok.Ok(kReviewWithSchool);
    ok.Ok(Triage(group));
    EXPECT_TRUE(ok.state.deviations.empty()) << group;
  }
}

TEST(ReviewSchoolAtTriage, SchoolContactWithoutMeasuresIsNotEnough) {
  CaseHarness h;
  h.Ok(kSignal);
  h.Ok(R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[],"school_contacted":true}})");
  ExpectRule(h.Refused(Triage("verzuim-18plus")), "review-school");
  h.Ok(Triage("vsv-nieuw"));
}

// Names are never empty.

TEST(Names, AnEmptyNameIsRefused) {
  CaseHarness h;
  h.WalkTo(3);
  ExpectInvalid(h.Refused(R"({"type":"intake_scheduled","case":"RMC-000001","data":{"date":"2026-10-08","participants":["jongere",""],"asked_youth_about_involvement":true}})"),
                "data.participants[1]");
  ExpectInvalid(h.Refused(R"({"type":"consent","case":"RMC-000001","data":{"given":true,"partners":[""],"categories":["verzuim"],"purpose":"p"}})"),
                "a name (not empty)");
}

TEST(Names, WhiteSpaceIsNoNameAndNoText) {
  CaseHarness h;
  h.WalkTo(3);
  ExpectInvalid(h.Refused(R"({"type":"assign","case":"RMC-000001","data":{"consulent":" \t"}})"),
                "a name (not empty)");
  CaseHarness r;
  r.Ok(kSignal);
  r.Ok(R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[],"school_contacted":true,"school_measures":"  "}})");
  ExpectRule(r.Refused(Triage("vsv-dreigend")), "review-school");
}

// Outcomes, the evaluation, the warm handover.

TEST(Outcomes, DoelBereiktNamesAnOutcomeAndWerkItsHours) {
  CaseHarness h;
  h.WalkTo(10);
  ExpectInvalid(h.Refused(R"({"type":"close","case":"RMC-000001","data":{"reason":"doel-bereikt"}})"),
                "data.outcome");
  ExpectInvalid(h.Refused(R"({"type":"close","case":"RMC-000001","reason":"r","data":{"reason":"doel-bereikt"}})"),
                "data.outcome");
  ExpectInvalid(h.Refused(R"({"type":"close","case":"RMC-000001","data":{"reason":"doel-bereikt","outcome":["werk"]}})"),
                "data.work_hours_per_week");
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"doel-bereikt","outcome":["startkwalificatie"]}})");
}

TEST(Outcomes, DoelBereiktReachedSomethingOnce) {
  CaseHarness h;
  h.WalkTo(10);
  ExpectInvalid(h.Refused(R"({"type":"close","case":"RMC-000001","reason":"r","data":{"reason":"doel-bereikt","outcome":["geen"]}})"),
                "geen contradicts doel-bereikt");
  ExpectInvalid(h.Refused(R"({"type":"close","case":"RMC-000001","data":{"reason":"doel-bereikt","outcome":["onderwijs","onderwijs"]}})"),
                "data.outcome[1]: given twice");
}

TEST(Outcomes, HandedToOnlyWithAHandover) {
  CaseHarness h;
  h.WalkTo(3);
  ExpectInvalid(h.Refused(R"({"type":"close","case":"RMC-000001","data":{"reason":"geen-ondersteuning-nodig","handed_to":"wijkteam"}})"),
                "data.handed_to");
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"verhuisd","handed_to":"RMC Rotterdam"}})");
}

TEST(Evaluation, AnyOneAnswerIsEnoughNoneIsNot) {
  CaseHarness h;
  h.WalkTo(12);
  ExpectInvalid(h.Refused(R"({"type":"evaluation","case":"RMC-000001","data":{}})"),
                "at least one");
  ExpectInvalid(h.Refused(R"({"type":"evaluation","case":"RMC-000001","data":{"resolved":null,"went_well":""}})"),
                "at least one");
  h.Ok(R"({"type":"evaluation","case":"RMC-000001","data":{"went_well":"snel contact"}})");
  EXPECT_TRUE(h.state.Has(S::kEvaluated));
}

// The plan's contact frequency.

TEST(ContactFrequency, OnlyFromOneTo365Days) {
  CaseHarness h;
  h.WalkTo(7);
  for (const char* days : {"0", "366", "-1"})
    EXPECT_EQ(h.Refused(std::string(kPlan).insert(std::string(kPlan).size() - 2,
                                                   std::string(R"(,"contact_every_days":)") + days))
                  .code(),
              Code::kInvalidInput)
        << days;
  h.Ok(std::string(kPlan).insert(std::string(kPlan).size() - 2, R"(,"contact_every_days":14)"));
  EXPECT_EQ(h.state.contact_every_days, 14);
}

}  // namespace
}  // namespace rmc::testing
