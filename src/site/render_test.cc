// The pages are read back the way a browser and a feed reader read them:
// HTML through libxml2's HTML parser (queried with XPath), the feed
// through its strict XML parser.
#include "site/render.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include <cstring>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "datadir/datadir.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "nlohmann/json.hpp"
#include "site/internal/html.h"
#include "toml++/toml.h"

namespace newsroom::site {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// --- Reading pages back -------------------------------------------------

std::string Attr(xmlNodePtr node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return std::string();
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool HasAttr(xmlNodePtr node, const char* name) {
  return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string Text(xmlNodePtr node) {
  xmlChar* v = xmlNodeGetContent(node);
  if (v == nullptr) return std::string();
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

std::string Name(xmlNodePtr node) {
  return reinterpret_cast<const char*>(node->name);
}

class Doc {
 public:
  // HTML parsed as a browser would: leniently.
  static Doc Html(const std::string& html) {
    return Doc(htmlReadMemory(html.data(), static_cast<int>(html.size()),
                              nullptr, "UTF-8",
                              HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                  HTML_PARSE_NOWARNING | HTML_PARSE_NONET));
  }
  // XML parsed strictly: null when not well-formed.
  static Doc Xml(const std::string& xml) {
    return Doc(xmlReadMemory(
        xml.data(), static_cast<int>(xml.size()), nullptr, "UTF-8",
        XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NONET));
  }

  bool ok() const { return doc_ != nullptr; }

  std::vector<xmlNodePtr> Query(const std::string& xpath) const {
    std::vector<xmlNodePtr> out;
    if (doc_ == nullptr) return out;
    std::unique_ptr<xmlXPathContext, decltype(&xmlXPathFreeContext)> ctx(
        xmlXPathNewContext(doc_.get()), xmlXPathFreeContext);
    xmlXPathRegisterNs(
        ctx.get(), reinterpret_cast<const xmlChar*>("atom"),
        reinterpret_cast<const xmlChar*>("http://www.w3.org/2005/Atom"));
    std::unique_ptr<xmlXPathObject, decltype(&xmlXPathFreeObject)> result(
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()),
                               ctx.get()),
        xmlXPathFreeObject);
    EXPECT_NE(result, nullptr) << "bad XPath " << xpath;
    if (result == nullptr || result->nodesetval == nullptr) return out;
    for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
      out.push_back(result->nodesetval->nodeTab[i]);
    }
    return out;
  }

  // The one node `xpath` selects; fails the test otherwise.
  xmlNodePtr One(const std::string& xpath) const {
    std::vector<xmlNodePtr> nodes = Query(xpath);
    EXPECT_EQ(nodes.size(), 1u) << xpath;
    return nodes.size() == 1 ? nodes[0] : nullptr;
  }
  std::string TextOf(const std::string& xpath) const {
    xmlNodePtr n = One(xpath);
    return n == nullptr ? std::string("<missing>") : Text(n);
  }
  std::string AttrOf(const std::string& xpath, const char* name) const {
    xmlNodePtr n = One(xpath);
    return n == nullptr ? std::string("<missing>") : Attr(n, name);
  }
  size_t Count(const std::string& xpath) const { return Query(xpath).size(); }

 private:
  explicit Doc(xmlDocPtr doc) : doc_(doc, xmlFreeDoc) {}
  std::shared_ptr<xmlDoc> doc_;
};

// Nothing in the page runs but the site's own scripts: no script elements
// but the module scripts of `info` and JSON-LD, no event handler
// attributes, no javascript: URLs, no SVG or frames, images only from
// /media/.
void ExpectInert(const std::string& html, const SiteInfo& info,
                 const std::string& context) {
  SCOPED_TRACE(context);
  Doc doc = Doc::Html(html);
  ASSERT_TRUE(doc.ok());
  const std::set<std::string> scripts(info.scripts.begin(), info.scripts.end());
  for (xmlNodePtr s : doc.Query("//script")) {
    const std::string type = Attr(s, "type");
    if (type == "application/ld+json") {
      EXPECT_FALSE(HasAttr(s, "src"));
      continue;
    }
    EXPECT_EQ(type, "module");
    EXPECT_TRUE(scripts.count(Attr(s, "src"))) << Attr(s, "src");
    EXPECT_EQ(Text(s), "");
  }
  for (xmlNodePtr a : doc.Query("//@*")) {
    const std::string name = Name(a);
    EXPECT_FALSE(absl::StartsWith(name, "on")) << "attribute " << name;
  }
  EXPECT_EQ(doc.Count("//svg | //iframe | //object | //embed | //style | "
                      "//base | //meta[@http-equiv] | //frame | //math"),
            0u);
  for (xmlNodePtr img : doc.Query("//img")) {
    EXPECT_TRUE(absl::StartsWith(Attr(img, "src"), "/media/"))
        << Attr(img, "src");
  }
  for (xmlNodePtr a :
       doc.Query("//@href | //@action | //@src | //@formaction")) {
    EXPECT_FALSE(absl::StartsWith(Text(a), "javascript:")) << Text(a);
  }
  // Only the page's own text areas: a payload cannot close one and start
  // markup (escaped, it has no "<textarea" to parse).
  size_t written = 0;
  for (size_t at = html.find("<textarea"); at != std::string::npos;
       at = html.find("<textarea", at + 1)) {
    ++written;
  }
  EXPECT_EQ(doc.Count("//textarea"), written);
  EXPECT_LE(written, 2u);
  EXPECT_EQ(doc.Count("//body"), 1u);
}

// --- Fixtures -------------------------------------------------------------

absl::Time Utc(int y, int mo, int d, int h, int mi, int s = 0) {
  return absl::FromCivil(absl::CivilSecond(y, mo, d, h, mi, s),
                         absl::UTCTimeZone());
}

SiteInfo Info() {
  SiteInfo info;
  info.name = "Newsroom";
  info.base_url = "https://haber.example.org";
  info.policy_tr =
      "Hakaret, küfür, rahatsız edici ve imalı cümleler veya inançlara "
      "saldırı içeren, imla kuralları ile yazılmamış, Türkçe karakter "
      "kullanılmayan ve büyük harflerle yazılmış yorumlar "
      "onaylanmamaktadır.";
  info.policy_en =
      "Comments that contain insults, swearing, offensive sentences or "
      "allusions, attacks on beliefs, are not written with spelling rules, "
      "do not use Turkish characters and are written in capital letters are "
      "not approved.";
  info.scripts = {"/assets/newsroom.js"};
  info.stylesheets = {"/assets/site.css"};
  return info;
}

store::Article Article() {
  store::Article a;
  a.id = 7;
  a.slug = "kadikoy-kutuphanesi-yeniden-acildi";
  a.headline = "Kadıköy'ün tarihi kütüphanesi yeniden açıldı";
  a.lead = "İki yıl süren restorasyonun ardından kütüphane okurlarına kavuştu.";
  a.body =
      "Birinci paragraf burada.\n\nİkinci paragrafın ilk satırı\nve ikinci "
      "satırı.\r\n\r\n\n  Üçüncü paragraf.  \n";
  a.photo_id = 3;
  a.photo_caption = "Kütüphanenin yenilenen okuma salonu";
  a.photo_credit = "Newsroom";
  a.source = "Kadıköy Belediyesi";
  a.author = "Elif Şahin";
  a.published_at = Utc(2026, 11, 26, 21, 30);  // 27.11.2026 00:30 in İstanbul
  a.updated_at = Utc(2026, 11, 27, 0, 2, 36);  // 27.11.2026 03:02
  return a;
}

PhotoView Photo() {
  PhotoView p;
  p.id = 3;
  p.page_url = "/news/kadikoy-kutuphanesi-yeniden-acildi/photo";
  p.sizes = {{"/media/photos/3/orig.jpg", 2400, 1600},
             {"/media/photos/3/1600.jpg", 1600, 1067},
             {"/media/photos/3/800.jpg", 800, 533},
             {"/media/photos/3/400.jpg", 400, 267}};
  p.caption = "Kütüphanenin yenilenen okuma salonu";
  p.credit = "Newsroom";
  return p;
}

store::Comment MakeComment(int64_t id, std::optional<int64_t> parent,
                           absl::Time at, std::string author = "Okur",
                           std::string text = "Güzel bir haber.") {
  store::Comment c;
  c.id = id;
  c.article_id = 7;
  c.parent_id = parent;
  c.author = std::move(author);
  c.text = std::move(text);
  c.status = store::CommentStatus::kApproved;
  c.created_at = at;
  return c;
}

ArticlePage Page() {
  ArticlePage page;
  page.article = Article();
  page.photo = Photo();
  page.csrf_token = "tok123";
  return page;
}

const char* const kPayloads[] = {
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "'><svg/onload=alert(1)>",
    "</script><script>alert(1)</script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>",
    "<!--<script>alert(1)//-->",
};

// --- Escaping and dates -----------------------------------------------------

TEST(EscapeHtmlTest, EscapesMarkupAndRepairsText) {
  struct Case {
    std::string in;
    std::string want;
  };
  const Case cases[] = {
      {"", ""},
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"a & b", "a &amp; b"},
      {"\"'", "&quot;&#39;"},
      {"İstanbul, Iğdır, ılık, şişe, çağ, öğün, Ümraniye",
       "İstanbul, Iğdır, ılık, şişe, çağ, öğün, Ümraniye"},
      {"emoji 😀 kalır", "emoji 😀 kalır"},
      {"tab\there\nline\r\n", "tab\there\nline\r\n"},
      {"bad \xFF byte", "bad \xEF\xBF\xBD byte"},
      {"overlong \xC0\x80", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"cut \xE2\x82", "cut \xEF\xBF\xBD"},
      {"surrogate \xED\xA0\x80",
       "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"too big \xF4\x90\x80\x80",
       "too big \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {std::string("nul \0 bell \a", 12), "nul \xEF\xBF\xBD bell \xEF\xBF\xBD"},
      {"nonchar \xEF\xBF\xBE", "nonchar \xEF\xBF\xBD"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EscapeHtml(c.in), c.want) << c.in;
  }
}

TEST(FormatTimeTest, ShowsIstanbulTimeAndUtcForMachines) {
  struct Case {
    absl::Time t;
    std::string local;
    std::string rfc3339;
  };
  const Case cases[] = {
      // Three hours ahead of UTC: just after midnight UTC is 03:02 the
      // same day; 21:30 UTC is past midnight in İstanbul, the next day.
      {Utc(2026, 11, 27, 0, 2, 36), "27.11.2026 03:02", "2026-11-27T00:02:36Z"},
      {Utc(2026, 11, 26, 21, 30), "27.11.2026 00:30", "2026-11-26T21:30:00Z"},
      {Utc(2026, 12, 31, 22, 15), "01.01.2027 01:15", "2026-12-31T22:15:00Z"},
      {Utc(2026, 6, 15, 12, 0), "15.06.2026 15:00", "2026-06-15T12:00:00Z"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FormatLocalTime(c.t, Lang::kTr), c.local);
    EXPECT_EQ(FormatRfc3339(c.t), c.rfc3339);
  }
  EXPECT_EQ(FormatLocalTime(Utc(2026, 11, 27, 0, 2, 36), Lang::kEn),
            "27 Nov 2026, 03:02");
  EXPECT_EQ(FormatLocalTime(Utc(2026, 12, 31, 22, 15), Lang::kEn),
            "1 Jan 2027, 01:15");
}

// --- Article page
// -------------------------------------------------------------

TEST(ArticlePageTest, HasTheArticleInItsLandmarks) {
  const SiteInfo info = Info();
  const std::string html = RenderArticlePage(info, Page());
  Doc doc = Doc::Html(html);
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.AttrOf("/html", "lang"), "tr");
  EXPECT_EQ(doc.TextOf("//main//article[@class='article']//h1"),
            "Kadıköy'ün tarihi kütüphanesi yeniden açıldı");
  EXPECT_EQ(doc.TextOf("//title"),
            "Kadıköy'ün tarihi kütüphanesi yeniden açıldı — Newsroom");
  EXPECT_EQ(doc.Count("//header[@class='site-header']"), 1u);
  EXPECT_EQ(doc.Count("//footer[@class='site-footer']"), 1u);
  EXPECT_EQ(doc.Count("//main[@id='main']/aside"), 1u);
  // The skip link is the first thing in the body and points at <main>.
  EXPECT_EQ(doc.AttrOf("(//body//a)[1]", "href"), "#main");
  EXPECT_EQ(doc.TextOf("//p[@class='lead']"),
            "İki yıl süren restorasyonun ardından kütüphane okurlarına "
            "kavuştu.");
  EXPECT_EQ(doc.TextOf("//p[@class='source']"), "Kaynak: Kadıköy Belediyesi");
  EXPECT_EQ(doc.TextOf("//p[@class='byline']"), "Elif Şahin");
  EXPECT_EQ(doc.AttrOf("//link[@rel='stylesheet']", "href"),
            "/assets/site.css");
  EXPECT_EQ(doc.AttrOf("//script[@type='module']", "src"),
            "/assets/newsroom.js");
  // Body paragraphs split on blank lines; a single line break is soft.
  std::vector<std::string> paragraphs;
  for (xmlNodePtr p : doc.Query("//div[@class='article-body']/p")) {
    paragraphs.push_back(Text(p));
  }
  EXPECT_EQ(paragraphs, (std::vector<std::string>{
                            "Birinci paragraf burada.",
                            "İkinci paragrafın ilk satırı ve ikinci satırı.",
                            "Üçüncü paragraf."}));
}

