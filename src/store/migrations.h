// The SQLite schema of Newsroom's store, as an ordered list of migrations.
//
//   absl::Status s = Migrate(connection, SchemaMigrations());
//   if (!s.ok()) return s;  // "… schema version 7, newer than …"
//
// The database remembers the last migration applied in PRAGMA user_version
// (0 for a new file) and is marked as Newsroom's with PRAGMA application_id.
// Migrate applies each missing migration in its own transaction, so a
// failure leaves the database at the previous version, never half-way.
// A database whose version is newer than the last migration this binary
// knows is refused: an older binary must not write to a schema it does not
// understand.
//
// A migration that has shipped is never edited; a change to the schema is a
// new migration appended to the list.
#ifndef NEWSROOM_STORE_MIGRATIONS_H_
#define NEWSROOM_STORE_MIGRATIONS_H_

#include <cstdint>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "store/internal/connection.h"
#include "store/store.h"

namespace newsroom::store {

struct Migration {
  int version = 0;               // 1, 2, 3, … in order
  const char* description = "";  // for error messages
  const char* sql = "";          // one or more statements
};

// PRAGMA application_id of a Newsroom database ("NwsR"); on PostgreSQL,
// the key of the advisory lock migrations hold.
inline constexpr int32_t kApplicationId = 0x4e777352;

// Newsroom's schema, version 1 first.
const std::vector<Migration>& SchemaMigrations();

// Brings the database on `connection` to the last version of `migrations`.
// FailedPrecondition when the database is newer than `migrations`, or is
// another application's (a different application_id, or tables but no
// Newsroom version); the failing migration's error, naming its version,
// when one fails. Safe against another process migrating at the same time.
// REQUIRES: migrations[i].version == i + 1.
absl::StatusOr<MigrationResult> Migrate(
    internal::Connection& connection, const std::vector<Migration>& migrations);

// Aborts the process when `migrations` are not numbered 1, 2, 3, … (a
// programming error in the list, never a property of a database).
void CheckMigrationNumbers(const std::vector<Migration>& migrations);

}  // namespace newsroom::store

#endif  // NEWSROOM_STORE_MIGRATIONS_H_
