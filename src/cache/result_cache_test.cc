#include "cache/result_cache.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace newsroom::cache {
namespace {

// Keys in one shard (the top four bits) and, for a small cache, one set.
constexpr uint64_t kShard = uint64_t{3} << 60;

TEST(ResultCacheTest, AnswersOnlyWhatWasPut) {
  ResultCache<std::string> cache(1024);
  std::string v;
  EXPECT_FALSE(cache.Get(kShard | 7, &v));
  cache.Put(kShard | 7, "yedi");
  ASSERT_TRUE(cache.Get(kShard | 7, &v));
  EXPECT_EQ(v, "yedi");
  EXPECT_FALSE(cache.Get(kShard | 8, &v));
  EXPECT_FALSE(cache.Get((uint64_t{4} << 60) | 7, &v));  // another shard
}

TEST(ResultCacheTest, PutAgainReplacesTheAnswer) {
  ResultCache<int> cache(64);
  cache.Put(kShard | 1, 1);
  cache.Put(kShard | 1, 2);
  int v = 0;
  ASSERT_TRUE(cache.Get(kShard | 1, &v));
  EXPECT_EQ(v, 2);
  // The same key took one way: three more keys fit beside it.
  cache.Put(kShard | 2, 20);
  cache.Put(kShard | 3, 30);
  cache.Put(kShard | 4, 40);
  EXPECT_TRUE(cache.Get(kShard | 1, &v));
}

TEST(ResultCacheTest, AFullSetForgetsItsOldestEntry) {
  // 64 entries: sixteen shards of one four-way set each.
  ResultCache<int> cache(64);
  ASSERT_EQ(cache.capacity(), 64u);
  for (int k = 1; k <= 5; ++k) cache.Put(kShard | k, k);
  int v = 0;
  EXPECT_FALSE(cache.Get(kShard | 1, &v));
  for (int k = 2; k <= 5; ++k) {
    ASSERT_TRUE(cache.Get(kShard | k, &v)) << k;
    EXPECT_EQ(v, k);
  }
  cache.Put(kShard | 6, 6);  // then the next oldest
  EXPECT_FALSE(cache.Get(kShard | 2, &v));
  EXPECT_TRUE(cache.Get(kShard | 3, &v));
}

TEST(ResultCacheTest, CapacityRoundsUpToAPowerOfTwo) {
  EXPECT_EQ(ResultCache<bool>(1).capacity(), 64u);
  EXPECT_EQ(ResultCache<bool>(64).capacity(), 64u);
  EXPECT_EQ(ResultCache<bool>(65).capacity(), 128u);
  EXPECT_EQ(ResultCache<bool>(1 << 16).capacity(), size_t{1} << 16);
}

TEST(ResultCacheTest, ThreadsNeverSeeAnotherKeysAnswer) {
  ResultCache<uint64_t> cache(256);  // small: entries are replaced often
  std::vector<std::thread> threads;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, &wrong, t] {
      for (uint64_t i = 0; i < 20000; ++i) {
        const uint64_t key = (i * 0x9E3779B97F4A7C15ull) ^ t;
        uint64_t v;
        if (cache.Get(key, &v)) {
          if (v != ~key) ++wrong[t];
        } else {
          cache.Put(key, ~key);
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(wrong[t], 0) << t;
}

}  // namespace
}  // namespace newsroom::cache
