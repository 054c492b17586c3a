#include "server/metrics.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsroom::server {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(MetricsTest, CountsRequestsPerRouteMethodAndStatus) {
  Metrics m;
  m.ObserveRequest("/news/{slug}", "GET", 200, absl::Microseconds(300));
  m.ObserveRequest("/news/{slug}", "GET", 200, absl::Milliseconds(3));
  m.ObserveRequest("/news/{slug}", "GET", 404, absl::Microseconds(50));
  std::string text = m.Render();
  EXPECT_THAT(text, HasSubstr("newsroom_http_requests_total{route=\"/news/{slug}\","
                              "method=\"GET\",status=\"200\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("status=\"404\"} 1\n"));
  // 300 µs falls in the 0.0005 bucket, not in 0.00025; cumulative.
  EXPECT_THAT(text, HasSubstr("method=\"GET\",le=\"0.00025\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("method=\"GET\",le=\"0.0005\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("method=\"GET\",le=\"0.005\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("method=\"GET\",le=\"+Inf\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("newsroom_http_request_duration_seconds_count{route=\"/news/{slug}\",method=\"GET\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("# TYPE newsroom_http_request_duration_seconds histogram"));
}

TEST(MetricsTest, CountsVerdictsAndRules) {
  Metrics m;
  m.CountVerdict("comments", "reject", {"all_caps", "spelling"});
  m.CountVerdict("comments", "approve", {});
  m.CountVerdict("comments", "reject", {"all_caps"});
  m.CountModeratorDecision("approved");
  std::string text = m.Render();
  EXPECT_THAT(text, HasSubstr("newsroom_verdicts_total{endpoint=\"comments\",decision=\"reject\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("newsroom_verdicts_total{endpoint=\"comments\",decision=\"approve\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("newsroom_rule_violations_total{endpoint=\"comments\",rule=\"all_caps\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("rule=\"spelling\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("newsroom_moderator_decisions_total{to=\"approved\"} 1\n"));
}

// 10,000 made-up methods once grew /metrics to 125 MB: they are one
// series now.
TEST(MetricsTest, UnknownMethodsAreOneSeries) {
  Metrics m;
  for (int i = 0; i < 10000; ++i) {
    m.ObserveRequest("unmatched", "M" + std::to_string(i), 404,
                     absl::Microseconds(1));
  }
  m.ObserveRequest("unmatched", "DELETE", 404, absl::Microseconds(1));
  std::string text = m.Render();
  EXPECT_THAT(text,
              HasSubstr("newsroom_http_requests_total{route=\"unmatched\","
                        "method=\"other\",status=\"404\"} 10000\n"));
  EXPECT_THAT(text, HasSubstr("method=\"DELETE\",status=\"404\"} 1\n"));
  EXPECT_THAT(text, Not(HasSubstr("M9999")));
  EXPECT_LT(text.size(), 8000u);
}

TEST(MetricsTest, EscapesLabelValues) {
  Metrics m;
  m.ObserveRequest("a\"b\\c\nd", "GET", 200, absl::Microseconds(1));
  std::string text = m.Render();
  EXPECT_THAT(text, HasSubstr("route=\"a\\\"b\\\\c\\nd\""));
  EXPECT_THAT(text, Not(HasSubstr("c\nd")));
}

}  // namespace
}  // namespace newsroom::server