TEST(ArticlePageTest, DatesAreIstanbulTimeInTimeElements) {
  const std::string html = RenderArticlePage(Info(), Page());
  Doc doc = Doc::Html(html);
  // Published 21:30 UTC on the 26th: the 27th in İstanbul.
  xmlNodePtr published = doc.One("//time[@class='published']");
  ASSERT_NE(published, nullptr);
  EXPECT_EQ(Text(published), "27.11.2026\u00a000:30");
  EXPECT_EQ(Attr(published, "datetime"), "2026-11-26T21:30:00Z");
  xmlNodePtr updated = doc.One("//time[@class='updated']");
  ASSERT_NE(updated, nullptr);
  EXPECT_EQ(Text(updated), "27.11.2026\u00a003:02");
  EXPECT_EQ(Attr(updated, "datetime"), "2026-11-27T00:02:36Z");
  EXPECT_THAT(Text(doc.One("//p[@class='dates']")),
              HasSubstr("Yayınlanma: 27.11.2026\u00a000:30"));
  EXPECT_THAT(Text(doc.One("//p[@class='dates']")),
              HasSubstr("Son güncelleme: 27.11.2026\u00a003:02"));
}

TEST(ArticlePageTest, PhotoHasSrcsetCaptionZoomAndShare) {
  const std::string html = RenderArticlePage(Info(), Page());
  Doc doc = Doc::Html(html);
  xmlNodePtr img = doc.One("//figure[@id='photo']/img");
  ASSERT_NE(img, nullptr);
  EXPECT_EQ(Attr(img, "src"), "/media/photos/3/800.jpg");
  EXPECT_EQ(Attr(img, "srcset"),
            "/media/photos/3/orig.jpg 2400w, /media/photos/3/1600.jpg 1600w, "
            "/media/photos/3/800.jpg 800w, /media/photos/3/400.jpg 400w");
  EXPECT_EQ(Attr(img, "width"), "800");
  EXPECT_EQ(Attr(img, "height"), "533");
  EXPECT_EQ(Attr(img, "alt"), "Kütüphanenin yenilenen okuma salonu");
  EXPECT_EQ(Attr(img, "sizes"), "(min-width: 46rem) 44rem, calc(100vw - 2rem)");
  // The lead photo is fetched first, never lazily.
  EXPECT_EQ(Attr(img, "fetchpriority"), "high");
  EXPECT_FALSE(HasAttr(img, "loading"));
  EXPECT_EQ(doc.TextOf("//figure/figcaption/span[@class='caption']"),
            "Kütüphanenin yenilenen okuma salonu");
  EXPECT_EQ(doc.TextOf("//figure/figcaption/span[@class='credit']"),
            "Fotoğraf: Newsroom");
  xmlNodePtr zoom = doc.One("//a[@data-zoom]");
  ASSERT_NE(zoom, nullptr);
  EXPECT_EQ(Attr(zoom, "href"), "/media/photos/3/orig.jpg");
  EXPECT_EQ(Attr(zoom, "data-zoom"), "/media/photos/3/orig.jpg");
  xmlNodePtr share = doc.One("//a[@data-share]");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(Attr(share, "href"),
            "/news/kadikoy-kutuphanesi-yeniden-acildi/photo#share");
  EXPECT_EQ(Attr(share, "data-share-url"),
            "https://haber.example.org/news/kadikoy-kutuphanesi-yeniden-acildi/"
            "photo");
}

TEST(ArticlePageTest, WebpSizesComeFirstInAPicture) {
  ArticlePage page = Page();
  page.photo->webp = {{"/media/photos/3/orig.webp", 2400, 1600},
                      {"/media/photos/3/800.webp", 800, 533}};
  Doc doc = Doc::Html(RenderArticlePage(Info(), page));
  xmlNodePtr source = doc.One("//figure[@id='photo']/picture/source");
  ASSERT_NE(source, nullptr);
  EXPECT_EQ(Attr(source, "type"), "image/webp");
  EXPECT_EQ(Attr(source, "srcset"),
            "/media/photos/3/orig.webp 2400w, /media/photos/3/800.webp 800w");
  EXPECT_EQ(Attr(source, "sizes"),
            "(min-width: 46rem) 44rem, calc(100vw - 2rem)");
  // (libxml2's HTML 4 parser does not know <picture>: the img may land
  // beside it rather than in it.)
  xmlNodePtr img = doc.One("//figure[@id='photo']//img");
  ASSERT_NE(img, nullptr);
  EXPECT_EQ(Attr(img, "src"), "/media/photos/3/800.jpg");  // the fallback
}

TEST(ArticlePageTest, BodyLinksAreLinksAndNothingElseIs) {
  EXPECT_EQ(
      internal::InlineHtml("Bkz. [tutanak](https://example.org/t?a=1&b=2)."),
      "Bkz. <a href=\"https://example.org/t?a=1&amp;b=2\">tutanak</a>.");
  EXPECT_EQ(internal::InlineHtml(
                "[x](javascript:alert(1)) [y](/yerel) [](https://a)"),
            "[x](javascript:alert(1)) [y](/yerel) [](https://a)");
  EXPECT_EQ(internal::InlineHtml("[<b>](https://a.example/\"x) <i>"),
            "[&lt;b&gt;](https://a.example/&quot;x) &lt;i&gt;");
  EXPECT_EQ(internal::InlineHtml("[a [b](https://c.example)"),
            "[a <a href=\"https://c.example\">b</a>");
}

TEST(ArticlePageTest, PreviewIsMarkedNotIndexedAndHasNoForm) {
  ArticlePage page = Page();
  page.preview = true;
  page.article.published_at = absl::UnixEpoch();
  Doc doc = Doc::Html(RenderArticlePage(Info(), page));
  EXPECT_EQ(doc.Count("//p[contains(@class, 'preview-banner')]"), 1u);
  EXPECT_EQ(doc.AttrOf("//meta[@name='robots']", "content"), "noindex");
  EXPECT_EQ(doc.Count("//form[@data-comment-form]"), 0u);
  EXPECT_EQ(doc.Count("//time[@class='published']"), 0u);
  EXPECT_THAT(doc.TextOf("//p[@class='dates']"),
              HasSubstr("Henüz yayımlanmadı"));
}

TEST(ArticlePageTest, ClosedCommentsShowTheCommentsWithoutTheForm) {
  ArticlePage page = Page();
  page.article.comments_closed = true;
  page.comments = {MakeComment(1, std::nullopt, Utc(2026, 11, 27, 8, 0))};
  Doc doc = Doc::Html(RenderArticlePage(Info(), page));
  EXPECT_EQ(doc.Count("//form[@data-comment-form]"), 0u);
  EXPECT_EQ(doc.Count("//li[@class='comment']"), 1u);
  EXPECT_EQ(doc.TextOf("//p[@class='comments-closed']"),
            "Bu haber yorumlara kapatıldı.");
}

TEST(ArticlePageTest, ArticleWithoutPhotoHasNoFigure) {
  ArticlePage page = Page();
  page.photo.reset();
  Doc doc = Doc::Html(RenderArticlePage(Info(), page));
  EXPECT_EQ(doc.Count("//figure"), 0u);
  EXPECT_EQ(doc.Count("//a[@data-zoom] | //a[@data-share]"), 0u);
  EXPECT_EQ(doc.Count("//meta[@property='og:image']"), 0u);
  EXPECT_EQ(doc.AttrOf("//meta[@name='twitter:card']", "content"), "summary");
}

