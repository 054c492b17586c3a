// The shared Turkish data sets, read and split for training and evaluation:
// about a million words of well-written sentences (turkish-text/), the
// OffensEval-TR tweets that are typed with their Turkish letters
// (offenseval-tr/), word frequency lists and Starlang's misspelling pairs
// (turkish-words/). Training and evaluation only: the product never reads
// them, and a newsroom's machine does not have them.
//
//   SharedDataOptions options;
//   options.data_dir = "/work/shared/data";
//   absl::StatusOr<std::vector<Sentence>> held_out =
//       ReadSentences(options, Part::kHeldout);
//   for (const Sentence& s : *held_out)
//     if (s.genre == Genre::kConversational) …
//   absl::StatusOr<std::vector<WordCount>> zemberek =
//       ReadWordCounts(options, WordSource::kZemberek);
//   absl::StatusOr<std::vector<Misspelling>> pairs =
//       ReadMisspellings(options, Part::kHeldout);
//
// Only text written with its Turkish letters throughout can stand as the
// right answer for restoring them: a sentence with a word typed without
// its letters (HasWordTypedWithoutLetters: "Ne yapiyorsun?" is in Tatoeba)
// is left out, and a tweet is kept only when it has a Turkish letter too
// (IsTypedWithTurkishLetters).
//
// The split is fixed by `seed` and by document, so that no document lends
// words to both sides. The sentence files keep no document boundaries, so a
// document is a block of `block_lines` consecutive lines of one file (the
// sentences of one article or one dialogue sit together); a tweet is a
// document of its own. Each document goes whole to one part, 80 % train,
// 10 % dev (for tuning), 10 % held out (for reported figures only). Four
// files are held out whole, as clean test sets no model is trained or tuned
// on: common-voice-setimes.txt, ntrex-news.txt, ud-pud.txt (news) and
// ud-boun.txt. A
// sentence that occurs in more than one part (the Penn treebank is in two
// files; tweets are retweeted) is kept only in the first of train, dev,
// held out. Starlang's misspelling pairs are split the same way by their
// correct word, so that every misspelling of a held-out word is held out.
//
// Thread-safety: functions only; they share no state.
#ifndef NEWSROOM_CORPUS_SHARED_DATA_H_
#define NEWSROOM_CORPUS_SHARED_DATA_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace newsroom::corpus {

enum class Part { kTrain = 0, kDev = 1, kHeldout = 2 };
const char* PartName(Part part);  // "train", "dev", "heldout"

enum class Genre {
  kConversational,  // Tatoeba, Common Voice's sentences, tweets
  kNews,            // SETimes, NTREX, the PUD and Penn treebanks
  kOther,           // Wikipedia, the other treebanks, Nutuk
};
const char* GenreName(Genre genre);  // "conversational", "news", "other"

struct SharedDataOptions {
  // The folder holding turkish-text/, turkish-words/ and offenseval-tr/.
  std::string data_dir = "/work/shared/data";
  // Fixes the split. Changing it changes every figure measured on it.
  uint64_t seed = 13;
  // Lines of a sentence file that make one document.
  int block_lines = 10;
  // Also read the OffensEval-TR tweets typed with Turkish letters (see
  // IsTypedWithTurkishLetters).
  bool tweets = true;
  // A further test of a word typed in ASCII (any case): true when it lacks
  // Turkish letters it needs. The frequency lists know common words only;
  // `newsroom` sets this to ask hunspell-tr whether the word is rejected
  // and a spelling of it with Turkish letters accepted ("vatanlarina").
  // Must be thread-compatible with the calls ReadSentences makes (one
  // thread). Null: the lists alone decide.
  std::function<bool(std::string_view word)> lacks_letters;
};

struct Sentence {
  std::string text;    // UTF-8, as in the file (tweets: "URL" removed)
  std::string source;  // the file name, or "offenseval-tr" for tweets
  Genre genre = Genre::kOther;
};

