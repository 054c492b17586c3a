// CopyDatabase: table by table, row by row, through each backend's own
// connection layer rather than through Store — the Store interface hands
// out ids and times of its own, and a copy must keep the site's.
//
// The schema is the same on both backends (the migrations keep it so), so
// the tables are described once here, in an order where every row's
// references come before it: photos before articles, a comment's parent
// before the reply (a reply has a higher id, except an imported reply
// stored before its parent: that link is made once the table is copied),
// users before sessions, an article before its old addresses. Rows are
// read a page at a time in primary-key order (byte order on both
// backends), so a site with large photos does not have to fit in memory,
// and written in one transaction on the target; the read-back that
// verifies them uses the same reader on the target, so both checksums see
// the rows the same way (doubles printed with 17 significant digits,
// integers as integers).
//
// Tested by copy_test.cc.
#include "store/copy.h"

#include <cstdio>
#include <memory>
#include <optional>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "store/internal/connection.h"
#include "store/internal/pg.h"
#include "store/internal/url.h"
#include "store/migrations.h"
#include "store/postgres_migrations.h"
#include "text/hash.h"

namespace newsroom::store {
namespace {

using internal::StoreBackend;

enum class Type { kInt, kOptionalInt, kReal, kText, kBlob };

struct Column {
  const char* name;
  Type type;
};

struct Table {
  const char* name;
  std::vector<Column> columns;
  const char* key;            // ORDER BY: the primary key
  bool identity;              // has an id sequence to carry over
  bool sqlite_autoincrement;  // ids are never reused in SQLite either
  int page;                   // rows read at a time
  // A column that may point at a row of the same table with a higher id
  // (an imported reply stored before its parent), or nullptr.
  const char* forward_ref = nullptr;
};

const std::vector<Table>& Tables() {
  static const std::vector<Table>* tables = new std::vector<Table>{
      {"photos",
       {{"id", Type::kInt},
        {"content_type", Type::kText},
        {"width", Type::kInt},
        {"height", Type::kInt},
        {"created_at", Type::kInt}},
       "id",
       true,
       false,
       1000},
      {"photo_variants",
       {{"photo_id", Type::kInt},
        {"name", Type::kText},
        {"width", Type::kInt},
        {"height", Type::kInt},
        {"content_type", Type::kText},
        {"bytes", Type::kBlob}},
       "photo_id, name",
       false,
       false,
       16},
      {"articles",
       {{"id", Type::kInt},
        {"slug", Type::kText},
        {"headline", Type::kText},
        {"lead", Type::kText},
        {"body", Type::kText},
        {"photo_id", Type::kOptionalInt},
        {"photo_caption", Type::kText},
        {"photo_credit", Type::kText},
        {"source", Type::kText},
        {"author", Type::kText},
        {"published_at", Type::kInt},
        {"updated_at", Type::kInt},
        {"published", Type::kInt},
        {"comments_closed", Type::kInt}},
       "id",
       true,
       false,
       200},
      {"article_urls",
       {{"url", Type::kText}, {"article_id", Type::kInt}},
       "url",
       false,
       false,
       1000},
      {"comments",
       {{"id", Type::kInt},
        {"article_id", Type::kInt},
        {"parent_id", Type::kOptionalInt},
        {"author", Type::kText},
        {"text", Type::kText},
        {"status", Type::kText},
        {"verdict_json", Type::kText},
        {"client", Type::kText},
        {"report_count", Type::kInt},
        {"created_at", Type::kInt},
        {"reason", Type::kText},
        {"receipt_hash", Type::kText},
        {"search", Type::kText}},
       "id",
       true,
       true,
       1000,
       "parent_id"},
      {"comment_imports",
       {{"import_key", Type::kText},
        {"comment_id", Type::kInt},
        {"article_id", Type::kInt},
        {"parent_key", Type::kText}},
       "import_key",
       false,
       false,
       1000},
      {"decisions",
       {{"id", Type::kInt},
        {"comment_id", Type::kInt},
        {"decided_by", Type::kText},
        {"from_status", Type::kText},
        {"to_status", Type::kText},
        {"at", Type::kInt},
        {"reason", Type::kText}},
       "id",
       true,
       true,
       2000},
      {"comment_findings",
       {{"comment_id", Type::kInt},
        {"rule", Type::kText},
        {"violated", Type::kInt}},
       "comment_id, rule",
       false,
       false,
       5000},
      {"article_log",
       {{"id", Type::kInt},
        {"article_id", Type::kInt},
        {"by", Type::kText},
        {"action", Type::kText},
        {"at", Type::kInt}},
       "id",
       true,
       true,
       2000},
      {"reports",
       {{"comment_id", Type::kInt},
        {"reporter", Type::kText},
        {"created_at", Type::kInt}},
       "comment_id, reporter",
       false,
       false,
       2000},
      {"users",
       {{"id", Type::kInt},
        {"username", Type::kText},
        {"role", Type::kText},
        {"password_hash", Type::kText},
        {"created_at", Type::kInt},
        {"disabled_at", Type::kOptionalInt}},
       "id",
       true,
       false,
       1000},
      {"sessions",
       {{"token_hash", Type::kText},
        {"user_id", Type::kInt},
        {"csrf_token", Type::kText},
        {"created_at", Type::kInt},
        {"expires_at", Type::kInt}},
       "token_hash",
       false,
       false,
       1000},
      {"api_keys",
       {{"id", Type::kInt},
        {"name", Type::kText},
        {"key_hash", Type::kText},
        {"prefix", Type::kText},
        {"created_at", Type::kInt},
        {"revoked_at", Type::kOptionalInt}},
       "id",
       true,
       false,
       1000},
      {"feedback",
       {{"id", Type::kInt},
        {"api_key_name", Type::kText},
        {"text", Type::kText},
        {"attribute", Type::kText},
        {"score", Type::kReal},
        {"language", Type::kText},
        {"client_token", Type::kText},
        {"created_at", Type::kInt}},
       "id",
       true,
       false,
       1000},
      {"shared_secrets",
       {{"name", Type::kText},
        {"value", Type::kText},
        {"created_at", Type::kInt}},
       "name",
       false,
       false,
       1000},
  };
  return *tables;
}

struct Value {
  bool null = false;
  int64_t i = 0;
  double d = 0;
  std::string s;
};
using Row = std::vector<Value>;

// ORDER BY for `t`'s primary key in byte order on either backend: SQLite
// compares text byte by byte, PostgreSQL by the database's collation unless
// told otherwise, and both checksums and pages must see one order.
std::string KeyOrder(const Table& t, bool postgres) {
  std::vector<std::string> parts;
  for (const std::string& name :
       std::vector<std::string>(absl::StrSplit(t.key, ", "))) {
    std::string part = name;
    for (const Column& c : t.columns) {
      if (postgres && name == c.name && c.type == Type::kText) {
        absl::StrAppend(&part, " COLLATE \"C\"");
      }
    }
    parts.push_back(std::move(part));
  }
  return absl::StrJoin(parts, ", ");
}

std::string ColumnList(const Table& t) {
  std::vector<std::string> names;
  for (const Column& c : t.columns) names.push_back(c.name);
  return absl::StrJoin(names, ", ");
}

// FNV-1a, 64 bits, over each value's type, length and bytes.
class Checksum {
 public:
  void Add(const Table& t, const Row& row) {
    for (size_t i = 0; i < row.size(); ++i) {
      const Value& v = row[i];
      if (v.null) {
        Bytes("N;");
        continue;
      }
      switch (t.columns[i].type) {
        case Type::kInt:
        case Type::kOptionalInt:
          Bytes(absl::StrCat("I", v.i, ";"));
          break;
        case Type::kReal: {
          char buf[40];
          std::snprintf(buf, sizeof(buf), "R%.17g;", v.d);
          Bytes(buf);
          break;
        }
        case Type::kText:
        case Type::kBlob:
          Bytes(absl::StrCat("S", v.s.size(), ":"));
          Bytes(v.s);
          break;
      }
    }
    Bytes("\n");
  }
  uint64_t value() const { return hash_; }

