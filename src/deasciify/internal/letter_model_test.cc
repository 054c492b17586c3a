#include "deasciify/internal/letter_model.h"

#include <gtest/gtest.h>

#include <set>

#include "deasciify/internal/letters.h"
#include "text/turkish.h"

namespace newsroom::deasciify::internal {
namespace {

TEST(ContextByteTest, TurkishLettersAreTheCapitalOfTheirLookAlike) {
  const struct {
    char32_t restored;
    char byte;
  } kCases[] = {
      {U'ç', 'C'}, {U'ğ', 'G'}, {U'ı', 'I'}, {U'ö', 'O'}, {U'ş', 'S'},
      {U'ü', 'U'}, {U'a', 'a'}, {U'i', 'i'}, {U's', 's'}, {U'\'', '\''},
  };
  for (const auto& c : kCases) {
    EXPECT_EQ(ContextByte(c.restored), c.byte) << static_cast<int>(c.restored);
  }
}

// Windows as training counts them for the words "ışık" and "isim": the
// letters to the left as restored, the letter and those to its right as
// typed.
Model TwoWords() {
  Model m(/*max_left=*/2, /*max_right=*/3);
  auto add = [&](std::string_view key, std::u32string_view form) {
    const std::string bracketed = "^" + std::string(key) + "$";
    std::string restored = "^";
    for (char32_t c : form) restored.push_back(ContextByte(c));
    restored.push_back('$');
    const int n = static_cast<int>(bracketed.size());
    for (int pos = 1; pos + 1 < n; ++pos) {
      const char32_t turkish = text::TurkishCounterpart(bracketed[pos]);
      if (turkish == 0) continue;
      for (int l = 0; l <= 2 && pos - l >= 0; ++l) {
        for (int r = 0; r <= 3 && pos + r < n; ++r) {
          std::string window = restored.substr(pos - l, l);
          window.append(bracketed, pos, r + 1);
          m.AddPattern(l, window, form[pos - 1] == turkish, 1);
        }
      }
    }
  };
  add("isik", U"ışık");
  add("isim", U"isim");
  EXPECT_TRUE(m.Finish(1, 1).ok());
  return m;
}

TEST(LetterModelTest, TheLongestSeenWindowsDecide) {
  Model m = TwoWords();
  LetterModel letters(m);
  // "^is" was seen once each way; "^isik" only in ışık.
  EXPECT_GT(letters.TurkishProbability("^isik$", 1), 0.5);
  EXPECT_LT(letters.TurkishProbability("^isim$", 1), 0.5);
  // The restored letters on the left speak for the letters after them:
  // after "ı" the s of ışık, after "i" the s of isim.
  EXPECT_GT(letters.TurkishProbability("^Isik$", 2), 0.5);
  EXPECT_LT(letters.TurkishProbability("^isim$", 2), 0.5);
}

TEST(LetterModelTest, SpellingsComeLikeliestFirstAndDistinct) {
  Model m = TwoWords();
  LetterModel letters(m);
  std::vector<LetterModel::Spelling> s = letters.Spellings("isik", U"", 8);
  ASSERT_FALSE(s.empty());
  EXPECT_EQ(s[0].form, U"ışık");
  EXPECT_LT(s[0].log_p, 0);
  std::set<std::u32string> seen;
  for (size_t k = 0; k < s.size(); ++k) {
    EXPECT_EQ(s[k].form.size(), 4u);
    EXPECT_TRUE(seen.insert(s[k].form).second);
    if (k > 0) {
      EXPECT_LE(s[k].log_p, s[k - 1].log_p);
    }
  }
  // Three ambiguous letters: at most eight spellings, and the beam's width.
  EXPECT_EQ(s.size(), 8u);
  EXPECT_EQ(letters.Spellings("isik", U"", 3).size(), 3u);
}

TEST(LetterModelTest, APrefixIsKeptAsGiven) {
  Model m = TwoWords();
  LetterModel letters(m);
  for (const LetterModel::Spelling& s : letters.Spellings("isik", U"is", 8)) {
    EXPECT_EQ(s.form.substr(0, 2), U"is");
  }
  EXPECT_EQ(letters.Spellings("isik", U"is", 8).size(), 2u);  // the last i
}

}  // namespace
}  // namespace newsroom::deasciify::internal