TEST(ArticlePageTest, HeadHasOpenGraphAndJsonLdWithAbsoluteUrls) {
  const std::string html = RenderArticlePage(Info(), Page());
  Doc doc = Doc::Html(html);
  const std::string url =
      "https://haber.example.org/news/kadikoy-kutuphanesi-yeniden-acildi";
  auto meta = [&](const std::string& property) {
    return doc.AttrOf("//meta[@property='" + property + "']", "content");
  };
  EXPECT_EQ(doc.AttrOf("//link[@rel='canonical']", "href"), url);
  EXPECT_EQ(doc.AttrOf("//meta[@name='description']", "content"),
            Article().lead);
  EXPECT_EQ(meta("og:type"), "article");
  EXPECT_EQ(meta("og:title"), Article().headline);
  EXPECT_EQ(meta("og:description"), Article().lead);
  EXPECT_EQ(meta("og:url"), url);
  EXPECT_EQ(meta("og:site_name"), "Newsroom");
  EXPECT_EQ(meta("og:image"),
            "https://haber.example.org/media/photos/3/1600.jpg");
  EXPECT_EQ(meta("article:published_time"), "2026-11-26T21:30:00Z");
  EXPECT_EQ(meta("article:modified_time"), "2026-11-27T00:02:36Z");
  EXPECT_EQ(doc.AttrOf("//meta[@name='twitter:card']", "content"),
            "summary_large_image");

  xmlNodePtr script = doc.One("//script[@type='application/ld+json']");
  ASSERT_NE(script, nullptr);
  nlohmann::json ld = nlohmann::json::parse(Text(script), nullptr, false);
  ASSERT_FALSE(ld.is_discarded()) << Text(script);
  EXPECT_EQ(ld["@context"], "https://schema.org");
  EXPECT_EQ(ld["@type"], "NewsArticle");
  EXPECT_EQ(ld["headline"], Article().headline);
  EXPECT_EQ(ld["datePublished"], "2026-11-26T21:30:00Z");
  EXPECT_EQ(ld["dateModified"], "2026-11-27T00:02:36Z");
  EXPECT_EQ(ld["author"]["@type"], "Person");
  EXPECT_EQ(ld["author"]["name"], "Elif Şahin");
  EXPECT_EQ(ld["publisher"]["@type"], "NewsMediaOrganization");
  EXPECT_EQ(ld["publisher"]["name"], "Newsroom");
  EXPECT_EQ(ld["publisher"]["url"], "https://haber.example.org/");
  EXPECT_EQ(ld["publisher"]["logo"]["url"],
            "https://haber.example.org/assets/logo.png");
  EXPECT_EQ(ld["publisher"]["logo"]["width"], 512);
  EXPECT_EQ(ld["inLanguage"], "tr");
  EXPECT_EQ(ld["mainEntityOfPage"]["@id"], url);
  ASSERT_TRUE(ld["image"].is_array());
  ASSERT_EQ(ld["image"].size(), 4u);
  for (const nlohmann::json& image : ld["image"]) {
    EXPECT_TRUE(absl::StartsWith(image.get<std::string>(),
                                 "https://haber.example.org/media/photos/3/"))
        << image;
  }
}

TEST(ArticlePageTest, JsonLdOffersTheCropsAndTheDeskAsAuthor) {
  ArticlePage page = Page();
  page.photo->crops = {{"16x9", {"/media/photos/3/16x9.jpg", 1200, 675}},
                       {"4x3", {"/media/photos/3/4x3.jpg", 1200, 900}},
                       {"1x1", {"/media/photos/3/1x1.jpg", 1200, 1200}}};
  for (const std::string author : {"", "Newsroom Haber Merkezi"}) {
    page.article.author = author;
    Doc doc = Doc::Html(RenderArticlePage(Info(), page));
    nlohmann::json ld = nlohmann::json::parse(
        doc.TextOf("//script[@type='application/ld+json']"), nullptr, false);
    EXPECT_EQ(
        ld["image"],
        nlohmann::json({"https://haber.example.org/media/photos/3/16x9.jpg",
                        "https://haber.example.org/media/photos/3/4x3.jpg",
                        "https://haber.example.org/media/photos/3/1x1.jpg"}));
    EXPECT_EQ(ld["author"]["@type"], "Organization") << author;
    EXPECT_EQ(ld["author"]["name"], "Newsroom Haber Merkezi");
  }
}

TEST(ArticlePageTest, JsonLdCannotBeClosedByTheHeadline) {
  const char* headlines[] = {
      "</script><script>alert(1)</script>",
      "</SCRIPT ><img src=x onerror=alert(1)>",
      "<!-- <script> & \u2028 \"quoted\"",
      "ill-formed \xFF\xFE byte",
  };
  for (const char* headline : headlines) {
    ArticlePage page = Page();
    page.article.headline = headline;
    page.article.author = headline;
    const std::string html = RenderArticlePage(Info(), page);
    ExpectInert(html, Info(), headline);
    // The JSON-LD holds no '<' at all, so nothing in it can end the element.
    const size_t open = html.find("<script type=\"application/ld+json\">");
    ASSERT_NE(open, std::string::npos);
    const size_t body = open + strlen("<script type=\"application/ld+json\">");
    const size_t close = html.find("</script>", body);
    ASSERT_NE(close, std::string::npos);
    const std::string json = html.substr(body, close - body);
    EXPECT_EQ(json.find('<'), std::string::npos) << json;
    EXPECT_EQ(json.find('>'), std::string::npos) << json;
    nlohmann::json ld = nlohmann::json::parse(json, nullptr, false);
    ASSERT_FALSE(ld.is_discarded()) << json;
    if (absl::StrContains(headline, "ill-formed")) {
      EXPECT_THAT(ld["headline"].get<std::string>(), HasSubstr("ill-formed"));
    } else {
      EXPECT_EQ(ld["headline"], headline);
    }
  }
}

TEST(ArticlePageTest, PayloadsInEveryFieldComeOutInert) {
  const SiteInfo info = Info();
  for (const char* payload : kPayloads) {
    const std::string p = payload;
    struct Field {
      const char* name;
      std::function<void(ArticlePage&)> set;
    };
    const Field fields[] = {
        {"headline", [&](ArticlePage& a) { a.article.headline = p; }},
        {"lead", [&](ArticlePage& a) { a.article.lead = p; }},
        {"body", [&](ArticlePage& a) { a.article.body = p + "\n\n" + p; }},
        {"source", [&](ArticlePage& a) { a.article.source = p; }},
        {"author", [&](ArticlePage& a) { a.article.author = p; }},
        {"caption", [&](ArticlePage& a) { a.photo->caption = p; }},
        {"credit", [&](ArticlePage& a) { a.photo->credit = p; }},
        {"comment text",
         [&](ArticlePage& a) {
           a.comments = {MakeComment(1, std::nullopt, Utc(2026, 11, 27, 8, 0),
                                     "Okur", p)};
         }},
        {"comment author",
         [&](ArticlePage& a) {
           a.comments = {MakeComment(1, std::nullopt, Utc(2026, 11, 27, 8, 0),
                                     p, "Güzel.")};
           a.reply_to = 1;
         }},
        {"csrf token", [&](ArticlePage& a) { a.csrf_token = p; }},
        {"notice",
         [&](ArticlePage& a) {
           a.notice = FormNotice{"rejected", p, p, p};
         }},
        {"notice status",
         [&](ArticlePage& a) {
           a.notice = FormNotice{p, "", "", ""};
         }},
    };
    for (const Field& f : fields) {
      ArticlePage page = Page();
      f.set(page);
      const std::string html = RenderArticlePage(info, page);
      ExpectInert(html, info, absl::StrCat(f.name, ": ", p));
    }
  }
}

TEST(ArticlePageTest, EscapedTextReadsBackAsTyped) {
  ArticlePage page = Page();
  const std::string typed = "<b>İyi</b> & \"kötü\" 'haber'";
  page.article.headline = typed;
  page.comments = {MakeComment(1, std::nullopt, Utc(2026, 11, 27, 8, 0), typed,
                               typed + "\nikinci satır")};
  Doc doc = Doc::Html(RenderArticlePage(Info(), page));
  EXPECT_EQ(doc.TextOf("//h1"), typed);
  EXPECT_EQ(doc.TextOf("//span[@class='comment-author']"), typed);
  xmlNodePtr text = doc.One("//p[@class='comment-text']");
  ASSERT_NE(text, nullptr);
  EXPECT_EQ(Text(text), typed + "ikinci satır");
  EXPECT_EQ(doc.Count("//p[@class='comment-text']/br"), 1u);
  EXPECT_EQ(doc.Count("//h1/b"), 0u);
}

// Top-level comment ids in page order, each with its replies:
// "5 2(6) 1(3,4)".
std::string Threads(const Doc& doc) {
  std::vector<std::string> out;
  for (xmlNodePtr li : doc.Query("//ol[@class='comment-list']/li")) {
    std::string s = Attr(li, "data-comment-id");
    std::vector<std::string> replies;
    for (xmlNodePtr child = li->children; child != nullptr;
         child = child->next) {
      if (child->type != XML_ELEMENT_NODE || Name(child) != "ol") continue;
      for (xmlNodePtr r = child->children; r != nullptr; r = r->next) {
        if (r->type == XML_ELEMENT_NODE && Name(r) == "li") {
          replies.push_back(Attr(r, "data-comment-id"));
        }
      }
    }
    if (!replies.empty())
      absl::StrAppend(&s, "(", absl::StrJoin(replies, ","), ")");
    out.push_back(s);
  }
  return absl::StrJoin(out, " ");
}

TEST(ArticlePageTest, ThreadsCommentsOneLevelDeepInEitherOrder) {
  ArticlePage page = Page();
  // 3 answers 1; 4 answers 3 (a reply to a reply); 6 answers 2; 5 answers
  // a comment that is not approved; 7 and 8 name each other as parent.
  page.comments = {
      MakeComment(4, 3, Utc(2026, 11, 27, 10, 0)),
      MakeComment(1, std::nullopt, Utc(2026, 11, 27, 6, 0)),
      MakeComment(6, 2, Utc(2026, 11, 27, 7, 30)),
      MakeComment(3, 1, Utc(2026, 11, 27, 9, 0)),
      MakeComment(2, std::nullopt, Utc(2026, 11, 27, 7, 0)),
      MakeComment(5, 99, Utc(2026, 11, 27, 11, 0)),
      MakeComment(7, 8, Utc(2026, 11, 27, 5, 0)),
      MakeComment(8, 7, Utc(2026, 11, 27, 5, 30)),
  };
  struct Case {
    CommentOrder order;
    std::string want;
  };
  const Case cases[] = {
      {CommentOrder::kNewestFirst, "5 2(6) 1(3,4) 7(8)"},
      {CommentOrder::kOldestFirst, "7(8) 1(3,4) 2(6) 5"},
  };
  for (const Case& c : cases) {
    page.order = c.order;
    Doc doc = Doc::Html(RenderArticlePage(Info(), page));
    EXPECT_EQ(Threads(doc), c.want);
    EXPECT_EQ(doc.Count("//li[@class='comment']"), 8u);
    // Only replies to replies say whom they answer.
    EXPECT_EQ(
        doc.AttrOf("//li[@id='comment-4']//p[@class='in-reply-to']/a", "href"),
        "#comment-3");
    EXPECT_EQ(doc.Count("//li[@id='comment-3']//p[@class='in-reply-to']"), 0u);
    EXPECT_THAT(doc.TextOf("//h2[@id='comments-title']"), HasSubstr("(8)"));
  }
}

