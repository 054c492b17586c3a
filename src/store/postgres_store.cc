// PostgresStore: Store on a PostgreSQL database that several nodes share.
//
// The shape follows SqliteStore's, and the differences come from the
// database being a server other processes write to as well:
//
// - Comments. SQLite writes a batch statement by statement on a local file;
//   here each statement would be a round trip (about 30-60 µs on loopback,
//   more across a network), so a batch is one pipeline: BEGIN and a sync
//   point, then one INSERT per comment and COMMIT, then a second sync
//   point. Each INSERT is a single statement that checks the article and
//   the parent, inserts the comment and writes its audit row (a data-
//   modifying WITH), and inserts nothing when a check fails — so a refused
//   comment never aborts the transaction the others share, and the reason
//   is looked up afterwards, off the fast path. The first sync point makes
//   a stale connection (the server restarted since the last batch) safe to
//   retry: if BEGIN was never answered, the server never ran anything of
//   the batch. Once BEGIN was answered, a lost answer to COMMIT leaves the
//   outcome unknown, and the comments are answered Unavailable: a poster
//   may be told 503 for a comment that was saved, never 201 for one that
//   was not.
// - Decisions and reports lock the comment's row (FOR UPDATE) before they
//   read its status, which serialises moderators on different nodes the
//   way SQLite's single write lock serialises them within one.
// - Connections come from a pool rather than per-reader files, and are
//   thrown away when the server drops them.
//
// Tested by store_contract_test.cc and postgres_store_test.cc.
#include "store/postgres_store.h"

#include <algorithm>
#include <utility>

#include "absl/strings/str_cat.h"
#include "store/internal/comment_window.h"
#include "store/internal/pg_rows.h"
#include "store/internal/validate.h"
#include "store/postgres_migrations.h"

namespace newsroom::store {

using internal::CheckLimit;
using internal::kPgCommentColumns;
using internal::PgCommentFromRow;
using internal::PgConnection;
using internal::PgInsertDecision;
using internal::PgParams;
using internal::PgReadComment;
using internal::PgResult;
using internal::PgStatusFromColumn;
using internal::Truncate;

namespace {

// NotFound naming the article when no article has the id.
absl::Status CheckArticleExists(PgConnection& c, int64_t article_id) {
  absl::StatusOr<int64_t> found =
      c.QueryInt("SELECT count(*) FROM articles WHERE id = $1",
                 PgParams().Add(article_id));
  if (!found.ok()) return found.status();
  if (*found == 0) {
    return absl::NotFoundError(
        absl::StrCat("article ", article_id, " does not exist"));
  }
  return absl::OkStatus();
}

// A comment and its audit row, in one statement that inserts nothing when
// the article does not exist or the parent is not a comment of it.
constexpr std::string_view kInsertComment = R"sql(
WITH new_comment AS (
  INSERT INTO comments (article_id, parent_id, author, text, status,
                        verdict_json, client, created_at, receipt_hash, search)
  SELECT $1::bigint, $2::bigint, $3::text, $4::text, $5::text, $6::text,
         $7::text, $8::bigint, $9::text, $10::text
  WHERE EXISTS (SELECT 1 FROM articles WHERE id = $1::bigint)
    AND ($2::bigint IS NULL OR EXISTS (
      SELECT 1 FROM comments WHERE id = $2::bigint AND article_id = $1::bigint))
  RETURNING id, status, created_at, verdict_json),
findings AS (
  INSERT INTO comment_findings (comment_id, rule, violated)
  SELECT n.id, f.finding_rule, f.finding_violated
  FROM new_comment AS n, newsroom_findings(n.verdict_json) AS f
  ON CONFLICT DO NOTHING)
INSERT INTO decisions (comment_id, decided_by, from_status, to_status, at)
SELECT id, 'engine', NULL, status, created_at FROM new_comment
RETURNING comment_id)sql";

std::string StatusString(CommentStatus status) {
  return std::string(CommentStatusName(status));
}

}  // namespace

