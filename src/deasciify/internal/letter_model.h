// The letter model: how likely each ambiguous letter (c g i o s u) of a word
// never seen in training is to stand for its Turkish letter, judged from
// the letters around it — on the left as already restored, on the right as
// typed — and the spellings of the word in order of likelihood.
//
//   LetterModel letters(model);
//   std::vector<LetterModel::Spelling> s =
//       letters.Spellings("yasiyorum", U"", /*max=*/8);
//   // s[0].form == U"yaşıyorum", s[0].log_p the log probability of the
//   // choices; s[1] the next likeliest spelling, …
//
// Contexts are byte strings: the word bracketed as ^…$, each restored
// letter to the left written by ContextByte() (ş as S, so that "yaşı" and
// "yası" differ), the letter itself and the letters to its right in ASCII
// lower case.
//
// Thread-safe: const methods only, over a Model that outlives it.
#ifndef NEWSROOM_DEASCIIFY_INTERNAL_LETTER_MODEL_H_
#define NEWSROOM_DEASCIIFY_INTERNAL_LETTER_MODEL_H_

#include <string>
#include <string_view>
#include <vector>

#include "deasciify/internal/model.h"

namespace newsroom::deasciify::internal {

// The byte a restored letter is written as in a context: the six Turkish
// letters as the capital of their look-alike (ç → C, ı → I, …), kForeignI
// as i, anything else as its key byte.
char ContextByte(char32_t restored);

class LetterModel {
 public:
  // REQUIRES: `model` outlives the LetterModel.
  explicit LetterModel(const Model& model);

  // P(the letter at `pos` of `context` is the Turkish one), from the
  // longest windows around it seen in training. `context` is "^", the
  // restored letters before `pos` (ContextByte), then the rest of the key
  // and "$". REQUIRES: context[pos] is one of c g i o s u.
  double TurkishProbability(std::string_view context, int pos) const;

  struct Spelling {
    std::u32string form;  // one code point per key byte
    double log_p = 0;     // of the letters chosen after the fixed prefix
  };
  // Up to `max` spellings of `key`, likeliest first, each beginning with
  // `prefix` (letters already decided, e.g. a stem before an apostrophe).
  // A beam search from left to right, `max` spellings wide.
  // REQUIRES: prefix.size() <= key.size(), max >= 1.
  std::vector<Spelling> Spellings(std::string_view key,
                                  std::u32string_view prefix, int max) const;

 private:
  const Model& model_;
  // P(Turkish) of each of c g i o s u alone, indexed by the ASCII letter.
  double prior_[128] = {};
};

}  // namespace newsroom::deasciify::internal

#endif  // NEWSROOM_DEASCIIFY_INTERNAL_LETTER_MODEL_H_
