#include "server/json_body.h"

#include <gtest/gtest.h>

#include <string>

namespace newsroom::server {
namespace {

TEST(JsonBodyTest, ReadsAnObject) {
  absl::StatusOr<nlohmann::json> j = ParseJsonObject(
      R"({"author": "Ayşe", "text": "Güzel", "n": 1e308})", 1000);
  ASSERT_TRUE(j.ok()) << j.status();
  EXPECT_EQ((*j)["author"], "Ayşe");
}

TEST(JsonBodyTest, EveryBadBodyIsAnErrorNamingWhatIsWrong) {
  struct Case {
    std::string body;
    int http_status;
    const char* message;
  };
  const Case cases[] = {
      {std::string(2000, ' '), 413, "exceeds the limit of 1000 bytes"},
      {"{\"text\": \"Merhaba \xff\"}", 400, "not valid UTF-8"},
      {"{\"text\": ", 400, "syntax error at byte"},
      // Once a 500 in the wrong shape (nlohmann's out_of_range).
      {R"({"comment": {"text": "a"}, "x": 1e999})", 400, "number is too large"},
      {R"({"x": -1e400})", 400, "number is too large"},
      {"[1, 2]", 400, "JSON object"},
      {"\"text\"", 400, "JSON object"},
      {"", 400, "not valid JSON"},
  };
  for (const Case& c : cases) {
    absl::StatusOr<nlohmann::json> j = ParseJsonObject(c.body, 1000);
    ASSERT_FALSE(j.ok()) << c.body;
    EXPECT_EQ(JsonBodyHttpStatus(j.status()), c.http_status) << c.body;
    EXPECT_NE(j.status().message().find(c.message), std::string::npos)
        << c.body << ": " << j.status();
  }
}

}  // namespace
}  // namespace newsroom::server
