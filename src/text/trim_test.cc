#include "text/trim.h"

#include <gtest/gtest.h>

namespace newsroom::text {
namespace {

TEST(TrimTest, TakesTheGivenCharactersOffBothEnds) {
  struct Case {
    std::string_view in;
    std::string_view chars;
    std::string_view out;
  };
  const Case cases[] = {
      {"  1001\n", kAsciiSpace, "1001"},
      {"\t\v\f\r kedi köpek \r\n", kAsciiSpace, "kedi köpek"},
      {" kedi\t\r", " \r", "kedi\t"},
      {"\tkedi ", " ", "\tkedi"},
      {"   ", kAsciiSpace, ""},
      {"", kAsciiSpace, ""},
      {"kedi", kAsciiSpace, "kedi"},
  };
  for (const Case& c : cases) EXPECT_EQ(Trim(c.in, c.chars), c.out) << c.in;
}

}  // namespace
}  // namespace newsroom::text
