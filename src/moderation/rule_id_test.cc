#include "moderation/rule_id.h"

#include <gtest/gtest.h>

namespace newsroom::moderation {
namespace {

TEST(RuleIdTest, NamesRoundTrip) {
  const char* names[] = {"insult",   "profanity",        "offensive",
                         "belief_attack", "spelling", "no_turkish_chars",
                         "all_caps"};
  for (size_t i = 0; i < kAllRules.size(); ++i) {
    EXPECT_EQ(RuleIdName(kAllRules[i]), names[i]);
    EXPECT_EQ(*ParseRuleId(names[i]), kAllRules[i]);
  }
  EXPECT_FALSE(ParseRuleId("ALL_CAPS").ok());
}

TEST(RuleIdTest, EveryClauseIsQuotedFromThePolicy) {
  for (RuleId id : kAllRules) {
    EXPECT_NE(PolicyText().tr.find(Clause(id).tr), std::string::npos)
        << RuleIdName(id);
    EXPECT_NE(PolicyText().en.find(Clause(id).en), std::string::npos)
        << RuleIdName(id);
    EXPECT_NE(Message(id).tr.find(Clause(id).tr), std::string::npos);
    EXPECT_NE(Message(id).en.find(Clause(id).en), std::string::npos);
  }
}

}  // namespace
}  // namespace newsroom::moderation
