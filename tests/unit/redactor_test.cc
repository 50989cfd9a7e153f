// The redaction of reasoning text (src/privacy/redactor.h): known values of a case replaced by
// their pseudonyms in every notation, identifying patterns masked, the rest of the text kept,
// and any bytes accepted. tests/e2e/redaction_cli_test.cc holds the real binary's outputs to it.
#include "privacy/redactor.h"

#include <gtest/gtest.h>

#include <random>

#include "base/folded_text.h"
#include "base/names.h"
#include "privacy/date_notations.h"

namespace rmc {
namespace {

constexpr std::string_view kMask = Redactor::kMask;

class RedactorTest : public ::testing::Test {
 protected:
  RedactorTest() {
    known_.youth = "subject-id-16byt";
    known_.refs = {"J-7731"};
    known_.names = {"Yfke van der Zwartberg-Öztürk"};
    known_.birth_dates = {*ParseDate("2008-03-14")};
    known_.addresses = {"Oudegracht 12, 3511 AB Utrecht"};
    known_.others = {"06-12345678", "yfke@example.nl", "Het Nieuwe Lyceum", "Mw. P. de Groot",
                     "ROC Midden",  "c.jansen",        "jongere",           "school"};
    redactor_ = Redactor(known_, pseudonyms_);
  }
  std::string Youth() const { return pseudonyms_(known_.youth); }
  std::string Redact(std::string_view text) const { return redactor_.Redact(text); }

