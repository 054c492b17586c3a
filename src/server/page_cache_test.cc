#include "server/page_cache.h"

#include <gtest/gtest.h>

#include <string>

namespace newsroom::server {
namespace {

// A generation of the site's own count only.
PageCache::Generation G(uint64_t site) { return {site, 0}; }

TEST(PageCacheTest, AnEntryIsValidForItsGenerationOnly) {
  PageCache cache(1 << 20);
  EXPECT_EQ(cache.Find("page|kopru|newest", G(1)), nullptr);
  auto stored = cache.Insert("page|kopru|newest", G(1), "<html>köprü</html>");
  ASSERT_NE(stored, nullptr);
  auto hit = cache.Find("page|kopru|newest", G(1));
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->body, "<html>köprü</html>");
  EXPECT_EQ(hit->etag, stored->etag);
  EXPECT_EQ(cache.Find("page|kopru|newest", G(2)), nullptr)
      << "content moved on";
  // A newer render replaces it; an older one arriving late does not.
  cache.Insert("page|kopru|newest", G(3), "yeni");
  cache.Insert("page|kopru|newest", G(2), "eski");
  EXPECT_EQ(cache.Find("page|kopru|newest", G(3))->body, "yeni");
  EXPECT_EQ(cache.size(), 1u);
}

// Another node's change moves the store's count only: the entry is stale
// too, and a render that saw it is newer.
TEST(PageCacheTest, TheStoresGenerationCountsAsWell) {
  PageCache cache(1 << 20);
  cache.Insert("comments|kopru", {4, 7}, "[7]");
  EXPECT_NE(cache.Find("comments|kopru", {4, 7}), nullptr);
  EXPECT_EQ(cache.Find("comments|kopru", {4, 8}), nullptr);
  cache.Insert("comments|kopru", {4, 8}, "[8]");
  cache.Insert("comments|kopru", {5, 7}, "[5,7]");  // late: it missed 8
  EXPECT_EQ(cache.Find("comments|kopru", {4, 8})->body, "[8]");
}

// 10,000 variants once held 1.47 GB; the budget holds whatever comes.
TEST(PageCacheTest, BytesStayWithinTheBudgetLeastRecentlyUsedGoFirst) {
  const size_t budget = 200 * 1024;
  PageCache cache(budget);
  const std::string page(10 * 1024, 'x');
  cache.Insert("page|ilk", G(1), page);
  for (int i = 0; i < 10000; ++i) {
    cache.Insert("page|" + std::to_string(i), G(1), page);
    cache.Find("page|ilk", G(1));  // kept warm
    ASSERT_LE(cache.bytes(), budget);
  }
  EXPECT_NE(cache.Find("page|ilk", G(1)), nullptr);
  EXPECT_EQ(cache.Find("page|0", G(1)), nullptr);
  EXPECT_NE(cache.Find("page|9999", G(1)), nullptr);
  EXPECT_LE(cache.size(), budget / page.size());
  EXPECT_GE(cache.size(), 10u);
}

TEST(PageCacheTest, ABodyLargerThanTheBudgetIsServedButNotKept) {
  PageCache cache(1000);
  auto entry = cache.Insert("page|dev", G(1), std::string(5000, 'y'));
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry->body.size(), 5000u);
  EXPECT_EQ(cache.Find("page|dev", G(1)), nullptr);
  EXPECT_EQ(cache.bytes(), 0u);
}

TEST(PageCacheTest, ETagsFollowTheBody) {
  EXPECT_EQ(PageCache::ETagOf("a"), PageCache::ETagOf("a"));
  EXPECT_NE(PageCache::ETagOf("a"), PageCache::ETagOf("b"));
  const std::string etag = PageCache::ETagOf("gövde");
  EXPECT_EQ(etag.size(), 18u);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
}

TEST(PageCacheTest, IfNoneMatch) {
  const std::string etag = "\"00ff00ff00ff00ff\"";
  struct Case {
    const char* header;
    bool matches;
  };
  const Case cases[] = {
      {"\"00ff00ff00ff00ff\"", true},
      {"W/\"00ff00ff00ff00ff\"", true},
      {"\"aaaa\", \"00ff00ff00ff00ff\"", true},
      {"*", true},
      {"", false},
      {"\"00ff00ff00ff00fe\"", false},
      {"00ff00ff00ff00ff", false},
      {"\"00ff00ff00ff00ff", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(PageCache::Matches(c.header, etag), c.matches) << c.header;
  }
}

}  // namespace
}  // namespace newsroom::server
