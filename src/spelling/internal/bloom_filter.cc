// Sizing only: at least one word and fewer than 2^32, so that a word is
// chosen from 32 bits of the mixed key by a multiplication. Everything
// else is inline in the header, where the suggester's loops can see it.
//
// Tested by bloom_filter_test.cc.
#include "spelling/internal/bloom_filter.h"

#include <algorithm>

namespace newsroom::spelling::internal {

BloomFilter::BloomFilter(size_t keys, int bits_per_key) {
  size_t bits = keys * static_cast<size_t>(bits_per_key);
  size_t words = std::clamp<size_t>((bits + 63) / 64, 1, (size_t{1} << 32) - 1);
  words_.assign(words, 0);
  num_words_ = words;
}

void BloomFilter::InsertMany(const uint64_t* keys, size_t n) {
  constexpr size_t kChunk = 64;
  Probe probes[kChunk];
  for (size_t base = 0; base < n; base += kChunk) {
    const size_t size = std::min(kChunk, n - base);
    for (size_t k = 0; k < size; ++k) probes[k] = Locate(keys[base + k]);
    for (size_t k = 0; k < size; ++k) words_[probes[k].word] |= probes[k].mask;
  }
}

}  // namespace newsroom::spelling::internal
