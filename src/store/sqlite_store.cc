// SqliteStore: Store on one SQLite file.
//
// Every write runs in a BEGIN IMMEDIATE transaction on the single write
// connection, under write_mu_: a transaction that read a comment's status
// holds the write lock until it has changed it, so two moderators deciding
// the same comment are serialised and the second sees the first's result
// (FailedPrecondition through `expected`). Comments are the one write that
// arrives many times a second; they are queued and written by the writer
// thread in batches that share a commit (see sqlite_store.h).
//
// Reads run on pooled read connections and never take write_mu_ (except
// for ":memory:", whose one connection is shared). WAL gives each read the
// last committed state without waiting for a writer.
//
// Tested by sqlite_store_test.cc and store_test.cc.
#include "store/sqlite_store.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "store/internal/comment_window.h"
#include "store/internal/rows.h"
#include "store/internal/validate.h"
#include "store/migrations.h"

namespace newsroom::store {

using internal::CheckArticleExists;
using internal::CheckLimit;
using internal::CommentFromRow;
using internal::Connection;
using internal::Execute;
using internal::Exists;
using internal::InsertDecision;
using internal::QueryAll;
using internal::QueryOne;
using internal::ReadComment;
using internal::Statement;
using internal::StatusFromColumn;
using internal::StatusString;
using internal::Truncate;

// --- opening, pools, the writer thread ------------------------------------

absl::StatusOr<std::unique_ptr<SqliteStore>> SqliteStore::Open(
    std::string_view path, SqliteOptions options) {
  std::string file(path);
  if (file.empty()) {
    return absl::InvalidArgumentError(
        "the SQLite database path is empty (write sqlite:PATH, or "
        "sqlite::memory:)");
  }
  options.max_batch = std::max(options.max_batch, 1);
  options.max_readers = std::max(options.max_readers, 1);
  absl::StatusOr<std::unique_ptr<Connection>> writer = Connection::Open(
      file, Connection::Mode::kWriter, options.busy_timeout, file);
  if (!writer.ok()) return writer.status();
  Connection& c = **writer;
  // The first statement that reads the file: a file that is not a
  // database is found here, with an error naming it.
  if (absl::Status s = c.Exec("SELECT count(*) FROM sqlite_schema"); !s.ok()) {
    return s;
  }
  const bool in_memory = file == ":memory:";
  absl::StatusOr<std::string> mode = c.QueryText("PRAGMA journal_mode = WAL");
  if (!mode.ok()) return mode.status();
  if (!in_memory && *mode != "wal") {
    return absl::FailedPreconditionError(absl::StrCat(
        "database ", file, ": cannot use write-ahead logging (journal mode is ",
        *mode, "); put the database on a local file system"));
  }
  if (absl::Status s = c.Exec("PRAGMA synchronous = FULL"); !s.ok()) return s;
  if (absl::StatusOr<MigrationResult> m = store::Migrate(c, SchemaMigrations());
      !m.ok()) {
    return m.status();
  }
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(std::move(file), options, std::move(*writer)));
}

absl::StatusOr<MigrationResult> SqliteStore::Migrate(std::string_view path) {
  const std::string file(path);
  absl::StatusOr<std::unique_ptr<Connection>> c = Connection::Open(
      file, Connection::Mode::kWriter, SqliteOptions().busy_timeout, file);
  if (!c.ok()) return c.status();
  if (absl::Status s = (*c)->Exec("SELECT count(*) FROM sqlite_schema");
      !s.ok()) {
    return s;
  }
  return store::Migrate(**c, SchemaMigrations());
}

SqliteStore::SqliteStore(std::string path, SqliteOptions options,
                         std::unique_ptr<Connection> writer)
    : path_(std::move(path)),
      options_(options),
      in_memory_(path_ == ":memory:"),
      writer_(std::move(writer)),
      queue_(options_.max_batch, [this](std::vector<PendingComment>& batch) {
        std::vector<absl::StatusOr<Comment>> results = WriteBatch(batch);
        for (const absl::StatusOr<Comment>& r : results) {
          if (r.ok() && r->status == CommentStatus::kApproved) {
            generation_.fetch_add(1);
            break;
          }
        }
        return results;
      }) {}

