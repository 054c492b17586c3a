// Tested through store_contract_test.cc.
#include "store/internal/pg_rows.h"

#include <string>

#include "absl/strings/str_cat.h"

namespace newsroom::store::internal {

CommentStatus PgStatusFromColumn(const PgResult& r, int row, int col) {
  return ParseCommentStatus(r.Text(row, col)).value_or(CommentStatus::kPending);
}

Article PgArticleFromRow(const PgResult& r, int row) {
  Article a;
  a.id = r.Int(row, 0);
  a.slug = r.Text(row, 1);
  a.headline = r.Text(row, 2);
  a.lead = r.Text(row, 3);
  a.body = r.Text(row, 4);
  a.photo_id = r.OptionalInt(row, 5);
  a.photo_caption = r.Text(row, 6);
  a.photo_credit = r.Text(row, 7);
  a.source = r.Text(row, 8);
  a.author = r.Text(row, 9);
  a.published_at = r.Time(row, 10);
  a.updated_at = r.Time(row, 11);
  return a;
}

Comment PgCommentFromRow(const PgResult& r, int row, int first) {
  Comment c;
  c.id = r.Int(row, first + 0);
  c.article_id = r.Int(row, first + 1);
  c.parent_id = r.OptionalInt(row, first + 2);
  c.author = r.Text(row, first + 3);
  c.text = r.Text(row, first + 4);
  c.status = PgStatusFromColumn(r, row, first + 5);
  c.verdict_json = r.Text(row, first + 6);
  c.client = r.Text(row, first + 7);
  c.report_count = static_cast<int>(r.Int(row, first + 8));
  c.created_at = r.Time(row, first + 9);
  return c;
}

absl::StatusOr<Article> PgReadArticle(PgConnection& c, int64_t id) {
  static const std::string* sql =
      new std::string(absl::StrCat("SELECT ", std::string(kPgArticleColumns),
                                   " FROM articles WHERE id = $1"));
  absl::StatusOr<PgResult> r = c.Query(*sql, PgParams().Add(id));
  if (!r.ok()) return r.status();
  if (r->rows() == 0) {
    return absl::NotFoundError(absl::StrCat("article ", id, " does not exist"));
  }
  return PgArticleFromRow(*r, 0);
}

absl::StatusOr<Comment> PgReadComment(PgConnection& c, int64_t id, bool lock) {
  static const std::string* select =
      new std::string(absl::StrCat("SELECT ", std::string(kPgCommentColumns),
                                   " FROM comments WHERE id = $1"));
  static const std::string* for_update =
      new std::string(absl::StrCat(*select, " FOR UPDATE"));
  absl::StatusOr<PgResult> r =
      c.Query(lock ? *for_update : *select, PgParams().Add(id));
  if (!r.ok()) return r.status();
  if (r->rows() == 0) {
    return absl::NotFoundError(absl::StrCat("comment ", id, " does not exist"));
  }
  return PgCommentFromRow(*r, 0);
}

absl::Status PgInsertDecision(PgConnection& c, int64_t comment_id,
                              std::string_view decided_by,
                              std::optional<CommentStatus> from,
                              CommentStatus to, absl::Time at) {
  PgParams p;
  p.Add(comment_id).Add(decided_by);
  if (from.has_value()) {
    p.Add(CommentStatusName(*from));
  } else {
    p.AddNull();
  }
  p.Add(CommentStatusName(to)).Add(at);
  return c
      .Query(
          "INSERT INTO decisions (comment_id, decided_by, from_status, "
          "to_status, at) VALUES ($1, $2, $3, $4, $5)",
          p)
      .status();
}

}  // namespace newsroom::store::internal
