#include "classifier/dataset.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace newsroom::classifier {
namespace {

using ::testing::HasSubstr;

absl::StatusOr<std::vector<Example>> ParseString(const std::string& s) {
  std::istringstream in(s);
  return ParseOffensEvalTsv(in, "data.tsv");
}

TEST(ParseOffensEvalTsvTest, ReadsRowsAfterTheHeader) {
  absl::StatusOr<std::vector<Example>> data = ParseString(
      "id\ttweet\tsubtask_a\n"
      "20948\t@USER en güzel uyuyan insan ödülü\tNOT\r\n"
      "\n"
      "17442\tya amk dm atmıcan madem\tOFF\n");
  ASSERT_TRUE(data.ok()) << data.status();
  ASSERT_EQ(data->size(), 2u);
  EXPECT_EQ((*data)[0].id, "20948");
  EXPECT_EQ((*data)[0].text, "@USER en güzel uyuyan insan ödülü");
  EXPECT_FALSE((*data)[0].offensive);
  EXPECT_EQ((*data)[0].line, 2);
  EXPECT_EQ((*data)[1].id, "17442");
  EXPECT_TRUE((*data)[1].offensive);
  EXPECT_EQ((*data)[1].line, 4);
}

TEST(ParseOffensEvalTsvTest, BadLinesAreInvalidArgumentNamingTheLine) {
  struct Case {
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"1\tiki alan\n", "data.tsv:1: expected three tab-separated fields"},
      {"1\tbir\tNOT\n2\tdört\talan\tOFF\n", "data.tsv:2: expected three"},
      {"1\tbir\toff\n", "data.tsv:1: label must be OFF or NOT, got \"off\""},
      {"\tbir\tNOT\n", "data.tsv:1: empty id"},
      {"1\tbozuk \xC3\x28 metin\tNOT\n", "data.tsv:1: text is not valid UTF-8"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::vector<Example>> data = ParseString(c.text);
    ASSERT_FALSE(data.ok()) << c.message;
    EXPECT_EQ(data.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(data.status().message(), HasSubstr(c.message));
  }
}

TEST(ReadOffensEvalTsvTest, MissingFileIsNotFound) {
  absl::StatusOr<std::vector<Example>> data =
      ReadOffensEvalTsv("/nonexistent/offenseval.tsv");
  EXPECT_EQ(data.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(data.status().message(),
              HasSubstr("/nonexistent/offenseval.tsv"));
}

// The split is part of every reported figure: it must never change.
TEST(OffensEvalSplitTest, SplitOfIsStable) {
  struct Case {
    const char* id;
    Split split;
  };
  const Case cases[] = {
      {"20948", Split::kTest},  {"10906", Split::kTest},
      {"13520", Split::kDev},   {"17525", Split::kDev},
      {"10134", Split::kTrain}, {"23457", Split::kTrain},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SplitOf(c.id), c.split) << c.id;
  }
}

TEST(OffensEvalSplitTest, SplitIsEightyTenTen) {
  int counts[3] = {0, 0, 0};
  const int n = 100000;
  for (int i = 0; i < n; ++i) {
    ++counts[static_cast<int>(SplitOf(std::to_string(i)))];
  }
  EXPECT_NEAR(counts[0], 0.8 * n, 0.01 * n);
  EXPECT_NEAR(counts[1], 0.1 * n, 0.01 * n);
  EXPECT_NEAR(counts[2], 0.1 * n, 0.01 * n);
}

TEST(OffensEvalSplitTest, FoldsAreBalancedAndIndependentOfTheSplit) {
  const int folds = 5, n = 50000;
  std::vector<int> counts(folds, 0), dev_counts(folds, 0);
  for (int i = 0; i < n; ++i) {
    std::string id = std::to_string(i);
    int f = FoldOf(id, folds);
    ASSERT_GE(f, 0);
    ASSERT_LT(f, folds);
    ++counts[f];
    if (SplitOf(id) == Split::kDev) ++dev_counts[f];
  }
  for (int f = 0; f < folds; ++f) {
    EXPECT_NEAR(counts[f], n / folds, 0.04 * n / folds);
    // Every fold holds about a tenth of its ids in dev.
    EXPECT_NEAR(dev_counts[f], 0.1 * counts[f], 0.02 * counts[f]);
  }
}

TEST(OffensEvalSplitTest, NamesRoundTrip) {
  for (Split s : {Split::kTrain, Split::kDev, Split::kTest}) {
    EXPECT_EQ(ParseSplit(SplitName(s)), s);
  }
  EXPECT_EQ(ParseSplit("all"), std::nullopt);
  EXPECT_EQ(ParseSplit("Dev"), std::nullopt);
}

}  // namespace
}  // namespace newsroom::classifier
