// SqliteStore: articles and photos.
//
// Tested by sqlite_store_test.cc.
#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "store/internal/rows.h"
#include "store/internal/validate.h"
#include "store/sqlite_store.h"

namespace newsroom::store {

using internal::ArticleFromRow;
using internal::CheckLimit;
using internal::CheckPhotoExists;
using internal::Connection;
using internal::Execute;
using internal::InsertArticleEvent;
using internal::kArticleColumns;
using internal::QueryAll;
using internal::QueryOne;
using internal::Quote;
using internal::ReadArticleById;
using internal::SelectArticleBy;
using internal::Statement;
using internal::Truncate;
using internal::ValidateArticle;
using internal::ValidateDecidedBy;

// --- articles --------------------------------------------------------------

absl::StatusOr<Article> SqliteStore::CreateArticle(Article article,
                                                   std::string_view by) {
  if (absl::Status s = ValidateArticle(article); !s.ok()) return s;
  if (absl::Status s = ValidateDecidedBy(by); !s.ok()) return s;
  const absl::Time now = Truncate(absl::Now());
  if (article.published && article.published_at == absl::UnixEpoch()) {
    article.published_at = now;
  }
  if (article.updated_at == absl::UnixEpoch()) article.updated_at = now;
  article.published_at = Truncate(article.published_at);
  article.updated_at = Truncate(article.updated_at);
  absl::StatusOr<Article> created =
      Write([&](Connection& c) -> absl::StatusOr<Article> {
        if (absl::Status s = CheckPhotoExists(c, article.photo_id); !s.ok()) {
          return s;
        }
        absl::Status s = Execute(
            c,
            "INSERT INTO articles (slug, headline, lead, body, photo_id, "
            "photo_caption, photo_credit, source, author, published_at, "
            "updated_at, published, comments_closed) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [&](Statement& st) {
              st.Bind(1, article.slug)
                  .Bind(2, article.headline)
                  .Bind(3, article.lead)
                  .Bind(4, article.body)
                  .Bind(5, article.photo_id)
                  .Bind(6, article.photo_caption)
                  .Bind(7, article.photo_credit)
                  .Bind(8, article.source)
                  .Bind(9, article.author)
                  .Bind(10, article.published_at)
                  .Bind(11, article.updated_at)
                  .Bind(12, int64_t{article.published})
                  .Bind(13, int64_t{article.comments_closed});
            });
        if (absl::IsAlreadyExists(s)) {
          return absl::AlreadyExistsError(absl::StrCat(
              "an article with slug ", Quote(article.slug), " already exists"));
        }
        if (!s.ok()) return s;
        article.id = c.last_insert_rowid();
        s = InsertArticleEvent(c, article.id, by, ArticleAction::kCreated, now);
        if (s.ok() && article.published) {
          s = InsertArticleEvent(c, article.id, by, ArticleAction::kPublished,
                                 now);
        }
        if (!s.ok()) return s;
        return article;
      });
  if (created.ok()) generation_.fetch_add(1);
  return created;
}

absl::StatusOr<Article> SqliteStore::UpdateArticle(Article article,
                                                   std::string_view by) {
  if (absl::Status s = ValidateArticle(article); !s.ok()) return s;
  if (absl::Status s = ValidateDecidedBy(by); !s.ok()) return s;
  absl::StatusOr<Article> updated_article =
      Write([&](Connection& c) -> absl::StatusOr<Article> {
        absl::StatusOr<Article> old = ReadArticleById(c, article.id);
        if (!old.ok()) return old;
        if (absl::Status s = CheckPhotoExists(c, article.photo_id); !s.ok()) {
          return s;
        }
        // updated_at moves forward even when the clock does not.
        const absl::Time updated = std::max(
            Truncate(absl::Now()), old->updated_at + absl::Microseconds(1));
        absl::Status s = Execute(
            c,
            "UPDATE articles SET slug = ?, headline = ?, lead = ?, body = ?, "
            "photo_id = ?, photo_caption = ?, photo_credit = ?, source = ?, "
            "author = ?, updated_at = ? WHERE id = ?",
            [&](Statement& st) {
              st.Bind(1, article.slug)
                  .Bind(2, article.headline)
                  .Bind(3, article.lead)
                  .Bind(4, article.body)
                  .Bind(5, article.photo_id)
                  .Bind(6, article.photo_caption)
                  .Bind(7, article.photo_credit)
                  .Bind(8, article.source)
                  .Bind(9, article.author)
                  .Bind(10, updated)
                  .Bind(11, article.id);
            });
        if (absl::IsAlreadyExists(s)) {
          return absl::AlreadyExistsError(absl::StrCat(
              "an article with slug ", Quote(article.slug), " already exists"));
        }
        if (s.ok()) {
          s = InsertArticleEvent(c, article.id, by, ArticleAction::kUpdated,
                                 updated);
        }
        if (!s.ok()) return s;
        return ReadArticleById(c, article.id);
      });
  if (updated_article.ok()) generation_.fetch_add(1);
  return updated_article;
}

