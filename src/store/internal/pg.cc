// PgConnection: libpq, as the PostgreSQL store uses it.
//
// Why libpq and not libpqxx. Debian 12's libpqxx is 6.4 (2019): it throws
// exceptions for every error (the house style is errors as values, so every
// call would need a try/catch at the adapter anyway), and it has no wrapper
// for libpq's pipeline mode (PostgreSQL 14), which is what lets a batch of
// comments reach the server in one round trip. What the store needs from a
// driver is small — connect, prepared statements with parameters, results,
// pipelines — so this file is that layer over the C library, about the
// size of the SQLite one beside it.
//
// Statements are prepared once per connection (PQprepare under a name from
// a per-connection counter) and then run with PQexecPrepared: a page view's
// queries are planned once per connection, not once per request. Parameters
// go in text format except bytea (binary, so a photo is not hex-encoded on
// the way in); results come in text unless the caller asks for binary.
//
// Errors carry the SQLSTATE's meaning as a Status code. A connection the
// server dropped shows up as a failed command with the connection's status
// CONNECTION_BAD; such a connection is broken() for good and its owner
// opens another, which is how a node recovers after a database restart.
//
// Tested by postgres_store_test.cc and store_contract_test.cc.
#include "store/internal/pg.h"

#include <cstdlib>
#include <cstring>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

namespace newsroom::store::internal {
namespace {

// Debian's Abseil has its own string_view, which its hash maps look up by.
absl::string_view AbslView(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

}  // namespace

std::string RedactPostgresUrl(std::string_view url) {
  std::string out(url);
  // postgresql://user:password@host/… — the password sits between the
  // first ':' after the scheme's "//" and the last '@' before the path.
  const size_t scheme = out.find("://");
  if (scheme != std::string::npos) {
    const size_t start = scheme + 3;
    size_t end = out.find_first_of("/?", start);
    if (end == std::string::npos) end = out.size();
    const size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= start) {
      const size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) {
        out.replace(colon + 1, at - colon - 1, "***");
      }
    }
  }
  // password=… as a keyword or a URL parameter.
  for (size_t pos = 0; (pos = absl::AsciiStrToLower(out).find(
                            "password=", pos)) != std::string::npos;) {
    const size_t value = pos + 9;
    size_t end = out.find_first_of(" &", value);
    if (end == std::string::npos) end = out.size();
    out.replace(value, end - value, "***");
    pos = value + 3;
  }
  return out;
}

absl::StatusCode PgStatusFromSqlState(std::string_view s) {
  if (s.size() != 5) return absl::StatusCode::kInternal;
  const std::string_view cls = s.substr(0, 2);
  if (cls == "08" || cls == "53" || cls == "58" || s.substr(0, 3) == "57P" ||
      s == "57014") {  // 57014: statement timeout or cancel
    return absl::StatusCode::kUnavailable;
  }
  if (s == "40001" || s == "40P01") return absl::StatusCode::kAborted;
  if (s == "23505") return absl::StatusCode::kAlreadyExists;
  if (cls == "23") return absl::StatusCode::kFailedPrecondition;
  if (cls == "22") return absl::StatusCode::kInvalidArgument;
  return absl::StatusCode::kInternal;
}

// --- parameters -------------------------------------------------------------

PgParams& PgParams::Add(int64_t v) {
  values_.emplace_back(absl::StrCat(v));
  formats_.push_back(0);
  return *this;
}

PgParams& PgParams::Add(double v) {
  // Shortest text that reads back as the same double.
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%.17g", v);
  values_.emplace_back(buf);
  formats_.push_back(0);
  return *this;
}

PgParams& PgParams::Add(std::string_view text) {
  values_.emplace_back(std::string(text));
  formats_.push_back(0);
  return *this;
}

PgParams& PgParams::Add(std::optional<int64_t> v) {
  return v.has_value() ? Add(*v) : AddNull();
}

PgParams& PgParams::AddBytes(std::string_view bytes) {
  values_.emplace_back(std::string(bytes));
  formats_.push_back(1);
  return *this;
}

PgParams& PgParams::AddNull() {
  values_.emplace_back(std::nullopt);
  formats_.push_back(0);
  return *this;
}

// --- results ----------------------------------------------------------------

PgResult::PgResult(PgResult&& other) noexcept
    : result_(std::exchange(other.result_, nullptr)) {}

PgResult& PgResult::operator=(PgResult&& other) noexcept {
  if (this != &other) {
    if (result_ != nullptr) PQclear(result_);
    result_ = std::exchange(other.result_, nullptr);
  }
  return *this;
}

PgResult::~PgResult() {
  if (result_ != nullptr) PQclear(result_);
}

int PgResult::rows() const { return PQntuples(result_); }

int64_t PgResult::affected() const {
  int64_t n = 0;
  return absl::SimpleAtoi(PQcmdTuples(result_), &n) ? n : 0;
}

bool PgResult::IsNull(int row, int col) const {
  return PQgetisnull(result_, row, col) != 0;
}

