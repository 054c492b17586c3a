// Imports of exports written here, in the shapes Disqus's and WordPress's
// documentation give, into a real store (SQLite, and PostgreSQL when the
// tests have a server), judged by the real engine.
#include "importer/importer.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "importer/internal/example_exports.h"
#include "store/sqlite_store.h"
#include "store/store.h"
#include "store/testing_backends.h"

namespace newsroom::importer {
namespace {

using store::CommentStatus;
using namespace internal::examples;  // NOLINT: the export builders
using ::testing::HasSubstr;

const moderation::Engine& TheEngine() {
  static const moderation::Engine* engine = [] {
    auto built = moderation::Engine::Build({});
    EXPECT_TRUE(built.ok()) << built.status();
    return built->release();
  }();
  return *engine;
}

std::string TempPath(const std::string& name) {
  const testing::TestInfo* info =
      testing::UnitTest::GetInstance()->current_test_info();
  // Parameterised tests' names have a '/': one file name all the same.
  std::string test = info->name();
  std::replace(test.begin(), test.end(), '/', '_');
  return absl::StrCat(testing::TempDir(), "importer_test_", test, "_", getpid(),
                      "_", name);
}

std::string WriteFile(const std::string& name, const std::string& content) {
  const std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// --- Disqus ---------------------------------------------------------------

constexpr char kVapurUrl[] =
    "https://haber.example.com/2019/05/bogazda-yeni-vapur-hatti/";
constexpr char kBridgeUrl[] = "https://haber.example.com/en/bridge-reopens";

// Two threads, one Turkish and one English; a discussion three replies
// deep; HTML in the bodies; a deleted comment with a reply; spam.
std::vector<DisqusPost> SamplePosts() {
  return {
      {"101", "1", "", "Ayşe Yılmaz",
       "<p>Vapur seferleri çok iyi oldu, <b>teşekkürler</b>.</p>"
       "<p>Kadıköy&#39;den geçiş artık kolay.</p>",
       "2019-05-14T10:00:00Z"},
      {"102", "1", "101", "Mehmet Kaya",
       "<p>Katılıyorum, sabahları çok rahat.</p>", "2019-05-14T10:05:00Z"},
      {"103", "1", "102", "Çağrı Öztürk",
       "<p>Akşam seferleri de artmalı.<br>Özellikle hafta sonu.</p>",
       "2019-05-14T10:10:00Z"},
      {"104", "1", "", "Zeynep Şahin", "Bu yorum silindi",
       "2019-05-14T11:00:00Z", /*deleted=*/true},
      {"105", "1", "104", "Elif Demir",
       "<p>Silinen yoruma cevap: ben de aynı fikirdeyim.</p>",
       "2019-05-14T11:05:00Z"},
      {"106", "1", "", "spammer",
       "<p>Ucuz ilaç <a href=\"http://spam.example\">burada</a></p>",
       "2019-05-14T12:00:00Z", false, /*spam=*/true},
      {"201", "2", "", "Zoë Martin",
       "<p>Great to see the bridge open again &amp; on time.</p>",
       "2020-03-01T08:00:00Z"},
  };
}

std::string SampleExport() {
  return DisqusExport(
      DisqusThread("1", kVapurUrl, "Boğaz&#39;da yeni vapur hattı") +
          DisqusThread("2", kBridgeUrl, "Galata Bridge reopens") +
          DisqusThread("3", "https://haber.example.com/yorumsuz/",
                       "Yorumsuz haber"),
      SamplePosts());
}

// What every import test needs: a store, and ways to look into it.
class ImporterTestBase : public testing::Test {
 protected:
  ImportReport Run(const std::string& path, Format format = Format::kDisqus,
                   ImportOptions options = {}) {
    options.format = format;
    options.path = path;
    return Import(options, *store_, &TheEngine(), nullptr);
  }

  // Every comment of the article with `slug`, any status, oldest first.
  std::vector<store::Comment> CommentsOf(const std::string& slug) {
    absl::StatusOr<store::Article> a = store_->FindArticle(slug);
    EXPECT_TRUE(a.ok()) << slug << ": " << a.status();
    if (!a.ok()) return {};
    std::vector<store::Comment> all;
    for (CommentStatus s :
         {CommentStatus::kApproved, CommentStatus::kPending,
          CommentStatus::kReported, CommentStatus::kRejected}) {
      auto list = store_->ListComments(a->id, s);
      EXPECT_TRUE(list.ok());
      all.insert(all.end(), list->begin(), list->end());
    }
    std::sort(all.begin(), all.end(),
              [](const auto& x, const auto& y) { return x.id < y.id; });
    return all;
  }

  int64_t CommentCount() {
    auto counts = store_->CountByStatus();
    EXPECT_TRUE(counts.ok());
    int64_t n = 0;
    for (const auto& [status, count] : *counts) n += count;
    return n;
  }

  std::unique_ptr<store::Store> store_;
};

// Most tests run on every backend an import may write to: SQLite, and
// PostgreSQL when the tests have a server (ctest's `postgres` fixture).
class ImporterTest : public ImporterTestBase,
                     public testing::WithParamInterface<store::TestBackend> {
 protected:
  void SetUp() override {
    absl::StatusOr<std::unique_ptr<store::TestDatabase>> db =
        store::TestDatabase::Create(GetParam());
    if (absl::IsFailedPrecondition(db.status())) GTEST_SKIP() << db.status();
    ASSERT_TRUE(db.ok()) << db.status();
    db_ = std::move(*db);
    absl::StatusOr<std::unique_ptr<store::Store>> opened =
        store::Open(db_->url());
    ASSERT_TRUE(opened.ok()) << opened.status();
    store_ = std::move(*opened);
  }
  void TearDown() override { store_.reset(); }

  std::unique_ptr<store::TestDatabase> db_;  // outlives store_
};

INSTANTIATE_TEST_SUITE_P(Backends, ImporterTest,
                         testing::Values(store::TestBackend::kSqliteFile,
                                         store::TestBackend::kPostgres),
                         [](const auto& info) {
                           return store::TestBackendName(info.param);
                         });

// SQLite only: another process takes the file's write lock.
class SqliteImporterTest : public ImporterTestBase {
 protected:
  void SetUp() override {
    db_ = TempPath("newsroom.db");
    Remove();
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    Remove();
  }
  void Remove() {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::remove((db_ + suffix).c_str());
    }
  }
  void Reopen(store::SqliteOptions options = {}) {
    store_.reset();
    auto opened = store::SqliteStore::Open(db_, options);
    ASSERT_TRUE(opened.ok()) << opened.status();
    store_ = std::move(*opened);
  }

  std::string db_;
};

TEST_P(ImporterTest, DisqusThreadsRepliesAuthorsAndDatesAreKept) {
  ImportReport r = Run(WriteFile("disqus.xml", SampleExport()));
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_TRUE(r.complete);
  EXPECT_EQ(r.threads, 3);
  EXPECT_EQ(r.comments, 7);
  EXPECT_EQ(r.deleted, 1);
  EXPECT_EQ(r.spam, 1);
  EXPECT_EQ(r.to_import, 5);
  EXPECT_EQ(r.reattached, 1);
  EXPECT_EQ(r.articles_created, 2);  // the thread without comments makes none
  EXPECT_EQ(r.added_total(), 5);
  EXPECT_EQ(r.added[CommentStatus::kApproved], 5);
  EXPECT_EQ(r.problem_count, 0);

  // The stub article: slug from the address, the thread's title and date.
  absl::StatusOr<store::Article> vapur =
      store_->FindArticle("bogazda-yeni-vapur-hatti");
  ASSERT_TRUE(vapur.ok()) << vapur.status();
  EXPECT_EQ(vapur->headline, "Boğaz'da yeni vapur hattı");
  EXPECT_EQ(vapur->published_at, absl::FromUnixSeconds(1557826200));
  EXPECT_EQ(store_
                ->FindArticleByUrl("haber.example.com/2019/05/"
                                   "bogazda-yeni-vapur-hatti")
                ->id,
            vapur->id);
  EXPECT_TRUE(absl::IsNotFound(store_->FindArticle("yorumsuz").status()));

  std::vector<store::Comment> c = CommentsOf("bogazda-yeni-vapur-hatti");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[0].author, "Ayşe Yılmaz");
  EXPECT_EQ(c[0].text,
            "Vapur seferleri çok iyi oldu, teşekkürler.\n\n"
            "Kadıköy'den geçiş artık kolay.");
  EXPECT_EQ(c[0].created_at, absl::FromUnixSeconds(1557828000));
  EXPECT_EQ(c[0].parent_id, std::nullopt);
  EXPECT_EQ(c[1].author, "Mehmet Kaya");
  EXPECT_EQ(c[1].parent_id, c[0].id);
  EXPECT_EQ(c[2].text, "Akşam seferleri de artmalı.\nÖzellikle hafta sonu.");
  EXPECT_EQ(c[2].parent_id, c[1].id);
  // The reply to the deleted comment hangs where the deleted one did: at
  // the top of the thread.
  EXPECT_EQ(c[3].author, "Elif Demir");
  EXPECT_EQ(c[3].parent_id, std::nullopt);
  for (const store::Comment& comment : c) {
    EXPECT_EQ(comment.status, CommentStatus::kApproved);
    EXPECT_EQ(comment.client, "import:disqus");
    EXPECT_THAT(comment.verdict_json, HasSubstr("\"decision\":\"approve\""));
  }

