// The PostgreSQL implementation of Store: one database shared by any number
// of `newsroom serve` nodes.
//
//   absl::StatusOr<std::unique_ptr<PostgresStore>> store =
//       PostgresStore::Open("postgresql://newsroom@db1/newsroom");
//   if (!store.ok()) return store.status();
//   (*store)->AddComment(comment, [](absl::StatusOr<Comment> c) { … });
//
// Connections. A pool of up to `max_connections` connections serves reads
// and the writes other than comments, one transaction at a time each;
// comments have a connection of their own, used by the writer thread. Every
// connection sets synchronous_commit = on, so a commit is on the server's
// disk when it returns.
//
// Group commit. AddComment queues the comment and returns. The writer
// thread takes everything queued (up to `max_batch`) and sends it as one
// pipeline — BEGIN, one INSERT per comment (the comment and its audit row
// in one statement that inserts nothing when the article or the parent is
// wrong), COMMIT — so a batch costs one round trip and one WAL flush, and
// runs each callback after the commit. A comment that is refused (unknown
// article, parent on another article) fails alone; the others commit.
//
// Across nodes. A moderator's decision locks the comment's row (SELECT …
// FOR UPDATE) before it compares the status with the one the moderator
// expected, so two nodes deciding the same comment at once are serialised
// by the database: one wins, the other is FailedPrecondition.
//
// When the database is down. Every call answers Unavailable (a comment's
// callback too; it is never told "saved" unless the commit was confirmed).
// A connection the server dropped is discarded and a new one opened on the
// next call, so the store recovers by itself when the server is back; a
// read, or a write that had not begun, that met a dropped pooled
// connection is retried once on a fresh one, so a restart costs no errors
// once the server is up again.
//
// Pages. PageGeneration() reads a sequence that every change visible on a
// page moves (nextval) after its commit; a node caches a page under the
// value it read before rendering it, so a comment approved on node A is
// on node B's next page view. If a node dies between a commit and the
// move, the move is lost with it: its pending comment answers never left,
// and the next change anywhere (or that node's restart) moves it.
//
// Destruction drains the queue, as SqliteStore's does.
//
// Thread-safety: every method may be called from any thread.
#ifndef NEWSROOM_STORE_POSTGRES_STORE_H_
#define NEWSROOM_STORE_POSTGRES_STORE_H_

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "store/internal/comment_queue.h"
#include "store/internal/pg.h"
#include "store/migrations.h"
#include "store/store.h"

namespace newsroom::store {

struct PostgresOptions {
  // Most comments written in one commit. Larger batches share a WAL flush
  // among more posters; the batch's pipeline must fit in the socket
  // buffers (about 1 KiB a comment each way), which 256 does.
  int max_batch = 256;
  // Most pooled connections open at once (each is a server process); a
  // caller beyond that waits for one to be free. The writer's connection
  // is not counted. A node with N I/O threads needs about N.
  int max_connections = 8;
  // Opening a connection, and the longest one statement may run.
  internal::PgOptions connection;
  // After a failed attempt to connect, how long calls that need a new
  // connection fail at once (Unavailable) instead of trying again: while a
  // database host is unreachable, one request a second waits for the
  // connect timeout, not every request.
  absl::Duration reconnect_backoff = absl::Seconds(1);
};

class PostgresStore final : public Store {
 public:
  // Connects to `url` (postgresql://user@host:port/dbname, or any libpq
  // connection string) and brings the schema to this binary's version.
  // Unavailable when the server cannot be reached; FailedPrecondition for
  // another application's database or a newer schema. Errors never repeat
  // the URL's password.
  static absl::StatusOr<std::unique_ptr<PostgresStore>> Open(
      std::string_view url, PostgresOptions options = {});
  // Connects and migrates, nothing more (`newsroom db migrate`).
  static absl::StatusOr<MigrationResult> Migrate(std::string_view url);
  ~PostgresStore() override;

