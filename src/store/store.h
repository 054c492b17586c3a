// Where Newsroom keeps articles, comments, decisions, accounts and keys.
//
//   auto store = store::Open("sqlite:newsroom.db");
//   if (!store.ok()) return store.status();
//   absl::StatusOr<store::Article> a = (*store)->FindArticle("kopru-acildi");
//
// A small interface of the project's own, so that the site does not know
// which database holds its data: SQLite (embedded, the default) implements
// it in sqlite_store.cc, PostgreSQL (one database for several `newsroom
// serve` nodes) in postgres_store.cc. store_contract_test.cc holds every
// backend to the same behaviour.
//
// Every method is safe to call from several threads at once. Errors are
// absl::Status values: NotFound for a missing row, AlreadyExists for a
// duplicate slug or user name, FailedPrecondition for a decision on a
// comment whose status changed meanwhile, Unavailable when the database
// cannot be reached or its file is gone (a caller may retry later),
// Internal for the rest.
//
// Durability: AddComment answers only after the comment is on disk (a
// durable commit; concurrent posts may share one commit). Every other
// write is durable when it returns.
#ifndef NEWSROOM_STORE_STORE_H_
#define NEWSROOM_STORE_STORE_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"

namespace newsroom::store {

struct Article {
  int64_t id = 0;
  std::string slug;  // [a-z0-9-]+, unique; the page is /news/{slug}
  std::string headline;
  std::string lead;
  std::string body;  // paragraphs separated by blank lines; plain text
  std::optional<int64_t> photo_id;
  std::string photo_caption;
  std::string photo_credit;
  std::string source;  // the "Kaynak / Source:" line
  std::string author;
  // Readers see published articles only; a draft (never published, or
  // withdrawn) is the editors' alone.
  bool published = true;
  // Readers may read the comments but not post new ones.
  bool comments_closed = false;
  // UTC. The first publication: it never moves once set, whatever happens
  // to the article later. absl::UnixEpoch() for a draft never published.
  absl::Time published_at;
  absl::Time updated_at;  // UTC; moves on every update of the content
};

// What happened to an article, for its audit log.
enum class ArticleAction {
  kCreated,
  kUpdated,
  kPublished,
  kUnpublished,
  kCommentsClosed,
  kCommentsOpened,
};
// "created", "updated", "published", "unpublished", "comments_closed",
// "comments_opened".
std::string_view ArticleActionName(ArticleAction action);
std::optional<ArticleAction> ParseArticleAction(std::string_view name);

// One entry of an article's audit log: who did what to it, and when.
struct ArticleEvent {
  int64_t id = 0;
  int64_t article_id = 0;
  std::string by;  // the editor's user name
  ArticleAction action = ArticleAction::kUpdated;
  absl::Time at;
};

// An article as the editors' desk lists it: with how many of its
// comments are published, waiting for a moderator, and reported.
struct ArticleSummary {
  Article article;
  int64_t approved = 0;
  int64_t pending = 0;
  int64_t reported = 0;
};

enum class CommentStatus { kApproved, kPending, kReported, kRejected };
// "approved", "pending", "reported", "rejected".
std::string_view CommentStatusName(CommentStatus status);
std::optional<CommentStatus> ParseCommentStatus(std::string_view name);

struct Comment {
  int64_t id = 0;
  int64_t article_id = 0;
  std::optional<int64_t> parent_id;
  std::string author;
  std::string text;
  CommentStatus status = CommentStatus::kPending;
  std::string verdict_json;  // the engine's verdict when it was posted
  std::string client;        // who posted: a hash, never a raw address
  int report_count = 0;
  absl::Time created_at;
  // Why a moderator rejected it: the id of the policy rule whose clause it
  // breaks ("insult"); empty unless rejected by a moderator who said why.
  std::string reason;
  // A hash of the receipt the commenter was given when posting (the
  // server's choice of hash; empty for none), so that the commenter, and
  // no one else, can ask later what became of the comment.
  std::string receipt_hash;
};

struct NewComment {
  int64_t article_id = 0;
  std::optional<int64_t> parent_id;  // must be a comment of the same article
  std::string author;
  std::string text;
  CommentStatus status = CommentStatus::kPending;
  std::string verdict_json;
  std::string client;
  std::string receipt_hash;  // see Comment::receipt_hash; may be empty
};

// Which comments of a queue a moderator wants to see. Every criterion
// given must hold.
struct QueueQuery {
  CommentStatus status = CommentStatus::kPending;
  // Words of the text or of the author's name, as typed by a moderator:
  // case and Turkish letters aside ("cok" finds "Çok"). Empty: any.
  std::string search;
  std::optional<int64_t> article_id;
  // A rule id: comments in whose verdict that rule found anything (the
  // "rules" of the stored verdict_json). Empty: any.
  std::string rule;
  // Posted in [since, until).
  std::optional<absl::Time> since;
  std::optional<absl::Time> until;
  // Paging: only comments with a larger id (a queue is worked oldest
  // first).
  int64_t after_id = 0;
  int limit = 100;
};

// How many comments were posted on one day, and how many of them a rule
// found violated (in the verdict stored with the comment).
struct DayCount {
  absl::CivilDay day;
  // A rule id, or empty for every comment posted that day.
  std::string rule;
  int64_t count = 0;
};

// One moderator's decision on one comment, as DecideAll takes them.
struct DecisionRequest {
  int64_t comment_id = 0;
  CommentStatus to = CommentStatus::kApproved;
  // The status the moderator saw; if the comment is not in it any more
  // (someone else decided first), the decision is refused. nullopt: no
  // check.
  std::optional<CommentStatus> expected;
  // For a rejection: the rule id of the policy clause the comment breaks.
  // Empty for none. Stored as given (at most 64 bytes).
  std::string reason;
};

// A comment brought from another comment system (`newsroom import`), with
// the time and author it had there.
struct ImportedComment {
  // What identifies the comment at its source ("disqus:1234567",
  // "wordpress:haber.example.com:42"): a key is stored once, however many
  // times it is imported. 1 to kMaxImportKeyBytes bytes of UTF-8.
  std::string import_key;
  int64_t article_id = 0;
  // The import key of the comment it replies to, or empty. The reply's
  // parent_id points at that comment as soon as it is stored: before it,
  // in the same call, or in a later one.
  std::string parent_key;
  std::string author;
  std::string text;
  CommentStatus status = CommentStatus::kPending;
  std::string verdict_json;
  std::string client;
  absl::Time created_at;  // when it was written at the source (UTC)
};
inline constexpr int kMaxImportKeyBytes = 512;
inline constexpr int kMaxArticleUrlBytes = 2048;

// What ImportComments did with one ImportedComment.
struct ImportOutcome {
  int64_t comment_id = 0;  // the comment stored under the key
  bool added = false;      // false: the key had been imported before
};

// The order of an article's threads: by the time their first comment was
// posted (then by id), newest or oldest first.
enum class CommentOrder { kNewestFirst, kOldestFirst };

// Where a thread stands in that order: its first comment's posting time
// and id. What a window hands on to the next one (CommentWindow::next).
struct CommentPosition {
  absl::Time created_at;
  int64_t id = 0;
  bool operator==(const CommentPosition&) const = default;
};

// Which window of an article's comments a reader wants: a page of threads.
// A thread is a comment in `status` whose parent is not (no parent, or a
// parent in another status), with every comment in `status` below it
// through parents in `status` — as the article page threads them.
struct CommentWindowQuery {
  int64_t article_id = 0;
  CommentStatus status = CommentStatus::kApproved;
  CommentOrder order = CommentOrder::kNewestFirst;
  // The threads after this position in `order`; nullopt: from the first.
  std::optional<CommentPosition> after;
  // The thread at `after` too (a permalink's window begins with its
  // thread).
  bool including_after = false;
  int threads = 50;   // 1 to kMaxWindowThreads
  int replies = 100;  // per thread, oldest first: 0 to kMaxWindowReplies
};
inline constexpr int kMaxWindowThreads = 200;
inline constexpr int kMaxWindowReplies = 100;

// A window of an article's comments (Store::ListCommentWindow).
struct CommentWindow {
  // Threads in the query's order, each its first comment followed by its
  // replies (replies to replies too) oldest first.
  std::vector<Comment> comments;
  // Threads whose replies were cut at CommentWindowQuery::replies: the
  // first comment's id → how many of its replies are not in the window.
  std::map<int64_t, int64_t> more_replies;
  // Every comment of the article in the status, in every thread.
  int64_t total = 0;
  // The position of the window's last thread when more threads follow;
  // nullopt at the end.
  std::optional<CommentPosition> next;
};

// A comment in a moderator's queue, with the article it belongs to.
struct QueueItem {
  Comment comment;
  std::string article_slug;
  std::string article_headline;
};

// One entry of the audit log: who moved which comment from what to what.
// The engine's own decision at posting time is logged with decided_by
// "engine"; a reader's report with "reader".
struct Decision {
  int64_t id = 0;
  int64_t comment_id = 0;
  std::string decided_by;
  std::optional<CommentStatus> from;  // nullopt for the posting itself
  CommentStatus to = CommentStatus::kPending;
  absl::Time at;
  std::string reason;  // DecisionRequest::reason; empty for none
};

enum class Role { kEditor, kModerator };
std::string_view RoleName(Role role);  // "editor", "moderator"
std::optional<Role> ParseRole(std::string_view name);

struct User {
  int64_t id = 0;
  std::string username;
  Role role = Role::kModerator;
  std::string password_hash;  // argon2id string (auth::HashPassword)
  absl::Time created_at;
  bool disabled = false;  // may not log in; has no sessions
};

struct Session {
  std::string token_hash;  // auth::TokenHash of the cookie; never the token
  int64_t user_id = 0;
  std::string csrf_token;
  absl::Time created_at;
  absl::Time expires_at;
};

struct Photo {
  int64_t id = 0;
  std::string content_type;  // "image/jpeg"
  int width = 0;             // of the largest variant
  int height = 0;
  absl::Time created_at;
};

// One stored size of a photo: "orig" (re-encoded), "1600", "800", "400".
struct PhotoVariant {
  std::string name;
  int width = 0;
  int height = 0;
  std::string content_type;
  std::string bytes;
  int64_t byte_size = 0;  // bytes.size(), also when bytes are not read
};

struct ApiKey {
  int64_t id = 0;
  std::string name;      // unique
  std::string key_hash;  // auth::TokenHash of the key; never the key
  std::string prefix;    // the key's first characters, to recognise it
  absl::Time created_at;
  std::optional<absl::Time> revoked_at;
};

// A moderator's decision fed back by a Perspective client
// (comments:suggestscore): training data for the next model.
struct Feedback {
  int64_t id = 0;
  std::string api_key_name;
  std::string text;
  std::string attribute;  // "TOXICITY", "INSULT", …
  double score = 0;       // what the client says it should have been
  std::string language;   // "tr", "en", or empty
  std::string client_token;
  absl::Time created_at;
};

class Store {
 public:
  virtual ~Store() = default;

