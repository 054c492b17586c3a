#include "lexicon/evasion.h"

#include <set>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsroom::lexicon {
namespace {

using ::testing::AnyOf;
using ::testing::HasSubstr;
using ::testing::Not;

Entry Make(const char* term, uint32_t flags,
           langid::Language language = langid::Language::kTurkish) {
  Entry e;
  e.term = term;
  e.flags = flags;
  e.language = language;
  return e;
}

TEST(EvasionTest, SurfaceFormOfABoundRootHasASuffix) {
  EXPECT_EQ(SurfaceForm(Make("am", kBound | kSuffixes)), "amına");
  EXPECT_EQ(SurfaceForm(Make("göt", kSuffixes)), "göt");
}

TEST(EvasionTest, SuffixesFollowHarmonyAndSoftening) {
  Entry kopek = Make("köpek", kSuffixes);
  std::set<std::string> seen;
  std::mt19937 rng(7);
  for (int i = 0; i < 200; ++i)
    seen.insert(*Disguise(kopek, "köpek", DisguiseKind::kSuffix, rng));
  EXPECT_EQ(seen, (std::set<std::string>{"köpeklerin", "köpeği", "köpeksin",
                                         "köpeğe"}));
  Entry sik = Make("sik", kVerb | kSuffixes);
  seen.clear();
  for (int i = 0; i < 200; ++i)
    seen.insert(*Disguise(sik, "sik", DisguiseKind::kSuffix, rng));
  EXPECT_EQ(seen, (std::set<std::string>{"siktir", "sikerim", "sikeyim"}));
  EXPECT_FALSE(Disguise(Make("amk", 0), "amk", DisguiseKind::kSuffix, rng));
}

TEST(EvasionTest, EachKindChangesTheWordItsWay) {
  Entry e = Make("şerefsiz", kSuffixes);
  std::mt19937 rng(1);
  for (int i = 0; i < 50; ++i) {
    EXPECT_EQ(*Disguise(e, "şerefsiz", DisguiseKind::kFolded, rng), "serefsiz");
    EXPECT_EQ(*Disguise(e, "şerefsiz", DisguiseKind::kUpper, rng), "ŞEREFSİZ");
    std::string leet = *Disguise(e, "şerefsiz", DisguiseKind::kLeet, rng);
    EXPECT_NE(leet, "şerefsiz");
    EXPECT_EQ(leet.find_first_of("0123456789@$!") == std::string::npos, false)
        << leet;
    std::string rep = *Disguise(e, "şerefsiz", DisguiseKind::kRepeated, rng);
    EXPECT_THAT(rep, AnyOf(HasSubstr("eee"), HasSubstr("iii"))) << rep;
    std::string sep = *Disguise(e, "şerefsiz", DisguiseKind::kSeparated, rng);
    EXPECT_EQ(sep.size(), std::string("şerefsiz").size() + 7) << sep;
    std::string homo = *Disguise(e, "şerefsiz", DisguiseKind::kHomoglyph, rng);
    EXPECT_THAT(homo, Not(HasSubstr("erefsiz"))) << homo;
  }
  // Kinds that do not apply.
  EXPECT_FALSE(Disguise(e, "salak", DisguiseKind::kFolded, rng));
  EXPECT_FALSE(Disguise(e, "hmm", DisguiseKind::kLeet, rng));
}

TEST(EvasionTest, SeveralWordsKeepTheirSpace) {
  Entry e = Make("kill yourself", 0, langid::Language::kEnglish);
  std::mt19937 rng(3);
  for (int i = 0; i < 20; ++i) {
    std::string sep =
        *Disguise(e, "kill yourself", DisguiseKind::kSeparated, rng);
    EXPECT_EQ(std::count(sep.begin(), sep.end(), ' '), 1) << sep;
  }
}

TEST(EvasionTest, SameSeedSameVariants) {
  Entry e = Make("salak", kSuffixes);
  std::mt19937 a(42), b(42);
  for (int k = 0; k < kDisguiseKinds; ++k) {
    auto kind = static_cast<DisguiseKind>(k);
    EXPECT_EQ(Disguise(e, "salak", kind, a), Disguise(e, "salak", kind, b))
        << DisguiseKindName(kind);
  }
}

}  // namespace
}  // namespace newsroom::lexicon
