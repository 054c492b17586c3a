// Precision, recall and F1 of an offensive-language decision on an
// OffensEval-format data set, and the helpers that tune and check a score:
// the macro-F1-optimal threshold and a calibration table.
//
//   absl::StatusOr<Evaluation> e = EvaluateFile(
//       "offenseval-tr-training-v1.tsv", Split::kDev,
//       [&](const Example& x) -> absl::StatusOr<bool> {
//         absl::StatusOr<Verdict> v = engine.Moderate(x.text);
//         if (!v.ok()) return v.status();
//         return AnyViolated(*v, {kInsult, kProfanity, kOffensive,
//         kBeliefAttack});
//       });
//   std::printf("%s", FormatEvaluation(*e).c_str());   // table, macro-F1
//
// Macro-F1 is the mean of the F1 of the OFF class and the F1 of the NOT
// class (the OffensEval 2020 measure). A decision function that fails on an
// example (for example text the engine rejects as empty) is counted as
// deciding NOT and reported in Evaluation::errors.
//
// All functions are thread-safe; EvaluateFile calls `decide` sequentially
// on the calling thread.
#ifndef NEWSROOM_CLASSIFIER_EVALUATE_H_
#define NEWSROOM_CLASSIFIER_EVALUATE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "classifier/dataset.h"

namespace newsroom::classifier {

// Counts for one class treated as positive.
struct ClassMetrics {
  int64_t true_positives = 0;
  int64_t false_positives = 0;
  int64_t false_negatives = 0;
  // 0 when undefined (no predicted or no actual positives).
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  int64_t support() const { return true_positives + false_negatives; }
};

struct Metrics {
  ClassMetrics offensive;      // OFF as the positive class
  ClassMetrics not_offensive;  // NOT as the positive class
  double macro_f1 = 0;
  double accuracy = 0;
  int64_t examples = 0;
};

// Metrics of `predicted` against `truth` (true = OFF).
// REQUIRES: truth.size() == predicted.size()
Metrics ComputeMetrics(const std::vector<bool>& truth,
                       const std::vector<bool>& predicted);

struct Evaluation {
  Metrics metrics;
  int64_t errors = 0;  // examples on which `decide` failed (counted as NOT)
  std::string data;    // what was evaluated, e.g. "file.tsv (dev split)"
};

// true = the comment is offensive.
using Decision = std::function<absl::StatusOr<bool>(const Example&)>;

// Evaluates `decide` on every example.
Evaluation Evaluate(std::span<const Example> examples, const Decision& decide);

// Reads a data file (any format of dataset.h) and evaluates `decide` on the
// examples of `split`, or on all of them when `split` is nullopt. Errors are
// those of ReadExamples, and InvalidArgument when the selection is
// empty.
absl::StatusOr<Evaluation> EvaluateFile(const std::string& path,
                                        std::optional<Split> split,
                                        const Decision& decide);

// A readable table: per class precision, recall, F1, support; macro-F1;
// accuracy; errors.
std::string FormatEvaluation(const Evaluation& evaluation);

// The threshold t on `scores` that maximises macro-F1 when score >= t means
// OFF: the midpoint between two adjacent distinct scores (or just below the
// smallest). Ties between thresholds go to the one nearest 0.5. Writes the
// macro-F1 reached to *macro_f1 when not null. 0.5 for empty input.
// REQUIRES: scores.size() == labels.size()
double BestThreshold(const std::vector<double>& scores,
                     const std::vector<bool>& labels,
                     double* macro_f1 = nullptr);

// One row of a calibration table: the examples whose score falls in
// [low, high), how many there are, how many are OFF, and their mean score.
struct CalibrationBucket {
  double low = 0;
  double high = 0;
  int64_t count = 0;
  int64_t offensive = 0;
  double mean_score = 0;
  // offensive / count: the precision of calling this bucket OFF (0 if empty).
  double observed() const {
    return count ? static_cast<double>(offensive) / count : 0;
  }
};

// `buckets` equal-width score buckets over [0, 1] (the last one includes 1).
// REQUIRES: scores.size() == labels.size(), buckets >= 1
std::vector<CalibrationBucket> CalibrationTable(
    const std::vector<double>& scores, const std::vector<bool>& labels,
    int buckets);

// A readable calibration table, also showing the precision and recall of
// "score >= low" for each bucket's lower bound.
std::string FormatCalibrationTable(const std::vector<CalibrationBucket>& table);

}  // namespace newsroom::classifier

#endif  // NEWSROOM_CLASSIFIER_EVALUATE_H_