  absl::StatusOr<Article> CreateArticle(Article article,
                                        std::string_view by) override;
  absl::StatusOr<Article> UpdateArticle(Article article,
                                        std::string_view by) override;
  absl::StatusOr<Article> SetPublished(int64_t id, bool published,
                                       std::string_view by) override;
  absl::StatusOr<Article> SetCommentsClosed(int64_t id, bool closed,
                                            std::string_view by) override;
  absl::StatusOr<Article> FindArticle(std::string_view slug) override;
  absl::StatusOr<Article> FindArticleById(int64_t id) override;
  absl::StatusOr<std::vector<Article>> ListArticles(int limit) override;
  absl::StatusOr<std::vector<ArticleSummary>> ListArticleSummaries(
      int limit) override;
  absl::StatusOr<std::vector<ArticleEvent>> ListArticleEvents(
      std::optional<int64_t> article_id, int limit) override;
  absl::StatusOr<Article> FindArticleByUrl(std::string_view url) override;
  absl::Status AddArticleUrl(int64_t article_id, std::string_view url) override;

  void AddComment(NewComment comment, CommentCallback done) override;
  absl::StatusOr<Comment> FindComment(int64_t id) override;
  absl::StatusOr<std::vector<Comment>> ListComments(
      int64_t article_id, CommentStatus status) override;
  absl::StatusOr<CommentWindow> ListCommentWindow(
      const CommentWindowQuery& query) override;
  absl::StatusOr<std::vector<QueueItem>> SearchQueue(
      const QueueQuery& query) override;
  absl::StatusOr<std::map<CommentStatus, int64_t>> CountByStatus() override;
  absl::StatusOr<std::vector<Comment>> ListThread(int64_t comment_id) override;
  absl::StatusOr<std::vector<DayCount>> CountByDay(
      absl::Time since, absl::Duration utc_offset) override;

  absl::StatusOr<std::vector<ImportOutcome>> ImportComments(
      const std::vector<ImportedComment>& comments,
      std::string_view decided_by) override;

  std::vector<absl::StatusOr<Comment>> DecideAll(
      const std::vector<DecisionRequest>& requests,
      std::string_view decided_by) override;
  absl::StatusOr<std::vector<Decision>> ListDecisions(int limit) override;
  absl::StatusOr<Comment> ReportComment(int64_t comment_id,
                                        std::string_view reporter,
                                        int threshold) override;
  absl::StatusOr<int64_t> PurgeRejected(absl::Time before) override;

  absl::StatusOr<Photo> AddPhoto(std::vector<PhotoVariant> variants) override;
  absl::StatusOr<Photo> FindPhoto(int64_t id) override;
  absl::StatusOr<PhotoVariant> FindPhotoVariant(int64_t photo_id,
                                                std::string_view name) override;
  absl::StatusOr<std::vector<PhotoVariant>> ListPhotoVariants(
      int64_t photo_id) override;

  absl::StatusOr<User> AddUser(std::string_view username, Role role,
                               std::string_view password_hash) override;
  absl::StatusOr<User> FindUser(std::string_view username) override;
  absl::StatusOr<User> FindUserById(int64_t id) override;
  absl::Status SetPassword(std::string_view username,
                           std::string_view password_hash) override;
  absl::Status SetUserDisabled(std::string_view username,
                               bool disabled) override;
  absl::Status AddSession(const Session& session) override;
  absl::StatusOr<Session> FindSession(std::string_view token_hash,
                                      absl::Time now) override;
  absl::Status DeleteSession(std::string_view token_hash) override;
  absl::StatusOr<int64_t> DeleteSessionsOfUser(int64_t user_id) override;

  absl::StatusOr<ApiKey> AddApiKey(std::string_view name,
                                   std::string_view key_hash,
                                   std::string_view prefix) override;
  absl::StatusOr<std::vector<ApiKey>> ListApiKeys() override;
  absl::Status RevokeApiKey(std::string_view name) override;
  absl::StatusOr<ApiKey> FindApiKey(std::string_view key_hash) override;

  absl::StatusOr<Feedback> AddFeedback(Feedback feedback) override;
  absl::StatusOr<std::vector<Feedback>> ListFeedback() override;

  absl::Status Ping() override;
  absl::StatusOr<uint64_t> PageGeneration() override;
  absl::StatusOr<std::string> SharedSecret(std::string_view name,
                                           std::string_view candidate) override;

 private:
  using PgConnection = internal::PgConnection;
  using PendingComment = internal::PendingComment;

  PostgresStore(std::string url, PostgresOptions options,
                std::unique_ptr<PgConnection> first);

