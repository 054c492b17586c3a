#include "spelling/internal/letters.h"

#include <gtest/gtest.h>

#include "text/utf8.h"

namespace newsroom::spelling::internal {
namespace {

TEST(LettersTest, TurkishCaseMapping) {
  EXPECT_EQ(text::ToUtf8(LowerTr(text::ToUtf32("IŞIK İSTANBUL'DA"))),
            "ışık istanbul'da");
  EXPECT_EQ(text::ToUtf8(UpperTr(text::ToUtf32("ışık istanbul"))),
            "IŞIK İSTANBUL");
  EXPECT_EQ(LowerTrUtf8("haber"), "haber");
  EXPECT_EQ(LowerTrUtf8("Çİğ"), "çiğ");
}

TEST(LettersTest, CaseShapes) {
  struct Case {
    const char* word;
    CaseShape shape;
  };
  const Case cases[] = {
      {"haber", CaseShape::kLower},     {"Haber", CaseShape::kTitle},
      {"Ankara'da", CaseShape::kTitle}, {"HABER", CaseShape::kUpper},
      {"TBMM'DE", CaseShape::kUpper},   {"LibreOffice", CaseShape::kMixed},
      {"iPhone", CaseShape::kMixed},    {"HAber", CaseShape::kMixed},
      {"123", CaseShape::kNone},        {"A", CaseShape::kTitle},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ShapeOf(text::ToUtf32(c.word)), c.shape) << c.word;
  }
  EXPECT_EQ(text::ToUtf8(ApplyShape(U"istanbul", CaseShape::kTitle)),
            "İstanbul");
  EXPECT_EQ(text::ToUtf8(ApplyShape(U"ışık", CaseShape::kUpper)), "IŞIK");
}

TEST(LettersTest, TurkishQKeyboardNeighbours) {
  EXPECT_TRUE(AreKeyboardNeighbours(U'a', U's'));
  EXPECT_TRUE(AreKeyboardNeighbours(U'ı', U'u'));
  EXPECT_TRUE(AreKeyboardNeighbours(U'ş', U'i'));  // row 2, side by side
  EXPECT_TRUE(AreKeyboardNeighbours(U'ğ', U'ş'));  // above and below
  EXPECT_TRUE(AreKeyboardNeighbours(U'ö', U'ç'));
  EXPECT_FALSE(AreKeyboardNeighbours(U'a', U'p'));
  EXPECT_FALSE(AreKeyboardNeighbours(U'a', U'a'));
  EXPECT_EQ(KeyboardNeighbours(U'é'), U"");
}

TEST(LettersTest, FoldKeepsWhatIsNotATurkishLetter) {
  EXPECT_EQ(Fold(U'ğ'), U'g');
  EXPECT_EQ(Fold(U'x'), U'x');
}

TEST(LettersTest, FoldEqualWordsDifferOnlyByTurkishLetters) {
  EXPECT_TRUE(FoldEqual(U"acmadik", U"açmadık"));
  EXPECT_TRUE(FoldEqual(U"açabıleceğımız", U"açabileceğimiz"));
  EXPECT_TRUE(FoldEqual(U"kâr", U"kar"));
  EXPECT_TRUE(FoldEqual(U"", U""));
  EXPECT_FALSE(FoldEqual(U"kalem", U"kalen"));  // a typo
  EXPECT_FALSE(FoldEqual(U"cok", U"çokk"));     // not the same length
}

}  // namespace
}  // namespace newsroom::spelling::internal
