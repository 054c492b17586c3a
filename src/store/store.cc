// The parts of Store that do not depend on a database: names of statuses
// and roles, AddCommentAndWait, and Open's choice of implementation.
//
// Tested by store_test.cc.
#include "store/store.h"

#include <future>
#include <utility>

#include "store/internal/url.h"
#include "store/postgres_store.h"
#include "store/sqlite_store.h"

namespace newsroom::store {
namespace {

constexpr std::pair<CommentStatus, std::string_view> kStatusNames[] = {
    {CommentStatus::kApproved, "approved"},
    {CommentStatus::kPending, "pending"},
    {CommentStatus::kReported, "reported"},
    {CommentStatus::kRejected, "rejected"},
};

constexpr std::pair<Role, std::string_view> kRoleNames[] = {
    {Role::kEditor, "editor"},
    {Role::kModerator, "moderator"},
};

constexpr std::pair<ArticleAction, std::string_view> kActionNames[] = {
    {ArticleAction::kCreated, "created"},
    {ArticleAction::kUpdated, "updated"},
    {ArticleAction::kPublished, "published"},
    {ArticleAction::kUnpublished, "unpublished"},
    {ArticleAction::kCommentsClosed, "comments_closed"},
    {ArticleAction::kCommentsOpened, "comments_opened"},
};

}  // namespace

std::string_view CommentStatusName(CommentStatus status) {
  for (const auto& [s, name] : kStatusNames) {
    if (s == status) return name;
  }
  return "pending";
}

std::optional<CommentStatus> ParseCommentStatus(std::string_view name) {
  for (const auto& [s, n] : kStatusNames) {
    if (n == name) return s;
  }
  return std::nullopt;
}

std::string_view RoleName(Role role) {
  for (const auto& [r, name] : kRoleNames) {
    if (r == role) return name;
  }
  return "moderator";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (const auto& [r, n] : kRoleNames) {
    if (n == name) return r;
  }
  return std::nullopt;
}

std::string_view ArticleActionName(ArticleAction action) {
  for (const auto& [a, name] : kActionNames) {
    if (a == action) return name;
  }
  return "updated";
}

std::optional<ArticleAction> ParseArticleAction(std::string_view name) {
  for (const auto& [a, n] : kActionNames) {
    if (n == name) return a;
  }
  return std::nullopt;
}

absl::StatusOr<std::vector<QueueItem>> Store::ListQueue(CommentStatus status,
                                                        int limit) {
  QueueQuery query;
  query.status = status;
  query.limit = limit;
  return SearchQueue(query);
}

absl::StatusOr<Comment> Store::Decide(int64_t comment_id, CommentStatus to,
                                      std::string_view decided_by,
                                      std::optional<CommentStatus> expected) {
  DecisionRequest request;
  request.comment_id = comment_id;
  request.to = to;
  request.expected = expected;
  return DecideAll({request}, decided_by).front();
}

absl::StatusOr<Comment> Store::AddCommentAndWait(NewComment comment) {
  std::promise<absl::StatusOr<Comment>> promise;
  std::future<absl::StatusOr<Comment>> result = promise.get_future();
  AddComment(std::move(comment), [&promise](absl::StatusOr<Comment> c) {
    promise.set_value(std::move(c));
  });
  return result.get();
}

absl::StatusOr<std::unique_ptr<Store>> Open(std::string_view url) {
  absl::StatusOr<internal::StoreUrl> parsed = internal::ParseStoreUrl(url);
  if (!parsed.ok()) return parsed.status();
  if (parsed->backend == internal::StoreBackend::kSqlite) {
    absl::StatusOr<std::unique_ptr<SqliteStore>> store =
        SqliteStore::Open(parsed->target);
    if (!store.ok()) return store.status();
    return std::unique_ptr<Store>(std::move(*store));
  }
  absl::StatusOr<std::unique_ptr<PostgresStore>> store =
      PostgresStore::Open(parsed->target);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Store>(std::move(*store));
}

absl::StatusOr<MigrationResult> Migrate(std::string_view url) {
  absl::StatusOr<internal::StoreUrl> parsed = internal::ParseStoreUrl(url);
  if (!parsed.ok()) return parsed.status();
  if (parsed->backend == internal::StoreBackend::kSqlite) {
    return SqliteStore::Migrate(parsed->target);
  }
  return PostgresStore::Migrate(parsed->target);
}

}  // namespace newsroom::store
