// The fold (fold.cc) of corrections: a `correct` of each event type that can be corrected changes
// the case state as the corrected event would have, and only from the correction on.
#include <gtest/gtest.h>

#include <capnp/dynamic.h>
#include <capnp/schema.h>

#include <set>

#include "case_harness.h"
#include "codec/schema_info.h"
#include "domain/correction.h"
#include "domain/deadlines.h"
#include "domain/decide.h"
#include "domain/routing.h"
#include "event.capnp.h"

namespace rmc::testing {
namespace {

using S = CaseState;

// The command correcting the `nth` event of `type` with the JSON object `fields`.
std::string Correct(const CaseHarness& h, std::string_view type, std::string_view fields, int nth = 0) {
  const uint64_t position = h.PositionOf(type, nth);
  EXPECT_NE(position, 0u) << "no " << type << " to correct";
  return R"({"type":"correct","case":"RMC-000001","reason":"verkeerd ingevoerd","data":{"event":)" +
         std::to_string(position) + R"(,"data":)" + std::string(fields) + "}}";
}

// Runs the correction and checks what every correction does: it is listed, it is the case's
// latest event, and a fold up to just before it gives the state as it was.
void Corrects(CaseHarness& h, std::string_view type, std::string_view fields, int nth = 0) {
  const CaseState before = h.state;
  EXPECT_EQ(h.Ok(Correct(h, type, fields, nth)), std::vector<std::string>{"EventCorrected"});
  ASSERT_FALSE(h.state.corrections.empty());
  EXPECT_EQ(h.state.corrections.back(), h.state.last_position);
  EXPECT_EQ(h.state.version, before.version + 1);
  EXPECT_EQ(h.StateAt(h.state.last_position - 1), before) << "as of before the correction";
}

// The state less what any event changes (version, position) and the corrections list: what
// must be the same after a correction of a field the state does not depend on.
CaseState Facts(CaseState s) {
  s.version = 0;
  s.last_position = 0;
  s.corrections.clear();
  return s;
}

std::optional<Deadline> DeadlineOf(const CaseHarness& h, std::string_view code, std::string_view today) {
  for (auto& d : DeadlinesOf(h.state, h.settings, *ParseDate(today), {}))
    if (d.code == code) return d;
  return std::nullopt;
}

// The event types this file corrects; the last test checks that they are all that can be.
const std::set<std::string>& Covered() {
  static const std::set<std::string> types = {
      "SignalReceived",   "DossierReviewed",  "Triaged",          "ContactAttempted",
      "IntakeScheduled",  "IntakeHeld",       "AssessmentRecorded", "ConsentGiven",
      "ConsentRefused",   "ConsentWithdrawn", "DataShared",       "InquiryCompleted",
      "PlanMade",         "PlanRevised",      "PlanStarted",      "Monitored",
      "CaseClosed",       "AftercareChecked", "AftercareEnded",   "FeedbackGiven",
      "CaseEvaluated",    "NoteAdded",        "CaseAssigned"};
  return types;
}

// --- step 1: the signal -------------------------------------------------------------------

TEST(FoldCorrections, ASignalsChannelDecidesWhereTheCaseCameFromAndItsItems) {
  CaseHarness h;
  h.WalkTo(2);
  ASSERT_TRUE(h.state.Has(S::kDirectReport)) << "duo-verzuimloket";
  ASSERT_TRUE(InfoItemMissing(h.state, 6)) << "the reporter's expectation: direct reports only";
  Corrects(h, "SignalReceived", R"({"channel":"gemeente"})");
  EXPECT_EQ(h.state.first_channel, int(schema::SignalChannel::GEMEENTE));
  EXPECT_FALSE(h.state.Has(S::kDirectReport));
  EXPECT_FALSE(InfoItemApplies(h.state, 6)) << "no longer asked of this case";
}

TEST(FoldCorrections, ASignalsReceivedDateMovesThePickupDeadline) {
  CaseHarness h;
  h.WalkTo(1);
  auto before = DeadlineOf(h, "pickup", "2026-10-01");
  ASSERT_TRUE(before);
  Corrects(h, "SignalReceived", R"({"received":"2026-09-21"})");
  EXPECT_EQ(FormatDate(h.state.last_signal), "2026-09-21");
  auto after = DeadlineOf(h, "pickup", "2026-10-01");
  ASSERT_TRUE(after);
  EXPECT_EQ(FormatDate(after->due), "2026-09-28") << "five working days";
  EXPECT_NE(after->due, before->due);
}

TEST(FoldCorrections, ASignalWithoutAbsenceLosesTheAbsenceAndItsItem) {
  CaseHarness h;
  h.WalkTo(2);
  ASSERT_TRUE(h.state.Has(S::kAbsence));
  ASSERT_TRUE(h.state.info_present & (1 << 5));
  Corrects(h, "SignalReceived", R"({"absence":null})");
  EXPECT_FALSE(h.state.Has(S::kAbsence));
  EXPECT_FALSE(h.state.info_present & (1 << 5)) << "info_items recorded again by the correction";
  EXPECT_FALSE(InfoItemApplies(h.state, 5)) << "no absence: no absence overview asked";
}

TEST(FoldCorrections, ASealedItemCorrectedIntoASignalCountsForTheInformation) {
  CaseHarness h;
  h.WalkTo(2);
  ASSERT_TRUE(InfoItemMissing(h.state, 0)) << "suspected reason";
  Corrects(h, "SignalReceived", R"({"suspected_reason":"motivatie"})");
  EXPECT_FALSE(InfoItemMissing(h.state, 0));
  Corrects(h, "SignalReceived", R"({"suspected_reason":null})");
  EXPECT_TRUE(InfoItemMissing(h.state, 0)) << "and removed again";
}

TEST(FoldCorrections, ASignalsEnrolmentDecidesTheEnrolledFlag) {
  CaseHarness h;
  h.WalkTo(1);
  ASSERT_TRUE(h.state.Has(S::kEnrolled));
  Corrects(h, "SignalReceived", R"({"subject":{"ref":"J-1","enrolled":false}})");
  EXPECT_FALSE(h.state.Has(S::kEnrolled));
  Corrects(h, "SignalReceived", R"({"subject":{"ref":"J-1"}})");
  EXPECT_FALSE(h.state.Has(S::kEnrolled)) << "not given: the flag stays as it was before the signal";
}

// --- steps 2 and 3: review and triage -----------------------------------------------------

TEST(FoldCorrections, AReviewsPartnersAndEnrolmentChangeItemsAndFlag) {
  CaseHarness h;
  h.WalkTo(2);
  ASSERT_FALSE(InfoItemMissing(h.state, 1)) << "partners checked: partner actions present";
  Corrects(h, "DossierReviewed", R"({"checked_with_partners":[],"enrolled":false})");
  EXPECT_TRUE(InfoItemMissing(h.state, 1));
  EXPECT_FALSE(h.state.Has(S::kEnrolled)) << "the review's enrolment, with its presence flag";
}

TEST(FoldCorrections, ATriagesTargetGroupChangesTheRoute) {
  CaseHarness h;
  h.WalkTo(3);
  ASSERT_EQ(NextStep(h.state), 4);
  Corrects(h, "Triaged", R"({"target_group":"geen"})");
  EXPECT_EQ(h.state.target_group, int(schema::TargetGroup::GEEN));
  EXPECT_TRUE(h.state.Has(S::kActionRequired)) << "fields not named stay";
  EXPECT_EQ(NextStep(h.state), 12) << "the short route: feed back, then close";
  EXPECT_FALSE(IsOnRoute(h.state, 4, -1));
}

TEST(FoldCorrections, ATriageWithoutActionTakesTheShortRoute) {
  CaseHarness h;
  h.WalkTo(3);
  Corrects(h, "Triaged", R"({"action_required":false})");
  EXPECT_FALSE(h.state.Has(S::kActionRequired));
  EXPECT_EQ(NextStep(h.state), 12);
}

TEST(FoldCorrections, ARemovedJikpPerspectiveIsNone) {
  CaseHarness h;
  h.WalkTo(2);
  h.Ok(R"({"type":"triage","case":"RMC-000001","data":{"target_group":"jikp","jikp_perspective":"arbeid","action_required":true,"rationale":"r"}})");
  ASSERT_EQ(h.state.jikp_perspective, int(schema::JikpPerspective::ARBEID));
  Corrects(h, "Triaged", R"({"jikp_perspective":"onderwijs"})");
  EXPECT_EQ(h.state.jikp_perspective, int(schema::JikpPerspective::ONDERWIJS));
  Corrects(h, "Triaged", R"({"jikp_perspective":null})");
  EXPECT_EQ(h.state.jikp_perspective, -1) << "the presence flag goes with the field";
}

// --- contacts -----------------------------------------------------------------------------

TEST(FoldCorrections, AContactsOutcomeChangesTheContactsAndTheirDeadlines) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"contact","case":"RMC-000001","occurred_at":"2026-09-15","data":{"channel":"brief","outcome":"bereikt"}})");
  ASSERT_EQ(h.state.last_letter, kNoDay) << "a letter answered";
  auto met = DeadlineOf(h, "no_contact", "2026-10-20");
  ASSERT_TRUE(met);
  ASSERT_EQ(FormatDate(met->met), "2026-09-15");
  Corrects(h, "ContactAttempted", R"({"outcome":"geen-reactie"})");
  ASSERT_EQ(h.state.contacts.size(), 1u);
  EXPECT_EQ(h.state.contacts[0].outcome, int(schema::ContactOutcome::GEEN_REACTIE));
  EXPECT_EQ(FormatDate(h.state.last_letter), "2026-09-15") << "a letter without reply";
  auto reply = DeadlineOf(h, "letter_reply", "2026-10-20");
  ASSERT_TRUE(reply);
  EXPECT_EQ(FormatDate(reply->due), "2026-09-29");
  auto open = DeadlineOf(h, "no_contact", "2026-10-20");
  ASSERT_TRUE(open);
  EXPECT_EQ(open->met, kNoDay);
  EXPECT_TRUE(open->overdue) << "28 days after the first attempt, no contact";
}

