// SqliteStore: users, sessions, API keys and moderator feedback.
//
// Tested by sqlite_store_test.cc.
#include <utility>

#include "absl/strings/str_cat.h"
#include "store/internal/rows.h"
#include "store/internal/validate.h"
#include "store/sqlite_store.h"

namespace newsroom::store {

using internal::Connection;
using internal::Execute;
using internal::Exists;
using internal::QueryAll;
using internal::QueryOne;
using internal::Quote;
using internal::Statement;
using internal::Truncate;

namespace {

User UserFromRow(const Statement& row) {
  User u;
  u.id = row.Int(0);
  u.username = row.Text(1);
  u.role = ParseRole(row.Text(2)).value_or(Role::kModerator);
  u.password_hash = row.Text(3);
  u.created_at = row.Time(4);
  u.disabled = !row.IsNull(5);
  return u;
}

ApiKey ApiKeyFromRow(const Statement& row) {
  ApiKey k;
  k.id = row.Int(0);
  k.name = row.Text(1);
  k.key_hash = row.Text(2);
  k.prefix = row.Text(3);
  k.created_at = row.Time(4);
  if (!row.IsNull(5)) k.revoked_at = row.Time(5);
  return k;
}

// Ends the sessions of a user, inside the caller's transaction.
absl::Status DeleteSessionsOfUserNamed(Connection& c,
                                       std::string_view username) {
  return Execute(c,
                 "DELETE FROM sessions WHERE user_id = "
                 "(SELECT id FROM users WHERE username = ?)",
                 [&](Statement& st) { st.Bind(1, username); });
}

}  // namespace

// --- users and sessions ----------------------------------------------------

absl::StatusOr<User> SqliteStore::AddUser(std::string_view username, Role role,
                                          std::string_view password_hash) {
  if (absl::Status s = internal::ValidateNewUser(username, password_hash);
      !s.ok()) {
    return s;
  }
  User user;
  user.username = std::string(username);
  user.role = role;
  user.password_hash = std::string(password_hash);
  user.created_at = Truncate(absl::Now());
  return Write([&](Connection& c) -> absl::StatusOr<User> {
    absl::Status s =
        Execute(c,
                "INSERT INTO users (username, role, password_hash, created_at) "
                "VALUES (?, ?, ?, ?)",
                [&](Statement& st) {
                  st.Bind(1, user.username)
                      .Bind(2, RoleName(user.role))
                      .Bind(3, user.password_hash)
                      .Bind(4, user.created_at);
                });
    if (absl::IsAlreadyExists(s)) {
      return absl::AlreadyExistsError(
          absl::StrCat("user name ", Quote(username), " is taken"));
    }
    if (!s.ok()) return s;
    user.id = c.last_insert_rowid();
    return user;
  });
}

absl::StatusOr<User> SqliteStore::FindUser(std::string_view username) {
  return Read([&](Connection& c) {
    return QueryOne<User>(
        c,
        "SELECT id, username, role, password_hash, created_at, disabled_at "
        "FROM users "
        "WHERE username = ?",
        [&](Statement& s) { s.Bind(1, username); }, UserFromRow,
        absl::StrCat("no user ", Quote(username)));
  });
}

absl::StatusOr<User> SqliteStore::FindUserById(int64_t id) {
  return Read([&](Connection& c) {
    return QueryOne<User>(
        c,
        "SELECT id, username, role, password_hash, created_at, disabled_at "
        "FROM users "
        "WHERE id = ?",
        [&](Statement& s) { s.Bind(1, id); }, UserFromRow,
        absl::StrCat("user ", id, " does not exist"));
  });
}

absl::Status SqliteStore::SetPassword(std::string_view username,
                                      std::string_view password_hash) {
  if (password_hash.empty()) {
    return absl::InvalidArgumentError("a user needs a password hash");
  }
  return Write([&](Connection& c) -> absl::Status {
    absl::Status s = Execute(
        c, "UPDATE users SET password_hash = ? WHERE username = ?",
        [&](Statement& st) { st.Bind(1, password_hash).Bind(2, username); });
    if (s.ok() && c.changes() == 0) {
      s = absl::NotFoundError(absl::StrCat("no user ", Quote(username)));
    }
    if (s.ok()) s = DeleteSessionsOfUserNamed(c, username);
    return s;
  });
}

absl::Status SqliteStore::SetUserDisabled(std::string_view username,
                                          bool disabled) {
  return Write([&](Connection& c) -> absl::Status {
    absl::Status s =
        disabled
            ? Execute(c,
                      "UPDATE users SET disabled_at = coalesce(disabled_at, ?) "
                      "WHERE username = ?",
                      [&](Statement& st) {
                        st.Bind(1, Truncate(absl::Now())).Bind(2, username);
                      })
            : Execute(c,
                      "UPDATE users SET disabled_at = NULL WHERE username = ?",
                      [&](Statement& st) { st.Bind(1, username); });
    if (s.ok() && c.changes() == 0) {
      s = absl::NotFoundError(absl::StrCat("no user ", Quote(username)));
    }
    if (s.ok() && disabled) s = DeleteSessionsOfUserNamed(c, username);
    return s;
  });
}

absl::Status SqliteStore::AddSession(const Session& session) {
  if (session.token_hash.empty()) {
    return absl::InvalidArgumentError("a session needs a token hash");
  }
  return Write([&](Connection& c) -> absl::Status {
    absl::StatusOr<bool> user =
        Exists(c, "SELECT 1 FROM users WHERE id = ?", session.user_id);
    if (!user.ok()) return user.status();
    if (!*user) {
      return absl::NotFoundError(
          absl::StrCat("user ", session.user_id, " does not exist"));
    }
    absl::StatusOr<bool> disabled = Exists(
        c, "SELECT 1 FROM users WHERE id = ? AND disabled_at IS NOT NULL",
        session.user_id);
    if (!disabled.ok()) return disabled.status();
    if (*disabled) {
      return absl::FailedPreconditionError(absl::StrCat(
          "user ", session.user_id, " is disabled and may not log in"));
    }
    // Sessions that had expired when this one began are of no more use.
    absl::Status s =
        Execute(c, "DELETE FROM sessions WHERE expires_at <= ?",
                [&](Statement& st) { st.Bind(1, session.created_at); });
    if (!s.ok()) return s;
    s = Execute(c,
                "INSERT INTO sessions (token_hash, user_id, csrf_token, "
                "created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                [&](Statement& st) {
                  st.Bind(1, session.token_hash)
                      .Bind(2, session.user_id)
                      .Bind(3, session.csrf_token)
                      .Bind(4, session.created_at)
                      .Bind(5, session.expires_at);
                });
    if (absl::IsAlreadyExists(s)) {
      return absl::AlreadyExistsError("a session with this token exists");
    }
    return s;
  });
}

