// The letter model decides each ambiguous letter of an unseen word from the
// letters around it, on both sides, within the word ("^" and "$" mark its
// ends): vowel harmony and the shapes of roots and suffixes make "…iyor…"
// say ı or i about its neighbours, and a final "…lugu" say ğ and ü.
// Training counted, for every window of up to max_left letters before and
// max_right after each ambiguous letter, how often the letter was Turkish,
// once per distinct word. Here the longest windows seen win (the purest
// among windows of equal length), smoothed towards the letter's prior. This
// is the idea of Yuret's decision-list deasciifier, with every window shape
// kept, so that a long suffix or a long root can speak even when the other
// side is new. Given the typed word the letters are independent, so the
// likeliest spellings come out in order from a best-first search over flips
// of the least certain letters (FlipEnumerator).
//
// Tested by letter_model_test.cc.
#include "deasciify/internal/letter_model.h"

#include <algorithm>
#include <cmath>

#include "deasciify/internal/letters.h"
#include "text/turkish.h"

namespace newsroom::deasciify::internal {
namespace {

// Pseudo-count of the letter prior in a window's estimate.
constexpr double kWindowSmoothing = 1.0;
// Probabilities are kept away from 0 and 1 so that every flip has a cost.
constexpr double kMinProbability = 1e-4;

}  // namespace

LetterModel::LetterModel(const Model& model) : model_(model) {
  for (char c : std::string_view("cgiosu")) {
    const Model::PatternCounts* p = model_.FindPattern(0, std::string(1, c));
    double n = p == nullptr ? 0 : p->ascii + p->turkish;
    prior_[static_cast<int>(c)] =
        p == nullptr ? 0.5 : (p->turkish + 0.5) / (n + 1.0);
  }
}

double LetterModel::TurkishProbability(std::string_view bracketed,
                                       int pos) const {
  const int n = static_cast<int>(bracketed.size());
  const int max_l = std::min(model_.max_left(), pos);
  const int max_r = std::min(model_.max_right(), n - 1 - pos);
  const double prior = prior_[static_cast<unsigned char>(bracketed[pos]) & 127];
  // Every sub-window of a window seen in training was seen at least as
  // often, so the seen windows around `pos`, as points (l, r) of letters
  // left and right, form a staircase: r_max(l) never grows with l. Walking
  // its edge, l up and r down, finds the longest windows in at most
  // max_l + max_r + 2 lookups. Among the longest, the purest wins; ties go
  // to the one with the most left context.
  const Model::PatternCounts* best = nullptr;
  int best_length = -1;
  double best_purity = -1;
  int r = max_r;
  for (int l = 0; l <= max_l && r >= 0; ++l) {
    const Model::PatternCounts* c = nullptr;
    while (r >= 0 &&
           (c = model_.FindPattern(l, bracketed.substr(pos - l, l + r + 1))) ==
               nullptr) {
      --r;
    }
    if (c == nullptr) break;
    double purity = static_cast<double>(std::max(c->ascii, c->turkish)) /
                    (c->ascii + c->turkish);
    if (l + r > best_length ||
        (l + r == best_length && purity >= best_purity)) {
      best_length = l + r;
      best_purity = purity;
      best = c;
    }
  }
  if (best == nullptr) return prior;
  return (best->turkish + kWindowSmoothing * prior) /
         (best->ascii + best->turkish + kWindowSmoothing);
}

double LetterModel::Choose(std::string_view key, size_t first_free,
                           std::u32string* best,
                           std::vector<AmbiguousLetter>* ambiguous) const {
  std::string bracketed;
  bracketed.reserve(key.size() + 2);
  bracketed.push_back('^');
  bracketed.append(key);
  bracketed.push_back('$');
  ambiguous->clear();
  double log_p = 0;
  for (size_t j = first_free; j < key.size(); ++j) {
    char32_t turkish = text::TurkishCounterpart(key[j]);
    if (turkish == 0) continue;
    double p =
        std::clamp(TurkishProbability(bracketed, static_cast<int>(j + 1)),
                   kMinProbability, 1 - kMinProbability);
    (*best)[j] = p > 0.5 ? turkish : static_cast<char32_t>(key[j]);
    double p_best = std::max(p, 1 - p);
    log_p += std::log(p_best);
    ambiguous->push_back({j, std::log(p_best / (1 - p_best))});
  }
  return log_p;
}

FlipEnumerator::FlipEnumerator(const std::vector<double>& sorted_costs)
    : costs_(sorted_costs) {
  if (!costs_.empty()) heap_.push({costs_[0], 1, 0});
}

bool FlipEnumerator::Next(uint64_t* mask, double* cost) {
  if (!started_) {
    started_ = true;
    *mask = 0;
    *cost = 0;
    return true;
  }
  if (heap_.empty()) return false;
  Item top = heap_.top();
  heap_.pop();
  size_t i = top.last;
  if (i + 1 < costs_.size()) {
    uint64_t next = uint64_t{1} << (i + 1);
    heap_.push({top.cost + costs_[i + 1], top.mask | next, i + 1});
    heap_.push({top.cost - costs_[i] + costs_[i + 1],
                (top.mask & ~(uint64_t{1} << i)) | next, i + 1});
  }
  *mask = top.mask;
  *cost = top.cost;
  return true;
}

}  // namespace newsroom::deasciify::internal
