// What is particular to PostgreSQL: URLs and errors, migrations under an
// advisory lock, several stores (nodes) on one database, and recovery when
// the server drops the store's connections. The behaviour every backend
// shares is tested in store_contract_test.cc.
#include "store/postgres_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "store/internal/pg.h"
#include "store/postgres_migrations.h"
#include "store/testing_backends.h"

namespace newsroom::store {
namespace {

using internal::PgConnection;
using internal::PgStatusFromSqlState;
using internal::RedactPostgresUrl;
using ::testing::HasSubstr;
using ::testing::Not;

TEST(RedactPostgresUrlTest, PasswordsAreNeverShown) {
  const std::pair<std::string, std::string> cases[] = {
      {"postgresql://editor:gizli-parola@db.example:5432/haberler",
       "postgresql://editor:***@db.example:5432/haberler"},
      {"postgres://editor:p@ss@db/haberler",
       "postgres://editor:***@db/haberler"},
      {"postgresql://editor@db/haberler", "postgresql://editor@db/haberler"},
      {"postgresql:///haberler?host=/run/postgresql",
       "postgresql:///haberler?host=/run/postgresql"},
      {"postgresql://db/haberler?user=elif&password=gizli&sslmode=require",
       "postgresql://db/haberler?user=elif&password=***&sslmode=require"},
      {"host=db dbname=haberler password=gizli user=elif",
       "host=db dbname=haberler password=*** user=elif"},
  };
  for (const auto& [url, shown] : cases) {
    EXPECT_EQ(RedactPostgresUrl(url), shown) << url;
  }
}

TEST(PgStatusFromSqlStateTest, CodesFollowTheSqlState) {
  const std::pair<std::string, absl::StatusCode> cases[] = {
      {"08006", absl::StatusCode::kUnavailable},  // connection failure
      {"57P01", absl::StatusCode::kUnavailable},  // admin shutdown
      {"57014", absl::StatusCode::kUnavailable},  // statement timeout
      {"53300", absl::StatusCode::kUnavailable},  // too many connections
      {"40001", absl::StatusCode::kAborted},      // serialization failure
      {"40P01", absl::StatusCode::kAborted},      // deadlock
      {"23505", absl::StatusCode::kAlreadyExists},
      {"23503", absl::StatusCode::kFailedPrecondition},  // foreign key
      {"23514", absl::StatusCode::kFailedPrecondition},  // check
      {"22021", absl::StatusCode::kInvalidArgument},     // bad encoding
      {"42P01", absl::StatusCode::kInternal},            // no such table
      {"", absl::StatusCode::kInternal},
  };
  for (const auto& [state, code] : cases) {
    EXPECT_EQ(PgStatusFromSqlState(state), code) << state;
  }
}

TEST(PostgresOpenTest, AnUnreachableServerIsUnavailableWithoutThePassword) {
  absl::StatusOr<std::unique_ptr<Store>> store = Open(
      "postgresql://editor:gizli-parola@/haberler?host=/nonexistent-newsroom-"
      "socket-dir&connect_timeout=2");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kUnavailable)
      << store.status();
  EXPECT_THAT(store.status().message(), HasSubstr("cannot be reached"));
  EXPECT_THAT(store.status().message(), Not(HasSubstr("gizli-parola")));
  EXPECT_THAT(store.status().message(), HasSubstr("editor:***@"));
}

class PostgresStoreTest : public testing::Test {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<TestDatabase>> db =
        TestDatabase::Create(TestBackend::kPostgres);
    if (absl::IsFailedPrecondition(db.status())) GTEST_SKIP() << db.status();
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
  }

  std::unique_ptr<PgConnection> Connect() {
    absl::StatusOr<std::unique_ptr<PgConnection>> c =
        PgConnection::Open(db_->url());
    EXPECT_TRUE(c.ok()) << c.status();
    return c.ok() ? std::move(*c) : nullptr;
  }

  std::unique_ptr<PostgresStore> OpenStore() {
    absl::StatusOr<std::unique_ptr<PostgresStore>> s =
        PostgresStore::Open(db_->url());
    EXPECT_TRUE(s.ok()) << s.status();
    return s.ok() ? std::move(*s) : nullptr;
  }

  std::unique_ptr<TestDatabase> db_;
};

Article SampleArticle(std::string slug) {
  Article a;
  a.slug = std::move(slug);
  a.headline = "Galata Köprüsü bakımdan sonra yeniden açıldı";
  a.body = "İstanbul'da Galata Köprüsü sabah saatlerinde açıldı.";
  return a;
}

NewComment Post(int64_t article_id, std::string text, CommentStatus status) {
  NewComment n;
  n.article_id = article_id;
  n.author = "Mehmet K.";
  n.text = std::move(text);
  n.status = status;
  n.verdict_json = "{}";
  n.client = "c1f3a9";
  return n;
}

