// The site's pure helpers; the routes themselves are tested end to end by
// tests/integration/site_test.py.
#include "server/app.h"

#include <gtest/gtest.h>

#include "server/app_internal.h"

namespace newsroom::server {
namespace {

TEST(ClientNetworkTest, AnIpv6ClientIsItsSlash64) {
  struct Case {
    const char* address;
    const char* network;
  };
  const Case cases[] = {
      {"203.0.113.9", "203.0.113.9"},
      {"2001:db8:1:2:aa::5", "2001:db8:1:2::/64"},
      {"2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"},
      {"2001:db8:1:3::1", "2001:db8:1:3::/64"},
      {"::1", "::/64"},
      {"not an address", "not an address"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ClientNetwork(c.address), c.network) << c.address;
  }
}

// Decoding a photo, moderating a text or hashing a password takes from
// milliseconds to a second: such routes never run on an I/O thread, where
// they would stall every other client of that thread.
TEST(AppRoutesTest, SlowWorkRunsOffTheIoThreads) {
  struct Case {
    const char* method;
    const char* path;
    Exec exec;
  };
  const Case cases[] = {
      // libvips: photo uploads, and the desk's forms that carry one.
      {"POST", "/api/v1/photos", Exec::kWorker},
      {"POST", "/desk/new", Exec::kWorker},
      {"POST", "/desk/articles/12", Exec::kWorker},
      // The engine.
      {"POST", "/news/kopru-acildi/comments", Exec::kWorker},
      {"POST", "/api/v1/articles/kopru-acildi/comments", Exec::kWorker},
      {"POST", "/api/v1/moderate", Exec::kWorker},
      {"POST", "/v1alpha1/comments:analyze", Exec::kWorker},
      // argon2id, on its own workers.
      {"POST", "/login", Exec::kLogin},
      {"POST", "/api/v1/session", Exec::kLogin},
      // Quick work stays on the I/O thread: no queueing for a cached page.
      {"GET", "/news/kopru-acildi", Exec::kInline},
      {"GET", "/api/v1/articles/kopru-acildi/comments", Exec::kInline},
      {"GET", "/healthz", Exec::kInline},
      {"GET", "/desk/articles/12", Exec::kInline},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(App::WhereRuns(c.method, c.path), c.exec)
        << c.method << " " << c.path;
  }
}

TEST(IsHostHeaderTest, OnlyHostNamesAndAddressesWithAPort) {
  for (const char* good :
       {"haber.example.com", "localhost", "127.0.0.1:8080", "[::1]:8080",
        "[2001:db8::1]", "xn--haber-9ua.example.com:443"}) {
    EXPECT_TRUE(IsHostHeader(good)) << good;
  }
  for (const char* bad :
       {"", "evil.com/path", "evil.com\"><script>", "a b", "host:", ":80",
        "host:80:80", "host:1234567", "[::1", "[::1]x", "ex ample.com",
        "haber.example.com@evil.com"}) {
    EXPECT_FALSE(IsHostHeader(bad)) << bad;
  }
  EXPECT_FALSE(IsHostHeader(std::string(300, 'a')));
}

// Cursors and limits become cache keys: one number, one spelling.
TEST(ParseUrlNumberTest, OneSpellingOfOneNumberInRange) {
  struct Case {
    const char* value;
    int64_t max;
    int64_t want;  // 0: refused
  };
  const Case cases[] = {
      {"1", 200, 1},
      {"200", 200, 200},
      {"9223372036854775807", INT64_MAX, INT64_MAX},
      {"201", 200, 0},
      {"0", 200, 0},
      {"-5", 200, 0},
      {"+7", 200, 0},
      {"007", 200, 0},
      {" 7", 200, 0},
      {"7 ", 200, 0},
      {"1e3", 2000, 0},
      {"3.0", 200, 0},
      {"", 200, 0},
      {"abc", 200, 0},
      {"99999999999999999999999", INT64_MAX, 0},
  };
  for (const Case& c : cases) {
    absl::StatusOr<int64_t> n = ParseUrlNumber("cursor", c.value, c.max);
    if (c.want == 0) {
      ASSERT_FALSE(n.ok()) << c.value;
      EXPECT_TRUE(absl::IsInvalidArgument(n.status())) << c.value;
      EXPECT_NE(n.status().message().find("cursor"), std::string::npos);
    } else {
      ASSERT_TRUE(n.ok()) << c.value << ": " << n.status();
      EXPECT_EQ(*n, c.want);
    }
  }
}

}  // namespace
}  // namespace newsroom::server