  std::vector<store::Comment> en = CommentsOf("bridge-reopens");
  ASSERT_EQ(en.size(), 1u);
  EXPECT_EQ(en[0].author, "Zoë Martin");
  EXPECT_EQ(en[0].text, "Great to see the bridge open again & on time.");
  EXPECT_THAT(en[0].verdict_json, HasSubstr("\"language\":\"en\""));

  // Every stored comment's audit row says it came from the import.
  absl::StatusOr<std::vector<store::Decision>> audit =
      store_->ListDecisions(100);
  ASSERT_TRUE(audit.ok());
  for (const store::Decision& d : *audit) {
    EXPECT_EQ(d.decided_by, "import:disqus");
  }
}

TEST_P(ImporterTest, RunningTwiceAddsNothingTwice) {
  const std::string path = WriteFile("disqus.xml", SampleExport());
  ImportReport first = Run(path);
  ASSERT_TRUE(first.status.ok()) << first.status;
  const int64_t comments = CommentCount();
  const size_t articles = store_->ListArticles(100)->size();

  ImportReport second = Run(path);
  ASSERT_TRUE(second.status.ok()) << second.status;
  EXPECT_EQ(second.added_total(), 0);
  EXPECT_EQ(second.already_imported, 5);
  EXPECT_EQ(second.articles_created, 0);
  EXPECT_EQ(second.articles_by_address, 2);
  EXPECT_EQ(CommentCount(), comments);
  EXPECT_EQ(store_->ListArticles(100)->size(), articles);
  EXPECT_EQ(store_->ListDecisions(100)->size(), 5u);
}

TEST_P(ImporterTest, PublishedCommentsStayPublishedUnlessThePolicyIsApplied) {
  const std::vector<DisqusPost> posts = {
      {"1", "1", "", "Okur", "<p>BU HABER TAMAMEN YALAN, KİMSE İNANMASIN!</p>"},
      {"2", "1", "", "Okur", "<p>Sen tam bir aptalsın.</p>"},
      {"3", "1", "", "Okur",
       "<p>Belediyenin bu kararı bence çok yanlış, vatandaşa "
       "sorulmalıydı.</p>"},
  };
  const std::string path = WriteFile(
      "policy.xml", DisqusExport(DisqusThread("1", kVapurUrl, "Vapur"), posts));

  ImportReport kept = Run(path);
  ASSERT_TRUE(kept.status.ok()) << kept.status;
  EXPECT_EQ(kept.added[CommentStatus::kApproved], 3);
  EXPECT_EQ(kept.published_against_policy, 2);
  EXPECT_EQ(kept.engine_approve, 1);
  EXPECT_EQ(kept.engine_reject + kept.engine_review, 2);
  std::vector<store::Comment> c = CommentsOf("bogazda-yeni-vapur-hatti");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_THAT(c[0].verdict_json, HasSubstr("\"rule\":\"all_caps\""));
  EXPECT_THAT(c[1].verdict_json, HasSubstr("\"rule\":\"insult\""));

  // A new site, the same export, the policy applied.
  TearDown();
  SetUp();
  ImportOptions apply;
  apply.apply_policy = true;
  ImportReport applied = Run(path, Format::kDisqus, apply);
  ASSERT_TRUE(applied.status.ok()) << applied.status;
  EXPECT_EQ(applied.published_against_policy, 0);
  c = CommentsOf("bogazda-yeni-vapur-hatti");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].status, CommentStatus::kRejected);
  EXPECT_NE(c[1].status, CommentStatus::kApproved);
  EXPECT_EQ(c[2].status, CommentStatus::kApproved);
}

