#include "deasciify/internal/letters.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsroom::deasciify::internal {
namespace {

TEST(LettersTest, ParsesAsciiWordsIntoLowerCaseKeys) {
  struct Case {
    const char* word;
    const char* key;
    int ambiguous;
    bool capitals;
  };
  const Case cases[] = {
      {"ISIK", "isik", 3, true},
      {"Istanbul'da", "istanbul'da", 3, false},
      {"Turkiye\u2019nin", "turkiye'nin", 3, false},
      {"cok", "cok", 2, false},
      {"haber", "haber", 0, false},
      {"sayfasi1", "sayfasi1", 3, false},
      {"3'unu", "3'unu", 2, false},
      {"I", "i", 1, true},
  };
  for (const Case& c : cases) {
    TypedWord w;
    ASSERT_TRUE(ParseTypedWord(c.word, &w)) << c.word;
    EXPECT_EQ(w.key, c.key) << c.word;
    EXPECT_EQ(w.ambiguous, c.ambiguous) << c.word;
    EXPECT_EQ(w.capitals, c.capitals) << c.word;
  }
}

TEST(LettersTest, RejectsWordsThatAreNotPlainAscii) {
  for (const char* word :
       {"çok", "güzel", "naïve", "a-b", "'abc", "abc'", "2026", "", "e.g"}) {
    TypedWord w;
    EXPECT_FALSE(ParseTypedWord(word, &w)) << word;
  }
}

TEST(LettersTest, PutsTheTypedCaseBackOnTheRestoredWord) {
  struct Case {
    const char* typed;
    std::u32string restored;
    const char* expected;
  };
  const Case cases[] = {
      {"ISIK", U"ışık", "IŞIK"},
      {"Isik", U"ışık", "Işık"},
      {"Istanbul", U"istanbul", "İstanbul"},
      {"ISTANBUL'DA", U"istanbul'da", "İSTANBUL'DA"},
      {"Turkiye\u2019nin", U"türkiye'nin", "Türkiye\u2019nin"},
      {"cok", U"çok", "çok"},
      {"iPhone", U"iphone", "iPhone"},
  };
  for (const Case& c : cases) {
    TypedWord w;
    ASSERT_TRUE(ParseTypedWord(c.typed, &w)) << c.typed;
    EXPECT_EQ(ApplyTypedCase(w, c.restored), c.expected) << c.typed;
  }
}

TEST(LettersTest, ContextKeysFoldEverySpellingTogether) {
  EXPECT_EQ(ContextKey("İSTANBUL'DA"), "istanbul'da");
  EXPECT_EQ(ContextKey("Güzel"), "guzel");
  EXPECT_EQ(ContextKey("Turkiye\u2019nin"), "turkiye'nin");
  EXPECT_EQ(ContextKey("BU"), "bu");
}

TEST(LettersTest, CutsWordsAtDigitsAndDots) {
  auto pieces = [](std::string_view word) {
    std::vector<std::string> out;
    bool cut =
        ForEachPiece(word, [&](std::string_view p) { out.emplace_back(p); });
    if (!cut) out.push_back("<whole>");
    return out;
  };
  EXPECT_EQ(pieces("T.DAG"), (std::vector<std::string>{"T", "DAG"}));
  EXPECT_EQ(pieces("sayfasi1"), (std::vector<std::string>{"sayfasi"}));
  EXPECT_EQ(pieces("3'unu"), (std::vector<std::string>{"<whole>"}));
  EXPECT_EQ(pieces("guzel"), (std::vector<std::string>{"<whole>"}));
}

}  // namespace
}  // namespace newsroom::deasciify::internal
