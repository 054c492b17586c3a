#include "spelling/internal/edit_distance.h"

#include <gtest/gtest.h>

namespace newsroom::spelling::internal {
namespace {

TEST(EditDistanceTest, WeightsTheSlipsPeopleMake) {
  struct Case {
    std::u32string_view typed, intended;
    float distance;
  };
  const Case cases[] = {
      {U"haber", U"haber", 0.0f},
      {U"bilgisyar", U"bilgisayar", 0.8f},  // a vowel left out
      {U"bilgisayr", U"bilgisayar", 0.8f},
      {U"bilgisaya", U"bilgisayar", 1.0f},  // a consonant left out
      {U"hbaer", U"haber", 0.7f},           // two letters swapped
      {U"güzek", U"güzel", 0.7f},           // k and l are neighbours
      {U"isik", U"ışık", 0.9f},             // three ASCII look-alikes
      {U"kitapp", U"kitap", 0.6f},          // a letter doubled
      {U"kitep", U"kitap", 0.9f},           // vowel for vowel
      {U"kitmp", U"kitap", 1.0f},           // m is far from a
      {U"", U"ev", 1.8f},
  };
  for (const Case& c : cases) {
    EXPECT_NEAR(TypingDistance(c.typed, c.intended), c.distance, 1e-5)
        << std::string(c.typed.begin(), c.typed.end()).size();
  }
}

TEST(EditDistanceTest, StopsEarlyAboveTheLimit) {
  EXPECT_GT(TypingDistance(U"abcdefgh", U"zyxwvuts", 1.0f), 1.0f);
  // Within the limit the exact value comes back.
  EXPECT_NEAR(TypingDistance(U"habrler", U"haberler", 1.0f), 0.8f, 1e-5);
  // A swap at the end is found even when a row goes over the limit.
  EXPECT_NEAR(TypingDistance(U"ab", U"ba", 0.7f), 0.7f, 1e-5);
}

}  // namespace
}  // namespace newsroom::spelling::internal