TEST_P(ImporterTest, ArticlesAreFoundByTheirAddressThenTheirSlug) {
  // Moved before the comments: same slug as the old address's last part.
  store::Article moved;
  moved.slug = "bogazda-yeni-vapur-hatti";
  moved.headline = "Boğaz'da yeni vapur hattı hizmete girdi";
  moved.body = "Haber metni.";
  const int64_t moved_id = store_->CreateArticle(moved, "editor")->id;
  // Recorded under its old address by an editor (another slug).
  store::Article renamed;
  renamed.slug = "galata-koprusu-yeniden-acildi";
  renamed.headline = "Galata Köprüsü yeniden açıldı";
  const int64_t renamed_id = store_->CreateArticle(renamed, "editor")->id;
  ASSERT_TRUE(
      store_->AddArticleUrl(renamed_id, "haber.example.com/en/bridge-reopens")
          .ok());

  ImportReport r = Run(WriteFile("disqus.xml", SampleExport()));
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.articles_by_slug, 1);
  EXPECT_EQ(r.articles_by_address, 1);
  EXPECT_EQ(r.articles_created, 0);
  EXPECT_EQ(store_->ListArticles(10)->size(), 2u);
  EXPECT_EQ(CommentsOf("bogazda-yeni-vapur-hatti").size(), 4u);
  EXPECT_EQ(CommentsOf("galata-koprusu-yeniden-acildi").size(), 1u);
  EXPECT_EQ(store_->FindArticle("bogazda-yeni-vapur-hatti")->body,
            "Haber metni.");  // untouched
  EXPECT_EQ(store_
                ->FindArticleByUrl("haber.example.com/2019/05/"
                                   "bogazda-yeni-vapur-hatti")
                ->id,
            moved_id);
}

