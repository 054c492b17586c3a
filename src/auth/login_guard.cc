// The login guard. A throttle keyed by account alone (what Newsroom had)
// is a weapon: five wrong passwords from anywhere locked an editor out for
// fifteen minutes, for everyone. Keyed by (account, address) instead, a
// guesser only locks themself out; an account-wide backoff still slows a
// guesser who spreads over many addresses, and the addresses the account
// really logs in from are exempt from it, so that the right password from
// a known place always works.
//
// Every key is a SHA-256 of what the client sent (auth::TokenHash), so the
// memory of an entry does not depend on the length of a made-up user
// name; entries are swept once their window has passed, as the rate
// limiter's buckets are.
//
// Tested by login_guard_test.cc.
#include "auth/login_guard.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "auth/auth.h"

namespace newsroom::auth {

InMemoryLoginGuard::InMemoryLoginGuard(LoginGuardOptions options)
    : options_(std::move(options)) {}

InMemoryLoginGuard::Failures* InMemoryLoginGuard::FindLocked(
    const std::string& key, absl::Time now) {
  auto it = failures_.find(key);
  if (it == failures_.end()) return nullptr;
  if (now - it->second.last >= options_.window) {
    failures_.erase(it);
    return nullptr;
  }
  return &it->second;
}

void InMemoryLoginGuard::AddFailureLocked(const std::string& key,
                                          absl::Time now) {
  Failures* f = FindLocked(key, now);
  if (f == nullptr) f = &failures_[key];
  ++f->count;
  f->last = std::max(f->last, now);
}

bool InMemoryLoginGuard::KnownLocked(const std::string& account,
                                     const std::string& address,
                                     absl::Time now) {
  auto it = known_.find(account);
  if (it == known_.end()) return false;
  for (const Known& k : it->second) {
    if (k.address == address && now - k.at < options_.remember) return true;
  }
  return false;
}

void InMemoryLoginGuard::SweepLocked(absl::Time now) {
  if (now - last_sweep_ < std::max(options_.window, absl::Seconds(1))) return;
  last_sweep_ = now;
  for (auto it = failures_.begin(); it != failures_.end();) {
    if (now - it->second.last >= options_.window) {
      failures_.erase(it++);
    } else {
      ++it;
    }
  }
  for (auto it = known_.begin(); it != known_.end();) {
    std::deque<Known>& list = it->second;
    list.erase(std::remove_if(list.begin(), list.end(),
                              [&](const Known& k) {
                                return now - k.at >= options_.remember;
                              }),
               list.end());
    if (list.empty()) {
      known_.erase(it++);
    } else {
      ++it;
    }
  }
}

absl::Duration InMemoryLoginGuard::Wait(std::string_view account,
                                        std::string_view address,
                                        absl::Time now) {
  if (options_.pair_failures <= 0) return absl::ZeroDuration();
  const std::string a = TokenHash(account);
  const std::string c = TokenHash(address);
  std::lock_guard<std::mutex> lock(mu_);
  SweepLocked(now);
  absl::Duration wait = absl::ZeroDuration();
  auto until_window_passes = [&](const Failures& f) {
    return std::max(absl::ZeroDuration(), f.last + options_.window - now);
  };
  if (Failures* pair = FindLocked(absl::StrCat("p|", a, "|", c), now);
      pair != nullptr && pair->count >= options_.pair_failures) {
    wait = std::max(wait, until_window_passes(*pair));
  }
  if (KnownLocked(a, c, now)) return wait;
  if (Failures* from = FindLocked("c|" + c, now);
      from != nullptr && from->count >= options_.address_failures) {
    wait = std::max(wait, until_window_passes(*from));
  }
  if (Failures* of = FindLocked("a|" + a, now);
      of != nullptr && of->count >= options_.account_failures) {
    const int beyond = std::min(of->count - options_.account_failures, 30);
    const absl::Duration backoff =
        std::min(absl::Seconds(std::ldexp(1.0, beyond)), options_.max_backoff);
    // An attempt refused by the backoff restarts it: while the attack goes
    // on, unknown addresses keep waiting (and the failures are not
    // forgotten), and only a guesser who stops for the whole backoff gets
    // one more guess, which doubles it.
    if (of->last + backoff > now) of->last = std::max(of->last, now);
    wait = std::max(wait, of->last + backoff - now);
  }
  return std::max(wait, absl::ZeroDuration());
}

void InMemoryLoginGuard::Failure(std::string_view account,
                                 std::string_view address, absl::Time now) {
  if (options_.pair_failures <= 0) return;
  const std::string a = TokenHash(account);
  const std::string c = TokenHash(address);
  std::lock_guard<std::mutex> lock(mu_);
  AddFailureLocked(absl::StrCat("p|", a, "|", c), now);
  AddFailureLocked("a|" + a, now);
  AddFailureLocked("c|" + c, now);
}

void InMemoryLoginGuard::Success(std::string_view account,
                                 std::string_view address, absl::Time now) {
  const std::string a = TokenHash(account);
  const std::string c = TokenHash(address);
  std::lock_guard<std::mutex> lock(mu_);
  failures_.erase(absl::StrCat("p|", a, "|", c));
  std::deque<Known>& list = known_[a];
  list.erase(std::remove_if(list.begin(), list.end(),
                            [&](const Known& k) { return k.address == c; }),
             list.end());
  list.push_front({c, now});
  while (static_cast<int>(list.size()) >
         std::max(options_.known_addresses, 1)) {
    list.pop_back();
  }
}

size_t InMemoryLoginGuard::TrackedKeys() {
  std::lock_guard<std::mutex> lock(mu_);
  return failures_.size() + known_.size();
}

}  // namespace newsroom::auth