int64_t PgResult::Int(int row, int col) const {
  if (IsNull(row, col)) return 0;
  const char* v = PQgetvalue(result_, row, col);
  if (PQfformat(result_, col) == 1) {  // binary: big-endian, 2, 4 or 8 bytes
    const int n = PQgetlength(result_, row, col);
    uint64_t u = 0;
    for (int i = 0; i < n; ++i) u = (u << 8) | static_cast<uint8_t>(v[i]);
    if (n == 2) return static_cast<int16_t>(u);
    if (n == 4) return static_cast<int32_t>(u);
    return static_cast<int64_t>(u);
  }
  int64_t out = 0;
  return absl::SimpleAtoi(v, &out) ? out : 0;
}

std::optional<int64_t> PgResult::OptionalInt(int row, int col) const {
  if (IsNull(row, col)) return std::nullopt;
  return Int(row, col);
}

double PgResult::Double(int row, int col) const {
  if (IsNull(row, col)) return 0;
  double out = 0;
  return absl::SimpleAtod(PQgetvalue(result_, row, col), &out) ? out : 0;
}

std::string PgResult::Text(int row, int col) const {
  if (IsNull(row, col)) return std::string();
  return std::string(PQgetvalue(result_, row, col),
                     PQgetlength(result_, row, col));
}

// --- connections ------------------------------------------------------------

absl::StatusOr<std::unique_ptr<PgConnection>> PgConnection::Open(
    std::string_view url, PgOptions options) {
  std::string name = RedactPostgresUrl(url);
  const std::string target(url);
  const std::string timeout = absl::StrCat(
      std::max<int64_t>(1, absl::ToInt64Seconds(options.connect_timeout)));
  const std::string server_options =
      absl::StrCat("-c synchronous_commit=on -c statement_timeout=",
                   absl::ToInt64Milliseconds(options.statement_timeout));
  // Newsroom's defaults first; the operator's URL (expanded from "dbname")
  // comes last and so wins where it says otherwise.
  const char* keywords[] = {"application_name", "connect_timeout", "options",
                            "dbname", nullptr};
  const char* values[] = {"newsroom", timeout.c_str(), server_options.c_str(),
                          target.c_str(), nullptr};
  PGconn* conn = PQconnectdbParams(keywords, values, /*expand_dbname=*/1);
  if (conn == nullptr) {
    return absl::ResourceExhaustedError(
        absl::StrCat("database ", name, ": out of memory connecting"));
  }
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = PQerrorMessage(conn);
    PQfinish(conn);
    absl::StripTrailingAsciiWhitespace(&why);
    return absl::UnavailableError(
        absl::StrCat("database ", name, " cannot be reached: ", why));
  }
  return std::unique_ptr<PgConnection>(new PgConnection(conn, std::move(name)));
}

PgConnection::~PgConnection() { PQfinish(conn_); }

bool PgConnection::broken() const { return PQstatus(conn_) != CONNECTION_OK; }

absl::Status PgConnection::ConnectionError(std::string_view context) {
  std::string why = PQerrorMessage(conn_);
  absl::StripTrailingAsciiWhitespace(&why);
  const absl::StatusCode code =
      broken() ? absl::StatusCode::kUnavailable : absl::StatusCode::kInternal;
  return absl::Status(code, absl::StrCat("database ", name_, ": ",
                                         std::string(context), ": ", why));
}

absl::Status PgConnection::ResultStatus(const PGresult* result,
                                        std::string_view context) {
  if (result == nullptr) return ConnectionError(context);
  switch (PQresultStatus(result)) {
    case PGRES_COMMAND_OK:
    case PGRES_TUPLES_OK:
    case PGRES_PIPELINE_SYNC:
      return absl::OkStatus();
    case PGRES_PIPELINE_ABORTED:
      return absl::AbortedError(
          absl::StrCat("database ", name_, ": ", std::string(context),
                       ": skipped after an earlier error in its batch"));
    default:
      break;
  }
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  std::string why = PQresultErrorMessage(result);
  absl::StripTrailingAsciiWhitespace(&why);
  absl::StatusCode code = state != nullptr ? PgStatusFromSqlState(state)
                                           : absl::StatusCode::kInternal;
  if (broken()) code = absl::StatusCode::kUnavailable;
  return absl::Status(code, absl::StrCat("database ", name_, ": ",
                                         std::string(context), ": ", why));
}

absl::Status PgConnection::Prepare(std::string_view sql) {
  if (prepared_.contains(AbslView(sql))) return absl::OkStatus();
  std::string name = absl::StrCat("s", prepared_.size() + 1);
  PGresult* r =
      PQprepare(conn_, name.c_str(), std::string(sql).c_str(), 0, nullptr);
  absl::Status s = ResultStatus(r, "preparing a statement");
  PQclear(r);
  if (!s.ok()) return s;
  prepared_.emplace(std::string(sql), std::move(name));
  return absl::OkStatus();
}

