#include "classifier/evaluate.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

namespace newsroom::classifier {
namespace {

using ::testing::HasSubstr;

std::vector<bool> Bools(const std::string& s) {
  std::vector<bool> out;
  for (char c : s) out.push_back(c == '1');
  return out;
}

TEST(ComputeMetricsTest, BothClassesFromOneConfusionMatrix) {
  // OFF: tp 3, fn 2, fp 1; NOT: tn 4.
  Metrics m = ComputeMetrics(Bools("1111100000"), Bools("1110010000"));
  EXPECT_EQ(m.examples, 10);
  EXPECT_EQ(m.offensive.true_positives, 3);
  EXPECT_EQ(m.offensive.false_positives, 1);
  EXPECT_EQ(m.offensive.false_negatives, 2);
  EXPECT_EQ(m.offensive.support(), 5);
  EXPECT_DOUBLE_EQ(m.offensive.precision, 0.75);
  EXPECT_DOUBLE_EQ(m.offensive.recall, 0.6);
  EXPECT_NEAR(m.offensive.f1, 2 * 0.75 * 0.6 / 1.35, 1e-12);
  EXPECT_DOUBLE_EQ(m.not_offensive.precision, 4.0 / 6);
  EXPECT_DOUBLE_EQ(m.not_offensive.recall, 0.8);
  EXPECT_EQ(m.not_offensive.support(), 5);
  EXPECT_NEAR(m.macro_f1, (m.offensive.f1 + m.not_offensive.f1) / 2, 1e-12);
  EXPECT_DOUBLE_EQ(m.accuracy, 0.7);
}

TEST(ComputeMetricsTest, UndefinedRatiosAreZero) {
  Metrics m = ComputeMetrics(Bools("0000"), Bools("0000"));
  EXPECT_EQ(m.offensive.precision, 0);
  EXPECT_EQ(m.offensive.recall, 0);
  EXPECT_EQ(m.offensive.f1, 0);
  EXPECT_EQ(m.not_offensive.f1, 1);
  EXPECT_EQ(m.macro_f1, 0.5);
}

TEST(BestThresholdTest, FindsTheCutThatMaximisesMacroF1) {
  struct Case {
    std::vector<double> scores;
    std::string labels;
    double threshold;
    double macro_f1;
  };
  const Case cases[] = {
      // Separable: the cut between 0.3 and 0.7.
      {{0.1, 0.2, 0.3, 0.7, 0.9}, "00011", 0.5, 1.0},
      {{0.9, 0.05, 0.6, 0.2}, "1010", 0.4, 1.0},
      // All scores equal: calling everything OFF or nothing gives the same
      // macro-F1; ties go to the threshold nearest 0.5 (just above 0.2).
      {{0.2, 0.2}, "10", std::nextafter(0.2, 1.0), 1.0 / 3},
      // One positive ranked below a negative: cutting at 0.7 or at 0.25
      // reaches the same macro-F1; 0.7 is nearer 0.5.
      {{0.1, 0.4, 0.6, 0.8}, "0101", 0.7, 0.7333333333333334},
  };
  for (const Case& c : cases) {
    double f1 = -1;
    double t = BestThreshold(c.scores, Bools(c.labels), &f1);
    EXPECT_NEAR(t, c.threshold, 1e-12) << c.labels;
    EXPECT_NEAR(f1, c.macro_f1, 1e-12) << c.labels;
  }
  double f1 = -1;
  EXPECT_EQ(BestThreshold({}, {}, &f1), 0.5);
  EXPECT_EQ(f1, 0);
}

TEST(CalibrationTableTest, BucketsByScore) {
  std::vector<CalibrationBucket> t =
      CalibrationTable({0.0, 0.05, 0.15, 0.55, 0.95, 1.0}, Bools("000111"), 10);
  ASSERT_EQ(t.size(), 10u);
  EXPECT_EQ(t[0].count, 2);
  EXPECT_EQ(t[0].offensive, 0);
  EXPECT_DOUBLE_EQ(t[0].mean_score, 0.025);
  EXPECT_EQ(t[1].count, 1);
  EXPECT_EQ(t[5].count, 1);
  EXPECT_EQ(t[5].offensive, 1);
  EXPECT_EQ(t[9].count, 2);  // 1.0 falls in the last bucket
  EXPECT_EQ(t[9].offensive, 2);
  EXPECT_DOUBLE_EQ(t[9].observed(), 1.0);
  EXPECT_DOUBLE_EQ(t[9].low, 0.9);
  EXPECT_DOUBLE_EQ(t[9].high, 1.0);
  EXPECT_EQ(t[3].observed(), 0);
  std::string text = FormatCalibrationTable(t);
  EXPECT_THAT(text, HasSubstr("[0.90,1.00]      2      2"));
}

TEST(EvaluateDecisionTest, FailedDecisionsCountAsNot) {
  std::vector<Example> examples(3);
  examples[0].text = "aptal";
  examples[0].offensive = true;
  examples[1].text = "";
  examples[1].offensive = true;
  examples[2].text = "güzel";
  Evaluation e =
      Evaluate(examples, [](const Example& x) -> absl::StatusOr<bool> {
        if (x.text.empty()) return absl::InvalidArgumentError("empty");
        return x.text == "aptal";
      });
  EXPECT_EQ(e.errors, 1);
  EXPECT_EQ(e.metrics.offensive.true_positives, 1);
  EXPECT_EQ(e.metrics.offensive.false_negatives, 1);
  EXPECT_EQ(e.metrics.offensive.false_positives, 0);
  EXPECT_THAT(FormatEvaluation(e), HasSubstr("errors 1"));
}

TEST(EvaluateFileTest, SelectsTheSplit) {
  std::string path = testing::TempDir() + "/evaluate_test.tsv";
  {
    std::ofstream out(path);
    out << "id\ttweet\tsubtask_a\n";
    // 13520 and 17525 are dev ids, 20948 a test id (dataset_test.cc).
    out << "13520\tbir\tOFF\n17525\tiki\tNOT\n20948\tüç\tOFF\n";
  }
  int calls = 0;
  auto decide = [&](const Example& x) -> absl::StatusOr<bool> {
    ++calls;
    return x.offensive;
  };
  absl::StatusOr<Evaluation> dev = EvaluateFile(path, Split::kDev, decide);
  ASSERT_TRUE(dev.ok()) << dev.status();
  EXPECT_EQ(dev->metrics.examples, 2);
  EXPECT_EQ(dev->metrics.macro_f1, 1.0);
  EXPECT_THAT(dev->data, HasSubstr("(dev split)"));
  absl::StatusOr<Evaluation> all = EvaluateFile(path, std::nullopt, decide);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->metrics.examples, 3);
  EXPECT_EQ(calls, 5);
  absl::StatusOr<Evaluation> train = EvaluateFile(path, Split::kTrain, decide);
  EXPECT_EQ(train.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(
      EvaluateFile(path + ".missing", std::nullopt, decide).status().code(),
      absl::StatusCode::kNotFound);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace newsroom::classifier
