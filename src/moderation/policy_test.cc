#include "moderation/policy.h"

#include <gtest/gtest.h>

namespace newsroom::moderation {
namespace {

TEST(PolicyTest, TheShippedFileHoldsTheDefaults) {
  auto file = LoadPolicyFile(NEWSROOM_SOURCE_DIR "/config/policy.toml");
  ASSERT_TRUE(file.ok()) << file.status();
  Policy defaults;
  EXPECT_EQ(file->max_length, defaults.max_length);
  for (RuleId id : kAllRules) {
    const RulePolicy& a = file->ForRule(id);
    const RulePolicy& b = defaults.ForRule(id);
    EXPECT_EQ(a.enabled, b.enabled) << RuleIdName(id);
    EXPECT_EQ(a.threshold, b.threshold) << RuleIdName(id);
    EXPECT_EQ(a.review_threshold, b.review_threshold) << RuleIdName(id);
    EXPECT_EQ(a.action, b.action) << RuleIdName(id);
    EXPECT_EQ(a.allow, b.allow) << RuleIdName(id);
  }
  EXPECT_EQ(file->all_caps.min_letters, defaults.all_caps.min_letters);
  EXPECT_EQ(file->spelling.min_misspelled, defaults.spelling.min_misspelled);
  EXPECT_EQ(file->no_turkish_chars.min_words,
            defaults.no_turkish_chars.min_words);
}

TEST(PolicyTest, DefaultsAreTheRuleTables) {
  Policy p;
  EXPECT_EQ(p.max_length, rules::kDefaultMaxLength);
  for (RuleId id : kAllRules) {
    const rules::RuleSpec& spec = rules::Spec(id);
    const RulePolicy& r = p.ForRule(id);
    EXPECT_EQ(r.enabled, spec.defaults.enabled) << spec.name;
    EXPECT_EQ(r.threshold, spec.defaults.threshold) << spec.name;
    EXPECT_EQ(r.review_threshold.has_value(),
              spec.defaults.review_threshold >= 0)
        << spec.name;
    EXPECT_EQ(ActionName(r.action), spec.defaults.action) << spec.name;
    // Every setting of the table has its field, holding the default.
    for (int i = 0; i < spec.setting_count; ++i) {
      int* field = p.Setting(id, spec.settings[i].name);
      ASSERT_NE(field, nullptr) << spec.name << "." << spec.settings[i].name;
      EXPECT_EQ(*field, spec.settings[i].default_value);
    }
  }
  EXPECT_EQ(p.Setting(RuleId::kInsult, "min_letters"), nullptr);
  EXPECT_EQ(p.offensive.review_threshold, 0.45);
  EXPECT_EQ(p.spelling.action, Action::kReview);
  EXPECT_EQ(p.all_caps.min_letters, 6);
}

TEST(PolicyTest, ReadsSettings) {
  auto p = ParsePolicy(R"(
[comments]
max_length = 2000
[rules.spelling]
enabled = false
[rules.all_caps]
threshold = 0.8
review_threshold = 0.6
action = "review"
allow = ["HaberTürk"]
min_letters = 10
)",
                       "p.toml");
  ASSERT_TRUE(p.ok()) << p.status();
  EXPECT_EQ(p->max_length, 2000);
  EXPECT_FALSE(p->spelling.enabled);
  EXPECT_DOUBLE_EQ(p->all_caps.threshold, 0.8);
  EXPECT_DOUBLE_EQ(*p->all_caps.review_threshold, 0.6);
  EXPECT_EQ(p->all_caps.action, Action::kReview);
  EXPECT_EQ(p->all_caps.allow, std::vector<std::string>{"habertürk"});
  EXPECT_EQ(p->all_caps.min_letters, 10);
  EXPECT_TRUE(p->insult.enabled);
}

TEST(PolicyTest, BrokenFilesNameTheLineAndKey) {
  struct Case {
    const char* toml;
    const char* message;
  };
  const Case cases[] = {
      {"[rules.all_caps]\ntreshold = 0.5\n",
       "p.toml:2: rules.all_caps.treshold: unknown key"},
      {"[rules.all_caps]\nthreshold = 1.5\n",
       "p.toml:2: rules.all_caps.threshold: must be between"},
      {"[rules.all_caps]\nthreshold = \"high\"\n",
       "p.toml:2: rules.all_caps.threshold: must be a number"},
      {"[rules.spelling]\naction = \"delete\"\n",
       "p.toml:2: rules.spelling.action: must be \"reject\" or \"review\""},
      {"\n[rules.shouting]\nenabled = true\n",
       "p.toml:2: rules.shouting: unknown rule"},
      {"[comments]\nmax_length = -3\n",
       "p.toml:2: comments.max_length: must be between"},
      {"[rules.all_caps]\nenabled = \"yes\"\n",
       "p.toml:2: rules.all_caps.enabled: must be true or false"},
      {"[rules.all_caps]\nallow = [1, 2]\n",
       "p.toml:2: rules.all_caps.allow: must be a list of words"},
      {"[rules.all_caps\n", "p.toml:1: "},
      {"[rules.all_caps]\nthreshold = 0.5\nreview_threshold = 0.9\n",
       "review_threshold: must not be above threshold"},
      {"[rules.spelling]\nmin_letters = 3\n",
       "p.toml:2: rules.spelling.min_letters: unknown key"},
  };
  for (const Case& c : cases) {
    auto p = ParsePolicy(c.toml, "p.toml");
    ASSERT_FALSE(p.ok()) << c.toml;
    EXPECT_EQ(p.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(p.status().message().find(c.message), std::string::npos)
        << "got: " << p.status().message();
  }
}

TEST(PolicyTest, MissingFileIsNotFound) {
  EXPECT_EQ(LoadPolicyFile("/nonexistent/policy.toml").status().code(),
            absl::StatusCode::kNotFound);
}

}  // namespace
}  // namespace newsroom::moderation
