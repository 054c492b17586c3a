// The front page: the newest articles, each a headline link with its lead
// and publication time, and the link to the RSS feed.
//
// Tested by render_test.cc.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "site/internal/html.h"
#include "site/render.h"

namespace newsroom::site {

using internal::AbsoluteUrl;
using internal::ArticlePath;
using internal::Say;
using internal::TimeElement;

std::string RenderFrontPage(const SiteInfo& info,
                            const std::vector<store::Article>& articles) {
  std::string out = internal::PageStart(
      info, {.title = absl::StrCat(
                 info.name, " — ",
                 info.lang == Lang::kEn ? "Latest news" : "Son haberler"),
             .head = absl::StrCat(
                 "<link rel=\"canonical\" href=\"",
                 EscapeHtml(AbsoluteUrl(info, "/")), "\">\n",
                 "<meta name=\"description\" content=\"",
                 EscapeHtml(absl::StrCat(
                     info.name, info.lang == Lang::kEn
                                    ? ": the latest news, photos and readers' "
                                      "comments."
                                    : ": son haberler, fotoğraflar ve okur "
                                      "yorumları.")),
                 "\">\n"),
             .body_class = "page-front"});
  absl::StrAppend(&out, "<h1>", Say(info, "Son haberler", "Latest news"),
                  "</h1>\n");
  if (articles.empty()) {
    absl::StrAppend(&out, "<p>", Say(info, "Henüz haber yok.", "No news yet."),
                    "</p>\n");
  } else {
    out += "<ol class=\"article-list\">\n";
    for (const store::Article& a : articles) {
      absl::StrAppend(
          &out, "<li>\n<article class=\"teaser\">\n<h2><a href=\"",
          ArticlePath(a), "\">", EscapeHtml(a.headline),
          "</a></h2>\n<p class=\"lead\">", EscapeHtml(a.lead),
          "</p>\n<p class=\"dates\">", Say(info, "Yayınlanma", "Published"),
          ": ", TimeElement(info, a.published_at), "</p>\n</article>\n</li>\n");
    }
    out += "</ol>\n";
  }
  absl::StrAppend(&out, "<p class=\"feed\"><a href=\"/rss.xml\">",
                  Say(info, "RSS ile takip edin", "Follow by RSS"),
                  "</a></p>\n", internal::PageEnd(info));
  return out;
}

}  // namespace newsroom::site
