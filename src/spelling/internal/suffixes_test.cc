#include "spelling/internal/suffixes.h"

#include <gtest/gtest.h>

namespace newsroom::spelling::internal {
namespace {

TEST(SuffixesTest, NominalChainsAfterAnApostrophe) {
  for (std::u32string_view ok :
       {U"", U"da", U"nun", U"in", U"dakiler", U"lerinden", U"ndeki", U"ydı",
        U"dır", U"larımızdan", U"ye", U"yle"}) {
    EXPECT_TRUE(IsNominalSuffixChain(ok)) << ok.size();
  }
  for (std::u32string_view bad :
       {U"dz", U"xyz", U"dadan", U"kidaki", U"lar lar"}) {
    EXPECT_FALSE(IsNominalSuffixChain(bad)) << bad.size();
  }
}

TEST(SuffixesTest, ClosingSuffixesFollowHarmonyAndAssimilation) {
  struct Case {
    std::u32string_view word;
    size_t stem;  // 0: no split expected
  };
  const Case cases[] = {
      {U"görüntülenecektir", 14},  // -k + tir: voiceless k, front i
      {U"algoritmadır", 9},        // vowel a → ı
      {U"seçiliyken", 6},          // vowel + yken
      {U"belgenizdeki", 10},       // locative + ki
      {U"eklemenizle", 9},         // consonant + le
      {U"görüntülenecektır", 0},   // ı breaks front harmony
      {U"görüntülenecekdir", 0},   // d after voiceless k
      // Personal endings of the copula and the past.
      {U"barmenim", 6},     // consonant + im
      {U"ateşliyim", 6},    // vowel + yim
      {U"atletiksin", 7},   // sin
      {U"sızdırdınız", 6},  // past + ınız
      {U"kitaptık", 5},     // t after voiceless p
      {U"barmenım", 0},     // ı breaks front harmony
      {U"kitapdık", 0},     // d after voiceless p
  };
  for (const Case& c : cases) {
    std::vector<size_t> splits = ClosingSuffixSplits(c.word);
    if (c.stem == 0) {
      EXPECT_TRUE(splits.empty()) << c.word.size();
    } else {
      EXPECT_NE(std::find(splits.begin(), splits.end(), c.stem), splits.end())
          << c.word.size();
    }
  }
}

TEST(SuffixesTest, ClosingSuffixesAsWrittenAfterAStem) {
  EXPECT_EQ(ClosingSuffixesAfter(U"kahveler"),
            (std::vector<std::u32string>{U"dir", U"dirler", U"di", U"miş",
                                         U"se", U"ken", U"le"}));
  EXPECT_EQ(ClosingSuffixesAfter(U"görüntülenecek"),
            (std::vector<std::u32string>{U"tir", U"tirler", U"ti", U"miş",
                                         U"se", U"ken", U"le"}));
  EXPECT_EQ(ClosingSuffixesAfter(U"okulda"),  // after a vowel: y; and -ki
            (std::vector<std::u32string>{U"dır", U"dırlar", U"ydı", U"ymış",
                                         U"ysa", U"yken", U"yla", U"ki"}));
  EXPECT_TRUE(ClosingSuffixesAfter(U"tv").empty());  // no vowel
  // Every suffix given splits the word where the stem ends.
  for (const std::u32string& suffix : ClosingSuffixesAfter(U"belgenizde")) {
    std::vector<size_t> splits = ClosingSuffixSplits(U"belgenizde" + suffix);
    EXPECT_NE(std::find(splits.begin(), splits.end(), 10u), splits.end());
  }
}

}  // namespace
}  // namespace newsroom::spelling::internal