absl::StatusOr<PgResult> PgConnection::Query(std::string_view sql,
                                             const PgParams& params,
                                             bool binary) {
  if (absl::Status s = Prepare(sql); !s.ok()) return s;
  const std::string& name = prepared_.find(AbslView(sql))->second;
  const int n = params.size();
  std::vector<const char*> values(n);
  std::vector<int> lengths(n);
  for (int i = 0; i < n; ++i) {
    const std::optional<std::string>& v = params.values_[i];
    values[i] = v.has_value() ? v->data() : nullptr;
    lengths[i] = v.has_value() ? static_cast<int>(v->size()) : 0;
  }
  PGresult* r =
      PQexecPrepared(conn_, name.c_str(), n, values.data(), lengths.data(),
                     params.formats_.data(), binary ? 1 : 0);
  if (absl::Status s = ResultStatus(r, "query"); !s.ok()) {
    PQclear(r);
    return s;
  }
  return PgResult(r);
}

absl::Status PgConnection::Exec(std::string_view sql) {
  PGresult* r = PQexec(conn_, std::string(sql).c_str());
  // PQexec returns the last statement's result; an earlier failure stops
  // the string there and is what it returns.
  absl::Status s = ResultStatus(r, "statement");
  PQclear(r);
  return s;
}

absl::StatusOr<int64_t> PgConnection::QueryInt(std::string_view sql,
                                               const PgParams& params) {
  absl::StatusOr<PgResult> r = Query(sql, params);
  if (!r.ok()) return r.status();
  if (r->rows() == 0) return 0;
  return r->Int(0, 0);
}

// --- pipelines --------------------------------------------------------------

absl::Status PgConnection::BeginPipeline() {
  if (PQenterPipelineMode(conn_) != 1) {
    return ConnectionError("entering pipeline mode");
  }
  in_pipeline_ = true;
  return absl::OkStatus();
}

absl::Status PgConnection::Send(std::string_view sql, const PgParams& params) {
  const int n = params.size();
  std::vector<const char*> values(n);
  std::vector<int> lengths(n);
  for (int i = 0; i < n; ++i) {
    const std::optional<std::string>& v = params.values_[i];
    values[i] = v.has_value() ? v->data() : nullptr;
    lengths[i] = v.has_value() ? static_cast<int>(v->size()) : 0;
  }
  auto it = prepared_.find(AbslView(sql));
  const int sent =
      it != prepared_.end()
          ? PQsendQueryPrepared(conn_, it->second.c_str(), n, values.data(),
                                lengths.data(), params.formats_.data(), 0)
          : PQsendQueryParams(conn_, std::string(sql).c_str(), n, nullptr,
                              values.data(), lengths.data(),
                              params.formats_.data(), 0);
  if (sent != 1) return ConnectionError("sending a statement");
  return absl::OkStatus();
}

absl::Status PgConnection::Sync() {
  if (PQpipelineSync(conn_) != 1) return ConnectionError("sending a batch");
  ++pending_syncs_;
  return absl::OkStatus();
}

absl::StatusOr<PgResult> PgConnection::Next() {
  PGresult* r = PQgetResult(conn_);
  if (r == nullptr) return ConnectionError("reading a batch's answer");
  absl::Status s = ResultStatus(r, "statement in a batch");
  if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) {
    PQclear(r);
    --pending_syncs_;
    return absl::InternalError("a batch's answers were read out of order");
  }
  // Each statement's results end with a null result.
  PGresult* end = PQgetResult(conn_);
  if (end != nullptr) PQclear(end);
  if (!s.ok()) {
    PQclear(r);
    return s;
  }
  return PgResult(r);
}

absl::Status PgConnection::NextSync() {
  PGresult* r = PQgetResult(conn_);
  if (r == nullptr) return ConnectionError("reading a batch's answer");
  const bool sync = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
  PQclear(r);
  if (!sync)
    return absl::InternalError("a batch's answers were read out of order");
  --pending_syncs_;
  return absl::OkStatus();
}

absl::Status PgConnection::Finish() {
  if (!in_pipeline_) return absl::OkStatus();
  absl::Status status;
  // Read what is left up to the last sync point sent.
  while (pending_syncs_ > 0 && !broken()) {
    PGresult* r = PQgetResult(conn_);
    if (r == nullptr) continue;  // the end of one statement's results
    if (PQresultStatus(r) == PGRES_PIPELINE_SYNC) --pending_syncs_;
    PQclear(r);
  }
  in_pipeline_ = false;
  pending_syncs_ = 0;
  if (broken()) return ConnectionError("finishing a batch");
  if (PQexitPipelineMode(conn_) != 1) {
    status = ConnectionError("leaving pipeline mode");
  }
  return status;
}

// --- transactions -----------------------------------------------------------

absl::Status PgTransaction::Begin() {
  absl::Status s = c_.Exec("BEGIN");
  open_ = s.ok();
  return s;
}

absl::Status PgTransaction::Commit() {
  open_ = false;
  return c_.Exec("COMMIT");
}

PgTransaction::~PgTransaction() {
  if (open_ && !c_.broken()) c_.Exec("ROLLBACK").IgnoreError();
}

}  // namespace newsroom::store::internal