absl::StatusOr<Session> SqliteStore::FindSession(std::string_view token_hash,
                                                 absl::Time now) {
  absl::StatusOr<Session> session = Read([&](Connection& c) {
    return QueryOne<Session>(
        c,
        "SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, "
        "s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE s.token_hash = ? AND u.disabled_at IS NULL",
        [&](Statement& s) { s.Bind(1, token_hash); },
        [](const Statement& s) {
          Session out;
          out.token_hash = s.Text(0);
          out.user_id = s.Int(1);
          out.csrf_token = s.Text(2);
          out.created_at = s.Time(3);
          out.expires_at = s.Time(4);
          return out;
        },
        "no such session");
  });
  if (session.ok() && session->expires_at <= now) {
    return absl::NotFoundError("the session has expired");
  }
  return session;
}

absl::Status SqliteStore::DeleteSession(std::string_view token_hash) {
  return Write([&](Connection& c) -> absl::Status {
    absl::Status s = Execute(c, "DELETE FROM sessions WHERE token_hash = ?",
                             [&](Statement& st) { st.Bind(1, token_hash); });
    if (s.ok() && c.changes() == 0) s = absl::NotFoundError("no such session");
    return s;
  });
}

absl::StatusOr<int64_t> SqliteStore::DeleteSessionsOfUser(int64_t user_id) {
  return Write([&](Connection& c) -> absl::StatusOr<int64_t> {
    absl::Status s = Execute(c, "DELETE FROM sessions WHERE user_id = ?",
                             [&](Statement& st) { st.Bind(1, user_id); });
    if (!s.ok()) return s;
    return static_cast<int64_t>(c.changes());
  });
}

// --- API keys --------------------------------------------------------------

