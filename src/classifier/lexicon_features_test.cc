#include "classifier/lexicon_features.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>

namespace newsroom::classifier {
namespace {

using ::testing::IsEmpty;
using ::testing::Pair;
using ::testing::UnorderedElementsAre;

lexicon::Match M(lexicon::Category category, int severity,
                 bool ambiguous = false, uint32_t evasions = 0) {
  lexicon::Match m;
  m.category = category;
  m.severity = severity;
  m.ambiguous = ambiguous;
  m.evasions = evasions;
  return m;
}

std::vector<std::pair<std::string, float>> Pairs(
    const std::vector<lexicon::Match>& matches) {
  return LexiconFeatures(matches).ToPairs();
}

TEST(LexiconFeaturesTest, TurnsMatchesIntoNamedValues) {
  using lexicon::Category;
  const float log2 = static_cast<float>(std::log1p(1.0));
  const float log3 = static_cast<float>(std::log1p(2.0));
  struct Case {
    std::vector<lexicon::Match> matches;
    std::vector<std::pair<std::string, float>> features;
  };
  const Case cases[] = {
      {{}, {}},
      {{M(Category::kInsult, 1)},
       {{"lexicon_insult", log2},
        {"lexicon_abuse", 1},
        {"lexicon_severity_1", 1}}},
      {{M(Category::kProfanity, 2), M(Category::kProfanity, 3),
        M(Category::kInsult, 1, false, lexicon::kLeet)},
       {{"lexicon_profanity", log3},
        {"lexicon_insult", log2},
        {"lexicon_abuse", 1},
        {"lexicon_severity_3", 1},
        {"lexicon_evasion", 1}}},
      // An ambiguous entry (köpek) does not count as abuse or severity.
      {{M(Category::kInsult, 2, /*ambiguous=*/true)},
       {{"lexicon_insult", log2}, {"lexicon_ambiguous", 1}}},
      // A target (a group or a faith) carries no weight at all.
      {{M(Category::kBeliefTarget, 0)}, {}},
      {{M(Category::kGroupTarget, 0)}, {}},
      // Attack language is counted, and is not abuse by itself.
      {{M(Category::kExclusion, 2)}, {{"lexicon_exclusion", log2}}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Pairs(c.matches), c.features);
  }
}

TEST(LexiconFeaturesTest, FeatureNamesAreValidExtraFeatureNames) {
  using lexicon::Category;
  std::vector<lexicon::Match> all;
  for (int c = 0; c < lexicon::kCategoryCount; ++c) {
    all.push_back(M(static_cast<Category>(c), 2, false, lexicon::kFolded));
    all.push_back(M(static_cast<Category>(c), 1, true));
  }
  LexiconFeatures f(all);
  // Every category but the two kinds of target, and the four others.
  EXPECT_EQ(f.features().size(), LexiconFeatures::kMaxFeatures - 2);
  for (const ExtraFeature& e : f.features()) {
    ASSERT_FALSE(e.name.empty());
    for (char ch : e.name) {
      EXPECT_TRUE((ch >= 'a' && ch <= 'z') || ch == '_' ||
                  (ch >= '0' && ch <= '9'))
          << e.name;
    }
  }
}

TEST(LexiconFeatureFnTest, RunsTheMatcherOnTheDocument) {
  lexicon::Entry salak;
  salak.term = "salak";
  salak.category = lexicon::Category::kInsult;
  salak.severity = 1;
  salak.flags = lexicon::kSuffixes;
  auto matcher = lexicon::Matcher::Build({salak}, {});
  ASSERT_TRUE(matcher.ok()) << matcher.status();
  ExtraFeatureFn fn = LexiconFeatureFn(**matcher);
  auto offensive = text::Document::Parse("Sen tam bir s.a.l.a.k sın");
  auto clean = text::Document::Parse("Bugün hava çok güzel");
  ASSERT_TRUE(offensive.ok());
  ASSERT_TRUE(clean.ok());
  EXPECT_THAT(fn(*offensive),
              UnorderedElementsAre(Pair("lexicon_insult", std::log1p(1.f)),
                                   Pair("lexicon_abuse", 1.f),
                                   Pair("lexicon_severity_1", 1.f),
                                   Pair("lexicon_evasion", 1.f)));
  EXPECT_THAT(fn(*clean), IsEmpty());
}

}  // namespace
}  // namespace newsroom::classifier
