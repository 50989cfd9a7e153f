@0x9023fca949b4b981;
# The event log: one Event per position (docs/storage.md). This file is the data dictionary:
# each field's comment says what it records. Evolve by appending only (docs/architecture.md).

using A = import "annotations.capnp";
using E = import "enums.capnp";
$import "/capnp/c++.capnp".namespace("rmc::schema");

struct Event {
  eventId @0 :Data;               # 16 bytes, UUIDv7: unique; never relied on for order
  position @1 :UInt64;            # global, gap-free, from 1: the only order of the log
  caseId @2 :Text;                # "RMC-000001"; empty for ledger-wide events (settings)
  version @3 :UInt32;             # the case's own sequence, from 1
  recordedAt @4 :Int64;           # ledger clock ($RMC_NOW), ns since the epoch, UTC
  occurredAt @5 :Int64;           # business time, ns since the epoch, UTC
  occurredIsDate @6 :Bool;        # occurredAt was given as a date (local midnight)
  actor @7 :Actor;
  commandId @8 :Text;             # the idempotency key of the command that wrote this event
  traceId @9 :Data;               # 16 bytes, shared by the events of one command
  spanId @10 :Data;               # 8 bytes, this event's own
  parentSpanId @11 :Data;         # 8 bytes, the caller's span when a script passed one
  processingActivity @12 :ActivityRef;  # the register entry this processing was done under
  reason @13 :Text;               # why: a deviation, a rule override, a correction, an erasure;
                                  # plain only for erasures and ledger-wide events, else sealed
                                  # in sealedReason (free text about the youth). That of a
                                  # deviation or a correction is reasoning, as $A.reasoning
                                  # fields are (views/event_json.cc)
  overrides @14 :List(Text);      # rule codes (docs/routekaart.md#rules) this event overrode
                                  # with `reason`
  subject @15 :Data;              # pseudonymous subject id (16 bytes, keyed hash of the ref)
  sealed @16 :Data;               # nonce (24) || XChaCha20-Poly1305 of a Payload that holds
                                  # only the $personal fields; key: the subject's, keystore
  prevHash @17 :Data;             # BLAKE2b-256 of the stored bytes of the event before
  payload @18 :Payload;           # the personal fields are left unset here
  sealedReason @19 :Data;         # nonce (24) || XChaCha20-Poly1305 of the reason, same key;
                                  # associated data: event id || "reason"
  caller @20 :Text;               # the calling application (a URL), as the command named it or,
                                  # when a script passed its trace context without, the region's
                                  # setting ldv_caller; empty: not called by another application
}

struct Actor {
  id @0 :Text;                    # the user or tool account that acted
  role @1 :E.Role;
}

struct ActivityRef {
  code @0 :Text;                  # e.g. rmc-trajectbegeleiding
  version @1 :UInt32;             # the register version in force
}

