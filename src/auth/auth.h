// Passwords, tokens and rate limits for editors, moderators and API keys.
//
//   std::string hash = auth::HashPassword("correct horse").value();
//   bool ok = auth::VerifyPassword(hash, "correct horse");
//   std::string cookie = auth::RandomToken();      // goes to the browser
//   std::string stored = auth::TokenHash(cookie);  // goes to the database
//
// Failed logins are judged by auth/login_guard.h.
// Built on libsodium: argon2id (crypto_pwhash_str) for passwords, its
// CSPRNG for tokens, SHA-256 for token hashes, constant-time comparison.
// Call Init() once before anything else (the server and the commands do).
#ifndef NEWSROOM_AUTH_AUTH_H_
#define NEWSROOM_AUTH_AUTH_H_

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace newsroom::auth {

// Initialises libsodium; Internal when it cannot (no entropy source).
absl::Status Init();

// An argon2id hash string ("$argon2id$v=19$m=…") with libsodium's
// interactive limits. InvalidArgument for an empty password or one longer
// than 1,024 bytes.
absl::StatusOr<std::string> HashPassword(std::string_view password);
// True when `password` matches `hash`; false for a malformed hash.
bool VerifyPassword(std::string_view hash, std::string_view password);

// `bytes` random bytes as unpadded base64url (32 bytes → 43 characters).
std::string RandomToken(int bytes = 32);
// Lower-case hex SHA-256 of a token: what the database stores.
std::string TokenHash(std::string_view token);
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// A limit of requests per key ("client address", "api key"). An interface
// so that several servers can share one (a PostgreSQL-backed limit);
// RateLimiter below keeps it in this process. Thread-safe.
class RateLimit {
 public:
  virtual ~RateLimit() = default;
  // True (and one request counted) when `key` may make a request now.
  virtual bool Allow(std::string_view key, absl::Time now) = 0;
  // Seconds until Allow(key) would next succeed (for Retry-After).
  virtual int RetryAfterSeconds(std::string_view key, absl::Time now) = 0;
};

// A token bucket per key: `rate` tokens a second up to `burst`. Allow()
// takes one token when there is one. rate <= 0 allows everything (the
// switch-off for load tests). Thread-safe; keys idle long enough to be
// full again are forgotten. A burst below one is read as one.
class RateLimiter final : public RateLimit {
 public:
  RateLimiter(double rate, double burst);
  bool Allow(std::string_view key, absl::Time now) override;
  int RetryAfterSeconds(std::string_view key, absl::Time now) override;
  // How many keys are remembered now (for metrics and tests).
  size_t TrackedKeys();

 private:
  struct Bucket {
    double tokens = 0;
    absl::Time last;
  };
  void RefillLocked(Bucket& bucket, absl::Time now);
  void SweepLocked(absl::Time now);

  const double rate_;
  const double burst_;
  std::mutex mu_;
  absl::flat_hash_map<std::string, Bucket> buckets_;
  absl::Time last_sweep_ = absl::InfinitePast();
};

}  // namespace newsroom::auth

#endif  // NEWSROOM_AUTH_AUTH_H_
