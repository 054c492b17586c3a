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
using internal::kArticleColumns;
using internal::QueryAll;
using internal::QueryOne;
using internal::Quote;
using internal::ReadArticleById;
using internal::SelectArticleBy;
using internal::Statement;
using internal::Truncate;

using internal::ValidateArticle;

// --- articles --------------------------------------------------------------

absl::StatusOr<Article> SqliteStore::CreateArticle(Article article) {
  if (absl::Status s = ValidateArticle(article); !s.ok()) return s;
  const absl::Time now = absl::Now();
  if (article.published_at == absl::UnixEpoch()) article.published_at = now;
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
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
                  .Bind(11, article.updated_at);
            });
        if (absl::IsAlreadyExists(s)) {
          return absl::AlreadyExistsError(absl::StrCat(
              "an article with slug ", Quote(article.slug), " already exists"));
        }
        if (!s.ok()) return s;
        article.id = c.last_insert_rowid();
        return article;
      });
  if (created.ok()) generation_.fetch_add(1);
  return created;
}

absl::StatusOr<Article> SqliteStore::UpdateArticle(Article article) {
  if (absl::Status s = ValidateArticle(article); !s.ok()) return s;
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
        if (!s.ok()) return s;
        return ReadArticleById(c, article.id);
      });
  if (updated_article.ok()) generation_.fetch_add(1);
  return updated_article;
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
      " FROM articles ORDER BY published_at DESC, id DESC LIMIT ?"));
  return Read([&](Connection& c) {
    return QueryAll<Article>(
        c, *sql, [&](Statement& s) { s.Bind(1, limit); }, ArticleFromRow);
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
        "SELECT name, width, height, content_type FROM photo_variants "
        "WHERE photo_id = ? ORDER BY width * height DESC, name",
        [&](Statement& s) { s.Bind(1, photo_id); },
        [](const Statement& s) {
          PhotoVariant v;
          v.name = s.Text(0);
          v.width = static_cast<int>(s.Int(1));
          v.height = static_cast<int>(s.Int(2));
          v.content_type = s.Text(3);
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