TEST(FoldCorrections, AContactsChannelDecidesTheLetter) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"contact","case":"RMC-000001","data":{"channel":"brief","outcome":"geen-reactie"}})");
  ASSERT_NE(h.state.last_letter, kNoDay);
  Corrects(h, "ContactAttempted", R"({"channel":"telefoon"})");
  EXPECT_EQ(h.state.contacts[0].channel, int(schema::ContactChannel::TELEFOON));
  EXPECT_EQ(h.state.last_letter, kNoDay) << "no letter was sent";
}

TEST(FoldCorrections, TheLaterOfTwoCorrectionsWinsPerField) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"contact","case":"RMC-000001","data":{"channel":"brief","outcome":"geen-reactie"}})");
  Corrects(h, "ContactAttempted", R"({"channel":"telefoon","outcome":"bereikt"})");
  Corrects(h, "ContactAttempted", R"({"outcome":"afspraak-gemaakt"})");
  EXPECT_EQ(h.state.contacts[0].channel, int(schema::ContactChannel::TELEFOON)) << "the first's";
  EXPECT_EQ(h.state.contacts[0].outcome, int(schema::ContactOutcome::AFSPRAAK_GEMAAKT)) << "the second's";
  EXPECT_EQ(h.state.corrections.size(), 2u);
}