// --- opening, the pool, the writer thread ----------------------------------

absl::StatusOr<MigrationResult> PostgresStore::Migrate(std::string_view url) {
  absl::StatusOr<std::unique_ptr<PgConnection>> c = PgConnection::Open(url);
  if (!c.ok()) return c.status();
  return MigratePostgres(**c, PostgresSchemaMigrations());
}

absl::StatusOr<std::unique_ptr<PostgresStore>> PostgresStore::Open(
    std::string_view url, PostgresOptions options) {
  options.max_batch = std::max(options.max_batch, 1);
  options.max_connections = std::max(options.max_connections, 1);
  absl::StatusOr<std::unique_ptr<PgConnection>> c =
      PgConnection::Open(url, options.connection);
  if (!c.ok()) return c.status();
  absl::StatusOr<MigrationResult> m =
      MigratePostgres(**c, PostgresSchemaMigrations());
  if (!m.ok()) return m.status();
  if (absl::Status s = internal::PgFillSearchKeys(**c); !s.ok()) return s;
  auto store = std::unique_ptr<PostgresStore>(
      new PostgresStore(std::string(url), options, std::move(*c)));
  // A node that died between a commit and moving the generation moves it
  // when it comes back.
  store->MovePageGeneration();
  return store;
}

PostgresStore::PostgresStore(std::string url, PostgresOptions options,
                             std::unique_ptr<PgConnection> first)
    : url_(std::move(url)),
      options_(options),
      queue_(options_.max_batch, [this](std::vector<PendingComment>& batch) {
        std::vector<absl::StatusOr<Comment>> results = WriteBatch(batch);
        for (const absl::StatusOr<Comment>& r : results) {
          if (r.ok() && r->status == CommentStatus::kApproved) {
            MovePageGeneration(writer_.get());
            break;
          }
        }
        return results;
      }) {
  absl::MutexLock lock(&pool_mu_);
  idle_.push_back(std::move(first));
  open_ = 1;
}

PostgresStore::~PostgresStore() { queue_.Stop(); }

absl::StatusOr<std::unique_ptr<PgConnection>> PostgresStore::Connect() {
  {
    absl::MutexLock lock(&connect_mu_);
    if (absl::Now() - last_connect_failure_ < options_.reconnect_backoff) {
      return last_connect_error_;
    }
  }
  absl::StatusOr<std::unique_ptr<PgConnection>> c =
      PgConnection::Open(url_, options_.connection);
  if (!c.ok()) {
    absl::MutexLock lock(&connect_mu_);
    last_connect_failure_ = absl::Now();
    last_connect_error_ = c.status();
  }
  return c;
}

absl::StatusOr<PostgresStore::Lease> PostgresStore::Acquire() {
  {
    absl::MutexLock lock(&pool_mu_);
    auto available = [this]() ABSL_EXCLUSIVE_LOCKS_REQUIRED(pool_mu_) {
      return !idle_.empty() || open_ < options_.max_connections;
    };
    pool_mu_.Await(absl::Condition(&available));
    if (!idle_.empty()) {
      Lease lease{std::move(idle_.back()), true};
      idle_.pop_back();
      return lease;
    }
    ++open_;
  }
  absl::StatusOr<std::unique_ptr<PgConnection>> c = Connect();
  if (!c.ok()) {
    absl::MutexLock lock(&pool_mu_);
    --open_;
    return c.status();
  }
  return Lease{std::move(*c), false};
}

void PostgresStore::Release(std::unique_ptr<PgConnection> connection) {
  absl::MutexLock lock(&pool_mu_);
  if (connection->broken()) {
    --open_;
    return;  // closed as it goes out of scope
  }
  idle_.push_back(std::move(connection));
}

