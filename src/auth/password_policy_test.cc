#include "auth/password_policy.h"

#include <gtest/gtest.h>

#include <string>

namespace newsroom::auth {
namespace {

TEST(PasswordPolicyTest, RefusesWeakPasswordsSayingWhy) {
  struct Case {
    const char* username;
    std::string password;
    const char* why;  // in the message
  };
  const Case cases[] = {
      {"elif", "kısa1", "at least 8 characters"},
      // Seven letters in more than eight bytes is still too short.
      {"elif", "çğıöşüİ", "at least 8 characters"},
      {"elif", "        ", "white space"},
      {"elif", "\t \t \t \t ", "white space"},
      {"deniz.yilmaz", "deniz.yilmaz", "user name"},
      {"deniz.yilmaz", "  DENIZ.Yilmaz ", "user name"},
      {"elif", "password", "guessing tools"},
      {"elif", "Galatasaray", "guessing tools"},
      {"elif", " 12345678 ", "guessing tools"},
      {"elif", "şifre123", "guessing tools"},
      {"elif", std::string(1025, 'a'), "longer than 1024 bytes"},
  };
  for (const Case& c : cases) {
    absl::Status s = CheckNewPassword(c.username, c.password);
    EXPECT_TRUE(absl::IsInvalidArgument(s)) << c.password;
    EXPECT_NE(s.message().find(c.why), std::string::npos)
        << c.password << ": " << s;
  }
  // The message names the rule, never the password.
  const absl::Status s = CheckNewPassword("elif", "Galatasaray");
  EXPECT_EQ(s.message().find("alatasaray"), std::string::npos) << s;
}

TEST(PasswordPolicyTest, AcceptsOrdinaryGoodPasswords) {
  for (const char* password :
       {"güçlü-parola-42", "editör-parola-42", "Boğaz'da vapur 1923",
        "correct horse battery staple", "password-but-longer-x9"}) {
    absl::Status s = CheckNewPassword("elif", password);
    EXPECT_TRUE(s.ok()) << password << ": " << s;
  }
  EXPECT_TRUE(CheckNewPassword("elif", std::string(1024, 'q')).ok());
  // The user name may be part of a longer password; not all of it.
  EXPECT_TRUE(CheckNewPassword("elif", "elif-ve-deniz-2024").ok());
}

}  // namespace
}  // namespace newsroom::auth
