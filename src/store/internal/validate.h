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
// UTF-8 author, text and verdict.
absl::Status ValidateNewComment(const NewComment& comment);
// At least one size, each with a name (given once), a size, a content type
// and bytes. Returns the largest, whose size and type the photo takes.
absl::StatusOr<const PhotoVariant*> ValidatePhotoVariants(
    const std::vector<PhotoVariant>& variants);
// Text and attribute present, a finite score in [0, 1], UTF-8 fields.
absl::Status ValidateFeedback(const Feedback& feedback);
// Who decided: not empty, UTF-8.
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

}  // namespace newsroom::store::internal

#endif  // NEWSROOM_STORE_INTERNAL_VALIDATE_H_
