// Fingerprints of words, and of every one-letter edit of a word without
// building the edited word: the suggester asks "is this edit a word?" for
// some five hundred edits of each typo, and building and hashing each edit
// as a string cost more than all the rest of a suggestion.
//
//   EditHasher edits(U"habr");
//   edits.Insertion(3, U'e') == FormHash(U"haber");     // true
//   edits.Deletion(0) == FormHash(U"abr");              // true
//   edits.Substitution(1, U'u') == FormHash(U"hubr");   // true
//   edits.Swap(2) == FormHash(U"harb");                 // true
//
// The fingerprint is a polynomial hash modulo the Mersenne prime 2^61 − 1:
// FormHash(s) = Σ (s[i] + 1) · B^(n−1−i) mod p, for a base B drawn at
// random when the process starts. Two different words of at most n letters
// collide with probability at most n / 2^61 over the choice of B, so a set
// of 1.4 million forms answers a wrong "yes" about once in 10^11 lookups,
// and nobody can choose a word that collides with a form on purpose.
// Fingerprints differ from one process to the next: never store them, and
// never let what a search finds depend on them beyond such a collision.
// FormHashExtend(), FormHash() and EditHasher take the base as a last
// argument defaulting to the process's kFormHashBase, so that a test can
// build the same structures with two bases and compare what they answer.
// Because the hash is a polynomial, the hash of a word with a letter
// deleted, replaced, inserted or two letters swapped is a few
// multiplications from the word's prefix and suffix hashes.
//
// Pure and thread-safe; an EditHasher is a value tied to one word.
#ifndef NEWSROOM_SPELLING_INTERNAL_FORM_HASH_H_
#define NEWSROOM_SPELLING_INTERNAL_FORM_HASH_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "absl/container/inlined_vector.h"

namespace newsroom::spelling::internal {

inline constexpr uint64_t kFormHashPrime = (uint64_t{1} << 61) - 1;
// The base B, in [2^32, p − 3]; random, fixed for the life of the process.
extern const uint64_t kFormHashBase;
// A base fixed for every process, for keys whose collisions cost only time
// and must not differ between processes: a filter that prunes a bounded
// search (FormSet::MayBePrefix) is keyed with it, so that the search stops
// at the same place in every process. Never for a yes that accepts a word.
inline constexpr uint64_t kFixedHashBase =
    0x1d3c5b7a9f2e4d61ull % kFormHashPrime;

// (a · b) mod p for a, b < p.
inline uint64_t FormHashMul(uint64_t a, uint64_t b) {
  unsigned __int128 x = static_cast<unsigned __int128>(a) * b;
  uint64_t r = (static_cast<uint64_t>(x) & kFormHashPrime) +
               static_cast<uint64_t>(x >> 61);
  return r >= kFormHashPrime ? r - kFormHashPrime : r;
}

// (a + b) mod p for a, b < p.
inline uint64_t FormHashAdd(uint64_t a, uint64_t b) {
  uint64_t r = a + b;
  return r >= kFormHashPrime ? r - kFormHashPrime : r;
}

// (a − b) mod p for a, b < p.
inline uint64_t FormHashSub(uint64_t a, uint64_t b) {
  return a >= b ? a - b : a + kFormHashPrime - b;
}

// The hash of s + c, given h = FormHash(s, base).
inline uint64_t FormHashExtend(uint64_t h, char32_t c,
                               uint64_t base = kFormHashBase) {
  return FormHashAdd(FormHashMul(h, base), uint64_t{c} + 1);
}

// The fingerprint of a word: a value in [0, 2^61 − 1), 0 for "".
// REQUIRES: 2 <= base < kFormHashPrime (any such base is a valid hash; the
// process's is random so that its collisions cannot be chosen).
uint64_t FormHash(std::u32string_view s, uint64_t base = kFormHashBase);

// The fingerprints of the one-letter edits of one word, each in O(1) after
// O(n) set-up. Positions are code-point indexes into the word.
class EditHasher {
 public:
  // `word` must outlive the hasher; fingerprints are FormHash(…, base)'s.
  explicit EditHasher(std::u32string_view word, uint64_t base = kFormHashBase);
  EditHasher(const EditHasher&) = delete;
  EditHasher& operator=(const EditHasher&) = delete;

  std::u32string_view word() const { return word_; }
  size_t size() const { return word_.size(); }
  uint64_t base() const { return base_; }
  // FormHash(word, base()).
  uint64_t Whole() const { return prefix_[word_.size()]; }
  // FormHash(word[0, i)) and FormHash(word[i, size())). REQUIRES: i <= size().
  uint64_t Prefix(size_t i) const { return prefix_[i]; }
  uint64_t Suffix(size_t i) const { return suffix_[i]; }
  // The word without letter i. REQUIRES: i < size().
  uint64_t Deletion(size_t i) const { return Join(prefix_[i], i + 1); }
  // The word with letters i and j deleted. REQUIRES: i < j < size().
  uint64_t Deletion(size_t i, size_t j) const {
    // prefix_[j] with letter i taken out: FormHash(word[0, i) + word[i+1, j)).
    uint64_t head = FormHashAdd(
        prefix_[j], FormHashMul(FormHashSub(prefix_[i], prefix_[i + 1]),
                                power_[j - i - 1]));
    return Join(head, j + 1);
  }
  // Letter i replaced by c. REQUIRES: i < size().
  uint64_t Substitution(size_t i, char32_t c) const {
    return Join(FormHashExtend(prefix_[i], c, base_), i + 1);
  }
  // c inserted before letter i (at the end when i == size()).
  // REQUIRES: i <= size().
  uint64_t Insertion(size_t i, char32_t c) const {
    return Join(FormHashExtend(prefix_[i], c, base_), i);
  }
  // Letters i and i + 1 swapped. REQUIRES: i + 1 < size().
  uint64_t Swap(size_t i) const {
    uint64_t h = FormHashExtend(prefix_[i], word_[i + 1], base_);
    return Join(FormHashExtend(h, word_[i], base_), i + 2);
  }

 private:
  // The hash of (a string hashing to `head`) + word[from, size()).
  uint64_t Join(uint64_t head, size_t from) const {
    return FormHashAdd(FormHashMul(head, power_[word_.size() - from]),
                       suffix_[from]);
  }

  std::u32string_view word_;
  uint64_t base_;
  // prefix_[i] = FormHash(word[0, i)), suffix_[i] = FormHash(word[i, n)),
  // power_[k] = B^k mod p: inline for words of up to kInline letters.
  static constexpr size_t kInline = 31;
  absl::InlinedVector<uint64_t, kInline + 1> prefix_;
  absl::InlinedVector<uint64_t, kInline + 1> suffix_;
  const uint64_t* power_;  // the shared table, or extra_powers_
  // For longer words, and for a base other than the process's.
  std::vector<uint64_t> extra_powers_;
};

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_FORM_HASH_H_
