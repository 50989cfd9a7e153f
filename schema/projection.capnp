@0xd896a94d69fc2744;
# Stored projections (docs/storage.md): derived from the events, rebuilt by `rmc rebuild`,
# checked by `rmc verify`. Never a source of truth.

using A = import "annotations.capnp";
using E = import "enums.capnp";
using Ev = import "event.capnp";
$import "/capnp/c++.capnp".namespace("rmc::schema");

struct CaseProjection {
  # The case state folded from the case's events (src/domain/fold.cc); stored in `cases`.
  caseId @0 :Text;
  version @1 :UInt32;
  subject @2 :Data;                # pseudonymous subject id
  status @3 :CaseStatus;           # afgesloten by a passed aftercare date is computed on read
  step @4 :UInt8;                  # highest step done
  at @5 :UInt8;                    # the route step last performed (the routing cursor)
  flags @6 :UInt32;                # CaseState::Flag bits
  targetGroup @7 :Int8;            # -1: not triaged
  jikpPerspective @8 :Int8;        # -1: none
  infoPresent @9 :UInt8;           # bit i: minimal-information item i+1 (§1.2) present
  consulent @10 :Text;
  openedAt @11 :Int64;
  lastSignal @12 :Int32;           # received date of the latest signal (pickup deadline)
  pickedUp @13 :Int32;             # date of the first review or contact after it; -1: none
  firstAttempt @14 :Int32;         # first contact attempt; -1: none
  closedOn @15 :Int32;
  closeReason @16 :Int8;
  aftercareUntil @17 :Int32;
  aftercareChecks @18 :UInt16;
  feedbackOn @19 :Int32;
  reopened @20 :UInt16;
  signals @21 :List(UInt64);       # positions of SignalReceived events
  contacts @22 :List(ContactRecord);
  consents @23 :List(ConsentRecord);
  deviations @24 :List(DeviationRecord);
  corrections @25 :List(UInt64);   # positions of EventCorrected events
  lastLetter @26 :Int32;           # latest letter without a reply since; -1: none
  lastPosition @27 :UInt64;
  stepsDone @28 :UInt16;           # bit i: step i done on the current round of the route
  firstChannel @29 :Int8 = -1;     # SignalChannel of the case's first signal; -1: none (or a
                                   # projection from before this field: `rmc rebuild` fills it)
  aftercareEnded @30 :Int32 = -1;  # the day AftercareEnded ended the aftercare; -1: not ended
                                   # (or a projection from before this field: rebuild fills it)
  lastMonitoringNote @31 :Int32 = -1;  # the latest note of category monitoring; -1: none
  contactEveryDays @32 :UInt16;    # the plan's contact frequency (deadline contact_due); 0: none
  planStartedOn @33 :Int32 = -1;   # the day the plan started; -1: not started
}

enum CaseStatus { open @0; nazorg @1; afgesloten @2; }

struct ContactRecord {
  position @0 :UInt64;
  day @1 :Int32;
  channel @2 :E.ContactChannel;
  outcome @3 :E.ContactOutcome;
}

struct ConsentRecord {
  position @0 :UInt64;
  kind @1 :Kind;
  enum Kind { given @0; refused @1; withdrawn @2; }
  partners @2 :List(Text);
  categories @3 :List(Text);       # empty on a withdrawal: every category
  validUntil @4 :Int32;            # -1: no end
  day @5 :Int32;
}

struct DeviationRecord {
  position @0 :UInt64;
  fromStep @1 :UInt8;
  toStep @2 :UInt8;
  rule @3 :Text;                   # route-order, or the overridden rule
  reason @4 :Text;
  actor @5 :Text;
  at @6 :Int64;
}

struct ActivityRegister {
  # The register of processing activities as the ActivityRegistered events built it: every
  # version, in the order registered. Stored in meta under "register" (docs/storage.md).
  versions @0 :List(Ev.ActivityRegistered);
}
