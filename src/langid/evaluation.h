// Measures language identifiers on labelled texts: accuracy by true
// language and by comment length, several identifiers side by side (e.g.
// CLD2 alone against CLD2 with cues), and their speed. `newsroom eval
// langid` (src/app/eval_langid_command.cc) gathers the texts and prints the
// report; the readers of the text formats it uses are here.
//
//   std::vector<LabeledSet> sets = {{"tr-tweets", Language::kTurkish, tweets},
//                                   {"en-debian", Language::kEnglish, en}};
//   EvalReport r = Evaluate(sets, {{"cld2", cld2.get()},
//                                  {"cld2+cues", full.get()}}, std::nullopt);
//   std::cout << FormatReport(r);
//
// Dev split: every text (or tweet id) has a fixed slice, SliceOf(key) in
// 0..9, from a seeded 64-bit FNV-1a hash. Tuning uses slice 0 only; other
// slices stay unseen, to check that the figures hold.
//
// All functions are thread-compatible: no shared state.
#ifndef NEWSROOM_LANGID_EVALUATION_H_
#define NEWSROOM_LANGID_EVALUATION_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "langid/identifier.h"
#include "langid/language.h"

namespace newsroom::langid {

// Texts that are all in one language.
struct LabeledSet {
  std::string name;  // e.g. "tr-tweets", "en-debian", "other-de"
  Language language = Language::kOther;
  std::vector<std::string> texts;
};

// The slice 0..9 of `key`: FNV-1a 64 (offset basis xor'ed with the seed
// 0x6e657773726f6f6d, "newsroom") of the bytes of `key`, modulo 10.
int SliceOf(std::string_view key);

// The tweets of an OffensEval TSV (columns id, tweet, label; a header line)
// whose id is in `slice` (SliceOf(id)). NotFound naming the path when it
// cannot be read; InvalidArgument naming the line when a row has no tab.
absl::StatusOr<std::vector<std::string>> ReadOffensEvalTweets(
    const std::string& path, int slice);

// The non-empty lines of a UTF-8 text file, trimmed. NotFound naming the
// path when it cannot be read.
absl::StatusOr<std::vector<std::string>> ReadLines(const std::string& path);

// The English texts in the Description fields of Debian control data (the
// format of /var/lib/dpkg/status and of `apt-cache dumpavail`): each
// synopsis, and each paragraph of each long description, as one text.
std::vector<std::string> DebianDescriptions(std::string_view control);

// The paragraphs (blocks between blank lines) of a text, each joined into
// one line with single spaces.
std::vector<std::string> Paragraphs(std::string_view text);

// Keeps the distinct texts whose SliceOf(text) is `slice`; of those, at most
// `max_count`, by ascending hash (a fixed pseudo-random pick).
std::vector<std::string> SampleSlice(const std::vector<std::string>& texts,
                                     int slice, int max_count);

// Word-count buckets: 0, 1-3, 4-8, 9-20, >20 words.
inline constexpr int kLengthBuckets = 5;
int LengthBucketOf(int words);
const char* LengthBucketName(int bucket);

struct Tally {
  int total = 0;
  int correct = 0;
  std::array<int, 3> predicted = {0, 0, 0};  // by static_cast<int>(Language)
};

struct EvalReport {
  std::vector<std::string> systems;
  // tally[set][bucket][system]; sets in the order given to Evaluate().
  struct SetResult {
    std::string name;
    Language language = Language::kOther;
    int unparsable = 0;  // texts Document::Parse rejected (e.g. blank)
    std::array<std::vector<Tally>, kLengthBuckets> by_bucket;
    // Up to `max_errors` texts the last system got wrong, with its answer.
    std::vector<std::pair<std::string, Language>> errors;
  };
  std::vector<SetResult> sets;
  // Mean time of one Identify() call, per system, in microseconds.
  std::vector<double> micros_per_text;
  std::optional<Language> hint;
};

// Runs every system on every text of every set.
EvalReport Evaluate(
    const std::vector<LabeledSet>& sets,
    const std::vector<std::pair<std::string, const Identifier*>>& systems,
    std::optional<Language> hint, int max_errors = 0);

// The report as text tables: per set and length bucket, per true language
// and length bucket, confusion matrices, speed, and error examples.
std::string FormatReport(const EvalReport& report);

}  // namespace newsroom::langid

#endif  // NEWSROOM_LANGID_EVALUATION_H_