 private:
  void Bytes(std::string_view b) { hash_ = text::Fnv1a64(b, hash_); }
  uint64_t hash_ = text::kFnv1a64Basis;
};

// One database, either backend: what the copy reads and writes.
class Side {
 public:
  virtual ~Side() = default;
  virtual absl::StatusOr<std::vector<Row>> Page(const Table& t, int64_t offset,
                                                int limit) = 0;
  virtual absl::StatusOr<int64_t> Count(const Table& t) = 0;
  // The highest id the table ever handed out (purged rows included, where
  // the backend remembers them).
  virtual absl::StatusOr<int64_t> HighWater(const Table& t) = 0;
  virtual absl::Status SetHighWater(const Table& t, int64_t id) = 0;
  virtual absl::Status Insert(const Table& t, const Row& row) = 0;
  // Sets t.forward_ref of the row `id` to `to`.
  virtual absl::Status Link(const Table& t, int64_t id, int64_t to) = 0;
  virtual absl::Status DeleteAll() = 0;
  // A write transaction on the target, a consistent read-only snapshot on
  // the source.
  virtual absl::Status Begin(bool write) = 0;
  virtual absl::Status Commit() = 0;
  virtual void Rollback() = 0;
};

class SqliteSide final : public Side {
 public:
  explicit SqliteSide(std::unique_ptr<internal::Connection> c)
      : c_(std::move(c)) {}

