// Tested by store_test.cc (StoreOpenTest).
#include "store/internal/url.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace newsroom::store::internal {
namespace {

constexpr std::string_view kAcceptedUrls =
    "accepted: sqlite:PATH (for example sqlite:/var/lib/newsroom/newsroom.db), "
    "sqlite::memory:, or postgresql://USER@HOST:PORT/DBNAME";

}  // namespace

absl::StatusOr<StoreUrl> ParseStoreUrl(std::string_view url) {
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
    return StoreUrl{StoreBackend::kSqlite, rest};
  }
  if (scheme == "postgres" || scheme == "postgresql") {
    return StoreUrl{StoreBackend::kPostgres, url};
  }
  // The URL is not repeated: it may hold a password.
  return absl::InvalidArgumentError(absl::StrCat(
      "store URL scheme \"", scheme, ":\" is not one Newsroom knows; ",
      std::string(kAcceptedUrls)));
}

}  // namespace newsroom::store::internal
