// The rules for new passwords. Length alone let "        " (eight spaces)
// through; the other rules are the cheap ones that stop the first guesses
// of an attacker who knows the user name: the name itself, and the
// passwords every guessing list starts with. The list is short on purpose
// (a newsroom's handful of accounts, each also behind the login throttle):
// it holds the well-known top entries of public password-frequency lists,
// written out by hand, and the Turkish words and football clubs such lists
// show for Turkey. Case and white space at the ends do not matter.
//
// Tested by password_policy_test.cc.
#include "auth/password_policy.h"

#include <string>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"

namespace newsroom::auth {
namespace {

constexpr size_t kMinCharacters = 8;
constexpr size_t kMaxBytes = 1024;

constexpr std::string_view kCommon[] = {
    "00000000",    "0987654321",      "11111111",       "111111111",
    "1111111111",  "11223344",        "112233445566",   "12121212",
    "123123123",   "123321123",       "12341234",       "12344321",
    "12345678",    "123456789",       "1234567890",     "123456789a",
    "12345678910", "123qweasd",       "1q2w3e4r",       "1q2w3e4r5t",
    "1qaz2wsx",    "1qazxsw2",        "22222222",       "55555555",
    "66666666",    "77777777",        "87654321",       "88888888",
    "987654321",   "99999999",        "a1234567",       "a12345678",
    "aa123456",    "abc12345",        "abc123456",      "abcd1234",
    "abcdefgh",    "access14",        "admin123",       "administrator",
    "asdf1234",    "asdfasdf",        "asdfghjk",       "asdfghjkl",
    "azerty123",   "baseball",        "basketball",     "batman123",
    "besiktas",    "besiktas1903",    "bursaspor",      "changeme",
    "charlie1",    "computer",        "default1",       "dragon123",
    "editor123",   "fenerbahce",      "fenerbahce1907", "football",
    "galatasaray", "galatasaray1905", "gazeteci",       "haber123",
    "haberler",    "hello123",        "iloveyou",       "iloveyou1",
    "istanbul",    "istanbul34",      "ankara06",       "izmir35",
    "jennifer",    "letmein1",        "login123",       "master12",
    "michael1",    "moderator",       "monkey123",      "mustafa1",
    "newsroom",    "newsroom1",       "p@ssw0rd",       "parola12",
    "parola123",   "passw0rd",        "password",       "password1",
    "password12",  "password123",     "princess",       "q1w2e3r4",
    "q1w2e3r4t5",  "qazwsxedc",       "qwer1234",       "qwerty12",
    "qwerty123",   "qwertyui",        "qwertyuiop",     "sifre123",
    "şifre123",    "sifresifre",      "starwars",       "sunshine",
    "superman",    "trabzonspor",     "trustno1",       "turkiye1",
    "türkiye1",    "welcome1",        "whatever",       "zxcvbnm1",
    "zxcvbnmasd",
};

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

absl::Status CheckNewPassword(std::string_view username,
                              std::string_view password) {
  if (password.size() > kMaxBytes) {
    return absl::InvalidArgumentError(
        absl::StrCat("the password is longer than ", kMaxBytes, " bytes"));
  }
  if (CodePoints(password) < kMinCharacters) {
    return absl::InvalidArgumentError(absl::StrCat(
        "a password needs at least ", kMinCharacters, " characters"));
  }
  const absl::string_view trimmed = absl::StripAsciiWhitespace(
      absl::string_view(password.data(), password.size()));
  if (trimmed.empty()) {
    return absl::InvalidArgumentError(
        "a password must not be only white space");
  }
  const std::string lower = absl::AsciiStrToLower(trimmed);
  if (!username.empty() &&
      lower == absl::AsciiStrToLower(absl::StripAsciiWhitespace(
                   absl::string_view(username.data(), username.size())))) {
    return absl::InvalidArgumentError("a password must not be the user name");
  }
  for (std::string_view common : kCommon) {
    if (lower == common) {
      return absl::InvalidArgumentError(
          "this password is one of the first that guessing tools try; "
          "choose another");
    }
  }
  return absl::OkStatus();
}

}  // namespace newsroom::auth
