#include "spelling/internal/colloquial.h"

#include <gtest/gtest.h>

namespace newsroom::spelling::internal {
namespace {

TEST(ColloquialTest, TheDroppedROfTheProgressiveComesBack) {
  const struct {
    std::u32string_view typed;
    std::u32string_view first;
  } kCases[] = {
      {U"kalıyo", U"kalıyor"},       {U"yapıyolar", U"yapıyorlar"},
      {U"yapıyosun", U"yapıyorsun"}, {U"yapıyodu", U"yapıyordu"},
      {U"geliyom", U"geliyorum"},    {U"geliyoz", U"geliyoruz"},
      {U"görüyo", U"görüyor"},       {U"oluyo", U"oluyor"},
      {U"geliyon", U"geliyorsun"},
  };
  for (const auto& c : kCases) {
    std::vector<std::u32string> s = ColloquialProgressiveStandards(c.typed);
    ASSERT_FALSE(s.empty());
    EXPECT_EQ(s.front(), c.first);
  }
}

TEST(ColloquialTest, StandardFormsAndOtherWordsHaveNone) {
  for (std::u32string_view w :
       {U"kalıyor", U"yapıyorlar", U"geliyorum", U"yorum", U"koyu", U"ayol",
        U"oyun", U"hükümet", U"yo"}) {
    EXPECT_TRUE(ColloquialProgressiveStandards(w).empty());
  }
}

}  // namespace
}  // namespace newsroom::spelling::internal
