// A thin, Status-returning layer over one SQLite connection: opening with
// Newsroom's settings, a cache of prepared statements, and transactions.
//
//   absl::StatusOr<std::unique_ptr<Connection>> c = Connection::Open(
//       "newsroom.db", Connection::Mode::kReader, absl::Seconds(5),
//       "newsroom.db");
//   absl::StatusOr<Statement> s = (*c)->Prepare("SELECT id FROM articles");
//   while (*s->Step()) ids.push_back(s->Int(0));
//
// A Connection is used by one thread at a time (the store's pool and its
// write mutex see to that); it is not thread-safe by itself. A Statement
// borrows a cached sqlite3_stmt and resets it when it goes out of scope, so
// the same SQL must not be stepped twice at once on one connection.
#ifndef NEWSROOM_STORE_INTERNAL_CONNECTION_H_
#define NEWSROOM_STORE_INTERNAL_CONNECTION_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace newsroom::store::internal {

// The Status for SQLite result code `rc` (primary or extended), with
// `context` and SQLite's own message: busy, locked, I/O and open failures
// are Unavailable (the database is down for us); "not a database" is
// FailedPrecondition; corruption is DataLoss; UNIQUE/PRIMARY KEY violations
// AlreadyExists; other constraint failures FailedPrecondition; the rest
// Internal.
absl::Status SqliteStatus(int rc, std::string_view context,
                          std::string_view sqlite_message);

// Times are stored as integer microseconds since the Unix epoch, UTC.
inline int64_t ToMicros(absl::Time t) { return absl::ToUnixMicros(t); }
inline absl::Time FromMicros(int64_t us) { return absl::FromUnixMicros(us); }

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();  // resets the statement and clears its bindings

  // Binds parameter `i` (1-based). Values are copied. A failed bind is
  // reported by the next Step().
  Statement& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Statement& Bind(int i, int64_t v);
  Statement& Bind(int i, double v);
  Statement& Bind(int i, std::string_view text);
  Statement& Bind(int i, const std::string& text) {
    return Bind(i, std::string_view(text));
  }
  Statement& Bind(int i, const char* text) {
    return Bind(i, std::string_view(text));
  }
  Statement& Bind(int i, std::optional<int64_t> v);
  Statement& Bind(int i, absl::Time t) { return Bind(i, ToMicros(t)); }
  Statement& BindBlob(int i, std::string_view bytes);
  Statement& BindNull(int i);

  // Advances: true when a row is ready, false when the statement is done.
  absl::StatusOr<bool> Step();
  // Steps a statement that returns no rows to its end.
  absl::Status Run();
  // The extended result code of the last Step() (SQLITE_CONSTRAINT_UNIQUE…).
  int extended_rc() const { return last_rc_; }

  // Columns of the current row (0-based).
  bool IsNull(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  std::string Text(int col) const;  // also reads a BLOB column
  std::optional<int64_t> OptionalInt(int col) const;
  absl::Time Time(int col) const { return FromMicros(Int(col)); }

 private:
  sqlite3_stmt* stmt_;
  int bind_rc_ = SQLITE_OK;
  int last_rc_ = SQLITE_OK;
};

class Connection {
 public:
  // Open flags. kWriter creates the file; kReader does not, and refuses
  // writes (PRAGMA query_only).
  enum class Mode { kWriter, kReader };

  // Opens `filename` (":memory:" for a private in-memory database) and sets
  // busy_timeout and foreign_keys. `name` is how errors refer to the
  // database (the path as the operator wrote it).
  static absl::StatusOr<std::unique_ptr<Connection>> Open(
      const std::string& filename, Mode mode, absl::Duration busy_timeout,
      std::string name);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Returns the cached prepared statement for `sql`, preparing it on first
  // use. REQUIRES: no other Statement for the same `sql` is alive.
  absl::StatusOr<Statement> Prepare(std::string_view sql);
  // Runs `sql` (one or more statements without parameters): pragmas, DDL.
  absl::Status Exec(const std::string& sql);
  // The first column of the first row of `sql` as an integer (0 when none).
  absl::StatusOr<int64_t> QueryInt(std::string_view sql);
  // The first column of the first row of `sql` as text ("" when none).
  absl::StatusOr<std::string> QueryText(std::string_view sql);

  // Unavailable when the database file was deleted, renamed or replaced
  // since it was opened (SQLITE_FCNTL_HAS_MOVED): whatever is written now
  // would be lost with the unlinked file. OK for ":memory:".
  absl::Status CheckInPlace();

  int64_t last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
  int changes() const { return sqlite3_changes(db_); }
  // False once a transaction has ended, including when SQLite rolled it
  // back by itself after an I/O error or a full disk.
  bool in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }
  const std::string& name() const { return name_; }

 private:
  Connection(sqlite3* db, std::string name) : db_(db), name_(std::move(name)) {}

  sqlite3* db_;
  std::string name_;
  absl::flat_hash_map<std::string, sqlite3_stmt*> cache_;
};

// One write transaction (BEGIN IMMEDIATE: the write lock is taken at the
// start, so a transaction that read a row cannot lose a race to write it).
// Rolled back on destruction unless committed. Commit() refuses
// (Unavailable, rolled back) when the database file is no longer in place:
// a commit into a deleted file would be acknowledged and lost.
class Transaction {
 public:
  explicit Transaction(Connection& connection) : connection_(connection) {}
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  absl::Status Begin();
  absl::Status Commit();

 private:
  Connection& connection_;
  bool open_ = false;
};

}  // namespace newsroom::store::internal

#endif  // NEWSROOM_STORE_INTERNAL_CONNECTION_H_
