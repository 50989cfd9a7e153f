// Every rule of docs/routekaart.md#rules: the refused side, the accepted
// side, and the override with a reason, recorded on the event and in the case's deviations.
#include <gtest/gtest.h>

#include <cstdio>

#include "case_harness.h"
#include "event.capnp.h"

namespace rmc::testing {
namespace {

using V = std::vector<std::string>;

void ExpectRule(const Status& s, const std::string& rule) {
  EXPECT_EQ(s.code(), Code::kRuleViolation) << s.message();
  EXPECT_EQ(s.rule, rule) << s.message();
}

bool HasDeviation(const CaseState& s, const std::string& rule) {
  for (const auto& d : s.deviations)
    if (d.rule == rule && !d.reason.empty()) return true;
  return false;
}

const char* kSignal =
    R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"netwerkpartner","received":"2026-09-01"}})";
const char* kSignalAbsence =
    R"({"type":"signal","data":{"subject":{"ref":"J-1","enrolled":true},"channel":"duo-verzuimloket","received":"2026-09-01","absence":{"kind":"4w-aaneengesloten"}}})";
const char* kReview =
    R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":["leerplicht"]}})";
// A review that recorded the school contact: what a triage into verzuim-18plus or vsv-dreigend
// follows (rule review-school).
const char* kReviewWithSchool =
    R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":["leerplicht"],"school_contacted":true,"school_measures":"mentor belde"}})";

std::string Triage(const std::string& group, const std::string& extra = "") {
  return R"({"type":"triage","case":"RMC-000001",)" + extra +
         R"("data":{"target_group":")" + group + R"(","action_required":true,"rationale":"r"}})";
}

// A case triaged into `group` from a plain signal (not enrolled, no absence).
void TriagedAs(CaseHarness& h, const std::string& group) {
  h.Ok(kSignal);
  h.Ok(kReviewWithSchool);
  h.Ok(Triage(group));
}

// Rule 1: one open case per subject.

TEST(OneOpenCasePerSubject, FirstSignalOpensACase) {
  CaseHarness h;
  EXPECT_EQ(h.Ok(kSignal), (V{"CaseOpened", "SignalReceived"}));
  EXPECT_EQ(h.state.status, CaseStatus::kOpen);
}

TEST(OneOpenCasePerSubject, SignalForAnOpenCaseIsAttached) {
  CaseHarness h;
  h.WalkTo(5);
  EXPECT_EQ(h.Ok(kSignal), (V{"SignalReceived"}));
  EXPECT_EQ(h.state.signals.size(), 2u);
  EXPECT_EQ(h.state.step, 5) << "an attached signal does not reset the route";
}

TEST(OneOpenCasePerSubject, SignalInAftercareReopensTheCase) {
  CaseHarness h;
  h.WalkTo(11);
  ASSERT_EQ(h.state.status, CaseStatus::kNazorg);
  EXPECT_EQ(h.Ok(kSignal), (V{"CaseReopened", "SignalReceived"}));
  EXPECT_EQ(h.state.status, CaseStatus::kOpen);
  EXPECT_EQ(h.state.reopened, 1);
  EXPECT_EQ(h.Ok(R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[],"school_contacted":true,"school_measures":"m"}})"),
            (V{"DossierReviewed"}))
      << "a reopened case expects step 2 again";
}

TEST(OneOpenCasePerSubject, SignalAfterTheCaseEndedOpensANewCase) {
  CaseHarness h;
  h.WalkTo(11);
  h.Ok(R"({"type":"aftercare_end","case":"RMC-000001","data":{}})");
  ASSERT_EQ(h.state.status, CaseStatus::kAfgesloten);
  EXPECT_EQ(h.Ok(kSignal), (V{"CaseOpened", "SignalReceived"}));
  EXPECT_EQ(h.state.version, 2u);
}

TEST(OneOpenCasePerSubject, AftercareThatRanOutCountsAsEnded) {
  CaseHarness h("2026-10-01");
  h.WalkTo(11);  // aftercare until 2027-04-01
  h.SetToday("2027-04-02");
  EXPECT_EQ(h.Ok(kSignal), (V{"CaseOpened", "SignalReceived"}));
}

// Rule 2: route order.

TEST(RouteOrder, AStepAheadIsRefusedNamingTheExpectedStep) {
  CaseHarness h;
  h.Ok(kSignal);
  Status s = h.Refused(Triage("vsv-nieuw"));
  EXPECT_EQ(s.code(), Code::kRouteViolation);
  EXPECT_EQ(s.expected_step, 2);
  EXPECT_NE(s.message().find("expected step 2"), std::string::npos) << s.message();
  EXPECT_EQ(h.state.version, 2u) << "a refused command appends nothing";
}