TEST_P(ImporterTest, SpellingsOfOneAddressShareOneArticle) {
  const std::string threads =
      DisqusThread("1", "http://haber.example.com/2019/05/vapur", "Vapur") +
      DisqusThread("2", "https://www.haber.example.com/2019/05/vapur/#disqus",
                   "Vapur");
  const std::vector<DisqusPost> posts = {
      {"1", "1", "", "Okur", "<p>Güzel haber.</p>"},
      {"2", "2", "", "Okur", "<p>Gerçekten güzel.</p>"},
  };
  ImportReport r = Run(WriteFile("two.xml", DisqusExport(threads, posts)));
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.articles_created, 1);
  EXPECT_EQ(r.articles_by_address, 1);
  EXPECT_EQ(CommentsOf("vapur").size(), 2u);
}

TEST_P(ImporterTest, RepliesBeforeTheirParentsAreLinked) {
  // Disqus documents parents first; an export that breaks it still keeps
  // its threads.
  const std::vector<DisqusPost> posts = {
      {"3", "1", "2", "C", "<p>Üçüncü seviye.</p>"},
      {"2", "1", "1", "B", "<p>İkinci seviye.</p>"},
      {"1", "1", "", "A", "<p>Birinci seviye.</p>"},
  };
  ImportOptions small;
  small.batch_size = 1;
  ImportReport r =
      Run(WriteFile("order.xml",
                    DisqusExport(DisqusThread("1", kVapurUrl, "V"), posts)),
          Format::kDisqus, small);
  ASSERT_TRUE(r.status.ok()) << r.status;
  std::vector<store::Comment> c = CommentsOf("bogazda-yeni-vapur-hatti");
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c[0].author, "C");
  EXPECT_EQ(c[1].author, "B");
  EXPECT_EQ(c[2].author, "A");
  EXPECT_EQ(c[0].parent_id, c[1].id);
  EXPECT_EQ(c[1].parent_id, c[2].id);
  EXPECT_EQ(c[2].parent_id, std::nullopt);
}