TEST_F(PostgresStoreTest, NodesStartingAtOnceMigrateOnce) {
  constexpr int kNodes = 4;
  std::vector<std::thread> nodes;
  std::atomic<int> opened{0};
  for (int i = 0; i < kNodes; ++i) {
    nodes.emplace_back([&] {
      absl::StatusOr<std::unique_ptr<PostgresStore>> s =
          PostgresStore::Open(db_->url());
      EXPECT_TRUE(s.ok()) << s.status();
      if (s.ok()) ++opened;
    });
  }
  for (std::thread& t : nodes) t.join();
  EXPECT_EQ(opened.load(), kNodes);
  std::unique_ptr<PgConnection> c = Connect();
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(*c->QueryInt("SELECT count(*) FROM newsroom_schema"),
            static_cast<int64_t>(PostgresSchemaMigrations().size()));
  absl::StatusOr<MigrationResult> again = store::Migrate(db_->url());
  ASSERT_TRUE(again.ok()) << again.status();
  EXPECT_EQ(again->from, again->to);
}

TEST_F(PostgresStoreTest, MigrateReportsTheVersionsOfANewDatabase) {
  absl::StatusOr<MigrationResult> m = store::Migrate(db_->url());
  ASSERT_TRUE(m.ok()) << m.status();
  EXPECT_EQ(m->from, 0);
  EXPECT_EQ(m->to, static_cast<int>(PostgresSchemaMigrations().size()));
}

TEST_F(PostgresStoreTest, ANewerSchemaIsRefused) {
  ASSERT_NE(OpenStore(), nullptr);
  std::unique_ptr<PgConnection> c = Connect();
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(
      c->Exec("INSERT INTO newsroom_schema VALUES (99, 'gelecek', 0)").ok());
  absl::StatusOr<std::unique_ptr<PostgresStore>> s =
      PostgresStore::Open(db_->url());
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(s.status())) << s.status();
  EXPECT_THAT(s.status().message(), HasSubstr("99"));
}

TEST_F(PostgresStoreTest, AnotherApplicationsDatabaseIsLeftAlone) {
  std::unique_ptr<PgConnection> c = Connect();
  ASSERT_NE(c, nullptr);
  ASSERT_TRUE(c->Exec("CREATE TABLE tarifler (ad TEXT)").ok());
  absl::StatusOr<std::unique_ptr<PostgresStore>> s =
      PostgresStore::Open(db_->url());
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(s.status())) << s.status();
  EXPECT_THAT(s.status().message(), HasSubstr("no Newsroom schema"));
  EXPECT_EQ(*c->QueryInt("SELECT count(*) FROM pg_tables WHERE tablename = "
                         "'articles'"),
            0);
}

TEST_F(PostgresStoreTest, MigrationsApplyInOrderEachInItsOwnTransaction) {
  std::unique_ptr<PgConnection> c = Connect();
  ASSERT_NE(c, nullptr);
  std::vector<Migration> migrations = {
      {1, "haberler", "CREATE TABLE haberler (baslik TEXT);"},
  };
  ASSERT_TRUE(MigratePostgres(*c, migrations).ok());
  ASSERT_TRUE(c->Exec("INSERT INTO haberler VALUES ('Köprü açıldı')").ok());
  migrations.push_back({2, "yazar", "ALTER TABLE haberler ADD yazar TEXT;"});
  migrations.push_back(
      {3, "bozuk", "CREATE TABLE yorumlar (metin TEXT); BU SQL DEGIL;"});
  absl::StatusOr<MigrationResult> m = MigratePostgres(*c, migrations);
  ASSERT_FALSE(m.ok());
  EXPECT_THAT(m.status().message(), HasSubstr("migration 3 (bozuk)"));
  EXPECT_EQ(*c->QueryInt("SELECT max(version) FROM newsroom_schema"), 2);
  EXPECT_EQ(*c->QueryInt("SELECT count(*) FROM pg_tables WHERE tablename = "
                         "'yorumlar'"),
            0);
  EXPECT_EQ(*c->QueryInt("SELECT count(*) FROM haberler WHERE yazar IS NULL"),
            1);
}

TEST_F(PostgresStoreTest, TheDeskMigrationIndexesEarlierComments) {
  {
    std::unique_ptr<PgConnection> c = Connect();
    ASSERT_NE(c, nullptr);
    const std::vector<Migration>& all = PostgresSchemaMigrations();
    ASSERT_TRUE(MigratePostgres(
                    *c, std::vector<Migration>(all.begin(), all.begin() + 3))
                    .ok());
    ASSERT_TRUE(
        c->Exec("INSERT INTO articles (id, slug, headline, lead, body, "
                "photo_caption, photo_credit, source, author, published_at, "
                "updated_at) VALUES (1, 'kopru', 'Köprü', '', '', '', '', '', "
                "'', 1, 1);"
                "INSERT INTO comments (article_id, author, text, status, "
                "verdict_json, client, created_at) VALUES "
                "(1, 'Ayşe', 'ÇOK GÜZEL', 'pending', "
                "'{\"rules\":[{\"rule\":\"all_caps\",\"violated\":true}]}', "
                "'x', 1),"
                "(1, 'Can', 'bozuk', 'pending', 'not json', 'x', 2);")
            .ok());
  }
  std::unique_ptr<PostgresStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  absl::StatusOr<Article> a = store->FindArticleById(1);
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_TRUE(a->published);
  EXPECT_FALSE(a->comments_closed);
  QueueQuery q;
  q.search = "cok guzel";  // filled in when the store opened
  ASSERT_EQ(store->SearchQueue(q)->size(), 1u);
  q = QueueQuery();
  q.rule = "all_caps";  // filled in by the migration
  ASSERT_EQ(store->SearchQueue(q)->size(), 1u);
  EXPECT_EQ(store->SearchQueue(QueueQuery())->size(), 2u);
}