SqliteStore::~SqliteStore() {
  queue_.Stop();
  absl::MutexLock lock(&write_mu_);
  writer_->Exec("PRAGMA optimize").IgnoreError();
}

absl::StatusOr<std::unique_ptr<Connection>> SqliteStore::AcquireReader() {
  {
    absl::MutexLock lock(&readers_mu_);
    auto available = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(readers_mu_) {
      return !idle_readers_.empty() || open_readers_ < options_.max_readers;
    };
    readers_mu_.Await(absl::Condition(&available));
    if (!idle_readers_.empty()) {
      std::unique_ptr<Connection> reader = std::move(idle_readers_.back());
      idle_readers_.pop_back();
      return reader;
    }
    ++open_readers_;
  }
  absl::StatusOr<std::unique_ptr<Connection>> reader = Connection::Open(
      path_, Connection::Mode::kReader, options_.busy_timeout, path_);
  if (!reader.ok()) {
    absl::MutexLock lock(&readers_mu_);
    --open_readers_;
  }
  return reader;
}

void SqliteStore::ReleaseReader(std::unique_ptr<Connection> reader) {
  absl::MutexLock lock(&readers_mu_);
  idle_readers_.push_back(std::move(reader));
}

void SqliteStore::AddComment(NewComment comment, CommentCallback done) {
  queue_.Add(std::move(comment), std::move(done));
}

std::vector<absl::StatusOr<Comment>> SqliteStore::WriteBatch(
    std::vector<PendingComment>& batch) {
  std::vector<absl::StatusOr<Comment>> results;
  results.reserve(batch.size());
  absl::MutexLock lock(&write_mu_);
  internal::Transaction tx(*writer_);
  absl::Status begin = tx.Begin();
  if (!begin.ok()) {
    results.assign(batch.size(), begin);
    return results;
  }
  const absl::Time now = Truncate(absl::Now());
  absl::Status aborted;
  for (const PendingComment& p : batch) {
    if (!aborted.ok()) {
      results.push_back(aborted);
      continue;
    }
    results.push_back(InsertComment(p.comment, now));
    // Some errors (a full disk, an I/O error) make SQLite roll back the
    // whole transaction: nothing of this batch will be kept.
    if (!results.back().ok() && !writer_->in_transaction()) {
      aborted = absl::Status(
          results.back().status().code(),
          absl::StrCat("comment not saved: ",
                       std::string(results.back().status().message())));
    }
  }
  absl::Status commit = aborted.ok() ? tx.Commit() : aborted;
  if (!commit.ok()) {
    for (absl::StatusOr<Comment>& r : results) {
      if (r.ok()) r = commit;
    }
  }
  return results;
}

absl::StatusOr<Comment> SqliteStore::InsertComment(const NewComment& n,
                                                   absl::Time now) {
  Connection& c = *writer_;
  if (absl::Status s = internal::ValidateNewComment(n); !s.ok()) return s;
  if (absl::Status s = CheckArticleExists(c, n.article_id); !s.ok()) return s;
  if (n.parent_id.has_value()) {
    absl::StatusOr<int64_t> parent_article = QueryOne<int64_t>(
        c, "SELECT article_id FROM comments WHERE id = ?",
        [&](Statement& s) { s.Bind(1, *n.parent_id); },
        [](const Statement& s) { return s.Int(0); }, "");
    if (absl::IsNotFound(parent_article.status())) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the comment replied to (", *n.parent_id, ") does not exist"));
    }
    if (!parent_article.ok()) return parent_article.status();
    if (*parent_article != n.article_id) {
      return absl::InvalidArgumentError(
          absl::StrCat("the comment replied to (", *n.parent_id,
                       ") belongs to another article"));
    }
  }

  // The comment and its audit row go in together or not at all; a failure
  // here leaves the rest of the batch alone.
  if (absl::Status s = Execute(c, "SAVEPOINT new_comment", [](Statement&) {});
      !s.ok()) {
    return s;
  }
  absl::Status s = Execute(
      c,
      "INSERT INTO comments (article_id, parent_id, author, text, status, "
      "verdict_json, client, created_at, receipt_hash, search) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      [&](Statement& st) {
        st.Bind(1, n.article_id)
            .Bind(2, n.parent_id)
            .Bind(3, n.author)
            .Bind(4, n.text)
            .Bind(5, CommentStatusName(n.status))
            .Bind(6, n.verdict_json)
            .Bind(7, n.client)
            .Bind(8, now)
            .Bind(9, n.receipt_hash)
            .Bind(10, internal::SearchKey(n.author + " " + n.text));
      });
  const int64_t id = c.last_insert_rowid();
  // The rules of the verdict, for the queue's rule filter and the counts
  // per rule; a verdict that is not JSON of the engine's shape has none.
  if (s.ok()) s = internal::InsertFindings(c, id, n.verdict_json);
  if (s.ok()) s = InsertDecision(c, id, "engine", std::nullopt, n.status, now);
  if (!s.ok()) {
    c.Exec("ROLLBACK TO new_comment; RELEASE new_comment").IgnoreError();
    return s;
  }
  if (absl::Status r = Execute(c, "RELEASE new_comment", [](Statement&) {});
      !r.ok()) {
    return r;
  }

  Comment out;
  out.id = id;
  out.article_id = n.article_id;
  out.parent_id = n.parent_id;
  out.author = n.author;
  out.text = n.text;
  out.status = n.status;
  out.verdict_json = n.verdict_json;
  out.client = n.client;
  out.report_count = 0;
  out.created_at = now;
  out.receipt_hash = n.receipt_hash;
  return out;
}