TEST(FoldCorrections, EventsAfterACorrectionFoldOnTheCorrectedState) {
  CaseHarness h;
  h.WalkTo(3);
  h.Ok(R"({"type":"contact","case":"RMC-000001","data":{"channel":"brief","outcome":"bereikt"}})");
  Corrects(h, "ContactAttempted", R"({"outcome":"geen-reactie"})");
  h.Ok(R"({"type":"contact","case":"RMC-000001","data":{"channel":"telefoon","outcome":"geen-reactie"}})");
  ASSERT_EQ(h.state.contacts.size(), 2u);
  EXPECT_EQ(h.state.contacts[0].outcome, int(schema::ContactOutcome::GEEN_REACTIE));
  EXPECT_NE(h.state.last_letter, kNoDay) << "the corrected letter still waits for its reply";
  const CaseState now = h.state;
  EXPECT_EQ(h.StateAt(h.state.last_position), now) << "folding the case again gives the same";
}

// --- steps 4 to 10 ------------------------------------------------------------------------

// Corrections of fields the state does not depend on: only the correction itself is recorded.
TEST(FoldCorrections, FieldsTheStateDoesNotHoldChangeOnlyTheCorrections) {
  CaseHarness h;
  h.WalkTo(10);
  h.Ok(R"({"type":"plan_revised","case":"RMC-000001","reason":"herzien na monitoring","data":{"trajectories":["arbeid"],"case_director":"school","asked_youth_for_director":true,"made_with_youth":true}})");
  h.Ok(R"({"type":"share","case":"RMC-000001","data":{"partner":"leerplicht","categories":["verzuim"],"grondslag":"toestemming","doel":"d","proportionaliteit":"p","subsidiariteit":"s"}})");
  h.Ok(R"({"type":"note","case":"RMC-000001","data":{"text":"gebeld"}})");
  const CaseState before = Facts(h.state);
  Corrects(h, "IntakeScheduled", R"({"date":"2026-09-11","participants":["jongere","school","ouders"]})");
  Corrects(h, "IntakeHeld", R"({"date":"2026-09-11","wish":"werk"})");
  Corrects(h, "AssessmentRecorded", R"({"instrument":"signaleringsinstrument"})");
  Corrects(h, "InquiryCompleted", R"({"next_steps":"stage"})");
  Corrects(h, "PlanMade", R"({"trajectories":["hulpverlening"]})");
  Corrects(h, "PlanRevised", R"({"made_with_youth":false})");
  Corrects(h, "DataShared", R"({"partner":"gemeente"})");
  Corrects(h, "NoteAdded", R"({"text":"niet gebeld"})");
  EXPECT_EQ(Facts(h.state), before);
  EXPECT_EQ(h.state.corrections.size(), 8u);
}

