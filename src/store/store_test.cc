#include "store/store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace newsroom::store {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// A file name unique to this test and process: ctest runs tests in parallel.
std::string TempPath(std::string_view suffix) {
  const testing::TestInfo* info =
      testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "_" + info->name();
  for (char& c : name) {
    if (c == '/') c = '_';
  }
  return testing::TempDir() + "newsroom_" + name + "_" +
         std::to_string(getpid()) + std::string(suffix);
}

void RemoveDatabase(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::remove((path + suffix).c_str());
  }
}

TEST(StoreNamesTest, CommentStatusNamesRoundTrip) {
  const std::pair<CommentStatus, std::string_view> cases[] = {
      {CommentStatus::kApproved, "approved"},
      {CommentStatus::kPending, "pending"},
      {CommentStatus::kReported, "reported"},
      {CommentStatus::kRejected, "rejected"},
  };
  for (const auto& [status, name] : cases) {
    EXPECT_EQ(CommentStatusName(status), name);
    EXPECT_EQ(ParseCommentStatus(name), status) << name;
  }
}

TEST(StoreNamesTest, UnknownCommentStatusNamesAreNotParsed) {
  for (std::string_view name :
       {"", "Approved", "APPROVED", "onaylandı", "approved ", "spam"}) {
    EXPECT_EQ(ParseCommentStatus(name), std::nullopt) << name;
  }
}

TEST(StoreNamesTest, RoleNamesRoundTrip) {
  EXPECT_EQ(RoleName(Role::kEditor), "editor");
  EXPECT_EQ(RoleName(Role::kModerator), "moderator");
  EXPECT_EQ(ParseRole("editor"), Role::kEditor);
  EXPECT_EQ(ParseRole("moderator"), Role::kModerator);
  for (std::string_view name : {"", "Editor", "admin", "editör", "moderatör"}) {
    EXPECT_EQ(ParseRole(name), std::nullopt) << name;
  }
}

struct OpenErrorCase {
  std::string url;
  absl::StatusCode code;
  std::string message_has;
};

TEST(StoreOpenTest, BadUrlsAreRefusedWithAReason) {
  const OpenErrorCase cases[] = {
      {"", absl::StatusCode::kInvalidArgument, "no scheme"},
      {"newsroom.db", absl::StatusCode::kInvalidArgument, "sqlite:PATH"},
      {":memory:", absl::StatusCode::kInvalidArgument, "no scheme"},
      {"mysql://localhost/haberler", absl::StatusCode::kInvalidArgument,
       "\"mysql:\""},
      {"file:/var/lib/newsroom.db", absl::StatusCode::kInvalidArgument,
       "sqlite:PATH"},
      {"sqlite:", absl::StatusCode::kInvalidArgument, "names no database"},
      {"postgresql:///newsroom?host=/nonexistent-newsroom-dir",
       absl::StatusCode::kUnavailable, "cannot be reached"},
      {"sqlite:/nonexistent-newsroom-dir/sub/newsroom.db",
       absl::StatusCode::kUnavailable, "/nonexistent-newsroom-dir/sub"},
  };
  for (const OpenErrorCase& c : cases) {
    absl::StatusOr<std::unique_ptr<Store>> store = Open(c.url);
    ASSERT_FALSE(store.ok()) << c.url;
    EXPECT_EQ(store.status().code(), c.code) << c.url << ": " << store.status();
    EXPECT_THAT(store.status().message(), HasSubstr(c.message_has)) << c.url;
  }
}

TEST(StoreOpenTest, PostgresErrorDoesNotRepeatThePassword) {
  absl::StatusOr<std::unique_ptr<Store>> store = Open(
      "postgres://editor:gizli-parola@/newsroom?host=/"
      "nonexistent-newsroom-dir");
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(), Not(HasSubstr("gizli-parola")));
}

