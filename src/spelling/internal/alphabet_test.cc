#include "spelling/internal/alphabet.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "spelling/internal/letters.h"
#include "text/utf8.h"

namespace newsroom::spelling::internal {
namespace {

// Unique per process, since ctest runs the tests of one file in parallel.
std::string Write(const std::string& name, const std::string& contents) {
  std::string path = (std::filesystem::temp_directory_path() /
                      (std::to_string(::getpid()) + "_" + name))
                         .string();
  std::ofstream(path) << contents;
  return path;
}

struct Case {
  const char* word;
  bool may_accept;
};

TEST(AlphabetTest, RefusesOnlyCharactersNoWordCanHave) {
  std::string aff = Write("alphabet_test.aff",
                          "SET UTF-8\nICONV 1\nICONV ’ '\n"
                          "SFX A Y 1\nSFX A 0 é .\n");
  std::string dic = Write("alphabet_test.dic", "2\ncafe/A\nÖland\n");
  auto alphabet = Alphabet::Load(aff, dic);
  ASSERT_TRUE(alphabet.ok()) << alphabet.status();
  const Case cases[] = {
      {"online", true},  // ASCII always passes
      {"ONLINE", true},
      {"café", true},    // from the affix
      {"CAFÉ", true},    // a case variant of it
      {"öland", true},   // a case variant of the stem's Ö
      {"it’s", true},    // ICONV input
      {"güzel", false},  // ü is nowhere
      {"çok", false},
      {"kalıp", false},    // a lower-case ı stays ı for Hunspell
      {"İNTERNET", true},  // a capital İ may be lower-cased to i
      {"ŞEKER", false},    // Ş, ş and S are different letters
      {"", true},
  };
  for (const Case& t : cases) {
    EXPECT_EQ((*alphabet)->MayAccept(text::ToUtf32(t.word)), t.may_accept)
        << t.word;
  }
  std::remove(aff.c_str());
  std::remove(dic.c_str());
}

TEST(AlphabetTest, MakesNoPromiseWithIgnoreOrWithoutUtf8) {
  const char* affs[] = {"SET UTF-8\nIGNORE ü\n", "SET ISO8859-1\n", ""};
  std::string dic = Write("alphabet_nopromise.dic", "1\nword\n");
  for (const char* contents : affs) {
    std::string aff = Write("alphabet_nopromise.aff", contents);
    auto alphabet = Alphabet::Load(aff, dic);
    ASSERT_TRUE(alphabet.ok());
    EXPECT_TRUE((*alphabet)->MayAccept(U"güzel")) << contents;
    std::remove(aff.c_str());
  }
  std::remove(dic.c_str());
}

TEST(AlphabetTest, MissingFileIsNotFound) {
  auto alphabet = Alphabet::Load("/nonexistent.aff", "/nonexistent.dic");
  EXPECT_EQ(alphabet.status().code(), absl::StatusCode::kNotFound);
}

// Every word hunspell-en-us accepts passes; most Turkish words do not.
TEST(AlphabetTest, HunspellEnglish) {
  auto alphabet = Alphabet::Load("/usr/share/hunspell/en_US.aff",
                                 "/usr/share/hunspell/en_US.dic");
  ASSERT_TRUE(alphabet.ok()) << alphabet.status();
  for (const char* w : {"online", "Writer", "don’t", "NATO"}) {
    EXPECT_TRUE((*alphabet)->MayAccept(text::ToUtf32(w))) << w;
  }
  for (const char* w : {"güzel", "çok", "ışık", "Şimdi", "yapıyor"}) {
    EXPECT_FALSE((*alphabet)->MayAccept(text::ToUtf32(w))) << w;
  }
}

}  // namespace
}  // namespace newsroom::spelling::internal