// --- comments --------------------------------------------------------------

absl::StatusOr<Comment> SqliteStore::FindComment(int64_t id) {
  return Read([&](Connection& c) { return ReadComment(c, id); });
}

absl::StatusOr<CommentWindow> SqliteStore::ListCommentWindow(
    const CommentWindowQuery& q) {
  if (absl::Status s = internal::ValidateCommentWindowQuery(q); !s.ok()) {
    return s;
  }
  const std::string sql = internal::CommentWindowSql(
      q, internal::CommentColumns("c"), internal::SqlDialect::kSqlite);
  const internal::WindowParams p = internal::MakeWindowParams(q);
  return Read([&](Connection& c) -> absl::StatusOr<CommentWindow> {
    absl::StatusOr<std::vector<internal::WindowRow>> rows =
        QueryAll<internal::WindowRow>(
            c, sql,
            [&](Statement& s) {
              s.Bind(1, p.article_id)
                  .Bind(2, p.status)
                  .Bind(3, p.thread_limit)
                  .Bind(4, p.replies);
              if (q.after) s.Bind(5, p.after_created_at).Bind(6, p.after_id);
            },
            [](const Statement& s) {
              constexpr int n = internal::kCommentColumnCount;
              return internal::WindowRow{CommentFromRow(s), s.Int(n),
                                         s.Int(n + 1), s.Int(n + 2),
                                         s.Int(n + 3)};
            });
    if (!rows.ok()) return rows.status();
    // No comments: tell an article without comments from no article.
    if (rows->empty()) {
      if (absl::Status s = CheckArticleExists(c, q.article_id); !s.ok()) {
        return s;
      }
    }
    return internal::AssembleWindow(q, *std::move(rows));
  });
}

absl::StatusOr<std::vector<Comment>> SqliteStore::ListComments(
    int64_t article_id, CommentStatus status) {
  return Read([&](Connection& c) -> absl::StatusOr<std::vector<Comment>> {
    static const std::string* sql = new std::string(
        absl::StrCat("SELECT ", std::string(internal::kCommentColumns),
                     " FROM comments WHERE article_id = ? AND status = ? "
                     "ORDER BY id"));
    absl::StatusOr<std::vector<Comment>> comments = QueryAll<Comment>(
        c, *sql,
        [&](Statement& s) {
          s.Bind(1, article_id).Bind(2, CommentStatusName(status));
        },
        [](const Statement& s) { return CommentFromRow(s); });
    if (!comments.ok() || !comments->empty()) return comments;
    // No comments: tell an article without comments from no article.
    if (absl::Status s = CheckArticleExists(c, article_id); !s.ok()) return s;
    return comments;
  });
}

