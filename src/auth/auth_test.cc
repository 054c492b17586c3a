#include "auth/auth.h"

#include <atomic>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsroom::auth {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

class AuthTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ASSERT_TRUE(Init().ok()); }
};

TEST_F(AuthTest, InitIsIdempotent) {
  EXPECT_TRUE(Init().ok());
  EXPECT_TRUE(Init().ok());
}

TEST_F(AuthTest, HashVerifiesOnlyItsOwnPassword) {
  struct Case {
    std::string password;
    std::string wrong;
  } cases[] = {
      {"correct horse battery staple", "correct horse battery stapl"},
      {"şifreİğ123", "sifreIg123"},  // Turkish letters are not folded
      {"şifreİğ123", "şifreiğ123"},  // nor case-folded
      {"Ankara'da yağmur yağıyor", "ankara'da yağmur yağıyor"},
      {"x", "X"},
      {std::string(1024, 'a'), std::string(1023, 'a')},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.password.substr(0, 40));
    absl::StatusOr<std::string> hash = HashPassword(c.password);
    ASSERT_TRUE(hash.ok()) << hash.status();
    EXPECT_THAT(*hash, StartsWith("$argon2id$v=19$m="));
    EXPECT_TRUE(VerifyPassword(*hash, c.password));
    EXPECT_FALSE(VerifyPassword(*hash, c.wrong));
  }
}

TEST_F(AuthTest, TwoHashesOfOnePasswordDifferBySalt) {
  auto a = HashPassword("gazeteci2024");
  auto b = HashPassword("gazeteci2024");
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(VerifyPassword(*a, "gazeteci2024"));
  EXPECT_TRUE(VerifyPassword(*b, "gazeteci2024"));
}

