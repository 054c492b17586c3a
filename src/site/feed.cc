// The RSS 2.0 feed of the newest articles.
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
                      const std::vector<store::Article>& articles) {
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
  if (!articles.empty()) {
    absl::Time last = articles.front().updated_at;
    for (const store::Article& a : articles)
      last = std::max(last, a.updated_at);
    absl::StrAppend(&out, "<lastBuildDate>", internal::FormatRfc822(last),
                    "</lastBuildDate>\n");
  }
  for (const store::Article& a : articles) {
    const std::string link = EscapeHtml(internal::AbsoluteUrl(
        info, absl::StrCat("/news/", internal::UrlEncode(a.slug))));
    absl::StrAppend(&out, "<item>\n<title>", EscapeHtml(a.headline),
                    "</title>\n<link>", link, "</link>\n",
                    "<guid isPermaLink=\"true\">", link, "</guid>\n<pubDate>",
                    internal::FormatRfc822(a.published_at),
                    "</pubDate>\n<description>", EscapeHtml(a.lead),
                    "</description>\n</item>\n");
  }
  out += "</channel>\n</rss>\n";
  return out;
}

}  // namespace newsroom::site
