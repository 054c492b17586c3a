#include "auth/login_guard.h"

#include <gtest/gtest.h>

#include <string>

#include "auth/auth.h"

namespace newsroom::auth {
namespace {

const absl::Time kStart = absl::FromUnixSeconds(1767600000);
constexpr absl::Duration kZero = absl::ZeroDuration();

class LoginGuardTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(Init().ok()); }
};

TEST_F(LoginGuardTest, FiveWrongGuessesBlockOnlyTheGuessersAddress) {
  InMemoryLoginGuard guard({});
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(guard.Wait("elif", "203.0.113.9", kStart), kZero) << i;
    guard.Failure("elif", "203.0.113.9", kStart);
  }
  EXPECT_EQ(guard.Wait("elif", "203.0.113.9", kStart), absl::Minutes(15));
  EXPECT_EQ(guard.Wait("elif", "203.0.113.9", kStart + absl::Minutes(10)),
            absl::Minutes(5));
  // The editor at the office is not locked out by somebody else's guesses.
  EXPECT_EQ(guard.Wait("elif", "198.51.100.4", kStart), kZero);
  // Another account from the guesser's address is not blocked either.
  EXPECT_EQ(guard.Wait("deniz", "203.0.113.9", kStart), kZero);
  // The window passes.
  EXPECT_EQ(guard.Wait("elif", "203.0.113.9", kStart + absl::Minutes(15)),
            kZero);
}

TEST_F(LoginGuardTest, ASuccessClearsThePair) {
  InMemoryLoginGuard guard({});
  for (int i = 0; i < 4; ++i) guard.Failure("elif", "198.51.100.4", kStart);
  guard.Success("elif", "198.51.100.4", kStart);
  guard.Failure("elif", "198.51.100.4", kStart);
  EXPECT_EQ(guard.Wait("elif", "198.51.100.4", kStart), kZero);
}

TEST_F(LoginGuardTest, OneAddressTryingManyAccountsIsBlocked) {
  InMemoryLoginGuard guard({});
  guard.Success("elif", "203.0.113.9", kStart);  // elif's own address
  for (int i = 0; i < 20; ++i) {
    guard.Failure("user" + std::to_string(i), "203.0.113.9", kStart);
  }
  EXPECT_GT(guard.Wait("zeynep", "203.0.113.9", kStart), kZero);
  EXPECT_EQ(guard.Wait("elif", "203.0.113.9", kStart), kZero)
      << "an account it is known good for still logs in from it";
}

TEST_F(LoginGuardTest, AnAccountUnderAttackBacksOffForUnknownAddressesOnly) {
  InMemoryLoginGuard guard({});
  guard.Success("elif", "198.51.100.4", kStart - absl::Hours(24));
  // Twenty-two wrong guesses from twenty-two addresses, each under its
  // own pair limit.
  for (int i = 0; i < 22; ++i) {
    guard.Failure("elif", "203.0.113." + std::to_string(i), kStart);
  }
  // Two beyond the threshold: a new address waits 4 s after the last one,
  // and the wait doubles with every further failure.
  EXPECT_EQ(guard.Wait("elif", "192.0.2.77", kStart), absl::Seconds(4));
  EXPECT_EQ(guard.Wait("elif", "192.0.2.77", kStart + absl::Seconds(4)), kZero);
  guard.Failure("elif", "192.0.2.78", kStart);
  EXPECT_EQ(guard.Wait("elif", "192.0.2.77", kStart), absl::Seconds(8));
  // The office, where elif logged in yesterday, never waits for it.
  EXPECT_EQ(guard.Wait("elif", "198.51.100.4", kStart), kZero);
  // Other accounts are untouched.
  EXPECT_EQ(guard.Wait("deniz", "192.0.2.77", kStart), kZero);
}

// Over HTTP, guesses refused by the backoff cost nothing; a backoff that
// ran from the last admitted guess alone lapsed a second after the last of
// them, in the middle of the attack.
TEST_F(LoginGuardTest, TheBackoffLastsAsLongAsTheAttack) {
  InMemoryLoginGuard guard({});
  guard.Success("elif", "198.51.100.4", kStart - absl::Hours(1));
  for (int i = 0; i < 20; ++i) {
    guard.Failure("elif", "203.0.113." + std::to_string(i), kStart);
  }
  // The guesser goes on, refused every half second for ten minutes.
  absl::Time t = kStart;
  for (int i = 0; i < 1200; ++i) {
    t += absl::Milliseconds(500);
    EXPECT_GT(guard.Wait("elif", "203.0.113.99", t), kZero) << i;
  }
  // A new address still waits; the office never does.
  EXPECT_EQ(guard.Wait("elif", "192.0.2.200", t + absl::Milliseconds(100)),
            absl::Seconds(1));
  EXPECT_EQ(guard.Wait("elif", "198.51.100.4", t), kZero);
  // Once the attack stops, the backoff passes.
  EXPECT_EQ(guard.Wait("elif", "192.0.2.200", t + absl::Milliseconds(1100)),
            kZero);
}

TEST_F(LoginGuardTest, TheBackoffIsCapped) {
  InMemoryLoginGuard guard({});
  for (int i = 0; i < 200; ++i) {
    guard.Failure("elif", "203.0.113." + std::to_string(i % 250), kStart);
  }
  EXPECT_EQ(guard.Wait("elif", "192.0.2.1", kStart), absl::Minutes(15));
}

TEST_F(LoginGuardTest, KnownAddressesAreForgottenAfterAMonthAndCapped) {
  LoginGuardOptions options;
  options.known_addresses = 2;
  InMemoryLoginGuard guard(options);
  guard.Success("elif", "a", kStart);
  guard.Success("elif", "b", kStart);
  guard.Success("elif", "c", kStart);  // "a" drops out: two are kept
  for (int i = 0; i < 25; ++i) guard.Failure("elif", std::to_string(i), kStart);
  EXPECT_GT(guard.Wait("elif", "a", kStart), kZero);
  EXPECT_EQ(guard.Wait("elif", "b", kStart), kZero);
  EXPECT_EQ(guard.Wait("elif", "c", kStart), kZero);

  InMemoryLoginGuard month(LoginGuardOptions{});
  month.Success("elif", "b", kStart - absl::Hours(24 * 31));
  for (int i = 0; i < 25; ++i) month.Failure("elif", std::to_string(i), kStart);
  EXPECT_GT(month.Wait("elif", "b", kStart), kZero);
}

TEST_F(LoginGuardTest, MemoryDoesNotDependOnTheNamesLength) {
  InMemoryLoginGuard guard({});
  guard.Failure(std::string(60000, 'x'), "203.0.113.9", kStart);
  EXPECT_EQ(guard.TrackedKeys(), 3u);  // pair, account, address
  // Swept once the window has passed.
  guard.Wait("elif", "198.51.100.4", kStart + absl::Minutes(16));
  EXPECT_EQ(guard.TrackedKeys(), 0u);
}

TEST_F(LoginGuardTest, ZeroFailuresSwitchesItOff) {
  LoginGuardOptions options;
  options.pair_failures = 0;
  InMemoryLoginGuard guard(options);
  for (int i = 0; i < 100; ++i) guard.Failure("elif", "x", kStart);
  EXPECT_EQ(guard.Wait("elif", "x", kStart), kZero);
}

}  // namespace
}  // namespace newsroom::auth
