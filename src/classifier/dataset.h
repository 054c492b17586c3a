// OffensEval-format data sets and the fixed train/dev/test split.
//
//   absl::StatusOr<std::vector<Example>> data = ReadOffensEvalTsv(
//       "offenseval-tr-training-v1.tsv");
//   for (const Example& e : *data) {
//     if (SplitOf(e.id) == Split::kDev) Tune(e.text, e.offensive);
//   }
//
// The file is UTF-8 TSV, `id<TAB>tweet<TAB>label` with label OFF or NOT and
// an optional header line whose first field is "id" (the OffensEval 2020
// format, Çöltekin 2020, LREC).
//
// The split is a pure function of the id, so it is the same on every
// machine, for every seed and for every subset of the file: the id's bytes
// are hashed (64-bit FNV-1a, then the SplitMix64 finalizer) and the hash
// modulo 10 picks the part: 0–7 train (80 %), 8 dev (10 %: thresholds,
// calibration, hyper-parameters), 9 test (10 %: reported once).
//
// All functions are thread-safe.
#ifndef NEWSROOM_CLASSIFIER_DATASET_H_
#define NEWSROOM_CLASSIFIER_DATASET_H_

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace newsroom::classifier {

struct Example {
  std::string id;
  std::string text;
  bool offensive = false;  // label OFF
  int line = 0;            // 1-based line in the file, for messages
};

enum class Split { kTrain, kDev, kTest };

// "train", "dev", "test".
const char* SplitName(Split split);
// The split named `name` ("train", "dev", "test"); nullopt otherwise.
std::optional<Split> ParseSplit(std::string_view name);

// The part of the data `id` belongs to (see above).
Split SplitOf(std::string_view id);

// The cross-validation fold of `id` among `folds` (for tuning on the train
// split), from the same hash as SplitOf but independent of it.
// REQUIRES: folds >= 1
int FoldOf(std::string_view id, int folds);

// Reads an OffensEval TSV file. Errors: NotFound naming the file when it
// cannot be opened; InvalidArgument naming the file and line when a line
// does not have three tab-separated fields, its label is not OFF or NOT,
// its id is empty or its text is not valid UTF-8. Empty lines are skipped.
absl::StatusOr<std::vector<Example>> ReadOffensEvalTsv(const std::string& path);

// The same, from a stream; `name` stands for the file in messages.
absl::StatusOr<std::vector<Example>> ParseOffensEvalTsv(
    std::istream& in, const std::string& name);

}  // namespace newsroom::classifier

#endif  // NEWSROOM_CLASSIFIER_DATASET_H_