struct Payload {
  # One member per event type. $command: the command type that writes it; $step: its step.
  union {
    ledgerCreated @0 :LedgerCreated;
    settingChanged @1 :SettingChanged;
    caseOpened @2 :CaseOpened;
    caseReopened @3 :CaseReopened;
    signalReceived @4 :SignalReceived $A.command("signal") $A.step(1);
    dossierReviewed @5 :DossierReviewed $A.command("review") $A.step(2);
    triaged @6 :Triaged $A.command("triage") $A.step(3);
    contactAttempted @7 :ContactAttempted $A.command("contact");
    intakeScheduled @8 :IntakeScheduled $A.command("intake_scheduled") $A.step(4);
    intakeHeld @9 :IntakeHeld $A.command("intake") $A.step(4);
    assessmentRecorded @10 :AssessmentRecorded $A.command("assessment") $A.step(5);
    consentGiven @11 :Consent $A.command("consent") $A.step(6);
    consentRefused @12 :Consent $A.step(6);   # written by `consent` with given: false
    consentWithdrawn @13 :ConsentWithdrawn $A.command("consent_withdrawn");
    dataShared @14 :DataShared $A.command("share");
    inquiryCompleted @15 :InquiryCompleted $A.command("inquiry_completed") $A.step(7);
    planMade @16 :Plan $A.command("plan") $A.step(8);
    planRevised @17 :Plan $A.command("plan_revised") $A.step(8);
    planStarted @18 :PlanStarted $A.command("plan_started") $A.step(9);
    monitored @19 :Monitored $A.command("monitor") $A.step(10);
    caseClosed @20 :CaseClosed $A.command("close") $A.step(11);
    aftercareChecked @21 :AftercareChecked $A.command("aftercare_check") $A.step(11);
    aftercareEnded @22 :AftercareEnded $A.command("aftercare_end") $A.step(11);
    feedbackGiven @23 :FeedbackGiven $A.command("feedback") $A.step(12);
    caseEvaluated @24 :CaseEvaluated $A.command("evaluation") $A.step(13);
    noteAdded @25 :NoteAdded $A.command("note");
    caseAssigned @26 :CaseAssigned $A.command("assign");
    eventCorrected @27 :EventCorrected $A.command("correct");
    subjectErased @28 :SubjectErased $A.command("forget_subject");
    stepDeviated @29 :StepDeviated;
    activityRegistered @30 :ActivityRegistered;  # by `rmc init` and `rmc audit register-activity`
  }
}

struct LedgerCreated {
  ledgerId @0 :Data;              # 16 random bytes; seeds the hash chain
  schemaVersion @1 :UInt32;
}

struct SettingChanged {
  # A region setting (`rmc init`, `rmc config`): the settings are a fold over these.
  key @0 :Text;
  value @1 :Text;
}

struct CaseOpened {
  # Written before the first SignalReceived of a new case.
}

struct CaseReopened {
  # A new signal for a subject whose case was in aftercare (nazorg): steps 2-10 start again.
  previousStep @0 :UInt8;
  byAftercareCheck @1 :Bool $A.derived $A.optional;         # an aftercare check found the youth dropped out
}

struct Subject {
  ref @0 :Text $A.personal;                   # the youth's stable external id
  name @1 :Text $A.personal $A.optional;
  birthDate @2 :A.Date $A.personal $A.optional;
  address @3 :Text $A.personal $A.optional;
  phone @4 :Text $A.personal $A.optional;
  email @5 :Text $A.personal $A.optional;
  school @6 :Text $A.personal $A.optional;
  enrolled @7 :Bool $A.optional;              # currently enrolled at a school (3-gesprek)
  hasEnrolled @8 :Bool $A.derived;            # enrolled was given
}

struct Absence {
  kind @0 :E.AbsenceKind;
  hours @1 :UInt32 $A.optional;
  from @2 :A.Date $A.optional;
  to @3 :A.Date $A.optional;
}

struct SignalReceived {
  # Step 1: a melding arrived. Items (1)-(7) of the minimal information (§1.2) are tracked
  # across signals and reviews (info_completeness).
  subject @0 :Subject;
  channel @1 :E.SignalChannel;
  reporter @2 :Text $A.optional $A.pseudonym;  # who reported (school, partner, person)
  received @3 :A.Date;
  absence @4 :Absence $A.optional;             # (6) absence overview, when about absence
  actionWanted @5 :Bool $A.optional;            # "actie gewenst" ticked by the reporter
  expectedAction @6 :Text $A.personal $A.optional;   # (7) what the reporter expects of us
  suspectedReason @7 :Text $A.personal $A.optional;  # (1)
  partnerActions @8 :Text $A.personal $A.optional;   # (2) what partners did
  youthAgreements @9 :Text $A.personal $A.optional;  # (3) agreements with, reaction of youth
  contacts @10 :List(Text) $A.personal $A.optional;  # (4) contact details of those involved
  care @11 :Text $A.special $A.optional;             # (5) help trajectories
  infoItems @12 :UInt8 $A.derived;              # bit i: item i+1 of §1.2 present here
}

