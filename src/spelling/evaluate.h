// Measuring the spelling engine on clean sentences and on the same
// sentences with one typo each.
//
//   EvalOptions o;
//   o.data_path = "corpus/tr-dev.txt";
//   absl::StatusOr<EvalReport> r = Evaluate(*checker, *hunspell_tr, o);
//   std::cout << FormatReport(*r);
//
// Procedure, for each line of the file (one clean sentence):
//  1. Every word token is checked in its context; the false-alarm rate is
//     the share of word tokens flagged. Hunspell alone (Spell() on the
//     token as typed) is measured on the same tokens.
//  2. One word of at least three letters (letters only, capitalised as
//     lower, Title or ALL CAPS) is chosen uniformly, and one typo is made
//     in it (InjectTypo). Recall is the share of these typed words that
//     are flagged. Real-word errors — typos that happen to make another
//     valid word ("kalem" → "kale") — stay in the denominator: they are
//     misses, and they are also counted apart.
//  3. For flagged typed words, Suggest() is asked for 5 corrections;
//     top-1 / top-5 is the share whose first / first five contain the
//     original word exactly.
// The random generator is std::mt19937_64 seeded with `seed`, used only
// through operator() (no std distributions), so a seed gives the same
// typos with any standard library.
//
// Thread-compatible: runs on the calling thread.
#ifndef NEWSROOM_SPELLING_EVALUATE_H_
#define NEWSROOM_SPELLING_EVALUATE_H_

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "morphology/dictionary.h"
#include "spelling/checker.h"

namespace newsroom::spelling {

// One keyboard slip in a word, as people make them on a Turkish Q
// keyboard. The kind is chosen uniformly among:
//   insertion     a key next to (or equal to) the letter before or after
//                 the insertion point, typed in addition;
//   deletion      a letter left out;
//   substitution  a letter replaced by a key beside it;
//   transposition two different adjacent letters swapped.
// The typo is made in the lower case and the word's capitalisation
// (lower, Title, ALL CAPS) is put back.
struct Typo {
  std::string typed;
  const char* kind = "";  // "insertion", "deletion", …
};
// Nullopt when `word` has fewer than three letters, has anything but
// letters, or is of mixed case ("LibreOffice").
std::optional<Typo> InjectTypo(std::string_view word, std::mt19937_64& rng);

struct EvalOptions {
  std::string data_path;
  uint64_t seed = 20260101;
  int max_sentences = 0;  // 0: all lines
  int suggestions = 5;
  // Examples of false alarms and misses to keep in the report.
  int examples = 40;
};

struct EvalReport {
  int64_t sentences = 0;
  int64_t words = 0;             // word tokens in clean sentences
  int64_t flagged = 0;           // of them flagged by the checker
  int64_t hunspell_flagged = 0;  // of them rejected by Hunspell alone
  int64_t injected = 0;          // sentences with an injected typo
  int64_t typos_flagged = 0;     // injected typos flagged by the checker
  int64_t hunspell_typos_flagged = 0;
  int64_t real_word_typos = 0;        // typos Hunspell accepts as a word
  int64_t top1 = 0;                   // flagged typos whose first suggestion
  int64_t top5 = 0;                   //   / first five hold the original
  double check_us_per_word = 0;       // Check() on clean words, first pass
  double check_warm_us_per_word = 0;  // the same words again (cache warm)
  double hunspell_us_per_word = 0;    // Spell() on the same words
  double suggest_us_per_word = 0;     // Suggest() on flagged typos, warm
  double index_build_ms = 0;          // building the suggestion indexes,
                                      // done before anything is timed
  // Most frequent false alarms (word, count), and sample misses
  // (original → typed).
  std::vector<std::pair<std::string, int64_t>> false_alarms;
  std::vector<std::string> misses;
  // Missed typos by the reason the checker accepted them.
  std::vector<std::pair<std::string, int64_t>> misses_by_reason;
  std::vector<std::string> bad_suggestions;

  double false_alarm_rate() const;
  double hunspell_false_alarm_rate() const;
  double recall() const;
  double hunspell_recall() const;
};

// Runs the procedure above. NotFound when the file is missing;
// InvalidArgument when it holds no words.
absl::StatusOr<EvalReport> Evaluate(const Checker& checker,
                                    const morphology::Dictionary& turkish,
                                    const EvalOptions& options);

// The same on sentences given in memory (`options.data_path` only names
// them in messages). InvalidArgument when they hold no words.
absl::StatusOr<EvalReport> EvaluateSentences(
    const Checker& checker, const morphology::Dictionary& turkish,
    const std::vector<std::string>& sentences, const EvalOptions& options);

// A misspelt word and its correction, as a human wrote them down
// (Starlang's pairs: "yetersz" → "yetersiz").
struct MisspellingPair {
  std::string wrong;
  std::string right;
};

// Detection and correction on misspelling pairs, word by word, out of
// context (not sentence-initial). Detection is scored on the distinct
// words of the pairs: every wrong side is a positive, every right side
// that is no pair's wrong side a negative; precision, recall and F1 as
// usual, for the checker and for Hunspell alone (Spell() as typed) on the
// same words. Suggestions are asked for every pair: top-1 / top-5 is the
// share of pairs whose correction is the first / among the first five
// suggestions (exactly, case included). "Letters only" are the pairs whose
// sides differ only by Turkish letters ("degil" → "değil"), also counted
// apart.
struct DetectionCounts {
  int64_t true_positives = 0;   // wrong words flagged
  int64_t false_positives = 0;  // right words flagged
  int64_t false_negatives = 0;  // wrong words passed
  double precision() const;
  double recall() const;
  double f1() const;
};

struct PairReport {
  int64_t pairs = 0;
  int64_t letters_only_pairs = 0;
  int64_t misspelt_words = 0;  // distinct wrong sides
  int64_t correct_words = 0;   // distinct right sides, not also wrong sides
  DetectionCounts checker;
  DetectionCounts hunspell;
  int64_t top1 = 0;
  int64_t top5 = 0;
  int64_t letters_only_top1 = 0;
  int64_t letters_only_top5 = 0;
  double suggest_us_per_word = 0;
  std::vector<std::string> misses;           // wrong words passed
  std::vector<std::string> false_alarms;     // right words flagged
  std::vector<std::string> bad_suggestions;  // correction not in the top 5
};

// InvalidArgument when `pairs` is empty.
absl::StatusOr<PairReport> EvaluatePairs(
    const Checker& checker, const morphology::Dictionary& turkish,
    const std::vector<MisspellingPair>& pairs, const EvalOptions& options);

std::string FormatPairReport(const PairReport& report, bool examples);

// A human-readable report; `examples` adds the example lists.
std::string FormatReport(const EvalReport& report, bool examples);

}  // namespace newsroom::spelling

#endif  // NEWSROOM_SPELLING_EVALUATE_H_
