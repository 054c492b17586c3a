#include "lexicon/internal/normalizer.h"

#include <string>

#include "gtest/gtest.h"
#include "lexicon/internal/homoglyphs.h"

namespace newsroom::lexicon::internal {
namespace {

std::string Letters(const std::string& s) {
  NormalizedText t;
  Normalize(s, {}, &t);
  return t.letters;
}

struct Case {
  const char* input;
  const char* letters;
};

class NormalizeLettersTest : public ::testing::TestWithParam<Case> {};

TEST_P(NormalizeLettersTest, Letters) {
  EXPECT_EQ(Letters(GetParam().input), GetParam().letters) << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Table, NormalizeLettersTest,
    ::testing::Values(
        // Turkish case and folding.
        Case{"ŞEREFSİZ", "serefsiz"}, Case{"AŞAĞILIK", "asagilik"},
        Case{"Işık ılık", "isik ilik"},
        // Leet inside words only.
        Case{"s1k", "sik"}, Case{"4mk", "amk"}, Case{"@pt@l", "aptal"},
        Case{"$alak", "salak"}, Case{"g0t", "got"}, Case{"s3n", "sen"},
        Case{"2026 yılında 3 kez", "yilinda kez"}, Case{"s!k", "sik"},
        Case{"salak!", "salak"}, Case{"evet!..hayir", "evethayir"},
        Case{"k-@-f-!-r", "kafir"}, Case{"8!7ch", "bitch"},
        Case{"b 3 y i n $ i z", "beyinsiz"}, Case{"1 2 3", ""},
        Case{"5 7 u p i d", "stupid"}, Case{"s a l a k !", "salak"},
        Case{"c @ h ! l", "cahil"}, Case{"s a l a k 4", "salaka"},
        // Repeated letters collapse.
        Case{"salaaaaak", "salak"}, Case{"aptallar", "aptalar"},
        // Separators inside a word, spaced single letters.
        Case{"s.a.l.a.k", "salak"}, Case{"s-a-l-a-k", "salak"},
        Case{"s_a_l_a_k", "salak"}, Case{"s a l a k", "salak"},
        Case{"sen s a l a k sın", "sen salak sin"},
        Case{"sa\u200Blak", "salak"}, Case{"pi*ç", "pic"},
        // Homoglyphs: Cyrillic а, о, е, р, с, і; fullwidth; accents.
        Case{"s\u0430l\u0430k", "salak"}, Case{"\u0440\u0456\u0441", "pic"},
        Case{"\uFF53\uFF41\uFF4C\uFF41\uFF4B", "salak"},
        Case{"s\u00E1l\u00E1k", "salak"},
        // A decomposed ş (s + combining cedilla) is one letter.
        Case{"s\u0327erefsiz", "serefsiz"},
        // Words of other scripts are boundaries.
        Case{"salak\u4E2D\u6587aptal", "salak aptal"}));

TEST(NormalizeTest, UnitsMapBackToOriginalCodePoints) {
  NormalizedText t;
  // "Sen s.a.l.a.a.k" — code points: S0 e1 n2 _3 s4 .5 a6 .7 l8 .9 a10 .11
  // a12 .13 k14
  Normalize("Sen s.a.l.a.a.k", {}, &t);
  ASSERT_EQ(t.letters, "sen salak");
  const Unit& s = t.units[4];
  EXPECT_EQ(s.begin, 4);
  EXPECT_TRUE(s.start);
  const Unit& a2 = t.units[7];  // second a of salak: "a.a" merged
  EXPECT_EQ(a2.begin, 10);
  EXPECT_EQ(a2.end, 13);
  EXPECT_EQ(a2.run, 2);
  EXPECT_FALSE(a2.start);
  EXPECT_TRUE(a2.evasion & kUnitSeparated);
  EXPECT_EQ(t.units[8].end, 15);
  EXPECT_TRUE(t.units[8].end_after);
}

TEST(NormalizeTest, StrictLettersAreRemembered) {
  NormalizedText t;
  Normalize("sıkıntı SIK İyi", {}, &t);
  ASSERT_EQ(t.letters, "sikinti sik iyi");
  EXPECT_EQ(t.units[1].strict, U'ı');  // typed ı
  EXPECT_EQ(t.units[9].strict, 0u);    // ASCII I: either i
  EXPECT_EQ(t.units[12].strict, 0u);   // İ may be a capitalised ASCII i
}

TEST(NormalizeTest, CapitalIBesideTurkishLettersIsDotless) {
  NormalizedText t;
  // Typed with Ş on a Turkish keyboard, whose capital i is İ: I is ı. Words
  // without such a letter keep I open ("SIK"), wherever they stand.
  Normalize("SIKIŞIK SIK SİKİŞ", {}, &t);
  ASSERT_EQ(t.letters, "sikisik sik sikis");
  EXPECT_EQ(t.units[1].strict, U'ı');
  EXPECT_EQ(t.units[3].strict, U'ı');
  EXPECT_EQ(t.units[4].strict, U'ş');
  EXPECT_EQ(t.units[9].strict, 0u);
  EXPECT_EQ(t.units[13].strict, 0u);  // İ
}

TEST(NormalizeTest, WordStartsBetweenPieces) {
  NormalizedText t;
  Normalize("sen,salak Amasya'da", {}, &t);
  ASSERT_EQ(t.letters, "sensalak amasyada");
  EXPECT_TRUE(t.units[0].start);
  EXPECT_TRUE(t.units[2].end_after);
  EXPECT_TRUE(t.units[3].start);       // salak after a comma
  EXPECT_TRUE(t.units[14].end_after);  // Amasya ends before the apostrophe
  EXPECT_FALSE(t.units[15].start);     // but "da" is a suffix, not a word
}

TEST(NormalizeTest, HashtagCamelCaseStartsWords) {
  NormalizedText t;
  Normalize("#HükümetAptal", {}, &t);
  ASSERT_EQ(t.letters, "hukumetaptal");
  EXPECT_TRUE(t.units[7].start);
}

TEST(NormalizeTest, SkippedRangesAreSpace) {
  NormalizedText t;
  // "bak salak.com salak": code points 4..13 skipped.
  Normalize("bak salak.com salak", {{4, 13}}, &t);
  EXPECT_EQ(t.letters, "bak salak");
  EXPECT_EQ(t.units[4].begin, 14);
}

TEST(HomoglyphTableTest, CyrillicGreekFullwidthAndNotTurkish) {
  const HomoglyphTable& table = HomoglyphTable::Get();
  EXPECT_EQ(table.Lookup(U'\u0430'), 'a');      // Cyrillic а
  EXPECT_EQ(table.Lookup(U'\u0410'), 'a');      // Cyrillic А
  EXPECT_EQ(table.Lookup(U'\u043E'), 'o');      // Cyrillic о
  EXPECT_EQ(table.Lookup(U'\u0435'), 'e');      // Cyrillic е
  EXPECT_EQ(table.Lookup(U'\u0440'), 'p');      // Cyrillic р
  EXPECT_EQ(table.Lookup(U'\u0441'), 'c');      // Cyrillic с
  EXPECT_EQ(table.Lookup(U'\u0456'), 'i');      // Cyrillic і
  EXPECT_EQ(table.Lookup(U'\u03BF'), 'o');      // Greek ο
  EXPECT_EQ(table.Lookup(U'\uFF41'), 'a');      // fullwidth a
  EXPECT_EQ(table.Lookup(U'\U0001D41A'), 'a');  // mathematical bold a
  EXPECT_EQ(table.Lookup(U'ş'), 0);  // Turkish letters are not evasions
  EXPECT_EQ(table.Lookup(U'ı'), 0);
  EXPECT_EQ(table.Lookup(U'\u0436'), 0);  // Cyrillic ж looks like no letter
}

}  // namespace
}  // namespace newsroom::lexicon::internal