  absl::StatusOr<std::vector<Row>> Page(const Table& t, int64_t offset,
                                        int limit) override {
    absl::StatusOr<internal::Statement> s = c_->Prepare(
        absl::StrCat("SELECT ", ColumnList(t), " FROM ", t.name, " ORDER BY ",
                     KeyOrder(t, false), " LIMIT ? OFFSET ?"));
    if (!s.ok()) return s.status();
    s->Bind(1, limit).Bind(2, offset);
    std::vector<Row> rows;
    for (;;) {
      absl::StatusOr<bool> more = s->Step();
      if (!more.ok()) return more.status();
      if (!*more) return rows;
      Row row(t.columns.size());
      for (size_t i = 0; i < t.columns.size(); ++i) {
        const int col = static_cast<int>(i);
        Value& v = row[i];
        v.null = s->IsNull(col);
        if (v.null) continue;
        switch (t.columns[i].type) {
          case Type::kInt:
          case Type::kOptionalInt:
            v.i = s->Int(col);
            break;
          case Type::kReal:
            v.d = s->Double(col);
            break;
          case Type::kText:
          case Type::kBlob:
            v.s = s->Text(col);
            break;
        }
      }
      rows.push_back(std::move(row));
    }
  }

  absl::StatusOr<int64_t> Count(const Table& t) override {
    return c_->QueryInt(absl::StrCat("SELECT count(*) FROM ", t.name));
  }

  absl::StatusOr<int64_t> HighWater(const Table& t) override {
    absl::StatusOr<int64_t> max =
        c_->QueryInt(absl::StrCat("SELECT coalesce(max(id), 0) FROM ", t.name));
    if (!max.ok() || !t.sqlite_autoincrement) return max;
    absl::StatusOr<int64_t> seq = c_->QueryInt(absl::StrCat(
        "SELECT coalesce(max(seq), 0) FROM sqlite_sequence WHERE name = '",
        t.name, "'"));
    if (!seq.ok()) return seq.status();
    return std::max(*max, *seq);
  }

  absl::Status SetHighWater(const Table& t, int64_t id) override {
    if (!t.sqlite_autoincrement || id <= 0) return absl::OkStatus();
    absl::Status s = c_->Exec(absl::StrCat(
        "DELETE FROM sqlite_sequence WHERE name = '", t.name, "'"));
    if (!s.ok()) return s;
    return c_->Exec(
        absl::StrCat("INSERT INTO sqlite_sequence (name, seq) VALUES ('",
                     t.name, "', ", id, ")"));
  }

