// Shared by the postgres_store*.cc files: Store's structs from result rows,
// with the column lists that produce them.
//
//   absl::StatusOr<PgResult> r = c.Query(absl::StrCat("SELECT ",
//       kPgCommentColumns, " FROM comments WHERE id = $1"),
//       PgParams().Add(id));
//   Comment comment = PgCommentFromRow(*r, 0);
//
// The columns are the SQLite schema's (rows.h), read from a PgResult.
#ifndef NEWSROOM_STORE_INTERNAL_PG_ROWS_H_
#define NEWSROOM_STORE_INTERNAL_PG_ROWS_H_

#include <string_view>

#include "absl/status/statusor.h"
#include "store/internal/pg.h"
#include "store/store.h"

namespace newsroom::store::internal {

inline constexpr std::string_view kPgArticleColumns =
    "id, slug, headline, lead, body, photo_id, photo_caption, photo_credit, "
    "source, author, published_at, updated_at, published, comments_closed";
inline constexpr int kPgArticleColumnCount = 14;
inline constexpr std::string_view kPgCommentColumns =
    "id, article_id, parent_id, author, text, status, verdict_json, client, "
    "report_count, created_at, reason, receipt_hash";
inline constexpr int kPgCommentColumnCount = 12;
// kPgCommentColumns with every column prefixed by `alias` and a dot.
std::string PgCommentColumns(std::string_view alias);

Article PgArticleFromRow(const PgResult& r, int row);
// kPgCommentColumns, starting at column `first`.
Comment PgCommentFromRow(const PgResult& r, int row, int first = 0);
CommentStatus PgStatusFromColumn(const PgResult& r, int row, int col);

// NotFound naming the id when absent. `lock` reads with FOR UPDATE (inside
// a transaction), so that the row cannot change until it ends.
absl::StatusOr<Article> PgReadArticle(PgConnection& c, int64_t id,
                                      bool lock = false);
absl::StatusOr<Comment> PgReadComment(PgConnection& c, int64_t id,
                                      bool lock = false);

// Appends to the audit log.
absl::Status PgInsertDecision(PgConnection& c, int64_t comment_id,
                              std::string_view decided_by,
                              std::optional<CommentStatus> from,
                              CommentStatus to, absl::Time at,
                              std::string_view reason = "");
// The rules a comment's verdict found anything of, for the queue's rule
// filter and the counts per rule (the SQL function newsroom_findings of
// migration 4: a verdict not of the engine's shape gives none, no error).
absl::Status PgInsertFindings(PgConnection& c, int64_t comment_id,
                              std::string_view verdict_json);
// Appends to the articles' audit log.
absl::Status PgInsertArticleEvent(PgConnection& c, int64_t article_id,
                                  std::string_view by, ArticleAction action,
                                  absl::Time at);
// Fills the search column (SearchKey, which only C++ computes) of comments
// written before it existed; a database without such rows costs one index
// lookup.
absl::Status PgFillSearchKeys(PgConnection& c);

}  // namespace newsroom::store::internal

#endif  // NEWSROOM_STORE_INTERNAL_PG_ROWS_H_