absl::StatusOr<std::vector<QueueItem>> SqliteStore::SearchQueue(
    const QueueQuery& q) {
  // Each word of the search must stand in the folded author and text.
  absl::StatusOr<std::vector<std::string>> words =
      internal::ValidateQueueQuery(q);
  if (!words.ok()) return words.status();
  std::string sql =
      absl::StrCat("SELECT ", internal::CommentColumns("c"),
                   ", a.slug, a.headline FROM comments AS c JOIN articles AS a "
                   "ON a.id = c.article_id WHERE c.status = ? AND c.id > ?");
  if (q.article_id) sql += " AND c.article_id = ?";
  if (!q.rule.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM comment_findings AS f WHERE "
        "f.comment_id = c.id AND f.rule = ?)";
  }
  if (q.since) sql += " AND c.created_at >= ?";
  if (q.until) sql += " AND c.created_at < ?";
  for (size_t i = 0; i < words->size(); ++i) {
    sql += " AND c.search LIKE ? ESCAPE '\\'";
  }
  sql += " ORDER BY c.id LIMIT ?";
  return Read([&](Connection& c) {
    return QueryAll<QueueItem>(
        c, sql,
        [&](Statement& s) {
          int i = 1;
          s.Bind(i++, CommentStatusName(q.status));
          s.Bind(i++, q.after_id);
          if (q.article_id) s.Bind(i++, *q.article_id);
          if (!q.rule.empty()) s.Bind(i++, q.rule);
          if (q.since) s.Bind(i++, *q.since);
          if (q.until) s.Bind(i++, *q.until);
          for (const std::string& w : *words) s.Bind(i++, w);
          s.Bind(i++, q.limit);
        },
        [](const Statement& s) {
          QueueItem item;
          item.comment = CommentFromRow(s);
          item.article_slug = s.Text(internal::kCommentColumnCount);
          item.article_headline = s.Text(internal::kCommentColumnCount + 1);
          return item;
        });
  });
}

absl::StatusOr<std::vector<Comment>> SqliteStore::ListThread(
    int64_t comment_id) {
  static const std::string* sql = new std::string(absl::StrCat(
      // Up from the comment to the first of its thread, then down from
      // there to every reply. Depth-limited: damaged parent links cannot
      // loop.
      "WITH RECURSIVE up(id, parent_id, depth) AS ("
      " SELECT id, parent_id, 0 FROM comments WHERE id = ?"
      " UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM comments AS c"
      " JOIN up ON c.id = up.parent_id WHERE up.depth < 1000),"
      " root(id) AS (SELECT id FROM up ORDER BY depth DESC LIMIT 1),"
      " down(id, depth) AS (SELECT id, 0 FROM root"
      " UNION SELECT c.id, down.depth + 1 FROM comments AS c"
      " JOIN down ON c.parent_id = down.id WHERE down.depth < 1000)"
      " SELECT ",
      internal::CommentColumns("c"),
      " FROM comments AS c WHERE c.id IN (SELECT id FROM down) ORDER BY c.id"));
  return Read([&](Connection& c) -> absl::StatusOr<std::vector<Comment>> {
    absl::StatusOr<std::vector<Comment>> thread = QueryAll<Comment>(
        c, *sql, [&](Statement& s) { s.Bind(1, comment_id); },
        [](const Statement& s) { return CommentFromRow(s); });
    if (thread.ok() && thread->empty()) {
      return absl::NotFoundError(
          absl::StrCat("comment ", comment_id, " does not exist"));
    }
    return thread;
  });
}