TEST(FoldCorrections, APlanStartedOnAnotherDayMovesTheContactDeadline) {
  CaseHarness h;
  h.WalkTo(9);
  Corrects(h, "PlanStarted", R"({"date":"2026-09-23"})");
  EXPECT_EQ(FormatDate(h.state.plan_started_on), "2026-09-23");
}

TEST(FoldCorrections, AConsentsPartnersAndValidityDecideTheConsentInPlace) {
  CaseHarness h;
  h.WalkTo(6);
  ASSERT_TRUE(HasActiveConsent(h.state, "leerplicht", {"verzuim"}, *ParseDate("2027-01-01")));
  Corrects(h, "ConsentGiven", R"({"partners":["school"],"valid_until":"2026-12-31"})");
  ASSERT_EQ(h.state.consents.size(), 1u);
  EXPECT_EQ(h.state.consents[0].partners, std::vector<std::string>{"school"});
  EXPECT_FALSE(HasActiveConsent(h.state, "leerplicht", {"verzuim"}, *ParseDate("2026-11-01")));
  EXPECT_TRUE(HasActiveConsent(h.state, "school", {"verzuim"}, *ParseDate("2026-11-01")));
  EXPECT_FALSE(HasActiveConsent(h.state, "school", {"verzuim"}, *ParseDate("2027-01-01")));
}