TEST_P(ImporterTest, BrokenXmlIsReportedWithItsLineAndNothingIsImported) {
  std::string xml = SampleExport();
  // Break the last post: line numbers are those of the file.
  const size_t at = xml.rfind("</message>");
  xml.replace(at, 10, "</mesage>");
  const int line =
      1 + static_cast<int>(std::count(xml.begin(), xml.begin() + at, '\n'));
  const std::string path = WriteFile("broken.xml", xml);
  ImportReport r = Run(path);
  EXPECT_TRUE(absl::IsInvalidArgument(r.status)) << r.status;
  EXPECT_THAT(r.status.message(),
              HasSubstr(absl::StrCat(path, ":", line, ":")));
  EXPECT_FALSE(r.checked);
  EXPECT_EQ(CommentCount(), 0);
  EXPECT_TRUE(store_->ListArticles(10)->empty());
}

TEST_P(ImporterTest, InvalidUtf8IsReportedWithItsLine) {
  std::vector<DisqusPost> posts = SamplePosts();
  posts[6].message = "<p>Bozuk \xfc harf</p>";
  const std::string xml = DisqusExport(
      DisqusThread("1", kVapurUrl, "V") + DisqusThread("2", kBridgeUrl, "B"),
      posts);
  const int line = 1 + static_cast<int>(std::count(
                           xml.begin(), xml.begin() + xml.find("Bozuk"), '\n'));
  const std::string path = WriteFile("utf8.xml", xml);
  ImportReport r = Run(path);
  EXPECT_TRUE(absl::IsInvalidArgument(r.status)) << r.status;
  EXPECT_THAT(r.status.message(),
              HasSubstr(absl::StrCat(path, ":", line, ":")));
  EXPECT_EQ(CommentCount(), 0);
}

