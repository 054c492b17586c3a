#include "text/utf8.h"

#include <gtest/gtest.h>

namespace newsroom::text {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  for (const char* s : {"", "haber", "Çığ düştü", "emoji 😀 ok", "日本語"}) {
    EXPECT_TRUE(ValidateUtf8(s).ok()) << s;
  }
}

TEST(Utf8Test, RejectsMalformedTextNamingTheByte) {
  struct Case {
    std::string input;
    std::string byte;
  };
  const Case cases[] = {
      {"ab\xFF", "byte 2"},            // never valid
      {"\xC3", "byte 0"},              // truncated sequence
      {"ok \xC0\xAF", "byte 3"},       // overlong "/"
      {"x\xED\xA0\x80", "byte 1"},     // UTF-16 surrogate
      {"\xF4\x90\x80\x80", "byte 0"},  // above U+10FFFF
  };
  for (const Case& c : cases) {
    absl::Status s = ValidateUtf8(c.input);
    EXPECT_EQ(s.code(), absl::StatusCode::kInvalidArgument);
    EXPECT_NE(s.message().find("not valid UTF-8"), std::string::npos);
    EXPECT_NE(s.message().find(c.byte), std::string::npos) << s.message();
  }
}

TEST(Utf8Test, CountsAndSlicesByCodePoint) {
  std::string s = "aşk 😀!";
  EXPECT_EQ(CodePointCount(s), 6);
  EXPECT_EQ(SubstrByCodePoints(s, 1, 3), "şk");
  EXPECT_EQ(SubstrByCodePoints(s, 4, 5), "😀");
  std::string out;
  AppendCodePoint(U'ğ', &out);
  AppendCodePoint(U'😀', &out);
  EXPECT_EQ(out, "ğ😀");
}

TEST(Utf8Test, ConvertsToCodePointsAndBack) {
  for (std::string s : {"", "haber", "Çığ düştü", "emoji 😀 ok", "日本語"}) {
    std::u32string u = ToUtf32(s);
    EXPECT_EQ(static_cast<int>(u.size()), CodePointCount(s)) << s;
    EXPECT_EQ(ToUtf8(u), s);
  }
  EXPECT_EQ(ToUtf32("aş😀"), U"aş😀");
}

}  // namespace
}  // namespace newsroom::text
