// The dynamic programme is the textbook optimal-string-alignment recurrence
// over a (|typed|+1) x (|intended|+1) table, kept in three rolling rows.
// Weights make the common slips cheap so that, among candidates at the same
// plain edit distance, the one a person most plausibly meant ranks first.
// The cut-off at `limit` is checked row by row: when two whole rows exceed
// the limit no later cell can come back under it (a swap reaches back two).
//
// Tested by edit_distance_test.cc.
#include "spelling/internal/edit_distance.h"

#include <algorithm>
#include <vector>

#include "spelling/internal/letters.h"

namespace newsroom::spelling::internal {
namespace {

constexpr float kFoldCost = 0.3f;
constexpr float kDoubleCost = 0.6f;
constexpr float kSwapCost = 0.7f;
constexpr float kNeighbourCost = 0.7f;
constexpr float kVowelCost = 0.9f;
constexpr float kEditCost = 1.0f;
constexpr float kMissingVowelCost = 0.8f;

// Cost of an insertion (a letter in `s` at `i` that the other word lacks):
// cheaper when it repeats the letter before or after it.
float IndelCost(std::u32string_view s, size_t i) {
  if ((i > 0 && s[i - 1] == s[i]) || (i + 1 < s.size() && s[i + 1] == s[i])) {
    return kDoubleCost;
  }
  return kEditCost;
}

// Cost of a letter of `intended` at `j` that `typed` lacks; vowels go
// missing more often than consonants ("bilgisyar", "habrler").
float MissingCost(std::u32string_view intended, size_t j) {
  float cost = IndelCost(intended, j);
  if (cost == kEditCost && IsVowel(intended[j])) return kMissingVowelCost;
  return cost;
}

}  // namespace

float SubstitutionCost(char32_t typed, char32_t intended) {
  if (typed == intended) return 0.0f;
  if (Fold(typed) == Fold(intended)) return kFoldCost;
  if (AreKeyboardNeighbours(typed, intended)) return kNeighbourCost;
  if (IsVowel(typed) && IsVowel(intended)) return kVowelCost;
  return kEditCost;
}

float TypingDistance(std::u32string_view a, std::u32string_view b,
                     float limit) {
  const size_t n = a.size(), m = b.size();
  if (n == 0 || m == 0) {
    float d = 0;
    for (size_t i = 0; i < n; ++i) d += IndelCost(a, i);
    for (size_t j = 0; j < m; ++j) d += MissingCost(b, j);
    return d;
  }
  std::vector<float> prev2(m + 1), prev(m + 1), cur(m + 1);
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + MissingCost(b, j - 1);
  float prev_row_min = 0;
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = prev[0] + IndelCost(a, i - 1);
    float row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      float best = prev[j - 1] + SubstitutionCost(a[i - 1], b[j - 1]);
      best = std::min(best, prev[j] + IndelCost(a, i - 1));  // extra letter
      best = std::min(best, cur[j - 1] + MissingCost(b, j - 1));
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          a[i - 1] != a[i - 2]) {
        best = std::min(best, prev2[j - 2] + kSwapCost);
      }
      cur[j] = best;
      row_min = std::min(row_min, best);
    }
    // A swap reaches back two rows, so stop only when two rows are over.
    if (row_min > limit && prev_row_min > limit) return row_min;
    prev_row_min = row_min;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

}  // namespace newsroom::spelling::internal
