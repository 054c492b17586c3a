#include "langid/language.h"

#include <gtest/gtest.h>

namespace newsroom::langid {
namespace {

TEST(LanguageTest, ParsesCodesAndTags) {
  struct Case {
    const char* code;
    Language want;
  };
  const Case cases[] = {{"tr", Language::kTurkish}, {"TR", Language::kTurkish},
                        {"tr-TR", Language::kTurkish}, {"en", Language::kEnglish},
                        {"en_US", Language::kEnglish}, {"other", Language::kOther}};
  for (const Case& c : cases) {
    auto got = ParseLanguageCode(c.code);
    ASSERT_TRUE(got.ok()) << c.code;
    EXPECT_EQ(*got, c.want) << c.code;
  }
}

TEST(LanguageTest, RejectsUnknownCodesNamingThem) {
  auto got = ParseLanguageCode("klingon");
  ASSERT_FALSE(got.ok());
  EXPECT_NE(got.status().message().find("\"klingon\""), std::string::npos);
}

TEST(LanguageTest, CodesRoundTrip) {
  for (Language l : {Language::kTurkish, Language::kEnglish, Language::kOther}) {
    EXPECT_EQ(*ParseLanguageCode(LanguageCode(l)), l);
  }
}

}  // namespace
}  // namespace newsroom::langid
