// Shared by the sqlite_store*.cc files: reading rows into Store's structs,
// and small helpers that prepare, bind and step one statement.
//
//   absl::StatusOr<Comment> c = ReadComment(connection, 42);
//   absl::Status s = Execute(connection, "DELETE FROM sessions WHERE …",
//                            [&](Statement& st) { st.Bind(1, now); });
//
// Everything here runs on a Connection the caller holds.
#ifndef NEWSROOM_STORE_INTERNAL_ROWS_H_
#define NEWSROOM_STORE_INTERNAL_ROWS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "store/internal/connection.h"
#include "store/internal/validate.h"
#include "store/store.h"

namespace newsroom::store::internal {

std::string StatusString(CommentStatus status);

// A status column (the schema's CHECK admits only the four names).
CommentStatus StatusFromColumn(const Statement& row, int col);

inline constexpr std::string_view kArticleColumns =
    "id, slug, headline, lead, body, photo_id, photo_caption, photo_credit, "
    "source, author, published_at, updated_at, published, comments_closed";
// A row of kArticleColumns.
Article ArticleFromRow(const Statement& row);
// "SELECT kArticleColumns FROM articles WHERE <key> = ?"; key is "slug" or
// "id".
const std::string& SelectArticleBy(std::string_view key);

// The columns CommentFromRow reads, with a table alias ("c.") or none.
inline constexpr std::string_view kCommentColumns =
    "id, article_id, parent_id, author, text, status, verdict_json, client, "
    "report_count, created_at, reason, receipt_hash";
inline constexpr int kCommentColumnCount = 12;
// kCommentColumns with every column prefixed by `alias` and a dot.
std::string CommentColumns(std::string_view alias);
// A row of kCommentColumns, starting at column `first`.
Comment CommentFromRow(const Statement& row, int first = 0);

// NotFound naming the id when absent.
absl::StatusOr<Article> ReadArticleById(Connection& c, int64_t id);
absl::StatusOr<Comment> ReadComment(Connection& c, int64_t id);

// Whether `sql` (with one parameter, `id`) returns a row.
absl::StatusOr<bool> Exists(Connection& c, std::string_view sql, int64_t id);
// OK for a stored article; NotFound naming the id otherwise.
absl::Status CheckArticleExists(Connection& c, int64_t article_id);
// OK for nullopt or a stored photo; NotFound otherwise.
absl::Status CheckPhotoExists(Connection& c, std::optional<int64_t> photo_id);

// Appends to the audit log.
absl::Status InsertDecision(Connection& c, int64_t comment_id,
                            std::string_view decided_by,
                            std::optional<CommentStatus> from, CommentStatus to,
                            absl::Time at, std::string_view reason = "");
// What a comment is indexed by beside its row, from its verdict: the rules
// the verdict found anything of (comment_findings), for the queue's rule
// filter and the counts per rule. A verdict that is not JSON of the
// engine's shape gives none, and no error.
absl::Status InsertFindings(Connection& c, int64_t comment_id,
                            std::string_view verdict_json);

// Appends to the articles' audit log.
absl::Status InsertArticleEvent(Connection& c, int64_t article_id,
                                std::string_view by, ArticleAction action,
                                absl::Time at);

// Runs a query expected to return at most one row; `on_row` reads it.
// NotFound with `not_found` when there is none.
template <typename T, typename Bind, typename OnRow>
absl::StatusOr<T> QueryOne(Connection& c, std::string_view sql, Bind bind,
                           OnRow on_row, std::string_view not_found) {
  absl::StatusOr<Statement> stmt = c.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  bind(*stmt);
  absl::StatusOr<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row) return absl::NotFoundError(std::string(not_found));
  return on_row(*stmt);
}

// Runs a query and collects every row with `on_row`.
template <typename T, typename Bind, typename OnRow>
absl::StatusOr<std::vector<T>> QueryAll(Connection& c, std::string_view sql,
                                        Bind bind, OnRow on_row) {
  absl::StatusOr<Statement> stmt = c.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  bind(*stmt);
  std::vector<T> out;
  for (;;) {
    absl::StatusOr<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(on_row(*stmt));
  }
}

// Runs a statement that returns no rows.
template <typename Bind>
absl::Status Execute(Connection& c, std::string_view sql, Bind bind) {
  absl::StatusOr<Statement> stmt = c.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  bind(*stmt);
  return stmt->Run();
}

}  // namespace newsroom::store::internal

#endif  // NEWSROOM_STORE_INTERNAL_ROWS_H_
