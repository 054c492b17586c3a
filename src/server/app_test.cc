// The site's pure helpers; the routes themselves are tested end to end by
// tests/integration/site_test.py.
#include "server/app.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace newsroom::server
