// A blocked Bloom filter over 64-bit fingerprints: a small, cache-friendly
// "certainly not" in front of a large exact set, so that most lookups of
// non-members cost one cache line and a few instructions instead of a miss
// to main memory.
//
//   BloomFilter filter(/*keys=*/1'400'000, /*bits_per_key=*/16);  // 2.7 MB
//   filter.Insert(FormHash(U"haber"));
//   filter.MayContain(FormHash(U"haber"));  // true, always
//   filter.MayContain(FormHash(U"habr"));   // false, but for ~0.4 %
//
// Each key sets five bits of one 64-bit word (a "register-blocked" filter,
// Putze, Sanders and Singler 2007): a lookup is one load and one mask
// test. Keys are mixed first, so fingerprints need not be uniform. False
// positives at 8, 12 and 16 bits a key: about 3.3 %, 1.0 % and 0.4 %. A
// member is never refused.
//
// Not thread-safe while inserting; MayContain() on a filter no longer
// modified is thread-safe.
#ifndef NEWSROOM_SPELLING_INTERNAL_BLOOM_FILTER_H_
#define NEWSROOM_SPELLING_INTERNAL_BLOOM_FILTER_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsroom::spelling::internal {

class BloomFilter {
 public:
  // Room for `keys` keys at `bits_per_key` bits each (rounded up to whole
  // 64-bit words, at least one). REQUIRES: bits_per_key > 0.
  BloomFilter(size_t keys, int bits_per_key);

  void Insert(uint64_t key) {
    uint64_t h = Mix(key);
    words_[WordIndex(h)] |= Mask(h);
  }
  // Insert() for keys[0, n), several times faster for a few hundred keys
  // in a filter larger than the cache: their words are fetched together.
  void InsertMany(const uint64_t* keys, size_t n);

  // False only if `key` was never inserted.
  bool MayContain(uint64_t key) const {
    uint64_t h = Mix(key);
    uint64_t mask = Mask(h);
    return (words_[WordIndex(h)] & mask) == mask;
  }

  // Where a key's bits are, for looking up a batch of keys with their
  // cache misses overlapping: Locate() every key and store the probes
  // (which starts loading their words), then Test() each.
  struct Probe {
    size_t word;
    uint64_t mask;
  };
  Probe Locate(uint64_t key) const {
    uint64_t h = Mix(key);
    Probe p{WordIndex(h), Mask(h)};
    __builtin_prefetch(&words_[p.word]);
    return p;
  }
  // MayContain() for the key located.
  bool Test(const Probe& p) const {
    return (words_[p.word] & p.mask) == p.mask;
  }

  size_t bytes() const { return words_.size() * sizeof(uint64_t); }

 private:
  // A 64-bit finaliser (MurmurHash3's fmix64): every input bit reaches
  // every output bit.
  static uint64_t Mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdull;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ull;
    x ^= x >> 33;
    return x;
  }
  // The high 32 bits scaled to [0, words): Lemire's multiply-shift.
  size_t WordIndex(uint64_t h) const {
    return static_cast<size_t>(((h >> 32) * num_words_) >> 32);
  }
  // Five bit positions from the low 30 bits.
  static uint64_t Mask(uint64_t h) {
    return (uint64_t{1} << (h & 63)) | (uint64_t{1} << ((h >> 6) & 63)) |
           (uint64_t{1} << ((h >> 12) & 63)) |
           (uint64_t{1} << ((h >> 18) & 63)) |
           (uint64_t{1} << ((h >> 24) & 63));
  }

  std::vector<uint64_t> words_;
  uint64_t num_words_ = 0;  // words_.size(), below 2^32
};

}  // namespace newsroom::spelling::internal

#endif  // NEWSROOM_SPELLING_INTERNAL_BLOOM_FILTER_H_