void PostgresStore::AddComment(NewComment comment, CommentCallback done) {
  // Refused before queueing, so that a bad comment never reaches a batch.
  if (absl::Status s = internal::ValidateNewComment(comment); !s.ok()) {
    done(s);
    return;
  }
  queue_.Add(std::move(comment), std::move(done));
}

std::vector<absl::StatusOr<Comment>> PostgresStore::WriteBatch(
    const std::vector<PendingComment>& batch) {
  for (int attempt = 0;; ++attempt) {
    const bool reused = writer_ != nullptr && !writer_->broken();
    if (!reused) {
      writer_.reset();
      absl::StatusOr<std::unique_ptr<PgConnection>> c = Connect();
      if (!c.ok()) {
        return std::vector<absl::StatusOr<Comment>>(
            batch.size(),
            absl::UnavailableError(absl::StrCat(
                "comment not saved: ", std::string(c.status().message()))));
      }
      writer_ = std::move(*c);
      if (absl::Status s = writer_->Prepare(kInsertComment); !s.ok()) {
        writer_.reset();
        return std::vector<absl::StatusOr<Comment>>(batch.size(), s);
      }
    }
    bool began = false;
    absl::Status failure;
    std::vector<absl::StatusOr<Comment>> results =
        SendBatch(*writer_, batch, began, failure);
    // A connection the server had dropped while idle fails before BEGIN is
    // answered: nothing ran, so the batch goes again on a new connection.
    if (!began && reused && writer_->broken() && attempt == 0) continue;
    if (writer_->broken()) {
      writer_.reset();
      return results;
    }
    // A statement failed for a reason the checks before queueing did not
    // foresee, and took the batch's transaction with it: each comment goes
    // again alone, so that the bad one fails alone.
    if (batch.size() > 1 && !failure.ok() && !absl::IsUnavailable(failure)) {
      std::vector<absl::StatusOr<Comment>> alone;
      alone.reserve(batch.size());
      for (const PendingComment& p : batch) {
        std::vector<PendingComment> one;
        one.push_back(PendingComment{p.comment, nullptr});
        bool one_began = false;
        absl::Status one_failure;
        alone.push_back(
            std::move(SendBatch(*writer_, one, one_began, one_failure)[0]));
        if (writer_->broken()) break;
      }
      while (alone.size() < batch.size()) {
        alone.push_back(absl::UnavailableError(
            "comment not saved: the database connection was lost"));
      }
      return alone;
    }
    return results;
  }
}

