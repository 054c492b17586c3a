// Which backend a store URL names, and what the backend is given.
//
//   absl::StatusOr<StoreUrl> u = ParseStoreUrl("sqlite:/var/lib/n.db");
//   // u->backend == StoreBackend::kSqlite, u->target == "/var/lib/n.db"
//
// Errors are InvalidArgument with the accepted forms; a PostgreSQL URL is
// never repeated in them (it may hold a password).
#ifndef NEWSROOM_STORE_INTERNAL_URL_H_
#define NEWSROOM_STORE_INTERNAL_URL_H_

#include <string_view>

#include "absl/status/statusor.h"

namespace newsroom::store::internal {

enum class StoreBackend { kSqlite, kPostgres };

struct StoreUrl {
  StoreBackend backend;
  std::string_view target;  // the SQLite path, or the whole PostgreSQL URL
};

// REQUIRES: `url` outlives the result (target points into it).
absl::StatusOr<StoreUrl> ParseStoreUrl(std::string_view url);

}  // namespace newsroom::store::internal

#endif  // NEWSROOM_STORE_INTERNAL_URL_H_