absl::StatusOr<std::vector<DayCount>> SqliteStore::CountByDay(
    absl::Time since, absl::Duration utc_offset) {
  const int64_t offset = absl::ToInt64Microseconds(utc_offset);
  const absl::CivilDay epoch(1970, 1, 1);
  return Read([&](Connection& c) -> absl::StatusOr<std::vector<DayCount>> {
    // Day numbers since 1970-01-01 in the given offset; created_at is
    // never before 1970, so integer division is floor division.
    absl::StatusOr<std::vector<DayCount>> rows = QueryAll<DayCount>(
        c,
        "SELECT (c.created_at + ?1) / 86400000000 AS day, '' AS rule, "
        "count(*) FROM comments AS c WHERE c.created_at >= ?2 GROUP BY day "
        "UNION ALL "
        "SELECT (c.created_at + ?1) / 86400000000 AS day, f.rule, count(*) "
        "FROM comments AS c JOIN comment_findings AS f ON f.comment_id = c.id "
        "WHERE c.created_at >= ?2 AND f.violated GROUP BY day, f.rule "
        "ORDER BY day, rule",
        [&](Statement& s) { s.Bind(1, offset).Bind(2, since); },
        [&](const Statement& s) {
          DayCount d;
          d.day = epoch + s.Int(0);
          d.rule = s.Text(1);
          d.count = s.Int(2);
          return d;
        });
    return rows;
  });
}
absl::StatusOr<std::map<CommentStatus, int64_t>> SqliteStore::CountByStatus() {
  return Read(
      [&](Connection& c) -> absl::StatusOr<std::map<CommentStatus, int64_t>> {
        std::map<CommentStatus, int64_t> counts = {
            {CommentStatus::kApproved, 0},
            {CommentStatus::kPending, 0},
            {CommentStatus::kReported, 0},
            {CommentStatus::kRejected, 0}};
        absl::StatusOr<std::vector<std::pair<CommentStatus, int64_t>>> rows =
            QueryAll<std::pair<CommentStatus, int64_t>>(
                c, "SELECT status, count(*) FROM comments GROUP BY status",
                [](Statement&) {},
                [](const Statement& s) {
                  return std::make_pair(StatusFromColumn(s, 0), s.Int(1));
                });
        if (!rows.ok()) return rows.status();
        for (const auto& [status, n] : *rows) counts[status] = n;
        return counts;
      });
}

std::vector<absl::StatusOr<Comment>> SqliteStore::DecideAll(
    const std::vector<DecisionRequest>& requests, std::string_view decided_by) {
  // OK marks a decision still to be made; a bad one is refused alone.
  std::vector<absl::StatusOr<Comment>> results =
      internal::CheckDecisions(requests, decided_by);
  absl::StatusOr<int> written =
      Write([&](Connection& c) -> absl::StatusOr<int> {
        const absl::Time now = Truncate(absl::Now());
        int count = 0;
        for (size_t i = 0; i < results.size(); ++i) {
          if (!results[i].ok()) continue;
          const DecisionRequest& r = requests[i];
          absl::StatusOr<Comment> comment = ReadComment(c, r.comment_id);
          if (!comment.ok()) {
            if (!absl::IsNotFound(comment.status())) return comment.status();
            results[i] = comment.status();
            continue;
          }
          if (r.expected.has_value() && comment->status != *r.expected) {
            results[i] = internal::StaleDecision(r.comment_id, comment->status,
                                                 *r.expected);
            continue;
          }
          const std::string reason =
              r.to == CommentStatus::kRejected ? r.reason : std::string();
          // An approval answers the reports so far: only new reporters can
          // send the comment back to the queue.
          const int report_count =
              r.to == CommentStatus::kApproved ? 0 : comment->report_count;
          absl::Status s = Execute(
              c,
              "UPDATE comments SET status = ?, reason = ?, report_count = ? "
              "WHERE id = ?",
              [&](Statement& st) {
                st.Bind(1, CommentStatusName(r.to))
                    .Bind(2, reason)
                    .Bind(3, report_count)
                    .Bind(4, r.comment_id);
              });
          if (s.ok()) {
            s = InsertDecision(c, r.comment_id, decided_by, comment->status,
                               r.to, now, reason);
          }
          if (!s.ok()) return s;
          comment->status = r.to;
          comment->reason = reason;
          comment->report_count = report_count;
          results[i] = *std::move(comment);
          ++count;
        }
        return count;
      });
  if (!written.ok()) {
    // Nothing was written: every decision not refused on its own failed.
    for (absl::StatusOr<Comment>& r : results) {
      if (r.ok()) r = written.status();
    }
  } else if (*written > 0) {
    generation_.fetch_add(1);
  }
  return results;
}

absl::StatusOr<std::vector<Decision>> SqliteStore::ListDecisions(int limit) {
  if (absl::Status s = CheckLimit(limit); !s.ok()) return s;
  return Read([&](Connection& c) {
    return QueryAll<Decision>(
        c,
        "SELECT id, comment_id, decided_by, from_status, to_status, at, "
        "reason FROM decisions ORDER BY id DESC LIMIT ?",
        [&](Statement& s) { s.Bind(1, limit); },
        [](const Statement& s) {
          Decision d;
          d.id = s.Int(0);
          d.comment_id = s.Int(1);
          d.decided_by = s.Text(2);
          if (!s.IsNull(3)) d.from = StatusFromColumn(s, 3);
          d.to = StatusFromColumn(s, 4);
          d.at = s.Time(5);
          d.reason = s.Text(6);
          return d;
        });
  });
}

