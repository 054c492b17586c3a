// The letter model: how likely each ambiguous letter (c g i o s u) of a word
// never seen in training is to stand for its Turkish letter, judged from
// the letters around it; and the spellings of the word in order of
// likelihood.
//
//   LetterModel letters(model);
//   std::u32string best(U"yasiyorum");
//   std::vector<AmbiguousLetter> ambiguous;
//   double log_p = letters.Choose("yasiyorum", 0, &best, &ambiguous);
//   // best == U"yaşıyorum"; ambiguous lists the s, the i, the o and the u
//   // with the log-odds of each choice, for FlipEnumerator.
//
// Thread-safe: const methods only, over a Model that outlives it.
#ifndef NEWSROOM_DEASCIIFY_INTERNAL_LETTER_MODEL_H_
#define NEWSROOM_DEASCIIFY_INTERNAL_LETTER_MODEL_H_

#include <cstdint>
#include <queue>
#include <string>
#include <string_view>
#include <vector>

#include "deasciify/internal/model.h"

namespace newsroom::deasciify::internal {

// One ambiguous letter of a word, as the letter model chose it.
struct AmbiguousLetter {
  size_t index;  // in the key
  double cost;   // log-odds of the likelier choice over the other, >= 0
};

class LetterModel {
 public:
  // REQUIRES: `model` outlives the LetterModel.
  explicit LetterModel(const Model& model);

  // P(the letter at `pos` of `bracketed`, a key written "^key$", is the
  // Turkish one), from the longest windows around it seen in training.
  // REQUIRES: bracketed[pos] is one of c g i o s u.
  double TurkishProbability(std::string_view bracketed, int pos) const;

  // Sets each ambiguous letter of key[first_free…] in *best to the likelier
  // choice, lists those letters in *ambiguous, and returns the log
  // probability of the choices. Letters before `first_free` are left as
  // they are in *best.
  // REQUIRES: best->size() == key.size()
  double Choose(std::string_view key, size_t first_free, std::u32string* best,
                std::vector<AmbiguousLetter>* ambiguous) const;

 private:
  const Model& model_;
  // P(Turkish) of each of c g i o s u alone, indexed by the ASCII letter.
  double prior_[128] = {};
};

// Subsets of a set of flips in order of increasing total cost (the k
// smallest subset sums of sorted non-negative costs), so that the spellings
// of a word come out likeliest first: each popped subset {…, i} spawns
// {…, i, i+1} and {…, i+1}.
//
//   FlipEnumerator flips(sorted_costs);
//   uint64_t mask;
//   double cost;
//   while (flips.Next(&mask, &cost)) …  // {} first, then by cost
class FlipEnumerator {
 public:
  // REQUIRES: `sorted_costs` is sorted ascending, non-negative, has at most
  // 64 elements, and outlives the enumerator.
  explicit FlipEnumerator(const std::vector<double>& sorted_costs);

  // The next subset as a bit mask over the sorted costs, and its cost. The
  // empty subset comes first. Returns false when all were given.
  bool Next(uint64_t* mask, double* cost);

 private:
  struct Item {
    double cost;
    uint64_t mask;
    size_t last;
    bool operator<(const Item& o) const { return cost > o.cost; }
  };
  const std::vector<double>& costs_;
  std::priority_queue<Item> heap_;
  bool started_ = false;
};

}  // namespace newsroom::deasciify::internal

#endif  // NEWSROOM_DEASCIIFY_INTERNAL_LETTER_MODEL_H_
