#include "moderation/rule_id.h"

#include <gtest/gtest.h>

#include "absl/strings/ascii.h"

namespace newsroom::moderation {
namespace {

TEST(RuleIdTest, NamesRoundTrip) {
  const char* names[] = {"insult",        "profanity", "offensive",
                         "belief_attack", "spelling",  "no_turkish_chars",
                         "all_caps"};
  for (size_t i = 0; i < kAllRules.size(); ++i) {
    EXPECT_EQ(RuleIdName(kAllRules[i]), names[i]);
    EXPECT_EQ(*ParseRuleId(names[i]), kAllRules[i]);
  }
  EXPECT_FALSE(ParseRuleId("ALL_CAPS").ok());
}

TEST(RuleIdTest, UnknownNamesListTheKnownOnes) {
  absl::StatusOr<RuleId> id = ParseRuleId("shouting");
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_NE(id.status().message().find("no_turkish_chars"), std::string::npos);
}

TEST(RuleIdTest, EveryClauseIsQuotedFromThePolicy) {
  // Case aside: "Hakaret" opens the Turkish policy.
  auto lower = [](const std::string& s) { return absl::AsciiStrToLower(s); };
  for (RuleId id : kAllRules) {
    EXPECT_NE(lower(PolicyText().tr).find(lower(Clause(id).tr)),
              std::string::npos)
        << RuleIdName(id);
    EXPECT_NE(PolicyText().en.find(Clause(id).en), std::string::npos)
        << RuleIdName(id);
    EXPECT_NE(lower(Message(id).tr).find(lower(Clause(id).tr)),
              std::string::npos);
    EXPECT_NE(Message(id).en.find(Clause(id).en), std::string::npos);
  }
}

TEST(RuleIdTest, LanguagesComeFromTheTable) {
  using langid::Language;
  EXPECT_TRUE(RunsOn(RuleId::kNoTurkishChars, Language::kTurkish));
  EXPECT_FALSE(RunsOn(RuleId::kNoTurkishChars, Language::kEnglish));
  EXPECT_TRUE(RunsOn(RuleId::kOffensive, Language::kEnglish));
  EXPECT_TRUE(RunsOn(RuleId::kSpelling, Language::kEnglish));
  EXPECT_FALSE(RunsOn(RuleId::kSpelling, Language::kOther));
  EXPECT_TRUE(RunsOn(RuleId::kAllCaps, Language::kOther));
}

}  // namespace
}  // namespace newsroom::moderation
