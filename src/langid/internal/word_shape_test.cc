#include "langid/internal/word_shape.h"

#include <gtest/gtest.h>

namespace newsroom::langid::internal {
namespace {

TEST(WordShapeTest, LowerCasesAndFoldsTurkishLetters) {
  struct Case {
    const char* word;
    const char* lower;
    const char* fold;
  };
  const Case cases[] = {
      {"DEĞİL", "değil", "degil"},
      {"Işık", "işık", "isik"},  // simple case mapping: I → i,
      {"ISIK", "isik", "isik"},
      {"İstanbul'da", "istanbul'da", "istanbul'da"},
      {"Türkiye’nin", "türkiye'nin", "turkiye'nin"},
      {"hâlâ", "hâlâ", "hala"},
      {"Straße", "straße", "straße"},
      {"Azərbaycan", "azərbaycan", "azərbaycan"},
      {"don't", "don't", "don't"},
  };
  WordShape shape;
  for (const Case& c : cases) {
    AnalyzeWord(c.word, &shape);
    EXPECT_EQ(shape.lower, c.lower) << c.word;
    EXPECT_EQ(shape.fold, c.fold) << c.word;
  }
}

TEST(WordShapeTest, SortsLettersIntoClasses) {
  struct Case {
    const char* word;
    uint32_t letters;
  };
  const Case cases[] = {
      {"guzel", 0},
      {"ağaç", kTurkishOnlyLetter | kTurkishSharedLetter},
      {"İzmir", kTurkishOnlyLetter},
      {"güzel", kTurkishSharedLetter},
      {"öffnen", kTurkishSharedLetter},
      {"millî", kCircumflexLetter},
      {"Azərbaycan", kSchwaLetter},
      {"açmaq", kTurkishSharedLetter | kQwxLetter},
      {"café", kForeignLatinLetter},
      {"Straße", kForeignLatinLetter},
      {"привет", kNonLatinLetter},
      {"Ankara'da", kApostrophe},
      {"it’s", kApostrophe},
      {"wow", kQwxLetter},
  };
  WordShape shape;
  for (const Case& c : cases) {
    AnalyzeWord(c.word, &shape);
    EXPECT_EQ(shape.letters, c.letters) << c.word;
  }
}

TEST(WordShapeTest, ReusesTheShapeBetweenWords) {
  WordShape shape;
  AnalyzeWord("ŞİMDİ", &shape);
  AnalyzeWord("now", &shape);
  EXPECT_EQ(shape.lower, "now");
  EXPECT_EQ(shape.fold, "now");
  EXPECT_EQ(shape.letters, kQwxLetter);
}

}  // namespace
}  // namespace newsroom::langid::internal
