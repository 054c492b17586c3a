// A bounded memo that many threads share: string keys, copied values,
// sharded so that threads rarely wait on each other.
//
//   Memo<WordRestoration> memo(/*capacity=*/1 << 16);
//   WordRestoration w;
//   if (!memo.Lookup(key, &w)) {
//     w = Compute(key);
//     memo.Insert(key, w);
//   }
//
// It memoizes a pure function, so what it holds never changes a result,
// only its cost. When a shard is full it is emptied: crude, but bounded, and
// frequent keys come back at once.
//
// Thread-safe: Lookup and Insert may be called concurrently (they are const
// so that a logically immutable owner can use the memo from const methods).
#ifndef NEWSROOM_DEASCIIFY_INTERNAL_MEMO_H_
#define NEWSROOM_DEASCIIFY_INTERNAL_MEMO_H_

#include <algorithm>
#include <array>
#include <mutex>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/hash/hash.h"

namespace newsroom::deasciify::internal {

template <typename Value>
class Memo {
 public:
  // Holds at most about `capacity` entries.
  explicit Memo(size_t capacity)
      : shard_capacity_(std::max<size_t>(1, capacity / kShards)) {}

  Memo(const Memo&) = delete;
  Memo& operator=(const Memo&) = delete;

  // Copies the value stored under `key` to *value and returns true, or
  // returns false.
  bool Lookup(std::string_view key, Value* value) const {
    absl::string_view k(key.data(), key.size());
    Shard& shard = ShardFor(k);
    std::lock_guard<std::mutex> lock(shard.mu);
    auto it = shard.map.find(k);
    if (it == shard.map.end()) return false;
    *value = it->second;
    return true;
  }

  void Insert(std::string_view key, const Value& value) const {
    absl::string_view k(key.data(), key.size());
    Shard& shard = ShardFor(k);
    std::lock_guard<std::mutex> lock(shard.mu);
    if (shard.map.size() >= shard_capacity_) shard.map.clear();
    shard.map.insert_or_assign(std::string(key), value);
  }

 private:
  static constexpr size_t kShards = 16;
  struct Shard {
    std::mutex mu;
    absl::flat_hash_map<std::string, Value> map;
  };

  Shard& ShardFor(absl::string_view key) const {
    // The high bits: the maps inside use the low ones.
    return shards_[(absl::HashOf(key) >> 56) % kShards];
  }

  const size_t shard_capacity_;
  mutable std::array<Shard, kShards> shards_;
};

}  // namespace newsroom::deasciify::internal

#endif  // NEWSROOM_DEASCIIFY_INTERNAL_MEMO_H_
