#include "spelling/internal/form_set.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace newsroom::spelling::internal {
namespace {

std::string Write(const std::string& name, const std::string& contents) {
  std::string path = (std::filesystem::temp_directory_path() / name).string();
  std::ofstream(path) << contents;
  return path;
}

TEST(FormSetTest, ExpandsSuffixRulesWithStripAndCondition) {
  std::string aff = Write("form_set_test.aff",
                          "SET UTF-8\nFLAG num\n"
                          "SFX 1 N 1\nSFX 1 0 lar .\n"
                          "SFX 2 N 1\nSFX 2 p bı p\n"  // kitap → kitabı
                          "SFX 3 N 1\nSFX 3 0 'da [^aeıioöuü]\n");
  std::string dic =
      Write("form_set_test.dic", "3\nkitap/1,2\nAnkara/3\nTokat/3\n");
  auto set = FormSet::Load(aff, dic);
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_TRUE((*set)->Contains(U"kitap"));
  EXPECT_TRUE((*set)->Contains(U"kitaplar"));
  EXPECT_TRUE((*set)->Contains(U"kitabı"));
  EXPECT_FALSE((*set)->Contains(U"kitapbı"));
  EXPECT_TRUE((*set)->Contains(U"ankara"));      // lower-cased
  EXPECT_FALSE((*set)->Contains(U"ankara'da"));  // condition: ends in vowel
  EXPECT_TRUE((*set)->Contains(U"tokat'da"));
  EXPECT_EQ((*set)->size(), 6u);
  std::remove(aff.c_str());
  std::remove(dic.c_str());
}

TEST(FormSetTest, RejectsUnsupportedFlagTypes) {
  std::string aff = Write("form_set_long.aff", "FLAG long\n");
  std::string dic = Write("form_set_long.dic", "1\nev\n");
  auto set = FormSet::Load(aff, dic);
  ASSERT_FALSE(set.ok());
  EXPECT_EQ(set.status().code(), absl::StatusCode::kInvalidArgument);
  std::remove(aff.c_str());
  std::remove(dic.c_str());
}

TEST(FormSetTest, HunspellTrIsFinite) {
  auto set = FormSet::Load("/usr/share/hunspell/tr_TR.aff",
                           "/usr/share/hunspell/tr_TR.dic");
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_GT((*set)->size(), 1000000u);
  EXPECT_TRUE((*set)->Contains(U"gelmiyorum"));
  EXPECT_TRUE((*set)->Contains(U"ankara'da"));
  EXPECT_FALSE((*set)->Contains(U"gelmiyrum"));
}

}  // namespace
}  // namespace newsroom::spelling::internal
