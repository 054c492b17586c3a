// Who may try a password now. Failed logins are judged per (account,
// client address); an account under attack from many addresses backs off
// for addresses it has never logged in from, and never for those it has.
//
//   auth::InMemoryLoginGuard guard({});
//   if (absl::Duration wait = guard.Wait(user, address, now);
//       wait > absl::ZeroDuration()) {
//     return 429 with Retry-After: ceil(wait);
//   }
//   if (password is right) guard.Success(user, address, now);
//   else guard.Failure(user, address, now);
//
// The rules, with the default options:
//   - 5 failures of one account from one address within 15 minutes block
//     that pair until 15 minutes have passed since its last failure. A
//     wrong guess from elsewhere never locks the account for everyone.
//   - 20 failures of one address over all accounts block that address the
//     same way (one client trying many accounts), except for accounts that
//     logged in from it before.
//   - 20 failures of one account from anywhere within 15 minutes start a
//     backoff for that account from unknown addresses: each further failure
//     doubles the wait, from 1 s up to 15 minutes; an attempt refused by
//     the backoff starts it again, so that it lasts as long as the attack
//     (and at most 15 minutes after). An address the account
//     logged in from within the last 30 days (up to 16 per account, the
//     most recent kept) is "known good" and never waits for this backoff:
//     the right password from the newsroom's own office always works.
//   - A success clears the pair's failures and remembers the address.
// Keys are hashed, so a long made-up user name costs no more memory than a
// short one; entries are forgotten when their window has passed.
//
// LoginGuard is an interface so that a store shared by several servers
// (PostgreSQL) can keep these counts for all of them; InMemoryLoginGuard
// keeps them in this process. Thread-safe.
#ifndef NEWSROOM_AUTH_LOGIN_GUARD_H_
#define NEWSROOM_AUTH_LOGIN_GUARD_H_

#include <deque>
#include <mutex>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/time/time.h"

namespace newsroom::auth {

class LoginGuard {
 public:
  virtual ~LoginGuard() = default;
  // How long `address` must wait before trying a password for `account`;
  // zero when it may now. A refusal by the account's backoff restarts the
  // backoff (the attack goes on).
  virtual absl::Duration Wait(std::string_view account,
                              std::string_view address, absl::Time now) = 0;
  virtual void Failure(std::string_view account, std::string_view address,
                       absl::Time now) = 0;
  virtual void Success(std::string_view account, std::string_view address,
                       absl::Time now) = 0;
};

struct LoginGuardOptions {
  // Failures of one account from one address within `window` that block
  // the pair. <= 0 switches the guard off (every Wait() is zero).
  int pair_failures = 5;
  absl::Duration window = absl::Minutes(15);
  // Failures of one address, over all accounts, that block the address
  // (but not for accounts it is known good for).
  int address_failures = 20;
  // Failures of one account from anywhere that start its backoff for
  // unknown addresses; the wait doubles with each failure beyond, up to
  // max_backoff.
  int account_failures = 20;
  absl::Duration max_backoff = absl::Minutes(15);
  // Known-good addresses kept per account, and for how long.
  int known_addresses = 16;
  absl::Duration remember = absl::Hours(24 * 30);
};

class InMemoryLoginGuard final : public LoginGuard {
 public:
  explicit InMemoryLoginGuard(LoginGuardOptions options);

  absl::Duration Wait(std::string_view account, std::string_view address,
                      absl::Time now) override;
  void Failure(std::string_view account, std::string_view address,
               absl::Time now) override;
  void Success(std::string_view account, std::string_view address,
               absl::Time now) override;

  // Entries remembered now (failure counts and known-good lists).
  size_t TrackedKeys();

 private:
  struct Failures {
    int count = 0;
    absl::Time last;
  };
  struct Known {
    std::string address;  // hashed
    absl::Time at;
  };
  // The failures under `key`, or null when none within the window.
  Failures* FindLocked(const std::string& key, absl::Time now);
  void AddFailureLocked(const std::string& key, absl::Time now);
  bool KnownLocked(const std::string& account, const std::string& address,
                   absl::Time now);
  void SweepLocked(absl::Time now);

  const LoginGuardOptions options_;
  std::mutex mu_;
  absl::flat_hash_map<std::string, Failures>
      failures_;  // "p|a|b", "a|…", "c|…"
  absl::flat_hash_map<std::string, std::deque<Known>> known_;  // by account
  absl::Time last_sweep_ = absl::InfinitePast();
};

}  // namespace newsroom::auth

#endif  // NEWSROOM_AUTH_LOGIN_GUARD_H_