TEST_F(AuthTest, RejectsEmptyAndOversizePasswords) {
  struct Case {
    std::string password;
    std::string message;
  } cases[] = {
      {"", "empty"},
      {std::string(1025, 'a'), "1025 bytes"},
      {std::string(100000, 'z'), "at most 1024"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<std::string> hash = HashPassword(c.password);
    ASSERT_FALSE(hash.ok());
    EXPECT_EQ(hash.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_THAT(std::string(hash.status().message()), HasSubstr(c.message));
  }
}

TEST_F(AuthTest, MalformedHashNeverVerifies) {
  auto good = HashPassword("parola");
  ASSERT_TRUE(good.ok());
  const std::string truncated = good->substr(0, good->size() - 5);
  std::string tampered = *good;
  tampered.back() = tampered.back() == 'A' ? 'B' : 'A';
  const std::string with_nul = *good + std::string(1, '\0') + "x";
  const std::string cases[] = {
      "",
      "parola",
      "$argon2id$",
      "$argon2id$v=19$m=65536,t=2,p=1$",
      "$2y$10$abcdefghijklmnopqrstuuE0Zc3Ylk5pFrjZ0O8Ky8XyZ8pA9j2a",
      truncated,
      tampered,
      with_nul,
      std::string(1000, '$'),
  };
  for (const std::string& hash : cases) {
    SCOPED_TRACE(hash.substr(0, 60));
    EXPECT_FALSE(VerifyPassword(hash, "parola"));
  }
}

TEST_F(AuthTest, VerifyRefusesEmptyAndOversizePasswords) {
  auto hash = HashPassword("parola");
  ASSERT_TRUE(hash.ok());
  EXPECT_FALSE(VerifyPassword(*hash, ""));
  EXPECT_FALSE(VerifyPassword(*hash, std::string(1025, 'p')));
}

TEST_F(AuthTest, TokensAreDistinctUrlSafeAndOfTheRightLength) {
  struct Case {
    int bytes;
    size_t length;
  } cases[] = {{32, 43}, {16, 22}, {1, 2}, {3, 4}, {64, 86}};
  for (const Case& c : cases) {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
      const std::string token = RandomToken(c.bytes);
      EXPECT_EQ(token.size(), c.length) << c.bytes;
      EXPECT_THAT(token, MatchesRegex("[A-Za-z0-9_-]+"));
      seen.insert(token);
    }
    // One byte has only 256 values; the others never repeat in practice.
    if (c.bytes >= 16) {
      EXPECT_EQ(seen.size(), 200u) << c.bytes;
    }
  }
  EXPECT_EQ(RandomToken().size(), 43u);  // the default: 32 bytes
  EXPECT_EQ(RandomToken(0), "");
}

TEST_F(AuthTest, TokenHashIsLowerHexSha256) {
  struct Case {
    std::string token;
    std::string sha256;
  } cases[] = {
      {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
      {"abc",
       "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
      {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(TokenHash(c.token), c.sha256) << c.token;
  }
  const std::string token = RandomToken();
  EXPECT_EQ(TokenHash(token), TokenHash(token));
  EXPECT_NE(TokenHash(token), TokenHash(token + "x"));
}

TEST_F(AuthTest, ConstantTimeEquals) {
  struct Case {
    std::string a, b;
    bool equal;
  } cases[] = {
      {"", "", true},           {"abc", "abc", true},
      {"abc", "abd", false},    {"abc", "abcd", false},  // length mismatch
      {"abcd", "abc", false},   {"", "a", false},
      {"çağrı", "çağrı", true}, {"çağrı", "cagri", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ConstantTimeEquals(c.a, c.b), c.equal) << c.a << " vs " << c.b;
  }
}

// --- RateLimiter -----------------------------------------------------------

const absl::Time kT0 = absl::FromUnixSeconds(1'700'000'000);

TEST(RateLimiterTest, BurstThenRefillAtRate) {
  RateLimiter limiter(/*rate=*/2, /*burst=*/3);
  EXPECT_TRUE(limiter.Allow("203.0.113.7", kT0));
  EXPECT_TRUE(limiter.Allow("203.0.113.7", kT0));
  EXPECT_TRUE(limiter.Allow("203.0.113.7", kT0));
  EXPECT_FALSE(limiter.Allow("203.0.113.7", kT0));
  EXPECT_EQ(limiter.RetryAfterSeconds("203.0.113.7", kT0), 1);
  // Two tokens a second: after 0.25 s half a token, after 0.5 s one.
  EXPECT_FALSE(limiter.Allow("203.0.113.7", kT0 + absl::Milliseconds(250)));
  EXPECT_TRUE(limiter.Allow("203.0.113.7", kT0 + absl::Milliseconds(500)));
  EXPECT_FALSE(limiter.Allow("203.0.113.7", kT0 + absl::Milliseconds(500)));
  // A long pause refills only up to the burst.
  const absl::Time later = kT0 + absl::Hours(1);
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(limiter.Allow("203.0.113.7", later));
  EXPECT_FALSE(limiter.Allow("203.0.113.7", later));
}

TEST(RateLimiterTest, RetryAfterCountsWholeSecondsUntilTheNextToken) {
  RateLimiter limiter(/*rate=*/0.1, /*burst=*/1);  // one request per 10 s
  EXPECT_EQ(limiter.RetryAfterSeconds("api-key-1", kT0), 0);  // unknown key
  EXPECT_TRUE(limiter.Allow("api-key-1", kT0));
  EXPECT_EQ(limiter.RetryAfterSeconds("api-key-1", kT0), 10);
  EXPECT_EQ(limiter.RetryAfterSeconds("api-key-1", kT0 + absl::Seconds(4)), 6);
  EXPECT_EQ(
      limiter.RetryAfterSeconds("api-key-1", kT0 + absl::Milliseconds(9500)),
      1);
  EXPECT_EQ(limiter.RetryAfterSeconds("api-key-1", kT0 + absl::Seconds(10)), 0);
  EXPECT_TRUE(limiter.Allow("api-key-1", kT0 + absl::Seconds(10)));
}

TEST(RateLimiterTest, KeysHaveIndependentBuckets) {
  RateLimiter limiter(/*rate=*/1, /*burst=*/1);
  EXPECT_TRUE(limiter.Allow("198.51.100.1", kT0));
  EXPECT_FALSE(limiter.Allow("198.51.100.1", kT0));
  EXPECT_TRUE(limiter.Allow("198.51.100.2", kT0));
  EXPECT_TRUE(limiter.Allow("api:muhabir", kT0));
  EXPECT_FALSE(limiter.Allow("198.51.100.2", kT0));
  EXPECT_EQ(limiter.RetryAfterSeconds("198.51.100.3", kT0), 0);
}

TEST(RateLimiterTest, ZeroOrNegativeRateAllowsEverything) {
  for (double rate : {0.0, -1.0}) {
    RateLimiter limiter(rate, /*burst=*/1);
    for (int i = 0; i < 1000; ++i) {
      ASSERT_TRUE(limiter.Allow("load-test", kT0)) << rate;
    }
    EXPECT_EQ(limiter.RetryAfterSeconds("load-test", kT0), 0);
    EXPECT_EQ(limiter.TrackedKeys(), 0u);
  }
}

TEST(RateLimiterTest, BurstBelowOneStillAdmitsOneRequest) {
  RateLimiter limiter(/*rate=*/1, /*burst=*/0);
  EXPECT_TRUE(limiter.Allow("k", kT0));
  EXPECT_FALSE(limiter.Allow("k", kT0));
}

TEST(RateLimiterTest, ClockGoingBackwardsRefillsNothing) {
  RateLimiter limiter(/*rate=*/1, /*burst=*/1);
  EXPECT_TRUE(limiter.Allow("k", kT0));
  EXPECT_FALSE(limiter.Allow("k", kT0 - absl::Seconds(30)));
  EXPECT_TRUE(limiter.Allow("k", kT0 + absl::Seconds(1)));
}

TEST(RateLimiterTest, IdleFullBucketsAreForgotten) {
  RateLimiter limiter(/*rate=*/1, /*burst=*/5);  // full again after 5 s
  for (int i = 0; i < 10000; ++i) {
    limiter.Allow(absl::StrCat("10.0.", i / 256, ".", i % 256), kT0);
  }
  EXPECT_EQ(limiter.TrackedKeys(), 10000u);
  // Two seconds on, the buckets are not yet full: nothing may be dropped.
  limiter.Allow("192.0.2.1", kT0 + absl::Seconds(2));
  EXPECT_EQ(limiter.TrackedKeys(), 10001u);
  // Past the refill time every old bucket is full and is dropped,
  // 192.0.2.1's too (4 tokens left at 2 s, full at 3 s).
  limiter.Allow("192.0.2.2", kT0 + absl::Seconds(6));
  EXPECT_EQ(limiter.TrackedKeys(), 1u);
  // A forgotten key starts again with a full burst.
  for (int i = 0; i < 5; ++i) {
    EXPECT_TRUE(limiter.Allow("10.0.0.0", kT0 + absl::Seconds(6)));
  }
  EXPECT_FALSE(limiter.Allow("10.0.0.0", kT0 + absl::Seconds(6)));
}

TEST(RateLimiterTest, SweepKeepsBucketsThatAreStillRefilling) {
  RateLimiter limiter(/*rate=*/1, /*burst=*/4);  // full again after 4 s
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(limiter.Allow("busy", kT0));
  EXPECT_FALSE(limiter.Allow("busy", kT0));
  EXPECT_TRUE(limiter.Allow("quiet", kT0));
  // Two seconds later "busy" has 2 tokens and spends them.
  EXPECT_TRUE(limiter.Allow("busy", kT0 + absl::Seconds(2)));
  EXPECT_TRUE(limiter.Allow("busy", kT0 + absl::Seconds(2)));
  EXPECT_FALSE(limiter.Allow("busy", kT0 + absl::Seconds(2)));
  // At 4 s a sweep runs: "quiet" is full and goes, "busy" (2 of 4) stays
  // and keeps its count.
  EXPECT_TRUE(limiter.Allow("other", kT0 + absl::Seconds(4)));
  EXPECT_EQ(limiter.TrackedKeys(), 2u);
  EXPECT_TRUE(limiter.Allow("busy", kT0 + absl::Seconds(4)));
  EXPECT_TRUE(limiter.Allow("busy", kT0 + absl::Seconds(4)));
  EXPECT_FALSE(limiter.Allow("busy", kT0 + absl::Seconds(4)));
}

TEST(RateLimiterTest, ConcurrentCallersShareOneBucket) {
  RateLimiter limiter(/*rate=*/1, /*burst=*/1000);
  std::atomic<int> allowed{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        if (limiter.Allow("shared", kT0)) allowed.fetch_add(1);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(allowed.load(), 1000);
}

}  // namespace
}  // namespace newsroom::auth
