// The pseudonymised form of an event (views/event_json.h with a privacy/pseudonym_form.h): the
// reasoning kept and redacted, other free text and personal fields removed, names and ids by
// pseudonym, dates as day numbers; and the region's setting that keeps no reasoning.
#include <gtest/gtest.h>

#include "built_event.h"
#include "privacy/pseudonym_form.h"
#include "views/event_json.h"

namespace rmc {
namespace {

class PseudonymisedRender : public ::testing::Test {
 protected:
  PseudonymisedRender() {
    known_.youth = "subject-id";
    known_.names = {"Yfke Zwartberg"};
    known_.others = {"ROC Midden", "c.devries"};
    origin_ = *ParseDate("2026-11-01");
  }
  PseudonymForm Form(bool keep_reasoning) const {
    return PseudonymForm(pseudonyms_, origin_, Redactor(known_, pseudonyms_), keep_reasoning);
  }
  Json Render(Built& b, const PseudonymForm& form) {
    return EventToJson(b.reader(), b.Opened(), {PersonalFields::kReveal, &form}, false);
  }
  std::string Youth() const { return pseudonyms_(known_.youth); }

  Pseudonymizer pseudonyms_;
  KnownValues known_;
  Days origin_ = 0;
};

TEST_F(PseudonymisedRender, ReasoningIsKeptRedactedAndOtherPersonalTextRemoved) {
  Built b;
  b.Seal();
  auto t = b.event().initPayload().initTriaged();
  t.setTargetGroup(schema::TargetGroup::VSV_NIEUW);
  b.personal().initTriaged().setRationale("Yfke zit thuis sinds de zomer, belt 06-11223344");
  const auto form = Form(true);
  Json j = Render(b, form);
  EXPECT_EQ(j["data"]["rationale"], Youth() + " zit thuis sinds de zomer, belt [***]") << j.dump();
  EXPECT_EQ(j["data"]["target_group"], "vsv-nieuw");
  EXPECT_FALSE(j.contains("sealed")) << j.dump();

  const auto off = Form(false);
  Json none = Render(b, off);
  EXPECT_FALSE(none["data"].contains("rationale")) << none.dump();
  EXPECT_EQ(none["sealed"], Json::array({"rationale"}));

  Built note;
  note.Seal();
  note.event().initPayload().initNoteAdded().setCategory("overleg");
  note.personal().initNoteAdded().setText("Yfke belde");
  Json n = Render(note, form);
  EXPECT_EQ(n["data"], Json::object()) << "a note and its $freeText category are removed";
  EXPECT_EQ(n["sealed"], Json::array({"text"}));
}

TEST_F(PseudonymisedRender, ReasoningStructsKeepPseudonymsAndLoseOtherFreeText) {
  Built b;
  auto plan = b.event().initPayload().initPlanMade();
  plan.initYouthContact().setFrequency("elke week bij Yfke thuis");
  auto r = plan.initResponsibilities(1);
  r[0].setPartner("ROC Midden");
  r[0].setTask("ROC Midden zoekt met Yfke een opleiding");
  const auto form = Form(true);
  Json j = Render(b, form);
  EXPECT_EQ(j["data"]["youth_contact"], Json::object()) << "free text, not reasoning";
  EXPECT_EQ(
      j["data"]["responsibilities"],
      Json::parse(R"([{"partner":")" + pseudonyms_("ROC Midden") + R"(","task":")" +
                  pseudonyms_("ROC Midden") + " zoekt met " + Youth() + R"( een opleiding"}])"));
  Json off = Render(b, Form(false));
  EXPECT_FALSE(off["data"].contains("responsibilities")) << off.dump();
}

TEST_F(PseudonymisedRender, IdsAreNamesAndDatesAreDayNumbers) {
  Built b;
  b.event().setRecordedAt(StartOfLocalDay(origin_ + 3) + 9 * 3600'000'000'000LL);
  b.event().setOccurredAt(StartOfLocalDay(origin_ - 2));
  b.event().setOccurredIsDate(true);
  b.event().initPayload().initIntakeScheduled().initDate().setDays(origin_ + 10);
  const auto form = Form(true);
  Json j = Render(b, form);
  EXPECT_EQ(j["recorded_at"], 3);
  EXPECT_EQ(j["occurred_at"], -2);
  EXPECT_EQ(j["data"]["date"], 10);
  EXPECT_EQ(j["actor"], pseudonyms_("c.devries"));
  EXPECT_EQ(j["command_id"], pseudonyms_("cmd-1"));
  for (const char* id : {"event_id", "trace_id", "span_id"})
    EXPECT_EQ(j[id].get<std::string>().substr(0, 2), "P-") << id;
}

TEST_F(PseudonymisedRender, TheReasonOfADeviationOrCorrectionOnly) {
  const auto form = Form(true);
  Built deviated;
  deviated.event().initPayload().initStepDeviated().setCommand("plan");
  deviated.SealReason("Yfke wilde eerst werk zoeken");
  EXPECT_EQ(Render(deviated, form)["reason"], Youth() + " wilde eerst werk zoeken");
  EXPECT_FALSE(Render(deviated, Form(false)).contains("reason"));

  Built overridden;
  overridden.event().initPayload().initCaseClosed();
  overridden.event().initOverrides(1).set(0, "plan-complete");
  overridden.SealReason("op verzoek van c.devries");
  EXPECT_EQ(Render(overridden, form)["reason"], "op verzoek van " + pseudonyms_("c.devries"));

  Built erased;
  erased.event().initPayload().initSubjectErased();
  erased.event().setReason("verzoek van Yfke Zwartberg");
  EXPECT_FALSE(Render(erased, form).contains("reason")) << "an erasure's reason is no reasoning";

  Built note;
  note.event().initPayload().initNoteAdded();
  note.SealReason("Yfke");
  Json n = Render(note, form);
  EXPECT_FALSE(n.contains("reason"));
  EXPECT_EQ(n["sealed"], Json::array({"reason"}));
}

}  // namespace
}  // namespace rmc