TEST(RouteOrder, AReasonRecordsTheDeviationBeforeTheAction) {
  CaseHarness h;
  h.Ok(kSignal);
  EXPECT_EQ(h.Ok(Triage("vsv-nieuw", R"("reason":"dossier al bekend uit vorig traject",)")),
            (V{"StepDeviated", "Triaged"}));
  ASSERT_EQ(h.state.deviations.size(), 1u);
  EXPECT_EQ(h.state.deviations[0].rule, "route-order");
  EXPECT_EQ(h.state.deviations[0].from_step, 2);
  EXPECT_EQ(h.state.deviations[0].to_step, 3);
  EXPECT_EQ(h.state.deviations[0].reason, "dossier al bekend uit vorig traject");
}

TEST(RouteOrder, ACompleteRouteNeedsNoDeviation) {
  CaseHarness h;
  h.WalkTo(13);
  EXPECT_EQ(h.state.step, 13);
  EXPECT_TRUE(h.state.deviations.empty());
}

// Rule 3: review with absence.

TEST(ReviewSchool, AbsenceNeedsTheSchoolsMeasures) {
  CaseHarness h;
  h.Ok(kSignalAbsence);
  ExpectRule(h.Refused(kReview), "review-school");
  ExpectRule(h.Refused(R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[],"school_contacted":true}})"),
             "review-school");
  h.Ok(R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[],"school_contacted":true,"school_measures":"mentor belde"}})");
}

TEST(ReviewSchool, NoAbsenceNoSchoolNeeded) {
  CaseHarness h;
  h.Ok(kSignal);
  h.Ok(kReview);
}

TEST(ReviewSchool, AReasonOverridesAndIsRecorded) {
  CaseHarness h;
  h.Ok(kSignalAbsence);
  EXPECT_EQ(h.Ok(R"({"type":"review","case":"RMC-000001","reason":"school gesloten in de vakantie","data":{"checked_with_youth":true,"checked_with_partners":[]}})"),
            (V{"DossierReviewed"}));
  EXPECT_TRUE(HasDeviation(h.state, "review-school"));
}

// Rule 4: JIKP perspective.

TEST(JikpPerspective, TriageIntoJikpNamesThePerspective) {
  CaseHarness h;
  h.Ok(kSignal);
  h.Ok(kReview);
  ExpectRule(h.Refused(Triage("jikp")), "jikp-perspective");
  h.Ok(R"({"type":"triage","case":"RMC-000001","data":{"target_group":"jikp","jikp_perspective":"dagbesteding","action_required":true,"rationale":"r"}})");
  EXPECT_EQ(h.state.jikp_perspective, int(schema::JikpPerspective::DAGBESTEDING));
}

TEST(JikpPerspective, OtherGroupsNeedNone) {
  CaseHarness h;
  TriagedAs(h, "vsv-oud");
  EXPECT_EQ(h.state.jikp_perspective, -1);
}

// Rule 5: age.

TEST(Age, UnderEighteenNeedsAReason) {
  CaseHarness h("2026-10-01");
  h.SetBirthDate("2008-10-02");  // 17, one day short of 18
  h.Ok(kSignal);
  h.Ok(kReview);
  Status s = h.Refused(Triage("vsv-nieuw"));
  ExpectRule(s, "age");
  EXPECT_NE(s.message().find("17"), std::string::npos) << s.message();
  h.Ok(Triage("geen"));  // under 18: the usual outcome, no reason needed
}

TEST(Age, EighteenToTheDayIsServed) {
  CaseHarness h("2026-10-01");
  h.SetBirthDate("2008-10-01");
  h.Ok(kSignal);
  h.Ok(kReview);
  h.Ok(Triage("vsv-nieuw"));
}

TEST(Age, TheMaxAgeBirthdayEndsTheTargetGroup) {
  CaseHarness h("2026-10-01");
  h.SetBirthDate("2003-10-01");  // 23 today
  h.Ok(kSignal);
  h.Ok(kReview);
  Status s = h.Refused(Triage("vsv-oud"));
  ExpectRule(s, "age");
  EXPECT_NE(s.message().find("23rd birthday"), std::string::npos) << s.message();
}

