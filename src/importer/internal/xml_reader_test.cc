#include "importer/internal/xml_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"

namespace newsroom::importer::internal {
namespace {

using ::testing::HasSubstr;

std::string TempPath(const std::string& name) {
  return absl::StrCat(testing::TempDir(), "xml_reader_test_", getpid(), "_",
                      name);
}

std::string WriteFile(const std::string& name, const std::string& content) {
  const std::string path = TempPath(name);
  std::ofstream(path, std::ios::binary) << content;
  return path;
}

// Moves to the first start element called `name`.
void SeekTo(XmlReader& r, std::string_view name) {
  for (;;) {
    absl::StatusOr<bool> more = r.Next();
    ASSERT_TRUE(more.ok()) << more.status();
    ASSERT_TRUE(*more) << "no <" << name << ">";
    if (r.IsStart(name)) return;
  }
}

TEST(XmlReaderTest, ARecordIsItsSubtreeFlattened) {
  const std::string path = WriteFile("record.xml", R"(<root xmlns:dsq="urn:x">
<post dsq:id="42" other="x">
  <message><![CDATA[<p>Merhaba</p>]]> ve &amp; dahası</message>
  <author><name>Ayşe</name><username>ayse</username></author>
  <thread dsq:id="7"/>
  <parent dsq:id="41">40</parent>
</post>
<after/>
</root>)");
  auto r = XmlReader::Open(path);
  ASSERT_TRUE(r.ok()) << r.status();
  SeekTo(**r, "post");
  absl::StatusOr<Record> rec = (*r)->ReadRecord(1 << 20);
  ASSERT_TRUE(rec.ok()) << rec.status();
  EXPECT_EQ(rec->line, 2);
  EXPECT_EQ(rec->Get("@id"), "42");
  EXPECT_FALSE(rec->Has("@other"));
  EXPECT_EQ(rec->Get("message"), "<p>Merhaba</p> ve & dahası");
  EXPECT_EQ(rec->Get("author/name"), "Ayşe");
  EXPECT_EQ(rec->Get("author/username"), "ayse");
  EXPECT_EQ(rec->Get("thread@id"), "7");
  EXPECT_TRUE(rec->Has("thread@id"));
  EXPECT_FALSE(rec->Has("thread"));
  EXPECT_EQ(rec->Get("parent@id"), "41");
  EXPECT_EQ(rec->Get("parent"), "40");
  EXPECT_FALSE(rec->truncated);
  // The cursor is on </post>: the next element is <after>.
  SeekTo(**r, "after");
}

TEST(XmlReaderTest, ARecordOverItsLimitIsMarkedAndReadToItsEnd) {
  const std::string path = WriteFile(
      "big.xml", absl::StrCat("<root><post><message>", std::string(5000, 'a'),
                              "</message><id>9</id></post><after/></root>"));
  auto r = XmlReader::Open(path);
  ASSERT_TRUE(r.ok());
  SeekTo(**r, "post");
  absl::StatusOr<Record> rec = (*r)->ReadRecord(1000);
  ASSERT_TRUE(rec.ok());
  EXPECT_TRUE(rec->truncated);
  EXPECT_EQ(rec->Get("id"), "9");
  SeekTo(**r, "after");
}

TEST(XmlReaderTest, ReadTextRefusesMoreThanItsLimit) {
  const std::string path =
      WriteFile("text.xml", "<root><link>https://a.example/x</link></root>");
  auto r = XmlReader::Open(path);
  ASSERT_TRUE(r.ok());
  SeekTo(**r, "link");
  EXPECT_EQ(*(*r)->ReadText(100), "https://a.example/x");
  auto again = XmlReader::Open(path);
  SeekTo(**again, "link");
  absl::StatusOr<std::string> t = (*again)->ReadText(5);
  EXPECT_TRUE(absl::IsInvalidArgument(t.status()));
  EXPECT_THAT(t.status().message(), HasSubstr(path + ":1:"));
}

// libxml2 keeps an element's line in 16 bits; exports are millions of
// lines long.
TEST(XmlReaderTest, LinesPastTheSixteenBitLimit) {
  std::string xml = "<root>\n";
  for (int i = 2; i < 70000; ++i) xml += "  <filler>x</filler>\n";
  xml += "  <post id=\"a\">\n    <message>m</message>\n  </post>\n";  // 70000
  xml += "  <post id=\"b\"><message>m</message></post>\n";            // 70003
  xml += "</root>\n";
  auto r = XmlReader::Open(WriteFile("long.xml", xml));
  ASSERT_TRUE(r.ok());
  SeekTo(**r, "post");
  EXPECT_EQ((*r)->line(), 70000);
  ASSERT_TRUE((*r)->ReadRecord(100).ok());
  SeekTo(**r, "post");
  EXPECT_EQ((*r)->line(), 70003);
}

TEST(XmlReaderTest, ErrorsPastTheSixteenBitLimitHaveTheirLine) {
  std::string xml = "<root>\n";
  for (int i = 2; i < 70000; ++i) xml += "  <filler>x</filler>\n";
  xml += "  <post>\xff</post>\n</root>\n";  // line 70000
  const std::string path = WriteFile("long-bad.xml", xml);
  auto r = XmlReader::Open(path);
  ASSERT_TRUE(r.ok());
  absl::Status s;
  for (;;) {
    absl::StatusOr<bool> more = (*r)->Next();
    if (!more.ok()) {
      s = more.status();
      break;
    }
    ASSERT_TRUE(*more) << "no error";
  }
  EXPECT_THAT(s.message(), HasSubstr(path + ":70000:"));
}

TEST(XmlReaderTest, GzipCompressedFilesAreReadAsTheyAre) {
  const std::string path = TempPath("export.xml.gz");
  gzFile gz = gzopen(path.c_str(), "wb");
  ASSERT_NE(gz, nullptr);
  const std::string xml =
      "<root>\n<post id=\"1\"><message>Sıkıştırılmış"
      "</message></post>\n</root>\n";
  gzwrite(gz, xml.data(), static_cast<unsigned>(xml.size()));
  gzclose(gz);
  auto r = XmlReader::Open(path);
  ASSERT_TRUE(r.ok()) << r.status();
  SeekTo(**r, "post");
  EXPECT_EQ((*r)->line(), 2);
  EXPECT_EQ((*r)->ReadRecord(100)->Get("message"), "Sıkıştırılmış");
}

TEST(XmlReaderTest, NoExternalEntityIsLoaded) {
  const std::string secret = WriteFile("secret.txt", "GİZLİ");
  const std::string path = WriteFile(
      "xxe.xml", absl::StrCat("<?xml version=\"1.0\"?>\n<!DOCTYPE root [\n"
                              "<!ENTITY x SYSTEM \"file://",
                              secret, "\">\n]>\n<root><m>&x;</m></root>\n"));
  auto r = XmlReader::Open(path);
  ASSERT_TRUE(r.ok());
  absl::StatusOr<bool> more = true;
  std::string text;
  while (more.ok() && *more) {
    more = (*r)->Next();
    if (more.ok() && *more && (*r)->IsStart("m")) {
      absl::StatusOr<std::string> t = (*r)->ReadText(100);
      if (t.ok()) text = *t;
    }
  }
  EXPECT_EQ(text.find("GİZLİ"), std::string::npos);
}

}  // namespace
}  // namespace newsroom::importer::internal