  absl::Status Insert(const Table& t, const Row& row) override {
    std::vector<std::string> marks(t.columns.size(), "?");
    absl::StatusOr<internal::Statement> s = c_->Prepare(
        absl::StrCat("INSERT INTO ", t.name, " (", ColumnList(t), ") VALUES (",
                     absl::StrJoin(marks, ", "), ")"));
    if (!s.ok()) return s.status();
    for (size_t i = 0; i < row.size(); ++i) {
      const int param = static_cast<int>(i) + 1;
      const Value& v = row[i];
      if (v.null) {
        s->BindNull(param);
        continue;
      }
      switch (t.columns[i].type) {
        case Type::kInt:
        case Type::kOptionalInt:
          s->Bind(param, v.i);
          break;
        case Type::kReal:
          s->Bind(param, v.d);
          break;
        case Type::kText:
          s->Bind(param, v.s);
          break;
        case Type::kBlob:
          s->BindBlob(param, v.s);
          break;
      }
    }
    return s->Run();
  }

  absl::Status Link(const Table& t, int64_t id, int64_t to) override {
    absl::StatusOr<internal::Statement> s = c_->Prepare(absl::StrCat(
        "UPDATE ", t.name, " SET ", t.forward_ref, " = ? WHERE id = ?"));
    if (!s.ok()) return s.status();
    s->Bind(1, to).Bind(2, id);
    return s->Run();
  }

  absl::Status DeleteAll() override {
    const std::vector<Table>& tables = Tables();
    for (auto t = tables.rbegin(); t != tables.rend(); ++t) {
      if (absl::Status s = c_->Exec(absl::StrCat("DELETE FROM ", t->name));
          !s.ok()) {
        return s;
      }
    }
    return c_->Exec("DELETE FROM sqlite_sequence");
  }

  absl::Status Begin(bool write) override {
    return c_->Exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
  }
  absl::Status Commit() override { return c_->Exec("COMMIT"); }
  void Rollback() override { c_->Exec("ROLLBACK").IgnoreError(); }

 private:
  std::unique_ptr<internal::Connection> c_;
};

class PostgresSide final : public Side {
 public:
  explicit PostgresSide(std::unique_ptr<internal::PgConnection> c)
      : c_(std::move(c)) {}

