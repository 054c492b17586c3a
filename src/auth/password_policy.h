// What a new password must be, for `newsroom user add` and `user passwd`.
//
//   absl::Status ok = auth::CheckNewPassword("elif", password);
//   if (!ok.ok()) return ok;  // InvalidArgument saying what is wrong
//
// A password is refused when it is shorter than 8 characters or longer
// than 1,024 bytes, made of white space only, the user name itself (in any
// case, or with white space around it), or one of a few hundred passwords
// that guessing tools try first (a list in password_policy.cc, compared
// ignoring case and white space at the ends). The message names the rule,
// never echoes the password. Pure and thread-safe.
#ifndef NEWSROOM_AUTH_PASSWORD_POLICY_H_
#define NEWSROOM_AUTH_PASSWORD_POLICY_H_

#include <string_view>

#include "absl/status/status.h"

namespace newsroom::auth {

absl::Status CheckNewPassword(std::string_view username,
                              std::string_view password);

}  // namespace newsroom::auth

#endif  // NEWSROOM_AUTH_PASSWORD_POLICY_H_
