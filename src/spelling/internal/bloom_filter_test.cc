#include "spelling/internal/bloom_filter.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace newsroom::spelling::internal {
namespace {

struct SizeCase {
  size_t keys;
  int bits_per_key;
  size_t bytes;  // whole 64-bit words, at least one
};

TEST(BloomFilterTest, SizeIsRoundedUpToWholeWords) {
  const SizeCase cases[] = {
      {0, 1, 8},
      {1, 1, 8},
      {4, 16, 8},   // 64 bits: one word
      {5, 16, 16},  // 80 bits: two
      {1'000'000, 16, 2'000'000},
  };
  for (const SizeCase& t : cases) {
    EXPECT_EQ(BloomFilter(t.keys, t.bits_per_key).bytes(), t.bytes)
        << t.keys << " keys, " << t.bits_per_key << " bits a key";
  }
}

// The one promise a Bloom filter makes: no member is ever refused. Checked
// at several loads, including far past the planned one, and for keys with
// little entropy (small integers, multiples of a power of two).
TEST(BloomFilterTest, NeverRefusesAMember) {
  const struct {
    size_t planned;
    size_t inserted;
  } cases[] = {{1000, 1000}, {1000, 20000}, {100000, 100000}};
  std::mt19937_64 rng(1);
  for (const auto& t : cases) {
    BloomFilter filter(t.planned, 16);
    std::vector<uint64_t> keys;
    for (size_t k = 0; k < t.inserted; ++k) {
      uint64_t key = k % 3 == 0 ? k : k % 3 == 1 ? k << 40 : rng();
      keys.push_back(key);
      filter.Insert(key);
    }
    for (uint64_t key : keys) ASSERT_TRUE(filter.MayContain(key)) << key;
  }
}

// The rates the header promises, measured on keys never inserted.
TEST(BloomFilterTest, FalsePositiveRates) {
  const struct {
    int bits_per_key;
    double max_rate;  // the expected rate plus a margin
  } cases[] = {{8, 0.040}, {12, 0.013}, {16, 0.006}};
  for (const auto& t : cases) {
    const size_t n = 200000;
    BloomFilter filter(n, t.bits_per_key);
    std::mt19937_64 rng(2);
    for (size_t k = 0; k < n; ++k) filter.Insert(rng());
    // Sequential keys are not the random keys inserted (a clash is ~1e-9).
    int positives = 0;
    const int probes = 400000;
    for (int k = 0; k < probes; ++k) positives += filter.MayContain(k);
    EXPECT_LT(static_cast<double>(positives) / probes, t.max_rate)
        << t.bits_per_key << " bits a key";
  }
}

}  // namespace
}  // namespace newsroom::spelling::internal