std::vector<absl::StatusOr<Comment>> PostgresStore::SendBatch(
    PgConnection& c, const std::vector<PendingComment>& batch, bool& began,
    absl::Status& failure) {
  began = false;
  failure = absl::OkStatus();
  const size_t n = batch.size();
  auto all = [n, &failure](const absl::Status& s) {
    failure = s;
    return std::vector<absl::StatusOr<Comment>>(n, s);
  };
  const absl::Time now = Truncate(absl::Now());
  if (absl::Status s = c.BeginPipeline(); !s.ok()) return all(s);
  absl::Status sent = c.Send("BEGIN");
  if (sent.ok()) sent = c.Sync();
  for (size_t i = 0; sent.ok() && i < n; ++i) {
    const NewComment& m = batch[i].comment;
    sent = c.Send(
        kInsertComment,
        PgParams()
            .Add(m.article_id)
            .Add(m.parent_id)
            .Add(m.author)
            .Add(m.text)
            .Add(CommentStatusName(m.status))
            .Add(m.verdict_json)
            .Add(m.client)
            .Add(now)
            .Add(m.receipt_hash)
            .Add(internal::SearchKey(absl::StrCat(m.author, " ", m.text))));
  }
  if (sent.ok()) sent = c.Send("COMMIT");
  if (sent.ok()) sent = c.Sync();
  if (!sent.ok()) {
    c.Finish().IgnoreError();
    return all(sent);
  }

  absl::StatusOr<PgResult> begin = c.Next();
  if (!begin.ok()) {
    c.Finish().IgnoreError();
    return all(begin.status());
  }
  began = true;
  if (absl::Status s = c.NextSync(); !s.ok()) {
    c.Finish().IgnoreError();
    return all(s);
  }
  std::vector<absl::StatusOr<int64_t>> ids;
  ids.reserve(n);
  absl::Status failed;
  for (size_t i = 0; i < n; ++i) {
    absl::StatusOr<PgResult> r = c.Next();
    if (!r.ok()) {
      if (failed.ok()) failed = r.status();
      ids.push_back(r.status());
    } else if (r->rows() == 0) {
      ids.push_back(absl::NotFoundError(""));  // refused; reason below
    } else {
      ids.push_back(r->Int(0, 0));
    }
  }
  absl::StatusOr<PgResult> commit = c.Next();
  absl::Status finished = c.Finish();
  absl::Status outcome = !failed.ok()     ? failed
                         : !commit.ok()   ? commit.status()
                         : !finished.ok() ? finished
                                          : absl::OkStatus();
  if (!outcome.ok()) {
    // Nothing of this batch is known to be saved. After a statement error
    // the transaction was rolled back (COMMIT of an aborted transaction
    // rolls back); after a lost connection, the outcome is unknown.
    if (!c.broken()) c.Exec("ROLLBACK").IgnoreError();
    if (absl::IsUnavailable(outcome)) {
      outcome = absl::UnavailableError(absl::StrCat(
          "comment not known to be saved: ", std::string(outcome.message())));
    }
    return all(outcome);
  }

  std::vector<absl::StatusOr<Comment>> results;
  results.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    const NewComment& m = batch[i].comment;
    if (!ids[i].ok()) {
      results.push_back(WhyRefused(c, m));
      continue;
    }
    Comment out;
    out.id = *ids[i];
    out.article_id = m.article_id;
    out.parent_id = m.parent_id;
    out.author = m.author;
    out.text = m.text;
    out.status = m.status;
    out.verdict_json = m.verdict_json;
    out.client = m.client;
    out.report_count = 0;
    out.created_at = now;
    out.receipt_hash = m.receipt_hash;
    results.push_back(std::move(out));
  }
  return results;
}

void PostgresStore::MovePageGeneration(PgConnection* c) {
  auto move = [](PgConnection& on) {
    return on.Query("SELECT nextval('page_generation')").status();
  };
  absl::Status s = c != nullptr && !c->broken()
                       ? move(*c)
                       : Read([&](PgConnection& on) { return move(on); });
  generation_owed_.store(!s.ok());
}

absl::StatusOr<uint64_t> PostgresStore::PageGeneration() {
  if (generation_owed_.load()) MovePageGeneration();
  return Read([](PgConnection& c) -> absl::StatusOr<uint64_t> {
    absl::StatusOr<int64_t> g =
        c.QueryInt("SELECT last_value FROM page_generation");
    if (!g.ok()) return g.status();
    return static_cast<uint64_t>(*g);
  });
}

absl::Status PostgresStore::Ping() {
  return Read([](PgConnection& c) { return c.Exec("SELECT 1"); });
}

absl::StatusOr<std::string> PostgresStore::SharedSecret(
    std::string_view name, std::string_view candidate) {
  if (name.empty() || candidate.empty()) {
    return absl::InvalidArgumentError(
        "a shared secret needs a name and a value");
  }
  return Write([&](PgConnection& c) -> absl::StatusOr<std::string> {
    absl::StatusOr<PgResult> r = c.Query(
        "INSERT INTO shared_secrets (name, value, created_at) "
        "VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING",
        PgParams().Add(name).Add(candidate).Add(absl::Now()));
    if (!r.ok()) return r.status();
    r = c.Query("SELECT value FROM shared_secrets WHERE name = $1",
                PgParams().Add(name));
    if (!r.ok()) return r.status();
    if (r->rows() == 0) return absl::InternalError("the secret vanished");
    return r->Text(0, 0);
  });
}

