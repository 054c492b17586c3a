#include "importer/comment_text.h"

#include <gtest/gtest.h>

#include <string>

#include "text/utf8.h"

namespace newsroom::importer {
namespace {

struct Case {
  const char* name;
  std::string body;
  std::string text;
};

TEST(CommentTextTest, DisqusHtml) {
  const Case cases[] = {
      {"paragraphs", "<p>Vapur seferleri çok iyi oldu.</p><p>Teşekkürler.</p>",
       "Vapur seferleri çok iyi oldu.\n\nTeşekkürler."},
      {"line break", "<p>Birinci satır<br>ikinci satır</p>",
       "Birinci satır\nikinci satır"},
      {"inline markup", "<p>Bu <b>çok</b> <i>önemli</i> bir <u>karar</u>.</p>",
       "Bu çok önemli bir karar."},
      {"white space collapses",
       "<p>  Çok\n   güzel \t haber  </p>\n\n<p>\n  Bravo\n</p>",
       "Çok güzel haber\n\nBravo"},
      {"character references",
       "<p>Fiyatlar &amp; maaşlar &#351;a&#351;&#305;rtt&#305; &ccedil;ok "
       "&lt;3 &quot;gerçek&quot;</p>",
       "Fiyatlar & maaşlar şaşırttı çok <3 \"gerçek\""},
      {"no-break spaces", "<p>100&nbsp;TL çok&#160;pahalı</p>",
       "100 TL çok pahalı"},
      {"link keeps its text",
       "<p>Kaynak: <a href=\"https://disq.us/url?url=https%3A%2F%2Fexample."
       "com\" rel=\"nofollow noopener\">example.com/haber</a></p>",
       "Kaynak: example.com/haber"},
      {"link without text keeps its address",
       "<p>Bakın <a href=\"https://example.com/x\"></a></p>",
       "Bakın https://example.com/x"},
      {"image keeps its alt text",
       "<p>Şuna bakın: <img src=\"a.jpg\" alt=\"köprü fotoğrafı\"></p>",
       "Şuna bakın: köprü fotoğrafı"},
      {"quote is a paragraph",
       "<blockquote>Belediye açıklama yaptı</blockquote><p>Ben "
       "inanmıyorum.</p>",
       "Belediye açıklama yaptı\n\nBen inanmıyorum."},
      {"list items are lines", "<ul><li>bir</li><li>iki</li></ul><p>son</p>",
       "bir\niki\n\nson"},
      {"pre keeps its lines", "<pre>satır 1\nsatır 2</pre>",
       "satır 1\nsatır 2"},
      {"script and style are dropped",
       "<p>Merhaba</p><script>alert('x')</script><style>p{}</style>",
       "Merhaba"},
      {"plain text without markup", "Sadece düz metin, etiketsiz.",
       "Sadece düz metin, etiketsiz."},
      {"broken markup is mended", "<p>Kapanmamış <b>kalın<p>yeni paragraf",
       "Kapanmamış kalın\n\nyeni paragraf"},
      {"a stray less-than sign", "<p>3 < 5 ve 7 > 2</p>", "3 < 5 ve 7 > 2"},
      {"English with emoji", "<p>Great news 👍 for Kadıköy commuters!</p>",
       "Great news 👍 for Kadıköy commuters!"},
      {"control characters dropped", "<p>a\x01\x02 b\x7f c</p>", "a b c"},
      {"only an image", "<p><img src=\"x.gif\"></p>", ""},
      {"only white space", "  \n\t ", ""},
      {"empty paragraphs leave no blank lines", "<p></p><p>metin</p><p></p>",
       "metin"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CommentText(c.body, Markup::kHtml), c.text) << c.name;
  }
}

TEST(CommentTextTest, WordPressKeepsTheTypedLineBreaks) {
  const Case cases[] = {
      {"typed paragraphs",
       "Haber için teşekkürler.\n\nAncak bir düzeltme: köprü 1973'te açıldı.",
       "Haber için teşekkürler.\n\nAncak bir düzeltme: köprü 1973'te açıldı."},
      {"typed line break", "Birinci satır\nikinci satır",
       "Birinci satır\nikinci satır"},
      {"windows line ends", "bir\r\niki\r\n\r\nüç", "bir\niki\n\nüç"},
      {"many blank lines fold into one", "bir\n\n\n\n\niki", "bir\n\niki"},
      {"allowed tags",
       "Bu <strong>çok</strong> <a href=\"https://a.example\">"
       "önemli</a>.\n<em>Gerçekten.</em>",
       "Bu çok önemli.\nGerçekten."},
      {"entities", "Fiyat &amp; kalite &#8220;iyi&#8221;",
       "Fiyat & kalite “iyi”"},
      {"spaces inside a line collapse", "çok    güzel", "çok güzel"},
      {"trailing white space", "Tamam.  \n\n  ", "Tamam."},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(CommentText(c.body, Markup::kWordPress), c.text) << c.name;
  }
}

TEST(CommentTextTest, OutputIsValidUtf8ForHostileMarkup) {
  const std::string inputs[] = {
      "<p>" + std::string(5000, '<') + "</p>",
      "<a href='javascript:alert(1)'>tıkla</a><iframe src=x></iframe>",
      "<!-- yorum --><![CDATA[ x ]]><?php echo 1; ?>metin",
      "&#0; &#xD800; &#1114112; &unknown; son",
      std::string(100, '\0') + "sıfırlar",
  };
  for (const std::string& in : inputs) {
    const std::string out = CommentText(in, Markup::kHtml);
    EXPECT_TRUE(text::ValidateUtf8(out).ok()) << in.substr(0, 40);
    EXPECT_EQ(out.find("alert"), std::string::npos);
  }
}

}  // namespace
}  // namespace newsroom::importer
