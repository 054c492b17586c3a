// PostgresStore: what imports from other comment systems need — articles by
// the address they had on the old site, and comments stored under the key
// of their source.
//
// The design is SQLite's (sqlite_store_imports.cc says why): keys in their
// own table that outlives purged comments, replies linked by key in
// whatever order they come, never into a cycle or across articles. What
// differs is that several nodes (and `newsroom import` on an operator's
// machine) may write at once:
//
// - Two imports of overlapping exports at the same time would both see a
//   key as new, and the second INSERT into comment_imports would fail its
//   whole batch on the primary key. Imports are rare and run by an
//   operator, so each takes a transaction-level advisory lock first and
//   they run one after another; under READ COMMITTED the second then sees
//   every key the first stored.
// - The walk up a comment's ancestors is one recursive query rather than a
//   query per level (UNION, not UNION ALL, so it ends even on a cycle the
//   store would never make).
//
// Tested by store_contract_test.cc.
#include <utility>

#include "absl/algorithm/container.h"
#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "store/internal/pg_rows.h"
#include "store/internal/validate.h"
#include "store/migrations.h"
#include "store/postgres_store.h"

namespace newsroom::store {

using internal::kPgArticleColumns;
using internal::PgArticleFromRow;
using internal::PgConnection;
using internal::PgInsertDecision;
using internal::PgParams;
using internal::PgReadArticle;
using internal::PgResult;
using internal::Quote;
using internal::Truncate;

namespace {

// The second key of the advisory lock imports hold (the first is
// kApplicationId, which migrations hold alone).
constexpr int32_t kImportLock = 1;

// The comments above `id` (its parent, the parent's parent, …), `id` too.
absl::StatusOr<absl::flat_hash_set<int64_t>> Ancestors(PgConnection& c,
                                                       int64_t id) {
  absl::StatusOr<PgResult> r = c.Query(
      "WITH RECURSIVE up(id, parent_id) AS ("
      " SELECT id, parent_id FROM comments WHERE id = $1"
      " UNION SELECT c.id, c.parent_id FROM comments AS c"
      " JOIN up ON c.id = up.parent_id) "
      "SELECT id FROM up",
      PgParams().Add(id));
  if (!r.ok()) return r.status();
  absl::flat_hash_set<int64_t> up = {id};
  for (int i = 0; i < r->rows(); ++i) up.insert(r->Int(i, 0));
  return up;
}

// Links the replies waiting for `key` to the comment `id` just stored
// under it, on article `article_id`.
absl::Status LinkWaitingReplies(PgConnection& c, std::string_view key,
                                int64_t id, int64_t article_id) {
  absl::StatusOr<PgResult> waiting = c.Query(
      "SELECT i.comment_id FROM comment_imports AS i JOIN comments AS c "
      "ON c.id = i.comment_id WHERE i.parent_key = $1 AND c.parent_id IS NULL "
      "AND c.article_id = $2",
      PgParams().Add(key).Add(article_id));
  if (!waiting.ok()) return waiting.status();
  if (waiting->rows() == 0) return absl::OkStatus();
  absl::StatusOr<absl::flat_hash_set<int64_t>> ancestors = Ancestors(c, id);
  if (!ancestors.ok()) return ancestors.status();
  for (int i = 0; i < waiting->rows(); ++i) {
    const int64_t reply = waiting->Int(i, 0);
    if (ancestors->contains(reply)) continue;  // would close a cycle
    absl::Status s = c.Query("UPDATE comments SET parent_id = $1 WHERE id = $2",
                             PgParams().Add(id).Add(reply))
                         .status();
    if (!s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<ImportOutcome> ImportOne(PgConnection& c,
                                        const ImportedComment& n,
                                        std::string_view decided_by,
                                        absl::Time now) {
  absl::StatusOr<PgResult> existing =
      c.Query("SELECT comment_id FROM comment_imports WHERE import_key = $1",
              PgParams().Add(n.import_key));
  if (!existing.ok()) return existing.status();
  if (existing->rows() > 0) return ImportOutcome{existing->Int(0, 0), false};

  if (absl::Status s = PgReadArticle(c, n.article_id).status(); !s.ok()) {
    return s;
  }

  std::optional<int64_t> parent_id;
  if (!n.parent_key.empty()) {
    // Stored and still there (not purged): link now. Otherwise wait for it.
    absl::StatusOr<PgResult> parent = c.Query(
        "SELECT i.comment_id, c.article_id FROM comment_imports AS i "
        "JOIN comments AS c ON c.id = i.comment_id WHERE i.import_key = $1",
        PgParams().Add(n.parent_key));
    if (!parent.ok()) return parent.status();
    if (parent->rows() > 0) {
      if (parent->Int(0, 1) != n.article_id) {
        return absl::InvalidArgumentError(
            absl::StrCat("the comment it replies to, ", Quote(n.parent_key),
                         ", belongs to another article"));
      }
      parent_id = parent->Int(0, 0);
    }
  }

  absl::StatusOr<PgResult> inserted = c.Query(
      "INSERT INTO comments (article_id, parent_id, author, text, status, "
      "verdict_json, client, created_at, search) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      PgParams()
          .Add(n.article_id)
          .Add(parent_id)
          .Add(n.author)
          .Add(n.text)
          .Add(CommentStatusName(n.status))
          .Add(n.verdict_json)
          .Add(n.client)
          .Add(Truncate(n.created_at))
          .Add(internal::SearchKey(absl::StrCat(n.author, " ", n.text))));
  if (!inserted.ok()) return inserted.status();
  const int64_t id = inserted->Int(0, 0);
  if (absl::Status s = internal::PgInsertFindings(c, id, n.verdict_json);
      !s.ok()) {
    return s;
  }
  PgParams key;
  key.Add(n.import_key).Add(id).Add(n.article_id);
  if (n.parent_key.empty()) {
    key.AddNull();
  } else {
    key.Add(n.parent_key);
  }
  absl::Status s = c.Query(
                        "INSERT INTO comment_imports (import_key, comment_id, "
                        "article_id, parent_key) VALUES ($1, $2, $3, $4)",
                        key)
                       .status();
  if (s.ok()) {
    s = PgInsertDecision(c, id, decided_by, std::nullopt, n.status, now);
  }
  if (s.ok()) s = LinkWaitingReplies(c, n.import_key, id, n.article_id);
  if (!s.ok()) return s;
  return ImportOutcome{id, true};
}

}  // namespace

// --- articles by address ---------------------------------------------------

absl::StatusOr<Article> PostgresStore::FindArticleByUrl(std::string_view url) {
  if (absl::Status s = internal::ValidateArticleUrl(url); !s.ok()) return s;
  static const std::string* sql = new std::string(absl::StrCat(
      "SELECT ", std::string(kPgArticleColumns),
      " FROM articles WHERE id = (SELECT article_id FROM article_urls "
      "WHERE url = $1)"));
  return Read([&](PgConnection& c) -> absl::StatusOr<Article> {
    absl::StatusOr<PgResult> r = c.Query(*sql, PgParams().Add(url));
    if (!r.ok()) return r.status();
    if (r->rows() == 0) {
      return absl::NotFoundError(
          absl::StrCat("no article has the address ", Quote(url)));
    }
    return PgArticleFromRow(*r, 0);
  });
}

absl::Status PostgresStore::AddArticleUrl(int64_t article_id,
                                          std::string_view url) {
  if (absl::Status s = internal::ValidateArticleUrl(url); !s.ok()) return s;
  return Write([&](PgConnection& c) -> absl::Status {
    if (absl::Status s = PgReadArticle(c, article_id).status(); !s.ok()) {
      return s;
    }
    // Whoever comes second of two nodes adding the same address waits on
    // the primary key, does nothing, and reads (in a statement of its own,
    // which sees the first one's commit) who owns it.
    absl::StatusOr<PgResult> r = c.Query(
        "INSERT INTO article_urls (url, article_id) VALUES ($1, $2) "
        "ON CONFLICT (url) DO NOTHING",
        PgParams().Add(url).Add(article_id));
    if (!r.ok()) return r.status();
    if (r->affected() == 1) return absl::OkStatus();
    r = c.Query("SELECT article_id FROM article_urls WHERE url = $1",
                PgParams().Add(url));
    if (!r.ok()) return r.status();
    if (r->rows() == 0) {
      return absl::AbortedError(absl::StrCat(
          "the address ", Quote(url), " was removed while it was added"));
    }
    const int64_t owner = r->Int(0, 0);
    if (owner == article_id) return absl::OkStatus();
    return absl::AlreadyExistsError(absl::StrCat("the address ", Quote(url),
                                                 " belongs to article ", owner,
                                                 ", not ", article_id));
  });
}

// --- imported comments -----------------------------------------------------

absl::StatusOr<std::vector<ImportOutcome>> PostgresStore::ImportComments(
    const std::vector<ImportedComment>& comments, std::string_view decided_by) {
  if (absl::Status s = internal::ValidateImport(comments, decided_by);
      !s.ok()) {
    return s;
  }
  absl::StatusOr<std::vector<ImportOutcome>> imported =
      Write([&](PgConnection& c) -> absl::StatusOr<std::vector<ImportOutcome>> {
        absl::Status locked =
            c.Query("SELECT pg_advisory_xact_lock($1, $2)",
                    PgParams().Add(int64_t{kApplicationId}).Add(kImportLock))
                .status();
        if (!locked.ok()) return locked;
        const absl::Time now = Truncate(absl::Now());
        std::vector<ImportOutcome> out;
        out.reserve(comments.size());
        for (const ImportedComment& n : comments) {
          absl::StatusOr<ImportOutcome> one = ImportOne(c, n, decided_by, now);
          if (!one.ok()) {
            return absl::Status(
                one.status().code(),
                absl::StrCat("imported comment ", Quote(n.import_key), ": ",
                             std::string(one.status().message())));
          }
          out.push_back(*one);
        }
        return out;
      });
  if (imported.ok() && absl::c_any_of(*imported, [](const ImportOutcome& o) {
        return o.added;
      })) {
    MovePageGeneration();  // an added comment may be on a page
  }
  return imported;
}

}  // namespace newsroom::store