absl::Status PostgresStore::WhyRefused(PgConnection& c, const NewComment& n) {
  absl::StatusOr<PgResult> r = c.Query(
      "SELECT EXISTS (SELECT 1 FROM articles WHERE id = $1::bigint), "
      "(SELECT article_id FROM comments WHERE id = $2::bigint)",
      PgParams().Add(n.article_id).Add(n.parent_id));
  if (!r.ok()) return r.status();
  if (r->Text(0, 0) != "t") {
    return absl::NotFoundError(
        absl::StrCat("article ", n.article_id, " does not exist"));
  }
  if (n.parent_id.has_value()) {
    if (r->IsNull(0, 1)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "the comment replied to (", *n.parent_id, ") does not exist"));
    }
    if (r->Int(0, 1) != n.article_id) {
      return absl::InvalidArgumentError(
          absl::StrCat("the comment replied to (", *n.parent_id,
                       ") belongs to another article"));
    }
  }
  return absl::InternalError("the comment was not saved, for no known reason");
}

// --- comments --------------------------------------------------------------

absl::StatusOr<Comment> PostgresStore::FindComment(int64_t id) {
  return Read([&](PgConnection& c) { return PgReadComment(c, id); });
}

absl::StatusOr<CommentWindow> PostgresStore::ListCommentWindow(
    const CommentWindowQuery& q) {
  if (absl::Status s = internal::ValidateCommentWindowQuery(q); !s.ok()) {
    return s;
  }
  const std::string sql = internal::CommentWindowSql(
      q, internal::PgCommentColumns("c"), internal::SqlDialect::kPostgres);
  const internal::WindowParams w = internal::MakeWindowParams(q);
  PgParams params;
  params.Add(w.article_id).Add(w.status).Add(w.thread_limit).Add(w.replies);
  if (q.after) params.Add(w.after_created_at).Add(w.after_id);
  return Read([&](PgConnection& c) -> absl::StatusOr<CommentWindow> {
    absl::StatusOr<PgResult> r = c.Query(sql, params);
    if (!r.ok()) return r.status();
    std::vector<internal::WindowRow> rows;
    rows.reserve(r->rows());
    constexpr int n = internal::kPgCommentColumnCount;
    for (int i = 0; i < r->rows(); ++i) {
      rows.push_back({PgCommentFromRow(*r, i), r->Int(i, n), r->Int(i, n + 1),
                      r->Int(i, n + 2), r->Int(i, n + 3)});
    }
    // No comments: tell an article without comments from no article.
    if (rows.empty()) {
      if (absl::Status s = CheckArticleExists(c, q.article_id); !s.ok()) {
        return s;
      }
    }
    return internal::AssembleWindow(q, std::move(rows));
  });
}

absl::StatusOr<std::vector<Comment>> PostgresStore::ListComments(
    int64_t article_id, CommentStatus status) {
  static const std::string* sql = new std::string(absl::StrCat(
      "SELECT ", std::string(kPgCommentColumns),
      " FROM comments WHERE article_id = $1 AND status = $2 ORDER BY id"));
  return Read([&](PgConnection& c) -> absl::StatusOr<std::vector<Comment>> {
    absl::StatusOr<PgResult> r = c.Query(
        *sql, PgParams().Add(article_id).Add(CommentStatusName(status)));
    if (!r.ok()) return r.status();
    std::vector<Comment> out;
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) out.push_back(PgCommentFromRow(*r, i));
    if (!out.empty()) return out;
    // No comments: tell an article without comments from no article.
    if (absl::Status s = CheckArticleExists(c, article_id); !s.ok()) return s;
    return out;
  });
}

