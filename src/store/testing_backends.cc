// Test databases: SQLite files under the test's TempDir, PostgreSQL
// databases created and dropped on the shared test server.
//
// Database names carry the process id and a counter, so that the tests of
// several processes (ctest -j) never collide; they are created from
// template0 without waiting for other sessions on template1.
#include "store/testing_backends.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "store/internal/pg.h"

namespace newsroom::store {
namespace {

std::atomic<int> next_id{0};

std::string TempDir() {
  const char* dir = std::getenv("TEST_TMPDIR");
  if (dir == nullptr || *dir == '\0') dir = std::getenv("TMPDIR");
  std::string out = dir != nullptr && *dir != '\0' ? dir : "/tmp";
  if (out.back() != '/') out += '/';
  return out;
}

// The URL with its database replaced by `dbname` (the URL's own query
// parameters, such as host=/socket/dir, kept).
std::string WithDatabase(const std::string& url, const std::string& dbname) {
  const size_t scheme = url.find("://");
  if (scheme == std::string::npos) {
    return absl::StrCat(url, " dbname=", dbname);  // key=value form
  }
  size_t path = url.find('/', scheme + 3);
  const size_t query = url.find('?', scheme + 3);
  if (path == std::string::npos ||
      (query != std::string::npos && path > query)) {
    path = query == std::string::npos ? url.size() : query;
    return absl::StrCat(url.substr(0, path), "/", dbname, url.substr(path));
  }
  const size_t end = query == std::string::npos ? url.size() : query;
  return absl::StrCat(url.substr(0, path + 1), dbname, url.substr(end));
}

}  // namespace

std::string TestBackendName(TestBackend backend) {
  switch (backend) {
    case TestBackend::kSqliteFile:
      return "SqliteFile";
    case TestBackend::kSqliteMemory:
      return "SqliteMemory";
    case TestBackend::kPostgres:
      return "Postgres";
  }
  return "Unknown";
}

std::vector<TestBackend> AllTestBackends() {
  return {TestBackend::kSqliteFile, TestBackend::kSqliteMemory,
          TestBackend::kPostgres};
}

absl::StatusOr<std::string> TestPostgresUrl() {
  if (const char* url = std::getenv("NEWSROOM_TEST_POSTGRES");
      url != nullptr && *url != '\0') {
    return std::string(url);
  }
  std::ifstream in(TempDir() + "postgres.url");
  std::string url;
  if (in && std::getline(in, url) && !url.empty()) {
    absl::StripAsciiWhitespace(&url);
    return url;
  }
  return absl::FailedPreconditionError(
      "no PostgreSQL server for tests: run the tests through ctest (its "
      "`postgres` fixture starts one), or set NEWSROOM_TEST_POSTGRES to the "
      "URL of a role that may create databases");
}

absl::StatusOr<std::unique_ptr<TestDatabase>> TestDatabase::Create(
    TestBackend backend) {
  const std::string name =
      absl::StrCat("newsroom_test_", getpid(), "_", next_id.fetch_add(1));
  switch (backend) {
    case TestBackend::kSqliteMemory:
      return std::unique_ptr<TestDatabase>(
          new TestDatabase(backend, "sqlite::memory:", ""));
    case TestBackend::kSqliteFile: {
      const std::string path = TempDir() + name + ".db";
      for (const char* suffix : {"", "-wal", "-shm"}) {
        std::remove((path + suffix).c_str());
      }
      return std::unique_ptr<TestDatabase>(
          new TestDatabase(backend, "sqlite:" + path, path));
    }
    case TestBackend::kPostgres: {
      absl::StatusOr<std::string> server = TestPostgresUrl();
      if (!server.ok()) return server.status();
      absl::StatusOr<std::unique_ptr<internal::PgConnection>> admin =
          internal::PgConnection::Open(*server);
      if (!admin.ok()) return admin.status();
      if (absl::Status s = (*admin)->Exec(
              absl::StrCat("CREATE DATABASE ", name, " TEMPLATE template0"));
          !s.ok()) {
        return s;
      }
      return std::unique_ptr<TestDatabase>(
          new TestDatabase(backend, WithDatabase(*server, name), name));
    }
  }
  return absl::InternalError("unknown test backend");
}

TestDatabase::~TestDatabase() {
  switch (backend_) {
    case TestBackend::kSqliteMemory:
      break;
    case TestBackend::kSqliteFile:
      for (const char* suffix : {"", "-wal", "-shm"}) {
        std::remove((cleanup_ + suffix).c_str());
      }
      break;
    case TestBackend::kPostgres: {
      absl::StatusOr<std::string> server = TestPostgresUrl();
      if (!server.ok()) break;
      absl::StatusOr<std::unique_ptr<internal::PgConnection>> admin =
          internal::PgConnection::Open(*server);
      if (!admin.ok()) break;
      (*admin)
          ->Exec(absl::StrCat("DROP DATABASE IF EXISTS ", cleanup_,
                              " WITH (FORCE)"))
          .IgnoreError();
      break;
    }
  }
}

}  // namespace newsroom::store
