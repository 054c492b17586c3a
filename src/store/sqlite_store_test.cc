// What is particular to SQLite: the file's mode, its version pragmas and
// its migrations. The behaviour every backend shares is tested in
// store_contract_test.cc.
#include "store/sqlite_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "store/migrations.h"

namespace newsroom::store {
namespace {

using ::testing::HasSubstr;

#define ASSERT_OK(expr)                                 \
  do {                                                  \
    const auto& assert_ok_result = (expr);              \
    ASSERT_TRUE(assert_ok_result.ok())                  \
        << #expr << ": " << StatusOf(assert_ok_result); \
  } while (false)

absl::Status StatusOf(const absl::Status& s) { return s; }
template <typename T>
absl::Status StatusOf(const absl::StatusOr<T>& s) {
  return s.status();
}

// A database file unique to this test and process: ctest runs tests in
// parallel.
std::string TempPath() {
  const testing::TestInfo* info =
      testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "_" + info->name();
  for (char& c : name) {
    if (c == '/') c = '_';
  }
  return testing::TempDir() + "newsroom_" + name + "_" +
         std::to_string(getpid()) + ".db";
}

void RemoveDatabase(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::remove((path + suffix).c_str());
  }
}

Article SampleArticle(std::string slug) {
  Article a;
  a.slug = std::move(slug);
  a.headline = "Galata Köprüsü bakımdan sonra yeniden açıldı";
  return a;
}

// --- files: durability, migrations ----------------------------------------

class SqliteStoreFileTest : public testing::Test {
 protected:
  void SetUp() override {
    path_ = TempPath();
    RemoveDatabase(path_);
  }
  void TearDown() override { RemoveDatabase(path_); }

  std::unique_ptr<SqliteStore> OpenStore() {
    absl::StatusOr<std::unique_ptr<SqliteStore>> store =
        SqliteStore::Open(path_);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? std::move(*store) : nullptr;
  }

  int64_t UserVersion() {
    sqlite3* db = nullptr;
    EXPECT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
    sqlite3_step(stmt);
    int64_t version = sqlite3_column_int64(stmt, 0);
    sqlite3_finalize(stmt);
    sqlite3_close(db);
    return version;
  }

  void SetUserVersion(int version) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(
        sqlite3_exec(
            db, ("PRAGMA user_version = " + std::to_string(version)).c_str(),
            nullptr, nullptr, nullptr),
        SQLITE_OK);
    sqlite3_close(db);
  }

  std::string path_;
};

// The database's directory deleted under the running server: nothing may
// be acknowledged as stored any more, and the health check says so.
TEST_F(SqliteStoreFileTest, ADeletedDatabaseRefusesWritesAndFailsThePing) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  absl::StatusOr<Article> article =
      store->CreateArticle(SampleArticle("kopru-acildi"), "elif");
  ASSERT_OK(article);
  NewComment post;
  post.article_id = article->id;
  post.author = "Mehmet K.";
  post.text = "Silinmeden önce";
  post.verdict_json = R"({"decision":"approve","language":"tr","rules":[]})";
  post.client = "c1f3a9";
  ASSERT_OK(store->AddCommentAndWait(post));
  ASSERT_OK(store->Ping());
  RemoveDatabase(path_);

  absl::Status ping = store->Ping();
  EXPECT_TRUE(absl::IsUnavailable(ping)) << ping;
  EXPECT_THAT(ping.message(), HasSubstr("deleted or moved"));
  post.text = "Silindikten sonra";
  absl::StatusOr<Comment> lost = store->AddCommentAndWait(post);
  EXPECT_TRUE(absl::IsUnavailable(lost.status())) << lost.status();
  EXPECT_TRUE(absl::IsUnavailable(
      store->AddUser("elif", Role::kModerator, "$h").status()));
}

TEST_F(SqliteStoreFileTest, ReopeningDoesNotMigrateAgain) {
  OpenStore().reset();
  EXPECT_EQ(UserVersion(), static_cast<int64_t>(SchemaMigrations().size()));
  {
    std::unique_ptr<SqliteStore> store = OpenStore();
    ASSERT_NE(store, nullptr);
    ASSERT_OK(store->CreateArticle(SampleArticle("kopru-acildi"), "elif"));
  }
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  EXPECT_TRUE(store->FindArticle("kopru-acildi").ok());
  EXPECT_EQ(UserVersion(), static_cast<int64_t>(SchemaMigrations().size()));
}