struct DossierReviewed {
  # Step 2: dossier read and cross-checked with the youth and the partners.
  checkedWithYouth @0 :Bool;
  checkedWithPartners @1 :List(Text) $A.pseudonym;
  schoolContacted @2 :Bool $A.optional;
  schoolMeasures @3 :Text $A.personal $A.optional;   # what the school did (rule review-school)
  suspectedReason @4 :Text $A.personal $A.optional;
  partnerActions @5 :Text $A.personal $A.optional;
  youthAgreements @6 :Text $A.personal $A.optional;
  contacts @7 :List(Text) $A.personal $A.optional;
  care @8 :Text $A.special $A.optional;
  absenceOverview @9 :Text $A.personal $A.optional;
  enrolled @10 :Bool $A.optional;               # the enrolment as the review found it
  infoItems @11 :UInt8 $A.derived;              # bit i: item i+1 of §1.2 present here
  hasEnrolled @12 :Bool $A.derived;             # enrolled was given
  schoolMeasuresMissing @13 :Bool $A.derived $A.optional;   # school_measures left empty (rule review-school)
}

struct Triaged {
  # Step 3: target group and whether action is required (§1.2, §1.3).
  targetGroup @0 :E.TargetGroup;
  actionRequired @1 :Bool;
  rationale @2 :Text $A.personal $A.reasoning;
  jikpPerspective @3 :E.JikpPerspective $A.optional;
  hasJikpPerspective @4 :Bool $A.derived;       # jikpPerspective was given
  missingInfo @5 :List(Text) $A.derived;        # §1.2 items missing at triage
  ageAtTriage @6 :UInt8 $A.derived;             # 0: birth date unknown
}

struct ContactAttempted {
  channel @0 :E.ContactChannel;
  outcome @1 :E.ContactOutcome;
  note @2 :Text $A.personal $A.optional;
}

struct IntakeScheduled {
  date @0 :A.Date;
  participants @1 :List(Text) $A.pseudonym;     # jongere, school, ouders, or a partner
  askedYouthAboutInvolvement @2 :Bool;          # asked whether parents/partners should join
}

struct Answer {
  question @0 :Text;
  answer @1 :Text;
}

struct IntakeHeld {
  date @0 :A.Date;
  participants @1 :List(Text) $A.pseudonym;
  supportQuestion @2 :Text $A.personal;
  wish @3 :E.Wish $A.optional;
  answers @4 :List(Answer) $A.personal $A.optional $A.jsonMap(key = "question", value = "answer");
  hasWish @5 :Bool $A.derived;                  # wish was given
  askedYouthAboutInvolvement @6 :Bool $A.optional;  # required when no intake_scheduled came first
  hasAskedYouthAboutInvolvement @7 :Bool $A.derived;
}

struct DomainScore {
  domain @0 :E.LifeDomain;
  score @1 :UInt8 $A.optional $A.range(min = 1, max = 5);  # ZRM: 1 acuut .. 5 volledig
  concern @2 :Bool $A.optional;                 # signaleringsinstrument: a concern
  note @3 :Text $A.optional;
}

struct Big5Score {
  area @0 :E.Big5Area;
  rating @1 :E.Big5Rating;
}

struct AssessmentRecorded {
  # Step 5: the 13 life domains (ZRM or signaleringsinstrument) and the Big 5.
  instrument @0 :E.Instrument;
  domains @1 :List(DomainScore) $A.special $A.jsonMap(key = "domain");
  big5 @2 :List(Big5Score) $A.personal $A.optional $A.jsonMap(key = "area", value = "rating");
}

struct Consent {
  # Step 6: the privacy conversation; per partner ("*" = all) and data category.
  given @0 :Bool;
  partners @1 :List(Text) $A.pseudonym;
  categories @2 :List(Text);
  purpose @3 :Text $A.personal $A.formerlyPlain;  # free text that often names the youth
  signed @4 :Bool $A.optional;
  validUntil @5 :A.Date $A.optional;
}

