// Tested through sqlite_store_test.cc.
#include "store/internal/rows.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace newsroom::store::internal {

std::string StatusString(CommentStatus status) {
  return std::string(CommentStatusName(status));
}

CommentStatus StatusFromColumn(const Statement& row, int col) {
  return ParseCommentStatus(row.Text(col)).value_or(CommentStatus::kPending);
}

Article ArticleFromRow(const Statement& row) {
  Article a;
  a.id = row.Int(0);
  a.slug = row.Text(1);
  a.headline = row.Text(2);
  a.lead = row.Text(3);
  a.body = row.Text(4);
  a.photo_id = row.OptionalInt(5);
  a.photo_caption = row.Text(6);
  a.photo_credit = row.Text(7);
  a.source = row.Text(8);
  a.author = row.Text(9);
  a.published_at = row.Time(10);
  a.updated_at = row.Time(11);
  a.published = row.Int(12) != 0;
  a.comments_closed = row.Int(13) != 0;
  return a;
}

Comment CommentFromRow(const Statement& row, int first) {
  Comment c;
  c.id = row.Int(first + 0);
  c.article_id = row.Int(first + 1);
  c.parent_id = row.OptionalInt(first + 2);
  c.author = row.Text(first + 3);
  c.text = row.Text(first + 4);
  c.status = StatusFromColumn(row, first + 5);
  c.verdict_json = row.Text(first + 6);
  c.client = row.Text(first + 7);
  c.report_count = static_cast<int>(row.Int(first + 8));
  c.created_at = row.Time(first + 9);
  c.reason = row.Text(first + 10);
  c.receipt_hash = row.Text(first + 11);
  return c;
}

std::string CommentColumns(std::string_view alias) {
  std::string out;
  for (absl::string_view column : absl::StrSplit(
           absl::string_view(kCommentColumns.data(), kCommentColumns.size()),
           ", ")) {
    if (!out.empty()) out += ", ";
    absl::StrAppend(&out, std::string(alias), ".", column);
  }
  return out;
}

const std::string& SelectArticleBy(std::string_view key) {
  static const std::string* by_slug =
      new std::string(absl::StrCat("SELECT ", std::string(kArticleColumns),
                                   " FROM articles WHERE slug = ?"));
  static const std::string* by_id = new std::string(absl::StrCat(
      "SELECT ", std::string(kArticleColumns), " FROM articles WHERE id = ?"));
  return key == "slug" ? *by_slug : *by_id;
}

absl::StatusOr<Article> ReadArticleById(Connection& c, int64_t id) {
  return QueryOne<Article>(
      c, SelectArticleBy("id"), [&](Statement& s) { s.Bind(1, id); },
      ArticleFromRow, absl::StrCat("article ", id, " does not exist"));
}

absl::StatusOr<Comment> ReadComment(Connection& c, int64_t id) {
  static const std::string* sql = new std::string(absl::StrCat(
      "SELECT ", std::string(kCommentColumns), " FROM comments WHERE id = ?"));
  return QueryOne<Comment>(
      c, *sql, [&](Statement& s) { s.Bind(1, id); },
      [](const Statement& s) { return CommentFromRow(s); },
      absl::StrCat("comment ", id, " does not exist"));
}

absl::StatusOr<bool> Exists(Connection& c, std::string_view sql, int64_t id) {
  absl::StatusOr<Statement> stmt = c.Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  return stmt->Step();
}

absl::Status CheckArticleExists(Connection& c, int64_t article_id) {
  absl::StatusOr<bool> found =
      Exists(c, "SELECT 1 FROM articles WHERE id = ?", article_id);
  if (!found.ok()) return found.status();
  if (!*found) {
    return absl::NotFoundError(
        absl::StrCat("article ", article_id, " does not exist"));
  }
  return absl::OkStatus();
}

absl::Status CheckPhotoExists(Connection& c, std::optional<int64_t> photo_id) {
  if (!photo_id.has_value()) return absl::OkStatus();
  absl::StatusOr<bool> found =
      Exists(c, "SELECT 1 FROM photos WHERE id = ?", *photo_id);
  if (!found.ok()) return found.status();
  if (!*found) {
    return absl::NotFoundError(
        absl::StrCat("photo ", *photo_id, " does not exist"));
  }
  return absl::OkStatus();
}

absl::Status InsertDecision(Connection& c, int64_t comment_id,
                            std::string_view decided_by,
                            std::optional<CommentStatus> from, CommentStatus to,
                            absl::Time at, std::string_view reason) {
  return Execute(c,
                 "INSERT INTO decisions (comment_id, decided_by, from_status, "
                 "to_status, at, reason) VALUES (?, ?, ?, ?, ?, ?)",
                 [&](Statement& s) {
                   s.Bind(1, comment_id).Bind(2, decided_by);
                   if (from.has_value()) {
                     s.Bind(3, CommentStatusName(*from));
                   } else {
                     s.BindNull(3);
                   }
                   s.Bind(4, CommentStatusName(to)).Bind(5, at).Bind(6, reason);
                 });
}

absl::Status InsertFindings(Connection& c, int64_t comment_id,
                            std::string_view verdict_json) {
  // CASE, not AND: only the branch chosen is evaluated, so that nothing
  // that is not JSON reaches a JSON function that would fail on it.
  return Execute(
      c,
      "INSERT OR IGNORE INTO comment_findings (comment_id, rule, violated) "
      "SELECT ?1, json_extract(r.value, '$.rule'), "
      "coalesce(json_extract(r.value, '$.violated'), 0) != 0 "
      "FROM json_each(CASE WHEN NOT json_valid(?2) THEN '{}' "
      "WHEN json_type(?2, '$.rules') = 'array' THEN ?2 ELSE '{}' END, "
      "'$.rules') AS r WHERE CASE WHEN r.type = 'object' THEN "
      "json_type(r.value, '$.rule') = 'text' ELSE 0 END",
      [&](Statement& st) { st.Bind(1, comment_id).Bind(2, verdict_json); });
}

absl::Status InsertArticleEvent(Connection& c, int64_t article_id,
                                std::string_view by, ArticleAction action,
                                absl::Time at) {
  return Execute(c,
                 "INSERT INTO article_log (article_id, by, action, at) "
                 "VALUES (?, ?, ?, ?)",
                 [&](Statement& s) {
                   s.Bind(1, article_id)
                       .Bind(2, by)
                       .Bind(3, ArticleActionName(action))
                       .Bind(4, at);
                 });
}

}  // namespace newsroom::store::internal
