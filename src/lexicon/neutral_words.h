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
//   if ((*n)->ContainsAt(doc.tokens(), i)) { /* word i is neutral here */ }
//
// Files: one entry a line, `word<TAB>category[<TAB>sfx]`, "#" comments;
// words in lower case. With sfx the word is a root that also covers the
// words built on it by suffixes ("köpek" covers "köpeği", "köpekler").
// An entry of several words separated by spaces is a phrase: its words are
// neutral where they stand together in a comment, and with sfx its last
// word is a root ("mal ol" covers "milyarlara mal oldu", "alçak basınç"
// covers "alçak basıncı" only with sfx) — "mal" and "alçak" alone are
// insults and stay evidence.
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
#include "text/document.h"

namespace newsroom::lexicon {

class NeutralWords {
 public:
  static absl::StatusOr<std::unique_ptr<const NeutralWords>> Load(
      const std::vector<std::string>& paths);

  // The same from (name, contents) pairs.
  static absl::StatusOr<std::unique_ptr<const NeutralWords>> Parse(
      const std::vector<std::pair<std::string, std::string>>& files);

  // True when `word` (as typed: any case, letters or not) is a neutral
  // word or built on a neutral root. Phrases are not looked at.
  bool Contains(std::string_view word) const;

  // True when tokens[i] is a neutral word (Contains) or one of the words of
  // a neutral phrase that stands in `tokens` at that place, word after
  // word. REQUIRES: i < tokens.size().
  bool ContainsAt(const std::vector<text::Token>& tokens, size_t i) const;

  size_t size() const {
    return words_.size() + roots_.size() + phrases_.size();
  }

  // The plain form used for comparisons.
  static std::string Plain(std::string_view word);

 private:
  NeutralWords() = default;
  // A phrase's words in their plain form; with sfx, `last_roots` holds
  // its last word as a root and softened ("basınç", "basınc").
  struct Phrase {
    std::vector<std::string> words;
    std::vector<std::string> last_roots;
  };
  // Whether `plain` (a plain form) is the phrase's word `k`.
  static bool PhraseWordMatches(const Phrase& p, size_t k,
                                std::string_view plain);

  absl::flat_hash_set<std::string> words_;
  absl::flat_hash_set<std::string> roots_;
  std::vector<Phrase> phrases_;
  size_t shortest_root_ = 64;
};

}  // namespace newsroom::lexicon

#endif  // NEWSROOM_LEXICON_NEUTRAL_WORDS_H_