  // Articles. Every write names who made it (`by`, an editor's user name,
  // or "import", "demo") and logs it in the article's audit log in the same
  // transaction.
  //
  // CreateArticle sets id; updated_at to now when it is zero
  // (absl::UnixEpoch()); published_at to now when the article is published
  // and it is zero (a draft keeps zero). AlreadyExists for a used slug.
  virtual absl::StatusOr<Article> CreateArticle(Article article,
                                                std::string_view by) = 0;
  // Updates the content of the article with article.id (every field but
  // id, published, comments_closed and published_at); moves updated_at to
  // now.
  virtual absl::StatusOr<Article> UpdateArticle(Article article,
                                                std::string_view by) = 0;
  // Publishes or withdraws an article. Its first publication sets
  // published_at and updated_at to now; a later one changes neither (the
  // first publication time never moves). Publishing a published article,
  // or withdrawing a draft, changes nothing and logs nothing.
  virtual absl::StatusOr<Article> SetPublished(int64_t id, bool published,
                                               std::string_view by) = 0;
  // Closes (or opens again) an article's comments; updated_at stays.
  virtual absl::StatusOr<Article> SetCommentsClosed(int64_t id, bool closed,
                                                    std::string_view by) = 0;
  // Any article, drafts included; callers that serve readers check
  // `published`.
  virtual absl::StatusOr<Article> FindArticle(std::string_view slug) = 0;
  virtual absl::StatusOr<Article> FindArticleById(int64_t id) = 0;
  // Published articles, newest first publication first.
  virtual absl::StatusOr<std::vector<Article>> ListArticles(int limit) = 0;
  // Every article, drafts included, most recently updated first, with the
  // counts of its comments: the editors' desk.
  virtual absl::StatusOr<std::vector<ArticleSummary>> ListArticleSummaries(
      int limit) = 0;
  // The audit log of one article (or of all, with nullopt), newest first.
  virtual absl::StatusOr<std::vector<ArticleEvent>> ListArticleEvents(
      std::optional<int64_t> article_id, int limit) = 0;

