// Passwords, tokens and rate limits on top of libsodium.
//
// Passwords are stored as argon2id strings that carry their own salt and
// cost parameters, so raising the limits later needs no schema change.
// Tokens (session cookies, API keys) are random bytes in base64url; only
// their SHA-256 goes to the database, so a leaked database opens no
// session. A token is 256 random bits, which is why a fast hash suffices.
//
// The rate limiter is a token bucket per key. A bucket that has been idle
// long enough to be full again is indistinguishable from a new one, so a
// periodic sweep drops such buckets without changing any answer: memory
// stays bounded by the keys seen within one refill time.
//
// Tested by auth_test.cc.
#include "auth/auth.h"

#include <sodium.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace newsroom::auth {
namespace {

constexpr size_t kMaxPasswordBytes = 1024;

// The rate limiter sweeps at most this often, however fast its buckets
// refill, so that a sweep's cost is spread over many requests.
constexpr absl::Duration kMinSweepInterval = absl::Seconds(1);

}  // namespace

absl::Status Init() {
  // 0: initialised now; 1: already initialised; -1: failure.
  if (sodium_init() < 0) {
    return absl::InternalError(
        "libsodium could not be initialised (no entropy source?)");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> HashPassword(std::string_view password) {
  if (password.empty()) {
    return absl::InvalidArgumentError("the password is empty");
  }
  if (password.size() > kMaxPasswordBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("the password is ", password.size(),
                     " bytes long; at most ", kMaxPasswordBytes, " allowed"));
  }
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return absl::ResourceExhaustedError(
        "not enough memory to hash the password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view hash, std::string_view password) {
  if (password.empty() || password.size() > kMaxPasswordBytes) return false;
  // libsodium reads a NUL-terminated string of bounded length.
  if (hash.empty() || hash.size() >= crypto_pwhash_STRBYTES ||
      hash.find('\0') != std::string_view::npos) {
    return false;
  }
  const std::string terminated(hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(),
                                  password.size()) == 0;
}

std::string RandomToken(int bytes) {
  if (bytes <= 0) return "";
  std::string raw(static_cast<size_t>(bytes), '\0');
  randombytes_buf(raw.data(), raw.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string encoded(sodium_base64_ENCODED_LEN(raw.size(), kVariant), '\0');
  sodium_bin2base64(encoded.data(), encoded.size(),
                    reinterpret_cast<const unsigned char*>(raw.data()),
                    raw.size(), kVariant);
  sodium_memzero(raw.data(), raw.size());
  encoded.resize(encoded.find('\0'));
  return encoded;
}

std::string TokenHash(std::string_view token) {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest,
                     reinterpret_cast<const unsigned char*>(token.data()),
                     token.size());
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof(hex), digest, sizeof(digest));
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  // The length is not secret: tokens and hashes have fixed lengths.
  if (a.size() != b.size()) return false;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

// ---------------------------------------------------------------------------
// RateLimiter

// A burst below one token could never admit a request; it is read as one.
RateLimiter::RateLimiter(double rate, double burst)
    : rate_(rate), burst_(std::max(burst, 1.0)) {}

void RateLimiter::RefillLocked(Bucket& bucket, absl::Time now) {
  if (now <= bucket.last) return;  // a clock that went back refills nothing
  const double elapsed = absl::ToDoubleSeconds(now - bucket.last);
  bucket.tokens = std::min(burst_, bucket.tokens + elapsed * rate_);
  bucket.last = now;
}

void RateLimiter::SweepLocked(absl::Time now) {
  const absl::Duration refill_time = absl::Seconds(burst_ / rate_);
  if (now - last_sweep_ < std::max(refill_time, kMinSweepInterval)) return;
  last_sweep_ = now;
  for (auto it = buckets_.begin(); it != buckets_.end();) {
    const Bucket& b = it->second;
    const double elapsed =
        now > b.last ? absl::ToDoubleSeconds(now - b.last) : 0.0;
    if (b.tokens + elapsed * rate_ >= burst_) {
      buckets_.erase(it++);
    } else {
      ++it;
    }
  }
}

bool RateLimiter::Allow(std::string_view key, absl::Time now) {
  if (rate_ <= 0) return true;
  std::lock_guard<std::mutex> lock(mu_);
  SweepLocked(now);
  auto [it, inserted] = buckets_.try_emplace(std::string(key));
  Bucket& bucket = it->second;
  if (inserted) {
    bucket.tokens = burst_;
    bucket.last = now;
  } else {
    RefillLocked(bucket, now);
  }
  if (bucket.tokens < 1.0) return false;
  bucket.tokens -= 1.0;
  return true;
}

int RateLimiter::RetryAfterSeconds(std::string_view key, absl::Time now) {
  if (rate_ <= 0) return 0;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = buckets_.find(std::string(key));
  if (it == buckets_.end()) return 0;
  RefillLocked(it->second, now);
  if (it->second.tokens >= 1.0) return 0;
  const double wait = (1.0 - it->second.tokens) / rate_;
  return std::max(1, static_cast<int>(std::ceil(wait)));
}

size_t RateLimiter::TrackedKeys() {
  std::lock_guard<std::mutex> lock(mu_);
  return buckets_.size();
}

}  // namespace newsroom::auth