// A window of the article's comments: the heading counts them all, and a
// plain link leads on to the next window in the same order.
TEST(ArticlePageTest, AWindowCountsEveryCommentAndLinksToTheNext) {
  const std::string path = "/news/kadikoy-kutuphanesi-yeniden-acildi";
  struct Case {
    Lang lang;
    CommentOrder order;
    std::string href;
    std::string text;
    std::string more;
  };
  const Case cases[] = {
      {Lang::kTr, CommentOrder::kNewestFirst, path + "?cursor=1#comments",
       "Daha eski yorumlar", "2 yanıt daha gösterilmiyor."},
      {Lang::kTr, CommentOrder::kOldestFirst,
       path + "?order=oldest&cursor=1#comments", "Daha yeni yorumlar",
       "2 yanıt daha gösterilmiyor."},
      {Lang::kEn, CommentOrder::kNewestFirst, path + "?cursor=1#comments",
       "Older comments", "2 more replies are not shown."},
      {Lang::kEn, CommentOrder::kOldestFirst,
       path + "?order=oldest&cursor=1#comments", "Newer comments",
       "2 more replies are not shown."},
  };
  for (const Case& c : cases) {
    ArticlePage page = Page();
    page.order = c.order;
    page.comments = {MakeComment(2, std::nullopt, Utc(2026, 11, 27, 7, 0)),
                     MakeComment(3, 2, Utc(2026, 11, 27, 8, 0)),
                     MakeComment(1, std::nullopt, Utc(2026, 11, 27, 6, 0))};
    page.comment_total = 120;
    page.more_replies = {{2, 2}};
    page.next_cursor = 1;
    SiteInfo info = Info();
    info.lang = c.lang;
    Doc doc = Doc::Html(RenderArticlePage(info, page));
    EXPECT_THAT(doc.TextOf("//h2[@id='comments-title']"), HasSubstr("(120)"));
    EXPECT_EQ(doc.AttrOf("//a[@class='more-comments']", "href"), c.href);
    EXPECT_EQ(doc.TextOf("//a[@class='more-comments']"), c.text);
    EXPECT_EQ(doc.TextOf("//li[@id='comment-2']/p[@class='more-replies']"),
              c.more);
    EXPECT_EQ(doc.Count("//p[@class='more-replies']"), 1u);

    // The last window links nowhere.
    page.next_cursor.reset();
    Doc last = Doc::Html(RenderArticlePage(info, page));
    EXPECT_EQ(last.Count("//a[@class='more-comments']"), 0u);
  }
}

TEST(ArticlePageTest, OrderToggleLinksMarkTheCurrentOrder) {
  ArticlePage page = Page();
  page.order = CommentOrder::kOldestFirst;
  Doc doc = Doc::Html(RenderArticlePage(Info(), page));
  const std::string path = "/news/kadikoy-kutuphanesi-yeniden-acildi";
  EXPECT_EQ(
      doc.AttrOf("//nav[@class='comment-order']/a[@aria-current]", "href"),
      path + "?order=oldest#comments");
  EXPECT_EQ(doc.Count("//nav[@class='comment-order']/a[@href='" + path +
                      "?order=newest#comments']"),
            1u);
}

TEST(ArticlePageTest, CommentsHaveReplyLinksAndReportForms) {
  ArticlePage page = Page();
  page.comments = {MakeComment(12, std::nullopt, Utc(2026, 11, 27, 8, 0))};
  Doc doc = Doc::Html(RenderArticlePage(Info(), page));
  const std::string path = "/news/kadikoy-kutuphanesi-yeniden-acildi";
  xmlNodePtr reply = doc.One("//li[@id='comment-12']//a[@class='reply-link']");
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(Attr(reply, "href"),
            path + "?order=newest&reply_to=12#comment-form");
  EXPECT_EQ(Attr(reply, "data-reply-to"), "12");
  EXPECT_EQ(Text(reply), "Yanıtla");
  xmlNodePtr report = doc.One("//li[@id='comment-12']//form");
  ASSERT_NE(report, nullptr);
  EXPECT_EQ(Attr(report, "method"), "post");
  EXPECT_EQ(Attr(report, "action"), path + "/comments/12/report");
  EXPECT_EQ(doc.AttrOf("//li[@id='comment-12']//form/input[@name='csrf_token']",
                       "value"),
            "tok123");
  EXPECT_EQ(doc.TextOf("//li[@id='comment-12']//form/button"), "Bildir");
  EXPECT_EQ(doc.AttrOf("//li[@id='comment-12']//time", "datetime"),
            "2026-11-27T08:00:00Z");
}

TEST(ArticlePageTest, CommentFormIsLabelledAndPostsUrlEncoded) {
  const std::string html = RenderArticlePage(Info(), Page());
  Doc doc = Doc::Html(html);
  xmlNodePtr form = doc.One("//form[@id='comment-form']");
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(Attr(form, "method"), "post");
  EXPECT_EQ(Attr(form, "action"),
            "/news/kadikoy-kutuphanesi-yeniden-acildi/comments");
  EXPECT_FALSE(HasAttr(form, "enctype"));  // the default, urlencoded
  EXPECT_EQ(doc.AttrOf("//form[@id='comment-form']/input[@name='csrf_token']",
                       "value"),
            "tok123");
  EXPECT_EQ(doc.AttrOf("//form[@id='comment-form']/input[@name='parent_id']",
                       "value"),
            "");
  // Every field has a label, a limit, and points at the live region.
  for (const char* id : {"comment-author", "comment-text"}) {
    EXPECT_EQ(doc.Count(absl::StrCat("//label[@for='", id, "']")), 1u) << id;
    EXPECT_FALSE(
        doc.AttrOf(absl::StrCat("//*[@id='", id, "']"), "maxlength").empty())
        << id;
  }
  EXPECT_EQ(doc.AttrOf("//input[@id='comment-author']", "name"), "author");
  EXPECT_EQ(doc.AttrOf("//textarea[@id='comment-text']", "name"), "text");
  EXPECT_THAT(doc.AttrOf("//textarea", "aria-describedby"),
              HasSubstr("comment-feedback"));
  xmlNodePtr live = doc.One("//*[@id='comment-feedback']");
  ASSERT_NE(live, nullptr);
  EXPECT_EQ(Attr(live, "role"), "status");
  EXPECT_EQ(Attr(live, "aria-live"), "polite");
  EXPECT_EQ(Text(live), "");
}

TEST(ArticlePageTest, NoticeIsShownAtTheFormAndRefusedDraftKept) {
  struct Case {
    FormNotice notice;
    std::string want_message;
    std::string want_draft;
    std::string want_author;
  };
  const Case cases[] = {
      {{"pending", "", "", ""}, "Yorumunuz moderatör onayı bekliyor.", "", ""},
      {{"approved", "Yorumunuz yayımlandı.", "taslak", "Ayşe"},
       "Yorumunuz yayımlandı.",
       "",
       ""},
      {{"rejected",
        "Yorumunuz büyük harflerle yazılmış.\nYorum politikamız: «… büyük "
        "harflerle yazılmış yorumlar onaylanmamaktadır.»",
        "BU HABER ÇOK GÜZEL OLMUŞ", "Ayşe Yılmaz"},
       "Yorumunuz büyük harflerle yazılmış.Yorum politikamız: «… büyük "
       "harflerle yazılmış yorumlar onaylanmamaktadır.»",
       "BU HABER ÇOK GÜZEL OLMUŞ",
       "Ayşe Yılmaz"},
      {{"error", "Bir sorun oldu.", "yarım kalan yorum", "Can"},
       "Bir sorun oldu.",
       "yarım kalan yorum",
       "Can"},
      {{"reported", "", "", ""}, "Bildiriminiz alındı.", "", ""},
      // A status the page does not know, without a message: a general
      // word, and the draft kept.
      {{"unknown", "", "taslak", "Deniz"},
       "Yorumunuz gönderilemedi.",
       "taslak",
       "Deniz"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.notice.status);
    ArticlePage page = Page();
    page.notice = c.notice;
    Doc doc = Doc::Html(RenderArticlePage(Info(), page));
    xmlNodePtr live = doc.One("//*[@id='comment-feedback']");
    ASSERT_NE(live, nullptr);
    EXPECT_EQ(Attr(live, "role"), "status");
    EXPECT_EQ(Attr(live, "data-status"), c.notice.status);
    EXPECT_EQ(Text(live), c.want_message);
    EXPECT_EQ(doc.AttrOf("//*[@id='comment-feedback']/p", "class"),
              "notice notice-" + c.notice.status);
    EXPECT_EQ(doc.TextOf("//textarea[@id='comment-text']"), c.want_draft);
    EXPECT_EQ(doc.AttrOf("//input[@id='comment-author']", "value"),
              c.want_author);
  }
}

TEST(ArticlePageTest, ReplyToAnApprovedCommentFillsParentId) {
  struct Case {
    std::optional<int64_t> reply_to;
    std::string want_parent;
  };
  const Case cases[] = {
      {12, "12"},
      {99, ""},  // not on the page: the form posts a new comment
      {std::nullopt, ""},
  };
  for (const Case& c : cases) {
    ArticlePage page = Page();
    page.comments = {MakeComment(12, std::nullopt, Utc(2026, 11, 27, 8, 0),
                                 "Mehmet Öztürk")};
    page.reply_to = c.reply_to;
    Doc doc = Doc::Html(RenderArticlePage(Info(), page));
    EXPECT_EQ(doc.AttrOf("//input[@name='parent_id']", "value"), c.want_parent);
    EXPECT_EQ(doc.Count("//p[@class='replying-to']"),
              c.want_parent.empty() ? 0u : 1u);
    if (!c.want_parent.empty()) {
      EXPECT_THAT(doc.TextOf("//p[@class='replying-to']"),
                  HasSubstr("Mehmet Öztürk"));
    }
  }
}

