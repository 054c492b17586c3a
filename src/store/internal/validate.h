// Checks on what reaches the store from outside (a form, a request, the
// command line): each failure is an InvalidArgument that names the field.
//
//   if (absl::Status s = ValidateSlug(article.slug); !s.ok()) return s;
//
// All functions are pure and thread-safe.
#ifndef NEWSROOM_STORE_INTERNAL_VALIDATE_H_
#define NEWSROOM_STORE_INTERNAL_VALIDATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "store/store.h"

namespace newsroom::store::internal {

// Times go through every database as microseconds since the Unix epoch;
// what a write returns to its caller is truncated the same way, so that it
// equals a later read.
inline absl::Time Truncate(absl::Time t) {
  return absl::FromUnixMicros(absl::ToUnixMicros(t));
}

inline constexpr int kMaxNameBytes = 64;
inline constexpr int kMaxSlugBytes = 120;
// Store::DecideAll's most decisions in one call.
inline constexpr size_t kMaxDecisions = 1000;
// QueueQuery::search's most words.
inline constexpr size_t kMaxSearchWords = 8;

// `s` in double quotes, for error messages.
std::string Quote(std::string_view s);

// OK when `value` is well-formed UTF-8 without U+0000 (which neither a
// reader nor PostgreSQL's text type can hold); otherwise InvalidArgument
// naming `field` and the offending byte.
absl::Status ValidateUtf8Field(std::string_view field, std::string_view value);

// An article slug: [a-z0-9-]+, 1 to kMaxSlugBytes long.
absl::Status ValidateSlug(std::string_view slug);

// A user name or an API key name (`what` says which): what a person types
// to log in or reads in a list, so nothing can hide in it. Case is kept as
// typed; 1 to kMaxNameBytes bytes of UTF-8 without white space (Unicode's
// too), control characters or invisible format characters.
absl::Status ValidateName(std::string_view what, std::string_view name);

// A list's limit: 0 gives an empty list; negative is InvalidArgument.
absl::Status CheckLimit(int limit);

// What every backend checks before it writes, so that both refuse the same
// input with the same message.

// A slug, a headline, and UTF-8 text in every field.
absl::Status ValidateArticle(const Article& article);
// UTF-8 author, text, verdict and client; a receipt hash of at most 128
// bytes.
absl::Status ValidateNewComment(const NewComment& comment);
// At least one size, each with a name (given once), a size, a content type
// and bytes. Returns the largest, whose size and type the photo takes.
absl::StatusOr<const PhotoVariant*> ValidatePhotoVariants(
    const std::vector<PhotoVariant>& variants);
// Text and attribute present, a finite score in [0, 1], UTF-8 fields.
absl::Status ValidateFeedback(const Feedback& feedback);
// Who decided, or who changed an article (a user name, "engine",
// "reader", "import"): not empty, UTF-8.
absl::Status ValidateDecidedBy(std::string_view decided_by);
// A reporter (not empty, UTF-8) and a threshold of at least 1.
absl::Status ValidateReport(std::string_view reporter, int threshold);
// An article's address on the site a newsroom moved from: 1 to
// kMaxArticleUrlBytes bytes of UTF-8.
absl::Status ValidateArticleUrl(std::string_view url);
// Who decided (not empty, UTF-8), and each comment's key (1 to
// kMaxImportKeyBytes bytes), parent key (not its own) and UTF-8 fields;
// the message names the import key of the comment at fault.
absl::Status ValidateImport(const std::vector<ImportedComment>& comments,
                            std::string_view decided_by);
// A user name (ValidateName) and a password hash that is not empty.
absl::Status ValidateNewUser(std::string_view username,
                             std::string_view password_hash);
// An API key's name (ValidateName), hash (not empty) and UTF-8 prefix.
absl::Status ValidateNewApiKey(std::string_view name, std::string_view key_hash,
                               std::string_view prefix);
// A decision's reason: UTF-8, at most kMaxNameBytes bytes.
absl::Status ValidateReason(std::string_view reason);

// What a comment is found by in a search: its author and text, lower-cased
// the Turkish way and folded to ASCII ("Çok Güzel" → "cok guzel",
// text::FoldKey), so that a moderator finds it however they type. SQLite's
// write connections have it as the SQL function newsroom_fold().
std::string SearchKey(std::string_view text);

// A queue query's limit and search; the LIKE patterns (with `\` as the
// escape character) that the folded author and text must each match, one
// per word of the search. InvalidArgument for a bad limit, search text
// that is not UTF-8, or more than kMaxSearchWords words.
absl::StatusOr<std::vector<std::string>> ValidateQueueQuery(
    const QueueQuery& query);

// What Store::DecideAll can tell before reading a comment: one result per
// request, OK (an empty Comment) for a decision still to be made, or why
// it is refused — every one when `decided_by` is bad, those beyond
// kMaxDecisions, those with a bad reason.
std::vector<absl::StatusOr<Comment>> CheckDecisions(
    const std::vector<DecisionRequest>& requests, std::string_view decided_by);

// FailedPrecondition for a decision on comment `id`, which is `now` and
// not `expected` any more: someone else decided first.
absl::Status StaleDecision(int64_t id, CommentStatus now,
                           CommentStatus expected);

}  // namespace newsroom::store::internal

#endif  // NEWSROOM_STORE_INTERNAL_VALIDATE_H_
