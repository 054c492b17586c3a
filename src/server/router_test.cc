#include "server/router.h"

#include <gtest/gtest.h>

#include <string>

namespace newsroom::server {
namespace {

// Handlers here are just names, to see which route matched.
using Table = RouteTable<std::string>;

Table SiteLikeTable() {
  Table t;
  t.Add({"GET"}, "/", Cors::kSameOrigin, "front");
  t.Add({"GET"}, "/news/{slug}", Cors::kSameOrigin, "article");
  t.Add({"POST"}, "/news/{slug}/comments/{id}/report", Cors::kSameOrigin,
        "report-form");
  t.Add({"GET"}, "/api/v1/articles/{slug}/comments", Cors::kAnyOrigin,
        "list-comments");
  t.Add({"POST"}, "/api/v1/articles/{slug}/comments", Cors::kAnyOrigin,
        "post-comment");
  t.Add({"GET"}, "/api/v1/articles/{slug}", Cors::kSameOrigin, "get-article");
  t.Add({"PATCH", "PUT"}, "/api/v1/articles/{slug}", Cors::kSameOrigin,
        "update-article");
  t.Add({}, "/v1alpha1/{method}", Cors::kSameOrigin, "perspective");
  return t;
}

TEST(RouteTableTest, FindsTheRouteAndItsParameters) {
  struct Case {
    const char* method;
    const char* path;
    RouteOutcome outcome;
    std::string handler;  // kFound only
    std::string slug;
    int64_t id;
  };
  const Case cases[] = {
      {"GET", "/", RouteOutcome::kFound, "front", "", 0},
      {"HEAD", "/", RouteOutcome::kFound, "front", "", 0},
      {"GET", "/news/kopru-acildi", RouteOutcome::kFound, "article",
       "kopru-acildi", 0},
      // Empty segments do not count.
      {"GET", "//news//kopru-acildi/", RouteOutcome::kFound, "article",
       "kopru-acildi", 0},
      {"POST", "/news/kopru/comments/42/report", RouteOutcome::kFound,
       "report-form", "kopru", 42},
      // {id} is a row id: not a word, not zero, not negative, not huge.
      {"POST", "/news/kopru/comments/abc/report", RouteOutcome::kNotFound, "",
       "", 0},
      {"POST", "/news/kopru/comments/0/report", RouteOutcome::kNotFound, "", "",
       0},
      {"POST", "/news/kopru/comments/-3/report", RouteOutcome::kNotFound, "",
       "", 0},
      {"POST", "/news/kopru/comments/1234567890123456789/report",
       RouteOutcome::kNotFound, "", "", 0},
      // The same path, the method picks the handler.
      {"GET", "/api/v1/articles/kopru/comments", RouteOutcome::kFound,
       "list-comments", "kopru", 0},
      {"POST", "/api/v1/articles/kopru/comments", RouteOutcome::kFound,
       "post-comment", "kopru", 0},
      {"PUT", "/api/v1/articles/kopru", RouteOutcome::kFound, "update-article",
       "kopru", 0},
      {"DELETE", "/api/v1/articles/kopru/comments", RouteOutcome::kWrongMethod,
       "", "", 0},
      {"GET", "/news/kopru/comments/1/report", RouteOutcome::kWrongMethod, "",
       "", 0},
      // A preflight only where other origins may call.
      {"OPTIONS", "/api/v1/articles/kopru/comments", RouteOutcome::kPreflight,
       "", "", 0},
      {"OPTIONS", "/api/v1/articles/kopru", RouteOutcome::kWrongMethod, "", "",
       0},
      // A route of any method.
      {"BREW", "/v1alpha1/comments:analyze", RouteOutcome::kFound,
       "perspective", "", 0},
      {"GET", "/news", RouteOutcome::kNotFound, "", "", 0},
      {"GET", "/news/a/b/c", RouteOutcome::kNotFound, "", "", 0},
      {"GET", "/nowhere", RouteOutcome::kNotFound, "", "", 0},
  };
  const Table table = SiteLikeTable();
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.method) + " " + c.path);
    RouteMatch<std::string> m = table.Find(c.method, c.path);
    EXPECT_EQ(m.outcome, c.outcome);
    if (c.outcome == RouteOutcome::kFound) {
      ASSERT_NE(m.route, nullptr);
      EXPECT_EQ(m.route->handler, c.handler);
      EXPECT_EQ(std::string(m.params.Get("slug")), c.slug);
      EXPECT_EQ(m.params.Id(), c.id);
    }
    if (c.outcome == RouteOutcome::kNotFound) {
      EXPECT_EQ(m.route, nullptr);
    }
  }
}