TEST(ArticlePageTest, PolicyIsShownInTheSitesLanguageWithRuleIds) {
  const std::vector<std::string> rules = {
      "insult",   "profanity",        "offensive", "belief_attack",
      "spelling", "no_turkish_chars", "all_caps"};
  for (Lang lang : {Lang::kTr, Lang::kEn}) {
    SiteInfo info = Info();
    info.lang = lang;
    Doc doc = Doc::Html(RenderArticlePage(info, Page()));
    std::vector<xmlNodePtr> paragraphs =
        doc.Query("//section[@class='policy']/p");
    ASSERT_EQ(paragraphs.size(), 1u);
    EXPECT_EQ(Text(paragraphs[0]),
              lang == Lang::kEn ? info.policy_en : info.policy_tr);
    std::vector<std::string> got;
    for (xmlNodePtr span :
         doc.Query("//section[@class='policy']/p/span[@data-rule]")) {
      got.push_back(Attr(span, "data-rule"));
    }
    EXPECT_EQ(got, rules);
  }
  Doc doc = Doc::Html(RenderArticlePage(Info(), Page()));
  EXPECT_EQ(
      doc.TextOf("//section[@class='policy']/p/span[@data-rule='insult']"),
      "Hakaret");
  EXPECT_EQ(
      doc.TextOf("//section[@class='policy']/p/span[@data-rule='all_caps']"),
      "büyük harflerle yazılmış");
}

TEST(ArticlePageTest, EnglishInterfaceWhenAskedFor) {
  SiteInfo info = Info();
  info.lang = Lang::kEn;
  ArticlePage page = Page();
  page.comments = {MakeComment(1, std::nullopt, Utc(2026, 11, 27, 8, 0))};
  const std::string html = RenderArticlePage(info, page);
  Doc doc = Doc::Html(html);
  EXPECT_EQ(doc.AttrOf("/html", "lang"), "en");
  EXPECT_THAT(doc.TextOf("//p[@class='dates']"),
              HasSubstr("Published: 27\u00a0Nov\u00a02026,\u00a000:30"));
  EXPECT_THAT(html, Not(HasSubstr("Yayınlanma")));
  EXPECT_THAT(html, Not(HasSubstr(Info().policy_tr)));
  EXPECT_EQ(doc.TextOf("//a[@class='reply-link']"), "Reply");
  EXPECT_EQ(doc.TextOf("//p[@class='source']"), "Source: Kadıköy Belediyesi");
  // The article itself stays as written.
  EXPECT_EQ(doc.TextOf("//h1"), Article().headline);
}

TEST(ArticlePageTest, TurkishTextIsKeptIntact) {
  ArticlePage page = Page();
  const std::string headline = "İĞNEADA ŞİŞLİ ığdırlı Işık, çöğüş Üç";
  page.article.headline = headline;
  page.comments = {MakeComment(1, std::nullopt, Utc(2026, 11, 27, 8, 0),
                               "Gülşen Işıkoğlu",
                               "Iğdır'dan selamlar, ılık şişe")};
  const std::string html = RenderArticlePage(Info(), page);
  EXPECT_THAT(html, HasSubstr("<h1 id=\"headline\">" + headline + "</h1>"));
  EXPECT_THAT(html, HasSubstr("Gülşen Işıkoğlu"));
  EXPECT_THAT(html, HasSubstr("Iğdır&#39;dan selamlar, ılık şişe"));
  Doc doc = Doc::Html(html);
  EXPECT_EQ(doc.AttrOf("//meta[@property='og:title']", "content"), headline);
  nlohmann::json ld = nlohmann::json::parse(
      doc.TextOf("//script[@type='application/ld+json']"), nullptr, false);
  EXPECT_EQ(ld["headline"], headline);
  // The feed keeps it too.
  store::Article a = Article();
  a.headline = headline;
  Doc feed = Doc::Xml(RenderRss(Info(), {FeedItem{a, {}}}));
  ASSERT_TRUE(feed.ok());
  EXPECT_EQ(feed.TextOf("/rss/channel/item/title"), headline);
}

// --- Front page, photo page -------------------------------------------------

TEST(FrontPageTest, ListsArticlesAndLinksTheFeed) {
  store::Article second = Article();
  second.slug = "vapur-hatti";
  second.headline = "Yeni vapur hattı <yarın> açılıyor";
  second.lead = "Seferler sabah 07.00'de başlıyor.";
  const SiteInfo info = Info();
  const std::string html = RenderFrontPage(info, {Article(), second});
  ExpectInert(html, info, "front page");
  Doc doc = Doc::Html(html);
  std::vector<xmlNodePtr> links =
      doc.Query("//ol[@class='article-list']//h2/a");
  ASSERT_EQ(links.size(), 2u);
  EXPECT_EQ(Attr(links[0], "href"), "/news/kadikoy-kutuphanesi-yeniden-acildi");
  EXPECT_EQ(Text(links[1]), "Yeni vapur hattı <yarın> açılıyor");
  EXPECT_EQ(Attr(links[1], "href"), "/news/vapur-hatti");
  EXPECT_EQ(doc.Count("//ol[@class='article-list']//p[@class='lead']"), 2u);
  EXPECT_EQ(doc.Count("//ol[@class='article-list']//time"), 2u);
  EXPECT_GE(doc.Count("//main//a[@href='/rss.xml']"), 1u);
  EXPECT_EQ(doc.Count("//link[@rel='alternate'][@type='application/rss+xml']"),
            1u);
}

TEST(FrontPageTest, SaysSoWhenThereIsNoNews) {
  Doc doc = Doc::Html(RenderFrontPage(Info(), {}));
  EXPECT_EQ(doc.Count("//ol[@class='article-list']"), 0u);
  EXPECT_THAT(doc.TextOf("//main/p[1]"), HasSubstr("Henüz haber yok."));
}

TEST(PhotoPageTest, ShowsThePhotoLargeWithShareLinks) {
  const SiteInfo info = Info();
  const std::string html = RenderPhotoPage(info, Article(), Photo());
  ExpectInert(html, info, "photo page");
  Doc doc = Doc::Html(html);
  EXPECT_EQ(doc.AttrOf("//figure/img", "alt"), Photo().caption);
  EXPECT_EQ(doc.TextOf("//figure/figcaption/span[@class='credit']"),
            "Fotoğraf: Newsroom");
  EXPECT_EQ(doc.AttrOf("//p[@class='back']/a", "href"),
            "/news/kadikoy-kutuphanesi-yeniden-acildi");
  const std::string page_url =
      "https://haber.example.org/news/kadikoy-kutuphanesi-yeniden-acildi/photo";
  const std::string encoded =
      "https%3A%2F%2Fhaber.example.org%2Fnews%2Fkadikoy-kutuphanesi-yeniden-"
      "acildi%2Fphoto";
  EXPECT_EQ(doc.AttrOf("//link[@rel='canonical']", "href"), page_url);
  EXPECT_EQ(doc.AttrOf("//meta[@property='og:image']", "content"),
            "https://haber.example.org/media/photos/3/1600.jpg");
  std::map<std::string, std::string> share;
  for (xmlNodePtr a : doc.Query("//ul[@class='share-links']//a")) {
    share[Attr(a, "data-share-via")] = Attr(a, "href");
  }
  ASSERT_EQ(share.size(), 4u);
  EXPECT_TRUE(absl::StartsWith(share["email"], "mailto:?subject="));
  EXPECT_TRUE(
      absl::StartsWith(share["x"], "https://twitter.com/intent/tweet?"));
  EXPECT_TRUE(absl::StartsWith(
      share["facebook"], "https://www.facebook.com/sharer/sharer.php?u="));
  EXPECT_TRUE(absl::StartsWith(share["whatsapp"], "https://wa.me/?text="));
  for (const auto& [via, href] : share) {
    EXPECT_THAT(href, HasSubstr(encoded)) << via;
  }
  // The headline is percent-encoded as UTF-8 ("Kadıköy" → Kad%C4%B1k%C3%B6y).
  EXPECT_THAT(share["x"], HasSubstr("text=Kad%C4%B1k%C3%B6y%27%C3%BCn"));
  xmlNodePtr copy = doc.One("//button[@data-copy-link]");
  ASSERT_NE(copy, nullptr);
  EXPECT_EQ(Attr(copy, "data-copy-link"), page_url);
  EXPECT_TRUE(HasAttr(copy, "hidden"));  // works only with the script
  EXPECT_EQ(doc.AttrOf("//input[@id='share-url']", "value"), page_url);
}

TEST(PhotoPageTest, PayloadsInCaptionAndHeadlineComeOutInert) {
  const SiteInfo info = Info();
  for (const char* payload : kPayloads) {
    store::Article a = Article();
    a.headline = payload;
    PhotoView p = Photo();
    p.caption = payload;
    p.credit = payload;
    ExpectInert(RenderPhotoPage(info, a, p), info, payload);
  }
}

// --- RSS
// ------------------------------------------------------------------------

TEST(RssTest, IsWellFormedRss2WithAbsoluteLinks) {
  store::Article second = Article();
  second.slug = "vapur-hatti";
  second.headline = "Vapur & otobüs: <yeni> \"hat\" 'açıldı'";
  second.lead = "</description><script>alert(1)</script>]]>";
  second.published_at = Utc(2026, 11, 27, 0, 2, 36);
  second.updated_at = Utc(2026, 11, 28, 9, 0);
  FeedItem with_photo{Article(), FeedItem::Enclosure{"/media/photos/3/800.jpg",
                                                     48213, "image/jpeg"}};
  const std::string xml = RenderRss(Info(), {FeedItem{second, {}}, with_photo});
  Doc doc = Doc::Xml(xml);
  ASSERT_TRUE(doc.ok()) << xml;
  EXPECT_EQ(doc.AttrOf("/rss", "version"), "2.0");
  EXPECT_EQ(doc.TextOf("/rss/channel/title"), "Newsroom");
  EXPECT_EQ(doc.TextOf("/rss/channel/link"), "https://haber.example.org/");
  EXPECT_FALSE(doc.TextOf("/rss/channel/description").empty());
  EXPECT_EQ(doc.AttrOf("/rss/channel/atom:link", "href"),
            "https://haber.example.org/rss.xml");
  EXPECT_EQ(doc.TextOf("/rss/channel/lastBuildDate"),
            "Sat, 28 Nov 2026 09:00:00 +0000");
  ASSERT_EQ(doc.Count("/rss/channel/item"), 2u);
  EXPECT_EQ(doc.TextOf("/rss/channel/item[1]/title"), second.headline);
  EXPECT_EQ(doc.TextOf("/rss/channel/item[1]/description"), second.lead);
  EXPECT_EQ(doc.TextOf("/rss/channel/item[1]/link"),
            "https://haber.example.org/news/vapur-hatti");
  EXPECT_EQ(doc.TextOf("/rss/channel/item[1]/guid"),
            "https://haber.example.org/news/vapur-hatti");
  EXPECT_EQ(doc.AttrOf("/rss/channel/item[1]/guid", "isPermaLink"), "true");
  EXPECT_EQ(doc.TextOf("/rss/channel/item[1]/pubDate"),
            "Fri, 27 Nov 2026 00:02:36 +0000");
  EXPECT_EQ(doc.TextOf("/rss/channel/item[2]/pubDate"),
            "Thu, 26 Nov 2026 21:30:00 +0000");
  EXPECT_EQ(doc.Count("/rss/channel/item[1]/enclosure"), 0u);
  EXPECT_EQ(doc.AttrOf("/rss/channel/item[2]/enclosure", "url"),
            "https://haber.example.org/media/photos/3/800.jpg");
  EXPECT_EQ(doc.AttrOf("/rss/channel/item[2]/enclosure", "length"), "48213");
  EXPECT_EQ(doc.AttrOf("/rss/channel/item[2]/enclosure", "type"), "image/jpeg");
  EXPECT_EQ(doc.Count("//script"), 0u);
}

