// PostgresStore: articles, photos, users, sessions, API keys and moderator
// feedback — the writes other than comments, each one transaction on a
// pooled connection, with the same checks and messages as SqliteStore
// (internal/validate.h).
//
// Tested by store_contract_test.cc.
#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "store/internal/pg_rows.h"
#include "store/internal/validate.h"
#include "store/postgres_store.h"

namespace newsroom::store {

using internal::CheckLimit;
using internal::kPgArticleColumns;
using internal::PgArticleFromRow;
using internal::PgConnection;
using internal::PgInsertArticleEvent;
using internal::PgParams;
using internal::PgReadArticle;
using internal::PgResult;
using internal::Quote;
using internal::Truncate;

namespace {

absl::Status CheckPhotoExists(PgConnection& c,
                              std::optional<int64_t> photo_id) {
  if (!photo_id.has_value()) return absl::OkStatus();
  absl::StatusOr<int64_t> n = c.QueryInt(
      "SELECT count(*) FROM photos WHERE id = $1", PgParams().Add(*photo_id));
  if (!n.ok()) return n.status();
  if (*n == 0) {
    return absl::NotFoundError(
        absl::StrCat("photo ", *photo_id, " does not exist"));
  }
  return absl::OkStatus();
}

PgParams ArticleParams(const Article& a) {
  PgParams p;
  p.Add(a.slug)
      .Add(a.headline)
      .Add(a.lead)
      .Add(a.body)
      .Add(a.photo_id)
      .Add(a.photo_caption)
      .Add(a.photo_credit)
      .Add(a.source)
      .Add(a.author);
  return p;
}

constexpr std::string_view kUserColumns =
    "id, username, role, password_hash, created_at, disabled_at";

User UserFromRow(const PgResult& r, int row) {
  User u;
  u.id = r.Int(row, 0);
  u.username = r.Text(row, 1);
  u.role = ParseRole(r.Text(row, 2)).value_or(Role::kModerator);
  u.password_hash = r.Text(row, 3);
  u.created_at = r.Time(row, 4);
  u.disabled = !r.IsNull(row, 5);
  return u;
}

// Ends the sessions of a user, inside the caller's transaction.
absl::Status DeleteSessionsOfUserNamed(PgConnection& c,
                                       std::string_view username) {
  return c
      .Query(
          "DELETE FROM sessions WHERE user_id = "
          "(SELECT id FROM users WHERE username = $1)",
          PgParams().Add(username))
      .status();
}

ApiKey ApiKeyFromRow(const PgResult& r, int row) {
  ApiKey k;
  k.id = r.Int(row, 0);
  k.name = r.Text(row, 1);
  k.key_hash = r.Text(row, 2);
  k.prefix = r.Text(row, 3);
  k.created_at = r.Time(row, 4);
  if (!r.IsNull(row, 5)) k.revoked_at = r.Time(row, 5);
  return k;
}

template <typename T, typename OnRow>
absl::StatusOr<std::vector<T>> AllRows(absl::StatusOr<PgResult> r,
                                       OnRow on_row) {
  if (!r.ok()) return r.status();
  std::vector<T> out;
  out.reserve(r->rows());
  for (int i = 0; i < r->rows(); ++i) out.push_back(on_row(*r, i));
  return out;
}

template <typename T, typename OnRow>
absl::StatusOr<T> OneRow(absl::StatusOr<PgResult> r, OnRow on_row,
                         std::string_view not_found) {
  if (!r.ok()) return r.status();
  if (r->rows() == 0) return absl::NotFoundError(std::string(not_found));
  return on_row(*r, 0);
}

}  // namespace

// --- articles --------------------------------------------------------------

absl::StatusOr<Article> PostgresStore::CreateArticle(Article article,
                                                     std::string_view by) {
  if (absl::Status s = internal::ValidateArticle(article); !s.ok()) return s;
  if (absl::Status s = internal::ValidateDecidedBy(by); !s.ok()) return s;
  const absl::Time now = Truncate(absl::Now());
  if (article.published && article.published_at == absl::UnixEpoch()) {
    article.published_at = now;
  }
  if (article.updated_at == absl::UnixEpoch()) article.updated_at = now;
  article.published_at = Truncate(article.published_at);
  article.updated_at = Truncate(article.updated_at);
  absl::StatusOr<Article> created =
      Write([&](PgConnection& c) -> absl::StatusOr<Article> {
        if (absl::Status s = CheckPhotoExists(c, article.photo_id); !s.ok()) {
          return s;
        }
        absl::StatusOr<PgResult> r = c.Query(
            "INSERT INTO articles (slug, headline, lead, body, photo_id, "
            "photo_caption, photo_credit, source, author, published_at, "
            "updated_at, published, comments_closed) VALUES ($1, $2, $3, $4, "
            "$5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            ArticleParams(article)
                .Add(article.published_at)
                .Add(article.updated_at)
                .Add(int64_t{article.published})
                .Add(int64_t{article.comments_closed}));
        if (absl::IsAlreadyExists(r.status())) {
          return absl::AlreadyExistsError(absl::StrCat(
              "an article with slug ", Quote(article.slug), " already exists"));
        }
        if (!r.ok()) return r.status();
        article.id = r->Int(0, 0);
        absl::Status s = PgInsertArticleEvent(c, article.id, by,
                                              ArticleAction::kCreated, now);
        if (s.ok() && article.published) {
          s = PgInsertArticleEvent(c, article.id, by, ArticleAction::kPublished,
                                   now);
        }
        if (!s.ok()) return s;
        return article;
      });
  if (created.ok()) MovePageGeneration();
  return created;
}

absl::StatusOr<Article> PostgresStore::UpdateArticle(Article article,
                                                     std::string_view by) {
  if (absl::Status s = internal::ValidateArticle(article); !s.ok()) return s;
  if (absl::Status s = internal::ValidateDecidedBy(by); !s.ok()) return s;
  absl::StatusOr<Article> updated_article = Write([&](PgConnection& c)
                                                      -> absl::StatusOr<
                                                          Article> {
    absl::StatusOr<PgResult> locked =
        c.Query("SELECT updated_at FROM articles WHERE id = $1 FOR UPDATE",
                PgParams().Add(article.id));
    if (!locked.ok()) return locked.status();
    if (locked->rows() == 0) {
      return absl::NotFoundError(
          absl::StrCat("article ", article.id, " does not exist"));
    }
    if (absl::Status s = CheckPhotoExists(c, article.photo_id); !s.ok()) {
      return s;
    }
    // updated_at moves forward even when the clock does not.
    const absl::Time updated = std::max(
        Truncate(absl::Now()), locked->Time(0, 0) + absl::Microseconds(1));
    absl::StatusOr<PgResult> r = c.Query(
        "UPDATE articles SET slug = $1, headline = $2, lead = $3, body = $4, "
        "photo_id = $5, photo_caption = $6, photo_credit = $7, source = $8, "
        "author = $9, updated_at = $10 WHERE id = $11",
        ArticleParams(article).Add(updated).Add(article.id));
    if (absl::IsAlreadyExists(r.status())) {
      return absl::AlreadyExistsError(absl::StrCat(
          "an article with slug ", Quote(article.slug), " already exists"));
    }
    if (!r.ok()) return r.status();
    if (absl::Status s = PgInsertArticleEvent(c, article.id, by,
                                              ArticleAction::kUpdated, updated);
        !s.ok()) {
      return s;
    }
    return PgReadArticle(c, article.id);
  });
  if (updated_article.ok()) MovePageGeneration();
  return updated_article;
}

absl::StatusOr<Article> PostgresStore::SetPublished(int64_t id, bool published,
                                                    std::string_view by) {
  if (absl::Status s = internal::ValidateDecidedBy(by); !s.ok()) return s;
  bool changed = false;
  absl::StatusOr<Article> result =
      Write([&](PgConnection& c) -> absl::StatusOr<Article> {
        absl::StatusOr<Article> a = PgReadArticle(c, id, /*lock=*/true);
        if (!a.ok() || a->published == published) return a;
        const absl::Time now = Truncate(absl::Now());
        const bool first = published && a->published_at == absl::UnixEpoch();
        absl::Status s =
            c.Query(
                 "UPDATE articles SET published = $1, published_at = $2, "
                 "updated_at = $3 WHERE id = $4",
                 PgParams()
                     .Add(int64_t{published})
                     .Add(first ? now : a->published_at)
                     .Add(first ? std::max(now, a->updated_at) : a->updated_at)
                     .Add(id))
                .status();
        if (s.ok()) {
          s = PgInsertArticleEvent(c, id, by,
                                   published ? ArticleAction::kPublished
                                             : ArticleAction::kUnpublished,
                                   now);
        }
        if (!s.ok()) return s;
        changed = true;
        return PgReadArticle(c, id);
      });
  if (result.ok() && changed) MovePageGeneration();
  return result;
}

absl::StatusOr<Article> PostgresStore::SetCommentsClosed(int64_t id,
                                                         bool closed,
                                                         std::string_view by) {
  if (absl::Status s = internal::ValidateDecidedBy(by); !s.ok()) return s;
  bool changed = false;
  absl::StatusOr<Article> result =
      Write([&](PgConnection& c) -> absl::StatusOr<Article> {
        absl::StatusOr<Article> a = PgReadArticle(c, id, /*lock=*/true);
        if (!a.ok() || a->comments_closed == closed) return a;
        absl::Status s =
            c.Query("UPDATE articles SET comments_closed = $1 WHERE id = $2",
                    PgParams().Add(int64_t{closed}).Add(id))
                .status();
        if (s.ok()) {
          s = PgInsertArticleEvent(c, id, by,
                                   closed ? ArticleAction::kCommentsClosed
                                          : ArticleAction::kCommentsOpened,
                                   Truncate(absl::Now()));
        }
        if (!s.ok()) return s;
        changed = true;
        return PgReadArticle(c, id);
      });
  if (result.ok() && changed) MovePageGeneration();
  return result;
}

absl::StatusOr<Article> PostgresStore::FindArticle(std::string_view slug) {
  static const std::string* sql =
      new std::string(absl::StrCat("SELECT ", std::string(kPgArticleColumns),
                                   " FROM articles WHERE slug = $1"));
  return Read([&](PgConnection& c) {
    return OneRow<Article>(c.Query(*sql, PgParams().Add(slug)),
                           PgArticleFromRow,
                           absl::StrCat("no article with slug ", Quote(slug)));
  });
}

absl::StatusOr<Article> PostgresStore::FindArticleById(int64_t id) {
  return Read([&](PgConnection& c) { return PgReadArticle(c, id); });
}

absl::StatusOr<std::vector<Article>> PostgresStore::ListArticles(int limit) {
  if (absl::Status s = CheckLimit(limit); !s.ok()) return s;
  static const std::string* sql = new std::string(
      absl::StrCat("SELECT ", std::string(kPgArticleColumns),
                   " FROM articles WHERE published <> 0 "
                   "ORDER BY published_at DESC, id DESC LIMIT $1"));
  return Read([&](PgConnection& c) {
    return AllRows<Article>(c.Query(*sql, PgParams().Add(limit)),
                            PgArticleFromRow);
  });
}

absl::StatusOr<std::vector<ArticleSummary>> PostgresStore::ListArticleSummaries(
    int limit) {
  if (absl::Status s = CheckLimit(limit); !s.ok()) return s;
  static const std::string* sql = new std::string(absl::StrCat(
      "SELECT ", std::string(kPgArticleColumns),
      ", (SELECT count(*) FROM comments WHERE article_id = a.id AND "
      "status = 'approved'), (SELECT count(*) FROM comments WHERE "
      "article_id = a.id AND status = 'pending'), (SELECT count(*) FROM "
      "comments WHERE article_id = a.id AND status = 'reported') "
      "FROM articles AS a ORDER BY updated_at DESC, id DESC LIMIT $1"));
  return Read([&](PgConnection& c) {
    return AllRows<ArticleSummary>(
        c.Query(*sql, PgParams().Add(limit)), [](const PgResult& r, int row) {
          ArticleSummary summary;
          summary.article = PgArticleFromRow(r, row);
          summary.approved = r.Int(row, internal::kPgArticleColumnCount);
          summary.pending = r.Int(row, internal::kPgArticleColumnCount + 1);
          summary.reported = r.Int(row, internal::kPgArticleColumnCount + 2);
          return summary;
        });
  });
}

absl::StatusOr<std::vector<ArticleEvent>> PostgresStore::ListArticleEvents(
    std::optional<int64_t> article_id, int limit) {
  if (absl::Status s = CheckLimit(limit); !s.ok()) return s;
  return Read([&](PgConnection& c) {
    return AllRows<ArticleEvent>(
        article_id
            ? c.Query("SELECT id, article_id, by, action, at FROM article_log "
                      "WHERE article_id = $2 ORDER BY id DESC LIMIT $1",
                      PgParams().Add(limit).Add(*article_id))
            : c.Query("SELECT id, article_id, by, action, at FROM article_log "
                      "ORDER BY id DESC LIMIT $1",
                      PgParams().Add(limit)),
        [](const PgResult& r, int row) {
          ArticleEvent e;
          e.id = r.Int(row, 0);
          e.article_id = r.Int(row, 1);
          e.by = r.Text(row, 2);
          e.action = ParseArticleAction(r.Text(row, 3))
                         .value_or(ArticleAction::kUpdated);
          e.at = r.Time(row, 4);
          return e;
        });
  });
}

// --- photos ----------------------------------------------------------------

absl::StatusOr<Photo> PostgresStore::AddPhoto(
    std::vector<PhotoVariant> variants) {
  absl::StatusOr<const PhotoVariant*> largest =
      internal::ValidatePhotoVariants(variants);
  if (!largest.ok()) return largest.status();
  Photo photo;
  photo.content_type = (*largest)->content_type;
  photo.width = (*largest)->width;
  photo.height = (*largest)->height;
  photo.created_at = Truncate(absl::Now());
  return Write([&](PgConnection& c) -> absl::StatusOr<Photo> {
    absl::StatusOr<PgResult> r = c.Query(
        "INSERT INTO photos (content_type, width, height, created_at) "
        "VALUES ($1, $2, $3, $4) RETURNING id",
        PgParams()
            .Add(photo.content_type)
            .Add(photo.width)
            .Add(photo.height)
            .Add(photo.created_at));
    if (!r.ok()) return r.status();
    photo.id = r->Int(0, 0);
    for (const PhotoVariant& v : variants) {
      absl::Status s = c.Query(
                            "INSERT INTO photo_variants (photo_id, name, "
                            "width, height, content_type, bytes) VALUES ($1, "
                            "$2, $3, $4, $5, $6)",
                            PgParams()
                                .Add(photo.id)
                                .Add(v.name)
                                .Add(v.width)
                                .Add(v.height)
                                .Add(v.content_type)
                                .AddBytes(v.bytes))
                           .status();
      if (!s.ok()) return s;
    }
    return photo;
  });
}

absl::StatusOr<Photo> PostgresStore::FindPhoto(int64_t id) {
  return Read([&](PgConnection& c) {
    return OneRow<Photo>(
        c.Query("SELECT id, content_type, width, height, created_at FROM "
                "photos WHERE id = $1",
                PgParams().Add(id)),
        [](const PgResult& r, int row) {
          Photo p;
          p.id = r.Int(row, 0);
          p.content_type = r.Text(row, 1);
          p.width = static_cast<int>(r.Int(row, 2));
          p.height = static_cast<int>(r.Int(row, 3));
          p.created_at = r.Time(row, 4);
          return p;
        },
        absl::StrCat("photo ", id, " does not exist"));
  });
}

absl::StatusOr<PhotoVariant> PostgresStore::FindPhotoVariant(
    int64_t photo_id, std::string_view name) {
  return Read([&](PgConnection& c) {
    // Binary results, so that the bytes come as they are (the integers
    // are read from their binary form by PgResult::Int).
    return OneRow<PhotoVariant>(
        c.Query("SELECT name, width, height, content_type, bytes FROM "
                "photo_variants WHERE photo_id = $1 AND name = $2",
                PgParams().Add(photo_id).Add(name), /*binary=*/true),
        [](const PgResult& r, int row) {
          PhotoVariant v;
          v.name = r.Text(row, 0);
          v.width = static_cast<int>(r.Int(row, 1));
          v.height = static_cast<int>(r.Int(row, 2));
          v.content_type = r.Text(row, 3);
          v.bytes = r.Text(row, 4);
          v.byte_size = static_cast<int64_t>(v.bytes.size());
          return v;
        },
        absl::StrCat("photo ", photo_id, " has no size ", Quote(name)));
  });
}

absl::StatusOr<std::vector<PhotoVariant>> PostgresStore::ListPhotoVariants(
    int64_t photo_id) {
  absl::StatusOr<std::vector<PhotoVariant>> variants =
      Read([&](PgConnection& c) {
        return AllRows<PhotoVariant>(
            c.Query(
                "SELECT name, width, height, content_type, "
                "octet_length(bytes) FROM photo_variants WHERE photo_id = $1 "
                "ORDER BY width * height DESC, name",
                PgParams().Add(photo_id)),
            [](const PgResult& r, int row) {
              PhotoVariant v;
              v.name = r.Text(row, 0);
              v.width = static_cast<int>(r.Int(row, 1));
              v.height = static_cast<int>(r.Int(row, 2));
              v.content_type = r.Text(row, 3);
              v.byte_size = r.Int(row, 4);
              return v;
            });
      });
  if (variants.ok() && variants->empty()) {
    return absl::NotFoundError(
        absl::StrCat("photo ", photo_id, " does not exist"));
  }
  return variants;
}

// --- users and sessions ----------------------------------------------------

absl::StatusOr<User> PostgresStore::AddUser(std::string_view username,
                                            Role role,
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
  return Write([&](PgConnection& c) -> absl::StatusOr<User> {
    absl::StatusOr<PgResult> r = c.Query(
        "INSERT INTO users (username, role, password_hash, created_at) "
        "VALUES ($1, $2, $3, $4) RETURNING id",
        PgParams()
            .Add(user.username)
            .Add(RoleName(user.role))
            .Add(user.password_hash)
            .Add(user.created_at));
    if (absl::IsAlreadyExists(r.status())) {
      return absl::AlreadyExistsError(
          absl::StrCat("user name ", Quote(username), " is taken"));
    }
    if (!r.ok()) return r.status();
    user.id = r->Int(0, 0);
    return user;
  });
}

absl::StatusOr<User> PostgresStore::FindUser(std::string_view username) {
  static const std::string* sql = new std::string(absl::StrCat(
      "SELECT ", std::string(kUserColumns), " FROM users WHERE username = $1"));
  return Read([&](PgConnection& c) {
    return OneRow<User>(c.Query(*sql, PgParams().Add(username)), UserFromRow,
                        absl::StrCat("no user ", Quote(username)));
  });
}

absl::StatusOr<User> PostgresStore::FindUserById(int64_t id) {
  static const std::string* sql = new std::string(absl::StrCat(
      "SELECT ", std::string(kUserColumns), " FROM users WHERE id = $1"));
  return Read([&](PgConnection& c) {
    return OneRow<User>(c.Query(*sql, PgParams().Add(id)), UserFromRow,
                        absl::StrCat("user ", id, " does not exist"));
  });
}

absl::Status PostgresStore::SetPassword(std::string_view username,
                                        std::string_view password_hash) {
  if (password_hash.empty()) {
    return absl::InvalidArgumentError("a user needs a password hash");
  }
  return Write([&](PgConnection& c) -> absl::Status {
    absl::StatusOr<PgResult> r =
        c.Query("UPDATE users SET password_hash = $1 WHERE username = $2",
                PgParams().Add(password_hash).Add(username));
    if (!r.ok()) return r.status();
    if (r->affected() == 0) {
      return absl::NotFoundError(absl::StrCat("no user ", Quote(username)));
    }
    return DeleteSessionsOfUserNamed(c, username);
  });
}

absl::Status PostgresStore::SetUserDisabled(std::string_view username,
                                            bool disabled) {
  return Write([&](PgConnection& c) -> absl::Status {
    absl::StatusOr<PgResult> r =
        disabled
            ? c.Query(
                  "UPDATE users SET disabled_at = coalesce(disabled_at, $1) "
                  "WHERE username = $2",
                  PgParams().Add(Truncate(absl::Now())).Add(username))
            : c.Query("UPDATE users SET disabled_at = NULL WHERE username = $1",
                      PgParams().Add(username));
    if (!r.ok()) return r.status();
    if (r->affected() == 0) {
      return absl::NotFoundError(absl::StrCat("no user ", Quote(username)));
    }
    return disabled ? DeleteSessionsOfUserNamed(c, username) : absl::OkStatus();
  });
}

absl::StatusOr<int64_t> PostgresStore::DeleteSessionsOfUser(int64_t user_id) {
  return Write([&](PgConnection& c) -> absl::StatusOr<int64_t> {
    absl::StatusOr<PgResult> r = c.Query(
        "DELETE FROM sessions WHERE user_id = $1", PgParams().Add(user_id));
    if (!r.ok()) return r.status();
    return static_cast<int64_t>(r->affected());
  });
}

absl::Status PostgresStore::AddSession(const Session& session) {
  if (session.token_hash.empty()) {
    return absl::InvalidArgumentError("a session needs a token hash");
  }
  return Write([&](PgConnection& c) -> absl::Status {
    absl::StatusOr<int64_t> user =
        c.QueryInt("SELECT count(*) FROM users WHERE id = $1",
                   PgParams().Add(session.user_id));
    if (!user.ok()) return user.status();
    if (*user == 0) {
      return absl::NotFoundError(
          absl::StrCat("user ", session.user_id, " does not exist"));
    }
    absl::StatusOr<int64_t> disabled = c.QueryInt(
        "SELECT count(*) FROM users WHERE id = $1 AND disabled_at IS NOT NULL",
        PgParams().Add(session.user_id));
    if (!disabled.ok()) return disabled.status();
    if (*disabled > 0) {
      return absl::FailedPreconditionError(absl::StrCat(
          "user ", session.user_id, " is disabled and may not log in"));
    }
    // Sessions that had expired when this one began are of no more use.
    absl::Status s = c.Query("DELETE FROM sessions WHERE expires_at <= $1",
                             PgParams().Add(session.created_at))
                         .status();
    if (!s.ok()) return s;
    s = c.Query(
             "INSERT INTO sessions (token_hash, user_id, csrf_token, "
             "created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
             PgParams()
                 .Add(session.token_hash)
                 .Add(session.user_id)
                 .Add(session.csrf_token)
                 .Add(session.created_at)
                 .Add(session.expires_at))
            .status();
    if (absl::IsAlreadyExists(s)) {
      return absl::AlreadyExistsError("a session with this token exists");
    }
    return s;
  });
}

absl::StatusOr<Session> PostgresStore::FindSession(std::string_view token_hash,
                                                   absl::Time now) {
  absl::StatusOr<Session> session = Read([&](PgConnection& c) {
    return OneRow<Session>(
        c.Query("SELECT s.token_hash, s.user_id, s.csrf_token, s.created_at, "
                "s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id "
                "WHERE s.token_hash = $1 AND u.disabled_at IS NULL",
                PgParams().Add(token_hash)),
        [](const PgResult& r, int row) {
          Session out;
          out.token_hash = r.Text(row, 0);
          out.user_id = r.Int(row, 1);
          out.csrf_token = r.Text(row, 2);
          out.created_at = r.Time(row, 3);
          out.expires_at = r.Time(row, 4);
          return out;
        },
        "no such session");
  });
  if (session.ok() && session->expires_at <= now) {
    return absl::NotFoundError("the session has expired");
  }
  return session;
}

absl::Status PostgresStore::DeleteSession(std::string_view token_hash) {
  return Write([&](PgConnection& c) -> absl::Status {
    absl::StatusOr<PgResult> r =
        c.Query("DELETE FROM sessions WHERE token_hash = $1",
                PgParams().Add(token_hash));
    if (!r.ok()) return r.status();
    if (r->affected() == 0) return absl::NotFoundError("no such session");
    return absl::OkStatus();
  });
}

// --- API keys --------------------------------------------------------------

constexpr std::string_view kApiKeyColumns =
    "id, name, key_hash, prefix, created_at, revoked_at";

absl::StatusOr<ApiKey> PostgresStore::AddApiKey(std::string_view name,
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
  return Write([&](PgConnection& c) -> absl::StatusOr<ApiKey> {
    absl::StatusOr<int64_t> taken = c.QueryInt(
        "SELECT count(*) FROM api_keys WHERE name = $1", PgParams().Add(name));
    if (!taken.ok()) return taken.status();
    if (*taken > 0) {
      return absl::AlreadyExistsError(
          absl::StrCat("an API key named ", Quote(name), " exists"));
    }
    absl::StatusOr<PgResult> r = c.Query(
        "INSERT INTO api_keys (name, key_hash, prefix, created_at) "
        "VALUES ($1, $2, $3, $4) RETURNING id",
        PgParams()
            .Add(key.name)
            .Add(key.key_hash)
            .Add(key.prefix)
            .Add(key.created_at));
    if (absl::IsAlreadyExists(r.status())) {
      return absl::AlreadyExistsError("this API key is already registered");
    }
    if (!r.ok()) return r.status();
    key.id = r->Int(0, 0);
    return key;
  });
}

absl::StatusOr<std::vector<ApiKey>> PostgresStore::ListApiKeys() {
  static const std::string* sql = new std::string(absl::StrCat(
      "SELECT ", std::string(kApiKeyColumns), " FROM api_keys ORDER BY id"));
  return Read([&](PgConnection& c) {
    return AllRows<ApiKey>(c.Query(*sql), ApiKeyFromRow);
  });
}

absl::Status PostgresStore::RevokeApiKey(std::string_view name) {
  static const std::string* sql = new std::string(
      absl::StrCat("SELECT ", std::string(kApiKeyColumns),
                   " FROM api_keys WHERE name = $1 FOR UPDATE"));
  return Write([&](PgConnection& c) -> absl::Status {
    absl::StatusOr<ApiKey> key =
        OneRow<ApiKey>(c.Query(*sql, PgParams().Add(name)), ApiKeyFromRow,
                       absl::StrCat("no API key named ", Quote(name)));
    if (!key.ok()) return key.status();
    if (key->revoked_at.has_value()) {
      return absl::FailedPreconditionError(
          absl::StrCat("the API key ", Quote(name), " was revoked already, at ",
                       absl::FormatTime(absl::RFC3339_sec, *key->revoked_at,
                                        absl::UTCTimeZone())));
    }
    return c
        .Query("UPDATE api_keys SET revoked_at = $1 WHERE id = $2",
               PgParams().Add(absl::Now()).Add(key->id))
        .status();
  });
}

absl::StatusOr<ApiKey> PostgresStore::FindApiKey(std::string_view key_hash) {
  static const std::string* sql = new std::string(absl::StrCat(
      "SELECT ", std::string(kApiKeyColumns),
      " FROM api_keys WHERE key_hash = $1 AND revoked_at IS NULL"));
  return Read([&](PgConnection& c) {
    return OneRow<ApiKey>(c.Query(*sql, PgParams().Add(key_hash)),
                          ApiKeyFromRow, "no such API key, or it was revoked");
  });
}

// --- feedback --------------------------------------------------------------

absl::StatusOr<Feedback> PostgresStore::AddFeedback(Feedback feedback) {
  if (absl::Status s = internal::ValidateFeedback(feedback); !s.ok()) {
    return s;
  }
  if (feedback.created_at == absl::UnixEpoch()) {
    feedback.created_at = absl::Now();
  }
  feedback.created_at = Truncate(feedback.created_at);
  return Write([&](PgConnection& c) -> absl::StatusOr<Feedback> {
    absl::StatusOr<PgResult> r = c.Query(
        "INSERT INTO feedback (api_key_name, text, attribute, score, "
        "language, client_token, created_at) VALUES ($1, $2, $3, $4, $5, $6, "
        "$7) RETURNING id",
        PgParams()
            .Add(feedback.api_key_name)
            .Add(feedback.text)
            .Add(feedback.attribute)
            .Add(feedback.score)
            .Add(feedback.language)
            .Add(feedback.client_token)
            .Add(feedback.created_at));
    if (!r.ok()) return r.status();
    feedback.id = r->Int(0, 0);
    return feedback;
  });
}

absl::StatusOr<std::vector<Feedback>> PostgresStore::ListFeedback() {
  return Read([&](PgConnection& c) {
    return AllRows<Feedback>(
        c.Query("SELECT id, api_key_name, text, attribute, score, language, "
                "client_token, created_at FROM feedback ORDER BY id"),
        [](const PgResult& r, int row) {
          Feedback f;
          f.id = r.Int(row, 0);
          f.api_key_name = r.Text(row, 1);
          f.text = r.Text(row, 2);
          f.attribute = r.Text(row, 3);
          f.score = r.Double(row, 4);
          f.language = r.Text(row, 5);
          f.client_token = r.Text(row, 6);
          f.created_at = r.Time(row, 7);
          return f;
        });
  });
}

}  // namespace newsroom::store
