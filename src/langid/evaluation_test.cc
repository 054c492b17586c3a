#include "langid/evaluation.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace newsroom::langid {
namespace {

TEST(EvaluationTest, SlicesAreFixedAndSpread) {
  // Fixed: the dev split must not move between runs or machines.
  EXPECT_EQ(SliceOf("20948"), SliceOf("20948"));
  int counts[10] = {};
  for (int id = 0; id < 10000; ++id) ++counts[SliceOf(std::to_string(id))];
  for (int c : counts) {
    EXPECT_GT(c, 850);
    EXPECT_LT(c, 1150);
  }
}

TEST(EvaluationTest, ReadsTheTweetsOfOneSlice) {
  std::string path = ::testing::TempDir() + "/tweets.tsv";
  {
    std::ofstream out(path);
    out << "id\ttweet\tsubtask_a\n";
    for (int id = 0; id < 200; ++id) {
      out << id << "\t@USER tweet " << id << " URL\tNOT\n";
    }
  }
  auto tweets = ReadOffensEvalTweets(path, 3);
  ASSERT_TRUE(tweets.ok()) << tweets.status();
  int want = 0;
  for (int id = 0; id < 200; ++id) want += SliceOf(std::to_string(id)) == 3;
  EXPECT_EQ(static_cast<int>(tweets->size()), want);
  for (const std::string& t : *tweets) {
    int id = std::stoi(t.substr(t.find("tweet ") + 6));
    EXPECT_EQ(SliceOf(std::to_string(id)), 3) << t;
    EXPECT_EQ(t.find('\t'), std::string::npos);
  }
  std::remove(path.c_str());
  auto missing = ReadOffensEvalTweets(path, 0);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), absl::StatusCode::kNotFound);
  EXPECT_NE(missing.status().message().find(path), std::string::npos);
}

TEST(EvaluationTest, ReadsDebianDescriptions) {
  const char* control =
      "Package: bash\n"
      "Description: GNU Bourne Again SHell\n"
      " Bash is an sh-compatible command language interpreter\n"
      " that executes commands.\n"
      " .\n"
      " Bash also incorporates useful features.\n"
      "Homepage: http://example.org/\n"
      "\n"
      "Package: x\n"
      "Description: short only\n";
  std::vector<std::string> want = {
      "GNU Bourne Again SHell",
      "Bash is an sh-compatible command language interpreter that executes "
      "commands.",
      "Bash also incorporates useful features.", "short only"};
  EXPECT_EQ(DebianDescriptions(control), want);
}

TEST(EvaluationTest, SplitsParagraphs) {
  std::vector<std::string> want = {"one two", "three"};
  EXPECT_EQ(Paragraphs("  one\ntwo\n\n\nthree\n"), want);
}

TEST(EvaluationTest, SamplesDistinctTextsOfASliceUpToACap) {
  std::vector<std::string> texts;
  for (int i = 0; i < 1000; ++i) texts.push_back("text " + std::to_string(i));
  texts.push_back(texts[0]);  // a duplicate
  std::vector<std::string> all;
  for (int s = 0; s < 10; ++s) {
    for (const std::string& t : SampleSlice(texts, s, 100000)) {
      EXPECT_EQ(SliceOf(t), s);
      all.push_back(t);
    }
  }
  EXPECT_EQ(all.size(), 1000u);
  EXPECT_EQ(SampleSlice(texts, 0, 5).size(), 5u);
  EXPECT_EQ(SampleSlice(texts, 0, 5), SampleSlice(texts, 0, 5));
}

TEST(EvaluationTest, LengthBuckets) {
  EXPECT_STREQ(LengthBucketName(LengthBucketOf(0)), "0");
  EXPECT_STREQ(LengthBucketName(LengthBucketOf(1)), "1-3");
  EXPECT_STREQ(LengthBucketName(LengthBucketOf(3)), "1-3");
  EXPECT_STREQ(LengthBucketName(LengthBucketOf(4)), "4-8");
  EXPECT_STREQ(LengthBucketName(LengthBucketOf(20)), "9-20");
  EXPECT_STREQ(LengthBucketName(LengthBucketOf(21)), ">20");
}

TEST(EvaluationTest, TalliesAnswersBySetBucketAndSystem) {
  IdentifierOptions cld2_only;
  cld2_only.use_cues = false;
  auto cld2 = Identifier::Create(cld2_only);
  auto full = Identifier::Create(IdentifierOptions());
  ASSERT_TRUE(cld2.ok() && full.ok());
  std::vector<LabeledSet> sets = {
      {"tr",
       Language::kTurkish,
       {"bu ne ya", "degil", "   ", "cok guzel olmus"}},
      {"en",
       Language::kEnglish,
       {"This is great news for everyone in the city"}}};
  EvalReport r = Evaluate(sets, {{"cld2", cld2->get()}, {"both", full->get()}},
                          std::nullopt, /*max_errors=*/5);
  ASSERT_EQ(r.sets.size(), 2u);
  EXPECT_EQ(r.sets[0].unparsable, 1);
  const auto& short_tr = r.sets[0].by_bucket[LengthBucketOf(2)];
  EXPECT_EQ(short_tr[0].total, 3);
  EXPECT_EQ(short_tr[1].total, 3);
  EXPECT_EQ(short_tr[1].correct, 3);
  EXPECT_LT(short_tr[0].correct, 3);  // CLD2 alone misses "bu ne ya"
  EXPECT_TRUE(r.sets[0].errors.empty());
  EXPECT_EQ(r.sets[1].by_bucket[LengthBucketOf(9)][1].correct, 1);
  ASSERT_EQ(r.micros_per_text.size(), 2u);
  std::string text = FormatReport(r);
  EXPECT_NE(text.find("cld2"), std::string::npos);
  EXPECT_NE(text.find("1-3"), std::string::npos);
  EXPECT_NE(text.find("100.0%"), std::string::npos);
}

}  // namespace
}  // namespace newsroom::langid
