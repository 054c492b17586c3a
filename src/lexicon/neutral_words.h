// Neutral words: words that carry no offence in news talk — news
// vocabulary, animals, weather, sport, public office, groups of people —
// even where the offensive-language classifier learnt from tweets gives
// them weight ("köpek balığı", "alçak basınç", "belediye başkanı istifa
// etmeli"). The `offensive` rule asks for evidence beyond them before it
// holds a comment, and never points at them (moderation/abuse_rules.h).
//
//   absl::StatusOr<std::unique_ptr<const NeutralWords>> n =
//       NeutralWords::Load({data + "/lexicon/neutral-tr.txt",
//                           data + "/models/neutral-words-tr.txt"});
//   if ((*n)->Contains("Belediye")) { /* neutral */ }
//
// Files: one entry a line, `word<TAB>category[<TAB>sfx]`, "#" comments;
// words in lower case. With sfx the word is a root that also covers the
// words built on it by suffixes ("köpek" covers "köpeği", "köpekler").
// Words are compared in their plain form: lower case, ASCII-folded,
// repeated letters cut to one ("İSTİFA", "istifaaa" → "istifa").
// Curated lists (data/lexicon/neutral-*.txt) and learnt ones (the words
// much more common in clean prose than in offensive tweets, written by
// `newsroom train neutral-words`) load into one set.
//
// Errors: NotFound naming a file that cannot be read; InvalidArgument
// naming the file and line for a malformed line. Immutable once loaded;
// Contains is thread-safe.
#ifndef NEWSROOM_LEXICON_NEUTRAL_WORDS_H_
#define NEWSROOM_LEXICON_NEUTRAL_WORDS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"

namespace newsroom::lexicon {

class NeutralWords {
 public:
  static absl::StatusOr<std::unique_ptr<const NeutralWords>> Load(
      const std::vector<std::string>& paths);

  // The same from (name, contents) pairs.
  static absl::StatusOr<std::unique_ptr<const NeutralWords>> Parse(
      const std::vector<std::pair<std::string, std::string>>& files);

  // True when `word` (as typed: any case, letters or not) is a neutral
  // word or built on a neutral root.
  bool Contains(std::string_view word) const;

  size_t size() const { return words_.size() + roots_.size(); }

  // The plain form used for comparisons.
  static std::string Plain(std::string_view word);

 private:
  NeutralWords() = default;
  absl::flat_hash_set<std::string> words_;
  absl::flat_hash_set<std::string> roots_;
  size_t shortest_root_ = 64;
};

}  // namespace newsroom::lexicon

#endif  // NEWSROOM_LEXICON_NEUTRAL_WORDS_H_
