#include "store/copy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "store/store.h"
#include "store/testing_backends.h"

namespace newsroom::store {
namespace {

using ::testing::HasSubstr;

// Copies between every pair of persistent backends: SQLite → PostgreSQL
// (moving a site), PostgreSQL → SQLite (moving it back), and each to
// itself's kind.
struct CopyCase {
  TestBackend from;
  TestBackend to;
};

class CopyTest : public testing::TestWithParam<CopyCase> {
 protected:
  void SetUp() override {
    for (TestBackend b : {GetParam().from, GetParam().to}) {
      absl::StatusOr<std::unique_ptr<TestDatabase>> db =
          TestDatabase::Create(b);
      if (absl::IsFailedPrecondition(db.status())) GTEST_SKIP() << db.status();
      ASSERT_TRUE(db.ok()) << db.status();
      dbs_.push_back(std::move(*db));
    }
  }
  const std::string& from() { return dbs_[0]->url(); }
  const std::string& to() { return dbs_[1]->url(); }

  std::vector<std::unique_ptr<TestDatabase>> dbs_;
};

// A small site with one of everything, a purged comment and a thread.
struct Site {
  int64_t article_id = 0;
  int64_t photo_id = 0;
  std::vector<int64_t> comment_ids;
  int64_t purged_id = 0;
  int64_t imported_reply = 0;
  int64_t imported_parent = 0;
};

Site FillSite(Store& s) {
  Site site;
  std::string jpeg("\xff\xd8\xff\xe0\0\x10JFIF\0", 11);
  absl::StatusOr<Photo> photo =
      s.AddPhoto({{"orig", 1200, 800, "image/jpeg", jpeg + "özgün"},
                  {"400", 400, 267, "image/jpeg", jpeg + "küçük"}});
  EXPECT_TRUE(photo.ok()) << photo.status();
  site.photo_id = photo.ok() ? photo->id : 0;
  Article a;
  a.slug = "galata-koprusu-acildi";
  a.headline = "Galata Köprüsü bakımdan sonra yeniden açıldı";
  a.body = "İstanbul'da Galata Köprüsü sabah saatlerinde açıldı.";
  a.photo_id = site.photo_id;
  a.published_at = absl::FromUnixSeconds(1700000000);
  absl::StatusOr<Article> article = s.CreateArticle(a, "elif");
  EXPECT_TRUE(article.ok()) << article.status();
  site.article_id = article.ok() ? article->id : 0;
  auto post = [&](std::string text, CommentStatus status,
                  std::optional<int64_t> parent) {
    NewComment n;
    n.article_id = site.article_id;
    n.parent_id = parent;
    n.author = "Ayşe";
    n.text = std::move(text);
    n.status = status;
    n.verdict_json = R"({"decision":"approve"})";
    n.client = "c1f3a9";
    absl::StatusOr<Comment> c = s.AddCommentAndWait(n);
    EXPECT_TRUE(c.ok()) << c.status();
    return c.ok() ? c->id : 0;
  };
  const int64_t first =
      post("Çok güzel bir haber.", CommentStatus::kApproved, std::nullopt);
  site.comment_ids.push_back(first);
  site.comment_ids.push_back(post("Katılıyorum, emeği geçenlere teşekkürler.",
                                  CommentStatus::kApproved, first));
  site.comment_ids.push_back(
      post("Bekleyen bir yorum", CommentStatus::kPending, std::nullopt));
  EXPECT_TRUE(s.Decide(site.comment_ids[2], CommentStatus::kApproved, "deniz",
                       CommentStatus::kPending)
                  .ok());
  EXPECT_TRUE(s.ReportComment(first, "okur-1", 5).ok());
  // From the site it moved from: an old address, and a Disqus thread
  // whose reply was stored before its parent (so has the lower id).
  EXPECT_TRUE(s.AddArticleUrl(site.article_id, "haber.example.com/?p=12").ok());
  ImportedComment reply;
  reply.import_key = "disqus:2";
  reply.parent_key = "disqus:1";
  reply.article_id = site.article_id;
  reply.author = "Zeynep";
  reply.text = "Vapur seferleri de artsın.";
  reply.status = CommentStatus::kApproved;
  reply.created_at = absl::FromUnixSeconds(1500000100);
  ImportedComment parent = reply;
  parent.import_key = "disqus:1";
  parent.parent_key.clear();
  parent.text = "Köprü çok güzel olmuş.";
  parent.created_at = absl::FromUnixSeconds(1500000000);
  absl::StatusOr<std::vector<ImportOutcome>> imported =
      s.ImportComments({reply, parent}, "import:disqus");
  EXPECT_TRUE(imported.ok()) << imported.status();
  if (imported.ok()) {
    site.imported_reply = (*imported)[0].comment_id;
    site.imported_parent = (*imported)[1].comment_id;
  }
  // The highest id is purged: a copy must not hand it out again.
  site.purged_id =
      post("BU HABER YALAN", CommentStatus::kRejected, std::nullopt);
  EXPECT_EQ(*s.PurgeRejected(absl::Now() + absl::Hours(1)), 1);
  absl::StatusOr<User> user = s.AddUser("elif", Role::kEditor, "$argon2id$h");
  EXPECT_TRUE(user.ok()) << user.status();
  EXPECT_TRUE(s.AddSession({"tok", user->id, "csrf", absl::Now(),
                            absl::Now() + absl::Hours(12)})
                  .ok());
  EXPECT_TRUE(s.AddApiKey("coral", "hash-1", "nwsr_ab1").ok());
  EXPECT_TRUE(s.AddApiKey("eski", "hash-2", "nwsr_cd3").ok());
  EXPECT_TRUE(s.RevokeApiKey("eski").ok());
  Feedback f;
  f.api_key_name = "coral";
  f.text = "Bu yorum aslında hakaret içermiyor.";
  f.attribute = "TOXICITY";
  f.score = 0.1;  // not exact in binary: must arrive as the same double
  f.language = "tr";
  EXPECT_TRUE(s.AddFeedback(f).ok());
  EXPECT_TRUE(s.SharedSecret("client-salt", "tuz-1").ok());
  return site;
}

TEST_P(CopyTest, EveryRowArrivesWithItsIdsAndTheChecksumsAgree) {
  Site site;
  {
    absl::StatusOr<std::unique_ptr<Store>> source = Open(from());
    ASSERT_TRUE(source.ok()) << source.status();
    site = FillSite(**source);
  }
  std::vector<std::string> progress;
  CopyOptions options;
  options.progress = [&](std::string_view table, int64_t) {
    progress.emplace_back(table);
  };
  absl::StatusOr<CopyReport> report = CopyDatabase(from(), to(), options);
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->verified());
  EXPECT_EQ(progress.size(), report->tables.size());
  const std::map<std::string, int64_t> rows = {
      {"comments", 5},     {"decisions", 7},      {"comment_imports", 2},
      {"article_urls", 1}, {"shared_secrets", 1}, {"photo_variants", 2},
      {"api_keys", 2},     {"article_log", 2}};
  for (const TableCopy& t : report->tables) {
    EXPECT_TRUE(t.equal()) << t.table;
    if (auto it = rows.find(t.table); it != rows.end()) {
      EXPECT_EQ(t.source_rows, it->second) << t.table;
    }
  }