absl::StatusOr<Article> SqliteStore::SetPublished(int64_t id, bool published,
                                                  std::string_view by) {
  if (absl::Status s = ValidateDecidedBy(by); !s.ok()) return s;
  bool changed = false;
  absl::StatusOr<Article> result =
      Write([&](Connection& c) -> absl::StatusOr<Article> {
        absl::StatusOr<Article> a = ReadArticleById(c, id);
        if (!a.ok() || a->published == published) return a;
        const absl::Time now = Truncate(absl::Now());
        const bool first = published && a->published_at == absl::UnixEpoch();
        absl::Status s = Execute(
            c,
            "UPDATE articles SET published = ?, published_at = ?, "
            "updated_at = ? WHERE id = ?",
            [&](Statement& st) {
              st.Bind(1, int64_t{published})
                  .Bind(2, first ? now : a->published_at)
                  .Bind(3, first ? std::max(now, a->updated_at) : a->updated_at)
                  .Bind(4, id);
            });
        if (s.ok()) {
          s = InsertArticleEvent(c, id, by,
                                 published ? ArticleAction::kPublished
                                           : ArticleAction::kUnpublished,
                                 now);
        }
        if (!s.ok()) return s;
        changed = true;
        return ReadArticleById(c, id);
      });
  if (result.ok() && changed) generation_.fetch_add(1);
  return result;
}

absl::StatusOr<Article> SqliteStore::SetCommentsClosed(int64_t id, bool closed,
                                                       std::string_view by) {
  if (absl::Status s = ValidateDecidedBy(by); !s.ok()) return s;
  bool changed = false;
  absl::StatusOr<Article> result =
      Write([&](Connection& c) -> absl::StatusOr<Article> {
        absl::StatusOr<Article> a = ReadArticleById(c, id);
        if (!a.ok() || a->comments_closed == closed) return a;
        absl::Status s = Execute(
            c, "UPDATE articles SET comments_closed = ? WHERE id = ?",
            [&](Statement& st) { st.Bind(1, int64_t{closed}).Bind(2, id); });
        if (s.ok()) {
          s = InsertArticleEvent(c, id, by,
                                 closed ? ArticleAction::kCommentsClosed
                                        : ArticleAction::kCommentsOpened,
                                 Truncate(absl::Now()));
        }
        if (!s.ok()) return s;
        changed = true;
        return ReadArticleById(c, id);
      });
  if (result.ok() && changed) generation_.fetch_add(1);
  return result;
}

absl::StatusOr<Article> SqliteStore::FindArticle(std::string_view slug) {
  return Read([&](Connection& c) {
    return QueryOne<Article>(
        c, SelectArticleBy("slug"), [&](Statement& s) { s.Bind(1, slug); },
        ArticleFromRow, absl::StrCat("no article with slug ", Quote(slug)));
  });
}

absl::StatusOr<Article> SqliteStore::FindArticleById(int64_t id) {
  return Read([&](Connection& c) { return ReadArticleById(c, id); });
}

absl::StatusOr<std::vector<Article>> SqliteStore::ListArticles(int limit) {
  if (absl::Status s = CheckLimit(limit); !s.ok()) return s;
  static const std::string* sql = new std::string(absl::StrCat(
      "SELECT ", std::string(kArticleColumns),
      " FROM articles WHERE published ORDER BY published_at DESC, id DESC "
      "LIMIT ?"));
  return Read([&](Connection& c) {
    return QueryAll<Article>(
        c, *sql, [&](Statement& s) { s.Bind(1, limit); }, ArticleFromRow);
  });
}

absl::StatusOr<std::vector<ArticleSummary>> SqliteStore::ListArticleSummaries(
    int limit) {
  if (absl::Status s = CheckLimit(limit); !s.ok()) return s;
  static const std::string* sql = new std::string(absl::StrCat(
      "SELECT ", std::string(kArticleColumns),
      ", (SELECT count(*) FROM comments WHERE article_id = a.id AND "
      "status = 'approved'), (SELECT count(*) FROM comments WHERE "
      "article_id = a.id AND status = 'pending'), (SELECT count(*) FROM "
      "comments WHERE article_id = a.id AND status = 'reported') "
      "FROM articles AS a ORDER BY updated_at DESC, id DESC LIMIT ?"));
  return Read([&](Connection& c) {
    return QueryAll<ArticleSummary>(
        c, *sql, [&](Statement& s) { s.Bind(1, limit); },
        [](const Statement& s) {
          ArticleSummary summary;
          summary.article = ArticleFromRow(s);
          summary.approved = s.Int(14);
          summary.pending = s.Int(15);
          summary.reported = s.Int(16);
          return summary;
        });
  });
}

