// A concurrent, bounded map from 64-bit keys (fingerprints of what was
// asked) to answers, for work that is asked about again and again: how the
// spelling checker judged a word, whether Hunspell accepts one.
//
//   ResultCache<bool> spelled(1 << 16);
//   uint64_t key = absl::HashOf(word);
//   bool ok;
//   if (!spelled.Get(key, &ok)) {
//     ok = hunspell.spell(word);
//     spelled.Put(key, ok);
//   }
//
// Sixteen shards, each a mutex and an array of four-way sets; a new entry
// replaces the oldest of its set. The memory is fixed when it is built
// (the capacity rounded up to a power of two); nothing is allocated per
// entry beyond the value itself. With 64-bit fingerprints two different
// questions share a key with probability 2^-64: a cache answers for the
// wrong one about once in 10^19 lookups.
//
// Thread-safe.
#ifndef NEWSROOM_CACHE_RESULT_CACHE_H_
#define NEWSROOM_CACHE_RESULT_CACHE_H_

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace newsroom::cache {

// The sets in each shard for at least `capacity` entries: a power of two.
size_t SetsPerShard(int capacity, int ways, int shards);

template <typename Value>
class ResultCache {
 public:
  explicit ResultCache(int capacity) {
    const size_t sets = SetsPerShard(capacity, kWays, kShards);
    for (Shard& s : shards_) s.sets.resize(sets);
    set_mask_ = sets - 1;
  }

  // The entries the cache holds at most.
  size_t capacity() const { return shards_[0].sets.size() * kWays * kShards; }

  bool Get(uint64_t key, Value* out) {
    Shard& shard = shards_[key >> 60];
    std::lock_guard<std::mutex> lock(shard.mu);
    const Set& set = shard.sets[key & set_mask_];
    for (int w = 0; w < kWays; ++w) {
      if (set.used[w] && set.keys[w] == key) {
        *out = set.values[w];
        return true;
      }
    }
    return false;
  }

  void Put(uint64_t key, const Value& value) {
    Shard& shard = shards_[key >> 60];
    std::lock_guard<std::mutex> lock(shard.mu);
    Set& set = shard.sets[key & set_mask_];
    int way = -1;
    for (int w = 0; w < kWays; ++w) {
      if (set.used[w] && set.keys[w] == key) way = w;
    }
    if (way < 0) {  // replace the oldest
      way = set.next;
      set.next = (set.next + 1) % kWays;
    }
    set.used[way] = true;
    set.keys[way] = key;
    set.values[way] = value;
  }

 private:
  static constexpr int kShards = 16;  // by the key's top four bits
  static constexpr int kWays = 4;
  struct Set {
    uint64_t keys[kWays] = {};
    bool used[kWays] = {};
    uint8_t next = 0;  // the way to replace next: the oldest
    Value values[kWays];
  };
  struct Shard {
    std::mutex mu;
    std::vector<Set> sets;
  };
  size_t set_mask_ = 0;
  Shard shards_[kShards];
};

}  // namespace newsroom::cache

#endif  // NEWSROOM_CACHE_RESULT_CACHE_H_
