// The PostgreSQL schema of Newsroom's store, as an ordered list of
// migrations, and the loop that applies them.
//
//   absl::StatusOr<MigrationResult> r =
//       MigratePostgres(connection, PostgresSchemaMigrations());
//   if (!r.ok()) return r.status();  // "… schema version 7, newer than …"
//
// The database remembers each migration applied in the table
// newsroom_schema (version, description, applied_at); its highest version
// is the schema's. Each migration runs in its own transaction holding a
// transaction-level advisory lock, so two nodes starting at once apply
// each migration exactly once: the second waits, then finds it done. A
// database with tables but no newsroom_schema is another application's and
// is refused, as is one newer than this binary knows.
//
// The same rules as SQLite's (migrations.h): a migration that has shipped
// is never edited; a change is a new migration, written for both backends.
#ifndef NEWSROOM_STORE_POSTGRES_MIGRATIONS_H_
#define NEWSROOM_STORE_POSTGRES_MIGRATIONS_H_

#include <vector>

#include "absl/status/statusor.h"
#include "store/internal/pg.h"
#include "store/migrations.h"

namespace newsroom::store {

// Newsroom's PostgreSQL schema, version 1 first; the same versions, tables
// and columns as SchemaMigrations() for SQLite.
const std::vector<Migration>& PostgresSchemaMigrations();

// Brings the database on `connection` to the last version of `migrations`.
// FailedPrecondition when it is newer or another application's; the
// failing migration's error, naming its version, when one fails (the
// database stays at the version before it). Safe against other nodes
// migrating at the same time. REQUIRES: migrations[i].version == i + 1.
absl::StatusOr<MigrationResult> MigratePostgres(
    internal::PgConnection& connection,
    const std::vector<Migration>& migrations);

}  // namespace newsroom::store

#endif  // NEWSROOM_STORE_POSTGRES_MIGRATIONS_H_