absl::StatusOr<Comment> SqliteStore::ReportComment(int64_t comment_id,
                                                   std::string_view reporter,
                                                   int threshold) {
  if (absl::Status s = internal::ValidateReport(reporter, threshold); !s.ok()) {
    return s;
  }
  absl::StatusOr<Comment> reported =
      Write([&](Connection& c) -> absl::StatusOr<Comment> {
        absl::StatusOr<Comment> comment = ReadComment(c, comment_id);
        if (!comment.ok()) return comment;
        if (comment->status != CommentStatus::kApproved &&
            comment->status != CommentStatus::kReported) {
          return absl::FailedPreconditionError(absl::StrCat(
              "comment ", comment_id, " is ", StatusString(comment->status),
              "; only published comments can be reported"));
        }
        const absl::Time now = Truncate(absl::Now());
        absl::Status s =
            Execute(c,
                    "INSERT OR IGNORE INTO reports (comment_id, "
                    "reporter, created_at) VALUES (?, ?, ?)",
                    [&](Statement& st) {
                      st.Bind(1, comment_id).Bind(2, reporter).Bind(3, now);
                    });
        if (!s.ok()) return s;
        if (c.changes() == 0) return comment;  // this reporter already counted
        comment->report_count += 1;
        const bool moves = comment->status == CommentStatus::kApproved &&
                           comment->report_count >= threshold;
        if (moves) comment->status = CommentStatus::kReported;
        s = Execute(
            c, "UPDATE comments SET report_count = ?, status = ? WHERE id = ?",
            [&](Statement& st) {
              st.Bind(1, comment->report_count)
                  .Bind(2, CommentStatusName(comment->status))
                  .Bind(3, comment_id);
            });
        if (s.ok() && moves) {
          s = InsertDecision(c, comment_id, "reader", CommentStatus::kApproved,
                             CommentStatus::kReported, now);
        }
        if (!s.ok()) return s;
        return comment;
      });
  if (reported.ok()) generation_.fetch_add(1);
  return reported;
}

absl::StatusOr<int64_t> SqliteStore::PurgeRejected(absl::Time before) {
  return Write([&](Connection& c) -> absl::StatusOr<int64_t> {
    // A comment refused (or imported) today keeps its audit time even when
    // it was written long ago.
    absl::Status s = Execute(
        c,
        "DELETE FROM comments WHERE status = 'rejected' AND created_at < ?1 "
        "AND NOT EXISTS (SELECT 1 FROM decisions AS d "
        "WHERE d.comment_id = comments.id AND d.at >= ?1)",
        [&](Statement& st) { st.Bind(1, before); });
    if (!s.ok()) return s;
    return c.changes();
  });
}

// --- what nodes share -------------------------------------------------------

absl::Status SqliteStore::Ping() {
  return Read([](Connection& c) {
    if (absl::Status s = c.CheckInPlace(); !s.ok()) return s;
    return c.Exec("SELECT 1");
  });
}

absl::StatusOr<uint64_t> SqliteStore::PageGeneration() {
  return generation_.load();
}

absl::StatusOr<std::string> SqliteStore::SharedSecret(
    std::string_view name, std::string_view candidate) {
  if (name.empty() || candidate.empty()) {
    return absl::InvalidArgumentError(
        "a shared secret needs a name and a value");
  }
  return Write([&](Connection& c) -> absl::StatusOr<std::string> {
    absl::Status s =
        Execute(c,
                "INSERT OR IGNORE INTO shared_secrets (name, "
                "value, created_at) VALUES (?, ?, ?)",
                [&](Statement& st) {
                  st.Bind(1, name).Bind(2, candidate).Bind(3, absl::Now());
                });
    if (!s.ok()) return s;
    return QueryOne<std::string>(
        c, "SELECT value FROM shared_secrets WHERE name = ?",
        [&](Statement& st) { st.Bind(1, name); },
        [](const Statement& st) { return st.Text(0); }, "no such secret");
  });
}

}  // namespace newsroom::store
