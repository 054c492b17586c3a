// One statement reads a window, so that a page of comments costs the same
// on an article with ten comments and on one with ten thousand:
//
//   tops    the window's threads: an index range scan of
//           comments(article_id, status, created_at, id) from the cursor,
//           in the order asked, stopping after threads + 1 rows (the one
//           more says whether another window follows). A comment whose
//           parent is in another status heads its own thread, as the
//           article page shows it (site::RenderArticlePage).
//   down    their replies, through comments(parent_id), depth-limited so
//           that damaged parent links cannot loop. SQLite's planner, once
//           `PRAGMA optimize` has gathered statistics (most comments have
//           no parent, so the index looks unselective), would build a
//           Bloom filter over the whole table for this step, or scan it:
//           O(article) and worse, measured 24 ms to 1 s on 60,000
//           comments. INDEXED BY and a likelihood() hint on the queue keep
//           it to one index lookup per comment (0.5–2 ms whatever the
//           size); PostgreSQL needs neither.
//   ranked  each thread's replies numbered oldest first, so that only the
//           first `replies` are read, and counted, so that the page can
//           say how many are left out.
//
// The total is an index-only count over the same index. Both backends run
// the same text; only the parameter marks differ (?1 and $1).
//
// Tested by store_contract_test.cc (ListCommentWindow*).
#include "store/internal/comment_window.h"

#include <algorithm>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace newsroom::store::internal {

absl::Status ValidateCommentWindowQuery(const CommentWindowQuery& q) {
  if (q.threads < 1 || q.threads > kMaxWindowThreads) {
    return absl::InvalidArgumentError(
        absl::StrCat("a comment window's threads must be 1 to ",
                     kMaxWindowThreads, ", not ", q.threads));
  }
  if (q.replies < 0 || q.replies > kMaxWindowReplies) {
    return absl::InvalidArgumentError(
        absl::StrCat("a comment window's replies per thread must be 0 to ",
                     kMaxWindowReplies, ", not ", q.replies));
  }
  return absl::OkStatus();
}

WindowParams MakeWindowParams(const CommentWindowQuery& q) {
  WindowParams p;
  p.article_id = q.article_id;
  p.status = std::string(CommentStatusName(q.status));
  p.thread_limit = q.threads + 1;
  p.replies = q.replies;
  p.after_created_at = q.after ? absl::ToUnixMicros(q.after->created_at) : 0;
  p.after_id = q.after ? q.after->id : 0;
  return p;
}

std::string CommentWindowSql(const CommentWindowQuery& q,
                             std::string_view columns, SqlDialect dialect) {
  const bool sqlite = dialect == SqlDialect::kSqlite;
  const bool newest = q.order == CommentOrder::kNewestFirst;
  std::string after;
  if (q.after) {
    const char* op = newest ? (q.including_after ? "<=" : "<")
                            : (q.including_after ? ">=" : ">");
    after = absl::StrCat(" AND (t.created_at, t.id) ", op, " (@5, @6)");
  }
  const char* dir = newest ? "DESC" : "ASC";
  std::string sql = absl::StrCat(
      "WITH RECURSIVE tops(id, created_at) AS ("
      " SELECT t.id, t.created_at FROM comments AS t"
      " WHERE t.article_id = @1 AND t.status = @2",
      after,
      " AND (t.parent_id IS NULL OR NOT EXISTS (SELECT 1 FROM comments AS p"
      " WHERE p.id = t.parent_id AND p.status = @2))"
      " ORDER BY t.created_at ",
      dir, ", t.id ", dir,
      " LIMIT @3),"
      " down(id, thread, created_at, depth) AS ("
      " SELECT id, id, created_at, 0 FROM tops"
      " UNION ALL SELECT r.id, down.thread, r.created_at, down.depth + 1"
      " FROM comments AS r",
      sqlite ? " INDEXED BY comments_by_parent" : "",
      " JOIN down ON r.parent_id = down.id WHERE r.status = @2 AND ",
      sqlite ? "likelihood(down.depth < 1000, 0.000001)" : "down.depth < 1000",
      "),"
      " ranked(id, thread, rank, replies) AS ("
      " SELECT id, thread, row_number() OVER (PARTITION BY thread"
      " ORDER BY depth > 0, created_at, id) - 1,"
      " count(*) OVER (PARTITION BY thread) - 1 FROM down)"
      " SELECT ",
      std::string(columns),
      ", w.thread, w.rank, w.replies, (SELECT count(*) FROM comments AS n"
      " WHERE n.article_id = @1 AND n.status = @2)"
      " FROM ranked AS w JOIN comments AS c ON c.id = w.id"
      " WHERE w.rank <= @4");
  return absl::StrReplaceAll(sql, {{"@", sqlite ? "?" : "$"}});
}

CommentWindow AssembleWindow(const CommentWindowQuery& q,
                             std::vector<WindowRow> rows) {
  const bool newest = q.order == CommentOrder::kNewestFirst;
  auto earlier = [](const Comment& a, const Comment& b) {
    return a.created_at != b.created_at ? a.created_at < b.created_at
                                        : a.id < b.id;
  };
  CommentWindow window;
  std::vector<const WindowRow*> tops;
  std::map<int64_t, std::vector<const WindowRow*>> replies;  // by thread
  for (const WindowRow& row : rows) {
    window.total = row.total;
    if (row.rank == 0) {
      tops.push_back(&row);
    } else {
      replies[row.thread].push_back(&row);
    }
  }
  std::sort(tops.begin(), tops.end(),
            [&](const WindowRow* a, const WindowRow* b) {
              return newest ? earlier(b->comment, a->comment)
                            : earlier(a->comment, b->comment);
            });
  if (tops.size() > static_cast<size_t>(q.threads)) {
    tops.resize(q.threads);
    const Comment& last = tops.back()->comment;
    window.next = CommentPosition{last.created_at, last.id};
  }
  for (const WindowRow* top : tops) {
    window.comments.push_back(top->comment);
    std::vector<const WindowRow*>& below = replies[top->thread];
    std::sort(below.begin(), below.end(),
              [](const WindowRow* a, const WindowRow* b) {
                return a->rank < b->rank;
              });
    for (const WindowRow* r : below) window.comments.push_back(r->comment);
    if (top->replies > static_cast<int64_t>(below.size())) {
      window.more_replies[top->thread] =
          top->replies - static_cast<int64_t>(below.size());
    }
  }
  return window;
}

}  // namespace newsroom::store::internal