absl::StatusOr<ApiKey> SqliteStore::AddApiKey(std::string_view name,
                                              std::string_view key_hash,
                                              std::string_view prefix) {
  if (absl::Status s = internal::ValidateNewApiKey(name, key_hash, prefix);
      !s.ok()) {
    return s;
  }
  ApiKey key;
  key.name = std::string(name);
  key.key_hash = std::string(key_hash);
  key.prefix = std::string(prefix);
  key.created_at = Truncate(absl::Now());
  return Write([&](Connection& c) -> absl::StatusOr<ApiKey> {
    absl::StatusOr<bool> taken = QueryOne<bool>(
        c, "SELECT 1 FROM api_keys WHERE name = ?",
        [&](Statement& s) { s.Bind(1, name); },
        [](const Statement&) { return true; }, "");
    if (taken.ok()) {
      return absl::AlreadyExistsError(
          absl::StrCat("an API key named ", Quote(name), " exists"));
    }
    if (!absl::IsNotFound(taken.status())) {
      return taken.status();
    }
    absl::Status s =
        Execute(c,
                "INSERT INTO api_keys (name, key_hash, prefix, created_at) "
                "VALUES (?, ?, ?, ?)",
                [&](Statement& st) {
                  st.Bind(1, key.name)
                      .Bind(2, key.key_hash)
                      .Bind(3, key.prefix)
                      .Bind(4, key.created_at);
                });
    if (absl::IsAlreadyExists(s)) {
      return absl::AlreadyExistsError("this API key is already registered");
    }
    if (!s.ok()) return s;
    key.id = c.last_insert_rowid();
    return key;
  });
}

absl::StatusOr<std::vector<ApiKey>> SqliteStore::ListApiKeys() {
  return Read([&](Connection& c) {
    return QueryAll<ApiKey>(
        c,
        "SELECT id, name, key_hash, prefix, created_at, revoked_at "
        "FROM api_keys ORDER BY id",
        [](Statement&) {}, ApiKeyFromRow);
  });
}

absl::Status SqliteStore::RevokeApiKey(std::string_view name) {
  return Write([&](Connection& c) -> absl::Status {
    absl::StatusOr<ApiKey> key = QueryOne<ApiKey>(
        c,
        "SELECT id, name, key_hash, prefix, created_at, revoked_at "
        "FROM api_keys WHERE name = ?",
        [&](Statement& s) { s.Bind(1, name); }, ApiKeyFromRow,
        absl::StrCat("no API key named ", Quote(name)));
    if (!key.ok()) return key.status();
    if (key->revoked_at.has_value()) {
      return absl::FailedPreconditionError(
          absl::StrCat("the API key ", Quote(name), " was revoked already, at ",
                       absl::FormatTime(absl::RFC3339_sec, *key->revoked_at,
                                        absl::UTCTimeZone())));
    }
    return Execute(
        c, "UPDATE api_keys SET revoked_at = ? WHERE id = ?",
        [&](Statement& st) { st.Bind(1, absl::Now()).Bind(2, key->id); });
  });
}

absl::StatusOr<ApiKey> SqliteStore::FindApiKey(std::string_view key_hash) {
  return Read([&](Connection& c) {
    return QueryOne<ApiKey>(
        c,
        "SELECT id, name, key_hash, prefix, created_at, revoked_at "
        "FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL",
        [&](Statement& s) { s.Bind(1, key_hash); }, ApiKeyFromRow,
        "no such API key, or it was revoked");
  });
}

// --- feedback --------------------------------------------------------------

absl::StatusOr<Feedback> SqliteStore::AddFeedback(Feedback feedback) {
  if (absl::Status s = internal::ValidateFeedback(feedback); !s.ok()) {
    return s;
  }
  if (feedback.created_at == absl::UnixEpoch()) {
    feedback.created_at = absl::Now();
  }
  feedback.created_at = Truncate(feedback.created_at);
  return Write([&](Connection& c) -> absl::StatusOr<Feedback> {
    absl::Status s = Execute(
        c,
        "INSERT INTO feedback (api_key_name, text, attribute, score, "
        "language, client_token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [&](Statement& st) {
          st.Bind(1, feedback.api_key_name)
              .Bind(2, feedback.text)
              .Bind(3, feedback.attribute)
              .Bind(4, feedback.score)
              .Bind(5, feedback.language)
              .Bind(6, feedback.client_token)
              .Bind(7, feedback.created_at);
        });
    if (!s.ok()) return s;
    feedback.id = c.last_insert_rowid();
    return feedback;
  });
}

absl::StatusOr<std::vector<Feedback>> SqliteStore::ListFeedback() {
  return Read([&](Connection& c) {
    return QueryAll<Feedback>(
        c,
        "SELECT id, api_key_name, text, attribute, score, language, "
        "client_token, created_at FROM feedback ORDER BY id",
        [](Statement&) {},
        [](const Statement& s) {
          Feedback f;
          f.id = s.Int(0);
          f.api_key_name = s.Text(1);
          f.text = s.Text(2);
          f.attribute = s.Text(3);
          f.score = s.Double(4);
          f.language = s.Text(5);
          f.client_token = s.Text(6);
          f.created_at = s.Time(7);
          return f;
        });
  });
}

}  // namespace newsroom::store
