#include "importer/address.h"

#include <gtest/gtest.h>

#include <string>

namespace newsroom::importer {
namespace {

TEST(AddressTest, SpellingsOfOnePageMeetInOneKey) {
  const std::string key = "haber.example.com/2019/05/vapur";
  for (const char* url : {
           "https://haber.example.com/2019/05/vapur/",
           "http://haber.example.com/2019/05/vapur",
           "https://www.haber.example.com/2019/05/vapur/#comments",
           "https://HABER.example.com:443/2019/05/vapur//",
           "http://haber.example.com:80/2019/05/vapur",
           "//haber.example.com/2019/05/vapur",
           "  https://haber.example.com/2019/05/vapur/  ",
       }) {
    absl::StatusOr<std::string> k = AddressKey(url);
    ASSERT_TRUE(k.ok()) << url << ": " << k.status();
    EXPECT_EQ(*k, key) << url;
  }
}

TEST(AddressTest, WhatTellsPagesApartIsKept) {
  const std::pair<const char*, const char*> cases[] = {
      {"https://haber.example.com/?p=12", "haber.example.com?p=12"},
      {"https://haber.example.com/index.php?p=12&lang=tr",
       "haber.example.com/index.php?p=12&lang=tr"},
      {"https://haber.example.com:8080/a", "haber.example.com:8080/a"},
      {"https://haber.example.com/Büyük-Harf", "haber.example.com/Büyük-Harf"},
      {"https://haber.example.com/bo%C4%9Fazda-vapur",
       "haber.example.com/boğazda-vapur"},
      {"https://haber.example.com/boğazda-vapur",
       "haber.example.com/boğazda-vapur"},
      {"https://haber.example.com/100%25-yerli",
       "haber.example.com/100%-yerli"},
      {"https://haber.example.com/", "haber.example.com"},
  };
  for (const auto& [url, key] : cases) {
    absl::StatusOr<std::string> k = AddressKey(url);
    ASSERT_TRUE(k.ok()) << url << ": " << k.status();
    EXPECT_EQ(*k, key) << url;
  }
}

TEST(AddressTest, WhatIsNotAWebAddressIsRefused) {
  for (const char* url :
       {"", "   ", "haber.example.com/vapur", "/2019/05/vapur",
        "ftp://haber.example.com/vapur", "mailto:okur@example.com",
        "javascript:alert(1)", "https://", "bogazda-vapur"}) {
    EXPECT_FALSE(AddressKey(url).ok()) << url;
  }
}

TEST(AddressTest, SlugFromTheLastSegment) {
  const std::pair<const char*, const char*> cases[] = {
      {"https://haber.example.com/2019/05/bogazda-yeni-vapur-hatti/",
       "bogazda-yeni-vapur-hatti"},
      {"https://haber.example.com/gundem/bo%C4%9Fazda-yeni-vapur-hatt%C4%B1",
       "bogazda-yeni-vapur-hatti"},
      {"https://haber.example.com/ekonomi/Doviz_Kuru_Yukseldi.html",
       "doviz-kuru-yukseldi"},
      {"https://haber.example.com/news/12345", "12345"},
      {"https://haber.example.com/?p=12", ""},
      {"https://haber.example.com/", ""},
      {"https://haber.example.com/---/", ""},
  };
  for (const auto& [url, slug] : cases) {
    EXPECT_EQ(SlugFromAddress(url), slug) << url;
  }
}

TEST(AddressTest, SlugFromText) {
  const std::pair<std::string, std::string> cases[] = {
      {"Boğaz'da yeni vapur hattı hizmete girdi",
       "bogazda-yeni-vapur-hatti-hizmete-girdi"},
      {"İSTANBUL’DA ÇIĞ GİBİ ŞİKÂYET", "istanbulda-cig-gibi-sikayet"},
      {"  Seçim 2024: sonuçlar!  ", "secim-2024-sonuclar"},
      {"Ferry line opens on the Bosphorus",
       "ferry-line-opens-on-the-bosphorus"},
      {"!!!", ""},
      {"", ""},
      {std::string(200, 'a'), std::string(120, 'a')},
      {std::string(100, 'a') + " " + std::string(100, 'b'),
       std::string(100, 'a')},
  };
  for (const auto& [text, slug] : cases) {
    EXPECT_EQ(SlugFromText(text), slug) << text;
  }
}

}  // namespace
}  // namespace newsroom::importer