  // The addresses articles had on the site a newsroom moved from, for
  // imports to find them. `url` is an opaque key (the importer normalises
  // it), 1 to kMaxArticleUrlBytes bytes of UTF-8. FindArticleByUrl:
  // NotFound when no article has it. AddArticleUrl: OK when the article
  // already has it, AlreadyExists when another article has it, NotFound
  // for an unknown article.
  virtual absl::StatusOr<Article> FindArticleByUrl(std::string_view url) = 0;
  virtual absl::Status AddArticleUrl(int64_t article_id,
                                     std::string_view url) = 0;

  // Comments. `done` runs once the comment is durable (or failed), on a
  // thread of the store's; it must not block. InvalidArgument when
  // parent_id is not a comment of the same article.
  using CommentCallback = std::function<void(absl::StatusOr<Comment>)>;
  virtual void AddComment(NewComment comment, CommentCallback done) = 0;
  // AddComment, waiting for it.
  absl::StatusOr<Comment> AddCommentAndWait(NewComment comment);

  virtual absl::StatusOr<Comment> FindComment(int64_t id) = 0;
  // One article's comments in one status, oldest first: all of them, for
  // tools that need every one. Readers' pages use ListCommentWindow.
  virtual absl::StatusOr<std::vector<Comment>> ListComments(
      int64_t article_id, CommentStatus status) = 0;
  // A window of one article's threads in one status (CommentWindowQuery),
  // for the pages and the API that readers read: bounded by the query, and
  // its cost depends on the window's threads, not on the article's size
  // (one index range scan for the threads, the replies of those threads,
  // and an index-only count for `total`). InvalidArgument for `threads` or
  // `replies` out of range; NotFound for an unknown article.
  virtual absl::StatusOr<CommentWindow> ListCommentWindow(
      const CommentWindowQuery& query) = 0;
  // The comments of a queue that match `query`, oldest first (a queue is
  // worked from its oldest end), with their articles.
  virtual absl::StatusOr<std::vector<QueueItem>> SearchQueue(
      const QueueQuery& query) = 0;
  // SearchQueue of one status, unfiltered.
  absl::StatusOr<std::vector<QueueItem>> ListQueue(CommentStatus status,
                                                   int limit);
  virtual absl::StatusOr<std::map<CommentStatus, int64_t>> CountByStatus() = 0;
  // The conversation around a comment, every status: the first comment of
  // its thread and everything below it, oldest first. NotFound for an
  // unknown id.
  virtual absl::StatusOr<std::vector<Comment>> ListThread(
      int64_t comment_id) = 0;
  // Comments posted since `since`, per day (days begin at midnight
  // `utc_offset` from UTC: Istanbul's is 3 h), in all and per rule found
  // violated. Days and rules without comments are left out.
  virtual absl::StatusOr<std::vector<DayCount>> CountByDay(
      absl::Time since, absl::Duration utc_offset) = 0;