absl::StatusOr<std::vector<QueueItem>> PostgresStore::SearchQueue(
    const QueueQuery& q) {
  absl::StatusOr<std::vector<std::string>> words =
      internal::ValidateQueueQuery(q);
  if (!words.ok()) return words.status();
  PgParams p;
  p.Add(CommentStatusName(q.status)).Add(q.after_id);
  std::string sql =
      absl::StrCat("SELECT ", internal::PgCommentColumns("c"),
                   ", a.slug, a.headline FROM comments AS c JOIN articles AS a "
                   "ON a.id = c.article_id WHERE c.status = $1 AND c.id > $2");
  if (q.article_id) {
    p.Add(*q.article_id);
    absl::StrAppend(&sql, " AND c.article_id = $", p.size());
  }
  if (!q.rule.empty()) {
    p.Add(q.rule);
    absl::StrAppend(&sql,
                    " AND EXISTS (SELECT 1 FROM comment_findings AS f WHERE "
                    "f.comment_id = c.id AND f.rule = $",
                    p.size(), ")");
  }
  if (q.since) {
    p.Add(*q.since);
    absl::StrAppend(&sql, " AND c.created_at >= $", p.size());
  }
  if (q.until) {
    p.Add(*q.until);
    absl::StrAppend(&sql, " AND c.created_at < $", p.size());
  }
  for (const std::string& w : *words) {
    p.Add(w);
    absl::StrAppend(&sql, " AND c.search LIKE $", p.size(), " ESCAPE '\\'");
  }
  p.Add(q.limit);
  absl::StrAppend(&sql, " ORDER BY c.id LIMIT $", p.size());
  return Read([&](PgConnection& c) -> absl::StatusOr<std::vector<QueueItem>> {
    absl::StatusOr<PgResult> r = c.Query(sql, p);
    if (!r.ok()) return r.status();
    std::vector<QueueItem> out;
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) {
      QueueItem item;
      item.comment = PgCommentFromRow(*r, i);
      item.article_slug = r->Text(i, internal::kPgCommentColumnCount);
      item.article_headline = r->Text(i, internal::kPgCommentColumnCount + 1);
      out.push_back(std::move(item));
    }
    return out;
  });
}

absl::StatusOr<std::vector<Comment>> PostgresStore::ListThread(
    int64_t comment_id) {
  static const std::string* sql = new std::string(absl::StrCat(
      // As SqliteStore::ListThread: up to the first comment of the thread,
      // then down to every reply, depth-limited.
      "WITH RECURSIVE up(id, parent_id, depth) AS ("
      " SELECT id, parent_id, 0 FROM comments WHERE id = $1"
      " UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM comments AS c"
      " JOIN up ON c.id = up.parent_id WHERE up.depth < 1000),"
      " root(id) AS (SELECT id FROM up ORDER BY depth DESC LIMIT 1),"
      " down(id, depth) AS (SELECT id, 0 FROM root"
      " UNION SELECT c.id, down.depth + 1 FROM comments AS c"
      " JOIN down ON c.parent_id = down.id WHERE down.depth < 1000)"
      " SELECT ",
      internal::PgCommentColumns("c"),
      " FROM comments AS c WHERE c.id IN (SELECT id FROM down) ORDER BY c.id"));
  return Read([&](PgConnection& c) -> absl::StatusOr<std::vector<Comment>> {
    absl::StatusOr<PgResult> r = c.Query(*sql, PgParams().Add(comment_id));
    if (!r.ok()) return r.status();
    if (r->rows() == 0) {
      return absl::NotFoundError(
          absl::StrCat("comment ", comment_id, " does not exist"));
    }
    std::vector<Comment> out;
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) out.push_back(PgCommentFromRow(*r, i));
    return out;
  });
}

