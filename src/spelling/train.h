// Learning the spelling engine's word list from clean text.
//
//   TrainOptions o;
//   o.corpus_path = "corpus/tr-train.txt";
//   o.out_path = "data/spelling/tr-words.tsv";
//   o.turkish = dictionary.get();   // hunspell-tr
//   absl::StatusOr<TrainStats> stats = TrainWordList(o);
//
// The corpus is well-edited Turkish, one sentence a line (a file, or
// sentences given in memory). Frequency lists add what a corpus of a
// million words is too small to see: each listed word counts as if seen
// that often ("hükümet"). Every word token
// (text::Document) is counted under its Turkish lower case, together with
// how it is capitalised when it is not the first word of a sentence; the
// list keeps each word in its usual form ("haber", "Ankara", "TBMM",
// "LibreOffice"). A word is kept when
//   - Hunspell accepts it (it then only adds a frequency for ranking
//     suggestions and a fast path for checking), or
//   - it occurs at least `min_count` times and is not a likely typo: a
//     word one typo away from a word `typo_ratio` times as frequent is
//     taken for a slip of the corpus's own authors and dropped.
// Single letters and tokens with digits or dots are skipped (the checker
// never looks them up).
//
// Deterministic: the same corpus and dictionary give the same file.
// Thread-compatible (run one at a time per output file).
#ifndef NEWSROOM_SPELLING_TRAIN_H_
#define NEWSROOM_SPELLING_TRAIN_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "morphology/dictionary.h"

namespace newsroom::spelling {

// A word of a frequency list, as listed (any case), with its count.
struct ListedWord {
  std::string word;
  int64_t count = 0;
  // False for lists that lower-case every word (wordfreq, OpenSubtitles):
  // they add to the count but say nothing of how the word is written, so
  // a name they list ("ankara") stays a name.
  bool cased = true;
};

struct TrainOptions {
  // The corpus file; when empty, `sentences` is the corpus.
  std::string corpus_path;
  std::vector<std::string> sentences;
  // Words of frequency lists, counted as if seen `count` times in the
  // corpus. The caller leaves out spellings that lack Turkish letters
  // ("degil"): they are frequent but misspelt.
  std::vector<ListedWord> listed;
  // Listed words Hunspell rejects are kept only from this count on (and
  // then only if not a likely typo, as for the corpus's words).
  int64_t min_listed_count = 1000;
  std::string out_path;
  // hunspell-tr; not owned. REQUIRES: non-null.
  const morphology::Dictionary* turkish = nullptr;
  // Occurrences needed for a word Hunspell rejects. Lower keeps more of the
  // corpus's vocabulary (fewer false alarms in its domain) and more of its
  // typos.
  int min_count = 3;
  // A rejected word one typo from a word at least this many times more
  // frequent is dropped as a typo; a name (capitalised inside sentences)
  // only for a name, since a mistyped common word stays in lower case
  // ("Sony" is not "son" mistyped, "Ankra" is "Ankara" mistyped).
  double typo_ratio = 20.0;
  // The same for a word kept only because a list has it often enough:
  // lists of web text count its common misspellings ("burda", "nerden").
  double listed_typo_ratio = 3.0;
  // Written into the file's header line; the command that rebuilds it.
  std::string command = "newsroom train spelling";
};

struct TrainStats {
  int64_t sentences = 0;        // lines that parsed
  int64_t tokens = 0;           // word tokens counted
  int64_t listed = 0;           // frequency list entries counted
  int64_t distinct = 0;         // distinct lower-case words
  int64_t kept_dictionary = 0;  // kept because Hunspell accepts them
  int64_t kept_frequent = 0;    // kept because frequent enough
  int64_t dropped_rare = 0;     // rejected by Hunspell and rarer than min_count
  int64_t dropped_typos = 0;    // frequent enough but a likely typo
};

// Counts, filters and writes the list. NotFound when the corpus is missing;
// InvalidArgument when options are incomplete or the corpus has no words;
// Internal when the output cannot be written.
absl::StatusOr<TrainStats> TrainWordList(const TrainOptions& options);

}  // namespace newsroom::spelling

#endif  // NEWSROOM_SPELLING_TRAIN_H_