  // A pooled connection: an idle one (reused = true) or a new one.
  struct Lease {
    std::unique_ptr<PgConnection> connection;
    bool reused = false;
  };
  absl::StatusOr<Lease> Acquire();
  // Returns a connection to the pool; a broken one is closed instead.
  void Release(std::unique_ptr<PgConnection> connection);

  // Runs `read` (returning a Status or StatusOr) on a pooled connection;
  // retried once on a fresh connection when a reused one turns out to have
  // been dropped by the server.
  template <typename F>
  auto Read(F&& read) -> decltype(read(std::declval<PgConnection&>()));
  // Runs `write` in one transaction on a pooled connection, committing when
  // it returns OK. Retried once, like Read, only when BEGIN itself failed.
  template <typename F>
  auto Write(F&& write) -> decltype(write(std::declval<PgConnection&>()));

  // Writes one batch; one result per comment.
  std::vector<absl::StatusOr<Comment>> WriteBatch(
      const std::vector<PendingComment>& batch);
  // The pipeline of WriteBatch on connection `c`. `began` says whether the
  // server answered BEGIN (if not, nothing of the batch ran); `failure` is
  // what failed the whole batch, if anything did.
  std::vector<absl::StatusOr<Comment>> SendBatch(
      PgConnection& c, const std::vector<PendingComment>& batch, bool& began,
      absl::Status& failure);
  // Moves the page generation (after a commit that changed a page), on `c`
  // or a pooled connection. When the database cannot be reached the move
  // is owed, and paid by the next PageGeneration() or move.
  void MovePageGeneration(PgConnection* c = nullptr);
  // Why `comment` was not inserted: NotFound or InvalidArgument.
  absl::Status WhyRefused(PgConnection& c, const NewComment& comment);

  const std::string url_;
  const PostgresOptions options_;

  // A new connection, unless the last attempt failed less than
  // reconnect_backoff ago.
  absl::StatusOr<std::unique_ptr<PgConnection>> Connect();

  absl::Mutex pool_mu_;
  std::vector<std::unique_ptr<PgConnection>> idle_ ABSL_GUARDED_BY(pool_mu_);
  int open_ ABSL_GUARDED_BY(pool_mu_) = 0;

  absl::Mutex connect_mu_;
  absl::Time last_connect_failure_ ABSL_GUARDED_BY(connect_mu_) =
      absl::InfinitePast();
  absl::Status last_connect_error_ ABSL_GUARDED_BY(connect_mu_);

  std::atomic<bool> generation_owed_{false};

  // Used by the queue's writer thread only.
  std::unique_ptr<PgConnection> writer_;
  // Last: stopped (and drained) first, while the pool still exists.
  internal::CommentQueue queue_;
};

// Implementation of the private templates above; only the
// postgres_store*.cc files call them.

template <typename F>
auto PostgresStore::Read(F&& read)
    -> decltype(read(std::declval<PgConnection&>())) {
  using Result = decltype(read(std::declval<PgConnection&>()));
  for (int attempt = 0;; ++attempt) {
    absl::StatusOr<Lease> lease = Acquire();
    if (!lease.ok()) return Result(lease.status());
    Result result = read(*lease->connection);
    const bool retry = !result.ok() && lease->connection->broken() &&
                       lease->reused && attempt == 0;
    Release(std::move(lease->connection));
    if (!retry) return result;
  }
}

template <typename F>
auto PostgresStore::Write(F&& write)
    -> decltype(write(std::declval<PgConnection&>())) {
  using Result = decltype(write(std::declval<PgConnection&>()));
  for (int attempt = 0;; ++attempt) {
    absl::StatusOr<Lease> lease = Acquire();
    if (!lease.ok()) return Result(lease.status());
    PgConnection& c = *lease->connection;
    std::optional<Result> result;
    bool retry = false;
    {
      internal::PgTransaction tx(c);
      if (absl::Status s = tx.Begin(); !s.ok()) {
        retry = c.broken() && lease->reused && attempt == 0;
        result.emplace(s);
      } else {
        result.emplace(write(c));
        if (result->ok()) {
          if (absl::Status s = tx.Commit(); !s.ok()) result.emplace(s);
        }
      }
    }
    Release(std::move(lease->connection));
    if (!retry) return std::move(*result);
  }
}

}  // namespace newsroom::store

#endif  // NEWSROOM_STORE_POSTGRES_STORE_H_