TEST(FoldCorrections, AConsentCorrectedToNotGivenIsARefusalAndBack) {
  CaseHarness h;
  h.WalkTo(6);
  Corrects(h, "ConsentGiven", R"({"given":false})");
  EXPECT_EQ(h.state.consents[0].kind, ConsentRecord::kRefused);
  EXPECT_FALSE(HasActiveConsent(h.state, "leerplicht", {"verzuim"}, *ParseDate("2026-11-01")));
  Corrects(h, "ConsentGiven", R"({"signed":false})");
  EXPECT_EQ(h.state.consents[0].kind, ConsentRecord::kRefused) << "a second correction keeps it";
  EXPECT_TRUE(h.state.Has(S::kConsentAsked));

  CaseHarness r;
  r.WalkTo(5);
  r.Ok(R"({"type":"consent","case":"RMC-000001","data":{"given":false,"partners":["leerplicht"],"categories":["verzuim"],"purpose":"p"}})");
  ASSERT_EQ(r.state.consents[0].kind, ConsentRecord::kRefused);
  Corrects(r, "ConsentRefused", R"({"given":true})");
  EXPECT_EQ(r.state.consents[0].kind, ConsentRecord::kGiven);
  EXPECT_TRUE(HasActiveConsent(r.state, "leerplicht", {"verzuim"}, *ParseDate("2026-11-01")));
}

TEST(FoldCorrections, AWithdrawalsPartnersDecideWhatIsWithdrawn) {
  CaseHarness h;
  h.WalkTo(6);
  h.Ok(R"({"type":"consent_withdrawn","case":"RMC-000001","data":{"partners":["leerplicht"]}})");
  ASSERT_FALSE(HasActiveConsent(h.state, "leerplicht", {"verzuim"}, *ParseDate("2026-11-01")));
  Corrects(h, "ConsentWithdrawn", R"({"partners":["school"]})");
  EXPECT_EQ(h.state.consents[1].partners, std::vector<std::string>{"school"});
  EXPECT_TRUE(HasActiveConsent(h.state, "leerplicht", {"verzuim"}, *ParseDate("2026-11-01")));
}

TEST(FoldCorrections, AMonitorCorrectedToStuckMakesTheCaseStuck) {
  CaseHarness h;
  h.WalkTo(10);
  ASSERT_FALSE(h.state.Has(S::kStuck));
  Corrects(h, "Monitored", R"({"status":"vastgelopen"})");
  EXPECT_TRUE(h.state.Has(S::kStuck));
  EXPECT_TRUE(h.state.Has(S::kStuckLast));
  EXPECT_EQ(NextStep(h.state), 8) << "revisit the plan";
  auto close = h.Refused(R"({"type":"close","case":"RMC-000001","data":{"reason":"doel-bereikt","outcome":["onderwijs"]}})");
  EXPECT_EQ(close.rule, "stuck-close");
  Corrects(h, "Monitored", R"({"status":"op-koers"})");
  EXPECT_FALSE(h.state.Has(S::kStuck));
  EXPECT_FALSE(h.state.Has(S::kStuckLast));
}

// --- steps 11 to 13, and any time ---------------------------------------------------------

TEST(FoldCorrections, AClosingsReasonAndAftercareDecideTheStatus) {
  CaseHarness h;
  h.WalkTo(11);
  ASSERT_EQ(h.state.status, CaseStatus::kNazorg);
  Corrects(h, "CaseClosed", R"({"reason":"verhuisd"})");
  EXPECT_EQ(h.state.close_reason, int(schema::CloseReason::VERHUISD));
  EXPECT_EQ(h.state.status, CaseStatus::kNazorg) << "the aftercare was not named";
  Corrects(h, "CaseClosed", R"({"aftercare_until":"2027-01-15"})");
  EXPECT_EQ(FormatDate(h.state.aftercare_until), "2027-01-15");
  auto check = DeadlineOf(h, "aftercare_check", "2026-10-01");
  ASSERT_TRUE(check);
  EXPECT_EQ(FormatDate(check->due), "2027-01-15");
  Corrects(h, "CaseClosed", R"({"aftercare_until":null})");
  EXPECT_EQ(h.state.aftercare_until, kNoDay);
  EXPECT_EQ(h.state.status, CaseStatus::kAfgesloten);
  EXPECT_EQ(h.state.close_reason, int(schema::CloseReason::VERHUISD)) << "the earlier correction stays";
}

