// The dynamic programme is the textbook optimal-string-alignment recurrence
// over a (|typed|+1) x (|intended|+1) table, kept in three rolling rows.
// Weights make the common slips cheap so that, among candidates at the same
// plain edit distance, the one a person most plausibly meant ranks first.
// The cut-off at `limit` is checked row by row: when two whole rows exceed
// the limit no later cell can come back under it (a swap reaches back two).
// The rows live on the stack, the per-letter indel costs are computed once
// a row or column, and substitution costs come from a table computed once
// for the letters of Turkish words: the suggester measures dozens of
// candidates a word.
//
// Tested by edit_distance_test.cc.
#include "spelling/internal/edit_distance.h"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "spelling/internal/letters.h"
#include "text/turkish.h"

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
  if (cost == kEditCost && text::IsVowel(intended[j])) return kMissingVowelCost;
  return cost;
}

float ComputeSubstitutionCost(char32_t typed, char32_t intended) {
  if (typed == intended) return 0.0f;
  if (Fold(typed) == Fold(intended)) return kFoldCost;
  if (AreKeyboardNeighbours(typed, intended)) return kNeighbourCost;
  if (text::IsVowel(typed) && text::IsVowel(intended)) return kVowelCost;
  return kEditCost;
}

// SubstitutionCost() for every pair of the letters words are made of,
// computed once: the distance's inner loop reads it instead of folding,
// locating keys and classifying vowels for every cell.
constexpr std::u32string_view kTableLetters =
    U"abcçdefgğhıijklmnoöprsştuüvyzqwxâîû'";
constexpr size_t kTableSize = kTableLetters.size();
constexpr char32_t kIndexedBelow = 0x180;  // all of kTableLetters are

struct SubstitutionTable {
  int8_t index[kIndexedBelow];  // into cost, or -1
  float cost[kTableSize][kTableSize];

  SubstitutionTable() {
    for (int8_t& i : index) i = -1;
    for (size_t a = 0; a < kTableSize; ++a) {
      index[kTableLetters[a]] = static_cast<int8_t>(a);
      for (size_t b = 0; b < kTableSize; ++b) {
        cost[a][b] =
            ComputeSubstitutionCost(kTableLetters[a], kTableLetters[b]);
      }
    }
  }
  int Index(char32_t c) const { return c < kIndexedBelow ? index[c] : -1; }
  float Cost(char32_t typed, int typed_index, char32_t intended,
             int intended_index) const {
    if (typed_index >= 0 && intended_index >= 0) {
      return cost[typed_index][intended_index];
    }
    return ComputeSubstitutionCost(typed, intended);
  }
};

const SubstitutionTable& Table() {
  static const SubstitutionTable* table = new SubstitutionTable();
  return *table;
}

}  // namespace

float SubstitutionCost(char32_t typed, char32_t intended) {
  const SubstitutionTable& t = Table();
  return t.Cost(typed, t.Index(typed), intended, t.Index(intended));
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
  // Four rows of m + 1 cells (the three DP rows and the missing-letter
  // costs of `b`) and the table indexes of b's letters, on the stack for
  // words of up to kStackCells letters.
  constexpr size_t kStackCells = 64;
  float stack[4 * kStackCells];
  int index_stack[kStackCells];
  std::vector<float> heap;
  std::vector<int> index_heap;
  float* cells = stack;
  int* b_index = index_stack;  // b_index[j]: table index of b[j - 1]
  if (m + 1 > kStackCells) {
    heap.resize(4 * (m + 1));
    index_heap.resize(m + 1);
    cells = heap.data();
    b_index = index_heap.data();
  }
  float* prev2 = cells;
  float* prev = prev2 + (m + 1);
  float* cur = prev + (m + 1);
  float* missing = cur + (m + 1);  // missing[j]: MissingCost(b, j - 1)
  const SubstitutionTable& table = Table();
  for (size_t j = 1; j <= m; ++j) {
    missing[j] = MissingCost(b, j - 1);
    b_index[j] = table.Index(b[j - 1]);
  }
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + missing[j];
  float prev_row_min = 0;
  for (size_t i = 1; i <= n; ++i) {
    const float extra = IndelCost(a, i - 1);
    const char32_t ai = a[i - 1];
    const int ai_index = table.Index(ai);
    cur[0] = prev[0] + extra;
    float row_min = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      float best = prev[j - 1] + table.Cost(ai, ai_index, b[j - 1], b_index[j]);
      best = std::min(best, prev[j] + extra);  // extra letter
      best = std::min(best, cur[j - 1] + missing[j]);
      if (i > 1 && j > 1 && ai == b[j - 2] && a[i - 2] == b[j - 1] &&
          ai != a[i - 2]) {
        best = std::min(best, prev2[j - 2] + kSwapCost);
      }
      cur[j] = best;
      row_min = std::min(row_min, best);
    }
    // A swap reaches back two rows, so stop only when two rows are over.
    if (row_min > limit && prev_row_min > limit) return row_min;
    prev_row_min = row_min;
    float* recycled = prev2;
    prev2 = prev;
    prev = cur;
    cur = recycled;
  }
  return prev[m];
}

}  // namespace newsroom::spelling::internal
