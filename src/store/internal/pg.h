// A thin, Status-returning layer over one libpq connection: opening with
// Newsroom's settings, typed parameters, results read by row and column,
// prepared statements cached per connection, and pipelines.
//
//   absl::StatusOr<std::unique_ptr<PgConnection>> c =
//       PgConnection::Open("postgresql://newsroom@db1/newsroom");
//   absl::StatusOr<PgResult> r = (*c)->Query(
//       "SELECT id FROM articles WHERE slug = $1", PgParams().Add(slug));
//   if (r.ok() && r->rows() == 1) id = r->Int(0, 0);
//
// libpq's types (PGconn, PGresult) appear in this header and pg.cc only;
// postgres_store*.cc and the migrations use these classes.
//
// Errors: every failure is a Status whose code follows the SQLSTATE (see
// PgStatusFromSqlState) and whose message names the database as the
// operator wrote it, with any password replaced by "***". A connection the
// server closed (a restart, a network failure) is Unavailable and marks the
// connection broken(); the owner drops it and opens another.
//
// Thread-safety: a PgConnection is used by one thread at a time (the
// store's pool and writer see to that); it is not thread-safe by itself.
#ifndef NEWSROOM_STORE_INTERNAL_PG_H_
#define NEWSROOM_STORE_INTERNAL_PG_H_

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"

namespace newsroom::store::internal {

// `url` with the password of a postgresql:// URL, or a password=…
// keyword, replaced by "***": what error messages and logs may show.
std::string RedactPostgresUrl(std::string_view url);

// The Status for a five-character SQLSTATE: class 08 (connection), 57P
// (server shutting down), 53 (out of resources) and 58 (system error) are
// Unavailable; 40001/40P01 (serialization failure, deadlock) Aborted;
// 23505 (unique violation) AlreadyExists; other class 23 FailedPrecondition;
// class 22 (data exception) InvalidArgument; the rest Internal.
absl::StatusCode PgStatusFromSqlState(std::string_view sqlstate);

// Query parameters, $1 first. Numbers and text go as text, bytes in
// binary; times as integer microseconds since the Unix epoch (the schema's
// convention, as in SQLite).
class PgParams {
 public:
  PgParams& Add(int v) { return Add(static_cast<int64_t>(v)); }
  PgParams& Add(int64_t v);
  PgParams& Add(double v);
  PgParams& Add(std::string_view text);
  PgParams& Add(const std::string& text) { return Add(std::string_view(text)); }
  PgParams& Add(const char* text) { return Add(std::string_view(text)); }
  PgParams& Add(std::optional<int64_t> v);
  PgParams& Add(absl::Time t) { return Add(absl::ToUnixMicros(t)); }
  PgParams& AddBytes(std::string_view bytes);
  PgParams& AddNull();

  int size() const { return static_cast<int>(values_.size()); }

 private:
  friend class PgConnection;
  // Kept as strings so that the pointers handed to libpq stay valid.
  std::vector<std::optional<std::string>> values_;
  std::vector<int> formats_;  // 0 text, 1 binary
};

// One result, owned. Columns are read in text format unless the query
// asked for binary results (bytea).
class PgResult {
 public:
  explicit PgResult(PGresult* result) : result_(result) {}
  PgResult(PgResult&& other) noexcept;
  PgResult& operator=(PgResult&& other) noexcept;
  PgResult(const PgResult&) = delete;
  ~PgResult();

  int rows() const;
  // Rows changed by an INSERT, UPDATE or DELETE.
  int64_t affected() const;

  bool IsNull(int row, int col) const;
  int64_t Int(int row, int col) const;  // 0 for NULL
  std::optional<int64_t> OptionalInt(int row, int col) const;
  double Double(int row, int col) const;
  std::string Text(int row, int col) const;  // raw bytes in binary format
  absl::Time Time(int row, int col) const {
    return absl::FromUnixMicros(Int(row, col));
  }

 private:
  PGresult* result_;
};

struct PgOptions {
  // How long opening a connection may take before Unavailable.
  absl::Duration connect_timeout = absl::Seconds(5);
  // The longest a statement may run before the server cancels it
  // (Unavailable to the caller); 0 for no limit. Bounds what one request
  // costs when the database is overloaded or a lock is held.
  absl::Duration statement_timeout = absl::Seconds(10);
};

class PgConnection {
 public:
  // Connects to `url` (a postgresql:// URL or libpq key=value string) with
  // application_name "newsroom" and synchronous_commit on, so that a
  // commit is durable when it returns whatever the server's default.
  // Unavailable when the server cannot be reached or refuses the login.
  static absl::StatusOr<std::unique_ptr<PgConnection>> Open(
      std::string_view url, PgOptions options = {});
  ~PgConnection();
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  // Runs `sql` with `params` as a statement prepared once per connection.
  // `binary` asks for results in binary format (for bytea columns).
  absl::StatusOr<PgResult> Query(std::string_view sql,
                                 const PgParams& params = PgParams(),
                                 bool binary = false);
  // Runs one or more statements without parameters (DDL, BEGIN, COMMIT).
  absl::Status Exec(std::string_view sql);
  // The first column of the first row of `sql` as an integer (0 when none).
  absl::StatusOr<int64_t> QueryInt(std::string_view sql,
                                   const PgParams& params = PgParams());

  // Pipelines: several statements sent at once and answered in order, so
  // that a batch costs one round trip.
  //
  //   c.BeginPipeline();
  //   c.Send("BEGIN");  c.Sync();            // answered: BEGIN, sync
  //   c.Send(insert, params); …  c.Send("COMMIT");  c.Sync();
  //   c.Next();  c.NextSync();  c.Next(); …  c.NextSync();
  //   c.Finish();
  //
  // Send() uses the statement's prepared form when Prepare() made one
  // earlier (preparing is not possible inside a pipeline). Next() is the
  // next statement's result, NextSync() the next sync point. After an error
  // the server skips the rest up to the next sync point: their Next() is
  // Aborted. Finish() reads whatever is left and leaves pipeline mode.
  absl::Status Prepare(std::string_view sql);
  absl::Status BeginPipeline();
  absl::Status Send(std::string_view sql, const PgParams& params = PgParams());
  absl::Status Sync();
  absl::StatusOr<PgResult> Next();
  absl::Status NextSync();
  absl::Status Finish();

  // True once the server closed the connection or it failed beyond use.
  bool broken() const;
  // The database as errors name it (the URL without its password).
  const std::string& name() const { return name_; }

 private:
  PgConnection(PGconn* conn, std::string name)
      : conn_(conn), name_(std::move(name)) {}

  absl::Status ResultStatus(const PGresult* result, std::string_view context);
  absl::Status ConnectionError(std::string_view context);

  PGconn* conn_;
  std::string name_;
  absl::flat_hash_map<std::string, std::string> prepared_;
  bool in_pipeline_ = false;
  int pending_syncs_ = 0;  // sent and not yet read
};

// One transaction on a connection: BEGIN at Begin(), COMMIT at Commit(),
// ROLLBACK on destruction otherwise.
class PgTransaction {
 public:
  explicit PgTransaction(PgConnection& connection) : c_(connection) {}
  ~PgTransaction();
  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;

  absl::Status Begin();
  absl::Status Commit();

 private:
  PgConnection& c_;
  bool open_ = false;
};

}  // namespace newsroom::store::internal

#endif  // NEWSROOM_STORE_INTERNAL_PG_H_
