// Tested through store_contract_test.cc.
#include "store/internal/pg_rows.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "store/internal/validate.h"

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
  a.published = r.Int(row, 12) != 0;
  a.comments_closed = r.Int(row, 13) != 0;
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
  c.reason = r.Text(row, first + 10);
  c.receipt_hash = r.Text(row, first + 11);
  return c;
}

absl::StatusOr<Article> PgReadArticle(PgConnection& c, int64_t id, bool lock) {
  static const std::string* select =
      new std::string(absl::StrCat("SELECT ", std::string(kPgArticleColumns),
                                   " FROM articles WHERE id = $1"));
  static const std::string* for_update =
      new std::string(absl::StrCat(*select, " FOR UPDATE"));
  absl::StatusOr<PgResult> r =
      c.Query(lock ? *for_update : *select, PgParams().Add(id));
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
                              CommentStatus to, absl::Time at,
                              std::string_view reason) {
  PgParams p;
  p.Add(comment_id).Add(decided_by);
  if (from.has_value()) {
    p.Add(CommentStatusName(*from));
  } else {
    p.AddNull();
  }
  p.Add(CommentStatusName(to)).Add(at).Add(reason);
  return c
      .Query(
          "INSERT INTO decisions (comment_id, decided_by, from_status, "
          "to_status, at, reason) VALUES ($1, $2, $3, $4, $5, $6)",
          p)
      .status();
}

std::string PgCommentColumns(std::string_view alias) {
  std::string out;
  for (absl::string_view column :
       absl::StrSplit(absl::string_view(kPgCommentColumns.data(),
                                        kPgCommentColumns.size()),
                      ", ")) {
    if (!out.empty()) out += ", ";
    absl::StrAppend(&out, std::string(alias), ".", column);
  }
  return out;
}

absl::Status PgInsertFindings(PgConnection& c, int64_t comment_id,
                              std::string_view verdict_json) {
  return c
      .Query(
          "INSERT INTO comment_findings (comment_id, rule, violated) "
          "SELECT $1, finding_rule, finding_violated "
          "FROM newsroom_findings($2) ON CONFLICT DO NOTHING",
          PgParams().Add(comment_id).Add(verdict_json))
      .status();
}

absl::Status PgInsertArticleEvent(PgConnection& c, int64_t article_id,
                                  std::string_view by, ArticleAction action,
                                  absl::Time at) {
  return c
      .Query(
          "INSERT INTO article_log (article_id, by, action, at) "
          "VALUES ($1, $2, $3, $4)",
          PgParams()
              .Add(article_id)
              .Add(by)
              .Add(ArticleActionName(action))
              .Add(at))
      .status();
}

absl::Status PgFillSearchKeys(PgConnection& c) {
  for (int64_t after = 0;;) {
    absl::StatusOr<PgResult> r = c.Query(
        "SELECT id, author, text FROM comments WHERE search = '' AND id > $1 "
        "ORDER BY id LIMIT 500",
        PgParams().Add(after));
    if (!r.ok()) return r.status();
    if (r->rows() == 0) return absl::OkStatus();
    for (int i = 0; i < r->rows(); ++i) {
      after = r->Int(i, 0);
      const std::string key =
          SearchKey(absl::StrCat(r->Text(i, 1), " ", r->Text(i, 2)));
      absl::Status s = c.Query("UPDATE comments SET search = $1 WHERE id = $2",
                               PgParams().Add(key).Add(after))
                           .status();
      if (!s.ok()) return s;
    }
  }
}

}  // namespace newsroom::store::internal
