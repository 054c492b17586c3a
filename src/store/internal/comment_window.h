// What both backends share to read a window of an article's comments
// (Store::ListCommentWindow): the checks on the query, the one SQL
// statement (in each backend's parameter syntax), and the assembly of its
// rows into a CommentWindow.
//
//   if (absl::Status s = ValidateCommentWindowQuery(q); !s.ok()) return s;
//   std::string sql =
//       CommentWindowSql(q, CommentColumns("c"), SqlDialect::kSqlite);
//   // bind WindowParams(q) in order as ?1…?6, read each row into a
//   // WindowRow, then:
//   CommentWindow w = AssembleWindow(q, std::move(rows));
//
// Pure functions; thread-safe.
#ifndef NEWSROOM_STORE_INTERNAL_COMMENT_WINDOW_H_
#define NEWSROOM_STORE_INTERNAL_COMMENT_WINDOW_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "store/store.h"

namespace newsroom::store::internal {

// InvalidArgument naming the field for `threads` or `replies` out of range.
absl::Status ValidateCommentWindowQuery(const CommentWindowQuery& query);

// The statement's parameters, numbered from 1 in this order.
struct WindowParams {
  int64_t article_id;
  std::string status;
  int64_t thread_limit;  // threads + 1: one more tells that more follow
  int64_t replies;
  int64_t after_created_at;  // microseconds; 0 without `after`
  int64_t after_id;          // 0 without `after`
};
WindowParams MakeWindowParams(const CommentWindowQuery& query);

// The SQL (SQLite's and PostgreSQL's alike) that reads a window: the
// comment columns `columns` (aliased "c."), then the id of the thread's
// first comment, the comment's rank in its thread (0 for the first, then
// 1… for replies oldest first), the thread's reply count, and the total.
enum class SqlDialect { kSqlite, kPostgres };
// Parameters are ?1… in SQLite and $1… in PostgreSQL; SQLite's text also
// pins the plan of the replies' step (see comment_window.cc).
std::string CommentWindowSql(const CommentWindowQuery& query,
                             std::string_view columns, SqlDialect dialect);

// One row of that statement.
struct WindowRow {
  Comment comment;
  int64_t thread = 0;   // the id of the thread's first comment
  int64_t rank = 0;     // 0: the first comment
  int64_t replies = 0;  // the thread's replies, in the window or not
  int64_t total = 0;
};

// The window the rows make: threads in the query's order, the extra
// thread read to tell that more follow dropped and named in `next`.
CommentWindow AssembleWindow(const CommentWindowQuery& query,
                             std::vector<WindowRow> rows);

}  // namespace newsroom::store::internal

#endif  // NEWSROOM_STORE_INTERNAL_COMMENT_WINDOW_H_