  // Comments from another comment system, in one transaction: all are
  // stored or none is. A comment whose import_key was imported before is
  // left as it is (added false), even when that comment has since been
  // purged, so running an import again adds nothing twice and brings back
  // nothing purged. Each added comment gets an audit row decided by
  // `decided_by` (from nothing to its status). Replies find their parents
  // through parent_key (see ImportedComment); a reply stored before its
  // parent is linked when the parent comes, unless the link would make a
  // cycle or cross to another article. Errors, with the
  // import key of the comment at fault: InvalidArgument for an empty or
  // over-long key, text that is not UTF-8, a parent_key equal to the
  // comment's own key, or a parent on another article; NotFound for an
  // unknown article.
  virtual absl::StatusOr<std::vector<ImportOutcome>> ImportComments(
      const std::vector<ImportedComment>& comments,
      std::string_view decided_by) = 0;

  // Moderators' decisions, each moving a comment to its `to`. One result
  // per request, in order: the comment as it is now, or the reason that
  // decision was refused — FailedPrecondition when the comment is not in
  // its `expected` status any more (someone else decided first), NotFound,
  // InvalidArgument. A refused decision changes nothing; no decision is
  // silently overwritten. The others, and their audit rows, are written in
  // one transaction. A rejection stores its reason with the comment; an
  // approval clears it and answers the reports so far: the comment counts
  // reports from zero again (readers who reported it before still count
  // once, and not again). At most 1000 requests (InvalidArgument for each
  // beyond).
  virtual std::vector<absl::StatusOr<Comment>> DecideAll(
      const std::vector<DecisionRequest>& requests,
      std::string_view decided_by) = 0;
  // DecideAll of one decision without a reason.
  absl::StatusOr<Comment> Decide(int64_t comment_id, CommentStatus to,
                                 std::string_view decided_by,
                                 std::optional<CommentStatus> expected);
  virtual absl::StatusOr<std::vector<Decision>> ListDecisions(int limit) = 0;