TEST(Age, ARegionServingUntil27AcceptsA24YearOld) {
  CaseHarness h("2026-10-01");
  ASSERT_TRUE(h.settings.Set("max_age", "27").ok());
  h.SetBirthDate("2002-06-01");
  h.Ok(kSignal);
  h.Ok(kReview);
  h.Ok(R"({"type":"triage","case":"RMC-000001","data":{"target_group":"jikp","jikp_perspective":"arbeid","action_required":true,"rationale":"r"}})");
}

TEST(Age, AReasonOverrides) {
  CaseHarness h("2026-10-01");
  h.SetBirthDate("2009-01-01");
  h.Ok(kSignal);
  h.Ok(kReview);
  h.Ok(Triage("vsv-nieuw", R"("reason":"wordt over 3 maanden 18; warme overdracht met leerplicht",)"));
  EXPECT_TRUE(HasDeviation(h.state, "age"));
}

// JIKP takes in pro and vso leavers, who may be younger than 18: from 16.
constexpr char kJikp[] =
    R"({"type":"triage","case":"RMC-000001",%s"data":{"target_group":"jikp","jikp_perspective":"arbeid","action_required":true,"rationale":"r"}})";

std::string JikpTriage(const std::string& reason = "") {
  char line[512];
  std::snprintf(line, sizeof line, kJikp, reason.c_str());
  return line;
}

TEST(Age, JikpFromSixteen) {
  CaseHarness h("2026-10-01");
  h.SetBirthDate("2010-10-01");  // 16 today
  h.Ok(kSignal);
  h.Ok(kReview);
  h.Ok(JikpTriage());
  EXPECT_FALSE(HasDeviation(h.state, "age"));
}

TEST(Age, JikpUnderSixteenNeedsAReason) {
  CaseHarness h("2026-10-01");
  h.SetBirthDate("2010-10-02");  // 15, one day short of 16
  h.Ok(kSignal);
  h.Ok(kReview);
  Status s = h.Refused(JikpTriage());
  ExpectRule(s, "age");
  EXPECT_NE(s.message().find("jikp is for ages 16"), std::string::npos) << s.message();
  h.Ok(JikpTriage(R"("reason":"vso-leerling, stroomt over 2 maanden uit",)"));
  EXPECT_TRUE(HasDeviation(h.state, "age"));
}

TEST(Age, SeventeenIsStillTooYoungForTheOtherGroups) {
  CaseHarness h("2026-10-01");
  h.SetBirthDate("2009-06-01");  // 17
  h.Ok(kSignal);
  h.Ok(kReviewWithSchool);
  ExpectRule(h.Refused(Triage("vsv-dreigend")), "age");
}

TEST(Age, UnknownBirthDateIsNoRefusal) {
  CaseHarness h;
  TriagedAs(h, "vsv-nieuw");
}

// Rule 6: 3-gesprek.

const char* kScheduleYouthOnly =
    R"({"type":"intake_scheduled","case":"RMC-000001","data":{"date":"2026-10-08","participants":["jongere"],"asked_youth_about_involvement":true}})";
const char* kScheduleWithSchool =
    R"({"type":"intake_scheduled","case":"RMC-000001","data":{"date":"2026-10-08","participants":["jongere","school"],"asked_youth_about_involvement":true}})";

TEST(ThreeWayIntake, AnEnrolledSubjectsIntakeIncludesTheSchool) {
  CaseHarness h;
  h.WalkTo(3);  // verzuim-18plus, enrolled
  ExpectRule(h.Refused(kScheduleYouthOnly), "three-way-intake");
  h.Ok(kScheduleWithSchool);
}

TEST(ThreeWayIntake, VsvDreigendImpliesEnrolment) {
  CaseHarness h;
  TriagedAs(h, "vsv-dreigend");
  ExpectRule(h.Refused(kScheduleYouthOnly), "three-way-intake");
}

TEST(ThreeWayIntake, ASubjectNotEnrolledNeedsNoSchool) {
  CaseHarness h;
  TriagedAs(h, "vsv-nieuw");
  h.Ok(kScheduleYouthOnly);
}

TEST(ThreeWayIntake, TheLatestSignalOrReviewDecidesEnrolment) {
  CaseHarness h;
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1","enrolled":true},"channel":"netwerkpartner","received":"2026-09-01"}})");
  h.Ok(R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[],"enrolled":false}})");
  h.Ok(Triage("vsv-nieuw"));
  h.Ok(kScheduleYouthOnly);  // uitgeschreven: the review said so after the signal
}

