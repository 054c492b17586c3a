#include "server/config.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace newsroom::server {
namespace {

using ::testing::HasSubstr;

TEST(ConfigTest, EmptyTextGivesTheDefaults) {
  absl::StatusOr<Config> c = ParseConfig("", "server.toml");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->listen, "127.0.0.1:8080");
  EXPECT_EQ(c->db, "sqlite:newsroom.db");
  EXPECT_EQ(c->rate_per_minute, 6);
  EXPECT_EQ(c->report_threshold, 3);
  EXPECT_EQ(c->lang, "tr");
  EXPECT_TRUE(c->demo_content);
}

TEST(ConfigTest, ReadsEveryTable) {
  absl::StatusOr<Config> c = ParseConfig(R"(
[server]
listen = "0.0.0.0:9000"
db = "sqlite:/var/lib/newsroom/site.db"
threads = 4
base_url = "https://haber.example"
trust_proxy = true
[comments]
rate_per_minute = 0
burst = 10
report_threshold = 5
rejected_retention_days = 7
threads_per_page = 20
[sessions]
session_hours = 8
[site]
name = "Kent Haber"
lang = "en"
demo_content = false
[perspective]
requests_per_minute = 0
key_cache_seconds = 0
calibration = "/srv/newsroom/calibration.txt"
)",
                                         "server.toml");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->listen, "0.0.0.0:9000");
  EXPECT_EQ(c->db, "sqlite:/var/lib/newsroom/site.db");
  EXPECT_EQ(c->threads, 4);
  EXPECT_EQ(c->base_url, "https://haber.example");
  EXPECT_TRUE(c->trust_proxy);
  EXPECT_EQ(c->rate_per_minute, 0);
  EXPECT_EQ(c->burst, 10);
  EXPECT_EQ(c->report_threshold, 5);
  EXPECT_EQ(c->rejected_retention_days, 7);
  EXPECT_EQ(c->threads_per_page, 20);
  EXPECT_EQ(c->session_hours, 8);
  EXPECT_EQ(c->site_name, "Kent Haber");
  EXPECT_EQ(c->lang, "en");
  EXPECT_FALSE(c->demo_content);
  EXPECT_EQ(c->perspective_requests_per_minute, 0);
  EXPECT_EQ(c->perspective_key_cache_seconds, 0);
  EXPECT_EQ(c->perspective_calibration, "/srv/newsroom/calibration.txt");
}

struct BadConfig {
  std::string text;
  std::string message;
};

class BadConfigTest : public ::testing::TestWithParam<BadConfig> {};

TEST_P(BadConfigTest, NamesWhereAndWhat) {
  absl::StatusOr<Config> c = ParseConfig(GetParam().text, "server.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(std::string(c.status().message()), HasSubstr(GetParam().message));
  EXPECT_THAT(std::string(c.status().message()), HasSubstr("server.toml:"));
}

INSTANTIATE_TEST_SUITE_P(
    Table, BadConfigTest,
    ::testing::Values(
        BadConfig{"[server]\nlisten = 8080\n",
                  "server.listen must be a string"},
        BadConfig{"[server]\nthreads = -1\n",
                  "server.threads must be an integer in [0, 256]"},
        BadConfig{"[server]\nlistne = \"x\"\n", "unknown key server.listne"},
        BadConfig{"[comment]\nburst = 1\n", "unknown table comment"},
        BadConfig{"[comments]\nrate_per_minute = \"fast\"\n",
                  "comments.rate_per_minute must be a number"},
        BadConfig{"[comments]\nburst = 0\n",
                  "comments.burst must be a number in [1,"},
        BadConfig{"[comments]\nthreads_per_page = 0\n",
                  "comments.threads_per_page must be an integer in [1, 200]"},
        BadConfig{"[comments]\nthreads_per_page = 201\n",
                  "comments.threads_per_page must be an integer in [1, 200]"},
        BadConfig{"[site]\nlang = \"de\"\n",
                  "site.lang must be \"tr\" or \"en\""},
        BadConfig{"[perspective]\nrequests_per_minute = -1\n",
                  "perspective.requests_per_minute must be a number in [0,"},
        BadConfig{"[perspective]\nkey_cache_seconds = 1.5\n",
                  "perspective.key_cache_seconds must be an integer"},
        BadConfig{"[perspective]\nkey = \"x\"\n",
                  "unknown key perspective.key"},
        BadConfig{"[server\nlisten = \"x\"\n", "server.toml:1"},
        BadConfig{"server = 3\n", "[server] must be a table"}));

TEST(ConfigTest, TheDatabaseIsSetInOnePlace) {
  absl::StatusOr<Config> c = ParseConfig(
      "[database]\nurl = \"postgresql://newsroom@db1:5432/haberler\"\n",
      "server.toml");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(c->db, "postgresql://newsroom@db1:5432/haberler");
  absl::StatusOr<Config> twice = ParseConfig(
      "[server]\ndb = \"sqlite:a.db\"\n[database]\nurl = \"sqlite:b.db\"\n",
      "server.toml");
  ASSERT_FALSE(twice.ok());
  EXPECT_THAT(std::string(twice.status().message()), HasSubstr("set twice"));
  absl::StatusOr<Config> unknown =
      ParseConfig("[database]\nhost = \"db1\"\n", "server.toml");
  ASSERT_FALSE(unknown.ok());
  EXPECT_THAT(std::string(unknown.status().message()),
              HasSubstr("database.host"));
}

TEST(ConfigTest, TheShippedConfigFileHoldsTheDefaults) {
  absl::StatusOr<Config> file =
      LoadConfigFile(NEWSROOM_SOURCE_DIR "/config/server.toml");
  ASSERT_TRUE(file.ok()) << file.status();
  Config defaults;
  EXPECT_EQ(file->listen, defaults.listen);
  EXPECT_EQ(file->db, defaults.db);
  EXPECT_EQ(file->max_body_bytes, defaults.max_body_bytes);
  EXPECT_EQ(file->max_json_bytes, defaults.max_json_bytes);
  EXPECT_EQ(file->rate_per_minute, defaults.rate_per_minute);
  EXPECT_EQ(file->burst, defaults.burst);
  EXPECT_EQ(file->report_threshold, defaults.report_threshold);
  EXPECT_EQ(file->rejected_retention_days, defaults.rejected_retention_days);
  EXPECT_EQ(file->threads_per_page, defaults.threads_per_page);
  EXPECT_EQ(file->session_hours, defaults.session_hours);
  EXPECT_EQ(file->login_max_failures, defaults.login_max_failures);
  EXPECT_EQ(file->site_name, defaults.site_name);
  EXPECT_EQ(file->lang, defaults.lang);
  EXPECT_EQ(file->demo_content, defaults.demo_content);
  EXPECT_EQ(file->perspective_requests_per_minute,
            defaults.perspective_requests_per_minute);
  EXPECT_EQ(file->perspective_key_cache_seconds,
            defaults.perspective_key_cache_seconds);
  EXPECT_EQ(file->perspective_calibration, defaults.perspective_calibration);
}

TEST(ConfigTest, MissingFileIsNotFound) {
  absl::StatusOr<Config> c = LoadConfigFile("/nonexistent/server.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_TRUE(absl::IsNotFound(c.status()));
  EXPECT_THAT(std::string(c.status().message()),
              HasSubstr("/nonexistent/server.toml"));
}

}  // namespace
}  // namespace newsroom::server
