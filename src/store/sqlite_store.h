// The SQLite implementation of Store: one file, embedded in the server.
//
//   absl::StatusOr<std::unique_ptr<SqliteStore>> store =
//       SqliteStore::Open("/var/lib/newsroom/newsroom.db");
//   if (!store.ok()) return store.status();
//   (*store)->AddComment(comment, [](absl::StatusOr<Comment> c) { … });
//
// Connections. The file is opened in WAL mode with synchronous=FULL, so a
// commit is on disk when it returns, and readers never wait for the writer.
// All writes go through one write connection: comments through a writer
// thread, everything else under the same mutex. Reads use a pool of read
// connections, one per concurrent reader up to `max_readers`. ":memory:"
// is a single connection shared, under the mutex, by readers and writers.
//
// Group commit. AddComment queues the comment and returns. The writer
// thread takes everything queued (up to `max_batch`), writes it in one
// transaction, commits once, and then runs each comment's callback; so
// fifty concurrent posters share one fsync instead of paying fifty. A bad
// comment in a batch (unknown article, parent on another article) fails
// alone; the others commit.
//
// Destruction drains the queue: every comment queued before the destructor
// started is written, and its callback run, before it returns.
//
// Reports. Readers see approved comments only, so only approved comments
// (and those already reported, which a reader may still have on screen)
// can be reported; other statuses are FailedPrecondition. A second report
// by the same reporter is accepted and changes nothing.
#ifndef NEWSROOM_STORE_SQLITE_STORE_H_
#define NEWSROOM_STORE_SQLITE_STORE_H_

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/synchronization/mutex.h"
#include "absl/time/time.h"
#include "store/internal/comment_queue.h"
#include "store/internal/connection.h"
#include "store/store.h"

namespace newsroom::store {

struct SqliteOptions {
  // Most comments written in one commit. Larger batches share an fsync
  // among more posters; the first poster of a batch waits for the last
  // one's row to be written too.
  int max_batch = 256;
  // Most read connections open at once; a reader beyond that waits for one
  // to be free. Each costs a file descriptor and a page cache.
  int max_readers = 8;
  // How long a statement waits for another process holding the write lock
  // (a `newsroom` command run beside the server) before Unavailable.
  absl::Duration busy_timeout = absl::Seconds(5);
};

class SqliteStore final : public Store {
 public:
  // Opens `path` (":memory:" for a private in-memory database), creating
  // and migrating it when needed. Errors name the path: Unavailable when it
  // cannot be opened, FailedPrecondition for a file that is not a
  // database, another application's database or a newer schema.
  static absl::StatusOr<std::unique_ptr<SqliteStore>> Open(
      std::string_view path, SqliteOptions options = {});
  // Opens `path` and migrates it, nothing more (`newsroom db migrate`).
  static absl::StatusOr<MigrationResult> Migrate(std::string_view path);
  ~SqliteStore() override;

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
  absl::StatusOr<Article> FindArticleByUrl(std::string_view url) override;
  absl::Status AddArticleUrl(int64_t article_id, std::string_view url) override;
  absl::StatusOr<std::vector<ArticleSummary>> ListArticleSummaries(
      int limit) override;
  absl::StatusOr<std::vector<ArticleEvent>> ListArticleEvents(
      std::optional<int64_t> article_id, int limit) override;

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
  using Connection = internal::Connection;
  using PendingComment = internal::PendingComment;

  SqliteStore(std::string path, SqliteOptions options,
              std::unique_ptr<Connection> writer);

  // Runs `read` on a read connection (the shared one for ":memory:").
  // `read` returns a Status or StatusOr.
  template <typename F>
  auto Read(F&& read) -> decltype(read(std::declval<Connection&>()));
  // Runs `write` in one transaction on the write connection, committing
  // when it returns OK and rolling back otherwise.
  template <typename F>
  auto Write(F&& write) -> decltype(write(std::declval<Connection&>()));
  absl::StatusOr<std::unique_ptr<Connection>> AcquireReader();
  void ReleaseReader(std::unique_ptr<Connection> reader);

  // Writes one batch in one transaction; one result per comment.
  std::vector<absl::StatusOr<Comment>> WriteBatch(
      std::vector<PendingComment>& batch);
  absl::StatusOr<Comment> InsertComment(const NewComment& comment,
                                        absl::Time now)
      ABSL_EXCLUSIVE_LOCKS_REQUIRED(write_mu_);

  const std::string path_;
  const SqliteOptions options_;
  const bool in_memory_;

  // The one write connection; in memory, also the read connection.
  absl::Mutex write_mu_;
  std::unique_ptr<Connection> writer_ ABSL_GUARDED_BY(write_mu_);

  absl::Mutex readers_mu_;
  std::vector<std::unique_ptr<Connection>> idle_readers_
      ABSL_GUARDED_BY(readers_mu_);
  int open_readers_ ABSL_GUARDED_BY(readers_mu_) = 0;

  // PageGeneration(): one process writes the file, so the count lives here
  // and moves after each commit that changes a page.
  std::atomic<uint64_t> generation_{0};

  // Last: stopped (and drained) first, while the connections still exist.
  internal::CommentQueue queue_;
};

// Implementation of the private templates above; only the sqlite_store*.cc
// files call them.

template <typename F>
auto SqliteStore::Read(F&& read)
    -> decltype(read(std::declval<Connection&>())) {
  if (in_memory_) {
    absl::MutexLock lock(&write_mu_);
    return read(*writer_);
  }
  absl::StatusOr<std::unique_ptr<Connection>> reader = AcquireReader();
  if (!reader.ok()) return reader.status();
  auto result = read(**reader);
  ReleaseReader(std::move(*reader));
  return result;
}

template <typename F>
auto SqliteStore::Write(F&& write)
    -> decltype(write(std::declval<Connection&>())) {
  using Result = decltype(write(std::declval<Connection&>()));
  absl::MutexLock lock(&write_mu_);
  internal::Transaction tx(*writer_);
  if (absl::Status s = tx.Begin(); !s.ok()) return Result(s);
  Result result = write(*writer_);
  if (!result.ok()) return result;  // rolled back by ~Transaction
  if (absl::Status s = tx.Commit(); !s.ok()) return Result(s);
  return result;
}

}  // namespace newsroom::store

#endif  // NEWSROOM_STORE_SQLITE_STORE_H_
