// The filter language of docs/selecting-cases.md: what it accepts, what it refuses and at which
// column, how terms match a case's facts (missing values included), and the facts of a case.
#include "replay/select.h"

#include <gtest/gtest.h>

#include <string>

#include "case_harness.h"
#include "codec/schema_info.h"

namespace rmc::testing {
namespace {

// The one term of an expression that must be accepted.
SelectTerm OnlyTerm(const Result<Selection>& s) {
  EXPECT_TRUE(s.ok()) << s.status().message();
  if (!s.ok()) return {};
  EXPECT_EQ(s.value().terms.size(), 1u);
  return s.value().terms.at(0);
}

// The message of a refused expression; fails the test when it is accepted or not a usage error.
std::string Refusal(std::string_view expr) {
  auto s = ParseSelection(expr);
  EXPECT_FALSE(s.ok()) << "accepted: " << expr;
  if (s.ok()) return "";
  EXPECT_EQ(s.status().code(), Code::kUsage);
  EXPECT_EQ(ExitCode(s.status().code()), 2);
  return s.status().message();
}

// Whether `expr` is refused with a message that holds `part`.
::testing::AssertionResult RefusedWith(std::string_view expr, std::string_view part) {
  std::string message = Refusal(expr);
  if (message.find(part) != std::string::npos) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "refused with: " << message;
}

Days D(std::string_view date) { return *ParseDate(date); }

TEST(SelectParse, EachFieldTakesItsValues) {
  EXPECT_EQ(OnlyTerm(ParseSelection("status=afgesloten")).value, int64_t(CaseStatus::kAfgesloten));
  EXPECT_EQ(OnlyTerm(ParseSelection("status=nazorg")).value, int64_t(CaseStatus::kNazorg));
  EXPECT_EQ(OnlyTerm(ParseSelection("status=open")).value, int64_t(CaseStatus::kOpen));
  EXPECT_EQ(OnlyTerm(ParseSelection("opened>=2026-01-01")).value, D("2026-01-01"));
  EXPECT_EQ(OnlyTerm(ParseSelection("closed<2261-12-31")).value, D("2261-12-31"));
  EXPECT_EQ(OnlyTerm(ParseSelection("step=1")).value, 1);
  EXPECT_EQ(OnlyTerm(ParseSelection("step=13")).value, 13);
  EXPECT_EQ(OnlyTerm(ParseSelection("deviations=0")).value, 0);
  EXPECT_EQ(OnlyTerm(ParseSelection("deviations>=012")).value, 12);
  EXPECT_EQ(OnlyTerm(ParseSelection("route=kort")).value, int64_t(Route::kKort));
  EXPECT_EQ(OnlyTerm(ParseSelection("route=lang")).value, int64_t(Route::kLang));
  EXPECT_EQ(OnlyTerm(ParseSelection("right_decision=twijfel")).value,
            int64_t(schema::RightDecision::TWIJFEL));
}

TEST(SelectParse, EveryCodeOfTheSchemaEnumsIsAValue) {
  for (auto e : capnp::Schema::from<schema::TargetGroup>().getEnumerants()) {
    auto term = OnlyTerm(ParseSelection("target_group=" + schema_info::EnumCode(e)));
    EXPECT_EQ(term.field, SelectField::kTargetGroup);
    EXPECT_EQ(term.value, e.getOrdinal());
  }
  EXPECT_EQ(OnlyTerm(ParseSelection("target_group=verzuim-18plus")).value,
            int64_t(schema::TargetGroup::VERZUIM18PLUS));
  for (auto e : capnp::Schema::from<schema::RightDecision>().getEnumerants())
    EXPECT_EQ(OnlyTerm(ParseSelection("right_decision=" + schema_info::EnumCode(e))).value,
              e.getOrdinal());
}

TEST(SelectParse, NoneOnlyWhereAValueCanBeMissing) {
  for (const char* expr :
       {"target_group=none", "closed=none", "route!=none", "right_decision=none"})
    EXPECT_FALSE(OnlyTerm(ParseSelection(expr)).value.has_value()) << expr;
  EXPECT_EQ(
      Refusal("status=none"),
      "--select: column 8: \"none\" is not a status; expected one of open, nazorg, afgesloten");
  EXPECT_EQ(Refusal("opened=none"),
            "--select: column 8: \"none\" is not a date; expected a date YYYY-MM-DD (1678-01-01 to "
            "2261-12-31)");
  EXPECT_EQ(Refusal("closed<none"),
            "--select: column 8: none has no order; expected a date YYYY-MM-DD (1678-01-01 to "
            "2261-12-31)");
}

TEST(SelectParse, EveryOperator) {
  const std::pair<const char*, SelectOp> ops[] = {{"=", SelectOp::kEq}, {"!=", SelectOp::kNe},
                                                  {"<", SelectOp::kLt}, {"<=", SelectOp::kLe},
                                                  {">", SelectOp::kGt}, {">=", SelectOp::kGe}};
  for (auto [text, op] : ops) {
    auto term = OnlyTerm(ParseSelection(std::string("step") + text + "5"));
    EXPECT_EQ(term.op, op) << text;
    EXPECT_EQ(term.value, 5) << text;
  }
}

TEST(SelectParse, OrderingOnlyOnOrderedFields) {
  for (const char* op : {"<", "<=", ">", ">="}) {
    for (const char* field : {"opened", "closed"})
      EXPECT_TRUE(ParseSelection(std::string(field) + op + "2026-01-01").ok()) << field << op;
    for (const char* field : {"step", "deviations"})
      EXPECT_TRUE(ParseSelection(std::string(field) + op + "3").ok()) << field << op;
  }
  EXPECT_EQ(Refusal("status<open"), "--select: column 7: status has no order; expected = or !=");
  EXPECT_EQ(Refusal("step=3 route>=kort"),
            "--select: column 13: route has no order; expected = or !=");
  for (const char* op : {"<", "<=", ">", ">="})
    for (const char* term :
         {"status%sopen", "target_group%sjikp", "route%skort", "right_decision%sja"}) {
      std::string expr = term;
      expr.replace(expr.find("%s"), 2, op);
      EXPECT_TRUE(RefusedWith(expr, "has no order; expected = or !=")) << expr;
    }
}

TEST(SelectParse, TermsSeparatedBySpacesAllKept) {
  auto s = ParseSelection("  status=afgesloten   closed>=2026-01-01 deviations>=1 ");
  ASSERT_TRUE(s.ok()) << s.status().message();
  ASSERT_EQ(s->terms.size(), 3u);
  EXPECT_EQ(s->terms[0].field, SelectField::kStatus);
  EXPECT_EQ(s->terms[1].field, SelectField::kClosed);
  EXPECT_EQ(s->terms[2].field, SelectField::kDeviations);
}

TEST(SelectParse, AnEmptyExpressionIsRefused) {
  EXPECT_EQ(Refusal(""),
            "--select: column 1: no terms; expected at least one term FIELD OP VALUE, e.g. "
            "status=afgesloten");
  EXPECT_TRUE(RefusedWith("   ", "column 4: no terms"));
}

TEST(SelectParse, UnknownFieldNamesTheFields) {
  EXPECT_EQ(Refusal("status=afgesloten stauts=open"),
            "--select: column 19: unknown field \"stauts\"; expected one of status, target_group, "
            "opened, closed, step, deviations, route, right_decision");
  EXPECT_TRUE(RefusedWith("Status=open", "column 1: unknown field \"Status\""))
      << "names are lower case";
  EXPECT_TRUE(RefusedWith("=open", "column 1: no field before \"=\"; expected one of status,"));
}

TEST(SelectParse, MissingOperatorOrValue) {
  EXPECT_EQ(Refusal("status"),
            "--select: column 7: no operator after status; expected one of = != < <= > >=");
  EXPECT_EQ(Refusal("step=2 status!open"),
            "--select: column 14: \"!\" alone is not an operator; expected one of = != < <= > >=");
  EXPECT_EQ(Refusal("step>= 3"),
            "--select: column 7: no value after step>=; expected a step from 1 to 13");
  EXPECT_EQ(Refusal("closed="),
            "--select: column 8: no value after closed=; expected a date YYYY-MM-DD (1678-01-01 to "
            "2261-12-31) or none");
}

TEST(SelectParse, BadValues) {
  EXPECT_EQ(Refusal("status=afgeslote"),
            "--select: column 8: \"afgeslote\" is not a status; expected one of open, nazorg, "
            "afgesloten");
  EXPECT_EQ(Refusal("target_group=verzuim"),
            "--select: column 14: \"verzuim\" is not a target group; expected one of " +
                schema_info::EnumCodes(capnp::Schema::from<schema::TargetGroup>()) + " or none");
  EXPECT_EQ(Refusal("route=kortst"),
            "--select: column 7: \"kortst\" is not a route; expected one of kort, lang or none");
  EXPECT_EQ(Refusal("right_decision=misschien"),
            "--select: column 16: \"misschien\" is not a right decision; expected one of ja, nee, "
            "twijfel or none");
  for (const char* step : {"0", "14", "-1", "+3", "3.0", "x"})
    EXPECT_EQ(Refusal(std::string("step=") + step),
              std::string("--select: column 6: \"") + step +
                  "\" is not a step; expected a step from 1 to 13");
  EXPECT_EQ(Refusal("deviations>=-1"),
            "--select: column 13: \"-1\" is not a count; expected a count from 0");
  EXPECT_TRUE(RefusedWith("deviations=99999999999999999999", "is not a count"))
      << "too large for a number";
  EXPECT_TRUE(RefusedWith("status=open=x", "column 8: \"open=x\" is not a status"));
  EXPECT_TRUE(RefusedWith("step==3", "column 6: \"=3\" is not a step"));
}

TEST(SelectParse, BadDates) {
  for (const char* date : {"2026-13-01", "2026-02-30", "26-01-01", "2026-1-1", "20260101",
                           "1600-01-01", "2026-01-01T10:00"})
    EXPECT_EQ(Refusal(std::string("step>1 closed>=") + date),
              std::string("--select: column 16: \"") + date +
                  "\" is not a date; expected a date YYYY-MM-DD (1678-01-01 to 2261-12-31) or none")
        << date;
  EXPECT_TRUE(ParseSelection("opened=2024-02-29 closed=1678-01-01").ok());
}

TEST(SelectParse, TrailingGarbage) {
  EXPECT_EQ(Refusal("status=open ;"),
            "--select: column 13: unknown field \";\"; expected one of status, target_group, "
            "opened, closed, step, deviations, route, right_decision");
  EXPECT_TRUE(RefusedWith("step>=3x", "column 7: \"3x\" is not a step"));
  EXPECT_TRUE(RefusedWith("status=open,step=3", "column 8: \"open,step=3\" is not a status"))
      << "a comma is not a separator";
  EXPECT_TRUE(RefusedWith("status=open and step=3", "column 13: unknown field \"and\""))
      << "terms are always all required: there is no and/or";
}

TEST(SelectParse, HostileBytesAreNamedNotEchoed) {
  using namespace std::string_literals;
  EXPECT_EQ(Refusal("status=open\0"s),
            "--select: column 12: byte 0x00 is not allowed; expected printable ASCII, terms "
            "separated by spaces");
  EXPECT_TRUE(RefusedWith("status=\xff\xfe", "column 8: byte 0xff is not allowed"))
      << "invalid UTF-8";
  EXPECT_TRUE(RefusedWith("status=open st\xc3\xa4tus=x", "column 15: byte 0xc3 is not allowed"))
      << "valid UTF-8 that is not ASCII: every column before the error holds one ASCII byte";
  EXPECT_TRUE(RefusedWith("status=open\tstep=3", "column 12: byte 0x09"))
      << "only spaces separate terms";
  EXPECT_TRUE(RefusedWith("status=open\x1b[2J", "column 12: byte 0x1b"))
      << "no terminal escape reaches the message";
  // The earlier error comes first: the unknown field, not the byte after it.
  EXPECT_TRUE(RefusedWith("stauts=open \x01", "column 1: unknown field"));
}

TEST(SelectParse, LengthLimit) {
  std::string at_limit;
  while (at_limit.size() + 8 <= kMaxSelectionLength) at_limit += "step>=1 ";
  at_limit.resize(kMaxSelectionLength, ' ');
  auto s = ParseSelection(at_limit);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->terms.size(), kMaxSelectionLength / 8);