struct ConsentWithdrawn {
  partners @0 :List(Text) $A.pseudonym;
  categories @1 :List(Text) $A.optional;        # none: every category
}

struct DataShared {
  # A disclosure to a partner with the four thinking steps of §2.2. Partner, categories and
  # ground stay readable after an erasure (the disclosure can still be accounted for); the
  # reasoning is free text about the youth, so it is sealed with their personal data.
  partner @0 :Text $A.pseudonym;
  categories @1 :List(Text);
  grondslag @2 :E.Grondslag;
  doel @3 :Text $A.optional $A.personal $A.formerlyPlain;
  proportionaliteit @4 :Text $A.optional $A.personal $A.formerlyPlain;
  subsidiariteit @5 :Text $A.optional $A.personal $A.formerlyPlain;
}

struct Measure {
  what @0 :Text;
  effect @1 :Text;
}

struct InquiryCompleted {
  # Step 7: preliminary inquiry closed (§2.3). Completeness is rule inquiry-complete.
  reasons @0 :Text $A.personal $A.optional $A.reasoning;
  educationReasons @1 :Text $A.personal $A.optional $A.reasoning;  # required for verzuim-18plus
  interventions @2 :List(Measure) $A.personal $A.optional;  # [] means: nothing tried
  care @3 :List(Measure) $A.special $A.optional;
  nextSteps @4 :Text $A.personal $A.optional $A.reasoning;
}

struct YouthContact {
  frequency @0 :Text $A.freeText;
  channel @1 :Text $A.freeText;
}

struct PartnerFeedback {
  partners @0 :List(Text) $A.pseudonym;
  how @1 :Text $A.freeText;
}

struct Responsibility {
  partner @0 :Text $A.pseudonym;
  task @1 :Text $A.freeText;
}

struct Plan {
  # Step 8: the plan of approach (§3.1). Completeness is rule plan-complete.
  trajectories @0 :List(E.Trajectory);
  careerTests @1 :Text $A.personal $A.optional;
  workGuidance @2 :Text $A.personal $A.optional;
  youthContact @3 :YouthContact $A.optional;
  partnerFeedback @4 :PartnerFeedback $A.optional;
  caseDirector @5 :Text $A.optional $A.pseudonym;   # casusregie
  askedYouthForDirector @6 :Bool $A.optional;
  responsibilities @7 :List(Responsibility) $A.optional $A.reasoning;  # the follow-up agreed
  madeWithYouth @8 :Bool;
  contactEveryDays @9 :UInt16 $A.optional $A.range(min = 1, max = 365);  # deadline contact_due
}

struct PlanStarted {
  date @0 :A.Date;
  partner @1 :Text $A.optional $A.pseudonym;
}

struct Monitored {
  status @0 :E.MonitorStatus;
  feedbackFrom @1 :List(Text) $A.optional $A.pseudonym;
  followUp @2 :Text $A.personal $A.optional $A.reasoning;
}

struct CaseClosed {
  reason @0 :E.CloseReason;
  outcome @1 :List(E.Outcome) $A.optional;
  workHoursPerWeek @2 :UInt16 $A.optional $A.range(min = 1, max = 80);
  aftercareUntil @3 :A.Date $A.optional;        # default: closing date + aftercare_months;
                                                # none for reasons that end the route early
  handedTo @4 :Text $A.optional $A.pseudonym;   # warm handover (verhuisd, geen-rmc-doelgroep)
}

struct AftercareChecked {
  status @0 :E.AftercareStatus;
  activity @1 :Text $A.personal $A.optional;
  workHoursPerWeek @2 :UInt16 $A.optional $A.range(min = 1, max = 80);
}

struct AftercareEnded {
  note @0 :Text $A.personal $A.optional;
}

