#include "rules/rules.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace newsroom::rules {
namespace {

std::string Lower(const char* s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

TEST(RulesTest, EveryRowIsItsOwnId) {
  for (size_t i = 0; i < kAllRules.size(); ++i) {
    EXPECT_EQ(static_cast<size_t>(kAllRules[i]), i);
    EXPECT_EQ(Spec(kAllRules[i]).id, kAllRules[i]);
  }
}

TEST(RulesTest, NamesRoundTripAndOthersAreRefused) {
  const char* names[] = {"insult",        "profanity", "offensive",
                         "belief_attack", "spelling",  "no_turkish_chars",
                         "all_caps"};
  ASSERT_EQ(std::size(names), kAllRules.size());
  for (size_t i = 0; i < kAllRules.size(); ++i) {
    EXPECT_EQ(Name(kAllRules[i]), names[i]);
    EXPECT_EQ(FromName(names[i]), kAllRules[i]);
  }
  for (const char* bad : {"ALL_CAPS", "", "all caps", "shouting", "insult "}) {
    EXPECT_EQ(FromName(bad), std::nullopt) << bad;
  }
  EXPECT_EQ(std::string(NameList()),
            "insult, profanity, offensive, belief_attack, spelling, "
            "no_turkish_chars, all_caps");
}

TEST(RulesTest, EveryClauseStandsInThePolicyAndInItsMessage) {
  for (RuleId id : kAllRules) {
    const RuleSpec& s = Spec(id);
    EXPECT_NE(Lower(kPolicyText.tr).find(Lower(s.clause.tr)), std::string::npos)
        << s.name;
    EXPECT_NE(Lower(kPolicyText.en).find(Lower(s.clause.en)), std::string::npos)
        << s.name;
    EXPECT_NE(Lower(s.message.tr).find(Lower(s.clause.tr)), std::string::npos)
        << s.name;
    EXPECT_NE(Lower(s.message.en).find(Lower(s.clause.en)), std::string::npos)
        << s.name;
  }
}

TEST(RulesTest, FixLabelsComeInPairs) {
  std::set<std::string> with_fix;
  for (RuleId id : kAllRules) {
    const Text& fix = Spec(id).fix_label;
    EXPECT_EQ(fix.tr == nullptr, fix.en == nullptr) << Name(id);
    if (fix.tr != nullptr) with_fix.insert(std::string(Name(id)));
  }
  EXPECT_EQ(with_fix, (std::set<std::string>{"all_caps", "no_turkish_chars"}));
}

TEST(RulesTest, DefaultsAreSane) {
  for (RuleId id : kAllRules) {
    const Defaults& d = Spec(id).defaults;
    EXPECT_GE(d.threshold, 0) << Name(id);
    EXPECT_LE(d.threshold, 1) << Name(id);
    EXPECT_LE(d.review_threshold, d.threshold) << Name(id);
    EXPECT_TRUE(std::string(d.action) == "reject" ||
                std::string(d.action) == "review")
        << Name(id);
  }
  EXPECT_EQ(std::string(Spec(RuleId::kSpelling).defaults.action), "review");
  EXPECT_GT(kDefaultMaxLength, 0);
}

TEST(RulesTest, OnlyTurkishRulesSkipEnglish) {
  EXPECT_TRUE(Spec(RuleId::kNoTurkishChars).languages.turkish);
  EXPECT_FALSE(Spec(RuleId::kNoTurkishChars).languages.english);
  EXPECT_TRUE(Spec(RuleId::kAllCaps).languages.english);
  EXPECT_TRUE(Spec(RuleId::kAllCaps).languages.other);
  EXPECT_FALSE(Spec(RuleId::kSpelling).languages.other);
}

TEST(RulesTest, SettingsAreFoundByName) {
  const Setting* s = FindSetting(RuleId::kAllCaps, "min_letters");
  ASSERT_NE(s, nullptr);
  EXPECT_LE(s->min, s->default_value);
  EXPECT_LE(s->default_value, s->max);
  EXPECT_EQ(FindSetting(RuleId::kAllCaps, "min_words"), nullptr);
  EXPECT_EQ(FindSetting(RuleId::kInsult, "min_letters"), nullptr);
}

}  // namespace
}  // namespace newsroom::rules
