// Deniz Yuret's deasciifier, rebuilt from his published method: the peer
// Newsroom's restorer is measured against (Emacs' turkish-mode,
// deasciifier.com and most Turkish tools use his lists). It is not on the
// request path; `newsroom eval deasciify --peer` runs it beside ours.
//
//   DecisionListTrainOptions options;
//   absl::StatusOr<std::string> file =
//       TrainDecisionLists(sentences, options, &stats);   // clean Turkish
//   auto peer = DecisionLists::FromModelText(*file, "yuret.model");
//   (*peer)->Restore("cok guzel bir haber");  // "çok güzel bir haber"
//
// The method (Yuret and de la Maza, "The Greedy Prepend Algorithm for
// Decision List Induction", 2006; turkish-mode.el). Each of c g i o s u has
// a decision list: context patterns, each with a rank and a sign. Text is
// restored left to right. At a letter, the context is 10 characters either
// side with the letter itself written X: on the left the text as already
// restored, its Turkish letters written as the capital of their ASCII
// look-alike (ş → S) and other letters in ASCII lower case; on the right
// the rest of the word in ASCII lower case and one space; runs of anything
// but letters are one space. Every substring of the context that contains
// the X is looked up; the pattern of the smallest rank that is found
// decides, by its sign, whether the letter is the Turkish one (for i:
// whether it is the dotless ı). The lists are learnt from clean text by the
// Greedy Prepend Algorithm: starting from the majority answer, repeatedly
// put in front of the list the pattern and answer that fix the most
// training letters (fixed minus broken), until no rule gains `min_gain`.
//
// Differences from turkish-mode, all small: â î û count as the letters a i u
// in contexts (turkish-mode treats them as spaces); the lists are learnt
// from Newsroom's training data, not Yuret's.
//
// Thread-safety: a DecisionLists is immutable after loading; Restore() may
// be called from any number of threads. Training shares no state.
#ifndef NEWSROOM_DEASCIIFY_DECISION_LIST_H_
#define NEWSROOM_DEASCIIFY_DECISION_LIST_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

namespace newsroom::deasciify {

class DecisionLists {
 public:
  // Parses a file written by TrainDecisionLists(). InvalidArgument naming
  // `name` and the line when it is malformed.
  static absl::StatusOr<std::unique_ptr<const DecisionLists>> FromModelText(
      std::string_view text, const std::string& name);
  // The same from a file; NotFound naming the path when it cannot be read.
  static absl::StatusOr<std::unique_ptr<const DecisionLists>> Load(
      const std::string& path);

  // Restores every c g i o s u of `text` (any case) by the lists; every
  // other code point is copied. REQUIRES: valid UTF-8.
  std::string Restore(std::string_view text) const;

  // Rules in the list of `letter` ('c' 'g' 'i' 'o' 's' 'u').
  size_t rule_count(char letter) const;

 private:
  DecisionLists() = default;
  // Index 0..5 for c g i o s u; -1 for other bytes.
  static int LetterIndex(char c);

  int context_ = 10;
  // Pattern → signed rank (positive: the Turkish letter), per letter.
  std::array<absl::flat_hash_map<std::string, int32_t>, 6> lists_;
};

struct DecisionListTrainOptions {
  // Characters of context either side (turkish-mode: 10).
  int context = 10;
  // Stop when the best rule fixes fewer than this many more training
  // letters than it breaks. 1 learns every rule that helps at all; higher
  // values give shorter lists that generalise as well or better.
  int min_gain = 2;
  // The command that rebuilds the lists, for the file's header.
  std::string command = "newsroom train decision-lists";
};

struct DecisionListTrainStats {
  int64_t letters = 0;  // training instances (c g i o s u in the text)
  int64_t rules = 0;    // rules learnt, all letters
};

// Learns the six lists from `sentences` (clean Turkish, one a line) and
// returns the model file. Deterministic. InvalidArgument when options are
// out of range.
absl::StatusOr<std::string> TrainDecisionLists(
    const std::vector<std::string>& sentences,
    const DecisionListTrainOptions& options,
    DecisionListTrainStats* stats = nullptr);

}  // namespace newsroom::deasciify

#endif  // NEWSROOM_DEASCIIFY_DECISION_LIST_H_