TEST(SitemapTest, ListsPublishedArticlesAndTheNewsOfTwoDays) {
  store::Article old_one = Article();
  old_one.slug = "eski-haber";
  old_one.published_at = Utc(2026, 11, 20, 9, 0);
  store::Article draft = Article();
  draft.slug = "taslak";
  draft.published = false;
  const std::vector<store::Article> articles = {Article(), old_one, draft};
  Doc map = Doc::Xml(RenderSitemap(Info(), articles));
  ASSERT_TRUE(map.ok());
  std::vector<std::string> locs;
  for (xmlNodePtr n : map.Query("//*[local-name()='loc']"))
    locs.push_back(Text(n));
  EXPECT_EQ(locs, (std::vector<std::string>{
                      "https://haber.example.org/",
                      "https://haber.example.org/news/"
                      "kadikoy-kutuphanesi-yeniden-acildi",
                      "https://haber.example.org/news/eski-haber"}));
  const std::string news =
      RenderNewsSitemap(Info(), articles, Utc(2026, 11, 27, 12, 0));
  Doc doc = Doc::Xml(news);
  ASSERT_TRUE(doc.ok()) << news;
  EXPECT_EQ(doc.Count("//*[local-name()='url']"), 1u);
  EXPECT_EQ(doc.TextOf("//*[local-name()='publication_date']"),
            "2026-11-26T21:30:00Z");
  EXPECT_EQ(doc.TextOf("//*[local-name()='language']"), "tr");
  EXPECT_EQ(doc.TextOf("//*[local-name()='title']"), Article().headline);
  const std::string robots = RenderRobots(Info());
  EXPECT_THAT(robots, HasSubstr("Disallow: /desk\n"));
  EXPECT_THAT(
      robots,
      HasSubstr("Sitemap: https://haber.example.org/news-sitemap.xml\n"));
}

TEST(RssTest, StaysWellFormedWithTextXmlForbids) {
  const std::string nasty[] = {
      std::string("kontrol \x01\x08\x0B\x0C\x1F karakterleri"),
      std::string("nul \0 bayt", 10),
      "geçersiz \xC3\x28 UTF-8 \xFF",
      "<![CDATA[ ]]> <!DOCTYPE x> &amp; &#0;",
  };
  for (const std::string& text : nasty) {
    store::Article a = Article();
    a.headline = text;
    a.lead = text;
    const std::string xml = RenderRss(Info(), {FeedItem{a, {}}});
    Doc doc = Doc::Xml(xml);
    EXPECT_TRUE(doc.ok()) << xml;
  }
}

TEST(RssTest, EmptyFeedIsWellFormed) {
  Doc doc = Doc::Xml(RenderRss(Info(), {}));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc.Count("/rss/channel/item"), 0u);
  EXPECT_EQ(doc.Count("/rss/channel/lastBuildDate"), 0u);
  EXPECT_EQ(doc.TextOf("/rss/channel/language"), "tr");
}

// --- Moderation
// ------------------------------------------------------------------

store::QueueItem QueueEntry(int64_t id, std::string text, std::string verdict) {
  store::QueueItem item;
  item.comment = MakeComment(id, std::nullopt, Utc(2026, 11, 27, 8, 0),
                             "Ahmet Kaya", std::move(text));
  item.comment.status = store::CommentStatus::kPending;
  item.comment.verdict_json = std::move(verdict);
  item.article_slug = "kadikoy-kutuphanesi-yeniden-acildi";
  item.article_headline = "Kadıköy'ün tarihi kütüphanesi yeniden açıldı";
  return item;
}

ModerationPage Moderation() {
  ModerationPage page;
  page.username = "editor";
  page.csrf_token = "csrf-abc";
  page.tab = store::CommentStatus::kPending;
  page.counts = {{store::CommentStatus::kPending, 3},
                 {store::CommentStatus::kRejected, 12},
                 {store::CommentStatus::kApproved, 40}};
  return page;
}

const char kVerdict[] = R"({"decision":"review","language":"tr","rules":[
  {"rule":"no_turkish_chars","violated":true,"score":0.8,"action":"review",
   "spans":[{"start":0,"end":3,"text":"cok"},{"start":4,"end":9,"text":"guzel"}],
   "message":{"tr":"Yorumunuz Türkçe karakterler kullanılmadan yazılmış.",
              "en":"Your comment is written without Turkish characters."},
   "fix":"çok güzel haber"},
  {"rule":"spelling","violated":false,"score":0.3,"action":"reject",
   "spans":[{"start":6,"end":15},{"start":40,"end":90}],
   "message":{"tr":"Yazım hataları var.","en":"Spelling mistakes."}}]})";

TEST(ModerationPageTest, MarksWhatTheRulesFoundAndExplainsThem) {
  ModerationPage page = Moderation();
  page.items = {QueueEntry(21, "cok guzel haber", kVerdict)};
  const SiteInfo info = Info();
  const std::string html = RenderModerationPage(info, page);
  ExpectInert(html, info, "moderation");
  Doc doc = Doc::Html(html);
  std::vector<xmlNodePtr> marks =
      doc.Query("//li[@id='comment-21']//p[@class='comment-text']//mark");
  ASSERT_EQ(marks.size(), 2u);
  EXPECT_EQ(Text(marks[0]), "cok");
  EXPECT_EQ(Attr(marks[0], "data-rule"), "no_turkish_chars");
  // "guzel" [4,9) overlaps the spelling span [6,15), clamped to the text.
  EXPECT_EQ(Text(marks[1]), "guzel haber");
  EXPECT_EQ(Attr(marks[1], "data-rule"), "no_turkish_chars spelling");
  EXPECT_EQ(doc.TextOf("//li[@id='comment-21']//p[@class='comment-text']"),
            "cok guzel haber");
  // One line: the findings as badges, the violated one filled.
  std::vector<xmlNodePtr> badges =
      doc.Query("//li[@id='comment-21']//span[@class='badges']/span");
  ASSERT_EQ(badges.size(), 2u);
  EXPECT_EQ(Attr(badges[0], "class"), "badge violated");
  EXPECT_EQ(Attr(badges[0], "data-rule"), "no_turkish_chars");
  EXPECT_EQ(Text(badges[0]), "Türkçe karakter");
  EXPECT_EQ(Attr(badges[1], "class"), "badge");
  EXPECT_EQ(Text(badges[1]), "Yazım (eşiğin altında)");
  // The reasons are folded away under the line.
  EXPECT_EQ(doc.Count("//li[@id='comment-21']/details[@class='why']//"
                      "ul[@class='findings']"),
            1u);

  std::vector<xmlNodePtr> findings = doc.Query("//li[@data-rule]");
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(Attr(findings[0], "data-rule"), "no_turkish_chars");
  EXPECT_EQ(Attr(findings[0], "class"), "finding violated");
  EXPECT_EQ(Attr(findings[1], "class"), "finding");
  const std::string first = Text(findings[0]);
  EXPECT_THAT(first, HasSubstr("0.80"));
  EXPECT_THAT(first, HasSubstr("Türkçe karakter kullanılmayan"));
  EXPECT_THAT(first, HasSubstr("Yorumunuz Türkçe karakterler kullanılmadan"));
  // Moderators read the messages in the site's language only.
  EXPECT_THAT(first, Not(HasSubstr("Your comment is written without Turkish")));
  EXPECT_THAT(first, HasSubstr("çok güzel haber"));
  // A violation says what it does; a score below the threshold says it did
  // not count (never "below threshold … reject").
  EXPECT_THAT(first, HasSubstr("ihlal → moderatöre"));
  const std::string second = Text(findings[1]);
  EXPECT_THAT(second, HasSubstr("eşiğin altında, sayılmadı"));
  EXPECT_THAT(second, Not(HasSubstr("ret")));
}

TEST(ModerationPageTest, UnreadableVerdictShowsThePlainText) {
  const char* verdicts[] = {"", "{not json", "[]", "{\"rules\":\"x\"}", "null"};
  for (const char* verdict : verdicts) {
    ModerationPage page = Moderation();
    page.items = {QueueEntry(5, "Haber <güzel> ama eksik", verdict)};
    const std::string html = RenderModerationPage(Info(), page);
    ExpectInert(html, Info(), verdict);
    Doc doc = Doc::Html(html);
    EXPECT_EQ(doc.Count("//mark"), 0u) << verdict;
    EXPECT_EQ(doc.TextOf("//li[@id='comment-5']//p[@class='comment-text']"),
              "Haber <güzel> ama eksik");
    EXPECT_EQ(doc.Count("//p[contains(@class, 'verdict-missing')]"), 1u);
    // It can still be decided.
    EXPECT_EQ(doc.Count("//li[@id='comment-5']//button[@name='approve' or "
                        "@name='reject']"),
              2u);
  }
}