TEST(ThreeWayIntake, AReviewThatDoesNotSayKeepsTheSignalsEnrolment) {
  CaseHarness h;
  h.Ok(R"({"type":"signal","data":{"subject":{"ref":"J-1","enrolled":true},"channel":"netwerkpartner","received":"2026-09-01"}})");
  h.Ok(kReview);
  h.Ok(Triage("vsv-nieuw"));
  ExpectRule(h.Refused(kScheduleYouthOnly), "three-way-intake");
}

TEST(ThreeWayIntake, TheYouthIsAskedAboutInvolvement) {
  CaseHarness h;
  TriagedAs(h, "vsv-nieuw");
  ExpectRule(h.Refused(R"({"type":"intake_scheduled","case":"RMC-000001","data":{"date":"2026-10-08","participants":["jongere"],"asked_youth_about_involvement":false}})"),
             "three-way-intake");
}

TEST(ThreeWayIntake, AReasonOverrides) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"intake_scheduled","case":"RMC-000001","reason":"jongere wil school er niet bij","data":{"date":"2026-10-08","participants":["jongere"],"asked_youth_about_involvement":true}})");
  EXPECT_TRUE(HasDeviation(h.state, "three-way-intake"));
}

// Input that no reason makes valid.

TEST(Assessment, MapsAtLeastOneLifeDomain) {
  CaseHarness h;
  h.WalkTo(4);
  Status s = h.Refused(R"({"type":"assessment","case":"RMC-000001","data":{"instrument":"zrm","domains":{}}})");
  EXPECT_EQ(s.code(), Code::kInvalidInput);
  EXPECT_NE(s.message().find("data.domains"), std::string::npos) << s.message();
  h.Ok(R"({"type":"assessment","case":"RMC-000001","data":{"instrument":"zrm","domains":{"huisvesting":{"score":5}}}})");
}

// Rule 7: inquiry completeness.

TEST(InquiryComplete, EveryPartIsThereAndNothingTriedIsExplicit) {
  CaseHarness h;
  h.WalkTo(6);
  Status s = h.Refused(R"({"type":"inquiry_completed","case":"RMC-000001","data":{"reasons":"r","education_reasons":"e","interventions":[],"next_steps":"n"}})");
  ExpectRule(s, "inquiry-complete");
  EXPECT_NE(s.message().find("missing care"), std::string::npos) << s.message();
  s = h.Refused(R"({"type":"inquiry_completed","case":"RMC-000001","data":{"interventions":[],"care":[]}})");
  EXPECT_NE(s.message().find("reasons, next_steps, education_reasons"), std::string::npos)
      << s.message();
  h.Ok(R"({"type":"inquiry_completed","case":"RMC-000001","data":{"reasons":"r","education_reasons":"e","interventions":[],"care":[],"next_steps":"n"}})");
}

TEST(InquiryComplete, EducationReasonsOnlyForVerzuim18plus) {
  CaseHarness h;
  TriagedAs(h, "vsv-nieuw");
  h.Ok(kScheduleYouthOnly);
  h.Ok(R"({"type":"intake","case":"RMC-000001","data":{"date":"2026-10-08","participants":["jongere"],"support_question":"werk"}})");
  h.Ok(R"({"type":"assessment","case":"RMC-000001","data":{"instrument":"zrm","domains":{"financien":{"score":2}}}})");
  h.Ok(R"({"type":"consent","case":"RMC-000001","data":{"given":false,"partners":["*"],"categories":["verzuim"],"purpose":"p"}})");
  h.Ok(R"({"type":"inquiry_completed","case":"RMC-000001","data":{"reasons":"r","interventions":[],"care":[],"next_steps":"n"}})");
}

// Rule 8: plan.

TEST(PlanComplete, TrajectoryCaseDirectorAndTheYouthsSay) {
  CaseHarness h;
  h.WalkTo(7);
  ExpectRule(h.Refused(R"({"type":"plan","case":"RMC-000001","data":{"trajectories":[],"case_director":"school","asked_youth_for_director":true,"made_with_youth":true}})"),
             "plan-complete");
  ExpectRule(h.Refused(R"({"type":"plan","case":"RMC-000001","data":{"trajectories":["arbeid"],"asked_youth_for_director":true,"made_with_youth":true}})"),
             "plan-complete");
  ExpectRule(h.Refused(R"({"type":"plan","case":"RMC-000001","data":{"trajectories":["arbeid"],"case_director":"school","asked_youth_for_director":false,"made_with_youth":true}})"),
             "plan-complete");
  h.Ok(R"({"type":"plan","case":"RMC-000001","data":{"trajectories":["onderwijs","hulpverlening"],"case_director":"wijkteam","asked_youth_for_director":true,"made_with_youth":true}})");
}

