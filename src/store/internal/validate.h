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

#include "absl/status/status.h"

namespace newsroom::store::internal {

inline constexpr int kMaxNameBytes = 64;
inline constexpr int kMaxSlugBytes = 120;

// `s` in double quotes, for error messages.
std::string Quote(std::string_view s);

// OK when `value` is well-formed UTF-8; otherwise InvalidArgument naming
// `field` and the offending byte.
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

}  // namespace newsroom::store::internal

#endif  // NEWSROOM_STORE_INTERNAL_VALIDATE_H_
