// Measures restoration on correctly written sentences: each sentence is
// folded to ASCII (text::AsciiFold), restored, and compared word by word
// with the original.
//
//   std::vector<std::string> sentences = …;  // e.g. corpus/tr-dev.txt
//   absl::StatusOr<EvalReport> r = Evaluate(*deasciifier, sentences);
//   std::cout << FormatReport(*r);
//   r->model.TurkishAccuracy();   // share of words with ç ğ ı ö ş ü
//                                 // (or Ç Ğ İ Ö Ş Ü) restored exactly
//
// Three systems are scored side by side: the folded text as is, the most
// frequent training spelling of every seen word (no context, unseen words
// as typed), and the deasciifier with its default options. A word counts
// as right only when it is restored exactly, case and circumflexes
// included.
//
// Thread-safety: Evaluate() only reads the Deasciifier.
#ifndef NEWSROOM_DEASCIIFY_EVALUATE_H_
#define NEWSROOM_DEASCIIFY_EVALUATE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "deasciify/deasciifier.h"

namespace newsroom::deasciify {

struct WordScore {
  int64_t words = 0;            // word tokens
  int64_t correct = 0;          // restored exactly
  int64_t turkish_words = 0;    // words with a Turkish letter in the original
  int64_t turkish_correct = 0;  // … restored exactly
  int64_t plain_changed = 0;    // words without one that were changed

  double Accuracy() const { return words ? double(correct) / words : 0; }
  double TurkishAccuracy() const {
    return turkish_words ? double(turkish_correct) / turkish_words : 0;
  }
};

// Per-evidence figures for the deasciifier's own words (RestoreWord on each
// folded word with at least one of c g i o s u): how many, how many right,
// and the mean confidence it gave, which should be close to the accuracy.
struct EvidenceScore {
  int64_t words = 0;
  int64_t correct = 0;
  double confidence_sum = 0;
  double nanoseconds = 0;  // time in RestoreWord on these words, unmemoized
};

struct EvalReport {
  int64_t sentences = 0;
  int64_t skipped = 0;  // lines that are blank or not UTF-8
  WordScore as_is;
  WordScore most_frequent;
  WordScore model;
  std::map<std::string, EvidenceScore> evidence;  // by EvidenceName()
  // Speed of the deasciifier on these sentences, one thread. RestoreWord()
  // is timed first, on a fresh memo if the Deasciifier is fresh; Restore()
  // after it, on the warm memo.
  double restore_words_per_second = 0;  // Restore() on whole sentences
  double restore_unmemoized_words_per_second = 0;  // … with memoize off
  double restore_word_ns = 0;  // RestoreWord() per word token
};

// Scores `d` on `sentences` (each a line of well-written Turkish).
// `options` configures the model column (the defaults are the product).
// InvalidArgument when no sentence could be parsed.
// When `word_log` is not null, a line "evidence\tgold\trestored\tprevious\t
// next" is appended for every word RestoreWord() is asked about.
absl::StatusOr<EvalReport> Evaluate(
    const Deasciifier& d, const std::vector<std::string>& sentences,
    const RestoreOptions& options = {},
    std::vector<std::string>* word_log = nullptr);

// Scores any restorer the same way: each sentence is folded, given to
// `restore`, and compared word by word with the original. Lines that are
// blank or not UTF-8 are skipped. When `errors` is not null, each wrong
// word is appended to it as "gold\trestored\tsentence".
WordScore ScoreRestorer(
    const std::vector<std::string>& sentences,
    const std::function<std::string(const std::string&)>& restore,
    std::vector<std::string>* errors = nullptr);

// A table for people.
std::string FormatReport(const EvalReport& report);

// The same figures as one line of JSON.
std::string ReportJson(const EvalReport& report);

}  // namespace newsroom::deasciify

#endif  // NEWSROOM_DEASCIIFY_EVALUATE_H_
