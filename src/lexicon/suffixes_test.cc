#include "lexicon/internal/suffixes.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsroom::lexicon::internal {
namespace {

using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Not;

// After a root ending in a consonant (aptal, sik, am).
bool Whole(const SuffixGrammar& g, std::string_view s,
           SuffixGrammar::Start start, char before = 'l') {
  std::vector<int> ends = g.Accepts(s, start, before);
  return !ends.empty() && ends.back() == static_cast<int>(s.size());
}

TEST(SuffixGrammarTest, TurkishNounSuffixes) {
  const SuffixGrammar& g = SuffixGrammar::Turkish();
  const auto kNoun = SuffixGrammar::kNoun;
  // aptal-sın, aptal-lar, aptal-lar-ın, köpeğ-in, am-ı-na, şerefsiz-ler-e,
  // aptal-lık, salak-mı-sın, aptal-laş-ıyor.
  for (const char* s : {"sin", "lar", "larin", "in", "ina", "lere", "lik",
                        "misin", "lasiyor", "ca", "ligi", "siniz", "dir"}) {
    EXPECT_TRUE(Whole(g, s, kNoun)) << s;
  }
  // Not suffixes: ambulans (am-bulans), amir (verb -ir on a noun), amaç,
  // Amasya, aman (-n is a person ending only after -di/-se).
  for (const char* s : {"bulans", "ir", "ac", "asya", "an", "xyz"}) {
    EXPECT_FALSE(Whole(g, s, kNoun)) << s;
  }
}

TEST(SuffixGrammarTest, TurkishVerbSuffixes) {
  const SuffixGrammar& g = SuffixGrammar::Turkish();
  const auto kVerb = SuffixGrammar::kVerb;
  // sik-tir, sik-er-im, sik-tig-im-in, sik-eyim, sik-me, sik-il-di, sik-im.
  for (const char* s : {"tir", "erim", "tigimin", "eyim", "me", "ildi", "im",
                        "tirin", "iyorum", "ecegim"}) {
    EXPECT_TRUE(Whole(g, s, kVerb)) << s;
  }
  EXPECT_FALSE(Whole(g, "ke", kVerb));  // sikke: sik + ke
}

TEST(SuffixGrammarTest, ReportsEveryPrefixThatEndsASuffixChain) {
  const SuffixGrammar& g = SuffixGrammar::Turkish();
  // "ina": ı (possessive or accusative), ın (genitive), ı-na (dative).
  EXPECT_THAT(g.Accepts("ina", SuffixGrammar::kNoun, 'm'),
              ElementsAre(1, 2, 3));
  EXPECT_THAT(g.Accepts("bulans", SuffixGrammar::kNoun, 'm'), IsEmpty());
}

TEST(SuffixGrammarTest, VowelsAndBuffersAlternate) {
  const SuffixGrammar& g = SuffixGrammar::Turkish();
  // After a consonant: -a, -ı; after a vowel: -ya, -yı, -sı.
  EXPECT_TRUE(Whole(g, "a", SuffixGrammar::kNoun, 'k'));
  EXPECT_FALSE(Whole(g, "a", SuffixGrammar::kNoun, 'u'));
  EXPECT_TRUE(Whole(g, "ya", SuffixGrammar::kNoun, 'u'));
  EXPECT_FALSE(Whole(g, "ya", SuffixGrammar::kNoun, 'k'));
  EXPECT_TRUE(Whole(g, "su", SuffixGrammar::kNoun, 'u'));
  // sıçra is not sıç + aorist -r + -a: -r follows only a vowel.
  EXPECT_FALSE(Whole(g, "ra", SuffixGrammar::kVerb, 'c'));
}

TEST(SuffixGrammarTest, EnglishInflections) {
  const SuffixGrammar& g = SuffixGrammar::English();
  for (const char* s : {"s", "ing", "er", "ers", "ed", "y", "ies", "in"}) {
    EXPECT_TRUE(Whole(g, s, SuffixGrammar::kNoun)) << s;
  }
  // assist = ass + ist, cocktail = cock + tail, Dickens = dick + ens.
  for (const char* s : {"ist", "tail", "ens", "ume"}) {
    EXPECT_THAT(g.Accepts(s, SuffixGrammar::kNoun, 's'),
                Not(Contains(static_cast<int>(strlen(s)))))
        << s;
  }
}

}  // namespace
}  // namespace newsroom::lexicon::internal
