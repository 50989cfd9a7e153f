@0xdd9a272599b1ff39;
# Enumerations of the routekaart (docs/routekaart.md). JSON spelling: the enumerant in kebab-case,
# or its $code. Enumerants are appended, never renumbered.

using A = import "annotations.capnp";
$import "/capnp/c++.capnp".namespace("rmc::schema");

enum TargetGroup {
  verzuim18plus @0 $A.code("verzuim-18plus");  # 18+ without startkwalificatie, enrolled, absent
  vsvDreigend @1;  # dropping out during the current school year
  vsvNieuw @2;     # no enrolment and no job on 1 October
  vsvOud @3;       # out of school and work for more than a (school) year
  jikp @4;         # jongere in een kwetsbare positie
  geen @5;         # not an RMC target group: the route goes to step 12
}

enum JikpPerspective { onderwijs @0; arbeid @1; dagbesteding @2; }

enum SignalChannel {
  duoVerzuimloket @0; netwerkpartner @1; jongere @2;               # a. direct report
  exitgesprek @3; casusoverleg @4; gemeente @5;                     # b. working agreements
  duoLijst @6; uitstroomlijst @7; inlichtingenbureau @8; outreach @9;  # c. own research
}

enum AbsenceKind {
  u16Per4w @0 $A.code("16u-4w");                  # 16 hours in 4 weeks
  w4Aaneengesloten @1 $A.code("4w-aaneengesloten");  # 4 consecutive school weeks
  vervolgmelding @2;                              # follow-up report on continuing absence
  overig @3;                                      # other, worrying absence
}

enum ContactChannel {
  brief @0; briefOuders @1; telefoon @2; app @3; sms @4; email @5;
  huisbezoekAangekondigd @6; huisbezoekOnaangekondigd @7; wijkteam @8; folder @9;
}

enum ContactOutcome {
  bereikt @0; nietBereikt @1; nietThuis @2; nietVerschenen @3; geenReactie @4;
  afspraakGemaakt @5;
}

enum Wish { school @0; werk @1; beide @2; zorg @3; onbekend @4; }

enum Instrument { zrm @0; signaleringsinstrument @1; anders @2; }

enum LifeDomain {
  gezin @0; werkOpleiding @1; huisvesting @2; gezondheid @3; sociaalNetwerk @4;
  verslaving @5; financien @6; justitie @7; huiselijkeRelaties @8; vaardigheden @9;
  tijdsbesteding @10; hulpAanvaarden @11; motivatie @12;
}

enum Big5Area { support @0; wonen @1; schoolWerk @2; inkomen @3; welzijn @4; }

enum Big5Rating { ok @0; aandacht @1; probleem @2; }

enum Grondslag {
  # The ground of a disclosure (AVG art. 6(1)).
  toestemming @0;
  wettelijkeTaak @1;
  vitaalBelang @2;
  gerechtvaardigdBelang @3 $A.retired(
      "a public body cannot rely on it for the performance of its tasks (AVG art. 6(1), last sentence)");
  wettelijkeVerplichting @4;
}

enum Trajectory { onderwijs @0; arbeid @1; hulpverlening @2; }

enum MonitorStatus { opKoers @0; vastgelopen @1; }

enum CloseReason {
  doelBereikt @0; geenOndersteuningNodig @1; geenContact @2; verhuisd @3;
  leeftijdsgrens @4; geenRmcDoelgroep @5; wijstOndersteuningAf @6;
}

enum Outcome { onderwijs @0; werk @1; dagbesteding @2; zorg @3; geen @4; startkwalificatie @5; }

enum AftercareStatus { opPlek @0; uitgevallen @1; }

enum Resolved { ja @0; deels @1; nee @2; }

enum RightDecision { ja @0; nee @1; twijfel @2; }

enum ErasureGround { avgArt17 @0; bewaartermijn @1; }

enum Role { consulent @0; coordinator @1; auditor @2; evaluator @3; system @4; }

enum LegalGround {
  # AVG art. 6(1): the ground a processing activity rests on.
  toestemming @0;             # (a) consent
  overeenkomst @1;            # (b) contract
  wettelijkeVerplichting @2;  # (c) legal obligation (e.g. accountability, AVG art. 5(2), 30)
  vitaalBelang @3;            # (d) vital interest
  wettelijkeTaak @4;          # (e) public task: the statutory RMC function
  gerechtvaardigdBelang @5;   # (f) legitimate interest
}
