#include "server/access_log.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "absl/time/clock.h"

namespace newsroom::server {
namespace {

http::Request MakeRequest(std::string method, std::string target) {
  http::Request r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.remote_address = "192.0.2.7";
  return r;
}

TEST(AccessLogTest, OneLinePerRequest) {
  const absl::Time at = absl::FromUnixMillis(1767604323141);  // 2026-01-05
  EXPECT_EQ(AccessLog::Line(MakeRequest("GET", "/news/kopru-acildi?order=oldest"),
                            200, 5120, absl::Microseconds(80), at),
            "2026-01-05T09:12:03.141Z 192.0.2.7 \"GET "
            "/news/kopru-acildi?order=oldest\" 200 5120 0.080ms");
}

TEST(AccessLogTest, WhatTheClientSentCannotBreakTheLine) {
  const absl::Time at = absl::FromUnixSeconds(0);
  std::string line = AccessLog::Line(
      MakeRequest("GET", "/a\"b\\c\r\nFAKE 200\x7f\xc3\xa7"), 404, 0,
      absl::ZeroDuration(), at);
  EXPECT_EQ(line,
            "1970-01-01T00:00:00.000Z 192.0.2.7 \"GET "
            "/a\\x22b\\x5cc\\x0d\\x0aFAKE 200\\x7f\\xc3\\xa7\" 404 0 0.000ms");
  // A method too long to be a real one is not printed.
  line = AccessLog::Line(MakeRequest(std::string(40, 'X'), "/"), 400, 0,
                         absl::ZeroDuration(), at);
  EXPECT_NE(line.find("\"? /\""), std::string::npos) << line;
}

// `?%6Bey=` once put the API key in the log: the name is read as the
// server reads it.
TEST(AccessLogTest, ApiKeysAreRedactedHoweverTheNameIsWritten) {
  struct Case {
    const char* target;
    const char* logged;
  };
  const Case cases[] = {
      {"/v1alpha1/comments:analyze?key=nwsr_s3cret",
       "/v1alpha1/comments:analyze?key=REDACTED"},
      {"/v1alpha1/comments:analyze?%6Bey=nwsr_s3cret",
       "/v1alpha1/comments:analyze?%6Bey=REDACTED"},
      {"/v1alpha1/comments:analyze?a=1&%6b%65%79=nwsr_s3cret&b=2",
       "/v1alpha1/comments:analyze?a=1&%6b%65%79=REDACTED&b=2"},
      {"/x?keyboard=1&monkey=2", "/x?keyboard=1&monkey=2"},
      {"/news/kopru?order=oldest", "/news/kopru?order=oldest"},
      {"/no-query", "/no-query"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(AccessLog::Redacted(c.target), c.logged);
    const std::string line =
        AccessLog::Line(MakeRequest("POST", c.target), 200, 0,
                        absl::ZeroDuration(), absl::UnixEpoch());
    EXPECT_EQ(line.find("s3cret"), std::string::npos) << line;
  }
}

TEST(AccessLogTest, WritesToAFileAndOffWritesNothing) {
  const std::string path = ::testing::TempDir() + "/access_log_test.log";
  std::remove(path.c_str());
  {
    auto log = AccessLog::Open(path);
    ASSERT_TRUE(log.ok()) << log.status();
    (*log)->Write(MakeRequest("POST", "/api/v1/moderate"), 200, 42,
                  absl::Milliseconds(1));
    auto off = AccessLog::Open("off");
    ASSERT_TRUE(off.ok());
    (*off)->Write(MakeRequest("GET", "/"), 200, 1, absl::ZeroDuration());
  }
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  EXPECT_NE(ss.str().find("\"POST /api/v1/moderate\" 200 42 1.000ms\n"),
            std::string::npos)
      << ss.str();
  EXPECT_FALSE(AccessLog::Open("/nonexistent-dir/x/access.log").ok());
}

}  // namespace
}  // namespace newsroom::server
