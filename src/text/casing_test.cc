#include "text/casing.h"

#include <gtest/gtest.h>
#include <unicode/bytestream.h>
#include <unicode/casemap.h>

#include <random>
#include <vector>

#include "text/utf8.h"

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

// ICU's Turkish lower case, the reference for ToLowerTr's hand mapping.
std::string IcuLowerTr(const std::string& s) {
  std::string out;
  icu::StringByteSink<std::string> sink(&out);
  UErrorCode status = U_ZERO_ERROR;
  icu::CaseMap::utf8ToLower("tr", 0, icu::StringPiece(s), sink, nullptr,
                            status);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

TEST(CasingTest, HandLowerCaseAgreesWithIcuOnEveryCodePoint) {
  for (char32_t c = 1; c <= 0x10FFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;  // surrogates: not UTF-8
    std::string one;
    AppendCodePoint(c, &one);
    const char32_t lower = ToLowerTrSimple(c);
    if (c == U'Σ' || c == 0x0307) {
      ASSERT_EQ(lower, 0u);  // decided by the neighbours
    } else {
      std::string want;
      AppendCodePoint(lower, &want);
      ASSERT_EQ(want, IcuLowerTr(one)) << static_cast<uint32_t>(c);
    }
    ASSERT_EQ(ToLowerTr(one), IcuLowerTr(one)) << static_cast<uint32_t>(c);
  }
}

// The code points of Turkish comments, and some that need care: the
// combining dot above ("I" + U+0307 → "i"), final and non-final sigma,
// other Latin, Cyrillic, a title-case digraph, emoji.
std::vector<char32_t> UsualAndTrickyCodePoints() {
  std::vector<char32_t> out;
  for (char32_t c = 1; c < 0x80; ++c) out.push_back(c);
  for (char32_t c : std::u32string_view(
           U"çğıöşüâîûÇĞİÖŞÜÂÎÛ\u0307ΣσςΑßÉéÄДдǅ😀\u00AD\u200D")) {
    out.push_back(c);
  }
  return out;
}

TEST(CasingTest, HandLowerCaseAgreesWithIcuOnEveryPair) {
  const std::vector<char32_t> cps = UsualAndTrickyCodePoints();
  for (char32_t a : cps) {
    std::string one;
    AppendCodePoint(a, &one);
    for (char32_t b : cps) {
      std::string two = one;
      AppendCodePoint(b, &two);
      ASSERT_EQ(ToLowerTr(two), IcuLowerTr(two))
          << static_cast<uint32_t>(a) << " " << static_cast<uint32_t>(b);
    }
  }
}

TEST(CasingTest, HandLowerCaseAgreesWithIcuOnRandomText) {
  const std::vector<char32_t> cps = UsualAndTrickyCodePoints();
  std::mt19937 rng(1);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int length = static_cast<int>(rng() % 12);
    for (int k = 0; k < length; ++k) {
      AppendCodePoint(cps[rng() % cps.size()], &s);
    }
    ASSERT_EQ(ToLowerTr(s), IcuLowerTr(s)) << s;
  }
}

TEST(CasingTest, TitleCasesOneWord) {
  EXPECT_EQ(ToTitleWordTr("İSTANBUL"), "İstanbul");
  EXPECT_EQ(ToTitleWordTr("ıŞIK"), "Işık");
  EXPECT_EQ(ToTitleWordTr("izmir'DE"), "İzmir'de");
}

TEST(CasingTest, RootCaseHasOneI) {
  EXPECT_EQ(ToLowerRoot("THIS IS IT"), "this is it");
  EXPECT_EQ(ToLowerRoot("İSTANBUL"), "i\u0307stanbul");  // not Turkish rules
  EXPECT_EQ(ToTitleWordRoot("i'm"), "I'm");
  EXPECT_EQ(ToTitleWordRoot("IRELAND"), "Ireland");
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
