#include "http/compress.h"

#include <gtest/gtest.h>

#include <string>

namespace newsroom::http {
namespace {

TEST(CompressTest, AcceptEncodingIsReadAsClientsWriteIt) {
  struct Case {
    const char* header;
    bool gzip;
  };
  const Case cases[] = {
      {"gzip, deflate, br, zstd", true},  // Chromium
      {"br;q=1.0, gzip;q=0.8, *;q=0.1", true},
      {"GZIP", true},
      {"*", true},
      {"deflate, br", false},
      {"gzip;q=0", false},
      {"gzip; q=0.000, identity", false},
      {"identity", false},
      {"", false},
      {"gzipx", false},
  };
  for (const Case& c : cases)
    EXPECT_EQ(AcceptsGzip(c.header), c.gzip) << c.header;
}

TEST(CompressTest, TextIsCompressibleImagesAreNot) {
  for (const char* t :
       {"text/html; charset=utf-8", "text/css", "application/json",
        "application/rss+xml; charset=utf-8", "image/svg+xml",
        "text/javascript; charset=utf-8", "application/xml"}) {
    EXPECT_TRUE(Compressible(t)) << t;
  }
  for (const char* t : {"image/jpeg", "image/webp", "image/png",
                        "application/octet-stream", ""}) {
    EXPECT_FALSE(Compressible(t)) << t;
  }
}

TEST(CompressTest, GzipRoundTripsAndShrinksAPage) {
  std::string page;
  for (int i = 0; i < 500; ++i) {
    page +=
        "<li class=\"comment\">Boğaz'da yeni vapur hattı çok güzel "
        "olmuş.</li>\n";
  }
  const std::string gz = Gzip(page);
  EXPECT_EQ(gz.substr(0, 2), "\x1f\x8b");  // the gzip magic
  EXPECT_LT(gz.size(), page.size() / 10);
  std::string back;
  ASSERT_TRUE(Gunzip(gz, &back));
  EXPECT_EQ(back, page);
  ASSERT_TRUE(Gunzip(Gzip(""), &back));
  EXPECT_EQ(back, "");
  EXPECT_FALSE(Gunzip("not gzip at all", &back));
}

}  // namespace
}  // namespace newsroom::http
