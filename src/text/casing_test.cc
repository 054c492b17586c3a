#include "text/casing.h"

#include <gtest/gtest.h>

namespace newsroom::text {
namespace {

TEST(CasingTest, TurkishLowerAndUpperCase) {
  struct Case {
    const char* upper;
    const char* lower;
  };
  const Case cases[] = {
      {"IŞIK", "ışık"},
      {"İSTANBUL", "istanbul"},
      {"ÇİĞDEM ÖĞÜT", "çiğdem öğüt"},
      {"KIRMIZI", "kırmızı"},
      {"İĞNE İPLİK", "iğne iplik"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ToLowerTr(c.upper), c.lower);
    EXPECT_EQ(ToUpperTr(c.lower), c.upper);
  }
}

TEST(CasingTest, TitleCasesOneWord) {
  EXPECT_EQ(ToTitleWordTr("İSTANBUL"), "İstanbul");
  EXPECT_EQ(ToTitleWordTr("ıŞIK"), "Işık");
  EXPECT_EQ(ToTitleWordTr("izmir'DE"), "İzmir'de");
}

TEST(CasingTest, FoldsTurkishLettersToAscii) {
  EXPECT_EQ(AsciiFold("Çığır açan güzel şölen"), "Cigir acan guzel solen");
  EXPECT_EQ(AsciiFold("İĞNE"), "IGNE");
  EXPECT_EQ(AsciiFold("kâğıt"), "kagit");
  EXPECT_EQ(AsciiFold("naïve 😀"), "naïve 😀");  // other letters untouched
}

TEST(CasingTest, FoldsOneLowerCaseLetter) {
  struct Case {
    char32_t c;
    char want;
  };
  const Case cases[] = {{U'ç', 'c'}, {U'ğ', 'g'}, {U'ı', 'i'}, {U'ö', 'o'},
                        {U'ş', 's'}, {U'ü', 'u'}, {U'â', 'a'}, {U'î', 'i'},
                        {U'û', 'u'}, {U'Ç', 0},   {U'İ', 0},   {'a', 0},
                        {U'é', 0}};
  for (const Case& c : cases) {
    EXPECT_EQ(AsciiFoldLower(c.c), c.want) << static_cast<uint32_t>(c.c);
  }
}

TEST(CasingTest, FoldKeyJoinsAllSpellingsOfAWord) {
  for (const char* s : {"Işık", "ISIK", "isik", "ışık", "IŞIK"}) {
    EXPECT_EQ(FoldKey(s), "isik") << s;
  }
}

TEST(CasingTest, DetectsTurkishLetters) {
  EXPECT_TRUE(HasTurkishLetter("çok"));
  EXPECT_TRUE(HasTurkishLetter("İzmir"));
  EXPECT_FALSE(HasTurkishLetter("cok guzel"));
  EXPECT_FALSE(HasTurkishLetter("naïve café"));
}

TEST(CasingTest, CountsCasedLettersOnly) {
  CaseCounts c = CountCase("NATO ve AB 2026!");
  EXPECT_EQ(c.upper, 6);
  EXPECT_EQ(c.lower, 2);
  c = CountCase("IŞIK ığdır");
  EXPECT_EQ(c.upper, 4);
  EXPECT_EQ(c.lower, 5);
}

}  // namespace
}  // namespace newsroom::text
