#include "corpus/html_text.h"

#include <gtest/gtest.h>

namespace newsroom::corpus {
namespace {

TEST(HtmlTextTest, ExtractsBlockTextAndDropsScripts) {
  std::string html =
      "<html><head><script>var x = '<p>no</p>';</script></head><body>"
      "<h1>Biçemler menüsü</h1>"
      "<p class=\"x\">Seçili <a href=\"#\">kütüphane</a> için   parolayı\n"
      "girin.</p><ul><li>Birinci &amp; ikinci</li></ul>"
      "<p>&#351;&#x131;k &lt;b&gt;</p></body></html>";
  std::vector<std::string> want = {"Biçemler menüsü",
                                   "Seçili kütüphane için parolayı girin.",
                                   "Birinci & ikinci", "şık <b>"};
  EXPECT_EQ(ExtractParagraphs(html), want);
}

TEST(HtmlTextTest, KeepsUnknownEntitiesAsWritten) {
  EXPECT_EQ(DecodeEntities("a &bogus; b &amp c"), "a &bogus; b &amp c");
}

}  // namespace
}  // namespace newsroom::corpus