absl::StatusOr<std::vector<DayCount>> PostgresStore::CountByDay(
    absl::Time since, absl::Duration utc_offset) {
  const int64_t offset = absl::ToInt64Microseconds(utc_offset);
  const absl::CivilDay epoch(1970, 1, 1);
  return Read([&](PgConnection& c) -> absl::StatusOr<std::vector<DayCount>> {
    // As in SQLite: day numbers since 1970-01-01 in the given offset.
    absl::StatusOr<PgResult> r = c.Query(
        "SELECT day, rule, n FROM ("
        "SELECT (c.created_at + $1::bigint) / 86400000000 AS day, "
        "''::text AS rule, count(*) AS n FROM comments AS c "
        "WHERE c.created_at >= $2::bigint GROUP BY day "
        "UNION ALL "
        "SELECT (c.created_at + $1::bigint) / 86400000000 AS day, f.rule, "
        "count(*) FROM comments AS c JOIN comment_findings AS f "
        "ON f.comment_id = c.id WHERE c.created_at >= $2::bigint "
        "AND f.violated <> 0 GROUP BY day, f.rule) AS counts "
        // Bytes order, as SQLite sorts text.
        "ORDER BY day, rule COLLATE \"C\"",
        PgParams().Add(offset).Add(since));
    if (!r.ok()) return r.status();
    std::vector<DayCount> out;
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) {
      DayCount d;
      d.day = epoch + r->Int(i, 0);
      d.rule = r->Text(i, 1);
      d.count = r->Int(i, 2);
      out.push_back(std::move(d));
    }
    return out;
  });
}

absl::StatusOr<std::map<CommentStatus, int64_t>>
PostgresStore::CountByStatus() {
  return Read(
      [&](PgConnection& c) -> absl::StatusOr<std::map<CommentStatus, int64_t>> {
        absl::StatusOr<PgResult> r =
            c.Query("SELECT status, count(*) FROM comments GROUP BY status");
        if (!r.ok()) return r.status();
        std::map<CommentStatus, int64_t> counts = {
            {CommentStatus::kApproved, 0},
            {CommentStatus::kPending, 0},
            {CommentStatus::kReported, 0},
            {CommentStatus::kRejected, 0}};
        for (int i = 0; i < r->rows(); ++i) {
          counts[PgStatusFromColumn(*r, i, 0)] = r->Int(i, 1);
        }
        return counts;
      });
}

// --- decisions and reports -------------------------------------------------