  EXPECT_EQ(Refusal(at_limit + " "),
            "--select: column 4097: the expression is longer than 4096 characters; expected a "
            "few terms");
  std::string megabyte(1 << 20, 'a');
  EXPECT_TRUE(RefusedWith(megabyte, "column 4097: the expression is longer"));
  std::string nuls(1 << 20, '\0');
  EXPECT_TRUE(RefusedWith(nuls, "column 4097: the expression is longer"));
}

TEST(SelectParse, MessagesQuoteAtMostFortyCharacters) {
  std::string field(4000, 'x');
  EXPECT_EQ(Refusal(field + "=1"), "--select: column 1: unknown field \"" + std::string(40, 'x') +
                                       "...\"; expected one of status, target_group, opened, "
                                       "closed, step, deviations, route, right_decision");
}

CaseFacts SomeCase() {
  CaseFacts f;
  f.status = CaseStatus::kAfgesloten;
  f.target_group = int(schema::TargetGroup::JIKP);
  f.opened = D("2026-02-01");
  f.closed = D("2026-06-30");
  f.step = 12;
  f.deviations = 2;
  f.route = Route::kLang;
  f.right_decision = int(schema::RightDecision::NEE);
  return f;
}

bool Selects(std::string_view expr, const CaseFacts& facts) {
  auto s = ParseSelection(expr);
  EXPECT_TRUE(s.ok()) << expr << ": " << s.status().message();
  return s.ok() && Matches(*s, facts);
}

// Each pair: a term that selects SomeCase(), and one beside it that leaves it out.
TEST(SelectMatch, EachOperatorAndFieldOnBothSides) {
  const std::pair<const char*, const char*> pairs[] = {
      {"step=12", "step=11"},
      {"step!=11", "step!=12"},
      {"step<13", "step<12"},
      {"step<=12", "step<=11"},
      {"step>11", "step>12"},
      {"step>=12", "step>=13"},
      {"status=afgesloten", "status=nazorg"},
      {"target_group=jikp", "target_group=vsv-oud"},
      {"opened=2026-02-01", "opened>2026-02-01"},
      {"closed>=2026-06-30", "closed>=2026-07-01"},
      {"deviations>=2", "deviations>2"},
      {"route=lang", "route=kort"},
      {"right_decision=nee", "right_decision=ja"},
  };
  for (auto [selects, leaves_out] : pairs) {
    EXPECT_TRUE(Selects(selects, SomeCase())) << selects;
    EXPECT_FALSE(Selects(leaves_out, SomeCase())) << leaves_out;
  }
}

TEST(SelectMatch, EveryTermIsRequired) {
  CaseFacts f = SomeCase();
  EXPECT_TRUE(Selects("status=afgesloten closed>=2026-01-01 deviations>=1", f));
  EXPECT_FALSE(Selects("status=afgesloten closed>=2026-01-01 deviations>=3", f));
  EXPECT_FALSE(Selects("status=open closed>=2026-01-01 deviations>=1", f));
  EXPECT_TRUE(Selects("closed>=2026-01-01 closed<2027-01-01", f)) << "a range from two terms";
  EXPECT_FALSE(Selects("status=afgesloten status=open", f)) << "contradicting terms select nothing";
}

// A missing value is equal to none only: it matches != v and =none, nothing else.
TEST(SelectMatch, MissingValues) {
  CaseFacts undecided;  // not triaged, not closed, no route, not evaluated
  undecided.opened = D("2026-02-01");
  undecided.step = 2;
  struct Field {
    const char* name;
    const char* value;
  };
  for (auto [name, value] : {Field{"target_group", "jikp"}, Field{"closed", "2026-06-30"},
                             Field{"route", "lang"}, Field{"right_decision", "ja"}}) {
    std::string n = name, v = value;
    EXPECT_FALSE(Selects(n + "=" + v, undecided)) << n;
    EXPECT_TRUE(Selects(n + "!=" + v, undecided)) << n;
    EXPECT_TRUE(Selects(n + "=none", undecided)) << n;
    EXPECT_FALSE(Selects(n + "!=none", undecided)) << n;
    EXPECT_FALSE(Selects(n + "=none", SomeCase())) << n;
    EXPECT_TRUE(Selects(n + "!=none", SomeCase())) << n;
  }
  for (const char* op : {"<", "<=", ">", ">="}) {
    EXPECT_FALSE(Selects(std::string("closed") + op + "1678-01-01", undecided)) << op;
    EXPECT_FALSE(Selects(std::string("closed") + op + "2261-12-31", undecided)) << op;
  }
}

constexpr const char* kSignal =
    R"({"type":"signal","data":{"subject":{"ref":"J-1"},"channel":"netwerkpartner","received":"2026-09-01"}})";
constexpr const char* kReview =
    R"({"type":"review","case":"RMC-000001","data":{"checked_with_youth":true,"checked_with_partners":[]}})";
constexpr const char* kTriageGeen =
    R"({"type":"triage","case":"RMC-000001","data":{"target_group":"geen","action_required":false,"rationale":"r"}})";

TEST(SelectFacts, BeforeTriageNothingIsDecided) {
  CaseHarness h;
  h.Ok(kSignal);
  CaseFacts f = FactsOf(h.state, D("2026-10-01"), -1);
  EXPECT_EQ(f.status, CaseStatus::kOpen);
  EXPECT_EQ(f.opened, D("2026-10-01"));
  EXPECT_EQ(f.step, 1);
  EXPECT_EQ(f.target_group, -1);
  EXPECT_EQ(f.closed, kNoDay);
  EXPECT_EQ(f.route, Route::kNone);
  EXPECT_EQ(f.right_decision, -1);
  EXPECT_EQ(f.deviations, 0);
}

TEST(SelectFacts, TheShortRouteStaysShortUntilAStepOfTheFullRoute) {
  CaseHarness h;
  h.Ok(kSignal);
  h.Ok(kReview);
  h.Ok(kTriageGeen);
  EXPECT_EQ(FactsOf(h.state, D("2026-10-01"), -1).route, Route::kKort);
  EXPECT_EQ(FactsOf(h.state, D("2026-10-01"), -1).target_group, int(schema::TargetGroup::GEEN));
  h.Ok(
      R"({"type":"feedback","case":"RMC-000001","data":{"partners":["leerplicht"],"summary":"s","limited_to_case":true}})");
  h.SetToday("2026-10-05");
  h.Ok(R"({"type":"close","case":"RMC-000001","data":{"reason":"geen-rmc-doelgroep"}})");
  CaseFacts f = FactsOf(h.state, D("2026-10-06"), int(schema::RightDecision::JA));
  EXPECT_EQ(f.route, Route::kKort) << "steps 11 and 12 are on both routes";
  EXPECT_EQ(f.status, CaseStatus::kAfgesloten);
  EXPECT_EQ(f.closed, D("2026-10-05"));
  EXPECT_EQ(f.right_decision, int(schema::RightDecision::JA));

  CaseHarness d;
  d.Ok(kSignal);
  d.Ok(kReview);
  d.Ok(kTriageGeen);
  d.Ok(
      R"({"type":"intake_scheduled","case":"RMC-000001","reason":"toch een gesprek","data":{"date":"2026-10-08","participants":["jongere"],"asked_youth_about_involvement":true}})");
  f = FactsOf(d.state, D("2026-10-01"), -1);
  EXPECT_EQ(f.route, Route::kLang) << "a step 4 done, though by a deviation";
  EXPECT_EQ(f.deviations, 1);
}

TEST(SelectFacts, TheFullRouteFromItsTriage) {
  CaseHarness h;
  h.WalkTo(3);
  EXPECT_EQ(FactsOf(h.state, D("2026-10-01"), -1).route, Route::kLang)
      << "triage chose the full route; no step 4 yet";
  CaseHarness walked;
  walked.WalkTo(11);
  CaseFacts f = FactsOf(walked.state, D("2026-10-01"), -1);
  EXPECT_EQ(f.route, Route::kLang);
  EXPECT_EQ(f.step, 11);
  EXPECT_EQ(f.status, CaseStatus::kNazorg);
  EXPECT_EQ(f.closed, D("2026-10-01"));
  EXPECT_EQ(FactsOf(walked.state, D("2027-06-01"), -1).status, CaseStatus::kAfgesloten)
      << "the status on the day asked: aftercare has run out";
}

TEST(SelectFacts, AReopenedCaseWalksItsRouteAgain) {
  CaseHarness h;
  h.WalkTo(11);
  h.SetToday("2026-11-01");
  h.Ok(kSignal);  // in aftercare: reopens the case
  CaseFacts f = FactsOf(h.state, D("2026-11-01"), -1);
  EXPECT_EQ(f.status, CaseStatus::kOpen);
  EXPECT_EQ(f.closed, kNoDay);
  EXPECT_EQ(f.route, Route::kNone) << "not triaged again yet";
  EXPECT_EQ(f.opened, D("2026-10-01")) << "opened once, when the first signal came";
  EXPECT_EQ(f.target_group, int(schema::TargetGroup::VERZUIM18PLUS)) << "the last triage's";
}

}  // namespace
}  // namespace rmc::testing