TEST(PlanComplete, ARevisedPlanIsCheckedToo) {
  CaseHarness h;
  h.WalkTo(10);
  h.Ok(R"({"type":"monitor","case":"RMC-000001","data":{"status":"vastgelopen"}})");
  ExpectRule(h.Refused(R"({"type":"plan_revised","case":"RMC-000001","data":{"trajectories":[],"case_director":"school","asked_youth_for_director":true,"made_with_youth":true}})"),
             "plan-complete");
}

// Rule 9: sharing needs a ground.

const char* kShareLegal =
    R"({"type":"share","case":"RMC-000001","data":{"partner":"leerplicht","categories":["verzuim"],"grondslag":"wettelijke-taak","doel":"verzuimaanpak","proportionaliteit":"alleen verzuimdata","subsidiariteit":"jongere onbereikbaar"}})";

TEST(SharingGround, TheFourThinkingSteps) {
  CaseHarness h;
  h.WalkTo(3);
  ExpectRule(h.Refused(R"({"type":"share","case":"RMC-000001","data":{"partner":"leerplicht","categories":["verzuim"],"grondslag":"wettelijke-taak","doel":"verzuimaanpak"}})"),
             "sharing-ground");
  EXPECT_EQ(h.Ok(kShareLegal), (V{"DataShared"}));
}

TEST(SharingGround, ToestemmingNeedsActiveConsentAndNoReasonOverridesIt) {
  CaseHarness h;
  h.WalkTo(6);  // consent: leerplicht, verzuim
  const std::string share =
      R"({"type":"share","case":"RMC-000001","data":{"partner":"wijkteam","categories":["verzuim"],"grondslag":"toestemming","doel":"d","proportionaliteit":"p","subsidiariteit":"s"}})";
  EXPECT_EQ(h.Refused(share).code(), Code::kConsentRequired);
  std::string with_reason = share;
  with_reason.insert(1, R"("reason":"spoed",)");
  EXPECT_EQ(h.Refused(with_reason).code(), Code::kConsentRequired);
  h.Ok(R"({"type":"share","case":"RMC-000001","data":{"partner":"leerplicht","categories":["verzuim"],"grondslag":"toestemming","doel":"d","proportionaliteit":"p","subsidiariteit":"s"}})");
  EXPECT_EQ(h.Refused(R"({"type":"share","case":"RMC-000001","data":{"partner":"leerplicht","categories":["verzuim","zorg"],"grondslag":"toestemming","doel":"d","proportionaliteit":"p","subsidiariteit":"s"}})").code(),
            Code::kConsentRequired)
      << "consent covers every category shared";
}

TEST(SharingGround, WithdrawnOrExpiredConsentNoLongerCovers) {
  CaseHarness h;
  h.WalkTo(5);
  h.Ok(R"({"type":"consent","case":"RMC-000001","data":{"given":true,"partners":["*"],"categories":["verzuim"],"purpose":"p","valid_until":"2026-12-31"}})");
  const char* share =
      R"({"type":"share","case":"RMC-000001","data":{"partner":"werkgever","categories":["verzuim"],"grondslag":"toestemming","doel":"d","proportionaliteit":"p","subsidiariteit":"s"}})";
  h.Ok(share);
  h.SetToday("2027-01-01");
  EXPECT_EQ(h.Refused(share).code(), Code::kConsentRequired);
  h.SetToday("2026-10-02");
  h.Ok(R"({"type":"consent_withdrawn","case":"RMC-000001","data":{"partners":["*"]}})");
  EXPECT_EQ(h.Refused(share).code(), Code::kConsentRequired);
}

TEST(SharingGround, FeedbackIsLimitedToTheCase) {
  CaseHarness h;
  h.WalkTo(11);
  ExpectRule(h.Refused(R"({"type":"feedback","case":"RMC-000001","data":{"partners":["leerplicht"],"summary":"s","limited_to_case":false}})"),
             "sharing-ground");
  h.Ok(R"({"type":"feedback","case":"RMC-000001","data":{"partners":["leerplicht"],"summary":"s","limited_to_case":true}})");
}