TEST_P(ImporterTest, ProblemsAreListedWithTheirLinesAndStopTheImport) {
  std::vector<DisqusPost> posts = SamplePosts();
  posts.push_back({"301", "99", "", "Okur", "<p>Olmayan başlık.</p>"});
  posts.push_back({"302", "1", "999", "Okur", "<p>Olmayan yorum.</p>"});
  posts.push_back({"303", "1", "", "Okur", "<p>Tarihsiz.</p>", "dün"});
  posts.push_back({"304", "2", "101", "Okur", "<p>Başka başlıkta.</p>"});
  posts.push_back({"305", "1", "306", "Okur", "<p>Döngü bir.</p>"});
  posts.push_back({"306", "1", "305", "Okur", "<p>Döngü iki.</p>"});
  posts.push_back({"101", "1", "", "Okur", "<p>İki kez.</p>"});
  const std::string xml = DisqusExport(
      DisqusThread("1", kVapurUrl, "V") + DisqusThread("2", kBridgeUrl, "B"),
      posts);
  auto line_of = [&](const std::string& id) {
    const size_t at = xml.find(absl::StrCat("<post dsq:id=\"", id, "\""));
    return 1 +
           static_cast<int>(std::count(xml.begin(), xml.begin() + at, '\n'));
  };
  const std::string path = WriteFile("problems.xml", xml);
  ImportReport r = Run(path);
  EXPECT_TRUE(absl::IsInvalidArgument(r.status)) << r.status;
  EXPECT_THAT(r.status.message(), HasSubstr("--skip-invalid"));
  EXPECT_TRUE(r.checked);
  EXPECT_EQ(r.problem_count, 7);
  ASSERT_EQ(r.problems.size(), 7u);
  const std::pair<std::string, std::string> expected[] = {
      {"301", "names thread \"99\", which the export does not have"},
      {"302", "replies to \"999\", which the export does not have"},
      {"303", "\"dün\" is not a date"},
      {"304", "on another thread"},
      {"305", "in a cycle of replies"},
      {"306", "in a cycle of replies"},
  };
  for (size_t i = 0; i < std::size(expected); ++i) {
    EXPECT_EQ(r.problems[i].line, line_of(expected[i].first)) << i;
    EXPECT_THAT(r.problems[i].message, HasSubstr(expected[i].second)) << i;
  }
  EXPECT_THAT(r.problems[6].message, HasSubstr("\"101\" appears twice"));
  EXPECT_EQ(CommentCount(), 0);
  EXPECT_TRUE(store_->ListArticles(10)->empty());

  // Asked to, the import leaves them out and brings the rest.
  ImportOptions skip;
  skip.skip_invalid = true;
  ImportReport skipped = Run(path, Format::kDisqus, skip);
  ASSERT_TRUE(skipped.status.ok()) << skipped.status;
  EXPECT_EQ(skipped.invalid, 7);
  EXPECT_EQ(skipped.added_total(), 5);
  EXPECT_EQ(CommentCount(), 5);
}

TEST_P(ImporterTest, AThreadWithoutAnAddressIsAProblemOnlyWithComments) {
  const std::string threads = DisqusThread("1", "", "Adressiz") +
                              DisqusThread("2", "/goreli/adres", "Göreli") +
                              DisqusThread("3", "", "Yorumsuz ve adressiz");
  const std::vector<DisqusPost> posts = {
      {"1", "1", "", "Okur", "<p>Bir.</p>"},
      {"2", "1", "", "Okur", "<p>İki.</p>"},
      {"3", "2", "", "Okur", "<p>Üç.</p>"},
  };
  ImportReport r = Run(WriteFile("noaddr.xml", DisqusExport(threads, posts)));
  EXPECT_FALSE(r.status.ok());
  ASSERT_EQ(r.problem_count, 2);
  EXPECT_THAT(r.problems[0].message, HasSubstr("no usable address"));
  EXPECT_THAT(r.problems[0].message, HasSubstr("it is empty"));
  EXPECT_THAT(r.problems[1].message, HasSubstr("/goreli/adres"));
  EXPECT_EQ(r.invalid, 3);
}

TEST_P(ImporterTest, CheckOnlyWritesNothing) {
  ImportOptions check;
  check.check_only = true;
  check.format = Format::kDisqus;
  check.path = WriteFile("disqus.xml", SampleExport());
  ImportReport r = Import(check, *store_, nullptr, nullptr);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_TRUE(r.checked);
  EXPECT_FALSE(r.complete);
  EXPECT_EQ(r.to_import, 5);
  EXPECT_EQ(CommentCount(), 0);
  EXPECT_TRUE(store_->ListArticles(10)->empty());
}

