// A typing-aware edit distance between two lower-case words.
//
//   float d = TypingDistance(U"bilgisyar", U"bilgisayar");  // 0.8 (a vowel)
//   TypingDistance(U"güzek", U"güzel");   // 0.7: k and l are neighbours
//   TypingDistance(U"isik", U"ışık");     // 0.9: three ASCII look-alikes
//
// Optimal string alignment (Damerau–Levenshtein without overlapping edits)
// with costs for the slips people actually make on a Turkish keyboard:
//
//   a Turkish letter typed as its ASCII look-alike (ı→i, ş→s, ğ→g, …) 0.3
//   a letter doubled or a double letter typed once                   0.6
//   two adjacent letters swapped                                      0.7
//   a key replaced by its neighbour on the Turkish Q keyboard         0.7
//   a vowel left out                                                  0.8
//   a vowel replaced by another vowel                                 0.9
//   any other insertion, deletion or substitution                     1.0
//
// Pure and thread-safe.
#ifndef NEWSROOM_SPELLING_INTERNAL_EDIT_DISTANCE_H_
#define NEWSROOM_SPELLING_INTERNAL_EDIT_DISTANCE_H_

#include <string_view>

namespace newsroom::spelling::internal {

// The cheapest sequence of edits turning `typed` into `intended`, with the
// costs above. Returns a value > `limit` (not necessarily the exact
// distance) as soon as the distance is known to exceed `limit`.
// REQUIRES: both words are in lower case.
float TypingDistance(std::u32string_view typed, std::u32string_view intended,
                     float limit = 1e9f);

// Cost of typing `typed` where `intended` was meant, one letter.
float SubstitutionCost(char32_t typed, char32_t intended);

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_EDIT_DISTANCE_H_