struct FeedbackGiven {
  # Step 12: results fed back, limited to what relates to the absence / drop-out (§5.1).
  partners @0 :List(Text) $A.pseudonym;
  summary @1 :Text $A.personal;
  limitedToCase @2 :Bool;
  categories @3 :List(Text) $A.optional;        # what was fed back; none given: verzuim
  grondslag @4 :E.Grondslag $A.derived;         # wettelijke-taak: feedback is a disclosure too
  hasGrondslag @5 :Bool $A.derived;             # false on events from before it was recorded
}

struct Bottleneck {
  issue @0 :Text;
  owner @1 :Text $A.optional;
  solution @2 :Text $A.optional;
}

struct Improvement {
  text @0 :Text $A.freeText;
  tags @1 :List(Text) $A.optional;
}

struct CaseEvaluated {
  # Step 13: the six questions of §5.2, learning points, case-transcending improvements.
  # Each answer is optional ("bijvoorbeeld", §5.2); an evaluation answers at least one.
  resolved @0 :E.Resolved $A.optional;
  partnersFollowedUp @1 :E.Resolved $A.optional;
  bottlenecks @2 :List(Bottleneck) $A.personal $A.reasoning $A.optional;
  rightDecision @3 :E.RightDecision $A.optional;
  rightDecisionNote @4 :Text $A.personal $A.optional;
  doDifferently @5 :Text $A.personal $A.optional;
  wentWell @6 :Text $A.personal $A.optional;
  learningPoints @7 :List(Text) $A.personal $A.optional $A.reasoning;
  improvements @8 :List(Improvement) $A.optional $A.reasoning;  # beyond the case: kept when erased
  participants @9 :List(Text) $A.optional $A.pseudonym;
  resolvedOmitted @10 :Bool $A.derived;         # the answer was left out (not "ja")
  partnersFollowedUpOmitted @11 :Bool $A.derived;
  rightDecisionOmitted @12 :Bool $A.derived;
}

struct NoteAdded {
  text @0 :Text $A.personal;
  category @1 :Text $A.optional $A.freeText;
}

struct CaseAssigned {
  consulent @0 :Text $A.pseudonym;
}

struct EventCorrected {
  # A correction of an earlier event of the same case; `reason` (envelope) says why.
  target @0 :UInt64 $A.derived;                 # position of the corrected event
  corrected @1 :Payload $A.derived;             # the corrected fields, same event type
  fields @2 :List(Text) $A.derived;             # JSON names of the corrected fields
}

struct SubjectErased {
  # The subject's key was deleted (crypto-shredding): personal fields are unreadable.
  subject @0 :Text $A.personal;                 # the ref, sealed with the key it erases
  grondslag @1 :E.ErasureGround;
}

struct StepDeviated {
  # Gemotiveerd afwijken: an out-of-route action, written before the action's own event.
  fromStep @0 :UInt8 $A.derived;                # the step that was expected
  toStep @1 :UInt8 $A.derived;                  # the step performed
  command @2 :Text $A.derived;
}

struct ActivityRegistered {
  # A version of an entry of the register of processing activities (AVG art. 30;
  # docs/accountability.md). A change is a new version, never an edit: every event and access record
  # names the version it was done under (`processingActivity`). A ledger-wide event.
  code @0 :Text;                          # e.g. rmc-trajectbegeleiding
  version @1 :UInt32;                     # 1 for a new code, then one more per change
  name @2 :Text;
  purpose @3 :Text;                       # the purpose the data is processed for
  legalGround @4 :E.LegalGround;          # AVG art. 6(1)
  statutoryBasis @5 :Text $A.optional;    # the task or obligation in law the ground rests on
  retention @6 :Text;                     # how long the data is kept, and the rule
  dataCategories @7 :List(Text);          # the data categories (docs/routekaart.md#privacy)
  recipientCategories @8 :List(Text);     # who may receive the data
}