// The sentences of one part, in file order, sources in a fixed order.
// NotFound naming the file when one is missing; InvalidArgument naming the
// file and line when a line is not UTF-8.
absl::StatusOr<std::vector<Sentence>> ReadSentences(
    const SharedDataOptions& options, Part part);

// True for the files held out whole (Sentence::source
// "common-voice-setimes.txt", "ntrex-news.txt", "ud-pud.txt",
// "ud-boun.txt"): final measurement only, never trained or tuned on.
bool IsHeldBack(std::string_view source);

// Which part a document falls in: a pure function of its id and the seed.
Part PartOf(std::string_view document_id, uint64_t seed);

// The frequency lists of turkish-words/.
enum class WordSource {
  kZemberek,       // zemberek-freq-100k.txt: cased, counts of 1.89 G tokens
  kWordfreq,       // wordfreq-small-tr.tsv: lower case, frequencies
  kOpenSubtitles,  // opensubtitles-2018-tr-50k.txt: lower case, counts
  kTesseract,      // tesseract-tur-words.txt: word forms, no counts
  kStarlangDictionary,  // starlang-dictionary.txt: lemmas, no counts
};
const char* WordSourceName(WordSource source);

struct WordCount {
  std::string word;  // as in the list (cased for Zemberek)
  // Occurrences per billion words of the source; 0 for lists without
  // counts (Tesseract, Starlang's dictionary).
  double per_billion = 0;
};

// One list, in file order; entries that are not words (punctuation,
// numbers, markup such as "</s>") are left out. NotFound naming the file
// when it is missing; InvalidArgument naming the file and line when a line
// is malformed.
absl::StatusOr<std::vector<WordCount>> ReadWordCounts(
    const SharedDataOptions& options, WordSource source);

struct Misspelling {
  std::string wrong;  // as typed: "yetersz"
  std::string right;  // the correction: "yetersiz"
};

// Starlang's misspelling pairs of one part (split by the correct word);
// pairs whose sides are equal or that are not single words are left out.
absl::StatusOr<std::vector<Misspelling>> ReadMisspellings(
    const SharedDataOptions& options, Part part);

// The lower-case ASCII spellings that stand for a word written with a
// Turkish letter: some list has the word with its Turkish letter, and some
// counted list (Zemberek, wordfreq, OpenSubtitles) that has the word at all
// has the ASCII spelling at most `share` of the time, or none does ("cok"
// for "çok", "yapiyorsun" for "yapıyorsun"; not "su", "mi", "sik", words
// too). The smallest share is taken because lists of web text have many
// words typed without letters, and the most careful list decides. Lists
// without counts vouch only for spellings with Turkish letters:
// Tesseract's has ASCII typos.
absl::flat_hash_set<std::string> TypedWithoutLettersKeys(
    const std::vector<std::vector<WordCount>>& counted,
    const std::vector<std::vector<WordCount>>& uncounted, double share);

// True when some word of `sentence` is typed without the Turkish letters it
// needs ("Ne yapiyorsun?"): its lower-case ASCII spelling is one of
// `without_letters`, or `lacks_letters` (when set) says so.
bool HasWordTypedWithoutLetters(
    std::string_view sentence,
    const absl::flat_hash_set<std::string>& without_letters,
    const std::function<bool(std::string_view)>& lacks_letters = nullptr);

// True when a tweet is written with its Turkish letters throughout, so that
// it can serve as restored text: it has at least one of ç ğ ı ö ş ü (either
// case), and none of its words is one of `without_letters` (see
// TypedWithoutLettersKeys).
bool IsTypedWithTurkishLetters(
    std::string_view tweet,
    const absl::flat_hash_set<std::string>& without_letters,
    const std::function<bool(std::string_view)>& lacks_letters = nullptr);

}  // namespace newsroom::corpus

#endif  // NEWSROOM_CORPUS_SHARED_DATA_H_