TEST(SharingGround, UnknownCategoryIsInvalidInput) {
  CaseHarness h;
  h.WalkTo(3);
  EXPECT_EQ(h.Refused(R"({"type":"share","case":"RMC-000001","data":{"partner":"leerplicht","categories":["schoenmaat"],"grondslag":"wettelijke-taak","doel":"d","proportionaliteit":"p","subsidiariteit":"s"}})").code(),
            Code::kInvalidInput);
}

// Rule 10: closing without contact.

std::string Contact(const std::string& day, const std::string& channel) {
  return R"({"type":"contact","case":"RMC-000001","occurred_at":")" + day +
         R"(","data":{"channel":")" + channel + R"(","outcome":"geen-reactie"}})";
}
const char* kCloseNoContact =
    R"({"type":"close","case":"RMC-000001","data":{"reason":"geen-contact"}})";

TEST(NoContactEffort, ALetterAndTwoHomeVisitsOnDifferentDaysOverFourWeeks) {
  CaseHarness h("2026-10-30");
  h.WalkTo(3);
  ExpectRule(h.Refused(kCloseNoContact), "no-contact-effort");
  h.Ok(Contact("2026-09-10", "brief"));
  h.Ok(Contact("2026-09-24", "huisbezoek-aangekondigd"));
  ExpectRule(h.Refused(kCloseNoContact), "no-contact-effort");
  h.Ok(Contact("2026-09-24", "huisbezoek-onaangekondigd"));
  ExpectRule(h.Refused(kCloseNoContact), "no-contact-effort");  // same day: not repeated
  h.Ok(Contact("2026-10-01", "huisbezoek-onaangekondigd"));
  EXPECT_EQ(h.Ok(kCloseNoContact), (V{"CaseClosed"}));
  EXPECT_EQ(h.state.status, CaseStatus::kAfgesloten) << "geen-contact starts no aftercare";
}

TEST(NoContactEffort, TheFirstAttemptLiesNoContactDaysBack) {
  CaseHarness h("2026-10-07");
  h.WalkTo(3);
  h.Ok(Contact("2026-09-10", "brief"));
  h.Ok(Contact("2026-09-24", "huisbezoek-aangekondigd"));
  h.Ok(Contact("2026-10-01", "huisbezoek-onaangekondigd"));
  Status s = h.Refused(kCloseNoContact);  // 27 days after the letter
  ExpectRule(s, "no-contact-effort");
  h.SetToday("2026-10-08");  // 28 days
  h.Ok(kCloseNoContact);
}

TEST(NoContactEffort, AReasonOverrides) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"close","case":"RMC-000001","reason":"jongere emigreert, bevestigd door ouders","data":{"reason":"geen-contact"}})");
  EXPECT_TRUE(HasDeviation(h.state, "no-contact-effort"));
}

// Rule 11: closing a stuck case.

const char* kStuck = R"({"type":"monitor","case":"RMC-000001","data":{"status":"vastgelopen"}})";
const char* kCloseGoal =
    R"({"type":"close","case":"RMC-000001","data":{"reason":"doel-bereikt","outcome":["werk"],"work_hours_per_week":24}})";

TEST(StuckClose, ClosingRightAfterStuckNeedsAReason) {
  CaseHarness h;
  h.WalkTo(10);
  h.Ok(kStuck);
  ExpectRule(h.Refused(kCloseGoal), "stuck-close");
  h.Ok(R"({"type":"close","case":"RMC-000001","reason":"jongere heeft zelf werk gevonden","data":{"reason":"doel-bereikt","outcome":["onderwijs"]}})");
  EXPECT_TRUE(HasDeviation(h.state, "stuck-close"));
}

TEST(StuckClose, AfterARevisionTheCaseMayClose) {
  CaseHarness h;
  h.WalkTo(10);
  h.Ok(kStuck);
  h.Ok(R"({"type":"plan_revised","case":"RMC-000001","data":{"trajectories":["arbeid"],"case_director":"werkgever","asked_youth_for_director":true,"made_with_youth":true}})");
  h.Ok(R"({"type":"plan_started","case":"RMC-000001","data":{"date":"2026-10-01"}})");
  h.Ok(R"({"type":"monitor","case":"RMC-000001","data":{"status":"op-koers"}})");
  h.Ok(kCloseGoal);
}

TEST(StuckClose, AnOnTrackMonitorAllowsClosing) {
  CaseHarness h;
  h.WalkTo(10);
  h.Ok(kStuck);
  h.Ok(R"({"type":"monitor","case":"RMC-000001","data":{"status":"op-koers"}})");
  h.Ok(kCloseGoal);
}

}  // namespace
}  // namespace rmc::testing
