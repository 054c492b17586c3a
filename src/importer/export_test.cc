// The two export formats read field by field, from files written here in
// the shapes Disqus's and WordPress's documentation give.
#include "importer/export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "importer/internal/example_exports.h"
#include "importer/internal/formats.h"

namespace newsroom::importer {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using namespace internal::examples;  // NOLINT: the export builders

std::string WriteFile(const std::string& name, const std::string& content) {
  const std::string path =
      absl::StrCat(testing::TempDir(), "export_test_", getpid(), "_", name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

struct Recorder : ExportVisitor {
  absl::Status OnSite(std::string_view url) override {
    site = std::string(url);
    return absl::OkStatus();
  }
  absl::Status OnThread(const SourceThread& t) override {
    threads.push_back(t);
    return absl::OkStatus();
  }
  absl::Status OnComment(const SourceComment& c) override {
    comments.push_back(c);
    return absl::OkStatus();
  }
  std::string site;
  std::vector<SourceThread> threads;
  std::vector<SourceComment> comments;
};

TEST(DisqusExportTest, ThreadsAndPostsWithTheirFields) {
  const std::string xml = absl::StrCat(kDisqusHead, R"(  <category dsq:id="1">
    <forum>haberexample</forum>
    <title>General</title>
  </category>
  <thread dsq:id="7651269">
    <id>haber-42</id>
    <forum>haberexample</forum>
    <category dsq:id="1"/>
    <link>https://haber.example.com/2019/05/vapur/</link>
    <title>Boğaz'da yeni vapur hattı</title>
    <message/>
    <createdAt>2019-05-14T09:30:00Z</createdAt>
    <author><name>Haber Masası</name><isAnonymous>false</isAnonymous></author>
    <isClosed>false</isClosed>
    <isDeleted>false</isDeleted>
  </thread>
  <post dsq:id="1001">
    <id/>
    <message><![CDATA[<p>Çok güzel bir haber.</p>]]></message>
    <createdAt>2019-05-14T10:02:11Z</createdAt>
    <isDeleted>false</isDeleted>
    <isSpam>false</isSpam>
    <author>
      <email>ayse@example.com</email>
      <name>Ayşe Yılmaz</name>
      <isAnonymous>false</isAnonymous>
      <username>ayse</username>
    </author>
    <ipAddress>192.0.2.1</ipAddress>
    <thread dsq:id="7651269"/>
  </post>
  <post dsq:id="1002">
    <message><![CDATA[<p>Katılıyorum.</p>]]></message>
    <createdAt>2019-05-14T11:00:00.250Z</createdAt>
    <isDeleted>true</isDeleted>
    <isSpam>false</isSpam>
    <author><username>mehmet_k</username></author>
    <thread dsq:id="7651269"/>
    <parent dsq:id="1001"/>
  </post>
</disqus>
)");
  Recorder r;
  ASSERT_TRUE(
      ReadExport(WriteFile("disqus.xml", xml), Format::kDisqus, r).ok());
  ASSERT_EQ(r.threads.size(), 1u);
  const SourceThread& t = r.threads[0];
  EXPECT_THAT(t.keys, ElementsAre("dsq:7651269", "id:haber-42"));
  EXPECT_EQ(t.url, "https://haber.example.com/2019/05/vapur/");
  EXPECT_EQ(t.title, "Boğaz'da yeni vapur hattı");
  EXPECT_EQ(t.created_at, absl::FromUnixSeconds(1557826200));
  EXPECT_EQ(t.line, 7);

  ASSERT_EQ(r.comments.size(), 2u);
  const SourceComment& a = r.comments[0];
  EXPECT_EQ(a.key, "dsq:1001");
  EXPECT_EQ(a.thread_key, "dsq:7651269");
  EXPECT_EQ(a.parent_key, "");
  EXPECT_EQ(a.author, "Ayşe Yılmaz");
  EXPECT_EQ(a.body, "<p>Çok güzel bir haber.</p>");
  EXPECT_EQ(a.created_at, absl::FromUnixSeconds(1557828131));
  EXPECT_EQ(a.status, SourceStatus::kPublished);
  EXPECT_EQ(a.problem, "");
  EXPECT_EQ(a.line, 19);

  const SourceComment& b = r.comments[1];
  EXPECT_EQ(b.key, "dsq:1002");
  EXPECT_EQ(b.parent_key, "dsq:1001");
  EXPECT_EQ(b.author, "mehmet_k");  // no name: the user name
  EXPECT_EQ(b.created_at,
            absl::FromUnixSeconds(1557831600) + absl::Milliseconds(250));
  EXPECT_EQ(b.status, SourceStatus::kDeleted);
}

// The example of Disqus's own documentation names threads and parents by
// their <id> text as well as by dsq:id, and leaves out the zone.
TEST(DisqusExportTest, TheDocumentationsOwnExample) {
  const std::string xml = absl::StrCat(kDisqusHead, R"(
  <thread dsq:id="2">
    <id>1</id>
    <forum>disqusdev</forum>
    <category dsq:id="1"/>
    <link/>
    <title/>
    <message/>
    <createdAt>2012-12-12T12:12:12</createdAt>
    <author><name>Baz</name></author>
  </thread>
  <post dsq:id="1">
    <id>2</id>
    <message>Mother Russia</message>
    <thread>1</thread>
    <isSpam>true</isSpam>
    <createdAt>2012-12-12T12:12:12</createdAt>
    <author><name>Baz</name></author>
  </post>
  <post dsq:id="2">
    <id>1</id>
    <message>Yo dude</message>
    <parent dsq:id="1">2</parent>
    <thread>1</thread>
    <createdAt>2012-12-12T12:12:12</createdAt>
    <author><name>Baz</name></author>
  </post>
  <post>
    <id>3</id>
    <message/>
    <thread dsq:id="2"/>
    <createdAt>2012-12-12T12:12:12</createdAt>
    <author><name>Baz</name></author>
  </post>
</disqus>
)");
  Recorder r;
  ASSERT_TRUE(ReadExport(WriteFile("doc.xml", xml), Format::kDisqus, r).ok());
  ASSERT_EQ(r.comments.size(), 3u);
  EXPECT_EQ(r.comments[0].key, "dsq:1");
  EXPECT_EQ(r.comments[0].alias, "id:2");
  EXPECT_EQ(r.comments[0].thread_key, "id:1");
  EXPECT_EQ(r.comments[0].status, SourceStatus::kSpam);
  EXPECT_EQ(r.comments[0].created_at, absl::FromUnixSeconds(1355314332));
  EXPECT_EQ(r.comments[1].parent_key, "dsq:1");
  EXPECT_EQ(r.comments[2].key, "id:3");
  EXPECT_EQ(r.comments[2].thread_key, "dsq:2");
  EXPECT_EQ(r.comments[2].problem, "");
}

TEST(DisqusExportTest, WhatIsWrongWithAPostTravelsWithIt) {
  const struct {
    std::string fields;
    std::string problem;
  } cases[] = {
      {R"(<createdAt>dün akşam</createdAt><thread dsq:id="1"/>)",
       "<createdAt> \"dün akşam\" is not a date"},
      {R"(<thread dsq:id="1"/>)", "no <createdAt>"},
      {R"(<createdAt>2019-05-14T10:02:11Z</createdAt>)", "names no <thread>"},
      {R"(<createdAt>2019-05-14T10:02:11Z</createdAt><thread dsq:id="1"/>
          <isSpam>belki</isSpam>)",
       "<isSpam> \"belki\" is neither true nor false"},
  };
  for (const auto& c : cases) {
    const std::string xml =
        absl::StrCat(kDisqusHead, "<post dsq:id=\"5\"><message>metin</message>",
                     c.fields, "</post></disqus>");
    Recorder r;
    ASSERT_TRUE(ReadExport(WriteFile("bad.xml", xml), Format::kDisqus, r).ok());
    ASSERT_EQ(r.comments.size(), 1u);
    EXPECT_THAT(r.comments[0].problem, HasSubstr(c.problem)) << c.fields;
  }
}

TEST(DisqusExportTest, HeldWhenIsApprovedIsFalse) {
  const std::string xml = absl::StrCat(
      kDisqusHead,
      R"(<post dsq:id="5"><message>bekleyen</message><isApproved>false</isApproved>
         <createdAt>2019-05-14T10:02:11Z</createdAt><thread dsq:id="1"/></post>
         </disqus>)");
  Recorder r;
  ASSERT_TRUE(ReadExport(WriteFile("held.xml", xml), Format::kDisqus, r).ok());
  EXPECT_EQ(r.comments[0].status, SourceStatus::kHeld);
}

std::string Head() {
  return WxrHead("https://haber.example.com", "https://haber.example.com/blog");
}

WxrComment Cagri(std::string id, std::string approved, std::string parent) {
  WxrComment c;
  c.id = std::move(id);
  c.approved = std::move(approved);
  c.parent = std::move(parent);
  c.author = "Çağrı Öztürk";
  c.content = "Güzel haber.\n\nİkinci paragraf.";
  return c;
}

TEST(WordPressExportTest, ItemsAndTheirComments) {
  const std::string xml = absl::StrCat(
      Head(),
      WxrItem("Boğaz'da yeni vapur hattı", "https://haber.example.com/?p=12",
              "bogazda-yeni-vapur-hatti",
              {Cagri("7", "1", "0"), Cagri("8", "0", "7"),
               Cagri("9", "spam", "0"), Cagri("10", "trash", "0"),
               Cagri("11", "post-trashed", "0"), Cagri("12", "belki", "0")}),
      WxrItem("Empty", "https://haber.example.com/empty/", "empty", {}),
      "\n</channel>\n</rss>\n");
  Recorder r;
  absl::Status s = ReadExport(WriteFile("wxr.xml", xml), Format::kWordPress, r);
  ASSERT_TRUE(s.ok()) << s;
  EXPECT_EQ(r.site, "https://haber.example.com/blog");
  ASSERT_EQ(r.threads.size(), 2u);
  const SourceThread& t = r.threads[0];
  EXPECT_THAT(t.keys, ElementsAre("item:1"));
  EXPECT_EQ(t.url, "https://haber.example.com/?p=12");
  EXPECT_EQ(t.title, "Boğaz'da yeni vapur hattı");
  EXPECT_EQ(t.slug, "bogazda-yeni-vapur-hatti");
  EXPECT_EQ(t.created_at, absl::FromUnixSeconds(1557826200));
  EXPECT_EQ(r.threads[1].keys[0], "item:2");

  ASSERT_EQ(r.comments.size(), 6u);
  const SourceComment& a = r.comments[0];
  EXPECT_EQ(a.key, "7");
  EXPECT_EQ(a.thread_key, "item:1");
  EXPECT_EQ(a.parent_key, "");
  EXPECT_EQ(a.author, "Çağrı Öztürk");
  EXPECT_EQ(a.body, "Güzel haber.\n\nİkinci paragraf.");
  EXPECT_EQ(a.created_at, absl::FromUnixSeconds(1557828131));
  EXPECT_FALSE(a.local_time_as_utc);
  EXPECT_EQ(a.status, SourceStatus::kPublished);
  EXPECT_EQ(r.comments[1].parent_key, "7");
  EXPECT_EQ(r.comments[1].status, SourceStatus::kHeld);
  EXPECT_EQ(r.comments[2].status, SourceStatus::kSpam);
  EXPECT_EQ(r.comments[3].status, SourceStatus::kTrash);
  EXPECT_EQ(r.comments[4].status, SourceStatus::kTrash);
  EXPECT_THAT(r.comments[5].problem, HasSubstr("\"belki\" is none of"));
}

TEST(WordPressExportTest, PingbacksAreNotReadersComments) {
  WxrComment pingback = Cagri("7", "1", "0");
  pingback.type = "pingback";
  const std::string xml =
      absl::StrCat(Head(), WxrItem("x", "https://a.example/x", "x", {pingback}),
                   "</channel></rss>");
  Recorder r;
  ASSERT_TRUE(
      ReadExport(WriteFile("ping.xml", xml), Format::kWordPress, r).ok());
  ASSERT_EQ(r.comments.size(), 1u);
  EXPECT_EQ(r.comments[0].status, SourceStatus::kNotReaders);
  EXPECT_EQ(r.comments[0].type, "pingback");
}

TEST(WordPressExportTest, LocalTimeWhenThereIsNoGmtTime) {
  WxrComment c = Cagri("7", "1", "0");
  c.date_gmt = "0000-00-00 00:00:00";
  const std::string xml =
      absl::StrCat(Head(), WxrItem("x", "https://a.example/x", "x", {c}),
                   "</channel></rss>");
  Recorder r;
  ASSERT_TRUE(
      ReadExport(WriteFile("local.xml", xml), Format::kWordPress, r).ok());
  EXPECT_EQ(r.comments[0].created_at, absl::FromUnixSeconds(1557838931));
  EXPECT_TRUE(r.comments[0].local_time_as_utc);
}

TEST(WordPressExportTest, OlderWxrVersionsAreRead) {
  for (const char* version : {"1.0", "1.1"}) {
    std::string head = Head();
    for (size_t at; (at = head.find("export/1.2/")) != std::string::npos;) {
      head.replace(at, 11, absl::StrCat("export/", version, "/"));
    }
    const std::string xml = absl::StrCat(
        head, WxrItem("x", "https://a.example/x", "x", {Cagri("7", "1", "0")}),
        "</channel></rss>");
    Recorder r;
    ASSERT_TRUE(
        ReadExport(WriteFile("old.xml", xml), Format::kWordPress, r).ok());
    EXPECT_EQ(r.comments.size(), 1u) << version;
  }
}

TEST(ExportTest, TheWrongFormatIsNamed) {
  const std::string disqus =
      WriteFile("d.xml", absl::StrCat(kDisqusHead, "</disqus>"));
  const std::string wxr =
      WriteFile("w.xml", absl::StrCat(Head(), "</channel></rss>"));
  const std::string rss =
      WriteFile("rss.xml",
                "<rss version=\"2.0\"><channel><item><title>x</title>"
                "</item></channel></rss>");
  Recorder r;
  absl::Status s = ReadExport(disqus, Format::kWordPress, r);
  EXPECT_THAT(s.message(), HasSubstr("newsroom import disqus"));
  s = ReadExport(wxr, Format::kDisqus, r);
  EXPECT_THAT(s.message(), HasSubstr("newsroom import wordpress"));
  s = ReadExport(rss, Format::kWordPress, r);
  EXPECT_THAT(s.message(), HasSubstr("not a WordPress export"));
}

TEST(ExportTest, BrokenXmlStopsWithItsLine) {
  const struct {
    const char* name;
    std::string xml;
    int line;
  } cases[] = {
      {"mismatched tag",
       absl::StrCat(kDisqusHead,
                    "<post dsq:id=\"1\">\n<message>metin</mesage>\n</post>\n"
                    "</disqus>\n"),
       4},
      {"cut short",
       absl::StrCat(kDisqusHead, "<post dsq:id=\"1\">\n<message>metin"), 4},
      {"invalid UTF-8",
       absl::StrCat(kDisqusHead, "<post dsq:id=\"1\">\n<message>\n",
                    "G\xfczel haber</message>\n</post>\n</disqus>\n"),
       5},
      {"bare ampersand",
       absl::StrCat(kDisqusHead,
                    "<thread dsq:id=\"1\">\n<link>https://a.example/?a=1&b=2"
                    "</link>\n</thread></disqus>\n"),
       4},
      {"not XML at all", "Bu bir XML dosyası değil.\n", 1},
      {"empty file", "", 1},
  };
  for (const auto& c : cases) {
    const std::string path = WriteFile("broken.xml", c.xml);
    Recorder r;
    absl::Status s = ReadExport(path, Format::kDisqus, r);
    EXPECT_TRUE(absl::IsInvalidArgument(s)) << c.name << ": " << s;
    EXPECT_THAT(s.message(), HasSubstr(absl::StrCat(path, ":", c.line, ":")))
        << c.name << ": " << s;
  }
}

TEST(ExportTest, AMissingFileIsNotFound) {
  Recorder r;
  absl::Status s =
      ReadExport(testing::TempDir() + "yok.xml", Format::kDisqus, r);
  EXPECT_TRUE(absl::IsNotFound(s)) << s;
  EXPECT_THAT(s.message(), HasSubstr("yok.xml"));
}

TEST(ExportTest, AVisitorErrorStopsTheReading) {
  struct Stopper : Recorder {
    absl::Status OnComment(const SourceComment& c) override {
      Recorder::OnComment(c).IgnoreError();
      return absl::CancelledError("dur");
    }
  } stopper;
  const std::string xml =
      absl::StrCat(kDisqusHead,
                   "<post dsq:id=\"1\"><message>a</message></post>"
                   "<post dsq:id=\"2\"><message>b</message></post></disqus>");
  absl::Status s =
      ReadExport(WriteFile("stop.xml", xml), Format::kDisqus, stopper);
  EXPECT_TRUE(absl::IsCancelled(s));
  EXPECT_EQ(stopper.comments.size(), 1u);
}

TEST(ExportTimesTest, TheFormsTheFormatsUse) {
  using internal::ParseIsoTime;
  using internal::ParseRfc822Time;
  using internal::ParseSqlTime;
  const absl::Time t = absl::FromUnixSeconds(1557828131);
  EXPECT_EQ(ParseIsoTime("2019-05-14T10:02:11Z"), t);
  EXPECT_EQ(ParseIsoTime(" 2019-05-14T10:02:11 "), t);
  EXPECT_EQ(ParseIsoTime("2019-05-14T13:02:11+03:00"), t);
  EXPECT_EQ(ParseIsoTime("2019-05-14T10:02:11.5Z"),
            t + absl::Milliseconds(500));
  EXPECT_EQ(ParseIsoTime("14.05.2019 10:02"), std::nullopt);
  EXPECT_EQ(ParseIsoTime(""), std::nullopt);
  EXPECT_EQ(ParseSqlTime("2019-05-14 10:02:11"), t);
  EXPECT_EQ(ParseSqlTime("0000-00-00 00:00:00"), std::nullopt);
  EXPECT_EQ(ParseSqlTime("2019-05-14T10:02:11Z"), std::nullopt);
  EXPECT_EQ(ParseRfc822Time("Tue, 14 May 2019 10:02:11 +0000"), t);
  EXPECT_EQ(ParseRfc822Time("Tue, 14 May 2019 13:02:11 +0300"), t);
  EXPECT_EQ(ParseRfc822Time("yarın"), std::nullopt);
}

}  // namespace
}  // namespace newsroom::importer
