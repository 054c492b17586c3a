#include "text/edit.h"

#include <gtest/gtest.h>

namespace newsroom::text {
namespace {

TEST(EditTest, ReplacesSpansByCodePoint) {
  struct Case {
    std::string text;
    std::vector<Edit> edits;
    std::string want;
  };
  const Case cases[] = {
      {"BU HABER!", {{0, 2, "Bu"}, {3, 8, "haber"}}, "Bu haber!"},
      {"cok guzel 😀 olmus", {{12, 17, "olmuş"}, {0, 3, "çok"}, {4, 9, "güzel"}},
       "çok güzel 😀 olmuş"},
      {"şşş", {}, "şşş"},
      {"abc", {{0, 1, "x"}, {0, 2, "overlaps"}}, "xbc"},
      {"abc", {{2, 9, "past end"}}, "abc"},
      {"abc", {{3, 3, "!"}}, "abc!"},
  };
  for (const Case& c : cases) EXPECT_EQ(ApplyEdits(c.text, c.edits), c.want) << c.text;
}

}  // namespace
}  // namespace newsroom::text