TEST(RouteTableTest, WrongMethodListsEveryMethodThePathTakes) {
  const Table table = SiteLikeTable();
  RouteMatch<std::string> m = table.Find("DELETE", "/api/v1/articles/kopru");
  EXPECT_EQ(m.outcome, RouteOutcome::kWrongMethod);
  EXPECT_EQ(m.allow, "GET, PATCH, PUT");
  // The route's pattern names it, for metrics.
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern.text(), "/api/v1/articles/{slug}");
  EXPECT_FALSE(m.cors);

  m = table.Find("DELETE", "/api/v1/articles/kopru/comments");
  EXPECT_EQ(m.allow, "GET, POST");
  EXPECT_TRUE(m.cors) << "a 405 of an open route is readable by other sites";
}

TEST(RouteTableTest, CorsIsTheRoutesOwn) {
  const Table table = SiteLikeTable();
  EXPECT_TRUE(table.Find("POST", "/api/v1/articles/x/comments").cors);
  EXPECT_FALSE(table.Find("GET", "/api/v1/articles/x").cors);
  EXPECT_FALSE(table.Find("GET", "/news/x").cors);
}

TEST(RouteTableTest, FirstRouteAddedWins) {
  Table t;
  t.Add({"GET"}, "/api/v1/moderation/queue", Cors::kSameOrigin, "queue");
  t.Add({"GET"}, "/api/v1/moderation/{what}", Cors::kSameOrigin, "other");
  EXPECT_EQ(t.Find("GET", "/api/v1/moderation/queue").route->handler, "queue");
  RouteMatch<std::string> m = t.Find("GET", "/api/v1/moderation/audit");
  EXPECT_EQ(m.route->handler, "other");
  EXPECT_EQ(m.params.Get("what"), "audit");
}

TEST(PathPatternTest, ParametersAreTakenAsSent) {
  PathPattern p("/v1alpha1/{method}");
  PathParams params;
  ASSERT_TRUE(p.Match("/v1alpha1/comments%3Aanalyze", &params));
  EXPECT_EQ(params.Get("method"), "comments%3Aanalyze");
  EXPECT_EQ(params.Get("absent"), "");
  EXPECT_FALSE(p.Match("/v1alpha1", &params));
  EXPECT_EQ(params.Get("method"), "") << "cleared by a failed match";
}

TEST(ParseRowIdTest, OnlyPositiveDecimalIntegers) {
  EXPECT_EQ(ParseRowId("1"), 1);
  EXPECT_EQ(ParseRowId("999999999999999999"), 999999999999999999);
  for (const char* bad : {"", "0", "-1", "+1", "1x", " 1", "1.0", "0x10",
                          "9999999999999999999"}) {
    EXPECT_EQ(ParseRowId(bad), 0) << bad;
  }
}

TEST(SplitPathTest, DropsEmptySegments) {
  EXPECT_EQ(SplitPath("/"), std::vector<std::string_view>{});
  EXPECT_EQ(SplitPath(""), std::vector<std::string_view>{});
  EXPECT_EQ(SplitPath("/a//b/"), (std::vector<std::string_view>{"a", "b"}));
  EXPECT_EQ(SplitPath("a"), (std::vector<std::string_view>{"a"}));
}

}  // namespace
}  // namespace newsroom::server
