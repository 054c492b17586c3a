// Which letters may follow a lexicon root inside the same word: a small
// finite-state grammar of Turkish (and English) suffixes over folded text.
//
//   const SuffixGrammar& g = SuffixGrammar::Turkish();
//   std::vector<int> ends = g.Accepts("ina", SuffixGrammar::kNoun, 'm');
//   // {1, 2, 3}: am + ı, am + ın, am + ı + na.
//
// The grammar is written as suffix morphs (all vowel-harmony variants,
// folded: ı/i → i, ü/u → u) in slots: derivational → plural → possessive →
// case → tense/copula → person → question for nouns, voice → negation →
// tense/aspect for verbs, after which a verb form continues as a noun
// ("siktiğimin"). A sequence of morphs whose slots go forward is accepted.
// This is enough to tell "aptallar", "köpeğe", "amına", "siktir" from
// "ambulans", "amir" or "sıkma" (which the matcher refuses by vowel
// harmony). Turkish keeps vowels apart at a morph boundary, so a morph that
// begins with a vowel follows a consonant, and a buffer-initial one (-ya,
// -na, -sı, the aorist -r) follows a vowel: "sıçra" is not sıç + r + a.
// Immutable and thread-safe.
#ifndef NEWSROOM_LEXICON_INTERNAL_SUFFIXES_H_
#define NEWSROOM_LEXICON_INTERNAL_SUFFIXES_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsroom::lexicon::internal {

class SuffixGrammar {
 public:
  enum Start { kNoun, kVerb };

  static const SuffixGrammar& Turkish();
  static const SuffixGrammar& English();

  // Returns every length n in 1..letters.size() such that letters[0, n) is
  // a sequence of suffixes after a root of kind `start` whose last letter
  // is `before`, ascending. `letters` holds 'a'-'z'.
  std::vector<int> Accepts(std::string_view letters, Start start,
                           char before) const;

  struct Morph {
    const char* form;
    uint16_t from;  // bit set of states the morph may follow
    uint8_t to;     // state after it
  };
  enum class Join : uint8_t { kAny, kAfterVowel, kAfterConsonant };

 private:
  struct Rule {
    Morph morph;
    uint8_t length;
    Join join;
  };
  SuffixGrammar(const Morph* morphs, int count, bool turkish);
  std::vector<Rule> by_letter_[26];
};

}  // namespace newsroom::lexicon::internal

#endif  // NEWSROOM_LEXICON_INTERNAL_SUFFIXES_H_