absl::StatusOr<std::vector<ArticleEvent>> SqliteStore::ListArticleEvents(
    std::optional<int64_t> article_id, int limit) {
  if (absl::Status s = CheckLimit(limit); !s.ok()) return s;
  return Read([&](Connection& c) {
    return QueryAll<ArticleEvent>(
        c,
        article_id ? "SELECT id, article_id, by, action, at FROM article_log "
                     "WHERE article_id = ?2 ORDER BY id DESC LIMIT ?1"
                   : "SELECT id, article_id, by, action, at FROM article_log "
                     "ORDER BY id DESC LIMIT ?1",
        [&](Statement& s) {
          s.Bind(1, limit);
          if (article_id) s.Bind(2, *article_id);
        },
        [](const Statement& s) {
          ArticleEvent e;
          e.id = s.Int(0);
          e.article_id = s.Int(1);
          e.by = s.Text(2);
          e.action =
              ParseArticleAction(s.Text(3)).value_or(ArticleAction::kUpdated);
          e.at = s.Time(4);
          return e;
        });
  });
}

// --- photos ----------------------------------------------------------------

absl::StatusOr<Photo> SqliteStore::AddPhoto(
    std::vector<PhotoVariant> variants) {
  absl::StatusOr<const PhotoVariant*> largest =
      internal::ValidatePhotoVariants(variants);
  if (!largest.ok()) return largest.status();
  Photo photo;
  photo.content_type = (*largest)->content_type;
  photo.width = (*largest)->width;
  photo.height = (*largest)->height;
  photo.created_at = Truncate(absl::Now());
  return Write([&](Connection& c) -> absl::StatusOr<Photo> {
    absl::Status s =
        Execute(c,
                "INSERT INTO photos (content_type, width, height, created_at) "
                "VALUES (?, ?, ?, ?)",
                [&](Statement& st) {
                  st.Bind(1, photo.content_type)
                      .Bind(2, photo.width)
                      .Bind(3, photo.height)
                      .Bind(4, photo.created_at);
                });
    if (!s.ok()) return s;
    photo.id = c.last_insert_rowid();
    for (const PhotoVariant& v : variants) {
      s = Execute(c,
                  "INSERT INTO photo_variants (photo_id, name, width, height, "
                  "content_type, bytes) VALUES (?, ?, ?, ?, ?, ?)",
                  [&](Statement& st) {
                    st.Bind(1, photo.id)
                        .Bind(2, v.name)
                        .Bind(3, v.width)
                        .Bind(4, v.height)
                        .Bind(5, v.content_type)
                        .BindBlob(6, v.bytes);
                  });
      if (!s.ok()) return s;
    }
    return photo;
  });
}

absl::StatusOr<Photo> SqliteStore::FindPhoto(int64_t id) {
  return Read([&](Connection& c) {
    return QueryOne<Photo>(
        c,
        "SELECT id, content_type, width, height, created_at FROM photos "
        "WHERE id = ?",
        [&](Statement& s) { s.Bind(1, id); },
        [](const Statement& s) {
          Photo p;
          p.id = s.Int(0);
          p.content_type = s.Text(1);
          p.width = static_cast<int>(s.Int(2));
          p.height = static_cast<int>(s.Int(3));
          p.created_at = s.Time(4);
          return p;
        },
        absl::StrCat("photo ", id, " does not exist"));
  });
}

absl::StatusOr<PhotoVariant> SqliteStore::FindPhotoVariant(
    int64_t photo_id, std::string_view name) {
  return Read([&](Connection& c) {
    return QueryOne<PhotoVariant>(
        c,
        "SELECT name, width, height, content_type, bytes FROM photo_variants "
        "WHERE photo_id = ? AND name = ?",
        [&](Statement& s) { s.Bind(1, photo_id).Bind(2, name); },
        [](const Statement& s) {
          PhotoVariant v;
          v.name = s.Text(0);
          v.width = static_cast<int>(s.Int(1));
          v.height = static_cast<int>(s.Int(2));
          v.content_type = s.Text(3);
          v.bytes = s.Text(4);
          v.byte_size = static_cast<int64_t>(v.bytes.size());
          return v;
        },
        absl::StrCat("photo ", photo_id, " has no size ", Quote(name)));
  });
}

absl::StatusOr<std::vector<PhotoVariant>> SqliteStore::ListPhotoVariants(
    int64_t photo_id) {
  absl::StatusOr<std::vector<PhotoVariant>> variants = Read([&](Connection& c) {
    return QueryAll<PhotoVariant>(
        c,
        "SELECT name, width, height, content_type, length(bytes) FROM "
        "photo_variants WHERE photo_id = ? ORDER BY width * height DESC, name",
        [&](Statement& s) { s.Bind(1, photo_id); },
        [](const Statement& s) {
          PhotoVariant v;
          v.name = s.Text(0);
          v.width = static_cast<int>(s.Int(1));
          v.height = static_cast<int>(s.Int(2));
          v.content_type = s.Text(3);
          v.byte_size = s.Int(4);
          return v;
        });
  });
  // Every stored photo has at least one size.
  if (variants.ok() && variants->empty()) {
    return absl::NotFoundError(
        absl::StrCat("photo ", photo_id, " does not exist"));
  }
  return variants;
}

}  // namespace newsroom::store