  absl::StatusOr<std::unique_ptr<Store>> copied = Open(to());
  ASSERT_TRUE(copied.ok()) << copied.status();
  Store& s = **copied;
  absl::StatusOr<Article> a = s.FindArticle("galata-koprusu-acildi");
  ASSERT_TRUE(a.ok()) << a.status();
  EXPECT_EQ(a->id, site.article_id);
  EXPECT_EQ(a->published_at, absl::FromUnixSeconds(1700000000));
  EXPECT_EQ(s.FindPhotoVariant(site.photo_id, "orig")->bytes.size(), 18u);
  absl::StatusOr<std::vector<Comment>> approved =
      s.ListComments(site.article_id, CommentStatus::kApproved);
  ASSERT_TRUE(approved.ok()) << approved.status();
  ASSERT_EQ(approved->size(), 5u);
  EXPECT_EQ((*approved)[1].parent_id, site.comment_ids[0]);
  EXPECT_EQ(s.FindComment(site.imported_reply)->parent_id,
            site.imported_parent);
  EXPECT_EQ(s.FindArticleByUrl("haber.example.com/?p=12")->id, site.article_id);
  EXPECT_EQ(*s.SharedSecret("client-salt", "yeni-tuz"), "tuz-1");
  // The desk's log and the queue's search came along.
  absl::StatusOr<std::vector<ArticleEvent>> log =
      s.ListArticleEvents(site.article_id, 10);
  ASSERT_TRUE(log.ok()) << log.status();
  EXPECT_EQ(log->size(), 2u);
  QueueQuery search;
  search.status = CommentStatus::kApproved;
  search.search = "cok guzel";
  absl::StatusOr<std::vector<QueueItem>> found = s.SearchQueue(search);
  ASSERT_TRUE(found.ok()) << found.status();
  EXPECT_FALSE(found->empty());
  // The import keys came along: the same export adds nothing again.
  ImportedComment again;
  again.import_key = "disqus:1";
  again.article_id = site.article_id;
  again.author = "Zeynep";
  again.text = "Köprü çok güzel olmuş.";
  absl::StatusOr<std::vector<ImportOutcome>> reimported =
      s.ImportComments({again}, "import:disqus");
  ASSERT_TRUE(reimported.ok()) << reimported.status();
  EXPECT_FALSE((*reimported)[0].added);
  EXPECT_EQ((*approved)[0].report_count, 1);
  EXPECT_TRUE(s.FindSession("tok", absl::Now()).ok());
  EXPECT_TRUE(s.FindApiKey("hash-1").ok());
  EXPECT_TRUE(absl::IsNotFound(s.FindApiKey("hash-2").status()));
  EXPECT_DOUBLE_EQ((*s.ListFeedback())[0].score, 0.1);
  // The reader's report still counts once.
  EXPECT_EQ(s.ReportComment(site.comment_ids[0], "okur-1", 5)->report_count, 1);
  // New ids continue after the purged one.
  NewComment n;
  n.article_id = site.article_id;
  n.author = "Mehmet";
  n.text = "Taşındıktan sonra ilk yorum";
  n.status = CommentStatus::kApproved;
  absl::StatusOr<Comment> next = s.AddCommentAndWait(n);
  ASSERT_TRUE(next.ok()) << next.status();
  EXPECT_GT(next->id, site.purged_id);
  Article b;
  b.slug = "ikinci-haber";
  b.headline = "İkinci haber";
  absl::StatusOr<Article> second = s.CreateArticle(b, "elif");
  ASSERT_TRUE(second.ok()) << second.status();
  EXPECT_GT(second->id, site.article_id);
}

TEST_P(CopyTest, ANonEmptyTargetIsRefusedUnlessReplaced) {
  {
    absl::StatusOr<std::unique_ptr<Store>> source = Open(from());
    ASSERT_TRUE(source.ok()) << source.status();
    FillSite(**source);
    absl::StatusOr<std::unique_ptr<Store>> target = Open(to());
    ASSERT_TRUE(target.ok()) << target.status();
    ASSERT_TRUE((*target)->AddUser("zeynep", Role::kModerator, "$h").ok());
  }
  absl::StatusOr<CopyReport> refused = CopyDatabase(from(), to(), {});
  ASSERT_FALSE(refused.ok());
  EXPECT_TRUE(absl::IsFailedPrecondition(refused.status())) << refused.status();
  EXPECT_THAT(refused.status().message(), HasSubstr("--replace"));
  {
    absl::StatusOr<std::unique_ptr<Store>> target = Open(to());
    ASSERT_TRUE(target.ok());
    EXPECT_TRUE((*target)->FindUser("zeynep").ok());  // untouched
  }

  CopyOptions replace;
  replace.replace = true;
  absl::StatusOr<CopyReport> replaced = CopyDatabase(from(), to(), replace);
  ASSERT_TRUE(replaced.ok()) << replaced.status();
  EXPECT_TRUE(replaced->verified());
  absl::StatusOr<std::unique_ptr<Store>> target = Open(to());
  ASSERT_TRUE(target.ok());
  EXPECT_TRUE(absl::IsNotFound((*target)->FindUser("zeynep").status()));
  EXPECT_TRUE((*target)->FindUser("elif").ok());
}

TEST(CopyDatabaseTest, BadUrlsAreRefused) {
  EXPECT_TRUE(absl::IsInvalidArgument(
      CopyDatabase("sqlite:/tmp/a.db", "sqlite:/tmp/a.db", {}).status()));
  EXPECT_TRUE(absl::IsInvalidArgument(
      CopyDatabase("mysql://db/haber", "sqlite:/tmp/b.db", {}).status()));
}

INSTANTIATE_TEST_SUITE_P(
    Pairs, CopyTest,
    testing::Values(CopyCase{TestBackend::kSqliteFile, TestBackend::kPostgres},
                    CopyCase{TestBackend::kPostgres, TestBackend::kSqliteFile},
                    CopyCase{TestBackend::kSqliteFile,
                             TestBackend::kSqliteFile},
                    CopyCase{TestBackend::kPostgres, TestBackend::kPostgres}),
    [](const testing::TestParamInfo<CopyCase>& info) {
      return TestBackendName(info.param.from) + "To" +
             TestBackendName(info.param.to);
    });

}  // namespace
}  // namespace newsroom::store