TEST_P(ImporterTest, EmptyAndOverlongCommentsAreNotLost) {
  const std::vector<DisqusPost> posts = {
      {"1", "1", "", "Okur", "<p><img src=\"https://a.example/x.gif\"></p>"},
      {"2", "1", "", "Okur",
       absl::StrCat(
           "<p>",
           absl::StrJoin(std::vector<std::string>(800, "çok uzun bir yorum"),
                         " "),
           "</p>")},
      {"3", "1", "", "", "<p>İsimsiz okur.</p>", "2019-05-14T10:00:00Z", false,
       false, /*username=*/""},
  };
  const std::string path = WriteFile(
      "odd.xml", DisqusExport(DisqusThread("1", kVapurUrl, "V"), posts));
  ImportReport r = Run(path);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.empty, 1);
  EXPECT_EQ(r.engine_unjudged, 1);
  std::vector<store::Comment> c = CommentsOf("bogazda-yeni-vapur-hatti");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].status, CommentStatus::kApproved);  // published, kept
  EXPECT_THAT(c[0].verdict_json, HasSubstr("\"error\""));
  EXPECT_EQ(c[1].author, "Anonim");

  TearDown();
  SetUp();
  ImportOptions apply;
  apply.apply_policy = true;
  apply.anonymous_author = "Anonymous";
  ASSERT_TRUE(Run(path, Format::kDisqus, apply).status.ok());
  c = CommentsOf("bogazda-yeni-vapur-hatti");
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(c[0].status, CommentStatus::kPending);  // for a person to judge
  EXPECT_EQ(c[1].author, "Anonymous");
}

// Another process holds the database's write lock half way through: the
// import stops, says how far it got, and a second run finishes it.
TEST_F(SqliteImporterTest, AnInterruptedImportIsFinishedByRunningItAgain) {
  store::SqliteOptions quick;
  quick.busy_timeout = absl::Milliseconds(50);
  Reopen(quick);

  struct Locker : ImportObserver {
    void StageStarted(Stage stage, int64_t) override {
      importing = stage == Stage::kImporting;
    }
    void StageFinished(Stage) override {}
    void Advanced() override {
      if (importing && ++seen == 3) {
        ASSERT_EQ(sqlite3_open(db.c_str(), &other), SQLITE_OK);
        ASSERT_EQ(
            sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr),
            SQLITE_OK);
      }
    }
    std::string db;
    bool importing = false;
    int seen = 0;
    sqlite3* other = nullptr;
  } locker;
  locker.db = db_;

  ImportOptions options;
  options.format = Format::kDisqus;
  options.path = WriteFile("disqus.xml", SampleExport());
  options.batch_size = 2;
  ImportReport first = Import(options, *store_, &TheEngine(), &locker);
  sqlite3_exec(locker.other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(locker.other);
  EXPECT_TRUE(absl::IsUnavailable(first.status)) << first.status;
  EXPECT_FALSE(first.complete);
  EXPECT_EQ(first.added_total(), 2);
  EXPECT_THAT(first.status.message(), HasSubstr("2 of 5 comments stored"));
  EXPECT_EQ(CommentCount(), 2);

  ImportReport second = Import(options, *store_, &TheEngine(), nullptr);
  ASSERT_TRUE(second.status.ok()) << second.status;
  EXPECT_EQ(second.already_imported, 2);
  EXPECT_EQ(second.added_total(), 3);
  EXPECT_EQ(CommentCount(), 5);
  // The thread is whole: the deep reply found its parent.
  std::vector<store::Comment> c = CommentsOf("bogazda-yeni-vapur-hatti");
  ASSERT_EQ(c.size(), 4u);
  EXPECT_EQ(c[2].parent_id, c[1].id);
}

// --- WordPress -----------------------------------------------------------