  // A reader reports a comment. One report per reporter per comment counts;
  // at `threshold` reports an approved comment moves to kReported (logged
  // as decided by "reader"). Returns the comment after the report.
  virtual absl::StatusOr<Comment> ReportComment(int64_t comment_id,
                                                std::string_view reporter,
                                                int threshold) = 0;

  // The moderation log keeps the text of rejected comments for audit for a
  // while: deletes rejected comments created before `before` and not
  // decided on (posted, imported, refused by a moderator) since. Returns
  // how many went.
  virtual absl::StatusOr<int64_t> PurgeRejected(absl::Time before) = 0;

  // Photos, with their sizes.
  virtual absl::StatusOr<Photo> AddPhoto(
      std::vector<PhotoVariant> variants) = 0;
  virtual absl::StatusOr<Photo> FindPhoto(int64_t id) = 0;
  virtual absl::StatusOr<PhotoVariant> FindPhotoVariant(
      int64_t photo_id, std::string_view name) = 0;
  // The stored variants, largest first, bytes left empty (byte_size set).
  virtual absl::StatusOr<std::vector<PhotoVariant>> ListPhotoVariants(
      int64_t photo_id) = 0;

  // Accounts and sessions.
  virtual absl::StatusOr<User> AddUser(std::string_view username, Role role,
                                       std::string_view password_hash) = 0;
  virtual absl::StatusOr<User> FindUser(std::string_view username) = 0;
  virtual absl::StatusOr<User> FindUserById(int64_t id) = 0;
  // Replaces the user's password hash and ends every session of the user
  // in the same transaction: whoever held the old password is logged out.
  // NotFound for an unknown user name.
  virtual absl::Status SetPassword(std::string_view username,
                                   std::string_view password_hash) = 0;
  // Disables an account (it may not log in, and every session of it ends
  // in the same transaction) or enables it again. NotFound for an unknown
  // user name.
  virtual absl::Status SetUserDisabled(std::string_view username,
                                       bool disabled) = 0;
  // NotFound for an unknown user; FailedPrecondition for a disabled one.
  virtual absl::Status AddSession(const Session& session) = 0;
  // NotFound when absent, expired at `now`, or of a disabled user.
  virtual absl::StatusOr<Session> FindSession(std::string_view token_hash,
                                              absl::Time now) = 0;
  virtual absl::Status DeleteSession(std::string_view token_hash) = 0;
  // Ends every session of the user; returns how many there were.
  virtual absl::StatusOr<int64_t> DeleteSessionsOfUser(int64_t user_id) = 0;