TEST(ModerationPageTest, TabsCountsAndRuleFilter) {
  ModerationPage page = Moderation();
  page.tab = store::CommentStatus::kRejected;
  page.rule_filter = "all_caps";
  Doc doc = Doc::Html(RenderModerationPage(Info(), page));
  std::vector<xmlNodePtr> tabs = doc.Query("//nav[@class='tabs']//a");
  ASSERT_EQ(tabs.size(), 4u);
  std::vector<std::string> got;
  for (xmlNodePtr a : tabs) {
    got.push_back(absl::StrCat(Attr(a, "href"), " ", Text(a)));
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{
                "/moderation?status=pending&rule=all_caps Bekleyen (3)",
                "/moderation?status=reported&rule=all_caps Bildirilen (0)",
                "/moderation?status=rejected&rule=all_caps Reddedilen (12)",
                "/moderation?status=approved&rule=all_caps Onaylanan (40)"}));
  EXPECT_EQ(doc.AttrOf("//nav[@class='tabs']//a[@aria-current='page']",
                       "data-status"),
            "rejected");
  xmlNodePtr form = doc.One("//form[@class='queue-filter']");
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(Attr(form, "method"), "get");
  EXPECT_EQ(doc.AttrOf("//form[@class='queue-filter']/input[@name='status']",
                       "value"),
            "rejected");
  // Short labels keep the menu narrow on a phone.
  EXPECT_EQ(doc.TextOf("//select[@name='rule']/option[@value='belief_attack']"),
            "İnançlara saldırı");
  EXPECT_EQ(doc.Count("//label[@for='rule-filter']"), 1u);
  EXPECT_EQ(doc.Count("//select[@name='rule']/option"), 8u);
  EXPECT_EQ(doc.AttrOf("//select[@name='rule']/option[@selected]", "value"),
            "all_caps");
  EXPECT_EQ(doc.Count("//p[@class='empty']"), 1u);
}

TEST(ModerationPageTest, OneFormDecidesManyOrOneWithTheExpectedStatus) {
  struct Case {
    store::CommentStatus tab;
    std::vector<std::string> buttons;  // each comment's own
    std::string expected;
  };
  const Case cases[] = {
      {store::CommentStatus::kPending, {"approve", "reject"}, "pending"},
      {store::CommentStatus::kReported, {"approve", "reject"}, "reported"},
      {store::CommentStatus::kRejected, {"approve"}, "rejected"},
      {store::CommentStatus::kApproved, {"reject"}, "approved"},
  };
  for (const Case& c : cases) {
    ModerationPage page = Moderation();
    page.tab = c.tab;
    page.items = {QueueEntry(33, "Yorum metni", kVerdict),
                  QueueEntry(34, "Başka yorum", kVerdict)};
    Doc doc = Doc::Html(RenderModerationPage(Info(), page));
    xmlNodePtr form = doc.One("//form[@id='queue-form']");
    ASSERT_NE(form, nullptr);
    EXPECT_EQ(Attr(form, "method"), "post");
    EXPECT_EQ(Attr(form, "action"), "/moderation/decide");
    EXPECT_EQ(doc.AttrOf("//form[@id='queue-form']/input[@name='csrf_token']",
                         "value"),
              "csrf-abc");
    EXPECT_EQ(
        doc.AttrOf("//form[@id='queue-form']/input[@name='expected']", "value"),
        c.expected);
    // A checkbox per comment, labelled, inside the form.
    std::vector<xmlNodePtr> boxes = doc.Query(
        "//form[@id='queue-form']//input[@type='checkbox'][@name='id']");
    ASSERT_EQ(boxes.size(), 2u);
    EXPECT_EQ(Attr(boxes[0], "value"), "33");
    EXPECT_FALSE(Attr(boxes[0], "aria-labelledby").empty());
    std::vector<std::string> buttons;
    for (xmlNodePtr b : doc.Query("//li[@id='comment-33']//button")) {
      EXPECT_EQ(Attr(b, "value"), "33");
      buttons.push_back(Attr(b, "name"));
    }
    EXPECT_EQ(buttons, c.buttons) << c.expected;
    // The bulk buttons, and the reasons for a rejection from the clauses.
    EXPECT_EQ(doc.Count("//div[@class='bulk']/button[@name='decision']"),
              c.buttons.size());
    if (c.tab != store::CommentStatus::kRejected) {
      EXPECT_EQ(doc.Count("//select[@name='reason']/option"), 8u);
      EXPECT_EQ(doc.AttrOf("//select[@name='reason']/option[2]", "value"),
                "insult");
    }
  }
}

TEST(ModerationPageTest, CountsPerDayAndRuleAndTheNextPage) {
  ModerationPage page = Moderation();
  page.items = {QueueEntry(33, "Yorum metni", kVerdict)};
  page.next_after = 33;
  page.search = "vapur";
  page.day_counts = {{absl::CivilDay(2026, 11, 27), "", 40},
                     {absl::CivilDay(2026, 11, 27), "all_caps", 7},
                     {absl::CivilDay(2026, 11, 28), "", 12}};
  Doc doc = Doc::Html(RenderModerationPage(Info(), page));
  std::vector<xmlNodePtr> rows =
      doc.Query("//details[@class='counts']//tbody/tr");
  ASSERT_EQ(rows.size(), 2u);  // newest day first
  EXPECT_THAT(Text(rows[0]), StartsWith("2026-11-2812"));
  EXPECT_EQ(doc.Count("//details[@class='counts']//thead/tr/th"), 2u + 7u);
  std::vector<xmlNodePtr> cells =
      doc.Query("//details[@class='counts']//tbody/tr[2]/td");
  ASSERT_EQ(cells.size(), 8u);
  EXPECT_EQ(Text(cells[0]), "40");
  EXPECT_EQ(Text(cells[7]), "7");  // all_caps is the last rule
  EXPECT_EQ(doc.AttrOf("//p[@class='more']/a", "href"),
            "/moderation?status=pending&q=vapur&after=33");
  // The filters are kept in the tabs too.
  EXPECT_EQ(
      doc.AttrOf("//nav[@class='tabs']//a[@data-status='approved']", "href"),
      "/moderation?status=approved&q=vapur");
}

TEST(ModerationPageTest, TheThreadMarksTheCommentAskedAbout) {
  ThreadPage page;
  page.username = "deniz";
  page.csrf_token = "t";
  page.article_slug = "kadikoy-kutuphanesi-yeniden-acildi";
  page.article_headline = "Kadıköy'ün tarihi kütüphanesi yeniden açıldı";
  page.focus = 3;
  page.comments = {
      MakeComment(1, std::nullopt, Utc(2026, 11, 27, 8, 0)),
      MakeComment(2, 1, Utc(2026, 11, 27, 8, 5)),
      MakeComment(3, 2, Utc(2026, 11, 27, 8, 9), "Can", "<b>bekliyor</b>")};
  page.comments[2].status = store::CommentStatus::kPending;
  const std::string html = RenderThreadPage(Info(), page);
  ExpectInert(html, Info(), "thread");
  Doc doc = Doc::Html(html);
  std::vector<std::string> depths;
  for (xmlNodePtr li : doc.Query("//ol[@class='thread']/li")) {
    depths.push_back(Attr(li, "data-depth"));
  }
  EXPECT_EQ(depths, (std::vector<std::string>{"0", "1", "2"}));
  EXPECT_EQ(doc.AttrOf("//li[@aria-current='true']", "data-comment-id"), "3");
  EXPECT_EQ(doc.TextOf("//li[@aria-current='true']//span[@data-status]"),
            "Bekleyen");
  EXPECT_EQ(doc.TextOf("//li[@aria-current='true']/p[@class='comment-text']"),
            "<b>bekliyor</b>");
}

TEST(ModerationPageTest, AuditLogAndNotice) {
  ModerationPage page = Moderation();
  page.notice = "Karar kaydedildi";
  page.audit = {
      {2, 21, "editor", store::CommentStatus::kPending,
       store::CommentStatus::kApproved, Utc(2026, 11, 27, 22, 0), ""},
      {1, 21, "engine", std::nullopt, store::CommentStatus::kPending,
       Utc(2026, 11, 27, 21, 0), ""},
  };
  Doc doc = Doc::Html(RenderModerationPage(Info(), page));
  EXPECT_EQ(doc.TextOf("//p[@class='notice']"), "Karar kaydedildi");
  EXPECT_EQ(doc.AttrOf("//p[@class='notice']", "role"), "status");
  std::vector<xmlNodePtr> rows =
      doc.Query("//details[@class='audit']//tbody/tr");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(Text(rows[0]),
            "editor#21Bekleyen → Onaylanan28.11.2026\u00a001:00");
  EXPECT_EQ(Text(rows[1]),
            "engine#21gönderildi → Bekleyen28.11.2026\u00a000:00");
  EXPECT_EQ(doc.Count("//details[@class='audit']//th[@scope='col']"), 4u);
  // Signing out is a form with the session's csrf token.
  EXPECT_EQ(doc.AttrOf("//form[@action='/logout']/input[@name='csrf_token']",
                       "value"),
            "csrf-abc");
}

TEST(ModerationPageTest, PayloadsComeOutInert) {
  const SiteInfo info = Info();
  for (const char* payload : kPayloads) {
    const std::string p = payload;
    nlohmann::json verdict = {{"decision", p},
                              {"language", p},
                              {"rules",
                               {{{"rule", p},
                                 {"violated", true},
                                 {"score", 1},
                                 {"action", p},
                                 {"spans", {{{"start", 0}, {"end", 4}}}},
                                 {"message", {{"tr", p}, {"en", p}}},
                                 {"fix", p}}}}};
    ModerationPage page = Moderation();
    page.username = p;
    page.notice = p;
    page.csrf_token = p;
    page.rule_filter = p;
    store::QueueItem item = QueueEntry(9, p, verdict.dump());
    item.comment.author = p;
    item.article_headline = p;
    item.article_slug = p;
    page.items = {item};
    page.audit = {{1, 9, p, std::nullopt, store::CommentStatus::kPending,
                   Utc(2026, 11, 27, 8, 0), p}};
    const std::string html = RenderModerationPage(info, page);
    ExpectInert(html, info, p);
    Doc doc = Doc::Html(html);
    EXPECT_EQ(doc.TextOf("//p[@class='comment-text']"), p);
    EXPECT_EQ(doc.Count("//p[@class='comment-text']//mark"), 1u);
  }
}

// --- The editors' desk
// --------------------------------------------------------------

