// OffensEval-format data sets and the fixed train/dev/test split.
//
//   absl::StatusOr<std::vector<Example>> data = ReadOffensEvalTsv(
//       "offenseval-tr-training-v1.tsv");
//   for (const Example& e : *data) {
//     if (SplitOf(e.id) == Split::kDev) Tune(e.text, e.offensive);
//   }
//
// ReadExamples (below) also reads the other data sets Newsroom learns from
// and is measured on: OLID and Davidson et al. for English, clean sentences,
// and the group-mention sets of data/eval/.
//
// The OffensEval file is UTF-8 TSV, `id<TAB>tweet<TAB>label` with label OFF or
// NOT and an optional header line whose first field is "id" (the OffensEval
// 2020 format, Çöltekin 2020, LREC).
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

enum class Split { kTrain, kDev, kTest };

struct Example {
  std::string id;
  std::string text;
  bool offensive = false;  // label OFF
  int line = 0;            // 1-based line in the file, for messages
  // The part of the data the example belongs to: SplitOf(id) for every
  // format but group sets, whose rows name their part (dev or test).
  Split split = Split::kTrain;
  // Group sets (data/eval/groups-*.tsv) only: the group the text mentions,
  // whether it is a faith or non-belief, and the row's kind ("neutral",
  // "corpus", "exclusion", …); empty and false elsewhere.
  std::string group;
  bool belief = false;
  std::string kind;
  // Weight in training (classifier/train.h); 1 for a labelled tweet.
  float weight = 1;
};

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

// The data sets Newsroom learns from and is measured on, told apart by
// their first line:
//   kOffensEval  `id<TAB>tweet<TAB>subtask_a` (as above)
//   kOlid        OLID 2019: `id<TAB>tweet<TAB>subtask_a<TAB>subtask_b<TAB>
//                subtask_c`; subtask_a is the label
//   kDavidson    Davidson et al. 2017, RFC 4180 CSV with the header
//                `,count,hate_speech,offensive_language,neither,class,tweet`;
//                class 0 (hate speech) and 1 (offensive) are OFF, 2 NOT;
//                the id is the first column
//   kGroupSet    data/eval/groups-*.tsv: `id<TAB>group<TAB>belief<TAB>label
//                <TAB>kind<TAB>part<TAB>text`, part dev or test
//   kWordNet     a WordNet 3.0 data file (data.noun, data.verb, data.adj,
//                data.adv; Debian's wordnet-base puts them in
//                /usr/share/wordnet), told by its licence header: the
//                quoted usage examples of its glosses of three words or
//                more ("he is one hell of a jumper"), each once, every one
//                NOT, the id the example itself; the examples of a sense
//                WordNet labels a slur, offensive, vulgar, obscene,
//                disparaging, derogatory, abusive or contemptuous are left
//                out. Clean English sentences, as kPlainText is for Turkish.
//   kPlainText   anything else: one clean sentence a line, every line NOT,
//                the id is the sentence itself (so a sentence repeated in
//                two files falls in the same split)
enum class DataFormat {
  kOffensEval,
  kOlid,
  kDavidson,
  kGroupSet,
  kWordNet,
  kPlainText
};

// "offenseval", "olid", "davidson", "groups", "wordnet", "text".
const char* DataFormatName(DataFormat format);

// Reads a file of any format above, each example with its split. `format`,
// when not null, receives the format detected. Errors: NotFound naming the
// file when it cannot be opened; InvalidArgument naming the file and line
// for a malformed line, an unknown label or part, or text that is not
// valid UTF-8 (a plain-text line that is not UTF-8 included).
absl::StatusOr<std::vector<Example>> ReadExamples(const std::string& path,
                                                  DataFormat* format = nullptr);

// The same from the file's contents; `name` stands for the file.
absl::StatusOr<std::vector<Example>> ParseExamples(
    std::string_view contents, const std::string& name,
    DataFormat* format = nullptr);

}  // namespace newsroom::classifier

#endif  // NEWSROOM_CLASSIFIER_DATASET_H_
