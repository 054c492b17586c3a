#include "deasciify/internal/letter_model.h"

#include <gtest/gtest.h>

#include <set>

#include "deasciify/internal/letters.h"
#include "text/turkish.h"

namespace newsroom::deasciify::internal {
namespace {

TEST(FlipEnumeratorTest, GivesEverySubsetOnceInOrderOfCost) {
  const std::vector<double> costs = {0.5, 1.0, 1.0, 2.5, 4.0};
  FlipEnumerator flips(costs);
  std::set<uint64_t> seen;
  double last = -1;
  uint64_t mask;
  double cost;
  while (flips.Next(&mask, &cost)) {
    EXPECT_TRUE(seen.insert(mask).second) << mask;
    EXPECT_GE(cost, last);
    double sum = 0;
    for (size_t i = 0; i < costs.size(); ++i) {
      if ((mask >> i) & 1) sum += costs[i];
    }
    EXPECT_DOUBLE_EQ(cost, sum);
    last = cost;
  }
  EXPECT_EQ(seen.size(), 32u);
}

TEST(FlipEnumeratorTest, NoCostsGiveOnlyTheEmptySubset) {
  const std::vector<double> costs;
  FlipEnumerator flips(costs);
  uint64_t mask;
  double cost;
  ASSERT_TRUE(flips.Next(&mask, &cost));
  EXPECT_EQ(mask, 0u);
  EXPECT_FALSE(flips.Next(&mask, &cost));
}

// Windows as training would count them for the words "ışık" and "isim".
Model TwoWords() {
  Model m(/*max_left=*/2, /*max_right=*/3);
  auto add = [&](std::string_view bracketed, std::u32string_view form) {
    for (int pos = 1; pos + 1 < static_cast<int>(bracketed.size()); ++pos) {
      char32_t turkish = text::TurkishCounterpart(bracketed[pos]);
      if (turkish == 0) continue;
      for (int l = 0; l <= 2 && pos - l >= 0; ++l) {
        for (int r = 0; r <= 3 && pos + r < static_cast<int>(bracketed.size());
             ++r) {
          m.AddPattern(l, bracketed.substr(pos - l, l + r + 1),
                       form[pos - 1] == turkish, 1);
        }
      }
    }
  };
  add("^isik$", U"ışık");
  add("^isim$", U"isim");
  EXPECT_TRUE(m.Finish(1, 1).ok());
  return m;
}

TEST(LetterModelTest, TheLongestSeenWindowsDecide) {
  Model m = TwoWords();
  LetterModel letters(m);
  // "^is" was seen once each way; "^isik" only in ışık.
  EXPECT_GT(letters.TurkishProbability("^isik$", 1), 0.5);
  EXPECT_LT(letters.TurkishProbability("^isim$", 1), 0.5);
  // The final k and m settle the middle letters too.
  EXPECT_GT(letters.TurkishProbability("^isik$", 3), 0.5);
  EXPECT_LT(letters.TurkishProbability("^isim$", 3), 0.5);
}

TEST(LetterModelTest, ChoosesEachLetterAndListsItsCost) {
  Model m = TwoWords();
  LetterModel letters(m);
  std::u32string best(U"isik");
  std::vector<AmbiguousLetter> ambiguous;
  double log_p = letters.Choose("isik", 0, &best, &ambiguous);
  EXPECT_EQ(best, U"ışık");
  ASSERT_EQ(ambiguous.size(), 3u);  // i, s, i
  EXPECT_LT(log_p, 0);
  for (const AmbiguousLetter& a : ambiguous) EXPECT_GT(a.cost, 0);
  // Letters before first_free are kept.
  best = U"isik";
  letters.Choose("isik", 2, &best, &ambiguous);
  EXPECT_EQ(best.substr(0, 2), U"is");
  EXPECT_EQ(ambiguous.size(), 1u);
}

}  // namespace
}  // namespace newsroom::deasciify::internal