  // API keys for the moderation API.
  virtual absl::StatusOr<ApiKey> AddApiKey(std::string_view name,
                                           std::string_view key_hash,
                                           std::string_view prefix) = 0;
  virtual absl::StatusOr<std::vector<ApiKey>> ListApiKeys() = 0;
  virtual absl::Status RevokeApiKey(std::string_view name) = 0;
  // NotFound for an unknown or revoked key.
  virtual absl::StatusOr<ApiKey> FindApiKey(std::string_view key_hash) = 0;

  // Moderator feedback from Perspective clients.
  virtual absl::StatusOr<Feedback> AddFeedback(Feedback feedback) = 0;
  virtual absl::StatusOr<std::vector<Feedback>> ListFeedback() = 0;

  // What the nodes of a site share (every node on one database agrees).

  // OK when the database answers now; Unavailable when it does not, or
  // when its file was deleted or moved away under the running server —
  // writes are then refused with Unavailable too, never acknowledged and
  // lost (/healthz).
  virtual absl::Status Ping() = 0;
  // A number that moves, on every node, after each committed change that
  // can alter a rendered page: an article created or updated, a comment
  // posted approved, a decision, a report. Read it before reading what a
  // page shows: a page rendered after reading g is current for as long as
  // PageGeneration() still returns g. Never moves backwards while the
  // store is open.
  virtual absl::StatusOr<uint64_t> PageGeneration() = 0;
  // The secret called `name` (a salt, a key) that every node must use: the
  // first call anywhere stores `candidate`, and every call, on any node and
  // after restarts, returns what was stored first. InvalidArgument for an
  // empty name or candidate.
  virtual absl::StatusOr<std::string> SharedSecret(
      std::string_view name, std::string_view candidate) = 0;
};

// Opens (creating and migrating when needed) the store a URL names:
// "sqlite:PATH" (":memory:" for a private in-memory database) or
// "postgresql://user@host:port/dbname" ("postgres://" too, and any libpq
// URL parameters). An unknown scheme, a broken file or an unreachable
// server gives an error that says which; errors never repeat a password.
absl::StatusOr<std::unique_ptr<Store>> Open(std::string_view url);

// What a migration run did: the schema version before and after.
struct MigrationResult {
  int from = 0;
  int to = 0;
};

// Brings the schema of the database `url` names to this binary's version,
// as Open does before anything else (`newsroom db migrate`). Safe while
// other nodes run or start.
absl::StatusOr<MigrationResult> Migrate(std::string_view url);

}  // namespace newsroom::store

#endif  // NEWSROOM_STORE_STORE_H_