TEST_P(ImporterTest, WordPressCommentsWithTheirStatusesAndThreads) {
  const std::string items =
      WxrItem("Boğaz'da yeni vapur hattı", "https://haber.example.com/?p=12",
              "bogazda-yeni-vapur-hatti",
              {
                  {"7", "0", "1", "Ayşe Yılmaz",
                   "Haber için teşekkürler.\n\nAncak bir düzeltme: hat "
                   "<strong>Kadıköy</strong> &amp; Beşiktaş arasında."},
                  {"8", "7", "1", "Mehmet", "Haklısınız, düzeltilmeli."},
                  {"9", "8", "0", "Çağrı", "Moderatör onayı bekleyen cevap."},
                  {"10", "0", "spam", "Satıcı", "Ucuz ilaç burada"},
                  {"11", "10", "1", "Elif", "Spam'e cevap yazılmış."},
                  {"12", "0", "trash", "Zeynep", "Çöpe atılmış yorum"},
                  {"13", "0", "1", "Başka Blog", "Bu yazıdan bahsettik",
                   "2019-05-15 08:00:00", "pingback"},
                  {"14", "0", "1", "Yerel Saat", "GMT saati olmayan yorum.",
                   "0000-00-00 00:00:00"},
              }) +
      WxrItem("Galata Bridge reopens", "https://haber.example.com/en/bridge/",
              "bridge", {{"20", "0", "1", "Zoë", "Great news for commuters."}});
  const std::string path =
      WriteFile("wxr.xml", Wxr("https://haber.example.com", items));
  ImportReport r = Run(path, Format::kWordPress);
  ASSERT_TRUE(r.status.ok()) << r.status;
  EXPECT_EQ(r.site, "https://haber.example.com");
  EXPECT_EQ(r.comments, 9);
  EXPECT_EQ(r.spam, 1);
  EXPECT_EQ(r.trash, 1);
  EXPECT_EQ(r.not_readers, 1);
  EXPECT_EQ(r.local_times, 1);
  EXPECT_EQ(r.reattached, 1);
  EXPECT_EQ(r.added[CommentStatus::kApproved], 5);
  EXPECT_EQ(r.added[CommentStatus::kPending], 1);

  // "?p=12" has no slug in its path: the post's own name gives it.
  std::vector<store::Comment> c = CommentsOf("bogazda-yeni-vapur-hatti");
  ASSERT_EQ(c.size(), 5u);
  EXPECT_EQ(c[0].text,
            "Haber için teşekkürler.\n\nAncak bir düzeltme: hat Kadıköy & "
            "Beşiktaş arasında.");
  EXPECT_EQ(c[0].created_at, absl::FromUnixSeconds(1557828131));
  EXPECT_EQ(c[0].client, "import:wordpress");
  EXPECT_EQ(c[1].parent_id, c[0].id);
  EXPECT_EQ(c[2].parent_id, c[1].id);
  EXPECT_EQ(c[2].status, CommentStatus::kPending);  // held stays held
  EXPECT_EQ(c[3].author, "Elif");
  EXPECT_EQ(c[3].parent_id, std::nullopt);  // its parent was spam
  EXPECT_EQ(c[4].created_at, absl::FromUnixSeconds(1557838931));  // local
  EXPECT_EQ(CommentsOf("bridge").size(), 1u);
}

TEST_P(ImporterTest, WordPressKeysIncludeTheSite) {
  // Two sites' comment 7 are two comments; the same site's, one.
  const auto item = [](const std::string& site) {
    return Wxr(site, WxrItem("Vapur", site + "/vapur/", "vapur",
                             {{"7", "0", "1", "Okur", "Güzel haber."}}));
  };
  const std::string a = WriteFile("a.xml", item("https://a.example.com"));
  const std::string b = WriteFile("b.xml", item("https://b.example.com"));
  ASSERT_TRUE(Run(a, Format::kWordPress).status.ok());
  ImportReport second = Run(b, Format::kWordPress);
  ASSERT_TRUE(second.status.ok()) << second.status;
  EXPECT_EQ(second.added_total(), 1);
  ImportReport again = Run(a, Format::kWordPress);
  EXPECT_EQ(again.added_total(), 0);
  EXPECT_EQ(again.already_imported, 1);
  EXPECT_EQ(CommentCount(), 2);
}

TEST_P(ImporterTest, TheWrongFormatImportsNothing) {
  ImportReport r =
      Run(WriteFile("disqus.xml", SampleExport()), Format::kWordPress);
  EXPECT_TRUE(absl::IsInvalidArgument(r.status));
  EXPECT_THAT(r.status.message(), HasSubstr("newsroom import disqus"));
  EXPECT_EQ(CommentCount(), 0);
}

}  // namespace
}  // namespace newsroom::importer
