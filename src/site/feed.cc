// The RSS 2.0 feed of the newest articles, the sitemaps search engines and
// news aggregators read, and robots.txt.
//
// Every value is escaped as XML character data (EscapeHtml's output is
// valid XML: its references are the predefined &amp; &lt; &gt; &quot; and
// the numeric &#39;, and it drops the characters XML forbids), so a
// headline can hold anything without breaking the feed. Dates are RFC 822
// in UTC; links are absolute.
//
// Tested by render_test.cc.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/time/time.h"
#include "site/internal/html.h"
#include "site/render.h"

namespace newsroom::site {

std::string RenderRss(const SiteInfo& info,
                      const std::vector<FeedItem>& items) {
  const bool en = info.lang == Lang::kEn;
  std::string out = absl::StrCat(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
      "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n",
      "<channel>\n<title>", EscapeHtml(info.name), "</title>\n<link>",
      EscapeHtml(internal::AbsoluteUrl(info, "/")), "</link>\n<description>",
      EscapeHtml(
          absl::StrCat(info.name, en ? ": latest news" : ": son haberler")),
      "</description>\n<language>", en ? "en" : "tr", "</language>\n",
      "<atom:link href=\"", EscapeHtml(internal::AbsoluteUrl(info, "/rss.xml")),
      "\" rel=\"self\" type=\"application/rss+xml\"/>\n");
  if (!items.empty()) {
    absl::Time last = items.front().article.updated_at;
    for (const FeedItem& i : items) last = std::max(last, i.article.updated_at);
    absl::StrAppend(&out, "<lastBuildDate>", internal::FormatRfc822(last),
                    "</lastBuildDate>\n");
  }
  for (const FeedItem& item : items) {
    const store::Article& a = item.article;
    const std::string link = EscapeHtml(internal::AbsoluteUrl(
        info, absl::StrCat("/news/", internal::UrlEncode(a.slug))));
    absl::StrAppend(
        &out, "<item>\n<title>", EscapeHtml(a.headline), "</title>\n<link>",
        link, "</link>\n", "<guid isPermaLink=\"true\">", link,
        "</guid>\n<pubDate>", internal::FormatRfc822(a.published_at),
        "</pubDate>\n<description>", EscapeHtml(a.lead), "</description>\n");
    if (item.photo) {
      absl::StrAppend(&out, "<enclosure url=\"",
                      EscapeHtml(internal::AbsoluteUrl(info, item.photo->url)),
                      "\" length=\"", item.photo->bytes, "\" type=\"",
                      EscapeHtml(item.photo->type), "\"/>\n");
    }
    out += "</item>\n";
  }
  out += "</channel>\n</rss>\n";
  return out;
}

std::string RenderRobots(const SiteInfo& info) {
  return absl::StrCat(
      "# Newsroom\nUser-agent: *\nDisallow: /desk\nDisallow: /moderation\n"
      "Disallow: /login\nDisallow: /api/\nAllow: /\n\nSitemap: ",
      internal::AbsoluteUrl(info, "/sitemap.xml"),
      "\nSitemap: ", internal::AbsoluteUrl(info, "/news-sitemap.xml"), "\n");
}

std::string RenderSitemap(const SiteInfo& info,
                          const std::vector<store::Article>& articles) {
  std::string out = absl::StrCat(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
      "<url><loc>", EscapeHtml(internal::AbsoluteUrl(info, "/")), "</loc>");
  if (!articles.empty()) {
    absl::Time last = articles.front().updated_at;
    for (const store::Article& a : articles)
      last = std::max(last, a.updated_at);
    absl::StrAppend(&out, "<lastmod>", FormatRfc3339(last), "</lastmod>");
  }
  out += "</url>\n";
  for (const store::Article& a : articles) {
    if (!a.published) continue;
    absl::StrAppend(
        &out, "<url><loc>",
        EscapeHtml(internal::AbsoluteUrl(info, internal::ArticlePath(a))),
        "</loc><lastmod>", FormatRfc3339(a.updated_at), "</lastmod></url>\n");
  }
  out += "</urlset>\n";
  return out;
}

std::string RenderNewsSitemap(const SiteInfo& info,
                              const std::vector<store::Article>& articles,
                              absl::Time now) {
  std::string out = absl::StrCat(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
      "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">\n");
  for (const store::Article& a : articles) {
    // Google News takes the articles of the last two days, at most 1,000.
    if (!a.published || a.published_at < now - absl::Hours(48)) continue;
    absl::StrAppend(
        &out, "<url><loc>",
        EscapeHtml(internal::AbsoluteUrl(info, internal::ArticlePath(a))),
        "</loc><news:news><news:publication><news:name>", EscapeHtml(info.name),
        "</news:name><news:language>", info.lang == Lang::kEn ? "en" : "tr",
        "</news:language></news:publication><news:publication_date>",
        FormatRfc3339(a.published_at), "</news:publication_date><news:title>",
        EscapeHtml(a.headline), "</news:title></news:news></url>\n");
  }
  out += "</urlset>\n";
  return out;
}

}  // namespace newsroom::site