TEST(StoreOpenTest, AFileThatIsNotADatabaseIsNamed) {
  const std::string path = TempPath(".txt");
  {
    std::ofstream out(path);
    for (int i = 0; i < 100; ++i) {
      out << "Bu bir veritabanı değil, bir haber metni: köprü açıldı.\n";
    }
  }
  absl::StatusOr<std::unique_ptr<Store>> store = Open("sqlite:" + path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition)
      << store.status();
  EXPECT_THAT(store.status().message(), HasSubstr(path));
  EXPECT_THAT(store.status().message(), HasSubstr("not a database"));
  std::remove(path.c_str());
}

TEST(StoreOpenTest, ADirectoryIsNamed) {
  absl::StatusOr<std::unique_ptr<Store>> store =
      Open("sqlite:" + testing::TempDir());
  ASSERT_FALSE(store.ok());
  EXPECT_THAT(store.status().message(), HasSubstr(testing::TempDir()));
}

TEST(StoreOpenTest, AnotherApplicationsDatabaseIsLeftAlone) {
  const std::string path = TempPath(".db");
  RemoveDatabase(path);
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE tarifler (ad TEXT)", nullptr,
                         nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(db);

  absl::StatusOr<std::unique_ptr<Store>> store = Open("sqlite:" + path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(store.status().message(), HasSubstr(path));
  EXPECT_THAT(store.status().message(), HasSubstr("no Newsroom schema"));
  RemoveDatabase(path);
}

TEST(StoreOpenTest, SchemeIsCaseInsensitive) {
  const std::string path = TempPath(".db");
  RemoveDatabase(path);
  absl::StatusOr<std::unique_ptr<Store>> store = Open("SQLite:" + path);
  ASSERT_TRUE(store.ok()) << store.status();
  store->reset();
  RemoveDatabase(path);
}

Article SampleArticle(std::string slug) {
  Article a;
  a.slug = std::move(slug);
  a.headline = "Galata Köprüsü bakımdan sonra yeniden açıldı";
  a.lead = "Köprü, üç aylık çalışmanın ardından trafiğe açıldı.";
  a.body =
      "İstanbul'da Galata Köprüsü sabah saatlerinde açıldı.\n\n"
      "Belediye, çalışmaların planlanandan erken bittiğini açıkladı.";
  a.source = "AA";
  a.author = "Ayşe Yılmaz";
  return a;
}

TEST(StoreOpenTest, InMemoryStoresArePrivate) {
  absl::StatusOr<std::unique_ptr<Store>> one = Open("sqlite::memory:");
  absl::StatusOr<std::unique_ptr<Store>> two = Open("sqlite::memory:");
  ASSERT_TRUE(one.ok()) << one.status();
  ASSERT_TRUE(two.ok()) << two.status();
  ASSERT_TRUE(
      (*one)->CreateArticle(SampleArticle("kopru-acildi"), "editor").ok());
  EXPECT_TRUE((*one)->FindArticle("kopru-acildi").ok());
  EXPECT_TRUE(absl::IsNotFound((*two)->FindArticle("kopru-acildi").status()));
}

TEST(StoreAddCommentAndWaitTest, ReturnsTheStoredComment) {
  absl::StatusOr<std::unique_ptr<Store>> store = Open("sqlite::memory:");
  ASSERT_TRUE(store.ok()) << store.status();
  absl::StatusOr<Article> article =
      (*store)->CreateArticle(SampleArticle("kopru-acildi"), "editor");
  ASSERT_TRUE(article.ok()) << article.status();

  NewComment n;
  n.article_id = article->id;
  n.author = "Mehmet";
  n.text = "Çok güzel bir haber, emeği geçenlere teşekkürler.";
  n.status = CommentStatus::kApproved;
  absl::StatusOr<Comment> c = (*store)->AddCommentAndWait(n);
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_GT(c->id, 0);
  EXPECT_EQ(c->text, n.text);

  n.article_id = article->id + 1000;
  EXPECT_TRUE(absl::IsNotFound((*store)->AddCommentAndWait(n).status()));
}

}  // namespace
}  // namespace newsroom::store
