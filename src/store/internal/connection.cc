// Tested through sqlite_store_test.cc and store_test.cc.
#include "store/internal/connection.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "store/internal/validate.h"

namespace newsroom::store::internal {

absl::Status SqliteStatus(int rc, std::string_view context,
                          std::string_view sqlite_message) {
  std::string message =
      absl::StrCat(std::string(context), ": ", std::string(sqlite_message));
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PROTOCOL:
      return absl::UnavailableError(message);
    case SQLITE_NOTADB:
      return absl::FailedPreconditionError(message);
    case SQLITE_CORRUPT:
      return absl::DataLossError(message);
    case SQLITE_CONSTRAINT:
      if (rc == SQLITE_CONSTRAINT_UNIQUE ||
          rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        return absl::AlreadyExistsError(message);
      }
      return absl::FailedPreconditionError(message);
    default:
      return absl::InternalError(message);
  }
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)),
      bind_rc_(other.bind_rc_),
      last_rc_(other.last_rc_) {}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

namespace {
int FirstError(int a, int b) { return a != SQLITE_OK ? a : b; }
}  // namespace

Statement& Statement::Bind(int i, int64_t v) {
  bind_rc_ = FirstError(bind_rc_, sqlite3_bind_int64(stmt_, i, v));
  return *this;
}

Statement& Statement::Bind(int i, double v) {
  bind_rc_ = FirstError(bind_rc_, sqlite3_bind_double(stmt_, i, v));
  return *this;
}

Statement& Statement::Bind(int i, std::string_view text) {
  bind_rc_ = FirstError(bind_rc_,
                        sqlite3_bind_text64(stmt_, i, text.data(), text.size(),
                                            SQLITE_TRANSIENT, SQLITE_UTF8));
  return *this;
}

Statement& Statement::Bind(int i, std::optional<int64_t> v) {
  return v.has_value() ? Bind(i, *v) : BindNull(i);
}

Statement& Statement::BindBlob(int i, std::string_view bytes) {
  bind_rc_ =
      FirstError(bind_rc_, sqlite3_bind_blob64(stmt_, i, bytes.data(),
                                               bytes.size(), SQLITE_TRANSIENT));
  return *this;
}

Statement& Statement::BindNull(int i) {
  bind_rc_ = FirstError(bind_rc_, sqlite3_bind_null(stmt_, i));
  return *this;
}

absl::StatusOr<bool> Statement::Step() {
  sqlite3* db = sqlite3_db_handle(stmt_);
  if (bind_rc_ != SQLITE_OK) {
    last_rc_ = bind_rc_;
    return SqliteStatus(bind_rc_, sqlite3_sql(stmt_), sqlite3_errstr(bind_rc_));
  }
  int rc = sqlite3_step(stmt_);
  last_rc_ =
      rc == SQLITE_ROW || rc == SQLITE_DONE ? rc : sqlite3_extended_errcode(db);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return SqliteStatus(last_rc_, sqlite3_sql(stmt_), sqlite3_errmsg(db));
}

absl::Status Statement::Run() {
  for (;;) {
    absl::StatusOr<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return absl::OkStatus();
  }
}

bool Statement::IsNull(int col) const {
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}

int64_t Statement::Int(int col) const {
  return sqlite3_column_int64(stmt_, col);
}

double Statement::Double(int col) const {
  return sqlite3_column_double(stmt_, col);
}

std::string Statement::Text(int col) const {
  const void* data = sqlite3_column_blob(stmt_, col);
  int size = sqlite3_column_bytes(stmt_, col);
  if (data == nullptr || size <= 0) return std::string();
  return std::string(static_cast<const char*>(data), size);
}

std::optional<int64_t> Statement::OptionalInt(int col) const {
  if (IsNull(col)) return std::nullopt;
  return Int(col);
}

