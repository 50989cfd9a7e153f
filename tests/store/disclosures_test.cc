// The disclosures scan (disclosures.h) on a real ledger: found by youth and by partner, listed
// as corrected, and thinking steps recorded in plain text listed as they are.
#include "audit/disclosures.h"

#include <gtest/gtest.h>

#include "forgery.h"
#include "two_youths.h"

namespace rmc {
namespace {

class Disclosures : public TwoYouths {
 protected:
  // The position of J-1's one disclosure (d1), as it was recorded.
  uint64_t SharedWithRocMidden() {
    auto txn = ledger_->store().Read();
    EXPECT_TRUE(txn.ok());
    auto all = FindDisclosures(ledger_->unsealer(), **txn, {Id("J-1"), ""});
    EXPECT_TRUE(all.ok() && all->size() == 1u && (*all)[0].corrections.empty());
    return all.ok() && !all->empty() ? (*all)[0].position : 0;
  }
};

TEST_F(Disclosures, AreFoundByYouthAndByPartner) {
  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  auto all = FindDisclosures(ledger_->unsealer(), **txn, {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].partner, "ROC Midden");
  EXPECT_EQ((*all)[0].grondslag, "wettelijke-taak");
  EXPECT_EQ((*all)[1].subject_id, Id("J-2"));
  auto j2 = FindDisclosures(ledger_->unsealer(), **txn, {Id("J-2"), ""});
  ASSERT_TRUE(j2.ok());
  ASSERT_EQ(j2->size(), 1u);
  EXPECT_EQ((*j2)[0].case_id, "RMC-000002");
  EXPECT_EQ(FindDisclosures(ledger_->unsealer(), **txn, {"", "Gemeente"})->size(), 1u);
  EXPECT_EQ(FindDisclosures(ledger_->unsealer(), **txn, {Id("J-1"), "Gemeente"})->size(), 0u);
  EXPECT_EQ(FindDisclosures(ledger_->unsealer(), **txn, {Id("J-404"), ""})->size(), 0u) << "an unknown youth has none";
  Json j = DisclosureJson((*all)[0], false);
  EXPECT_FALSE(j.contains("actor"));
  EXPECT_EQ(j["doel"], "inschrijving") << "unsealed";
  EXPECT_EQ(j["erased"], false);
}

TEST_F(Disclosures, AreListedAsCorrected) {
  const uint64_t position = SharedWithRocMidden();
  auto c = ParseCommand(R"({"id":"k1","type":"correct","case":"RMC-000001","reason":"verkeerde school",)"
                        R"("data":{"event":")" + std::to_string(position) +
                            R"(","data":{"partner":"ROC Utrecht","doel":"inschrijving bij ROC Utrecht"}}})",
                        {"test", schema::Role::CONSULENT});
  ASSERT_TRUE(c.ok()) << c.status().message();
  std::vector<Command> cs;
  cs.push_back(std::move(*c));
  auto corrected = ledger_->Execute(cs, false)[0];
  ASSERT_TRUE(corrected.ok()) << corrected.error.message();

  auto txn = ledger_->store().Read();
  ASSERT_TRUE(txn.ok());
  auto utrecht = FindDisclosures(ledger_->unsealer(), **txn, {"", "ROC Utrecht"});
  ASSERT_TRUE(utrecht.ok());
  ASSERT_EQ(utrecht->size(), 1u) << "the partner filter matches the corrected partner";
  const Disclosure& d = (*utrecht)[0];
  EXPECT_EQ(d.position, position) << "listed where it was recorded";
  EXPECT_EQ(d.doel, "inschrijving bij ROC Utrecht") << "a sealed step, corrected and unsealed";
  EXPECT_EQ(d.proportionaliteit, "p") << "fields the correction did not name stay";
  EXPECT_EQ(d.categories, std::vector<std::string>{"verzuim"});
  ASSERT_EQ(d.corrections.size(), 1u);
  EXPECT_GT(d.corrections[0], position);
  EXPECT_EQ(DisclosureJson(d, false)["corrections"], Json::array({d.corrections[0]}));
  EXPECT_EQ(FindDisclosures(ledger_->unsealer(), **txn, {"", "ROC Midden"})->size(), 0u)
      << "no longer listed under the partner first recorded";
  auto other = FindDisclosures(ledger_->unsealer(), **txn, {Id("J-2"), ""});
  ASSERT_TRUE(other.ok() && other->size() == 1u);
  EXPECT_TRUE((*other)[0].corrections.empty()) << "another disclosure is left as it was";
}

// Events recorded before the thinking steps were sealed hold them in the public payload, and no
// sealed part: they are listed as they are, also after an erasure (nothing can reach them).
TEST_F(Disclosures, ThinkingStepsRecordedInPlainBeforeTheyWereSealedAreListedAsTheyAre) {
  const uint64_t position = SharedWithRocMidden();
  ASSERT_TRUE(testing::RewriteAndRechain(ledger_->store(), position, [](schema::Event::Builder e) {
                auto shared = e.getPayload().getDataShared();
                shared.setDoel("inschrijving van Yfke");
                shared.setProportionaliteit("alleen verzuim");
                e.disownSealed();
              }).ok());
  auto listed = [&] {
    auto txn = ledger_->store().Read();
    EXPECT_TRUE(txn.ok());
    auto found = FindDisclosures(ledger_->unsealer(), **txn, {Id("J-1"), ""});
    EXPECT_TRUE(found.ok());
    return found.ok() && found->size() == 1 ? (*found)[0] : Disclosure{};
  };
  Disclosure before = listed();
  EXPECT_EQ(before.doel, "inschrijving van Yfke");
  EXPECT_EQ(before.proportionaliteit, "alleen verzuim");
  EXPECT_EQ(before.subsidiariteit, "") << "not in the plain part, and nothing sealed";
  EXPECT_FALSE(before.erased);

  ForgetJ1();
  Disclosure after = listed();
  EXPECT_FALSE(after.erased) << "nothing of it was sealed, so nothing went with the key";
  EXPECT_EQ(after.doel, "inschrijving van Yfke") << "what is in plain text is shown, not hidden";
  EXPECT_EQ(after.subsidiariteit, "") << "never given, not erased";
}

}  // namespace
}  // namespace rmc
