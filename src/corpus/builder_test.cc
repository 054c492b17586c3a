#include "corpus/builder.h"

#include <gtest/gtest.h>

namespace newsroom::corpus {
namespace {

TEST(BuilderTest, KeepsCleanTurkishProseOnly) {
  struct Case {
    const char* sentence;
    bool keep;
  };
  const Case cases[] = {
      {"Seçili kütüphane için mevcut parolayı girin.", true},
      {"Bu komut bir belge ve bir tablo oluşturur.", true},
      {"Gama dağılımını verir.", true},
      {"Kaydet", false},                                   // too short
      {"The Calc service is closely related to the UI.", false},
      {"Title is: Finansal İşlevler Kısım Bir", false},    // English marker
      {"=TEXT(\"xyz\";\"=== @ ===\") returns the text", false},
      {"Ayrıntılar için https://help.libreoffice.org sayfasına bakın.", false},
      {"%PRODUCTNAME belgesini kapatır ve çıkar.", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(IsCleanTurkishSentence(c.sentence), c.keep) << c.sentence;
  }
}

TEST(BuilderTest, SplitIsStableAndRoughlyEightyTenTen) {
  int counts[3] = {0, 0, 0};
  for (int i = 0; i < 10000; ++i) ++counts[SplitOf("help/page" + std::to_string(i))];
  EXPECT_NEAR(counts[0], 8000, 300);
  EXPECT_NEAR(counts[1], 1000, 150);
  EXPECT_NEAR(counts[2], 1000, 150);
  EXPECT_EQ(SplitOf("help/text/shared/main0108.html"),
            SplitOf("help/text/shared/main0108.html"));
}

TEST(BuilderTest, MissingSourceNamesThePackage) {
  CorpusOptions options;
  options.help_dir = "/nonexistent/help";
  auto stats = BuildCorpus(options);
  ASSERT_FALSE(stats.ok());
  EXPECT_NE(stats.status().message().find("libreoffice-help-tr"),
            std::string::npos);
}

}  // namespace
}  // namespace newsroom::corpus
