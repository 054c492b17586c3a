// A photo's own page (/news/{slug}/photo): the photo large, its caption
// and credit, and share links; and the pieces of markup the article page
// shares with it (the responsive <img>, the caption, the link-preview
// tags).
//
// Share links are plain links built from the page's absolute URL, so they
// work without JavaScript; the copy-link button is hidden until the
// browser script shows it.
//
// Tested by render_test.cc.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "site/internal/html.h"
#include "site/render.h"

namespace newsroom::site {
namespace internal {
namespace {

// The size a browser without srcset loads: the smallest at least 800 px
// wide, or the largest there is.
const PhotoView::Size& FallbackSize(const PhotoView& photo) {
  const PhotoView::Size* best = &photo.sizes.front();
  for (const PhotoView::Size& s : photo.sizes) {
    if (s.width >= 800 && s.width < best->width) best = &s;
  }
  return *best;
}

// The size link previews use: the one named 1600, or the largest.
const PhotoView::Size& PreviewSize(const PhotoView& photo) {
  for (const PhotoView::Size& s : photo.sizes) {
    if (absl::EndsWith(s.url, "/1600.jpg")) return s;
  }
  return photo.sizes.front();
}

std::string SrcSet(const std::vector<PhotoView::Size>& sizes) {
  std::vector<std::string> parts;
  for (const PhotoView::Size& s : sizes) {
    if (s.width > 0) parts.push_back(absl::StrCat(s.url, " ", s.width, "w"));
  }
  return absl::StrJoin(parts, ", ");
}

}  // namespace

std::string ArticlePath(const store::Article& article) {
  return absl::StrCat("/news/", UrlEncode(article.slug));
}

std::string PhotoImg(const PhotoView& photo, std::string_view sizes_attr,
                     bool lead) {
  const PhotoView::Size& src = FallbackSize(photo);
  std::string out;
  const std::string webp = SrcSet(photo.webp);
  if (!webp.empty()) {
    absl::StrAppend(&out, "<picture><source type=\"image/webp\" srcset=\"",
                    EscapeHtml(webp), "\" sizes=\"", EscapeHtml(sizes_attr),
                    "\">");
  }
  absl::StrAppend(&out, "<img src=\"", EscapeHtml(src.url), "\"");
  const std::string srcset = SrcSet(photo.sizes);
  if (!srcset.empty()) {
    absl::StrAppend(&out, " srcset=\"", EscapeHtml(srcset), "\" sizes=\"",
                    EscapeHtml(sizes_attr), "\"");
  }
  if (src.width > 0 && src.height > 0) {
    absl::StrAppend(&out, " width=\"", src.width, "\" height=\"", src.height,
                    "\"");
  }
  // The lead photo is the page's largest paint: fetched first. Any other
  // waits until it is near the screen.
  absl::StrAppend(&out, lead ? " fetchpriority=\"high\"" : " loading=\"lazy\"",
                  " decoding=\"async\" alt=\"", EscapeHtml(photo.caption),
                  "\">", webp.empty() ? "" : "</picture>");
  return out;
}

std::string PhotoFigcaption(const SiteInfo& info, const PhotoView& photo) {
  std::string out = "<figcaption>";
  if (!photo.caption.empty()) {
    absl::StrAppend(&out, "<span class=\"caption\">", EscapeHtml(photo.caption),
                    "</span>");
  }
  if (!photo.credit.empty()) {
    absl::StrAppend(&out, " <span class=\"credit\">",
                    Say(info, "Fotoğraf", "Photo"), ": ",
                    EscapeHtml(photo.credit), "</span>");
  }
  out += "</figcaption>";
  return out;
}

std::string SocialMeta(const SiteInfo& info, const char* type,
                       std::string_view title, std::string_view description,
                       std::string_view url,
                       const std::optional<PhotoView>& photo) {
  auto meta = [](const char* attr, const char* name, std::string_view content) {
    return absl::StrCat("<meta ", attr, "=\"", name, "\" content=\"",
                        EscapeHtml(content), "\">\n");
  };
  std::string out = absl::StrCat(
      meta("property", "og:type", type), meta("property", "og:title", title),
      meta("property", "og:description", description),
      meta("property", "og:url", url),
      meta("property", "og:site_name", info.name),
      meta("property", "og:locale",
           info.lang == Lang::kEn ? "en_US" : "tr_TR"));
  if (photo && !photo->sizes.empty()) {
    const PhotoView::Size& s = PreviewSize(*photo);
    absl::StrAppend(&out,
                    meta("property", "og:image", AbsoluteUrl(info, s.url)));
    if (s.width > 0 && s.height > 0) {
      absl::StrAppend(
          &out, meta("property", "og:image:width", absl::StrCat(s.width)),
          meta("property", "og:image:height", absl::StrCat(s.height)));
    }
    if (!photo->caption.empty()) {
      absl::StrAppend(&out, meta("property", "og:image:alt", photo->caption));
    }
    absl::StrAppend(&out, meta("name", "twitter:card", "summary_large_image"));
  } else {
    absl::StrAppend(&out, meta("name", "twitter:card", "summary"));
  }
  absl::StrAppend(&out, meta("name", "twitter:title", title),
                  meta("name", "twitter:description", description));
  return out;
}

}  // namespace internal

using internal::AbsoluteUrl;
using internal::ArticlePath;
using internal::PhotoFigcaption;
using internal::PhotoImg;
using internal::Say;
using internal::SocialMeta;
using internal::UrlEncode;

std::string RenderPhotoPage(const SiteInfo& info, const store::Article& article,
                            const PhotoView& photo) {
  const std::string article_path = ArticlePath(article);
  const std::string page_path = photo.page_url.empty()
                                    ? absl::StrCat(article_path, "/photo")
                                    : photo.page_url;
  const std::string url = AbsoluteUrl(info, page_path);
  const std::string title =
      photo.caption.empty() ? article.headline : photo.caption;
  std::string head =
      absl::StrCat("<link rel=\"canonical\" href=\"", EscapeHtml(url), "\">\n",
                   "<meta name=\"description\" content=\"", EscapeHtml(title),
                   "\">\n",
                   SocialMeta(info, "article", article.headline, title, url,
                              std::optional<PhotoView>(photo)));
  std::string out =
      internal::PageStart(info, {.title = absl::StrCat(title, " — ", info.name),
                                 .head = std::move(head),
                                 .body_class = "page-photo"});
  absl::StrAppend(&out, "<article class=\"photo-page\">\n<h1><a href=\"",
                  article_path, "\">", EscapeHtml(article.headline),
                  "</a></h1>\n");
  if (!photo.sizes.empty()) {
    absl::StrAppend(&out, "<figure class=\"photo photo-large\">\n",
                    PhotoImg(photo, internal::kPhotoSizes, /*lead=*/true), "\n",
                    PhotoFigcaption(info, photo), "\n</figure>\n");
  }
  absl::StrAppend(&out, "<p class=\"back\"><a href=\"", article_path, "\">← ",
                  Say(info, "Habere dön", "Back to the article"), "</a></p>\n");

  // Share links built from the absolute URL of this page.
  const std::string u = UrlEncode(url);
  const std::string t = UrlEncode(article.headline);
  const std::string mail =
      absl::StrCat("mailto:?subject=", t, "&body=", t, UrlEncode("\n"), u);
  const std::string x =
      absl::StrCat("https://twitter.com/intent/tweet?url=", u, "&text=", t);
  const std::string facebook =
      absl::StrCat("https://www.facebook.com/sharer/sharer.php?u=", u);
  const std::string whatsapp =
      absl::StrCat("https://wa.me/?text=", t, UrlEncode(" "), u);
  absl::StrAppend(
      &out,
      "<section class=\"share\" id=\"share\" "
      "aria-labelledby=\"share-title\">\n",
      "<h2 id=\"share-title\">", Say(info, "Paylaş", "Share"), "</h2>\n",
      "<ul class=\"share-links\">\n", "<li><a data-share-via=\"email\" href=\"",
      EscapeHtml(mail), "\">", Say(info, "E-posta", "Email"), "</a></li>\n",
      "<li><a data-share-via=\"x\" rel=\"noopener noreferrer\" href=\"",
      EscapeHtml(x), "\">X (Twitter)</a></li>\n",
      "<li><a data-share-via=\"facebook\" rel=\"noopener noreferrer\" href=\"",
      EscapeHtml(facebook), "\">Facebook</a></li>\n",
      "<li><a data-share-via=\"whatsapp\" rel=\"noopener noreferrer\" href=\"",
      EscapeHtml(whatsapp), "\">WhatsApp</a></li>\n</ul>\n",
      "<p class=\"share-url\"><label for=\"share-url\">",
      Say(info, "Bağlantı", "Link"), "</label> ",
      "<input id=\"share-url\" type=\"url\" readonly value=\"", EscapeHtml(url),
      "\"> <button type=\"button\" data-copy-link=\"", EscapeHtml(url),
      "\" hidden>", Say(info, "Bağlantıyı kopyala", "Copy link"),
      "</button></p>\n</section>\n</article>\n", internal::PageEnd(info));
  return out;
}

}  // namespace newsroom::site
