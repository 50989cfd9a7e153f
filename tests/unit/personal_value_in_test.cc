// Whether a text holds a youth's own values (src/privacy/personal_value_in.h): each kind found,
// by its field name, and what is not theirs left alone.
#include "privacy/personal_value_in.h"

#include <gtest/gtest.h>

namespace rmc {
namespace {

YouthValues Youth() {
  YouthValues v;
  v.refs = {"J-7731"};
  v.names = {"Li van Dijk"};
  v.birth_dates = {*ParseDate("2008-03-14")};
  v.addresses = {"Oudegracht 12, 3511 AB Utrecht"};
  v.phones = {"06-12345678"};
  v.emails = {"li@example.nl"};
  return v;
}

TEST(PersonalValueIn, NamesTheKindOfEachValueFound) {
  const YouthValues v = Youth();
  EXPECT_EQ(PersonalValueIn("dossier j-7731", v), "ref");
  EXPECT_EQ(PersonalValueIn("verzoek van LI VAN DIJK", v), "name") << "the whole name";
  EXPECT_EQ(PersonalValueIn("mevrouw Dijk belde", v), "name") << "a part of three letters";
  EXPECT_EQ(PersonalValueIn("geboren 14/03/2008", v), "birth_date");
  EXPECT_EQ(PersonalValueIn("brief naar Oudegracht 12", v), "address");
  EXPECT_EQ(PersonalValueIn("bel 06-12345678", v), "phone");
  EXPECT_EQ(PersonalValueIn("mail li@example.nl", v), "email");
}

TEST(PersonalValueIn, LeavesWhatIsNotTheirs) {
  const YouthValues v = Youth();
  EXPECT_EQ(PersonalValueIn("Li", v), std::nullopt) << "a part of fewer than three letters";
  EXPECT_EQ(PersonalValueIn("verzoek van de jongere, ontvangen 20-11-2026 in Utrecht", v),
            std::nullopt)
      << "particles, another date, a town";
  EXPECT_EQ(PersonalValueIn("Dijkstra belde", v), std::nullopt) << "whole words only";
  EXPECT_EQ(PersonalValueIn("", YouthValues()), std::nullopt);
}

}  // namespace
}  // namespace rmc