TEST_F(PostgresStoreTest, ModeratorsOnTwoNodesDecidingAtOnceOneWins) {
  std::unique_ptr<PostgresStore> a = OpenStore();
  std::unique_ptr<PostgresStore> b = OpenStore();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  absl::StatusOr<Article> article =
      a->CreateArticle(SampleArticle("kopru-acildi"), "elif");
  ASSERT_TRUE(article.ok()) << article.status();
  for (int round = 0; round < 20; ++round) {
    absl::StatusOr<Comment> c = a->AddCommentAndWait(
        Post(article->id, "Herkesin baktığı yorum", CommentStatus::kPending));
    ASSERT_TRUE(c.ok()) << c.status();
    absl::StatusOr<Comment> on_a, on_b;
    std::thread ta([&] {
      on_a = a->Decide(c->id, CommentStatus::kApproved, "ayse",
                       CommentStatus::kPending);
    });
    std::thread tb([&] {
      on_b = b->Decide(c->id, CommentStatus::kRejected, "mehmet",
                       CommentStatus::kPending);
    });
    ta.join();
    tb.join();
    EXPECT_NE(on_a.ok(), on_b.ok()) << on_a.status() << " / " << on_b.status();
    const absl::Status& lost = on_a.ok() ? on_b.status() : on_a.status();
    EXPECT_TRUE(absl::IsFailedPrecondition(lost)) << lost;
    const CommentStatus won =
        on_a.ok() ? CommentStatus::kApproved : CommentStatus::kRejected;
    EXPECT_EQ(b->FindComment(c->id)->status, won);
  }
  // Each round: the posting and one decision.
  EXPECT_EQ(a->ListDecisions(1000)->size(), 40u);
}

TEST_F(PostgresStoreTest, NodesAgreeOnPagesAndSecrets) {
  std::unique_ptr<PostgresStore> a = OpenStore();
  std::unique_ptr<PostgresStore> b = OpenStore();
  ASSERT_NE(a, nullptr);
  ASSERT_NE(b, nullptr);
  absl::StatusOr<Article> article =
      a->CreateArticle(SampleArticle("kopru-acildi"), "elif");
  ASSERT_TRUE(article.ok()) << article.status();
  absl::StatusOr<Comment> c = a->AddCommentAndWait(
      Post(article->id, "Onay bekleyen yorum", CommentStatus::kPending));
  ASSERT_TRUE(c.ok()) << c.status();
  const uint64_t before = *b->PageGeneration();
  ASSERT_TRUE(a->Decide(c->id, CommentStatus::kApproved, "deniz",
                        CommentStatus::kPending)
                  .ok());
  // Node B sees the move as soon as node A's decision returned.
  EXPECT_GT(*b->PageGeneration(), before);
  EXPECT_EQ(b->ListComments(article->id, CommentStatus::kApproved)->size(), 1u);

  EXPECT_EQ(*a->SharedSecret("client-salt", "a-dugumu"), "a-dugumu");
  EXPECT_EQ(*b->SharedSecret("client-salt", "b-dugumu"), "a-dugumu");
}

TEST_F(PostgresStoreTest, AStoreRecoversWhenTheServerDropsItsConnections) {
  std::unique_ptr<PostgresStore> store = OpenStore();
  ASSERT_NE(store, nullptr);
  absl::StatusOr<Article> article =
      store->CreateArticle(SampleArticle("kopru-acildi"), "elif");
  ASSERT_TRUE(article.ok()) << article.status();
  ASSERT_TRUE(store
                  ->AddCommentAndWait(Post(article->id, "Önceki yorum",
                                           CommentStatus::kApproved))
                  .ok());
  // What a server restart does to a node's connections.
  std::unique_ptr<PgConnection> admin = Connect();
  ASSERT_NE(admin, nullptr);
  absl::StatusOr<int64_t> killed = admin->QueryInt(
      "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
      "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  ASSERT_TRUE(killed.ok()) << killed.status();
  EXPECT_GE(*killed, 2);  // a pooled connection and the writer's

  // Reads, writes and comments all go on, on new connections.
  EXPECT_TRUE(store->FindArticle("kopru-acildi").ok());
  absl::StatusOr<Comment> after = store->AddCommentAndWait(
      Post(article->id, "Sonraki yorum", CommentStatus::kApproved));
  EXPECT_TRUE(after.ok()) << after.status();
  EXPECT_TRUE(store->AddUser("elif", Role::kEditor, "$argon2id$h").ok());
  EXPECT_EQ(store->ListComments(article->id, CommentStatus::kApproved)->size(),
            2u);
}

}  // namespace
}  // namespace newsroom::store