  absl::StatusOr<std::vector<Row>> Page(const Table& t, int64_t offset,
                                        int limit) override {
    bool has_blob = false;
    for (const Column& c : t.columns) has_blob |= c.type == Type::kBlob;
    // Binary results for bytea, so that the bytes come as they are; a
    // table with bytea has no double columns (PgResult::Double reads text).
    absl::StatusOr<internal::PgResult> r = c_->Query(
        absl::StrCat("SELECT ", ColumnList(t), " FROM ", t.name, " ORDER BY ",
                     KeyOrder(t, true), " LIMIT $1 OFFSET $2"),
        internal::PgParams().Add(limit).Add(offset), has_blob);
    if (!r.ok()) return r.status();
    std::vector<Row> rows;
    rows.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) {
      Row row(t.columns.size());
      for (size_t j = 0; j < t.columns.size(); ++j) {
        const int col = static_cast<int>(j);
        Value& v = row[j];
        v.null = r->IsNull(i, col);
        if (v.null) continue;
        switch (t.columns[j].type) {
          case Type::kInt:
          case Type::kOptionalInt:
            v.i = r->Int(i, col);
            break;
          case Type::kReal:
            v.d = r->Double(i, col);
            break;
          case Type::kText:
          case Type::kBlob:
            v.s = r->Text(i, col);
            break;
        }
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  absl::StatusOr<int64_t> Count(const Table& t) override {
    return c_->QueryInt(absl::StrCat("SELECT count(*) FROM ", t.name));
  }

  absl::StatusOr<int64_t> HighWater(const Table& t) override {
    absl::StatusOr<int64_t> max =
        c_->QueryInt(absl::StrCat("SELECT coalesce(max(id), 0) FROM ", t.name));
    if (!max.ok()) return max;
    absl::StatusOr<int64_t> seq = c_->QueryInt(
        "SELECT coalesce(last_value, 0) FROM pg_sequences WHERE "
        "schemaname || '.' || sequencename = pg_get_serial_sequence($1, 'id')",
        internal::PgParams().Add(t.name));
    if (!seq.ok()) return seq.status();
    return std::max(*max, *seq);
  }

  absl::Status SetHighWater(const Table& t, int64_t id) override {
    if (id <= 0) return absl::OkStatus();
    return c_
        ->Query("SELECT setval(pg_get_serial_sequence($1, 'id'), $2, true)",
                internal::PgParams().Add(t.name).Add(id))
        .status();
  }

  absl::Status Insert(const Table& t, const Row& row) override {
    std::vector<std::string> marks;
    internal::PgParams params;
    for (size_t i = 0; i < row.size(); ++i) {
      marks.push_back(absl::StrCat("$", i + 1));
      const Value& v = row[i];
      if (v.null) {
        params.AddNull();
        continue;
      }
      switch (t.columns[i].type) {
        case Type::kInt:
        case Type::kOptionalInt:
          params.Add(v.i);
          break;
        case Type::kReal:
          params.Add(v.d);
          break;
        case Type::kText:
          params.Add(v.s);
          break;
        case Type::kBlob:
          params.AddBytes(v.s);
          break;
      }
    }
    return c_
        ->Query(absl::StrCat("INSERT INTO ", t.name, " (", ColumnList(t),
                             ") VALUES (", absl::StrJoin(marks, ", "), ")"),
                params)
        .status();
  }

  absl::Status Link(const Table& t, int64_t id, int64_t to) override {
    return c_
        ->Query(absl::StrCat("UPDATE ", t.name, " SET ", t.forward_ref,
                             " = $1 WHERE id = $2"),
                internal::PgParams().Add(to).Add(id))
        .status();
  }

  absl::Status DeleteAll() override {
    std::vector<std::string> names;
    for (const Table& t : Tables()) names.push_back(t.name);
    return c_->Exec(absl::StrCat("TRUNCATE ", absl::StrJoin(names, ", "),
                                 " RESTART IDENTITY"));
  }

  absl::Status Begin(bool write) override {
    return c_->Exec(write ? "BEGIN"
                          : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  }
  absl::Status Commit() override { return c_->Exec("COMMIT"); }
  void Rollback() override {
    if (!c_->broken()) c_->Exec("ROLLBACK").IgnoreError();
  }

 private:
  std::unique_ptr<internal::PgConnection> c_;
};

// Opens and migrates the database `url` names.
absl::StatusOr<std::unique_ptr<Side>> OpenSide(std::string_view url) {
  absl::StatusOr<internal::StoreUrl> u = internal::ParseStoreUrl(url);
  if (!u.ok()) return u.status();
  if (u->backend == StoreBackend::kSqlite) {
    const std::string path(u->target);
    absl::StatusOr<std::unique_ptr<internal::Connection>> c =
        internal::Connection::Open(path, internal::Connection::Mode::kWriter,
                                   absl::Seconds(5), path);
    if (!c.ok()) return c.status();
    if (absl::Status s = (*c)->Exec("SELECT count(*) FROM sqlite_schema");
        !s.ok()) {
      return s;
    }
    absl::StatusOr<MigrationResult> m = Migrate(**c, SchemaMigrations());
    if (!m.ok()) return m.status();
    return std::unique_ptr<Side>(new SqliteSide(std::move(*c)));
  }
  absl::StatusOr<std::unique_ptr<internal::PgConnection>> c =
      internal::PgConnection::Open(u->target);
  if (!c.ok()) return c.status();
  absl::StatusOr<MigrationResult> m =
      MigratePostgres(**c, PostgresSchemaMigrations());
  if (!m.ok()) return m.status();
  return std::unique_ptr<Side>(new PostgresSide(std::move(*c)));
}

// Reads every row of `t` from `side`, a page at a time, handing each page
// to `on_page`; returns the count and checksum.
template <typename OnPage>
absl::Status ReadTable(Side& side, const Table& t, TableCopy& out, bool source,
                       OnPage on_page) {
  Checksum sum;
  int64_t n = 0;
  for (;;) {
    absl::StatusOr<std::vector<Row>> page = side.Page(t, n, t.page);
    if (!page.ok()) return page.status();
    for (const Row& row : *page) sum.Add(t, row);
    n += static_cast<int64_t>(page->size());
    if (absl::Status s = on_page(*page); !s.ok()) return s;
    if (static_cast<int>(page->size()) < t.page) break;
  }
  (source ? out.source_rows : out.target_rows) = n;
  (source ? out.source_checksum : out.target_checksum) = sum.value();
  return absl::OkStatus();
}

absl::Status CopyTables(Side& from, Side& to, const CopyOptions& options,
                        CopyReport& report) {
  if (options.replace) {
    if (absl::Status s = to.DeleteAll(); !s.ok()) return s;
  } else {
    int64_t rows = 0;
    for (const Table& t : Tables()) {
      absl::StatusOr<int64_t> n = to.Count(t);
      if (!n.ok()) return n.status();
      rows += *n;
    }
    if (rows > 0) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the target database is not empty (", rows,
          " rows); copy into an empty database, or pass --replace to delete "
          "its rows first"));
    }
  }
  for (const Table& t : Tables()) {
    TableCopy copy;
    copy.table = t.name;
    // A row whose forward_ref points at a row not copied yet goes in
    // without it, and is linked once the whole table is there. Such rows
    // are few (replies imported before their parents), so they are kept.
    int ref = -1;
    for (size_t i = 0; i < t.columns.size(); ++i) {
      if (t.forward_ref != nullptr &&
          std::string_view(t.columns[i].name) == t.forward_ref) {
        ref = static_cast<int>(i);
      }
    }
    std::vector<std::pair<int64_t, int64_t>> links;
    absl::Status s =
        ReadTable(from, t, copy, /*source=*/true,
                  [&](const std::vector<Row>& page) -> absl::Status {
                    for (const Row& row : page) {
                      absl::Status w;
                      if (ref >= 0 && !row[ref].null && row[ref].i > row[0].i) {
                        links.emplace_back(row[0].i, row[ref].i);
                        Row unlinked = row;
                        unlinked[ref].null = true;
                        w = to.Insert(t, unlinked);
                      } else {
                        w = to.Insert(t, row);
                      }
                      if (!w.ok()) {
                        return absl::Status(
                            w.code(), absl::StrCat("copying ", t.name, ": ",
                                                   std::string(w.message())));
                      }
                    }
                    return absl::OkStatus();
                  });
    for (size_t i = 0; s.ok() && i < links.size(); ++i) {
      s = to.Link(t, links[i].first, links[i].second);
    }
    if (!s.ok()) return s;
    if (t.identity) {
      absl::StatusOr<int64_t> high = from.HighWater(t);
      if (!high.ok()) return high.status();
      if (absl::Status h = to.SetHighWater(t, *high); !h.ok()) return h;
    }
    if (options.progress) options.progress(t.name, copy.source_rows);
    report.tables.push_back(std::move(copy));
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<CopyReport> CopyDatabase(std::string_view from,
                                        std::string_view to,
                                        const CopyOptions& options) {
  if (from == to) {
    return absl::InvalidArgumentError(
        "the source and the target are the same database");
  }
  absl::StatusOr<std::unique_ptr<Side>> source = OpenSide(from);
  if (!source.ok()) return source.status();
  absl::StatusOr<std::unique_ptr<Side>> target = OpenSide(to);
  if (!target.ok()) return target.status();

  CopyReport report;
  // The source is read in one transaction too, so that the copy is one
  // consistent state of it.
  if (absl::Status s = (*source)->Begin(false); !s.ok()) return s;
  if (absl::Status s = (*target)->Begin(true); !s.ok()) return s;
  absl::Status s = CopyTables(**source, **target, options, report);
  if (s.ok()) s = (*target)->Commit();
  (*source)->Rollback();
  if (!s.ok()) {
    (*target)->Rollback();
    return s;
  }
  // Read back what was committed.
  for (size_t i = 0; i < Tables().size(); ++i) {
    absl::Status r =
        ReadTable(**target, Tables()[i], report.tables[i], /*source=*/false,
                  [](const std::vector<Row>&) { return absl::OkStatus(); });
    if (!r.ok()) return r;
  }
  return report;
}

}  // namespace newsroom::store