  Pseudonymizer pseudonyms_;
  KnownValues known_;
  Redactor redactor_;
};

TEST_F(RedactorTest, TheYouthsNameRefAndEachNamePartBecomeTheYouthsPseudonym) {
  const std::string youth = Youth();
  EXPECT_EQ(Redact("Yfke van der Zwartberg-Öztürk belde"), youth + " belde");
  EXPECT_EQ(Redact("yfke belde, ZWARTBERG niet"), youth + " belde, " + youth + " niet");
  EXPECT_EQ(Redact("mevrouw Ozturk (zonder trema's)"), "mevrouw " + youth + " (zonder trema's)");
  EXPECT_EQ(Redact("dossier J-7731 en j-7731"), "dossier " + youth + " en " + youth);
  // Whole words only; the particles alone are no name.
  EXPECT_EQ(Redact("Yfkes moeder, Zwartbergen"), "Yfkes moeder, Zwartbergen");
  EXPECT_EQ(Redact("van de school en der tijd"), "van de school en der tijd");
  EXPECT_EQ(Redact("Yfke\u00a0 Zwartberg-Öztürk"), youth + "\u00a0 " + youth + "-" + youth)
      << "parts, and no run of spaces in the middle of a whole name";
}

TEST_F(RedactorTest, TheBirthDateInEveryCommonNotation) {
  const std::string birth = pseudonyms_("2008-03-14");
  for (const char* notation :
       {"2008-03-14", "14-03-2008", "14-3-2008", "14/03/2008", "14.03.2008", "14032008", "20080314",
        "14 maart 2008", "14 mrt 2008", "14 mrt. 2008", "14-mrt-2008", "14 March 2008",
        "March 14, 2008", "14 MAART 2008", "14-03-08",
        "14\u201003\u20102008", "14\u201103\u20112008", "14\u221203\u22122008",
        "\uff11\uff14-03-2008"})
    EXPECT_EQ(Redact(std::string("geboren ") + notation + "."), "geboren " + birth + ".")
        << notation;
  EXPECT_EQ(Redact("op 14 maart"), "op " + std::string(kMask)) << "a date without a year: masked";
}

TEST_F(RedactorTest, OtherKnownValuesBecomeTheirOwnPseudonyms) {
  EXPECT_EQ(Redact("mail yfke@example.nl of bel 06-12345678"),
            "mail " + pseudonyms_("yfke@example.nl") + " of bel " + pseudonyms_("06-12345678"));
  EXPECT_EQ(Redact("woont Oudegracht 12 te Utrecht"),
            "woont " + pseudonyms_("Oudegracht 12") + " te Utrecht")
      << "an address part between commas; a town alone identifies no one";
  EXPECT_EQ(Redact("3511 AB Utrecht"), pseudonyms_("3511 AB Utrecht"));
  EXPECT_EQ(Redact("adres: Oudegracht 12, 3511 AB Utrecht"),
            "adres: " + pseudonyms_("Oudegracht 12, 3511 AB Utrecht"));
  EXPECT_EQ(Redact("het nieuwe lyceum meldde via mw. p. de groot; ROC Midden en c.jansen"),
            pseudonyms_("Het Nieuwe Lyceum") + " meldde via " + pseudonyms_("Mw. P. de Groot") +
                "; " + pseudonyms_("ROC Midden") + " en " + pseudonyms_("c.jansen"));
  EXPECT_EQ(Redact("de jongere en de school"), "de jongere en de school")
      << "generic participants name no one";
}

TEST_F(RedactorTest, IdentifyingPatternsAreMaskedWhoeverTheyBelongTo) {
  const std::string m(kMask);
  for (const char* pattern : {"+31 6 87654321",   "+31 (0)6-8765 4321",
                              "0031 6 87654321",  "06 87654321",
                              "06-8765 4321",     "0687654321",
                              "030 - 123 45 67",  "anna.b@school.example.org",
                              "1234 AB",          "1234AB",
                              "1234ab",           "123456782",
                              "123.456.782",      "123 456 782",
                              "01-02-1999",       "1/2/99",
                              "1999.02.01",       "01021999",
                              "19990201",         "1 februari 1999",
                              "3 feb.",           "februari 1999",
                              "February 1, 1999", "21 okt",
                              "1st of February, 1999", "February 1st 1999",
                              "1e februari",      "Sept 1st, 2026",
                              "2026-09-01T10:00", "2026-09-01T10:00:00Z",
                              "2026-09-01t10:00:00.5+02:00", "2026-09",
                              "09-2026",          "01-09",
                              "2026\u201109\u201101", "3511 ab",
                              "RMC-000001",       "rmc-1000000"})
    EXPECT_EQ(Redact(std::string("zie ") + pattern + " daar"), "zie " + m + " daar") << pattern;
  // Two dates side by side are two masks, not a phone number and a year left over.
  EXPECT_EQ(Redact("06-11-2008 / 1-1-2009"), m + " / " + m);
  EXPECT_EQ(Redact("02-05-2007 / 2-5-2007."), m + " / " + m + ".");
  EXPECT_EQ(Redact("bel 06 12 34 56 78 nu"), "bel " + m + " nu") << "a phone in pairs is whole";
}

TEST_F(RedactorTest, WhatIsNotPersonalStays) {
  for (const char* text :
       {"3 keer gebeld, 2 brieven; na 14 dagen huisbezoek", "score 4 op 5, 12 uur per week",
        "sinds 2023 is ze thuis", "versie 1.2.3 van het plan", "om 14:30 op school",
        "Jan-Piet gaat mee", "P-0123456789abcdef blijft", "[***] blijft",
        "1/9 van de lessen", "in 2026 en 2027", "1200 op de lijst", "RMC-consulent belt",
        "RMC-12 is geen dossier"})
    EXPECT_EQ(Redact(text), text);
}

TEST_F(RedactorTest, AnyBytesAreAcceptedAndComeBackAsUtf8) {
  const std::string bad = "\xEF\xBF\xBD";  // U+FFFD
  EXPECT_EQ(Redact("Yfke\xff\xfe belde \xe2\x82"), Youth() + bad + bad + " belde " + bad + bad);
  EXPECT_EQ(Redact(""), "");
  std::mt19937 rng(7);
  for (int i = 0; i < 2000; ++i) {
    std::string bytes(rng() % 64, '\0');
    for (char& c : bytes) c = char(rng() % 4 ? rng() % 128 : rng() % 256);
    EXPECT_TRUE(IsUtf8(Redact(bytes)));
  }
}

TEST(Redactor, WithoutKnownValuesItMasksPatternsOnly) {
  EXPECT_EQ(Redactor().Redact("Yfke, 06-12345678"), "Yfke, " + std::string(kMask));
}

TEST(Redactor, ValuesOfFewerThanTwoLettersAreNoTarget) {
  Pseudonymizer pseudonyms;
  KnownValues known;
  known.names = {"A. B"};
  known.others = {"*", "x"};
  EXPECT_EQ(Redactor(known, pseudonyms).Redact("A. B, a x *"), pseudonyms("") + ", a x *");
}

TEST(FoldedText, FoldsCaseAndDiacriticsOneForOne) {
  FoldedText t("ÖZLEM Çelik-Şahin ĲSSEL Ærø ß");
  EXPECT_EQ(t.original.size(), t.folded.size());
  std::string folded;
  AppendUtf8(t.folded, folded);
  EXPECT_EQ(folded, "ozlem celik-sahin ĳssel æro ß");
  EXPECT_TRUE(IsWordChar(U'é'));
  EXPECT_FALSE(IsWordChar(U'×'));
  EXPECT_FALSE(IsWordChar(U'\u2019'));
}

TEST(DateNotations, NameTheDateOnly) {
  auto notations = DateNotations(*ParseDate("2007-03-04"));
  for (const char* n : {"2007-03-04", "4-3-2007", "04/03/2007", "4.3.2007", "04032007", "20070304",
                        "4 maart 2007", "4 mrt. 2007", "march 4, 2007", "04-03-07"})
    EXPECT_NE(std::find(notations.begin(), notations.end(), n), notations.end()) << n;
  for (const auto& n : notations) EXPECT_NE(n.find('7'), std::string::npos) << n;
  EXPECT_EQ(MonthOfName(U"okt"), 10);
  EXPECT_EQ(MonthOfName(U"oktobre"), 0);
}

}  // namespace
}  // namespace rmc
