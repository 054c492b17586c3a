// Tested through sqlite_store_test.cc (slugs, user and key names, text).
#include "store/internal/validate.h"

#include "absl/strings/str_cat.h"
#include "text/utf8.h"

namespace newsroom::store::internal {

std::string Quote(std::string_view s) {
  return absl::StrCat("\"", std::string(s), "\"");
}

absl::Status ValidateUtf8Field(std::string_view field, std::string_view value) {
  absl::Status s = text::ValidateUtf8(value);
  if (s.ok()) return s;
  return absl::InvalidArgumentError(
      absl::StrCat(std::string(field), ": ", std::string(s.message())));
}

absl::Status ValidateSlug(std::string_view slug) {
  if (slug.empty() || slug.size() > kMaxSlugBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("article slug ", Quote(slug), " must be 1 to ",
                     kMaxSlugBytes, " characters long"));
  }
  for (char c : slug) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return absl::InvalidArgumentError(absl::StrCat(
          "article slug ", Quote(slug),
          " may contain only lower-case ASCII letters, digits and '-' (for "
          "example \"kopru-acildi\")"));
    }
  }
  return absl::OkStatus();
}

namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0d) || c == 0x85 || c == 0xa0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 ||
         c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

bool IsControlOrInvisible(char32_t c) {
  return c < 0x20 || (c >= 0x7f && c < 0xa0) || c == 0xad ||
         (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2060 && c <= 0x2064) || c == 0xfeff;
}

}  // namespace

absl::Status ValidateName(std::string_view what, std::string_view name) {
  if (name.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(what), " is empty"));
  }
  if (name.size() > kMaxNameBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat(std::string(what), " ", Quote(name), " is longer than ",
                     kMaxNameBytes, " bytes"));
  }
  if (absl::Status s = ValidateUtf8Field(what, name); !s.ok()) return s;
  for (size_t i = 0; i < name.size();) {
    char32_t c = text::NextCodePoint(name, &i);
    if (IsSpace(c)) {
      return absl::InvalidArgumentError(absl::StrCat(
          std::string(what), " ", Quote(name), " contains white space"));
    }
    if (IsControlOrInvisible(c)) {
      return absl::InvalidArgumentError(absl::StrCat(
          std::string(what), " contains a control or invisible character"));
    }
  }
  return absl::OkStatus();
}

absl::Status CheckLimit(int limit) {
  if (limit < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("limit must not be negative, got ", limit));
  }
  return absl::OkStatus();
}

}  // namespace newsroom::store::internal