TEST_F(SqliteStoreFileTest, ANewerSchemaIsRefused) {
  OpenStore().reset();
  SetUserVersion(99);
  absl::StatusOr<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
  ASSERT_FALSE(store.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(store.status())) << store.status();
  EXPECT_THAT(store.status().message(), HasSubstr("99"));
  EXPECT_THAT(store.status().message(), HasSubstr(path_));
  EXPECT_EQ(UserVersion(), 99);
}

TEST_F(SqliteStoreFileTest, MigrationsApplyInOrderEachInItsOwnTransaction) {
  absl::StatusOr<std::unique_ptr<internal::Connection>> c =
      internal::Connection::Open(path_, internal::Connection::Mode::kWriter,
                                 absl::Seconds(1), path_);
  ASSERT_OK(c);
  std::vector<Migration> migrations = {
      {1, "haberler", "CREATE TABLE haberler (baslik TEXT);"},
  };
  ASSERT_OK(Migrate(**c, migrations));
  ASSERT_OK((*c)->Exec("INSERT INTO haberler VALUES ('Köprü açıldı')"));
  ASSERT_OK(Migrate(**c, migrations));  // nothing to do
  EXPECT_EQ(*(*c)->QueryInt("PRAGMA user_version"), 1);

  migrations.push_back({2, "yazar", "ALTER TABLE haberler ADD yazar TEXT;"});
  migrations.push_back(
      {3, "bozuk", "CREATE TABLE yorumlar (metin TEXT); BU SQL DEGIL;"});
  absl::Status s = Migrate(**c, migrations).status();
  EXPECT_FALSE(s.ok());
  EXPECT_THAT(s.message(), HasSubstr("migration 3 (bozuk)"));
  EXPECT_THAT(s.message(), HasSubstr(path_));
  // Migration 2 stays; migration 3 left nothing behind.
  EXPECT_EQ(*(*c)->QueryInt("PRAGMA user_version"), 2);
  EXPECT_EQ(*(*c)->QueryInt("SELECT count(*) FROM sqlite_schema WHERE "
                            "name = 'yorumlar'"),
            0);
  EXPECT_EQ(*(*c)->QueryText("SELECT baslik FROM haberler"), "Köprü açıldı");
  EXPECT_EQ(*(*c)->QueryInt("PRAGMA application_id"), kApplicationId);
}

TEST_F(SqliteStoreFileTest, TheDeskMigrationIndexesEarlierComments) {
  {
    absl::StatusOr<std::unique_ptr<internal::Connection>> c =
        internal::Connection::Open(path_, internal::Connection::Mode::kWriter,
                                   absl::Seconds(1), path_);
    ASSERT_OK(c);
    ASSERT_OK(Migrate(**c, {SchemaMigrations()[0]}).status());
    ASSERT_OK((*c)->Exec(
        "INSERT INTO articles VALUES (1, 'kopru', 'Köprü', '', '', NULL, '', "
        "'', '', '', 1, 1);"
        "INSERT INTO comments (article_id, author, text, status, "
        "verdict_json, client, created_at) VALUES "
        "(1, 'Ayşe', 'ÇOK GÜZEL', 'pending', "
        "'{\"rules\":[{\"rule\":\"all_caps\",\"violated\":true}]}', 'x', 1),"
        "(1, 'Can', 'bozuk', 'pending', 'not json', 'x', 2);"));
  }
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  absl::StatusOr<Article> a = store->FindArticleById(1);
  ASSERT_OK(a);
  EXPECT_TRUE(a->published);
  EXPECT_FALSE(a->comments_closed);
  QueueQuery q;
  q.search = "cok guzel";
  ASSERT_EQ(store->SearchQueue(q)->size(), 1u);
  q = QueueQuery();
  q.rule = "all_caps";
  ASSERT_EQ(store->SearchQueue(q)->size(), 1u);
  q = QueueQuery();
  EXPECT_EQ(store->SearchQueue(q)->size(), 2u);
}

TEST_F(SqliteStoreFileTest, OpensInWalModeWithForeignKeys) {
  std::unique_ptr<SqliteStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  absl::StatusOr<std::unique_ptr<internal::Connection>> c =
      internal::Connection::Open(path_, internal::Connection::Mode::kReader,
                                 absl::Seconds(1), path_);
  ASSERT_OK(c);
  EXPECT_EQ(*(*c)->QueryText("PRAGMA journal_mode"), "wal");
  EXPECT_EQ(*(*c)->QueryInt("PRAGMA foreign_keys"), 1);
  // Read connections refuse writes.
  EXPECT_FALSE((*c)->Exec("CREATE TABLE t (x)").ok());
}

}  // namespace
}  // namespace newsroom::store