TEST(FoldCorrections, AftercareFeedbackAndEvaluationKeepTheirState) {
  CaseHarness h;
  h.WalkTo(11);
  h.Ok(R"({"type":"aftercare_check","case":"RMC-000001","data":{"status":"op-plek"}})");
  h.Ok(R"({"type":"feedback","case":"RMC-000001","data":{"partners":["leerplicht"],"summary":"s","limited_to_case":true}})");
  h.Ok(R"({"type":"evaluation","case":"RMC-000001","data":{"resolved":"ja","partners_followed_up":"ja","bottlenecks":[],"right_decision":"ja","do_differently":"-","went_well":"-","improvements":[]}})");
  h.Ok(R"({"type":"aftercare_end","case":"RMC-000001","data":{"note":"n"}})");
  const CaseState before = Facts(h.state);
  Corrects(h, "AftercareChecked", R"({"status":"uitgevallen"})");
  Corrects(h, "FeedbackGiven", R"({"partners":["school"]})");
  Corrects(h, "CaseEvaluated", R"({"resolved":"nee"})");
  Corrects(h, "AftercareEnded", R"({"note":"m"})");
  EXPECT_EQ(Facts(h.state), before);
  EXPECT_EQ(h.state.aftercare_checks, 1);
  EXPECT_EQ(h.state.status, CaseStatus::kAfgesloten);
}

TEST(FoldCorrections, AnAssignmentsConsulentIsTheCasesConsulent) {
  CaseHarness h;
  h.WalkTo(2);
  h.Ok(R"({"type":"assign","case":"RMC-000001","data":{"consulent":"piet"}})");
  h.Ok(R"({"type":"assign","case":"RMC-000001","data":{"consulent":"anna"}})");
  Corrects(h, "CaseAssigned", R"({"consulent":"klaas"})");
  EXPECT_EQ(h.state.consulent, "anna") << "a later assignment still decides";
  Corrects(h, "CaseAssigned", R"({"consulent":"joop"})", 1);
  EXPECT_EQ(h.state.consulent, "joop");
}

// Every event type a correction may name (DecideCorrection) has a test above. The ledger's own
// events (opened, reopened, deviated, erased, corrections) are refused, and the ledger-wide ones
// belong to no case, so no `correct` finds them.
TEST(FoldCorrections, EveryCorrectableTypeIsCorrectedAbove) {
  const std::set<std::string> ledger_wide = {"LedgerCreated", "SettingChanged", "ActivityRegistered"};
  std::set<std::string> correctable;
  for (auto member : capnp::Schema::from<schema::Payload>().getUnionFields()) {
    capnp::MallocMessageBuilder message;
    capnp::toDynamic(message.initRoot<schema::Payload>()).init(member);
    CorrectedFields none;
    auto draft = DecideCorrection(message.getRoot<schema::Payload>().asReader(), std::nullopt, 1, none);
    const bool refused = !draft.ok() && draft.status().message().find("ledger's own decision") != std::string::npos;
    const std::string type = schema_info::EventTypeName(member);
    if (!refused && !ledger_wide.count(type)) correctable.insert(type);
  }
  std::set<std::string> covered = Covered();
  EXPECT_EQ(correctable, covered);
}

}  // namespace
}  // namespace rmc::testing