std::vector<absl::StatusOr<Comment>> PostgresStore::DecideAll(
    const std::vector<DecisionRequest>& requests, std::string_view decided_by) {
  std::vector<absl::StatusOr<Comment>> results =
      internal::CheckDecisions(requests, decided_by);
  // Rows are locked in id order, so that two moderators deciding
  // overlapping selections on two nodes wait for each other instead of
  // deadlocking.
  std::vector<size_t> order;
  for (size_t i = 0; i < results.size(); ++i) {
    if (results[i].ok()) order.push_back(i);
  }
  if (order.empty()) return results;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return requests[a].comment_id < requests[b].comment_id;
  });
  absl::StatusOr<int> written =
      Write([&](PgConnection& c) -> absl::StatusOr<int> {
        const absl::Time now = Truncate(absl::Now());
        int count = 0;
        for (size_t i : order) {
          const DecisionRequest& r = requests[i];
          absl::StatusOr<Comment> comment =
              PgReadComment(c, r.comment_id, /*lock=*/true);
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
          // An approval answers the reports so far (sqlite_store.cc).
          const int report_count =
              r.to == CommentStatus::kApproved ? 0 : comment->report_count;
          absl::Status s = c.Query(
                                "UPDATE comments SET status = $1, reason = $2, "
                                "report_count = $3 WHERE id = $4",
                                PgParams()
                                    .Add(CommentStatusName(r.to))
                                    .Add(reason)
                                    .Add(report_count)
                                    .Add(r.comment_id))
                               .status();
          if (s.ok()) {
            s = PgInsertDecision(c, r.comment_id, decided_by, comment->status,
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
    for (size_t i : order) {
      if (results[i].ok()) results[i] = written.status();
    }
  } else if (*written > 0) {
    MovePageGeneration();
  }
  return results;
}

absl::StatusOr<std::vector<Decision>> PostgresStore::ListDecisions(int limit) {
  if (absl::Status s = CheckLimit(limit); !s.ok()) return s;
  return Read([&](PgConnection& c) -> absl::StatusOr<std::vector<Decision>> {
    absl::StatusOr<PgResult> r = c.Query(
        "SELECT id, comment_id, decided_by, from_status, to_status, at, "
        "reason FROM decisions ORDER BY id DESC LIMIT $1",
        PgParams().Add(limit));
    if (!r.ok()) return r.status();
    std::vector<Decision> out;
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) {
      Decision d;
      d.id = r->Int(i, 0);
      d.comment_id = r->Int(i, 1);
      d.decided_by = r->Text(i, 2);
      if (!r->IsNull(i, 3)) d.from = PgStatusFromColumn(*r, i, 3);
      d.to = PgStatusFromColumn(*r, i, 4);
      d.at = r->Time(i, 5);
      d.reason = r->Text(i, 6);
      out.push_back(std::move(d));
    }
    return out;
  });
}

absl::StatusOr<Comment> PostgresStore::ReportComment(int64_t comment_id,
                                                     std::string_view reporter,
                                                     int threshold) {
  if (absl::Status s = internal::ValidateReport(reporter, threshold); !s.ok()) {
    return s;
  }
  absl::StatusOr<Comment> reported = Write([&](PgConnection& c)
                                               -> absl::StatusOr<Comment> {
    absl::StatusOr<Comment> comment = PgReadComment(c, comment_id, true);
    if (!comment.ok()) return comment;
    if (comment->status != CommentStatus::kApproved &&
        comment->status != CommentStatus::kReported) {
      return absl::FailedPreconditionError(absl::StrCat(
          "comment ", comment_id, " is ", StatusString(comment->status),
          "; only published comments can be reported"));
    }
    const absl::Time now = Truncate(absl::Now());
    absl::StatusOr<PgResult> inserted = c.Query(
        "INSERT INTO reports (comment_id, reporter, created_at) "
        "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        PgParams().Add(comment_id).Add(reporter).Add(now));
    if (!inserted.ok()) return inserted.status();
    if (inserted->affected() == 0) return comment;  // counted already
    comment->report_count += 1;
    const bool moves = comment->status == CommentStatus::kApproved &&
                       comment->report_count >= threshold;
    if (moves) comment->status = CommentStatus::kReported;
    absl::Status s =
        c.Query(
             "UPDATE comments SET report_count = $1, status = $2 WHERE id = $3",
             PgParams()
                 .Add(comment->report_count)
                 .Add(CommentStatusName(comment->status))
                 .Add(comment_id))
            .status();
    if (s.ok() && moves) {
      s = PgInsertDecision(c, comment_id, "reader", CommentStatus::kApproved,
                           CommentStatus::kReported, now);
    }
    if (!s.ok()) return s;
    return comment;
  });
  if (reported.ok()) MovePageGeneration();
  return reported;
}

absl::StatusOr<int64_t> PostgresStore::PurgeRejected(absl::Time before) {
  return Write([&](PgConnection& c) -> absl::StatusOr<int64_t> {
    // A comment refused (or imported) today keeps its audit time even when
    // it was written long ago.
    absl::StatusOr<PgResult> r = c.Query(
        "DELETE FROM comments WHERE status = 'rejected' AND created_at < $1 "
        "AND NOT EXISTS (SELECT 1 FROM decisions AS d "
        "WHERE d.comment_id = comments.id AND d.at >= $1)",
        PgParams().Add(before));
    if (!r.ok()) return r.status();
    return r->affected();
  });
}

}  // namespace newsroom::store
