// For tests: a fresh, private database on each backend the contract suite
// runs on, and the PostgreSQL server the tests share.
//
//   absl::StatusOr<std::unique_ptr<TestDatabase>> db =
//       TestDatabase::Create(TestBackend::kPostgres);
//   if (absl::IsFailedPrecondition(db.status())) GTEST_SKIP() << db.status();
//   auto store = store::Open((*db)->url());
//
// PostgreSQL: the server named by NEWSROOM_TEST_POSTGRES (a URL of a role
// that may create databases), or else by the file postgres.url in the
// tests' TEST_TMPDIR — which is how ctest's `postgres` fixture
// (tests/integration/postgres_cluster.py, started once for the whole run)
// hands its server to every test. Each TestDatabase is
// a database of its own, dropped when it is destroyed, so tests run in
// parallel without seeing each other's rows.
//
// Thread-compatible: one TestDatabase per test.
#ifndef NEWSROOM_STORE_TESTING_BACKENDS_H_
#define NEWSROOM_STORE_TESTING_BACKENDS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace newsroom::store {

enum class TestBackend { kSqliteFile, kSqliteMemory, kPostgres };
// "SqliteFile", "SqliteMemory", "Postgres": test name suffixes.
std::string TestBackendName(TestBackend backend);
// Every backend, for INSTANTIATE_TEST_SUITE_P.
std::vector<TestBackend> AllTestBackends();

// The URL of the tests' PostgreSQL server (its maintenance database);
// FailedPrecondition, saying how to give one, when none is configured.
absl::StatusOr<std::string> TestPostgresUrl();

class TestDatabase {
 public:
  // A new, empty database. FailedPrecondition when the backend is
  // PostgreSQL and no server is configured (the test should skip).
  static absl::StatusOr<std::unique_ptr<TestDatabase>> Create(
      TestBackend backend);
  ~TestDatabase();  // removes the file or drops the database

  // What store::Open takes. Opening it twice gives two stores on the same
  // data, except for sqlite::memory:, which is private to each store.
  const std::string& url() const { return url_; }
  // Whether a second Open sees what the first wrote.
  bool persistent() const { return backend_ != TestBackend::kSqliteMemory; }
  TestBackend backend() const { return backend_; }

 private:
  TestDatabase(TestBackend backend, std::string url, std::string cleanup)
      : backend_(backend), url_(std::move(url)), cleanup_(std::move(cleanup)) {}

  TestBackend backend_;
  std::string url_;
  std::string cleanup_;  // the file, or the database name
};

}  // namespace newsroom::store

#endif  // NEWSROOM_STORE_TESTING_BACKENDS_H_
