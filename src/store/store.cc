// The parts of Store that do not depend on a database: names of statuses
// and roles, AddCommentAndWait, and Open's choice of implementation.
//
// Tested by store_test.cc.
#include "store/store.h"

#include <future>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
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

constexpr std::string_view kAcceptedUrls =
    "accepted: sqlite:PATH (for example sqlite:/var/lib/newsroom/newsroom.db) "
    "or sqlite::memory:";

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

absl::StatusOr<Comment> Store::AddCommentAndWait(NewComment comment) {
  std::promise<absl::StatusOr<Comment>> promise;
  std::future<absl::StatusOr<Comment>> result = promise.get_future();
  AddComment(std::move(comment), [&promise](absl::StatusOr<Comment> c) {
    promise.set_value(std::move(c));
  });
  return result.get();
}

absl::StatusOr<std::unique_ptr<Store>> Open(std::string_view url) {
  const size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("store URL \"", std::string(url), "\" has no scheme; ",
                     std::string(kAcceptedUrls)));
  }
  const std::string scheme =
      absl::AsciiStrToLower(std::string(url.substr(0, colon)));
  const std::string_view rest = url.substr(colon + 1);
  if (scheme == "sqlite") {
    if (rest.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "store URL \"", std::string(url), "\" names no database file; ",
          std::string(kAcceptedUrls)));
    }
    absl::StatusOr<std::unique_ptr<SqliteStore>> store =
        SqliteStore::Open(rest);
    if (!store.ok()) return store.status();
    return std::unique_ptr<Store>(std::move(*store));
  }
  if (scheme == "postgres" || scheme == "postgresql") {
    // The URL is not repeated: it may hold a password.
    return absl::UnimplementedError(
        "store URL scheme \"postgres:\": PostgreSQL is not supported yet; "
        "use sqlite:PATH");
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "store URL scheme \"", scheme, ":\" is not one Newsroom knows; ",
      std::string(kAcceptedUrls)));
}

}  // namespace newsroom::store