TEST(DeskPageTest, ListsDraftsAndPublishedArticlesWithTheirComments) {
  DeskPage page;
  page.username = "elif";
  page.csrf_token = "t";
  store::ArticleSummary published{Article(), 12, 3, 1};
  store::Article draft = Article();
  draft.id = 8;
  draft.slug = "taslak";
  draft.headline = "Taslak <haber>";
  draft.published = false;
  draft.published_at = absl::UnixEpoch();
  store::Article withdrawn = Article();
  withdrawn.id = 9;
  withdrawn.published = false;
  withdrawn.comments_closed = true;
  page.articles = {published, {draft, 0, 0, 0}, {withdrawn, 4, 0, 0}};
  const std::string html = RenderDeskPage(Info(), page);
  ExpectInert(html, Info(), "desk");
  Doc doc = Doc::Html(html);
  std::vector<std::string> states;
  for (xmlNodePtr tr : doc.Query("//table[@class='desk-list']/tbody/tr")) {
    states.push_back(Attr(tr, "data-state"));
  }
  EXPECT_EQ(states,
            (std::vector<std::string>{"published", "draft", "withdrawn"}));
  EXPECT_EQ(doc.AttrOf("//tr[@data-article-id='8']//th/a", "href"),
            "/desk/articles/8");
  EXPECT_EQ(doc.TextOf("//tr[@data-article-id='8']//th/a"), "Taslak <haber>");
  EXPECT_EQ(doc.Count("//tr[@data-article-id='8']//a[@class='view']"), 0u);
  EXPECT_EQ(doc.AttrOf("//tr[@data-article-id='7']//td/a", "href"),
            "/moderation?article=7");
  EXPECT_EQ(doc.TextOf("//tr[@data-article-id='7']/td[2]"), "12");
  EXPECT_THAT(doc.TextOf("//tr[@data-article-id='9']/td[1]"),
              HasSubstr("yorumlar kapalı"));
  EXPECT_EQ(doc.AttrOf("//meta[@name='robots']", "content"), "noindex");
  EXPECT_EQ(doc.AttrOf("//a[@href='/desk/new']", "class"), "button");
}

TEST(DeskPageTest, TheEditorIsOneMultipartFormWithEveryField) {
  ArticleEditor editor;
  editor.username = "elif";
  editor.csrf_token = "csrf-1";
  editor.stored = Article();
  editor.fields = Article();
  editor.photo = Photo();
  editor.log = {
      {2, 7, "elif", store::ArticleAction::kUpdated, Utc(2026, 11, 27, 9, 0)},
      {1, 7, "deniz", store::ArticleAction::kPublished,
       Utc(2026, 11, 27, 8, 0)}};
  const std::string html = RenderArticleEditor(Info(), editor);
  ExpectInert(html, Info(), "editor");
  Doc doc = Doc::Html(html);
  xmlNodePtr form = doc.One("//form[@data-article-editor]");
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(Attr(form, "action"), "/desk/articles/7");
  EXPECT_EQ(Attr(form, "enctype"), "multipart/form-data");
  for (const char* name : {"headline", "lead", "body", "source", "photo",
                           "photo_caption", "photo_credit", "slug"}) {
    xmlNodePtr field = doc.One(std::string("//*[@name='") + name + "']");
    ASSERT_NE(field, nullptr) << name;
    // Every field has its label.
    EXPECT_EQ(doc.Count("//label[@for='" + Attr(field, "id") + "']"), 1u)
        << name;
  }
  EXPECT_TRUE(HasAttr(doc.One("//input[@name='slug']"), "readonly"));
  // (The session bar's log-out form has a token of its own.)
  EXPECT_EQ(
      doc.AttrOf("//form[@data-article-editor]//input[@name='csrf_token']",
                 "value"),
      "csrf-1");
  std::vector<std::string> actions;
  for (xmlNodePtr b : doc.Query("//div[@class='editor-actions']/button")) {
    actions.push_back(Attr(b, "value"));
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"save", "preview", "unpublish",
                                               "close_comments"}));
  EXPECT_EQ(doc.AttrOf("//button[@value='preview']", "formaction"),
            "/desk/preview");
  EXPECT_EQ(doc.AttrOf("//time[@class='published']", "datetime"),
            "2026-11-26T21:30:00Z");
  EXPECT_EQ(doc.AttrOf("//time[@class='updated']", "datetime"),
            "2026-11-27T00:02:36Z");
  std::vector<xmlNodePtr> log = doc.Query("//section[@class='audit']//li");
  ASSERT_EQ(log.size(), 2u);
  EXPECT_THAT(Text(log[1]), HasSubstr("deniz yayımladı"));

  // A new article: save as a draft or publish at once; the slug may be
  // chosen; nothing to withdraw.
  ArticleEditor blank;
  blank.stored.published = false;
  blank.error = "Başlık ve metin boş olamaz.";
  Doc fresh = Doc::Html(RenderArticleEditor(Info(), blank));
  EXPECT_EQ(fresh.AttrOf("//form[@data-article-editor]", "action"),
            "/desk/new");
  actions.clear();
  for (xmlNodePtr b : fresh.Query("//div[@class='editor-actions']/button")) {
    actions.push_back(Attr(b, "value"));
  }
  EXPECT_EQ(actions, (std::vector<std::string>{"save", "publish", "preview"}));
  EXPECT_FALSE(HasAttr(fresh.One("//input[@name='slug']"), "readonly"));
  EXPECT_EQ(fresh.AttrOf("//p[@role='alert']", "id"), "editor-error");
  EXPECT_EQ(fresh.AttrOf("//input[@name='headline']", "aria-describedby"),
            "editor-error");
}

// --- Login and error pages
// ----------------------------------------------------------

TEST(LoginPageTest, FormWithLabelsAndEscapedError) {
  const SiteInfo info = Info();
  const std::string html =
      RenderLoginPage(info, "tok\"en", "Kullanıcı adı veya parola yanlış <b>");
  ExpectInert(html, info, "login");
  Doc doc = Doc::Html(html);
  xmlNodePtr form = doc.One("//form[@class='login-form']");
  ASSERT_NE(form, nullptr);
  EXPECT_EQ(Attr(form, "method"), "post");
  EXPECT_EQ(Attr(form, "action"), "/login");
  EXPECT_EQ(doc.AttrOf("//input[@name='csrf_token']", "value"), "tok\"en");
  EXPECT_EQ(doc.AttrOf("//input[@name='username']", "id"), "login-username");
  EXPECT_EQ(doc.AttrOf("//input[@name='password']", "type"), "password");
  EXPECT_EQ(doc.Count("//label[@for='login-username']"), 1u);
  EXPECT_EQ(doc.Count("//label[@for='login-password']"), 1u);
  EXPECT_EQ(doc.TextOf("//p[@role='alert']"),
            "Kullanıcı adı veya parola yanlış <b>");
  EXPECT_EQ(doc.AttrOf("//input[@name='password']", "aria-describedby"),
            "login-error");

  Doc clean = Doc::Html(RenderLoginPage(info, "", ""));
  EXPECT_EQ(clean.Count("//p[@role='alert']"), 0u);
  EXPECT_FALSE(
      HasAttr(clean.One("//input[@name='password']"), "aria-describedby"));
}

TEST(ErrorPageTest, StatusAndEscapedMessage) {
  struct Case {
    int status;
    Lang lang;
    std::string title;
  };
  const Case cases[] = {
      {404, Lang::kTr, "Sayfa bulunamadı (404)"},
      {404, Lang::kEn, "Not found (404)"},
      {500, Lang::kTr, "Sunucu hatası (500)"},
      {418, Lang::kTr, "Hata (418)"},
  };
  for (const Case& c : cases) {
    SiteInfo info = Info();
    info.lang = c.lang;
    const std::string html =
        RenderErrorPage(info, c.status, "Haber bulunamadı <script>x</script>");
    ExpectInert(html, info, c.title);
    Doc doc = Doc::Html(html);
    EXPECT_EQ(doc.TextOf("//h1"), c.title);
    EXPECT_EQ(doc.TextOf("//p[@class='error-message']"),
              "Haber bulunamadı <script>x</script>");
    EXPECT_EQ(doc.AttrOf("//main//a", "href"), "/");
  }
}

TEST(StylesheetTest, HasVisibleFocusAndTheSkipLink) {
  const std::string_view css = DefaultStylesheet();
  EXPECT_THAT(std::string(css), HasSubstr(":focus-visible"));
  EXPECT_THAT(std::string(css), HasSubstr(".skip-link:focus"));
  EXPECT_EQ(css.find("</"), std::string_view::npos);
}

// --- The demo content a new site starts with
// ------------------------------------

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The file parsed, or a failed test naming what is wrong.
std::optional<toml::table> ReadToml(const std::string& path) {
  try {
    return toml::parse(ReadFile(path), path);
  } catch (const toml::parse_error& e) {
    ADD_FAILURE() << path << ": " << e.description();
    return std::nullopt;
  }
}

TEST(DemoContentTest, ArticleAndCommentsRender) {
  const std::string dir = datadir::Get() + "/demo/site";
  std::optional<toml::table> article_toml = ReadToml(dir + "/article.toml");
  ASSERT_TRUE(article_toml.has_value());
  store::Article a;
  a.id = 1;
  a.published_at = Utc(2026, 11, 27, 15, 0);
  a.updated_at = Utc(2026, 11, 27, 17, 30);
  for (auto [key, out] :
       std::initializer_list<std::pair<const char*, std::string*>>{
           {"slug", &a.slug},
           {"headline", &a.headline},
           {"lead", &a.lead},
           {"body", &a.body},
           {"photo_caption", &a.photo_caption},
           {"photo_credit", &a.photo_credit},
           {"source", &a.source},
           {"author", &a.author}}) {
    std::optional<std::string> v = (*article_toml)[key].value<std::string>();
    ASSERT_TRUE(v.has_value()) << key;
    EXPECT_FALSE(v->empty()) << key;
    *out = *v;
  }
  std::optional<toml::table> comments_toml = ReadToml(dir + "/comments.toml");
  ASSERT_TRUE(comments_toml.has_value());
  const toml::array* list = (*comments_toml)["comments"].as_array();
  ASSERT_NE(list, nullptr);
  ArticlePage page;
  page.article = a;
  int64_t id = 0;
  for (const toml::node& node : *list) {
    const toml::table* t = node.as_table();
    ASSERT_NE(t, nullptr);
    ++id;
    std::optional<int64_t> parent;
    if (auto reply = (*t)["reply_to"].value<int64_t>()) {
      ASSERT_GE(*reply, 0);
      ASSERT_LT(*reply, id - 1) << "reply_to must name an earlier comment";
      parent = *reply + 1;
    }
    page.comments.push_back(MakeComment(id, parent,
                                        a.published_at + absl::Minutes(10 * id),
                                        (*t)["author"].value_or(std::string()),
                                        (*t)["text"].value_or(std::string())));
    EXPECT_FALSE(page.comments.back().author.empty());
    EXPECT_FALSE(page.comments.back().text.empty());
  }
  EXPECT_GE(page.comments.size(), 3u);

  Doc doc = Doc::Html(RenderArticlePage(Info(), page));
  EXPECT_EQ(doc.TextOf("//h1"), a.headline);
  EXPECT_EQ(doc.Count("//div[@class='article-body']/p"), 5u);
  EXPECT_EQ(doc.Count("//li[@class='comment']"), page.comments.size());
  EXPECT_EQ(doc.TextOf("//p[@class='source']"), "Kaynak: " + a.source);
}

}  // namespace
}  // namespace newsroom::site
