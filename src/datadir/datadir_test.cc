#include "datadir/datadir.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

namespace newsroom::datadir {
namespace {

// Test binaries set NEWSROOM_DATA_DIR to the repository's data/ before
// main() unless it is set already (test_environment.cc).
TEST(DataDirTest, TheEnvironmentPointsTestsAtTheRepositorysData) {
  const char* env = std::getenv("NEWSROOM_DATA_DIR");
  ASSERT_NE(env, nullptr);
  EXPECT_EQ(Get(), env);
  EXPECT_TRUE(Found());
  EXPECT_TRUE(std::filesystem::exists(Get() + "/models/offensive.model"));
}

TEST(DataDirTest, SetWinsAndDropsTrailingSlashes) {
  const std::string before = Get();
  Set("/srv/newsroom/data//");
  EXPECT_EQ(Get(), "/srv/newsroom/data");
  EXPECT_FALSE(Found());
  Set("/");
  EXPECT_EQ(Get(), "/");
  EXPECT_TRUE(Found());
  Set(before);
  EXPECT_EQ(Get(), before);
}

}  // namespace
}  // namespace newsroom::datadir