namespace {

// newsroom_fold(text): SearchKey in SQL, for migrations that fill the
// search column of rows written before it existed.
void FoldFunction(sqlite3_context* context, int argc, sqlite3_value** argv) {
  if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const unsigned char* text = sqlite3_value_text(argv[0]);
  const int size = sqlite3_value_bytes(argv[0]);
  const std::string folded = SearchKey(std::string_view(
      reinterpret_cast<const char*>(text), static_cast<size_t>(size)));
  sqlite3_result_text64(context, folded.data(), folded.size(), SQLITE_TRANSIENT,
                        SQLITE_UTF8);
}

}  // namespace

absl::StatusOr<std::unique_ptr<Connection>> Connection::Open(
    const std::string& filename, Mode mode, absl::Duration busy_timeout,
    std::string name) {
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (mode == Mode::kWriter) flags |= SQLITE_OPEN_CREATE;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(filename.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    absl::Status status =
        SqliteStatus(rc, absl::StrCat("cannot open database ", name),
                     db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close_v2(db);
    return status;
  }
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(
      db, static_cast<int>(absl::ToInt64Milliseconds(busy_timeout)));
  std::unique_ptr<Connection> connection(new Connection(db, std::move(name)));
  if (mode == Mode::kWriter) {
    sqlite3_create_function_v2(db, "newsroom_fold", 1,
                               SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                               FoldFunction, nullptr, nullptr, nullptr);
  }
  std::string pragmas = "PRAGMA foreign_keys = ON;";
  if (mode == Mode::kReader) pragmas += "PRAGMA query_only = ON;";
  if (absl::Status s = connection->Exec(pragmas); !s.ok()) return s;
  return connection;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

absl::StatusOr<Statement> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(absl::string_view(sql.data(), sql.size()));
  if (it != cache_.end()) return Statement(it->second);
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return SqliteStatus(
        rc, absl::StrCat("database ", name_, ": preparing ", std::string(sql)),
        sqlite3_errmsg(db_));
  }
  cache_.emplace(std::string(sql), stmt);
  return Statement(stmt);
}

absl::Status Connection::Exec(const std::string& sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error);
  if (rc == SQLITE_OK) return absl::OkStatus();
  std::string message = error != nullptr ? error : sqlite3_errstr(rc);
  sqlite3_free(error);
  return SqliteStatus(sqlite3_extended_errcode(db_),
                      absl::StrCat("database ", name_), message);
}

absl::StatusOr<int64_t> Connection::QueryInt(std::string_view sql) {
  absl::StatusOr<Statement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  absl::StatusOr<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  return *row ? stmt->Int(0) : 0;
}

absl::StatusOr<std::string> Connection::QueryText(std::string_view sql) {
  absl::StatusOr<Statement> stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  absl::StatusOr<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  return *row ? stmt->Text(0) : std::string();
}

absl::Status Connection::CheckInPlace() {
  int moved = 0;
  // SQLITE_NOTFOUND for an in-memory database, which cannot move.
  if (sqlite3_file_control(db_, "main", SQLITE_FCNTL_HAS_MOVED, &moved) ==
          SQLITE_OK &&
      moved != 0) {
    return absl::UnavailableError(absl::StrCat(
        "database ", name_,
        " was deleted or moved away while in use; nothing more is written "
        "to it (restart the server with its file in place)"));
  }
  return absl::OkStatus();
}

Transaction::~Transaction() {
  if (open_) connection_.Exec("ROLLBACK").IgnoreError();
}

absl::Status Transaction::Begin() {
  absl::StatusOr<Statement> begin = connection_.Prepare("BEGIN IMMEDIATE");
  if (!begin.ok()) return begin.status();
  absl::Status s = begin->Run();
  open_ = s.ok();
  return s;
}

absl::Status Transaction::Commit() {
  if (absl::Status s = connection_.CheckInPlace(); !s.ok()) return s;
  absl::StatusOr<Statement> commit = connection_.Prepare("COMMIT");
  if (!commit.ok()) return commit.status();
  absl::Status s = commit->Run();
  // A failed COMMIT leaves the transaction open (SQLITE_BUSY) or already
  // rolled back; the destructor's ROLLBACK covers the first and is harmless
  // after the second.
  if (s.ok()) open_ = false;
  return s;
}

}  // namespace newsroom::store::internal
